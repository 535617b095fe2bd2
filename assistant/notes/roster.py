"""Class rosters: one row per family, each naming the patient it came for and whether it attended.

Two shapes: a run of indented or bulleted rows that name the patient ("Pt: Agnes Whitlow -> caregivers: ...",
"Lorraine Beckett (wife) .... pt Victor Beckett", "Strand, Oswin -- son Lars .... attended"), and a table laid
out in columns with a patient column and an attendance column ("Patient represented ... Attended YES/NO").
A family marked absent, cancelled, a no-show or "NO" was scheduled but not trained: it does not count.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from assistant.notes.lines import MAX_MENTIONS
from assistant.notes.scan import compiled

# a name, or initials ("E.P."); RE2's \w is ASCII only
_NAME = r"(?:\p{Lu}\.[ \t]?){2,3}|\p{Lu}[\pL\pN_'’-]*(?:,?[ \t]\p{Lu}[\pL\pN_'’-]*){0,2}"
_RELATION = (
    r"(?:wife|husband|spouse|partner|daughter|son|mother|father|parents?|sister|brother|grand\w+|niece|nephew"
    r"|friend|neighbou?r|caregivers?|aunt|uncle|guardian|\w+-in-law"
    # a roster written in Spanish: "Lucia Mendez, hija de Sra. Carmen Mendez"
    r"|esposa|esposo|hija|hijo|madre|padre|hermana|hermano|nieta|nieto|sobrina|sobrino|vecina|vecino)"
)
# the patient a row is for: "pt Victor Beckett", "Pt: Agnes Whitlow", "Haddad, Yusuf (pt)", or a row that starts
# with the patient and then a relative by name ("Strand, Oswin -- son Lars"). "PT" in capitals is the discipline.
_ROW_PATIENT = (
    rf"\b(?:[Pp]t|[Pp]atient)\b\.?[ \t]*:?[ \t]*(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?(?P<who>{_NAME})"
    # "Quentin Aldana - this chart": the patient of this note, however named
    r"|\b(?i:(?P<this>this[ \t]+(?:chart|claim|note|pt|patient|client|resident)))\b"
    rf"|(?P<who2>{_NAME})[ \t]*\((?:[Pp]t|[Pp]atient)\)"
    rf"|^(?P<who3>{_NAME})[ \t]*(?:-{{1,2}}|->|–|—)[ \t]*(?:(?:her|his|their)[ \t]+)?(?i:{_RELATION})[ \t]+[A-Z]"
    # "Rosalba Trevino, wife of Mr. Ignacio Trevino", "Lucia Mendez, hija de Sra. Carmen Mendez": whose relative
    rf"|\b(?i:{_RELATION})[ \t]+(?:of|de)[ \t]+(?:(?:Mr|Mrs|Ms|Dr|Sr|Sra|Srta|Don|Dona|Doña)\.?[ \t]+)?"
    rf"(?P<who4>{_NAME})"
)
_RELATIVE = rf"\b{_RELATION}\b"
# a row: indented, bulleted, numbered or a check box ("[x] Clifford Ashcombe (husband) -> pt Beverly Ashcombe")
_ROW_LEAD = re.compile(
    r"^(?:[ \t]+|[ \t]*(?:[-*•]|\d{1,2}[).]|\[[ xX✓]?\])[ \t]+)(?:(?:\d{1,2}[).]|\[[ xX✓]?\])[ \t]+)?"
)
_UNCHECKED = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?\[[ \t]?\]")
# a row for a family that was scheduled and did not come ("N0 SH0W" as a scan reads it)
ABSENT = re.compile(
    r"\bno\s+(?:caregiver|family|one|carer)|\bdid\s*n[o']t\s+(?:attend|come|show)|\bcancell?ed\b|\bn[o0][- ]?sh[o0]w"
    r"|\babsent\b|\bnot\s+(?:attend|present)",
    re.I,
)


def _key(who: str) -> str:
    return re.sub(r"\s+", " ", who.lower())


def _row_patient(line: str) -> str | None:
    """The patient a roster row is for, when the row names one and a relative who came for them."""
    lead = _ROW_LEAD.match(line)
    if lead is None or compiled(_RELATIVE).search(line) is None:
        return None
    # RE2 (linear on any line); "^" is the row's own start, after its bullet
    m = compiled(_ROW_PATIENT, False).search(line[lead.end() :])
    if m is None:
        return None
    return "this" if m["this"] else _key(m["who"] or m["who2"] or m["who3"] or m["who4"])


def roster_rows(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients whose families attended, from the first run of consecutive rows naming two or more patients."""
    rows: dict[str, bool] = {}
    start = end = pos = 0
    for line in text.split("\n"):
        who = _row_patient(line)
        if who is not None:
            if not rows:
                start = pos
            came = not ABSENT.search(line) and not _UNCHECKED.match(line)
            rows[who] = rows.get(who, False) or came
            end = pos + len(line)
        elif rows and not _ROW_LEAD.match(line):  # the run ends at the first line that is not a row
            if len(rows) >= 2:
                break
            rows = {}
        pos += len(line) + 1
    if len(rows) < 2:
        return None
    gone = _named_absent(text)
    came = [came and not (who != "this" and who.split()[-1] in gone) for who, came in rows.items()]
    return sum(came), (start, end)


# "ADDENDUM: The Ochoa and Wendt caregivers did not come (storm)": families named absent after the roster
_DID_NOT_COME = re.compile(r"\b(?:did\s*n[o']t|didn't)\s+(?:come|attend|show)|\bno[- ]show(?:ed)?\b", re.I)
_CAPITALISED = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
ABSENT_REACH = 60
_FAMILY_WORD = re.compile(r"\b(?:caregivers?|famil(?:y|ies)|parents|relatives|carers?)\b", re.I)


def _named_absent(text: str) -> set[str]:
    """Surnames (lower case) named in the clause before a "did not come": one pass over the few such clauses."""
    gone: set[str] = set()
    for m in itertools.islice(_DID_NOT_COME.finditer(text), MAX_MENTIONS):
        clause = re.split(r"[.;:\n]", text[max(0, m.start() - ABSENT_REACH) : m.start()])[-1]
        if _FAMILY_WORD.search(clause):  # "Edwin Harlan did not come" is the patient, whose family may have
            gone |= {w.lower() for w in _CAPITALISED.findall(clause)}
    return gone


# a header laid out in columns: a patient column and an attendance column ("Patient represented ... Attended"),
# the columns aligned with spaces or separated by "|" or tabs
_COLUMN_HEAD = (
    r"(?m)^[^\n]*?(?P<pt>\b(?:patients?|pts?|residents?|clients?|child)\b)[^\n]*?(?:[ \t]{2,}|\||\t)[ \t]*"
    r"(?P<att>\b(?:attended|present|attendance|attending)\b)[^\n]*$"
)
_CELL_END = re.compile(r"[ \t]{2,}|\t|\||$")
_CELLS = re.compile(r"[ \t]*(?:\||\t)[ \t]*")
_WIDE_GAP = re.compile(r"[ \t]{2,}")
_RULE = re.compile(r"^[ \t|:+=-]*$")
_NO = re.compile(r"^(?:no|n|absent|no-?show|cancell?ed)\b", re.I)


def _cells(line: str) -> list[str]:
    return _CELLS.split(line.strip().strip("|"))


def _row_cells(head: _Head, line: str) -> tuple[str, str] | None:
    """The patient cell and the attendance cell of one row: by position in an aligned table, else by column."""
    if "|" in head.line or "\t" in head.line:
        names, cells = _cells(head.line), _cells(line)
        pt = next(i for i, c in enumerate(names) if head.pt_word in c)
        att = next(i for i, c in enumerate(names) if head.att_word in c)
        return (cells[pt], cells[att]) if max(pt, att) < len(cells) else None
    if len(line) <= head.att_col:
        return None
    cell = line[head.pt_col :]
    if head.att_last:  # the last column: the row's last cell, however aligned
        return cell[: _CELL_END.search(cell).start()], _WIDE_GAP.split(line.strip())[-1]
    return cell[: _CELL_END.search(cell).start()], line[max(head.att_col - 1, 0) :]


@dataclass
class _Head:
    """A table's header line, with where its patient column and attendance column begin."""

    line: str
    pt_col: int
    att_col: int
    pt_word: str
    att_word: str
    att_last: bool


def _header(text: str) -> tuple[_Head, int, int] | None:
    pattern = compiled(_COLUMN_HEAD)
    m = pattern.search(text)
    if m is None:
        return None
    pt, att, start = pattern.groupindex["pt"], pattern.groupindex["att"], m.start()
    line = m.group(0)
    head = _Head(
        line,
        m.start(pt) - start,
        m.start(att) - start,
        m.group(pt),
        m.group(att),
        not line[m.end(att) - start :].strip(),
    )
    return head, start, m.end()


def column_table(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients whose families attended, from a table in columns: each row's patient cell and attendance cell."""
    found = _header(text)
    if found is None:
        return None
    head, head_start, head_end = found
    came: dict[str, bool] = {}
    pos, end = head_end + 1, head_end
    while pos < len(text) and len(came) < 50:
        stop = text.find("\n", pos)
        stop = len(text) if stop == -1 else stop
        line = text[pos:stop]
        if not line.strip():
            break
        cells = None if _RULE.match(line) else _row_cells(head, line)
        if not _RULE.match(line) and cells is None:
            break
        if cells is not None and (who := _key(cells[0].strip())):
            mark = cells[1].strip()
            came[who] = came.get(who, False) or not (_NO.match(mark) or ABSENT.search(mark))
        pos, end = stop + 1, stop
    if len(came) < 2:
        return None
    return sum(came.values()), (head_start, end)
