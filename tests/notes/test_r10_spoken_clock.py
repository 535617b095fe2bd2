"""Clock times in words relative to the hour ("ten past nine", "a quarter to ten"), and a deduction's verdict."""

from __future__ import annotations

import pytest

import assistant
from assistant.notes.spoken import mixed_ranges, spoken_ranges, spoken_start_stop


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("ten past nine to nine forty", (9 * 60 + 10, 9 * 60 + 40)),
        ("from a quarter to ten until half past ten", (9 * 60 + 45, 10 * 60 + 30)),
        ("twenty past two till three o'clock", (2 * 60 + 20, 3 * 60)),
        ("nine to nine twenty five", (9 * 60, 9 * 60 + 25)),
    ],
)
def test_spoken_range_relative_to_the_hour(text: str, minutes: tuple[int, int]) -> None:
    assert [r[:2] for r in spoken_ranges(text)] == [minutes]


def test_two_to_three_times_a_day_is_no_range() -> None:
    assert spoken_ranges("walk two to three times a day") == []


def test_spoken_start_and_stop_past_the_hour() -> None:
    got = spoken_start_stop("we started at ten past two and stopped at a quarter to three")
    assert [r[:2] for r in got] == [(2 * 60 + 10, 2 * 60 + 45)]


NOTE = (
    "Caregiver training 2024-12-03. Pt stayed home with his wife; trained his daughter (unpaid).\n"
    "Consent signed by pt 2024-11-19. POC goal: safe night-time bed exit with daughter's standby assist.\n"
    "Taught bed exit and freezing cues; daughter return demo with one cue.\n"
    "{time}\nThaddeus Ogunleye, PT\n"
)


@pytest.mark.parametrize(
    ("time", "minutes"),
    [
        # the verdict after a deduction is the deducted part's, not the range's
        ("We ran from ten past nine until ten o'clock, minus a ten-minute break for a call (not counted).", 40),
        ("We ran from ten past nine until ten o'clock.", 50),
        ("9:10-10:00, minus a 10 min break (not counted).", 40),
    ],
)
def test_range_with_a_deducted_break_counts(time: str, minutes: int) -> None:
    assert assistant.check_note(NOTE.format(time=time)).time.total_minutes == minutes


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        # digits said relative to the hour, beside a written clock or a spoken time
        ("10 past 9 to 9:40", (9 * 60 + 10, 9 * 60 + 40)),
        ("quarter past 2 until 3pm", (2 * 60 + 15, 3 * 60)),
        ("from 9:10 until 10 o'clock", (9 * 60 + 10, 10 * 60)),
        ("from nine until twenty to ten", (9 * 60, 9 * 60 + 40)),
    ],
)
def test_mixed_range_relative_to_the_hour(text: str, minutes: tuple[int, int]) -> None:
    assert [r[:2] for r in mixed_ranges(text)] == [minutes]


@pytest.mark.parametrize("text", ["walk 2 to 3 times a day", "5 to 10 reps", "9:10 to 9:40", "from 2 to 3 sets"])
def test_no_mixed_range_without_a_relative_side(text: str) -> None:
    assert mixed_ranges(text) == []


@pytest.mark.parametrize(
    ("time", "minutes"),
    [("We met from 10 past 9 to 9:40.", 30), ("We met from 9:10 until 10 o'clock.", 50)],
)
def test_mixed_range_counts_in_the_note(time: str, minutes: int) -> None:
    assert assistant.check_note(NOTE.format(time=time)).time.total_minutes == minutes
