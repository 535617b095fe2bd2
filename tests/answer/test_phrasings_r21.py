"""Families of phrasings (round 21 of these tables; the causes behind the round-14 sealed set's misses): a filing
limit asked as time left, running out, or late against on time, from a notice whose date follows the code it is for.
Wordings are not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # the last day counted, asked as time left or running out
        ("MAC denial letter dated 03/02/2026 - is there still time for the first appeal?", None,
         ["2026-07-05", "not passed"], None),
        ("we got the denial letter dated 2 March 2026, how many days do we have left to appeal?", None,
         ["2026-07-05"], None),
        ("billing lead says the appeal window ran out. notice dated 01/05/2026", None, ["2026-05-10", "has passed"],
         None),
        # late against on time, the notice's date after the code it is for, the request "send"
        ("Denial notice for 97551 has date 10 January 2026; we send the redetermination 12 May 2026. late or on time?",
         None, ["2026-05-15", "timely"], None),
    ],
)
def test_phrasing(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)
