"""A note is for the claim's patient: a note naming another patient is refused (hostile17 #1).

    same_patient(note, patient_name, member_id) -> None, or raises PatientMismatchError

The note's patient is what its patient field names ("Patient: Harold Vickery, DOB ..."); its MBI is what a
labelled "MBI"/"Medicare ID" states. Only a clear mismatch is refused: a note that names no patient, or several
(the part of the claim's patient is then chosen by `own_part`), or a name with no readable surname is taken.
One name written two ways ("VICKERY, HAROLD", "H. Vickery", "Hal Vickery") is one: names are compared by surname,
and a double-barrelled surname matches either of its parts. Like the date-mismatch error, the message names what
differs and never repeats either side's value (PHI).
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


def _parts(surname: str) -> set[str]:
    return {p for p in re.split(r"[-'’ ]", surname) if len(p) >= 3} | {surname}


def _names_differ(note: str, patient_name: str | None) -> bool:
    own = surname_of(patient_name) if patient_name else None
    named = {surname for surname, _, _ in patient_parts(note)}
    if own is None or len(named) != 1:
        return False  # nothing to compare, or several patients: `own_part` picks the claim's patient's part
    # any word of the claim's name: a note that gives the first name only ("Patient: Harold") or the name reversed
    # without a comma ("VICKERY HAROLD") names it too
    words = {w.strip(".'’-").lower() for w in re.findall(r"[^\W\d_][\w'’.-]*", patient_name or "")}
    return not (_parts(own) | words) & _parts(named.pop())


def _mbis_differ(note: str, member_id: str | None) -> bool:
    claimed = _mbi(member_id) if member_id else None
    stated = {m for hit in _MBI.finditer(note) if (m := _mbi(hit.group("mbi")))}
    return claimed is not None and bool(stated) and claimed not in stated


def same_patient(note: str, patient_name: str | None, member_id: str | None, *, whose: str = "the claim") -> None:
    """Refuse a note that names a different patient (by surname or MBI) than `whose` does."""
    differ = [what for what, bad in (("name", _names_differ(note, patient_name)),
                                     ("MBI", _mbis_differ(note, member_id))) if bad]
    if not differ:
        return
    raise PatientMismatchError(
        f"the note names a different patient than {whose} ({' and '.join(differ)} "
        f"{'differ' if len(differ) > 1 else 'differs'}): nothing is drafted from another patient's note",
        hint=f"attach the note written for {whose}'s patient; if {whose} carries the wrong patient, correct it first",
    )
