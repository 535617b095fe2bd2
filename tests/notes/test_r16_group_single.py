"""Round 16: a phrase saying the caregivers are of one patient is no group, even when it reads like the prose of one
("caregivers of one patient"); a relative of another patient named beside it still makes one."""

from __future__ import annotations

import pytest

from assistant.notes.group import find_group


@pytest.mark.parametrize(("text", "group"), [
    ("Trainees: wife and son, trained together.\nBilling: 97550 + 97551 [coder review: two caregivers of ONE patient "
     "is not a group]", False),
    ("Caregiver group: the wife of one patient and the son of another, trained together.", True),
])
def test_caregivers_of_one_patient(text: str, group: bool) -> None:
    assert ((find_group(text).patients or 0) >= 2) == group
