"""An appeal reads only the claim's patient's part of a note that names several (hostile14 #1-#3)."""

from __future__ import annotations

import pytest

from assistant.drafting.own_patient import own_part

TWO = (
    "Caregiver Training - PT\nDOS 07/01/2025\n"
    "Patient: Harold Vick. Patient not present; trained wife Mona (unpaid) in transfers 10:00-10:30 (30 min).\n"
    "Consent 06/25/2025 verbal. Wife return demonstrated.\n"
    "Patient: Nora Penn. Patient not present; trained son Carl (unpaid) in gait belt use 10:30-10:40 (10 min).\n"
)
GROUP = (
    "Group of caregivers for three different patients:\n"
    " 1. Ellen Testa (daughter of pt Frank Testa, MRN 555011) - unpaid\n"
    " 2. George Hume (husband of pt Ida Hume, MRN 555012) - unpaid\n"
    " 3. Janet Kole (paid home health aide for pt Lou Kole, MRN 555013)\n"
    "Trained caregivers as a group in safe transfers.\n"
)


@pytest.mark.parametrize(("note", "patient", "kept", "gone"), [
    (TWO, "Nora Penn", ["Nora Penn", "10:30-10:40", "DOS 07/01/2025"], ["Vick", "Mona", "10:00-10:30"]),
    (TWO, "VICK, HAROLD", ["Harold Vick", "10:00-10:30"], ["Penn", "Carl"]),
    (GROUP, "Lou Kole", ["Janet Kole (paid home health aide for pt ", "555013", "Trained caregivers"],
     ["Testa", "555011", "Hume", "555012", "Lou Kole"]),
])
def test_other_patients_parts_are_blanked(note: str, patient: str, kept: list[str], gone: list[str]) -> None:
    text, problem = own_part(note, patient)
    assert problem == "" and len(text) == len(note)  # offsets kept
    assert all(k in text for k in kept) and not any(g in text for g in gone)


@pytest.mark.parametrize("patient", [None, "Zed Ann"])
def test_several_patients_and_none_is_the_claims(patient: str | None) -> None:
    text, problem = own_part(TWO, patient)
    assert text == TWO and "names 2 patients" in problem
    assert "Vick" not in problem and "Penn" not in problem  # the message names nobody


@pytest.mark.parametrize("patient", [None, "Nora Penn", "Someone Else"])
def test_one_patient_or_a_group_without_a_match_is_left_whole(patient: str | None) -> None:
    one = "Patient: Harold Vick. Patient not present; trained wife Mona 10:00-10:30.\n"
    assert own_part(one, patient) == (one, "")
    assert own_part(GROUP, patient) == (GROUP, "")


def test_an_appeal_for_one_patient_never_quotes_the_other() -> None:
    import assistant
    from assistant.drafting.render import render_appeal

    claim = {"patient_name": "Nora Penn", "date_of_service": "2025-07-01", "payer": "Medicare Part B",
             "notice_date": "2026-11-20", "lines": [{"code": "97550", "units": 1, "modifiers": "GP"},
                                                    {"code": "97551", "units": 1, "modifiers": "GP"}]}
    note = TWO + "Need: min A transfers; POC goal 1.\nBilling: 97550 x1 GP, 97551 x1 GP\nPat Quinn, PT\n"
    result = assistant.draft_appeal(denial="CO-50 N115", note=note, claim=claim)
    out = render_appeal(result)
    assert result.recommendation == "no_appeal" and "Vick" not in out and "Mona" not in out
    mixed = assistant.draft_appeal(denial="CO-50 N115", note=note, claim={**claim, "patient_name": None})
    assert mixed.recommendation == "no_appeal" and "names 2 patients" in render_appeal(mixed)


def test_a_group_appeal_reads_the_claims_patients_own_caregiver() -> None:
    import assistant

    claim = {"patient_name": "Lou Kole", "date_of_service": "2025-06-03", "payer": "Medicare Part B",
             "notice_date": "2026-11-20", "lines": [{"code": "97552", "units": 1, "modifiers": "GP"}]}
    note = ("DOS: 06/03/2025   Time: 1:00 PM - 2:00 PM (60 min)\nPatients not present. " + GROUP
            + "Consent: each patient gave verbal consent (05/28/2025).\nNeed: fall risk (R26.81); POC transfer goal.\n"
            "Each caregiver return demonstrated.\nSam Ortega, PT\n")
    result = assistant.draft_appeal(denial="CO-50 N115", note=note, claim=claim)
    assert result.recommendation == "no_appeal"
    assert any("paid" in r.text for r in result.reasons)
