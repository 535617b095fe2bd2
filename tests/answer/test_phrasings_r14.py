"""Families of phrasings (round 14, gaps found with the round-8 sealed set after its first contact, now used for
regression): the patient named as sitting in on the session is a patient-present question whatever the minutes; going
back into a note to add something after a denial is changing the record; "59 on the 97550" asks the 59/XE rule; a
payer that does not recognise the mid-point rule counts whole blocks. Wordings are not those of any eval set; the clock
is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        ("Mrs. Ortiz sat in on the caregiver session the whole 40 min and tried the transfer too. bill 97550?", None,
         ["patient-present"], None),
        ("we got CO-50 on the 97550; OT wants to go back into the March note and add the goal, ok?", None,
         ["may not"], "faq:late_entry_after_denial"),
        ("should I put 59 on the 97551 because there was an eval that day?", None, ["edit"], None),
        ("our commercial plan won't accept the midpoint rule, 50 min of caregiver training: what units?", None,
         ["full"], None),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)
