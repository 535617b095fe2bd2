"""A stay or period that had ended before the date of service, in the note's or the file's words (pure).

    stay_ended(pattern, note, payer_text, on) -> the appeal, or None

A denial for another provider's bundle (SNF or home health consolidated billing, CO-109 / N70 / MA101) rests on the
dates Medicare holds for that stay. When the record dates the discharge before the session ("discharged home from
Willowmere Care Center on 10/02/2026" for a 10/09 home visit), the bundle did not cover the day: the line is appealed
with the discharge summary. The phrases are data (knowledge/denials/patterns.yaml `stay_ended_words`).
"""

from __future__ import annotations

import re
from datetime import date

from assistant.drafting.enrollment import effective_dates
from assistant.drafting.remedy import Remedy
from assistant.knowledge.schema import DenialPattern

# a clause that names a hospital: its discharge often begins the home health period the denial names, so it ends no
# bundle here ("discharged from the hospital 09/20/2026; HH start of care 09/22/2026")
_HOSPITAL = re.compile(r"\b(?:hospital|acute care|inpatient)\b", re.I)
_CLAUSE = re.compile(r"(?<=[.;!?])\s+|\n")


def stay_ended(pattern: DenialPattern | None, note: str, payer_text: str, on: date | None) -> Remedy | None:
    """An appeal when the note or the file states an end of the stay, and every end date stated falls before the
    date of service `on` (in a sentence naming the stay: `stay_ended_context_words`); else None (the pattern's own
    answer stands)."""
    if pattern is None or not pattern.stay_ended_before_service or on is None:
        return None
    words, context = pattern.stay_ended_words, pattern.stay_ended_context_words
    stated = [d for text in (note, payer_text) for clause in _CLAUSE.split(text)
              if not _HOSPITAL.search(clause) for d in effective_dates(clause, words, context)]
    if not stated or any(d >= on for d in stated):
        return None
    return Remedy("appeal", pattern.title, pattern.stay_ended_before_service, sources=tuple(pattern.sources),
                  from_payer=True)
