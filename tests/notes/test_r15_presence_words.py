"""Where the patient was, answered to a label ("Where pt was:", "Patient status for this session:", the patient's
name and a colon), a departure with its clock ("pt left 10:35 with"), away from home, or at a group of their own
(round-15 appeals notes)."""

from __future__ import annotations

import pytest

import assistant

NOTE = (
    "Caregiver training 2025-03-04. {where}\nTrained wife Ann (unpaid). Consent signed by pt 2025-02-01.\n"
    "POC goal: safe transfers with wife's assist. Taught stand-pivot transfer; wife return demo with 1 cue.\n"
    "11:00-11:30 CTS. Jane Roe, PT\n"
)


@pytest.mark.parametrize(
    ("where", "status"),
    [
        ("Visit type ..... Caregiver training -- patient away from home", "met"),
        ("Where pt was: at her standing Tuesday hair appt downtown; out of the house the whole visit.", "met"),
        ("Where was the patient: at his speech group across the hall; not in our room at any point.", "met"),
        ("Patient status for this session: at home with his daughter; not at the clinic.", "met"),
        ("Client at his stroke support group 1-3 pm; session with his wife only.", "met"),
        ("(pt left 10:35 with neighbor for an 11:00 neurology appt across town)", "met"),
        ("Resident whereabouts during training: at bingo in the activity room; not in her room.", "met"),
        ("\nPresent // wife Ann only -- at adult day program // not in session", "met"),
        ("1:40-2:06, Ann on her own (pt in speech, not in my room).", "met"),
        # out, then where (appeals16); "out of breath" says nothing of where
        ("Pt was out: church senior lunch, van pick-up 09:30, back about 1:00.", "met"),
        ("Pt was out of breath after the walk.", "missing"),
        ("\nPresent: pt and wife Ann only.", "problem"),
        # a label answered with the patient in the room is presence
        ("Where pt was: in the room on the couch, joined each practice.", "problem"),
        ("Patient status for this session: present in the room throughout.", "problem"),
        # a departure inside the training: there for its first part
        ("Pt left at 11:10 with her sister for lunch.", "problem"),
    ],
)
def test_patient_whereabouts(where: str, status: str) -> None:
    report = assistant.check_note(NOTE.format(where=where))
    assert next(c.status for c in report.checks if c.id == "patient_absent") == status


@pytest.mark.parametrize(
    "where",
    [
        "Patient: Winifred Castellanos-Pike. Winifred: at her hair salon with her husband during the session.",
        "Client: Opal Reyes. Opal was at her weekly low-vision group at the library, so it was just us.",
    ],
)
def test_named_patient_away(where: str) -> None:
    report = assistant.check_note(NOTE.format(where=where))
    assert next(c.status for c in report.checks if c.id == "patient_absent") == "met"


def test_a_discharge_from_home_health_names_no_employer_of_the_caregiver() -> None:
    note = NOTE.format(where="Discharged from Lakeside Home Health on 10/02/2024 (goals met). Pt at her day program.")
    report = assistant.check_note(note)
    assert next(c.status for c in report.checks if c.id == "caregiver") == "met"
