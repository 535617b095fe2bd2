"""A numeric date that can be read only one way is read that way, whatever order the note's other dates take."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.notes.patterns import find_dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a day-first form date beside a US-typed consent date: each read the only way it can be
        ("Date 27.03.2025\nConsent signed 3/13/2025", [date(2025, 3, 27), date(2025, 3, 13)]),
        ("Date 03.11.2025, consent 3/13/2025", [date(2025, 3, 11), date(2025, 3, 13)]),
        # the note's own evidence still decides an ambiguous date
        ("Date 08.10.2026 and 24.09.2026", [date(2026, 10, 8), date(2026, 9, 24)]),
        ("DOS 3.11.25", [date(2025, 3, 11)]),
    ],
)
def test_numeric_dates(text: str, dates: list[date]) -> None:
    assert [d.value for d in find_dates(text)] == dates
