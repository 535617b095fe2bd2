"""Cells of a grid: a timesheet, a charge-capture table or a CSV export pasted into a note.

A header row names its columns ("Pt | Svc | In | Out | Total | Code | Pt in rm?", "start,end,min,type,client");
each row below it gives one value per column. Rules ask for the cell under a named column ("Total" → "30"),
so a value is read by its column, not by the words around it. Cells are split by the header's own separator
(a bar, a tab, a comma outside quotes, or a run of spaces); each row is read once, so the cost is linear.

An export's quoting is read as CSV writes it: a cell in double quotes keeps its commas and tabs, its doubled
quotes ("" for ") and its line breaks (one record may run over several lines); the value is the text inside the
quotes, so a clock time in '"08:31"' is found where the note has it. A heading is read by its words
("pt_present", "PtPresent", '"Total_Min"' are "pt present", "pt present", "total min").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from assistant.notes.lines import MAX_MENTIONS

MAX_ROWS = 50
MIN_COLUMNS = 3
_SPACES = re.compile(r"[ \t]{2,}")
_RULE = re.compile(r"[ \t|:+=-]*")
_DIGIT = re.compile(r"\d")
# a column's name: a few words, no clause ("pt_present", "Time In", '"Total_Min"')
_NAME = re.compile(r'"?[\w/#?.-]+(?:[ \t][\w/#?.-]+){0,3}"?')
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# a quoted cell with a line break in it runs on to the next line: bounded, so an unmatched quote costs little
MAX_RECORD_LINES = 12


@dataclass(frozen=True)
class Cell:
    """One row's value under one column: the column's heading (lower case), where the value is, and where its
    row starts."""

    heading: str
    start: int
    end: int
    row: int


def _separator(header: str) -> str | None:
    for sep in ("|", "\t", ","):
        if header.count(sep) >= MIN_COLUMNS - 1:
            return sep
    return "  " if len(_SPACES.findall(header.strip())) >= MIN_COLUMNS - 1 else None


def split_cells(text: str, a: int, b: int, sep: str) -> list[tuple[int, int]]:
    """Spans of the stripped cells of text[a:b]; a comma inside double quotes does not split (CSV)."""
    if sep == "  ":
        cuts = [(m.start(), m.end()) for m in _SPACES.finditer(text, a, b)]
    elif sep in (",", "\t") and text.find('"', a, b) != -1:
        cuts, quoted = [], False
        for i in range(a, b):
            if text[i] == '"':
                quoted = not quoted
            elif text[i] == sep and not quoted:
                cuts.append((i, i + 1))
    else:
        cuts, i = [], text.find(sep, a, b)
        while i != -1:
            cuts.append((i, i + 1))
            i = text.find(sep, i + 1, b)
    spans, pos = [], a
    for cut_start, cut_end in [*cuts, (b, b)]:
        lo, hi = pos, cut_start
        while lo < hi and text[lo] in " \t":
            lo += 1
        while hi > lo and text[hi - 1] in " \t":
            hi -= 1
        if hi - lo >= 2 and text[lo] == '"' and text[hi - 1] == '"':
            lo, hi = lo + 1, hi - 1  # '"08:31"': the value inside the quotes
        spans.append((lo, hi))
        pos = cut_end
    if sep == "|" and spans and spans[0][0] == spans[0][1]:
        spans = spans[1:]  # "| a | b |": the bars that open and close the row make no cells
    if sep == "|" and spans and spans[-1][0] == spans[-1][1]:
        spans = spans[:-1]
    return spans


def cells(text: str) -> tuple[Cell, ...]:
    """Every value of every grid in `text`, with the heading of its column (read once per note: the time and the
    presence rules both ask)."""
    return _read(text)[0]


def header_rows(text: str) -> tuple[tuple[int, int], ...]:
    """Where each grid's header row is (a header with at least one row under it): its words name columns
    ("pt_present", "start"), they say nothing of this visit."""
    return _read(text)[1]


@lru_cache(maxsize=4)
def _read(text: str) -> tuple[tuple[Cell, ...], tuple[tuple[int, int], ...]]:
    found: list[Cell] = []
    headers: list[tuple[int, int]] = []
    pos = 0
    for _ in range(MAX_MENTIONS):
        if pos >= len(text):
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        sep = None if _DIGIT.search(line) else _separator(line)
        spans = split_cells(text, pos, end, sep) if sep else []
        if len(spans) >= MIN_COLUMNS and all(a < b for a, b in spans):
            before = len(found)
            found.extend(_rows(text, end + 1, sep or "", [heading(text[a:b]) for a, b in spans]))
            if len(found) > before and all(_NAME.fullmatch(text, a, b) for a, b in spans):
                headers.append((pos, end))  # a row of column names, not a sentence with commas
        pos = end + 1
    return tuple(found), tuple(headers)


def heading(name: str) -> str:
    """A column's name by its words, lower case: '"Total_Min"' and "TotalMin" are "total min"."""
    return " ".join(_CAMEL.sub(" ", name.strip().strip('"')).replace("_", " ").lower().split())


def record_end(text: str, pos: int, sep: str) -> int:
    """Where the record starting at `pos` ends: its line's end, or for CSV a later line's when a quoted cell holds
    a line break (an odd count of quotes so far). Each line is counted once."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    if sep not in (",", "\t"):
        return end
    quotes = text.count('"', pos, end)
    for _ in range(MAX_RECORD_LINES):
        if quotes % 2 == 0 or end >= len(text):
            return end
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        quotes += text.count('"', end, nxt)
        end = nxt
    return text.find("\n", pos) if text.find("\n", pos) >= 0 else len(text)  # never closed: one line


def _rows(text: str, pos: int, sep: str, headings: list[str]) -> Iterator[Cell]:
    for _ in range(MAX_ROWS):
        if pos >= len(text):
            return
        end = record_end(text, pos, sep)
        if _RULE.fullmatch(text, pos, end) and text[pos:end].strip():
            pos = end + 1  # "|---|---|" under a markdown header
            continue
        spans = split_cells(text, pos, end, sep)
        if len(spans) < MIN_COLUMNS or abs(len(spans) - len(headings)) > 1:
            return
        for heading, (a, b) in zip(headings, spans[:MAX_MENTIONS], strict=False):
            yield Cell(heading, a, b, pos)
        pos = end + 1
