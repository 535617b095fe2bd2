"""The units fix for a group code says what a group code is billed as (qa10 #16), not the timed codes' minute table;
a group code for one patient's caregivers is named as that first, whatever units it carries."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.models import BilledLine
from assistant.service import Assistant

GROUP = (
    "DOS 06/10/2025. Group caregiver training, patients not present: caregivers of 3 patients (wife of patient A, "
    "daughter of patient B, husband of patient C), all unpaid. Each patient gave verbal consent for the named "
    "caregivers. Need: safe transfers per POC goals. Taught stand-pivot transfers with gait belt; each caregiver "
    "return-demonstrated. 10:00-11:00. Ann Bye, PT\n"
)
ONE = (
    "DOS 06/10/2025. Patient not present. Wife and son (unpaid) trained together in stand-pivot transfers with gait "
    "belt. Patient gave verbal consent for both. Need: safe transfers per POC goal 2. Both return-demonstrated. "
    "10:00-10:40. Ann Bye, PT\n"
)


@pytest.mark.parametrize(
    ("text", "units", "says", "not_says"),
    [
        (GROUP, 3, "one unit on each represented patient's own claim", "97551"),
        (ONE, 2, "individual training of one patient's caregivers", "on each patient's claim."),
        (ONE, 1, "individual training of one patient's caregivers", "on each patient's claim."),
    ],
    ids=["group x3", "one patient x2", "one patient x1"],
)
def test_the_group_units_fix(text: str, units: int, says: str, not_says: str) -> None:
    billed = [BilledLine(code="97552", units=units, modifiers=["GP"])]
    result = Assistant().check_note(text, billed=billed, today=date(2026, 12, 2)).check("units")
    assert result.status == "problem"
    assert says in result.message + " " + result.fix
    assert not_says not in result.message
