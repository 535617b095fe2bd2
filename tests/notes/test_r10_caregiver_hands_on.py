"""The patient present as the object of the caregiver's hands-on practice, and absence planned for a later visit."""

from __future__ import annotations

import pytest

import assistant

NOTE = (
    "Caregiver training 2025-10-06, 10:00-10:40.\nPt: Levi Amsel (19 mo), F88.\n{presence}\n"
    "Caregiver: dad, unpaid. Consent signed 2025-09-29.\n"
    "POC goal: calm bath routine with dad. Taught bath seat setup; dad return demo with cues.\n"
    "Priya Adebayo, OTR/L\n"
)


@pytest.mark.parametrize(
    ("presence", "status"),
    [
        # the patient, by name, is what the caregiver handled in the session
        ("Dad bathed Levi while OT coached.", "problem"),
        ("Father fed Levi lunch in the feeder seat.", "problem"),
        ("Dad tried each strategy w/ Levi, OT gave feedback.", "problem"),
        # ... or as "pt": a gerund's object, the patient doing the task meanwhile, coached through it
        ("Husband and son practiced turning pt with draw sheet.", "problem"),
        ("Dad practiced gait belt guarding while pt walked 3 x 60 ft.", "problem"),
        ("Dad coached pt through the sock aid.", "problem"),
        ("Dad used yes/no questions w/ pt.", "problem"),
        ("Dad helped Levi into the bath seat.", "problem"),
        ("Dad walked with Levi in the hallway.", "problem"),
        ("Dad practised the wrap on Levi.", "problem"),
        # what the caregiver does at home is no presence in the session
        ("Levi not present (at daycare). Dad bathed Levi at home last night using the wrap.", "met"),
        # a possessive names something of the patient's, not the patient handled
        ("Levi not present (at daycare). Dad bathed Levi's doll to practise the wrap.", "met"),
        # absence planned for a later visit says nothing of this one
        ("Present: pt, dad. Plan: CTS visit without pt next wk.", "problem"),
        ("Pt not present (at daycare).", "met"),
    ],
)
def test_patient_handled_by_the_caregiver_is_present(presence: str, status: str) -> None:
    report = assistant.check_note(NOTE.format(presence=presence))
    assert report.check("patient_absent").status == status


@pytest.mark.parametrize(
    ("attendance", "status"),
    [
        # the patient is one item of an attendance list that opens with a caregiver
        ("Present: dad, pt, OT.", "problem"),
        ("In attendance: dad, child, OTR.", "problem"),
        ("Those present: pt, dad.", "problem"),
        # a heading that states nothing alone: only a list naming the patient says present
        ("Attendees: dad, mom, patient.", "problem"),
        ("Participants: dad, mom.", "missing"),
        ("Participants: communication partners of 3 patients.", "missing"),
        # "PT" in capitals is the therapist; the patient in brackets is an aside
        ("Present: dad, PT.", "missing"),
        ("Present: dad (pt at daycare).", "met"),
        ("Present - dad, mom; pt not present.", "met"),
    ],
)
def test_attendance_list_naming_the_patient(attendance: str, status: str) -> None:
    report = assistant.check_note(NOTE.format(presence=attendance))
    assert report.check("patient_absent").status == status


@pytest.mark.parametrize(
    ("absence", "status"),
    [
        # a heading's "(no pt)" and the child at home with the other parent, after a long aside
        ("Caregiver Tx (no pt).", "met"),
        ("Child (Levi Amsel, 19 mo, former 29-wk preemie, P07.32; R13.10) home with mom.", "met"),
        ("Caregiver Tx (no pt education needed).", "missing"),
    ],
)
def test_absence_in_a_heading_or_at_home(absence: str, status: str) -> None:
    report = assistant.check_note(NOTE.replace("Pt: Levi Amsel (19 mo), F88.\n", "").format(presence=absence))
    assert report.check("patient_absent").status == status
