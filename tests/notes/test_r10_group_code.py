"""A group code for one patient's caregivers does not apply; a "Families:" heading over family rows is a group."""

from __future__ import annotations

import pytest

import assistant
from assistant.notes.group import find_group

ONE_CHILD = (
    "SLP caregiver training 10/15/2025. Child: Zuri Larsen (2y). Child not present (at daycare).\n"
    "Caregivers: mother and father, both unpaid, trained together. Mother signed consent 09/30/2025.\n"
    "POC goal 2: parents present 3 oral trials/day. Taught spoon presentation; both parents practiced on a doll.\n"
    "Skilled: aspiration risk. Time 3:00-3:45 pm (45 min).\n{extra}"
)


@pytest.mark.parametrize(
    ("billed", "extra"),
    [
        ("97552x2:GN", "Billing: 97552 x2 GN (two caregivers).\n"),
        ("97552x1:GN", ""),
        # a coder's note on what the code is for counts no patients
        ("97552x2:GN", "Coder Q: is 97552 right? Group code is for multiple patients' caregivers, I think.\n"),
        ("97552x2:GN", "Coder Q: two caregivers of the same child -- is 97552 right?\n"),
    ],
)
def test_group_code_for_one_patients_caregivers_does_not_apply(billed: str, extra: str) -> None:
    report = assistant.check_note(ONE_CHILD.format(extra=extra), billed=billed)
    group = report.check("group_session")
    assert group.status == "problem"
    assert "caregivers of two or more patients" in group.message
    assert "per caregiver" not in group.message
    assert report.check("minimum_time").status == "met"
    assert [(line.code, line.units) for line in report.billing.lines] == [("97550", 1), ("97551", 1)]


def test_group_code_per_caregiver_in_a_real_group_is_per_patient() -> None:
    note = (
        "Group caregiver training 4/16/2026 5:30-6:30 pm, caregivers of 3 patients; children not present.\n"
        "Consent on file for each. POC goal: safe table foods. Return demo correct.\n"
    )
    group = assistant.check_note(note, billed="97552x2:GN").check("group_session")
    assert group.status == "problem" and "not per caregiver" in group.message


@pytest.mark.parametrize(
    ("text", "patients"),
    [
        (
            "GROUP TRAINING\nFamilies (each child has own POC; consent on file for each):\n"
            " 1. Pt for this note: Ilse Varga (22 mo) -- mother Noemi + father Zoltan\n"
            " 2. K.M. (19 mo) -- grandmother\n 3. T.R.B. (2 y) -- mother\n",
            3,
        ),
        ("Families:\n- Lindahl (mom)\n- Castellanos (grandma)\n", 2),
        ("Family trained: wife and son of the patient.\n", None),
    ],
)
def test_families_heading_over_rows(text: str, patients: int | None) -> None:
    assert find_group(text).patients == patients
