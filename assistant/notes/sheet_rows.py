"""What each row of a timesheet or productivity grid logs.

A clinician's daily export lists the whole day, one row per activity: the drive to the home, the caregiver
training, the charting after it, a non-billable call, another patient's evaluation ("07:30 08:10 40 Travel",
"08:15 08:30 15 CG TRAINING, PT ABSENT", "08:30 08:50 20 Documentation"). Only the training rows are training time;
the therapist's own time (travel is not CTS time, nor is paperwork) and another patient's visit are not this
patient's session at all. A row is read by its activity and code cells when the grid has them (a comment cell may
mention the caregiver on a row that is not training), else by its whole line. Each row is read once: linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.notes import grid
from assistant.notes.lines import LineIndex

CTS, ASIDE, OTHER, ANOTHER_PATIENT = "cts", "aside", "other", "another_patient"

MINUTES_HEADINGS = frozenset(
    {"total", "min", "mins", "minutes", "total min", "total mins", "total minutes", "duration"}
)
_ACTIVITY_HEADINGS = frozenset(
    {"activity", "service", "svc", "type", "description", "desc", "task", "category", "kind", "service type",
     "code", "cpt", "chg", "charge", "billed", "cpt/hcpcs", "hcpcs", "un", "units"}
)
# a grid that logs time has a column of clock times or minutes; a comma-separated list of names read as a header
# ("Attendees: daughter Saoirse Wendt, Ilka Marten, OTR/L, ...") has none
_TIME_HEADINGS = MINUTES_HEADINGS | frozenset(
    {"time", "in", "out", "time in", "time out", "start", "stop", "end", "start time", "stop time", "end time", "begin",
     "from", "to"}
)
_PATIENT_HEADINGS = frozenset({"patient", "pt", "client", "pt name", "patient name", "name"})
_DATE_HEADINGS = frozenset({"date", "dos", "day", "date of service"})

_CTS_ROW = re.compile(
    r"\b(?:(?:cg|caregiver|care[ -]giver|family|fam)\s*(?:training|trng|trn|train|tr)\b|cts\b|9755[012]\b"
    r"|G05(?:39|4[0-3])\b)",
    re.I,
)
# the therapist's own time: on the road, at the desk, on the phone, at lunch (a break row is left to the break rule)
_ASIDE_ROW = re.compile(
    r"\b(?:travel\w*|drive|driving|drove|mileage|commute|doc|documentation|charting|charted|note[- ]writing"
    r"|paperwork|admin\w*|non[- ]?billable|not billable|phone|lunch|meeting|mtg|in[- ]?service|no[- ]show"
    r"|cancel\w*)\b",
    re.I,
)
# another billed service on the row: an evaluation, a patient-present therapy code
_OTHER_ROW = re.compile(r"\b(?:re-?)?eval\w*\b|\b(?:9[0-9]{4}|G0\d{3})\b|\bpt present\b", re.I)
_PLACEHOLDER = re.compile(r"[ \t]*(?:-+|–|—|n/?a|none|\.+)?[ \t]*", re.I)
MINUTES_FIGURE = re.compile(r"\d{1,3}")


@dataclass(frozen=True)
class SheetRows:
    """Each grid row's kind by where the row starts, and the training rows' minutes cells."""

    kinds: dict[int, str] = field(default_factory=dict)
    cts_minutes: tuple[tuple[int, int], ...] = ()  # spans of the training rows' minutes cells
    one_date: bool = True  # the training rows all log the same date (a weekly log of several does not add up)

    def kind_at(self, row_start: int) -> str | None:
        return self.kinds.get(row_start)

    @property
    def has_training(self) -> bool:
        return CTS in self.kinds.values()


def _cells_by_row(text: str) -> dict[int, dict[str, tuple[int, int]]]:
    rows: dict[int, dict[str, tuple[int, int]]] = {}
    for cell in grid.cells(text):
        rows.setdefault(cell.row, {}).setdefault(cell.heading, (cell.start, cell.end))
    return {row: cells for row, cells in rows.items() if _TIME_HEADINGS & cells.keys()}


def _value(text: str, span: tuple[int, int] | None) -> str:
    """A cell's text, lower case; "" for no cell or a placeholder ("--", "n/a")."""
    if span is None or _PLACEHOLDER.fullmatch(text, *span):
        return ""
    return text[span[0] : span[1]].strip().lower()


def _kind(text: str, row: int, cells: dict[str, tuple[int, int]]) -> str | None:
    activity = " ".join(text[a:b] for heading, (a, b) in cells.items() if heading in _ACTIVITY_HEADINGS)
    if not activity.strip(" -–—"):
        end = text.find("\n", row)
        activity = text[row : len(text) if end < 0 else end]
    if _CTS_ROW.search(activity):
        return CTS
    if _ASIDE_ROW.search(activity):
        return ASIDE
    return OTHER if _OTHER_ROW.search(activity) else None


def _cell(cells: dict[str, tuple[int, int]], headings: frozenset[str]) -> tuple[int, int] | None:
    return next((span for heading, span in cells.items() if heading in headings), None)


@lru_cache(maxsize=4)
def read(text: str) -> SheetRows:
    """The kinds of the rows of every grid in `text` (empty when no grid logs caregiver training)."""
    rows = _cells_by_row(text)
    kinds = {row: kind for row, cells in rows.items() if (kind := _kind(text, row, cells)) is not None}
    training = [row for row, kind in kinds.items() if kind == CTS]
    if not training:
        return SheetRows()
    ours = {value for row in training if (value := _value(text, _cell(rows[row], _PATIENT_HEADINGS)))}
    for row, cells in rows.items():
        name = _value(text, _cell(cells, _PATIENT_HEADINGS))
        if ours and name and kinds.get(row) != CTS and name not in ours:
            kinds[row] = ANOTHER_PATIENT  # "09:00 09:45 Eval (pt present) Branwell, Otis": someone else's visit
    minutes = tuple(
        span for row in training
        if (span := _cell(rows[row], MINUTES_HEADINGS)) is not None and MINUTES_FIGURE.fullmatch(text, *span)
    )
    dates = {_value(text, _cell(rows[row], _DATE_HEADINGS)) for row in training}
    return SheetRows(kinds, minutes, len(dates) <= 1)


def another_patients(text: str, lines: LineIndex, pos: int) -> bool:
    """Whether `pos` is on a grid row of another patient's visit (its codes are not this patient's same-day
    services). The row is found by binary search: a long line asked about many times costs no rescans."""
    sheet = read(text)
    return sheet.has_training and sheet.kind_at(lines.line_span(lines.number(pos))[0]) == ANOTHER_PATIENT
