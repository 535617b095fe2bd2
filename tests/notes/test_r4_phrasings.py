"""Round-4 phrasings whose effect is on the minutes and the supported lines, not only on one status.

Each family is written several ways, as other clinicians would; the figures follow the time-to-units
rule of docs/checks.md.
"""

from __future__ import annotations

import pytest

import assistant

BASE = "Date of service 11/19/2025. Pt at adult day, not present. Son trained in stand-pivot transfers. "


@pytest.mark.parametrize(
    ("times", "minutes"),
    [
        ("Time in / out ....... 14:02 / 14:40", 38),
        ("Time in/out: 09:02 / 09:40", 38),
        ("Start / stop: 9:00 / 9:31", 31),
        ("Begin/end 1:10 pm / 1:41 pm", 31),
        # an EHR export's dot leader and colon together
        ("Start/Stop........: 13:30 / 14:32", 62),
        ("Start time......: 13:30\nStop time.......: 14:02", 32),
    ],
)
def test_one_label_for_both_ends(times: str, minutes: int) -> None:
    report = assistant.check_note(BASE + times)
    assert report.time.total_minutes == minutes


@pytest.mark.parametrize(
    "total", ["Total CTS Minutes.: 62", "Total CTS minutes .......: 62", "Total CTS Minutes: 62"]
)
def test_a_labelled_total_after_a_dot_leader(total: str) -> None:
    report = assistant.check_note(BASE + "\n" + total + "\n")
    assert report.time.stated_total_minutes == 62


@pytest.mark.parametrize(
    "sentence",
    [
        "We started at one fifteen and finished at two oh five, but about ten minutes of that was a break.",
        "From 1:15 to 2:05; ten minutes of it was a break when son took a call, not counted.",
        "1:15-2:05 pm, 10 min of the session was a break.",
    ],
)
def test_break_said_as_part_of_the_session(sentence: str) -> None:
    report = assistant.check_note(BASE + sentence)
    assert report.time.total_minutes == 40
    assert [(ln.code, ln.units) for ln in report.billing.lines] == [("97550", 1), ("97551", 1)]


def test_a_range_with_no_break_is_counted_whole() -> None:
    report = assistant.check_note(BASE + "We started at one fifteen and finished at two oh five.")
    assert report.time.total_minutes == 50


@pytest.mark.parametrize(
    "others",
    [
        "Patients represented (none attended):\n  - Pt A, this pt -- wife\n  - Pt B -- son\n  - Pt C -- friend\n",
        "Patients represented:\n  1) this patient's wife\n  2) another patient's daughter\n",
        "Other patient represented: 1 other patient, whose caregiver is documented in that chart.\n",
    ],
)
def test_group_lists_support_one_group_unit(others: str) -> None:
    text = "Group caregiver training 04/09/2025 13:00-14:00. Pt at home, not present.\n" + others
    text += "Taught transfers. Signed J. Ortiz, PT\n"
    report = assistant.check_note(text)
    assert [(ln.code, ln.units) for ln in report.billing.lines] == [("97552", 1)]


def test_one_bulleted_patient_is_not_a_group() -> None:
    text = (
        "Caregiver training 04/09/2025 13:00-14:00. Pt at home, not present.\nPatients represented:\n"
        "  - this pt -- wife\nTaught transfers. Signed J. Ortiz, PT\n"
    )
    report = assistant.check_note(text)
    assert [ln.code for ln in report.billing.lines] == ["97550", "97551"]
