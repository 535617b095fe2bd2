"""A note for one patient is refused for another patient's claim (hostile17 #1): compared by surname and by a
labelled MBI; a note naming no patient, and one name written two ways, are taken. Synthetic inputs."""

from __future__ import annotations

import pytest

from assistant.drafting.same_patient import same_patient
from assistant.errors import PatientMismatchError

NOTE = ("Date of service: 10/15/2026\nPatient: Harold Vickery, DOB 02/11/1941. MBI: 1EG4-TE5-MK72\n"
        "Caregiver: Margaret Vickery (wife). Start 10:15 AM Stop 11:07 AM (52 minutes).\n")
NO_NAME = "Date of service: 10/15/2026\nCaregiver training with the patient's wife, 52 minutes.\n"


@pytest.mark.parametrize(("note", "name", "member_id", "differs"), [
    (NOTE, "Winifred Ashgrove", "9ZZ9-ZZ9-ZZ99", "name and MBI differ"),  # the tester's pairing
    (NOTE, "DARROWE, HAROLD", None, "name differs"),  # an 835's LAST, FIRST of another patient
    (NOTE, "Winifred Ashgrove", "2AB3-CD4-EF56", "name and MBI differ"),
    (NOTE, "Harold Vickery", "2AB3CD4EF56", None),  # an MBI alone: a number keyed wrong, the identifier denial's
    # the field's value ends at its column gap: the clinician on the same line is not the patient
    ("Pt: Eulalia Broussard    11/03/2026    PT: Kwame Asante, PT\n", "Eulalia Broussard", None, None),
    ("Patient: Eudora Fitzwilliam   Date: 06/30/2026   PT: Colm Whitacre-Na\n", "Eudora Fitzwilliam", None, None),
    ("Pt: M. Quiñones Betancourt          PT: Devontae Marshall, PT\n", "Marisol Quiñones Betancourt", None, None),
    # a double-barrelled surname written as its initials beside the given name (round-17 first contact)
    ("Pt: Greta I-M, at dialysis MWF 12-4 -- not present.\n", "Greta Isaksen-Mboya", None, None),
    ("Pt: Greta I-M, at dialysis.\n", "Winifred Ashgrove", None, "name differs"),
    ("Pt: Eulalia Broussard    11/03/2026    PT: Kwame Asante, PT\n", "Winifred Ashgrove", None, "name differs"),
    (NOTE, "Harold Vickery", "1EG4-TE5-MK72", None),
    (NOTE, "VICKERY, HAROLD", "1eg4te5mk72", None),  # case, LAST, FIRST and a number without dashes
    (NOTE, "Hal Vickery", None, None),  # a nickname
    (NOTE, "H. Vickery", None, None),  # an initial
    (NOTE, "Harold Vickery-Lowe", None, None),  # a double-barrelled surname matches its part
    (NOTE, None, None, None),  # a claim that names nobody
    (NOTE.replace("Harold Vickery,", "Harold,"), "Harold Vickery", None, None),  # the note gives the first name only
    (NOTE.replace("Harold Vickery,", "Harold,"), "Winifred Ashgrove", None, "name differs"),
    (NOTE, "Harold Vickery", "SUN323456789", None),  # a commercial member id is not an MBI
    (NO_NAME, "Winifred Ashgrove", "9ZZ9-ZZ9-ZZ99", None),  # a note that names no patient
])
def test_a_note_naming_another_patient_is_refused(note: str, name: str | None, member_id: str | None,
                                                  differs: str | None) -> None:
    if differs is None:
        same_patient(note, name, member_id)
        return
    with pytest.raises(PatientMismatchError) as err:
        same_patient(note, name, member_id)
    said = f"{err.value.message} {err.value.hint}"
    assert f"a different patient than the claim ({differs})" in said
    for phi in ("Vickery", "Ashgrove", "Darrowe", "1EG4", "2AB3", "9ZZ9"):  # what differs, never either side's value
        assert phi.lower() not in said.lower()
