"""`Pin`: a knowledge entry that holds the answer to a question, and the knowledge object behind it (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.retrieval.understand import Period


@dataclass(frozen=True)
class Pin:
    """An entry that holds the answer, and the knowledge object it was written from."""

    entry: str
    # fee | cf | kx | code | dx | reason | route | aic | telehealth | waiver | waiver_ended | units | decision | faq
    # | descriptor (a code's own descriptor quoted: "which code for a group") | code_time (a code's descriptor and its
    # dates, for minutes told of a code whose family has no units passage)
    what: str
    obj: Any = None
    strong: bool = True  # keyed by the code or period asked about: search ranks it first
    corrects: bool = False  # states that the question's premise does not hold: it leads, the dated pins follow


def overlaps(start: date | None, end: date | None, period: Period) -> bool:
    return (start is None or start <= period[1]) and (end is None or end >= period[0])
