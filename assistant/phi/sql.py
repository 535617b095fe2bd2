"""Values of a SQL dump, by the column that holds them.

* ``COPY public.caregivers (id, patient_id, full_name, phone) FROM stdin;`` then tab-separated rows (pg_dump);
* ``INSERT INTO caregivers (id, full_name, dob) VALUES (3301, 'rosalind achterberg', '1950-02-01'), (...);``

A dump's names are often lower case and its row ids bare numbers: nothing in the cell says what it is, the
column list does. Columns are read as table headers are (`tables.column_label`: ``full_name`` holds a name,
``patient_id`` an identifier, ``notes`` nothing). ``\\N`` and ``NULL`` are no values. Every scan moves forward
only: linear in the dump.
"""

from __future__ import annotations

import re

from assistant.phi.tables import column_label, person_cell

Span = tuple[int, int, str, float]

_TABLE = r'[\w."`\[\]]{1,120}+'
_COLUMNS = r"\((?P<columns>[^()\n;]{1,2000}+)\)"
COPY = re.compile(rf"(?im)^[ \t]*COPY[ \t]+{_TABLE}[ \t]*{_COLUMNS}[ \t]+FROM[ \t]+stdin\b[^\n]*+\n")
INSERT = re.compile(rf"(?i)\bINSERT[ \t]+INTO[ \t]+{_TABLE}[ \t]*{_COLUMNS}\s{{0,40}}+VALUES\s{{0,40}}+")
_NULLS = {"\\N", "NULL", "null", ""}
# an unquoted value: a number, NULL, a function call's name; ends at a comma or a closing bracket
_BARE = re.compile(r"[^,()'\n]*+")


def _labels(columns: str) -> list[str | None]:
    return [column_label(c.strip().strip('"`[]')) for c in columns.split(",")]


def _cell(text: str, s: int, e: int, label: str | None) -> list[Span]:
    value = text[s:e]
    if label is None or value.strip() in _NULLS:
        return []
    if label == "PERSON":
        s, e = person_cell(text, s, e)
    return [(s, e, label, 0.92)] if e > s else []


def _copy_rows(text: str, m: re.Match[str]) -> list[Span]:
    """The tab-separated rows under a COPY line, up to a blank line or a line with no tab ("\\." is skipped)."""
    labels = _labels(m.group("columns"))
    out: list[Span] = []
    pos = m.end()
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].rstrip("\r")
        if line.strip() != "\\.":
            if "\t" not in line:
                break
            cell_start = pos
            for label, cell in zip(labels, line.split("\t"), strict=False):
                out += _cell(text, cell_start, cell_start + len(cell), label)
                cell_start += len(cell) + 1
        pos = end + 1
    return out


def _value(text: str, pos: int) -> tuple[int, int, int]:
    """(start, end) of the value at ``pos`` (inside its quotes) and where the scan goes on."""
    if pos < len(text) and text[pos] == "'":
        i = pos + 1
        while (j := text.find("'", i)) >= 0 and text.startswith("''", j):
            i = j + 2  # '' is a quote inside the string
        end = len(text) if j < 0 else j
        return pos + 1, end, end + 1
    bare = _BARE.match(text, pos)
    assert bare is not None  # matches the empty string at worst
    return pos, bare.end(), bare.end()


def _insert_rows(text: str, m: re.Match[str]) -> list[Span]:
    """The value tuples after VALUES: "(1, 'a b'), (2, 'c d');" until anything that is no tuple."""
    labels = _labels(m.group("columns"))
    out: list[Span] = []
    pos = m.end()
    while pos < len(text) and text[pos] == "(":
        pos += 1
        for column in range(len(labels) + 50):
            while pos < len(text) and text[pos] in " \t\r\n":
                pos += 1
            s, e, pos = _value(text, pos)
            label = labels[column] if column < len(labels) else None
            out += _cell(text, s, e, label)
            while pos < len(text) and text[pos] in " \t\r\n":
                pos += 1
            if pos >= len(text) or text[pos] != ",":
                break
            pos += 1
        if pos >= len(text) or text[pos] != ")":
            break
        pos += 1
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
    return out


def find_sql_values(text: str) -> list[Span]:
    out: list[Span] = []
    if "COPY" in text or "copy" in text:
        for m in COPY.finditer(text):
            out += _copy_rows(text, m)
    if "INSERT" in text.upper():
        for m in INSERT.finditer(text):
            out += _insert_rows(text, m)
    return out
