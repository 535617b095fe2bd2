"""Day-first numeric dates and the 24-hour clock as written outside the US."""

from __future__ import annotations

import pytest

import assistant
from assistant.notes.dayfirst import day_first
from assistant.notes.patterns import find_dates


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a date that can only be day first settles the note's other dates
        ("Date: 08.10.2026. Consent 24.09.2026.", ["2026-10-08", "2026-09-24"]),
        # the month spelled out beside the numeric date
        ("Datum/Date: 08.10.2026 (8 October 2026)", ["2026-10-08", "2026-10-08"]),
        ("DOS 14/03/2026, seen 02/03/2026", ["2026-03-14", "2026-03-02"]),
        # no evidence: month first, the US habit
        ("Date: 08.10.2026", ["2026-08-10"]),
        ("DOS 03/04/2025; consent 12/24/2024", ["2025-03-04", "2024-12-24"]),
        # evidence both ways: month first for the dates read both ways; one only day first is still read so (round 15:
        # "Date: 14/08/2024" in a note that also types "by 9/20/24" was dropped, leaving the note undated)
        ("02/03/2026 and 2/13/2026 and 14/03/2026", ["2026-02-03", "2026-02-13", "2026-03-14"]),
    ],
)
def test_numeric_dates(text: str, values: list[str]) -> None:
    assert [d.value.isoformat() for d in find_dates(text)] == values


def test_no_numeric_dates_is_month_first() -> None:
    assert day_first([], []) is False


def test_the_dos_argument_agrees_with_a_day_first_note() -> None:
    note = (
        "Carer training. Date: 08.10.2026 (8 October 2026). Time 09:00-09:20.\n"
        "Patient not present (at home with sister). Wife Inge (unpaid) trained. Consent signed 24.09.2026.\n"
    )
    report = assistant.check_note(note, dos="2026-10-08")
    assert report.meta.note_dos is not None and report.meta.note_dos.isoformat() == "2026-10-08"
    assert report.check("date_of_service").status == "met"


@pytest.mark.parametrize(
    ("clock", "minutes"),
    [("14h05-14h41", 36), ("de 9h30 à 10h05", 35), ("1405-1441", 36)],
)
def test_24_hour_clock_forms(clock: str, minutes: int) -> None:
    note = f"Caregiver training 14/03/2026, {clock}, with wife (unpaid); patient not present.\n"
    assert assistant.check_note(note).time.total_minutes == minutes


@pytest.mark.parametrize(
    "text",
    [
        "Therapy Timesheet  |  Week of 06/02/2025  |  Dept: PT",
        "Pt's consent for Samira: verbal by phone 11/20/25, documented in my note.",
    ],
)
def test_dates_that_are_not_the_session(text: str) -> None:
    assert [d.label for d in find_dates(text)] == ["other"]
