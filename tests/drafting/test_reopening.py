"""A reopening already asked for and refused: found in the file's words, said in the appeal with its deadline."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.deadlines import deadline_for
from assistant.drafting.reopening import refused_reopening, reopening_reason
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()
DISMISSED = "Your clerical error reopening request dated 09/15/2026 for ICN 2126243817706 is dismissed."
NOT_CLERICAL = "Reopening request REO-1 for ICN 1126211550039 cannot be processed as a clerical error reopening."


@pytest.mark.parametrize(
    ("text", "later", "said"),
    [
        (DISMISSED, None, DISMISSED),
        (NOT_CLERICAL, None, NOT_CLERICAL),
        (
            "Reopening request — DISMISSAL   Date: November 18, 2026\nReason: records review.",
            None,
            "Reopening request — DISMISSAL Date: November 18, 2026",
        ),
        # a reopening offered, or asked for with no answer yet, is no refusal
        ("You may request a clerical error reopening within one year.", None, None),
        ("We asked for a reopening on 10/02/2026.", None, None),
        ("The claim was dismissed as a duplicate.", None, None),  # a refusal of something else
        # the claim's later decision date says a reopening was answered, the file's words do not
        ("CO-50 M127.", date(2026, 11, 18), ""),
    ],
)
def test_refused_reopening(text: str, later: date | None, said: str | None) -> None:
    assert refused_reopening(KB, text, later) == said


def test_the_reason_says_the_clock_never_stopped() -> None:
    deadline = deadline_for(
        KB, route="redetermination", today=date(2026, 12, 2), notice_date=date(2026, 9, 1), dos=date(2026, 8, 12)
    )
    text = reopening_reason(KB, DISMISSED, deadline).text
    assert f'(the file reads: "{DISMISSED}")' in text
    assert "does not extend the time to appeal" in text
    assert "Request for Redetermination is due by 2027-01-04" in text
