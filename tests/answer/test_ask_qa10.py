"""Short answers that must not say more than the knowledge holds (QA10 #3, #5, #14, #23): a code's validity in a year
past the last one the knowledge reaches. The clock is fixed at 2026-06-15 (`dated`)."""

from __future__ import annotations

import pytest

from assistant.service import Assistant


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # past the knowledge's last dated figure (2027): not "in effect in 2031"
        ("is 97550 billable in 2031?", "not published"),
        ("can we still bill G0541 in 2030", "not published"),
        # next year (2027) is within what the knowledge reaches: still answered yes
        ("is 97551 valid in 2027?", "Yes: 97551 is in effect in 2027"),
    ],
)
def test_validity_beyond_the_knowledge(dated: Assistant, question: str, said: str) -> None:
    answer = dated.answer(question)
    assert said in answer.text, answer.text
    assert "in effect in 203" not in answer.text, answer.text
