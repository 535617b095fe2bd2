"""The periods a dated figure is asked for: the question's own periods around its date of service, else that date."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.retrieval.understand import Intent, asked_periods

Y2024 = (date(2024, 1, 1), date(2024, 12, 31))
JAN24 = (date(2024, 1, 1), date(2024, 1, 31))
APR24 = (date(2024, 4, 1), date(2024, 4, 30))
Y2025 = (date(2025, 1, 1), date(2025, 12, 31))
DAY = (date(2024, 4, 15), date(2024, 4, 15))


@pytest.mark.parametrize(
    ("period", "periods", "expected"),
    [
        (DAY, (JAN24, APR24), [JAN24, APR24]),  # two months named, the date of service in one: both
        ((date(2024, 6, 1), date(2024, 6, 1)), (Y2024,), [Y2024]),  # the year named: the year (two CFs)
        (DAY, (DAY,), [DAY]),  # the day itself named: the day
        (DAY, (Y2025,), [DAY]),  # the date of service outside what is named: the date of service
        (DAY, (), [DAY]),  # nothing named: the date of service
        (None, (Y2024, Y2025), [Y2024, Y2025]),  # no date of service: every period named
        (None, (), [None]),
    ],
)
def test_asked_periods(period, periods, expected) -> None:  # type: ignore[no-untyped-def]
    intent = Intent(query="q", kind="fee", period=period, periods=periods)
    assert asked_periods(intent) == expected
