"""Cells of a table whose header names what each column holds: CSV, tab-separated and pipe tables.

A header is a line of four or more plain column names (``visit_id,dos,patient,dob,age,mrn``, quoted or
``;``-separated as spreadsheets write them: ``"Name";"DOB";"DOS (serial)"``,
``pt_name<TAB>dob<TAB>age``, ``| Date | Caregiver | Rel. | Initials |``,
``VisitID|Member|MemberID|Worker|InGPS``). It says what each following row holds: cells of name,
initials, date, identifier, contact, address and GPS columns are taken, and an age cell (any age, as round
11 labels them). The header itself is allow-listed: its words are labels, never names. A table ends at a blank line
or a line with too few separators; a rule row ("|----|:---|") is skipped.
"""

from __future__ import annotations

import re

from assistant.phi import patterns as p
from assistant.phi.vocab import KIN_WORDS

Span = tuple[int, int, str, float]

_NAME = r"(?:#|[A-Za-z][A-Za-z0-9_.#]*+(?:[ ]?\([a-z]{1,5}\))?+)(?:[ ][A-Za-z0-9_.#]++)*+"  # "Caregiver(s)", "CG (rel)"
# A CSV column name, quoted or not, with a note in brackets: "DOS (serial)", dob_serial.
_CSV_NAME = r'(?:"[A-Za-z][A-Za-z0-9_ ]*+(?:\([A-Za-z ]{1,12}\))?+"|[A-Za-z][A-Za-z0-9_ ]*+(?:\([A-Za-z ]{1,12}\))?+)'
HEADERS = {
    # comma or, as spreadsheets write CSV where the comma is the decimal mark, semicolon
    **{sep: re.compile(rf"(?m)^[ \t]*{_CSV_NAME}(?:{sep}[ \t]*{_CSV_NAME}){{3,}}+[ \t]*\r?$") for sep in (",", ";")},
    "\t": re.compile(rf"(?m)^[ ]*{_NAME}(?:[ ]*\t[ ]*{_NAME}){{3,}}+[ \t]*\r?$"),
    "|": re.compile(rf"(?m)^[ \t]*\|?[ \t]*{_NAME}(?:[ \t]*\|[ \t]*{_NAME}){{3,}}+[ \t]*\|?[ \t]*\r?$"),
}
_RULE_ROW = re.compile(r"[ \t|:+\-=]*")
# Column words by what the column holds; checked in this order ("phone_number" is a phone, "MemberID" an id).
_COLUMN_WORDS = {
    "AGE": {"age"},
    "DATE": {"dob", "birth", "birthdate", "dos", "date", "admit", "admitted", "discharge", "discharged"},
    "PHONE": {"phone", "tel", "telephone", "cell", "fax", "mobile"},
    "EMAIL": {"email", "e-mail"},
    "ID": {"id", "mrn", "mbi", "account", "acct", "claim", "ssn", "policy", "medicaid", "medicare", "npi", "#", "no"},
    "ADDRESS": {"address", "addr", "street", "city", "zip", "postal", "postcode", "gps", "latitude", "longitude",
                "lat", "lon", "lng", "coordinates"},
    "PERSON": {"name", "patient", "therapist", "clinician", "provider", "caregiver", "rendering", "signer", "staff",
               "member", "worker", "aide", "initials", "guardian", "contact", "user", "username", "userid", "login"},
}  # fmt: skip


# "caregiver_rel", "relationship": the column holds kinship words ("spouse", "son"), not the caregiver's name
_RELATION_WORDS = {"rel", "relation", "relationship", "kin", "kinship"}
# A column named by one of these alone holds a part of a name: "last;first;dob" ("first_visit" does not).
_NAME_PARTS = {"last", "first", "surname", "forename", "given", "middle"}


# What a name cell may hold besides the name: a kin word or title before it ("husband Olav", "Mrs Pettersen",
# '"Papa Joe" Castellanos') and a credential after it ("M. Tsosie-Begay PTA"). They reach the model.
_KIN_ABBREVIATIONS = r"dtr|dau|nbr|gdtr|gdau|gson|sil|dil|hsb|hus"
_KIN_WORD = re.compile(rf"(?i:{p.RELATIONS}|{_KIN_ABBREVIATIONS})|{p.TITLES}")
_CELL_TRAIL = re.compile(rf"(?:[ \t,]+{p.CREDENTIAL})+[ \t]*$")


def person_cell(text: str, s: int, e: int) -> tuple[int, int]:
    """The name inside a name cell: kin words and titles before it, a role in brackets or a credential after
    it left out. (s, s) when the cell holds no name ("wife", "son (unpaid)")."""
    if "(" in text[s + 1 : e]:
        e = s + 1 + text[s + 1 : e].index("(")  # "Losa Taufa (family CG)": the name, not the role
    lead = s
    for m in re.finditer(r"[^\W\d_][\w'’\-]*+\.?|\S", text[s:e]):
        word = m.group().rstrip(".")
        if not (_KIN_WORD.fullmatch(word) or word.lower() in KIN_WORDS or word in "\"'(),:"):
            break
        lead = s + m.end()
    else:
        return s, s
    trail = _CELL_TRAIL.search(text, lead, e)
    e = trail.start() if trail else e
    lead += len(text[lead:e]) - len(text[lead:e].lstrip(" \t\"'"))
    return lead, lead + len(text[lead:e].rstrip(" \t\"',"))


def column_label(name: str) -> str | None:
    if name.strip() == "#":
        return None  # a row number
    words = set(re.split(r"[_ .()]+", re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name.strip()).lower()))
    if words & _RELATION_WORDS:
        return None
    if words - {""} <= _NAME_PARTS and words - {""}:
        return "PERSON"
    return next((label for label, cue in _COLUMN_WORDS.items() if words & cue), None)


def _cells(line: str, base: int, sep: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of one line, quotes respected in CSV, padding and quotes stripped."""
    cells, start, quoted = [], 0, False
    for i, ch in enumerate(line):
        if ch == '"' and sep in ",;":
            quoted = not quoted
        elif ch == sep and not quoted:
            cells.append((start, i))
            start = i + 1
    cells.append((start, len(line)))
    out = []
    for s, e in cells:
        cell = line[s:e]
        lead = len(cell) - len(cell.lstrip(' \t"'))
        trail = len(cell) - len(cell.rstrip(' \t"\r'))
        out.append((base + s + lead, base + max(s + lead, e - trail)))
    return out


def _prose(header: str, sep: str) -> bool:
    """A sentence with commas is no header: "I, Cornelis Johannes van der Hoek, born 14 February 1936, residing at"
    (a first-person "I" alone between commas, or a cell of five words or more, is a sentence's)."""
    cells = [cell.strip(' \t"') for cell in header.split(sep)]
    return any(cell == "I" or len(cell.split()) >= 5 for cell in cells)


def _headers(text: str) -> list[tuple[re.Match[str], str]]:
    found = [
        (m, sep)
        for sep, regex in HEADERS.items()
        if sep in text
        for m in regex.finditer(text)
        if not _prose(m.group(), sep)
    ]
    return sorted(found, key=lambda pair: pair[0].start())


def header_spans(text: str) -> list[tuple[int, int]]:
    """Header lines of tables: column names are labels, never PHI. A line is a header only over a row: a line of
    dictation with commas ("correction Osei, O S E I, date of birth ...") heads no table."""
    return [(m.start(), m.end()) for m, sep in _headers(text) if _first_row(text, m.end() + 1, sep, m.group())]


def _first_row(text: str, start: int, sep: str, header: str) -> bool:
    end = text.find("\n", start)
    line = text[start : len(text) if end < 0 else end]
    return bool(line.strip()) and line.count(sep) >= header.count(sep) // 2


def _rows(text: str, start: int, sep: str, columns: int) -> list[tuple[int, int]]:
    """(start, end) of the lines of the table that starts at ``start``."""
    rows = []
    pos = start
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if not line.strip():
            break
        if not _RULE_ROW.fullmatch(line):  # a rule row ("|---|", "+----+----+") neither ends nor joins the table
            if line.count(sep) < columns // 2:
                break
            rows.append((pos, end))
        pos = end + 1
    return rows


def find_table_cells(text: str) -> list[Span]:
    out: list[Span] = []
    done = 0  # rows already read belong to the table above: never read a line twice
    for header, sep in _headers(text):
        labels = [column_label(text[s:e]) for s, e in _cells(header.group(), header.start(), sep)]
        if header.start() < done or not any(labels):
            continue
        rows = _rows(text, header.end() + 1, sep, len(labels))
        for row_start, row_end in rows:
            for label, (s, e) in zip(labels, _cells(text[row_start:row_end], row_start, sep), strict=False):
                if label == "PERSON":
                    s, e = person_cell(text, s, e)
                    if p.SYSTEM_ACCOUNT.match(text, s, e):
                        continue  # a service's login in a user column: "svc_claims"
                if label and e > s and (label != "AGE" or re.fullmatch(r"1[01]\d|[1-9]?\d", text[s:e])):
                    out.append((s, e, label, 0.92))
        done = rows[-1][1] if rows else header.end()
    return out
