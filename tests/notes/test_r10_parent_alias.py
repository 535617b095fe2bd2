"""When the trainee is introduced as the patient's child, the parent word of the patient's gender is the patient."""

from __future__ import annotations

import pytest

import assistant

HEAD = "SLP CTS 10/02/2025 10:00-10:30. Consent: verbal, documented. POC goal: safe swallow with cues.\n"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Caregiver training session with her daughter Pilar (unpaid). Mom was right there at the table.", "problem"),
        ("Caregiver training session with her daughter Pilar (unpaid). Mom not present (at day program).", "met"),
        ("Caregiver training with his son Ray (unpaid). Dad stayed home.", "met"),
        # a spouse named too: the mother may be the trainee's, not the patient
        ("Pt's wife trained together with her daughter Pilar. Mom was right there at the table.", "missing"),
    ],
)
def test_parent_word_names_the_patient(text: str, status: str) -> None:
    assert assistant.check_note(HEAD + text).check("patient_absent").status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # whoever did not come with the caregiver is the patient
        ("Son Arjun (unpaid) came in, dad not w him.", "met"),
        ("Daughter arrived at 10, mom not with her.", "met"),
        ("Son Arjun (unpaid) came in with dad.", "missing"),
    ],
)
def test_not_with_the_caregiver_who_came(text: str, status: str) -> None:
    assert assistant.check_note(HEAD + text).check("patient_absent").status == status
