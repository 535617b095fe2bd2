"""A note is for the claim's patient: a note naming another patient is refused (hostile17 #1).

    same_patient(note, patient_name, member_id) -> None, or raises PatientMismatchError

The note's patient is what its patient field names ("Patient: Harold Vickery, DOB ..."), up to the field's end; its
MBI is what a labelled "MBI"/"Medicare ID" states. Only a clear mismatch is refused: the field names none of the
claim's name's words. A note that names no patient, or several (the part of the claim's patient is then chosen by
`own_part`), is taken; an MBI that differs is named beside a different name, never refused alone (a claim's MBI
keyed wrong is what an identifier denial is about). One name written two ways ("VICKERY, HAROLD", "H. Vickery",
"Harold") is one, and a double-barrelled surname matches either of its parts. Like the date-mismatch error, the
message names what differs and never repeats either side's value (PHI).
"""

from __future__ import annotations

import re

from assistant.errors import PatientMismatchError
from assistant.notes.patients import patient_parts, surname_of

# "MBI: 1EG4-TE5-MK72", "Medicare ID # 1EG4TE5MK72": a labelled Medicare number (11 characters, dashes optional)
_MBI = re.compile(r"(?i)\b(?:MBI|Medicare[ \t]+(?:ID|number|no\.?|#))[ \t]*[:#]?[ \t]*"
                  r"(?P<mbi>[0-9A-Z]{4}-?[0-9A-Z]{3}-?[0-9A-Z]{4})\b")


def _mbi(value: str) -> str | None:
    """The number as 11 capitals and digits, when it has an MBI's shape (a digit first); otherwise None (a
    commercial member id is not compared with the note's MBI)."""
    bare = re.sub(r"[\s-]", "", value).upper()
    return bare if len(bare) == 11 and bare.isalnum() and bare[0].isdigit() else None


# the value of a patient field: "Pt: Eulalia Broussard    11/03/2026    PT: Kwame Asante, PT" names the patient up to
# the column gap; "Harold Vickery, DOB ..." up to its comma or bracket
_VALUE = re.compile(r"[:#=\-][ \t]*(?P<value>[^\n]*)")
_END = re.compile(r"[ \t]{2,}|\t|[,;(\[]|\b(?:DOB|D\.O\.B|MRN|MBI|DOS|Age)\b")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _words(name: str) -> set[str]:
    """The name's words of three letters or more, lower case, a double-barrelled surname's parts too."""
    out: set[str] = set()
    for word in _NAME_WORD.findall(name):
        word = word.strip(".'’-").lower()
        # ("I-M" for "Isaksen-Mboya" is initials, no word to compare: three letters, not three characters)
        out |= {w for w in (word, *re.split(r"[-'’]", word)) if sum(c.isalpha() for c in w) >= 3}
    return out


def _field_name(note: str, start: int) -> str:
    line = note[start:note.find("\n", start) if "\n" in note[start:] else len(note)]
    m = _VALUE.search(line)
    value = m.group("value") if m else ""
    cut = _END.search(value)
    return value[: cut.start()] if cut else value


def _names_differ(note: str, patient_name: str | None) -> bool:
    """The note's one patient field does not name the claim's patient: the claim's surname is none of its words (a
    note that gives one word only, "Patient: Harold", names the patient when it is any word of the claim's name)."""
    parts = patient_parts(note)
    own = surname_of(patient_name) if patient_name else None
    if own is None or len({p[0] for p in parts}) != 1:
        return False  # nothing to compare, or several patients: `own_part` picks the claim's patient's part
    named = _words(_field_name(note, parts[0][1]))
    # the claim's surname among the note's words; a note giving one word only, any word of the claim's name
    return bool(named) and not named & _words(own) and not (len(named) == 1 and named & _words(patient_name or ""))


def _mbis_differ(note: str, member_id: str | None) -> bool:
    claimed = _mbi(member_id) if member_id else None
    stated = {m for hit in _MBI.finditer(note) if (m := _mbi(hit.group("mbi")))}
    return claimed is not None and bool(stated) and claimed not in stated


def same_patient(note: str, patient_name: str | None, member_id: str | None, *, whose: str = "the claim") -> None:
    """Refuse a note that names a different patient (by surname or MBI) than `whose` does."""
    # a different MBI alone is no clear mismatch: a number keyed wrong on the claim (transposed characters, a
    # spouse's number) is what the payer's identifier denial is about, and the note is the right one
    if not _names_differ(note, patient_name):
        return
    differ = ["name", *(["MBI"] if _mbis_differ(note, member_id) else [])]
    raise PatientMismatchError(
        f"the note names a different patient than {whose} ({' and '.join(differ)} "
        f"{'differ' if len(differ) > 1 else 'differs'}): nothing is drafted from another patient's note",
        hint=f"attach the note written for {whose}'s patient; if {whose} carries the wrong patient, correct it first",
    )
