"""Group sessions: how many different patients' caregivers were trained together.

A group needs caregivers of at least two different patients actually trained: families that
were scheduled but did not attend do not count (docs/CONVENTIONS.md, real-world notes).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from assistant.notes import grid
from assistant.notes.lines import words_of
from assistant.notes.roster import ABSENT as _ROSTER_ABSENT
from assistant.notes.roster import column_table, roster_rows
from assistant.notes.scan import compiled

# RE2 patterns (no lookaround): a number is checked afterwards not to be part of a clock time ("16:00")
_N = r"\b\d{1,2}\b|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple"
_PEOPLE = (
    r"(?:caregivers?|families|family members|sets of caregivers|spouses|parents|wives|husbands|daughters|sons|carers"
    r"|partners|relatives|aides|staff)"
)
_WHO = r"(?:patients|pts|clients|residents|families|children|individuals|outpatients|people|adults|households)"
_GROUP_COUNT = (
    # "aides caring for 5 residents", "caregivers from 3 households"
    rf"{_PEOPLE}\s+(?:of|for|representing|from|caring\s+for|assigned\s+to)\s+(?:the\s+)?(?P<n>{_N})\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?(?:{_WHO}|different patients)\b"
    # "(n=5 families)"
    rf"|\bn\s?=\s?(?P<n8>{_N})\s+(?:{_WHO})\b"
    # "3 patients' families present"
    rf"|(?P<n9>{_N})\s+(?:patients|pts|clients|residents)['’]?\s+(?:families|caregivers|carers)\b"
    rf"|(?P<n2>{_N})\s+(?:different\s+|separate\s+)?(?:patients|pts|clients|families|children|residents)\s+"
    r"(?:were\s+)?(?:represented|in the group|participated|attended|started|came|joined|took part)"
    rf"|representing\s+(?P<n3>{_N})\s+(?:different\s+)?(?:patients|pts|clients|families|residents)"
    # "2 caregivers from different families", "4 sets of caregivers, each for a different patient"
    rf"|(?P<n4>{_N})\s+(?:sets of\s+)?(?:caregivers?|families|carers)\s*,?\s*(?:each\s+)?(?:of|from|for)\s+"
    r"(?:a\s+)?(?:different|separate)\s+(?:patients?|pts?|clients?|families|residents?)"
    # "Families represented (4 patients)", "Families in group: 4"
    rf"|{_WHO}\s+(?:represented|in\s+(?:the\s+)?group|attending|in\s+attendance|present)\s*[:=(-]?\s*(?P<n5>{_N})\b"
    # "Families present (3 different children)": different patients are a group whatever the verb
    rf"|(?P<n6>{_N})\s+(?:different|separate)\s+(?:patients|pts|clients|families|children|residents)\b"
    # "Families: 3 (patients Ferreira, Lindqvist, Zaragoza)": a class header's count of families
    rf"|\bfamilies\s*[:=]\s*(?P<n10>{_N})\s*(?:\(|$|\n|,|;)"
    # "Attendance: 3 families (Ames, Blake, Cruz)", "Participants - 4 patients' families": a class header's count
    rf"|\b(?:attendance|attendees|attending|present|participants|class size|group size)\s*[:=-]\s*"
    rf"(?P<n11>{_N})\s+(?:different\s+)?(?:families|patients|pts|households|residents|clients)\b"
    # "Caregivers present: 5, from 3 households": where the caregivers came from
    rf"|\bfrom\s+(?P<n12>{_N})\s+(?:different\s+|separate\s+)?(?:households|families)\b"
    # "6 caregivers / 4 patients": a count of caregivers beside a count of their patients
    rf"|\d{{1,2}}\s+(?:caregivers|carers|attendees)\s*[,;/]\s*(?P<n13>{_N})\s+(?:patients|pts|families|households"
    r"|residents|clients)\b"
    # "(4 pts, 6 caregivers)": a count of patients beside a count of their caregivers
    rf"|(?P<n7>{_N})\s+(?:patients|pts|clients|families|children|residents)\s*[,;/]\s*\d{{1,2}}\s+(?:caregivers|carers)\b"
)
# "Residents represented: Clara Jennings, Morris Feld, Opal Greer (3)": the list, then its count; "Families attending:
# Te Whata-Olsen (wife Moana), Blackfeather (son Daniel)": each family with its caregiver in brackets
# "Families present tonight: Villanueva-Soto (mother + grandmother), Chen-Abara (father)", "Families: Lindahl (mom),
# Castellanos (grandma)": a class's list of the families who came
# "Residents represented (none present): Doe, Jan (this claim); E.P.; G.T.": a bracket may qualify the heading,
# and a list of "Last, First" names or initials is split at its semicolons
_REPRESENTED_LIST = re.compile(
    r"\b(?:(?:patients|pts|clients|residents|families)\s+(?:represented|attending|in attendance|present|trained)"
    r"(?:\s+(?:today|tonight))?(?:\s*\([^()\n]{1,40}\))?|families)\s*[:=-]\s*"
    # a dot inside a list of names is an initial's ("E.P.", "pt C.D. (daughter)"), not the sentence's end
    r"(?P<list>(?:[^\n.;(]|\.(?:(?=\S)|(?<=(?<![A-Za-z])[A-Z]\.)|(?<=\bM[rs]\.)|(?<=\bMrs\.)|(?<=\bDr\.))|;(?=[ \t]*\S)"
    r"|\((?!\d{1,2}\))[^\n()]{1,60}\)){3,200})"
    r"(?:\((?P<n>\d{1,2})\))?",
    re.I,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|\band\b|&|/)\s*", re.I)
_BRACKETED = re.compile(r"\([^()\n]*\)")
# "pt C.D. (daughter)": the word that introduces each patient of the list
_LIST_LEAD = re.compile(r"^\s*(?:(?:the\s+)?(?:pt|patient|client|resident)\b\.?\s*)?", re.I)
# "a daughter or son of each of three other patients": the patient of this note, and the others
_OTHER_PATIENTS = (
    rf"(?P<n>{_N})\s+other\s+(?:patients|pts|clients|residents|families"
    # "1 other patient, whose caregiver (his daughter) is documented in that chart"
    r"|(?:patient|pt|client|resident|family)[,;:]?\s+(?:whose|represented|was represented|in the group|attended"
    r"|participated))"
)
# "Other represented patients: 2 others (caregivers: one husband, one son)": the count after the label
_OTHER_COUNTED = (
    rf"\bother\s+(?:represented\s+)?(?:patients|pts|clients|residents|families)(?:\s+represented)?\s*[:=-]\s*"
    rf"(?P<n>{_N})"
)
# "Patients represented (none attended):" or "Families trained today:" then one bulleted line per patient
# ("- Pt B -- caregivers: son", "1. Mr. H. C. -- daughter Pilar")
_REPRESENTED_HEADER = re.compile(
    r"\b(?:(?:patients|pts|clients|residents|families)\s+(?:represented|trained|in attendance)"
    r"|represented\s+(?:patients|pts|clients|residents|families|children)"
    # a heading line of its own: "Families (each child has own POC w/ caregiver-training goal):"
    r"|(?:^|\n)[ \t]*families)\b[^\n:]{0,120}:[ \t]*\n",
    re.I,
)
_BULLET = re.compile(r"[ \t]*(?:[-*•]|\(?\d{1,2}[).])[ \t]+\S")
# "caregivers of two or more patients" defines the code; it counts nobody
_DEFINITION_AFTER = re.compile(r"^\s+or\s+more\b", re.I)
# ... as does what a code "is for": "Group code is for multiple patients' caregivers"
_DEFINITION_BEFORE = re.compile(
    r"\b(?:is|are|meant|used|intended|reserved|only)\s+for\s+(?:the\s+)?$|\b(?:defined as|requires?)\s+$", re.I
)
# "2 families no-showed", "one family cancelled": scheduled but not trained
_ABSENT_FAMILIES = (
    # "Families of four residents signed up. Three did not come": the noun may be left to the sentence before
    rf"(?P<n>{_N})\s+(?:other\s+)?(?:(?:families|family|caregivers?|sets of caregivers|participants)\s+)?"
    r"(?:no[- ]?showed|no[- ]?show|did not (?:attend|show|come)|didn't (?:attend|show|come)|cancell?ed|were absent"
    r"|absent)"
)
# ... and "Families present (patients not present): 1) Abercrombie -- wife  2) Castellano -- son": numbered in a line
_ENUMERATED = re.compile(
    r"\b(?:patients|pts|families)\s+(?:represented|present|in attendance)(?:\s*\([^()\n]{0,60}\))?\s*:\s*\(?1[).]",
    re.I,
)
_ITEM_NUMBER = re.compile(r"(?:\(|(?<![\w.)/-]))(\d)\)")
_ONLY_ONE_ATTENDED = re.compile(
    r"\bonly\s+(?:the\s+)?(?:patient's|pt's|this patient's|one)\s+(?:\w+\s+){0,2}(?:attended|came|showed|present)"
    r"|\bonly\s+(?:one|1)\s+(?:family|caregiver)\b",
    re.I,
)
_SINGLE_PATIENT_GROUP = (
    r"(?:both|all|two|three|multiple|several)\s+(?:\w+\s+){0,3}(?:caregivers?|family members)\s+(?:of|for)\s+"
    r"(?:this|the same|one|a single)\s+(?:patient|pt|client|child|resident)"
    r"|(?:one|a single|the same)\s+(?:patient|pt|client|child|resident)\b"
    r"|\b(?:of|for)\s+this\s+(?:patient|pt)\s+only\b|\bonly\s+(?:this|one)\s+(?:patient|pt)\b"
    r"|\bno other (?:families|family|patients'? (?:caregivers|families))\s+(?:were\s+)?"
    r"(?:present|attended|in attendance)"
)
_OF_PATIENT = re.compile(
    # "Tom Lee (husband, pt Ann Lee - this chart)": the patient named after the relationship
    r"(?:\b(?:of|for)\s+|(?<=[(,])\s*)(?:this|another|a different|other|a second)?\s*(?:clinic\s+)?"
    r"(?:pt|patient)\b(?!'s)\.?[,\s]*"
    # "of pt Salo-Varga, Tímea": a name may be written last name first
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s)?(?P<who>[A-Z]\.\s?[A-Z]\.|[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?(?:\.?|,)\s[A-Z][^\W\d_]+)?"
)
# A group in prose: "the daughter of another clinic patient ... and the husband of a third", "the husband of
# one client, and the daughter and son-in-law of another": each names one more patient besides this one
_RELATIVE_OF_OTHER = re.compile(
    r"\b(?:wife|husband|spouse|partner|daughter|son|(?:son|daughter)-in-law|mother|father|parents?|sister|brother"
    r"|grand\w+|niece|nephew|friend|neighbou?r|caregivers?|family)\s+of\s+"
    r"(?P<who>another|one other|a different|a second|a third|a fourth|a fifth"
    r"|one(?=\s+(?:other\s+)?(?:clinic\s+|program\s+)?(?:patient|pt|client|resident|member|participant)))\b",
    re.I,
)
# A roster with one bulleted line per patient ("- this pt (H. S.): wife, unpaid", "- Pt #2: son attended",
# "- pt C: no caregiver attended"): each line that names a caregiver who came counts one patient
_ROSTER_LINE = re.compile(
    # "A) pt Gertrude Osei -- husband Nii": a lettered row naming its patient
    r"^[ \t]*(?:[-*•]|\(?\d{1,2}[).]|\(?(?-i:[A-H])\))[ \t]+"
    r"(?P<who>(?:this|the same)\s+(?:patient|pt|client|resident)\b"
    r"|(?:patient|pt|client|resident)\s*#?\s*(?:\d{1,2}|(?-i:[A-Z]))\b"
    r"|(?:patient|pt|client|resident)\s+(?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
    r"|(?:another|second|third|other)\s+(?:patient|pt|client)"
    # "- for Wilhelmina Osei (R TFA): her daughter Akosua": the line names the patient its caregivers came for
    r"|(?:for|of)\s+(?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))"
    r"(?P<rest>[^\n]*)",
    re.I | re.M,
)
_ROSTER_CAREGIVER = re.compile(
    r"\b(?:wife|husband|spouse|partner|daughter|son|mother|father|parents?|sister|brother|grand\w+|niece|nephew"
    r"|friend|neighbou?r|caregivers?|family|aunt|uncle|\w+-in-law)\b",
    re.I,
)
# "Mrs. Alvarez's husband (this note), Mr. Chen's daughter, and Mr. Patel's wife": relatives of named patients
_RELATIVE_OF_NAMED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<who>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:'s|’s)\s+(?:wife|husband|spouse|partner"
    r"|daughters?|sons?|(?:son|daughter)-in-law|mother|father|parents?|sisters?|brothers?|grand\w+|niece|nephew"
    r"|friend|neighbou?r|caregivers?|family)\b"
)
# "Luisa (mother of Nadia F-H), Wen Chen (father of Lucas C.)": the relative, then the named patient they came for
_RELATIVE_OF_NAMED_AFTER = re.compile(
    r"\b(?:wife|husband|spouse|partner|daughter|son|(?:son|daughter)-in-law|mother|father|parents?|sister|brother"
    r"|grand\w+|niece|nephew|aunt|uncle|guardian|caregivers?)\s+of\s+(?P<who>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]*)?)"
)
# An attendance list of one row per patient, each naming the patient and then the relatives who came for them
# ("  L. Dube - wife Thandiwe, son Sipho", "1. Aiyana Redcloud (4y) - mother Dakota", "- M. O'Rourke: son Declan"),
# bulleted, numbered or indented. The relative is followed by a name: "Mary Smith - wife (unpaid)" lists one
# patient's caregivers by name and role, and counts nobody.
# "daughter of Carmen Villaseca (this pt); husband of Dorothea Pruitt", "Greta Lindholm (wife of Sven Lindholm)": a
# class's attendees, each the relative of a named patient (the patient's first name is the key)
_RELATIVE_OF_NAME = re.compile(
    r"\b(?i:wife|husband|spouse|partner|daughter|dtr|son|(?:son|daughter)-in-law|mother|father|parents?|sister|brother"
    r"|grand\w+|niece|nephew|friend|neighbou?r|caregivers?)\s+of\s+(?:(?i:pt|patient|client|resident)\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<who>(?:[A-Z]\.\s?)?[A-Z][^\W\d_]+)(?:[ -][A-Z][^\W\d_]+)?"
)
_INITIAL = re.compile(r"^[A-Z]\.\s?")


def _patient_key(who: str) -> str:
    """The name a relative's patient goes by: the first name, or the surname after an initial ("pt R. Vance")."""
    return _INITIAL.sub("", who).split()[0].split("-")[0]


_ATTENDEE_ROW = re.compile(
    # "  (a) Cyrus Farahani, 3 -- mother Leyla": a lettered row, and the child's age after the name
    r"^(?:[ \t]*(?:[-*•]|\(?\d{1,2}[).]|\(?[a-h][).])[ \t]+|[ \t]{2,}|\t)"
    r"(?P<who>(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t])?[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.-]*){0,3})"
    r"(?:,[ \t]*\d{1,2}(?:[ \t]?(?:y|yo|yrs?|years?|mos?|months?)\b\.?)?)?"
    r"(?:[ \t]*\([^)\n]{0,30}\))?[ \t]*(?:-{1,2}|–|—|:)[ \t]*"
    r"(?P<rest>(?:(?:her|his|their|the)[ \t]+)?(?:wife|husband|spouse|partner|daughter|son|mother|father|parents?"
    r"|sister|brother|grand\w+|niece|nephew|friend|neighbou?r|aunt|uncle|guardian|\w+-in-law)[ \t]+[A-Z][^\n]*)",
    re.M,
)
_SHEET_HEAD = re.compile(r"^[^\n]*\b(?:roster|sign[- ]?in|patients? represented)\b[^\n]*$", re.I | re.M)
_ROW = re.compile(r"[ \t]*(?:[-*•]|\(?\d{1,2}[).])[ \t]+(?P<rest>[^\n]*)")
_ROW_NO = re.compile(r"\b(?:no|n)[ \t]*$", re.I)
_ORDINALS = {"a second": 2, "a third": 3, "a fourth": 4, "a fifth": 5}
_GROUP_WORD = re.compile(r"\b(?:group|class|multiple families|several families|multiple sets of caregivers)\b", re.I)
# words without which no group pattern can match (checked on the note's word set: no scan)
_GATE = frozenset(
    {
        "group",
        "class",
        "represented",
        "representing",
        "families",
        "sets",
        "spouses",
        "caregivers",
        "parents",
        "wives",
        "husbands",
        "daughters",
        "sons",
        "carers",
        "partners",
        "relatives",
        "roster",
        "relationship",
        "attendee",
        "attendees",
        "trainees",
        "patients",
        "pts",
        "residents",
    }
)
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": 3,
    "multiple": 2,
}


@dataclass
class Group:
    patients: int | None = None
    span: tuple[int, int] | None = None
    single_patient: tuple[int, int] | None = None


def _number(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw.lower())


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value.lower().replace("this ", "")).strip(" .")


def _first(pattern: str, text: str) -> tuple[tuple[int, int], dict[str, str | None]] | None:
    """The first match whose number is not part of a clock time or a ratio, with its named groups."""
    compiled_ = compiled(pattern)
    m = compiled_.search(text)
    while m is not None:
        groups = [i for k, i in compiled_.groupindex.items() if m.group(k)]
        numbers = [i for i in groups if m.group(i)[0].isdigit()]
        if (
            all(
                text[m.start(i) - 1 : m.start(i)] not in (":", ".", "/", "-")
                and text[m.end(i) : m.end(i) + 1] not in (":", ")")  # "represented:\n 1) ...": an item number
                for i in numbers
            )
            and not any(_DEFINITION_AFTER.match(text[m.end(i) : m.end(i) + 12]) for i in groups)
            and not _DEFINITION_BEFORE.search(text, max(0, m.start() - 24), m.start())
        ):
            return m.span(), m.groupdict()
        m = compiled_.search(text, m.start() + 1)  # "16:00 PATIENTS REPRESENTED: 3": retry inside the rejected match
    return None


def _listed(text: str, group: Group) -> None:
    """ "Residents represented: Clara Jennings, Morris Feld, Opal Greer (3)": the count, else the names."""
    m = _REPRESENTED_LIST.search(text)
    if m is None:
        return
    listed = _BRACKETED.sub("", m["list"])
    parts = listed.split(";") if ";" in listed else _LIST_SPLIT.split(listed)
    items = [item for item in (_LIST_LEAD.sub("", part) for part in parts) if item.strip()[:1].isupper()]
    count = int(m["n"]) if m["n"] else len(items)
    if count >= 2:
        group.patients, group.span = count, m.span()


def _bulleted(text: str, group: Group) -> None:
    """ "Patients represented (...):" followed by one bulleted line per patient."""
    m = _REPRESENTED_HEADER.search(text)
    if m is None:
        return
    count, pos, end = 0, m.end(), m.end()
    while count < 50 and (item := _BULLET.match(text, pos)) is not None:
        count += 1
        end = text.find("\n", item.end())
        if end == -1:
            end = len(text)
            break
        pos = end + 1
    if count >= 2:
        group.patients, group.span = count, (m.start(), end)


def _roster(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients whose caregivers came, from a roster of one bulleted line per patient (two lines at least)."""
    lines = [m for m in _ROSTER_LINE.finditer(text) if _ROSTER_CAREGIVER.search(m["rest"])]
    if len({_norm(m["who"]) for m in lines}) < 2:
        return None
    came = {_norm(m["who"]) for m in lines if not _ROSTER_ABSENT.search(m["rest"])}
    return len(came), (lines[0].start(), lines[-1].end())


def _sheet(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients whose caregivers came, from a sign-in sheet or roster: a heading ("ROSTER", "Sign-in", a
    "Patient represented" column), then one numbered or bulleted row per caregiver, at least two of them;
    a row marked as a no-show, or answered "No", does not count."""
    for head in itertools.islice(_SHEET_HEAD.finditer(text), 5):
        rows, pos = [], head.end() + 1
        while len(rows) < 50 and (row := _ROW.match(text, pos)) is not None:
            rows.append(row)
            pos = row.end() + 1
        named = [r for r in rows if _ROSTER_CAREGIVER.search(r["rest"])]
        if len(named) >= 2:
            came = [r for r in named if not _ROSTER_ABSENT.search(r["rest"]) and not _ROW_NO.search(r["rest"])]
            return len(came), (named[0].start(), named[-1].end())
    return None


def _attendees(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients whose relatives came, from the first run of two or more consecutive attendance rows naming different
    patients; a row marked absent does not count."""
    run: list[re.Match[str]] = []
    for row in _ATTENDEE_ROW.finditer(text):
        if run and text.count("\n", run[-1].end(), row.start()) > 1:  # a line between: a new run
            if len({_norm(r["who"]) for r in run}) >= 2:
                break
            run = []
        if _ROSTER_CAREGIVER.fullmatch(row["who"]) is None:
            run.append(row)
    if len({_norm(r["who"]) for r in run}) < 2:
        return None
    came = {_norm(r["who"]) for r in run if not _ROSTER_ABSENT.search(r["rest"])}
    start = run[0].start()
    head = text.rfind("\n", 0, max(start - 1, 0)) + 1  # the list's heading ("Attendees (all unpaid family):")
    if text[head : start].rstrip().endswith(":"):
        start = head
    return len(came), (start, run[-1].end())


# a roster table: a header row naming the patient's column and the caregiver's, then one row per caregiver
# ("| Patient | Caregiver | Relationship |", "Pt<TAB>Caregiver<TAB>Rel")
_TABLE_HEAD = re.compile(
    r"^[ \t|]*(?:patient|pt|resident|client|child)s?(?:[ \t]+name)?[ \t]*(?:\||\t)[^\n]*"
    r"\b(?:caregivers?|attendees?|trainees?|family|relationship|relation)\b[^\n]*$",
    re.I | re.M,
)
_TABLE_ROW = re.compile(r"[ \t|]*(?P<first>[^|\t\n]+?)[ \t]*(?:\||\t)(?P<rest>[^\n]*)")
_TABLE_RULE = re.compile(r"[ \t|:+=-]*\n")


def _table(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients whose caregivers came, from a roster table: the distinct first cells of its rows, a row marked absent
    left out (two patients at least)."""
    head = _TABLE_HEAD.search(text)
    if head is None:
        return None
    pos = head.end() + 1
    rule = _TABLE_RULE.match(text, pos)
    pos = rule.end() if rule else pos
    came, end = set(), pos
    while pos < len(text) and len(came) < 50 and (row := _TABLE_ROW.match(text, pos)) is not None:
        if not _ROSTER_ABSENT.search(row["rest"]):
            came.add(_norm(_BRACKETED.sub("", row["first"])))
        end = row.end()
        pos = end + 1
    return (len(came), (head.start(), end)) if len(came) >= 2 else None


def _prose_group(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients of a group written in prose: this one, and one more for each relative of another patient."""
    found = list(_RELATIVE_OF_OTHER.finditer(text))
    if not found:
        return None
    named = max((_ORDINALS.get(m["who"].lower(), 2) for m in found), default=2)
    return max(1 + len(found), named), (found[0].start(), found[-1].end())


def _named_relatives(text: str) -> tuple[int, tuple[int, int]] | None:
    """Patients of a group named through their relatives ("Mr. Chen's daughter", "wife of Sven Lindholm")."""
    found = (pattern.finditer(text) for pattern in (_RELATIVE_OF_NAMED, _RELATIVE_OF_NAMED_AFTER, _RELATIVE_OF_NAME))
    named = sorted(itertools.chain(*found), key=lambda m: m.start())
    # a patient is known by one name ("of Ann" and "of Ann Lee" are one patient, "pt R. Vance" is Vance)
    who = {_patient_key(m["who"]) for m in named}
    return (len(who), (named[0].start(), named[-1].end())) if len(who) >= 2 else None


def _run_from_one(numbers: set[str]) -> int:
    """How many items "1) ... 2) ... 3)" number in a run from 1 (a "Goal 5)" further on is not the sixth)."""
    return next(n for n in range(1, 11) if str(n) not in numbers) - 1


def _no_prose_beside(prose: tuple[int, tuple[int, int]] | None, single: tuple[int, int]) -> bool:
    """Whether a relative of another patient is named outside the single-patient phrase: "two caregivers of ONE
    patient is not a group" names no other patient; "the wife of one patient and the son of another" does."""
    return prose is None or (single[0] <= prose[1][0] and prose[1][1] <= single[1])


# an export's column that counts a group's patients ("RepresentedPatients" over "3 (Doherty, Iqbal, Lundgren)")
_COUNT_HEADING = re.compile(
    r"(?:represented\s+)?(?:patients|pts|families|clients|residents)(?:\s+(?:represented|in\s+group|count))?"
    r"|(?:group|class)\s+size|n\s+(?:families|patients)",
    re.I,
)
_CELL_COUNT = re.compile(r"(\d{1,2})\b(?![:/.]\d)")


def _counted_column(text: str) -> tuple[int, tuple[int, int]] | None:
    """The count under a grid's patients-represented column: the group's patients."""
    for cell in grid.cells(text):
        count = _CELL_COUNT.match(text, cell.start, cell.end) if _COUNT_HEADING.fullmatch(cell.heading) else None
        if count is not None and int(count[1]) >= 1:
            return int(count[1]), (cell.start, cell.end)
    return None


def find_group(text: str) -> Group:
    group = Group()
    if not _GATE & words_of(text):
        # the group patterns are the costliest scans; most notes are individual sessions (an export's count
        # column is read from the grid, already split)
        column = _counted_column(text)
        if column is not None:
            group.patients, group.span = column
        return group
    counted = _first(_GROUP_COUNT, text)
    if _GROUP_WORD.search(text) and not counted:
        # "husband of this pt ...; daughter of pt L.W." lists the patients represented
        listed = list(_OF_PATIENT.finditer(text))
        if len({_norm(m.group(0)) for m in listed}) >= 2:
            group.patients = len({_norm(m.group(0)) for m in listed})
            group.span = (listed[0].start(), listed[-1].end())
    if counted:
        span, named = counted
        group.patients = _number(next(g for g in named.values() if g))
        group.span = span
    # a class roster says which families came: it outranks a list of every patient named
    roster = None if counted else (roster_rows(text) or column_table(text))
    if roster is not None:
        group.patients, group.span = roster
    enumerated = _ENUMERATED.search(text)
    if enumerated and group.patients is None:
        # "Patients represented: (1) Mr. Frei ...; (2) Mrs. Kaplan ..."
        items = _run_from_one(set(_ITEM_NUMBER.findall(text, enumerated.start(), enumerated.start() + 600)))
        if items:  # "1) ... 2) ..." items are counted by the bulleted list below
            group.patients, group.span = items, (enumerated.start(), enumerated.end())
    if group.patients is None:
        _listed(text, group)
    listed = roster is not None  # a list of rows: its rows marked absent are left out
    roster = _roster(text) if group.patients is None else None
    if roster is not None:
        group.patients, group.span = roster
        listed = True
    if group.patients is None:
        _bulleted(text, group)
    for rows in (_counted_column, _attendees, _sheet, _table):
        found = rows(text) if group.patients is None else None
        if found is not None:
            group.patients, group.span = found
            listed = True
    named = _named_relatives(text) if group.patients is None and _GROUP_WORD.search(text) else None
    if named is not None:
        group.patients, group.span = named
    prose = _prose_group(text) if group.patients is None and _GROUP_WORD.search(text) else None
    if prose is not None:
        group.patients, group.span = prose
    others = _first(_OTHER_PATIENTS, text) or _first(_OTHER_COUNTED, text)
    if others and (_number(others[1]["n"] or "") or 0) + 1 > (group.patients or 0):
        group.patients = (_number(others[1]["n"] or "") or 0) + 1  # "three other patients" and this one
        group.span = others[0]
    absent = _first(_ABSENT_FAMILIES, text) if group.patients is not None and not listed else None
    if group.patients is not None and absent:
        group.patients -= _number(absent[1]["n"] or "") or 0
    if group.patients is not None and _ONLY_ONE_ATTENDED.search(text):
        group.patients = 1
    single = _first(_SINGLE_PATIENT_GROUP, text)
    if single:
        group.single_patient = single[0]
        if group.patients is not None and group.patients >= 2 and not counted and _no_prose_beside(prose, single[0]):
            group.patients = 1  # "caregivers of this patient only"
    return group
