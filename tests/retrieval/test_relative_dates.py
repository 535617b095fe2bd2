"""Relative dates read against the caller's clock (issue #13, fourth development set): the words become the dates
`understand` already reads, and without a clock nothing changes."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.retrieval.relative_dates import relative_phrase, resolve
from assistant.retrieval.understand import understand

TODAY = date(2025, 6, 15)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("paid last april", TODAY, "paid April 2025"),  # this year's April is already past
        ("paid last september", TODAY, "paid September 2024"),  # this year's is still ahead
        ("next february", TODAY, "February 2026"),
        ("next august", TODAY, "August 2025"),
        ("this october", TODAY, "October 2025"),
        ("sept 9th last year", TODAY, "sept 9th 2024"),
        ("the cap this calendar year", TODAY, "the cap 2025"),
        ("billed the year before", TODAY, "billed 2024"),
        ("after this year", TODAY, "in 2026"),
        ("next month", date(2025, 12, 3), "January 2026"),
        ("last month", date(2025, 1, 3), "December 2024"),
        ("seen yesterday", TODAY, "seen 2025-06-14"),
        ("this may not apply", TODAY, "this may not apply"),  # "may" the verb
        ("last may, 2 sessions", TODAY, "May 2025, 2 sessions"),
        ("paid last april", None, "paid last april"),  # no clock, no change
    ],
)
def test_resolve(text: str, today: date | None, expected: str) -> None:
    assert resolve(text, today) == expected


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("rate for 97552 last april?", (date(2025, 4, 1), date(2025, 4, 30))),
        ("is G0540 valid next january", (date(2026, 1, 1), date(2026, 1, 31))),
        ("KX amount last year", (date(2024, 1, 1), date(2024, 12, 31))),
        ("dx G20 on feb 2nd this year", (date(2025, 2, 2), date(2025, 2, 2))),
    ],
)
def test_understand_dates_relative_words(question: str, period: tuple[date, date]) -> None:
    assert understand(question, today=TODAY).period == period
    assert understand(question).period != period  # the clock is what dates them


def test_the_date_of_service_still_wins() -> None:
    assert understand("fee last april", date(2024, 5, 5), TODAY).period == (date(2024, 5, 5), date(2024, 5, 5))


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("G0542 rate two years ago?", "two years ago"),
        ("was G0541 billable last year?", "last year"),
        ("fee for 97550 last march?", "last march"),
        # none, or two different ones: no one phrase to echo
        ("fee for 97550 in 2025?", None),
        ("last year vs this year for 97551", None),
    ],
)
def test_relative_phrase(question: str, phrase: str | None) -> None:
    assert relative_phrase(question) == phrase
