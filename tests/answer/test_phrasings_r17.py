"""Outside QA round 10 (#5): a code asked about for a whole year ahead ("billable in 2031?") was answered "Yes: in
effect in 2031", though the code sets of later years are not published; a single date ahead already said so. The
clock is fixed at 2026-06-15 (the `dated` fixture)."""

from __future__ import annotations

import pytest

from assistant.service import Assistant


@pytest.mark.parametrize("question", ["is 97550 billable in 2031?", "can we still bill G0541 in 2029"])
def test_a_year_ahead_claims_no_validity(dated: Assistant, question: str) -> None:
    text = dated.answer(question).text
    assert not text.startswith("Yes") and "not published" in text


def test_the_current_year_is_answered(dated: Assistant) -> None:
    assert dated.answer("is 97550 billable in 2026?").text.startswith("Yes: 97550 is in effect in 2026")
