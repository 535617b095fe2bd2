"""Families of phrasings (round 12, gaps found with the round-6 sealed set now used for regression): a code named as
the likeness of another ("like 97550", "the same as 97550") is not what is asked about, so a question about a code the
knowledge says nothing of is refused rather than answered from the likeness's passage; two codes set side by side
("the difference between X and Y", "X vs Y") are answered by their descriptors; "can we still submit X" on a date
is whether X was in effect then, and a code not yet in effect says so first. Wordings are not those of any eval
set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # two codes compared: each code's own descriptor, first the one named first
        ("what's the difference between 96202 and 97552?", None, ["96202", "97552", "60 minutes"], "code:96202"),
        ("96203 versus 97551, how do they differ", None, ["96203", "97551"], "code:96203"),
        # submitting a code on a date before it existed: it was not in effect, said first
        ("two families came to our group on 6/3/2024; can we still submit G0543 for each?", None,
         ["not yet in effect", "2025"], "code:G0543"),
        ("held a caregiver class for 3 different families on 11/20/2023, can I still submit 97552?", None,
         ["not yet in effect", "2024"], "code:97552"),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # the modifier rule of the likeness (97550) says nothing of the code asked about (G0539)
        "does an OT add GO to G0539 the same as 97550?",
        "is G0539 billed under the therapy plan with GN like 97550?",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text
    assert "97550" not in answer.text, answer.text  # the refusal names the code asked about, not its likeness
