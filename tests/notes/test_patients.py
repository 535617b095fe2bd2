"""Two patients in one paste (hostile13 #8): counted from the note's patient fields; the report is not ready."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.notes.patients import patients_named

ONE = Path(__file__).resolve().parents[2] / "examples" / "note_ready.txt"


@pytest.mark.parametrize(("text", "count"), [
    ("Patient: Marta Quillfeather\nCaregiver: son", 1),
    ("Patient: Marta Quillfeather\n...\nPatient: Yusuf Brightwater", 2),
    ("Pt name: BRIGHTWATER, YUSUF\nPatient: Marta Quillfeather (not present)", 2),
    ("Patient: Marta Quillfeather, 84 y/o\nPatient: QUILLFEATHER, MARTA", 1),  # one patient written two ways
    ("Patient: Mr. Okafor\nPatient: Okafor, James", 1),
    ("Patient: Marta Q.\nPatient: Marta Quillfeather", 1),  # an initial tells nothing apart
    ("Patient: not present\nPt: present for the first 5 min", 0),
    ("The patient, Marta Quillfeather, and Yusuf Brightwater's wife", 0),  # prose is not a field
])
def test_patients_named(text: str, count: int) -> None:
    assert patients_named(text) == count


def test_two_notes_pasted_together_are_not_ready_to_bill() -> None:
    import assistant

    note = ONE.read_text()
    one = assistant.check_note("Patient: Marta Quillfeather\n" + note)
    two = assistant.check_note("Patient: Marta Quillfeather\n" + note + "\n\nPatient: Yusuf Brightwater\n" + note)
    assert one.summary.ready_to_bill and one.meta.patients_named == 1
    assert two.meta.patients_named == 2 and not two.summary.ready_to_bill
