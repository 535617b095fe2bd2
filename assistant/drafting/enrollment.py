"""An enrolment or credentialing effective date the payer's words state, against the date of service (pure).

    effective_dates(text, words) -> the dates stated right after an effective-date phrase
    enrolled_after_service(pattern, payer_text, on) -> True when every such date falls after the service

A rendering provider's enrolment (Medicare: the reassignment's effective date, set from the application's receipt) or
a plan's credentialing decides whether a service can be paid at all. When every effective date the file states falls
after the date of service, a claim appeal cannot move it and nothing on the claim corrects it; when the file also holds
an earlier one (the plan's own approval letter), the payer's date is disputed on the record and the denial is appealed.
The phrases are data (knowledge/denials/patterns.yaml `effective_date_words`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.drafting.facts import dates
from assistant.knowledge.schema import DenialPattern

# a date within a few words after the phrase, in the same sentence ("effective date of 08/05/2026", "EFFECTIVE DATE ON
# FILE: 09/01/2026", "participating provider effective August 1, 2026")
_WINDOW = 40
_BACK = 160
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n\s*\n")


def _names(text: str, words: Sequence[str]) -> bool:
    """One of `words` is in `text` as a whole word, any case (remedy.says, which imports this module)."""
    return any(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", text, re.I) for w in words)


def _sentence_before(text: str, start: int) -> str:
    """The part of the sentence before `start` (at most a few lines back)."""
    before = text[max(0, start - _BACK) : start]
    ends = list(_SENTENCE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


def effective_dates(text: str, words: Sequence[str], context: Sequence[str] = ()) -> list[date]:
    """Every date stated right after one of `words` (whole words, any case), in the order found; with `context`, only
    in a sentence that also names one of those (an enrolment, a reassignment, a network), not any effective date."""
    found: list[date] = []
    for word in words:
        for m in re.finditer(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text, re.I):
            # the window runs on to the end of the word it cuts, so "08/05/2026" is never read as "08/05/20"
            stop, last = m.end() + _WINDOW, min(len(text), m.end() + _WINDOW + 12)
            while stop < last and not text[stop].isspace():
                stop += 1
            after = text[m.end() : stop]
            if (end := _SENTENCE_END.search(after)) is not None:
                after = after[: end.start() + 1]  # "08/05/2026." keeps its date, the next sentence is dropped
            if context and not _names(_sentence_before(text, m.start()) + " " + after, context):
                continue
            for iso in sorted(dates(after)):
                try:
                    found.append(date.fromisoformat(iso))
                except ValueError:  # an impossible date as written ("13/45/2026"): not a date
                    continue
    return found


def enrolled_after_service(pattern: DenialPattern | None, payer_text: str, on: date | None) -> bool:
    """The file states the provider's effective date, and every such date falls after the date of service."""
    if pattern is None or not pattern.effective_after_service or on is None:
        return False
    stated = effective_dates(payer_text, pattern.effective_date_words, pattern.effective_context_words)
    return bool(stated) and all(d > on for d in stated)
