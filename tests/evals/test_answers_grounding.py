"""The answers suite's own grounding check (independent of the product's gate): worked results count as grounded only
when their operands are written in the cited passage or the question and the arithmetic holds."""

from __future__ import annotations

import pytest

from evals.suites.answers import ungrounded_values


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
    ],
)
def test_ungrounded_values(sentence: str, cited: str, question: str, loose: set[str]) -> None:
    assert ungrounded_values(sentence, cited, question) == loose
