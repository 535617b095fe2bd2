"""Good cause for filing late, as the file states it (pure).

    stated_cause(kb, *texts) -> StatedCause | None

A request filed after its limit is heard only for good cause (facts §11; 42 CFR 405.942(b)). The claim's
`good_cause` field says it outright; without it, the payer's notice or a practice memo kept with the note may
state the circumstance (a flood under an emergency declaration, a notice that never arrived). The words are
data (knowledge/appeals/levels.yaml `good_cause`); the practice's own matters (an office move, staff turnover,
an EHR error) are named so the answer can say why they are not good cause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.drafting.remedy import says
from assistant.knowledge.loader import Knowledge

# a sentence runs on to a wrapped line that goes on in lower case; a full stop before a space ends it ("08/29/2026"
# does not), and so does a line that opens a new entry ("(Acct note ...", "[Office note ...")
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?!\s)|\n(?=[ \t]*[a-z0-9]))+[.!?]?")


@dataclass(frozen=True)
class StatedCause:
    sentence: str  # the file's own sentence that states it
    word: str  # the phrase that was recognised
    good: bool  # a circumstance a reviewer accepts, or the practice's own matter


def _find(texts: tuple[str, ...], words: list[str]) -> tuple[str, str] | None:
    for text in texts:
        for m in _SENTENCE.finditer(text or ""):
            if (word := says(m.group(0), words)) is not None:
                return " ".join(m.group(0).split()), word
    return None


def stated_cause(kb: Knowledge, *texts: str) -> StatedCause | None:
    """The first good cause the texts state, else the first reason they give that is not one; None when silent."""
    rule = kb.appeals.good_cause
    if rule is None:
        return None
    if (found := _find(texts, rule.words)) is not None:
        return StatedCause(*found, good=True)
    if (found := _find(texts, rule.not_good_cause)) is not None:
        return StatedCause(*found, good=False)
    return None
