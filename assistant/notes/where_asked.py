"""Where the patient was, as the answer to a label: "Where pt was: at her hair appt downtown", "Where was the
patient: across the hall", "Patient status for this session: at home with his daughter; not at the clinic".

The label names the patient, so its answer needs no subject: an answer that puts the patient somewhere else is
absence, one that puts the patient in the room is presence, anything else says nothing. Each pattern is bounded
(the answer is read to the end of its line, at most 200 characters), so a scan is linear in the note.
"""

from __future__ import annotations

import re

from assistant.notes.scan import finditer
from assistant.notes.vocabulary import AWAY_PLACES

Span = tuple[int, int]

_WHO = r"(?:the\s+)?(?:pt|patient|client|child|resident)"
_LABEL_SOURCE = (
    r"\b(?:where\s+(?:was|is)\s+" + _WHO + r"|where\s+" + _WHO + r"\s+(?:was|is)"
    # "Patient status for this session:", "Pt whereabouts during training:"
    r"|(?:pt|patient|client|child|resident)(?:'s)?\s+(?:status|whereabouts)"
    r"(?:\s+(?:for|during)\s+(?:(?:this|the)\s+)?(?:session|visit|training))?)"
    r"[ \t]*[:?]{1,2}[ \t]*(?P<answer>[^\n]{1,200})"
)
_LABEL = re.compile(_LABEL_SOURCE, re.I)
_PLACES = r"(?:" + "|".join(re.escape(p) for p in sorted(AWAY_PLACES, key=len, reverse=True)) + r")\b"
# somewhere else: a place the patient goes, "not in our room", "out of the house", "across the hall", "home with"
_AWAY = re.compile(
    r"\b(?:not\s+(?:in|at|present|here)|out\s+of|away|absent|across\s+(?:the\s+)?(?:hall|street|town)"
    r"|home\s+(?:with|w/)|(?:at|in|@)\s+(?:[\w'’/:.-]+\s+){0,4}?" + _PLACES + r")",
    re.I,
)
_HERE = re.compile(
    r"\b(?:present|here|with us|at the table|in (?:the |our )?(?:room|session|gym|treatment area))\b", re.I
)


# who was present, answered with the caregiver alone: "Present // wife Yolanda only -- Clement at adult day program"
_PRESENT_LABEL_SOURCE = (
    r"^[ \t]*(?:present|in attendance|who was present|attending)[ \t]*(?://|:|--)[ \t]*(?P<answer>[^\n]{1,200})"
)
_PRESENT_LABEL = re.compile(_PRESENT_LABEL_SOURCE, re.I | re.M)
_ONLY = re.compile(r"\b(?:only|alone)\b", re.I)
_PATIENT = re.compile(r"\b(?:pt|patient|client|child|resident)\b(?!'s|’s)", re.I)


def asked_where(text: str) -> tuple[list[Span], list[Span]]:
    """(presence, absence): the answers to a where-was-the-patient label, and a who-was-present label answered
    with someone "only" who is not the patient."""
    presence: list[Span] = []
    absence: list[Span] = []
    for m in finditer(_PRESENT_LABEL, text, _PRESENT_LABEL_SOURCE):
        first = m["answer"].split("--")[0].split(";")[0]  # the answer's first clause: who was there
        if _ONLY.search(first) and not _PATIENT.search(first):
            absence.append(m.span())
    for m in finditer(_LABEL, text, _LABEL_SOURCE):
        answer = _column_answer(text, m)
        if _AWAY.search(answer):
            absence.append(m.span())
        elif _HERE.search(answer):
            presence.append(m.span())
    return presence, absence


# a scanned two-column form: the label's answer stops at the gap before the right column and goes on in the left
# column of the next lines ("Pt whereabouts: at cardiac      [smudged]\nrehab appt dn the hall, not w/   Consent: ...")
_COLUMN_GAP = re.compile(r"[ \t]{4,}\S")
COLUMN_LINES = 2


def _column_answer(text: str, m: re.Match[str]) -> str:
    """The label's answer, read down its column when the line has a right column beside it."""
    answer = m["answer"]
    gap = _COLUMN_GAP.search(answer)
    if gap is None:
        return answer
    parts = [answer[: gap.start()]]
    end = m.end()
    for _ in range(COLUMN_LINES):
        if end >= len(text) or text[end] != "\n":
            break
        line_end = text.find("\n", end + 1, end + 202)
        line = text[end + 1 : line_end if line_end != -1 else min(len(text), end + 202)]
        gap = _COLUMN_GAP.search(line)
        parts.append(line[: gap.start()] if gap else line)
        end = end + 1 + len(line)
    return " ".join(parts)
