"""The answers suite's own grounding check (independent of the product's gate): worked results count as grounded only
when their operands are written in the cited passage or the question and the arithmetic holds."""

from __future__ import annotations

import pytest

from evals.suites.answers import ungrounded_values

ROUTE = "file it within 120 days from receipt (receipt is presumed 5 days after the notice date)"


@pytest.mark.parametrize(
    ("sentence", "cited", "question", "loose"),
    [
        ("$52.77 + 2 × $26.05 = $104.87.", "$52.77 and $26.05", "55 min", set()),
        ("$52.77 + 2 × $26.05 = $105.87.", "$52.77 and $26.05", "55 min", {"105.87"}),
        # minutes between two clock times the question writes
        ("9:50 to 10:32 is 42 minutes.", "", "9:50-10:40, patient came in at 10:32", set()),
        ("12:40 to 1:05 is 25 minutes.", "", "12:40-1:30, pt joined at 1:05", set()),
        ("9:50 to 10:32 is 44 minutes.", "", "9:50-10:40, patient came in at 10:32", {"44"}),
        ("9:50 to 10:35 is 45 minutes.", "", "9:50-10:40, patient came in at 10:32", {"35", "45"}),
        # a last day counted from the notice date the question writes, with the route's day counts
        ("2026-08-14 + 5 days (presumed receipt) + 120 days = 2026-12-17.", ROUTE, "remit dated August 14, 2026",
         set()),
        ("2026-08-14 + 5 days (presumed receipt) + 120 days = 2026-12-18.", ROUTE, "remit dated August 14, 2026",
         {"08", "18"}),
        ("2026-08-14 + 5 days + 120 days = 2026-12-17.", "file it within 120 days", "remit dated August 14, 2026",
         {"08", "5", "17"}),
    ],
)
def test_ungrounded_values(sentence: str, cited: str, question: str, loose: set[str]) -> None:
    assert ungrounded_values(sentence, cited, question) == loose
