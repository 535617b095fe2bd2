"""The date-of-service fix names what is wrong with the date (qa10 #21): a passed date that differs from the note's
own is not told about future dates or the codes' start dates."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant

NOTE = (
    "DOS 11/03/2026. Patient not present. Wife (unpaid) trained in stand-pivot transfers with gait belt. "
    "Consent: patient gave verbal consent. 10:00-10:30. Ann Bye, PT\n"
)


@pytest.mark.parametrize(
    ("text", "dos", "says", "not_says"),
    [
        (NOTE, date(2026, 11, 4), "as the note records it", "future"),
        (NOTE.replace("DOS 11/03/2026. ", ""), date(2031, 1, 6), "cannot be in the future", "01/01/2024"),
        (NOTE.replace("11/03/2026", "12/19/2023"), None, "only exist from 01/01/2024", "future"),
    ],
    ids=["differs from the note", "future", "before the codes"],
)
def test_the_date_fix_names_its_own_problem(text: str, dos: date | None, says: str, not_says: str) -> None:
    report = Assistant().check_note(text, dos=dos, today=date(2026, 12, 2))
    result = report.check("date_of_service")
    assert result.status == "problem"
    assert says in result.fix and not_says not in result.fix
