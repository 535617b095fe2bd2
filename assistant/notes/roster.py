"""Class rosters: one row per family, each naming the patient it came for and whether it attended.

Two shapes: a run of indented or bulleted rows that name the patient ("Pt: Agnes Whitlow -> caregivers: ...",
"Lorraine Beckett (wife) .... pt Victor Beckett", "Strand, Oswin -- son Lars .... attended"), and a table laid
out in columns with a patient column and an attendance column ("Patient represented ... Attended YES/NO").
A family marked absent, cancelled, a no-show or "NO" was scheduled but not trained: it does not count.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w'’-]*(?:,?[ \t][A-Z][\w'’-]*){0,2}"
_RELATION = (
    r"(?:wife|husband|spouse|partner|daughter|son|mother|father|parents?|sister|brother|grand\w+|niece|nephew"
    r"|friend|neighbou?r|caregivers?|aunt|uncle|guardian|\w+-in-law)"
)
# the patient a row is for: "pt Victor Beckett", "Pt: Agnes Whitlow", "Haddad, Yusuf (pt)", or a row that starts
# with the patient and then a relative by name ("Strand, Oswin -- son Lars"). "PT" in capitals is the discipline.
_ROW_PATIENT = re.compile(
    rf"\b(?:[Pp]t|[Pp]atient)\b\.?[ \t]*:?[ \t]*(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?(?P<who>{_NAME})"
    rf"|(?P<who2>{_NAME})[ \t]*\((?:[Pp]t|[Pp]atient)\)"
    rf"|^(?P<who3>{_NAME})[ \t]*(?:-{{1,2}}|->|–|—)[ \t]*(?:(?:her|his|their)[ \t]+)?(?i:{_RELATION})[ \t]+[A-Z]"
)
_RELATIVE = re.compile(rf"\b{_RELATION}\b", re.I)
# a row: indented, bulleted, numbered or a check box ("[x] Clifford Ashcombe (husband) -> pt Beverly Ashcombe")
_ROW_LEAD = re.compile(r"^(?:[ \t]+|[ \t]*(?:[-*•]|\d{1,2}[).]|\[[ xX✓]?\])[ \t]+)(?:(?:\d{1,2}[).]|\[[ xX✓]?\])[ \t]+)?")
_UNCHECKED = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?\[[ \t]?\]")
_ABSENT = re.compile(
    r"\bno\s+(?:caregiver|family|one|carer)|\bdid\s*n[o']t\s+(?:attend|come|show)|\bcancell?ed\b|\bno[- ]?show"
    r"|\babsent\b|\bnot\s+(?:attend|present)",
    re.I,
)


def _key(who: str) -> str:
    return re.sub(r"\s+", " ", who.lower())


def _row_patient(line: str) -> str | None:
    """The patient a roster row is for, when the row names one and a relative who came for them."""
    lead = _ROW_LEAD.match(line)
    if lead is None or not _RELATIVE.search(line):
        return None
    m = _ROW_PATIENT.search(line[lead.end() :])  # "^" of the row's own start
    if m is None:
        return None
    return _key(m["who"] or m["who2"] or m["who3"])


def roster_rows(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients whose families attended, from the first run of consecutive rows naming two or more patients."""
    rows: dict[str, bool] = {}
    start = end = pos = 0
    for line in text.split("\n"):
        who = _row_patient(line)
        if who is not None:
            if not rows:
                start = pos
            came = not _ABSENT.search(line) and not _UNCHECKED.match(line)
            rows[who] = rows.get(who, False) or came
            end = pos + len(line)
        elif rows and not _ROW_LEAD.match(line):  # the run ends at the first line that is not a row
            if len(rows) >= 2:
                break
            rows = {}
        pos += len(line) + 1
    if len(rows) < 2:
        return None
    return sum(rows.values()), (start, end)


# a header laid out in columns: a patient column and an attendance column ("Patient represented ... Attended")
_COLUMN_HEAD = re.compile(
    r"^[^\n]*?(?P<pt>\b(?:patients?|pts?|residents?|clients?|child)\b)[^\n]*?[ \t]{2,}"
    r"(?P<att>\b(?:attended|present|attendance|attending)\b)[^\n]*$",
    re.I | re.M,
)
_CELL_END = re.compile(r"[ \t]{2,}|\t|$")
_NO = re.compile(r"^(?:no|n|absent|no-?show|cancell?ed)\b", re.I)


def column_table(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients whose families attended, from a table in columns: each row's patient cell and attendance cell."""
    head = _COLUMN_HEAD.search(text)
    if head is None:
        return None
    pt_col, att_col = head.start("pt") - head.start(), head.start("att") - head.start()
    came: dict[str, bool] = {}
    pos, end = head.end() + 1, head.end()
    while pos < len(text) and len(came) < 50:
        stop = text.find("\n", pos)
        stop = len(text) if stop == -1 else stop
        line = text[pos:stop]
        if not line.strip() or len(line) <= att_col:
            break
        cell = line[pt_col:]
        who = _key(cell[: _CELL_END.search(cell).start()].strip())
        if who:
            mark = line[max(att_col - 1, 0) :].strip()
            came[who] = came.get(who, False) or not (_NO.match(mark) or _ABSENT.search(mark))
        pos, end = stop + 1, stop
    if len(came) < 2:
        return None
    return sum(came.values()), (head.start(), end)
