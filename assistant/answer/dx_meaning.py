"""What a diagnosis code means clinically, which the knowledge does not hold (pure).

    meaning_not_held(understand("Which G20 subcode is Parkinson's with dyskinesia, G20.A1 or G20.B1?"), passages)
    # -> "I can't answer this from the knowledge base: its sources do not say which code means parkinson's with
    #     dyskinesia."

The knowledge holds which ICD-10-CM codes are billable on a date and what replaces a header (G20 -> G20.A1-G20.C), not
the clinical description of each subcode. A question that picks a code by its description is answered only when a
passage found names the description's words ("which code for fall risk, R29.6 or Z91.81?" is: "fall risk is Z91.81").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import Passage
from assistant.retrieval.bm25 import tokenize
from assistant.retrieval.understand import Intent

CANNOT = "I can't answer this from the knowledge base"
# "which of the G20 subcodes is ...", "which G20 subcode means ...", "what code is for ...": a code picked by what it
# describes; the description runs to the end of the clause
WHICH_MEANS = re.compile(
    r"\b(?:which|what)\b[^?.]{0,40}?\b(?:sub-?codes?|codes?|one)\b[^?.]{0,20}?"
    r"\b(?:is|means?|is for|stands for|covers?|describes?|=)\s+(?P<described>[^?.]{3,80})", re.I)
# the rest of a description: the alternatives offered ("- G20.A1 or ...", "or something in G20.B")
_ALTERNATIVES = re.compile(r"\s*[,;(\u2013\u2014]\s*|\s-{1,2}\s|\s\bor\b\s", re.I)
# words of any question, not of a clinical description ("which code is right for a knee replacement")
_PLAIN = frozenset({"with", "without", "and", "from", "that", "this", "code", "codes", "right", "correct", "best",
                    "proper", "used", "billed", "valid", "billable"})
_CODE = re.compile(r"\b[A-Z]\d{2}(?:\.[\dA-Z]{1,4})?x?\b", re.I)


def meaning_not_held(intent: Intent, passages: Sequence[Passage]) -> str | None:
    """The refusal for a diagnosis code asked by its clinical description that no passage found names, or None."""
    if not intent.diagnosis_codes:
        return None
    asked = WHICH_MEANS.search(intent.query)
    if not asked:
        return None
    described = _ALTERNATIVES.split(asked.group("described"), maxsplit=1)[0]
    words = [w for w in re.findall(r"[a-z][a-z']{3,}", _CODE.sub(" ", described).lower())
             if w not in _PLAIN]
    if not words:
        return None
    held = {t for p in passages for t in tokenize(p.text)}
    if all(set(tokenize(w)) <= held for w in words):
        return None
    return f"{CANNOT}: its sources do not say which code means {described.strip()}."
