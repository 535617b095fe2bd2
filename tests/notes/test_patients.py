"""Two patients in one paste (hostile13 #8): counted from the note's patient fields; the report is not ready."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.notes.patients import patient_lines, patient_parts, patients_named

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
    # hostile14 #1: the field's sentence ends with the name and the next sentence opens with a capital
    ("Patient: Harold Vick. Patient not present; trained wife.\nPatient: Nora Penn. Patient not present.", 2),
    ("Patient: Harold Vick. Pt not present.\nPatient: VICK, HAROLD", 1),
    # a discipline heading is no patient field; a name ends at its comma (dev sets r3/r6b)
    ("PT - Caregiver Training Note\nPatient: Teodoro Lindgren-Abara, 88 M. Chronic systolic HF", 1),
    # the line goes on with other fields: the record number is no surname (hostile15 #6)
    ("Patient: Eugenie Brandt-Lowe    DOB 04/02/1938    MRN RB-0051120\nPatient: BRANDT-LOWE, EUGENIE", 1),
])
def test_patients_named(text: str, count: int) -> None:
    assert patients_named(text) == count


def test_a_patient_line_with_more_fields_gives_the_surname() -> None:
    text = "Patient: Eugenie Brandt-Lowe    DOB 04/02/1938    MRN RB-0051120\nDate of service: 10/21/2026"
    assert [surname for surname, _, _ in patient_parts(text)] == ["brandt-lowe"]


def test_two_notes_pasted_together_are_not_ready_to_bill() -> None:
    import assistant

    note = ONE.read_text()
    one = assistant.check_note("Patient: Marta Quillfeather\n" + note)
    two = assistant.check_note("Patient: Marta Quillfeather\n" + note + "\n\nPatient: Yusuf Brightwater\n" + note)
    assert one.summary.ready_to_bill and one.meta.patients_named == 1
    assert two.meta.patients_named == 2 and not two.summary.ready_to_bill


def test_two_patients_minutes_are_not_added_into_units() -> None:
    """hostile17 #3: 52 + 20 minutes of two patients said "72 minutes support 97550x1 + 97551x3"."""
    import assistant

    first = ("Date of service: 10/15/2026\nPatient: Harold Vickery, DOB 02/11/1941.\nCaregiver: wife. Patient not "
             "present.\nStart 10:15 AM Stop 11:07 AM (52 minutes).\nPT taught transfers; wife return-demonstrated.\n")
    second = ("---\nDate of service: 10/15/2026\nPatient: Winifred Ashgrove, DOB 05/02/1944.\nCaregiver: husband. "
              "Patient not present.\nStart 1:00 PM Stop 1:20 PM (20 minutes).\nPT taught bed mobility.\n")
    report = assistant.check_note(first + second, billed="97550x1:GP,97551x1:GP")
    units = next(c for c in report.checks if c.id == "units")
    assert units.status == "problem" and "two_patients" in units.findings and "names 2 patients" in units.message
    assert "97551×3" not in units.message and report.billing.lines == [] and report.billing.payment is None
    assert not report.summary.ready_to_bill


def test_patient_parts_run_from_one_patient_field_to_the_next() -> None:
    text = "DOS 07/01/2025\nPatient: Harold Vick. 10:00-10:30\nPatient: Nora Penn. 10:30-10:40\nPat Quinn, PT"
    parts = patient_parts(text)
    assert [(s, text[a:b]) for s, a, b in parts] == [
        ("vick", "Patient: Harold Vick. 10:00-10:30\n"), ("penn", "Patient: Nora Penn. 10:30-10:40\nPat Quinn, PT")]


def test_patient_lines_name_a_roster_rows_patient() -> None:
    text = (" 1. Ellen Testa (daughter of pt Frank Testa, MRN 1) - unpaid\n 2. Pt tolerated well\n"
            " 3. aide for patient Lou Kole\nPT CG TRAINING  10/13/26\nOT EVAL with pt. POC established")
    found = [(s, text[a:b][:6], text[n[0]:n[1]]) for s, a, b, n in patient_lines(text)]
    assert found == [("testa", " 1. El", "Frank Testa"), ("kole", " 3. ai", "Lou Kole")]
