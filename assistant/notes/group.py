"""Group sessions: how many different patients' caregivers were trained together.

A group needs caregivers of at least two different patients actually trained: families that
were scheduled but did not attend do not count (docs/CONVENTIONS.md, real-world notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.notes.lines import words_of
from assistant.notes.scan import compiled

# RE2 patterns (no lookaround): a number is checked afterwards not to be part of a clock time ("16:00")
_N = r"\b\d{1,2}\b|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple"
_PEOPLE = (
    r"(?:caregivers?|families|family members|sets of caregivers|spouses|parents|wives|husbands|daughters|sons|carers)"
)
_GROUP_COUNT = (
    rf"{_PEOPLE}\s+(?:of|for|representing|from)\s+(?P<n>{_N})\s+(?:[\w'-]+\s+){{0,2}}?"
    r"(?:patients|pts|clients|children|residents|individuals|families|different patients|outpatients|people|adults)\b"
    rf"|(?P<n2>{_N})\s+(?:different\s+|separate\s+)?(?:patients|pts|clients|families|children)\s+(?:were\s+)?"
    r"(?:represented|in the group|participated|attended)"
    rf"|representing\s+(?P<n3>{_N})\s+(?:different\s+)?(?:patients|pts|clients|families)"
    rf"|(?P<n4>{_N})\s+(?:caregivers?|families)\s+(?:of|from)\s+(?:different|separate)\s+(?:patients|pts|clients"
    rf"|families)"
    rf"|(?:patients|pts|families|clients)\s+represented\s*[:=-]?\s*(?P<n5>{_N})\b"
)
# "2 families no-showed", "one family cancelled": scheduled but not trained
_ABSENT_FAMILIES = (
    rf"(?P<n>{_N})\s+(?:other\s+)?(?:families|family|caregivers?|sets of caregivers|participants)\s+"
    r"(?:no[- ]?showed|no[- ]?show|did not (?:attend|show|come)|didn't (?:attend|show|come)|cancell?ed|were absent"
    r"|absent)"
)
_ENUMERATED = re.compile(r"\b(?:patients|pts|families)\s+represented\s*:\s*\(?1[).]", re.I)
_ITEM_NUMBER = re.compile(r"\((\d)\)")
_ONLY_ONE_ATTENDED = re.compile(
    r"\bonly\s+(?:the\s+)?(?:patient's|pt's|this patient's|one)\s+(?:\w+\s+){0,2}(?:attended|came|showed|present)"
    r"|\bonly\s+(?:one|1)\s+(?:family|caregiver)\b",
    re.I,
)
_SINGLE_PATIENT_GROUP = (
    r"(?:both|all|two|three|multiple|several)\s+(?:\w+\s+){0,3}(?:caregivers?|family members)\s+(?:of|for)\s+"
    r"(?:this|the same|one|a single)\s+(?:patient|pt|client)"
    r"|(?:one|a single|the same)\s+(?:patient|pt|client)\b"
    r"|\b(?:of|for)\s+this\s+(?:patient|pt)\s+only\b|\bonly\s+(?:this|one)\s+(?:patient|pt)\b"
)
_OF_PATIENT = re.compile(
    r"\b(?:of|for)\s+(?:this|another|a different|other|a second)?\s*(?:clinic\s+)?(?:pt|patient)\b(?!'s)\.?[,\s]*"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s)?(?P<who>[A-Z]\.\s?[A-Z]\.|[A-Z][a-z]+\.?\s[A-Z][a-z]+)?"
)
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
        "patients",
        "pts",
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
        numbers = [i for k, i in compiled_.groupindex.items() if (m.group(k) or "x")[0].isdigit()]
        if all(
            text[m.start(i) - 1 : m.start(i)] not in (":", ".", "/", "-") and text[m.end(i) : m.end(i) + 1] != ":"
            for i in numbers
        ):
            return m.span(), m.groupdict()
        m = compiled_.search(text, m.start() + 1)  # "16:00 PATIENTS REPRESENTED: 3": retry inside the rejected match
    return None


def find_group(text: str) -> Group:
    group = Group()
    if not _GATE & words_of(text):
        return group  # the group patterns are the costliest scans; most notes are individual sessions
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
    enumerated = _ENUMERATED.search(text)
    if enumerated and group.patients is None:
        # "Patients represented: (1) Mr. Frei ...; (2) Mrs. Kaplan ..."
        group.patients = len(set(_ITEM_NUMBER.findall(text, enumerated.start(), enumerated.start() + 600)))
        group.span = (enumerated.start(), enumerated.end())
    absent = _first(_ABSENT_FAMILIES, text) if group.patients is not None else None
    if group.patients is not None and absent:
        group.patients -= _number(absent[1]["n"] or "") or 0
    if group.patients is not None and _ONLY_ONE_ATTENDED.search(text):
        group.patients = 1
    single = _first(_SINGLE_PATIENT_GROUP, text)
    if single:
        group.single_patient = single[0]
        if group.patients is not None and group.patients >= 2 and not counted:
            group.patients = 1  # "caregivers of this patient only"
    return group
