"""Round-7 time forms: how other clinicians, EHR exports and scanned faxes write the session's clock times.

Each form is a kind, written several ways; the minutes follow docs/CONVENTIONS.md (clock-derived CTS minutes
when clock times are documented) and the lines the time-to-units rule of docs/checks.md.
"""

from __future__ import annotations

import pytest

import assistant
from assistant.models import Report

BASE = "Date of service 11/19/2025. Pt at adult day, not present. Son trained in stand-pivot transfers. "


def _lines(report: Report) -> list[tuple[str, int]]:
    return [(ln.code, ln.units) for ln in report.billing.lines]


@pytest.mark.parametrize(
    ("times", "minutes"),
    [
        # a video visit's own start and stop words, with or without "at"
        ("Connected 3:15 pm, disconnected 3:47 pm.", 32),
        ("Video connected 15:15; disconnected 15:47.", 32),
        ("Logged in 10:00, logged off 10:35.", 35),
        # an export's field names for both ends, each with its own "time", dotted leaders or a colon
        ("TIME_IN / TIME_OUT...... 13:20 / 14:02", 42),
        ("Time in / time out: 1:20 pm / 2:02 pm", 42),
        ("START_TIME / STOP_TIME: 09:00 / 09:40", 40),
    ],
)
def test_start_and_stop_words(times: str, minutes: int) -> None:
    report = assistant.check_note(BASE + times)
    assert report.time.total_minutes == minutes
    assert report.check("start_stop").status == "met"


@pytest.mark.parametrize(
    ("times", "minutes"),
    [
        ("CTS: 0800-0830 - no wait, correction: 1300-1330 (30 min) w/ son.", 30),
        ("Time 9:00-9:30, sorry, I mean 9:10-9:48.", 38),
        ("Session 2:00-2:20 pm, make that 2:00-2:40 pm.", 40),
    ],
)
def test_a_range_taken_back_is_replaced_by_the_next(times: str, minutes: int) -> None:
    report = assistant.check_note(BASE + times)
    assert report.time.total_minutes == minutes
    assert report.check("total_time").status == "met"


def test_two_ranges_in_a_row_without_a_retraction_both_count() -> None:
    report = assistant.check_note(BASE + "Time 9:00-9:20 and 9:30-9:50 (break excluded).")
    assert report.time.total_minutes == 40


@pytest.mark.parametrize(
    "sentence",
    [
        "She had to leave for work, 11:05-11:40.",
        "we only had a short while because she had to leave for work period eleven oh five to eleven forty",
        "Wife came straight from work 11:05-11:40.",
    ],
)
def test_work_the_noun_is_not_a_schedule(sentence: str) -> None:
    report = assistant.check_note(BASE + sentence)
    assert report.time.total_minutes == 35


def test_a_scanned_clock_with_letters_for_digits_on_both_sides() -> None:
    report = assistant.check_note(BASE + "\nTIME  O9:15 - 1O:O3\n")
    assert report.time.total_minutes == 48
    assert _lines(report) == [("97550", 1), ("97551", 1)]


@pytest.mark.parametrize(
    ("history", "status"),
    [
        ("I previously saw her with him on 01/16/2025 and 01/30/2025\nfor patient-present visits. ", "not_applicable"),
        ("At prior visits we did therapeutic exercise together. ", "not_applicable"),
        ("Pt had therapeutic exercise earlier today with another PT. ", "unclear"),
    ],
)
def test_a_service_of_an_earlier_visit_is_not_same_day(history: str, status: str) -> None:
    report = assistant.check_note(BASE + history + "Time 10:00-10:40.")
    assert report.check("distinct_time").status == status


@pytest.mark.parametrize(
    "table",
    [
        # a header row naming both columns, the values on the row below
        "Start        Stop\n10:05        10:41",
        "Start\tStop\tMinutes\n10:05\t10:41\t36",
        "| Start | Stop | Min |\n|---|---|---|\n| 10:05 | 10:41 | 36 |",
        "| Date | Time in | Time out |\n| 11/19/2025 | 10:05 | 10:41 |",
        "Start time   End time\n10:05 am     10:41 am",
        # a row per end, the label and its value in their own cells
        "Start Time | 10:05\nStop Time | 10:41",
        "| Time in | 10:05 |\n| Time out | 10:41 |",
    ],
)
def test_start_and_stop_in_table_cells(table: str) -> None:
    report = assistant.check_note(BASE + "\n" + table + "\n")
    assert report.time.total_minutes == 36
    assert report.check("start_stop").status == "met"


def test_a_sentence_that_says_start_stop_is_not_a_table() -> None:
    report = assistant.check_note(BASE + "\nWe talked about start and stop signals for the walker.\n10:05 she left.")
    assert report.check("start_stop").status == "missing"


@pytest.mark.parametrize(
    ("sentence", "minutes"),
    [
        ("We worked between 10:05 and 10:41.", 36),
        ("Training took half an hour.", 30),
        ("Training took an hour.", 60),
    ],
)
def test_spoken_forms_of_a_range_and_a_duration(sentence: str, minutes: int) -> None:
    assert assistant.check_note(BASE + sentence).time.total_minutes == minutes


@pytest.mark.parametrize(
    ("field", "minutes"),
    [
        ("Minutes: 36", 36),
        ("CTS minutes = 36", 36),
        ("Total time: 0:36", 36),
        ("Total CTS time: 1:05", 65),
    ],
)
def test_a_minutes_field_with_a_bare_number_or_hours_and_minutes(field: str, minutes: int) -> None:
    report = assistant.check_note(BASE + "\n" + field + "\n")
    assert report.time.total_minutes == minutes
    assert report.check("total_time").status == "met"


@pytest.mark.parametrize(
    "sentence",
    [
        "9:00-9:55, less 15 min break = 40 min.",
        "9:00-9:55 minus 15 min break -> 40 min",
        "Time 9:00-9:55 (15 min rest) = 40 min",
    ],
)
def test_the_figure_after_a_break_and_its_own_figure_is_what_is_left(sentence: str) -> None:
    report = assistant.check_note(BASE + sentence)
    assert report.time.total_minutes == 40
    assert _lines(report) == [("97550", 1), ("97551", 1)]


def test_a_break_with_its_figure_after_an_equals_sign_is_still_a_break() -> None:
    report = assistant.check_note(BASE + "9:00-9:55; break = 15 min.")
    assert report.time.total_minutes == 40
