"""Round-8 (after first contact) clock forms: a range typed with a double hyphen, a visit's arrive/depart fields.

The minutes follow docs/CONVENTIONS.md (clock-derived CTS minutes when clock times are documented).
"""

from __future__ import annotations

import pytest

import assistant
from assistant.notes.times import parse_times

BASE = "DOS 11/19/2025. Pt not present (stayed home). Son (unpaid) trained in stand-pivot transfers. J. Ruiz, PT\n"


@pytest.mark.parametrize(
    ("clock", "span"),
    [
        ("10:15 -- 10:52 (37 min).", (615, 652)),
        ("Time | 15:00 -- 15:33 = 33 min", (900, 933)),
        ("1:05--1:40 pm", (13 * 60 + 5, 13 * 60 + 40)),
        ("Date 2/11/2026 | Arrive 16:00 | Depart 16:58", (960, 1018)),
        ("Arrived: 9:05\nDeparted: 9:50", (545, 590)),
        ("Arrival time 14:00; departure time 14:31", (840, 871)),
    ],
)
def test_typed_ranges_and_visit_fields_are_clock_ranges(clock: str, span: tuple[int, int]) -> None:
    segs = parse_times(clock).segments
    assert [(s.start_minute, s.end_minute) for s in segs] == [span]
    report = assistant.check_note(BASE + clock + "\n")
    assert report.check("start_stop").status == "met"


@pytest.mark.parametrize(
    "text",
    [
        # the patient's arrival inside a sentence is not the visit's own field
        "Pt arrived 10:32 with wife; she departed 10:50 for pharmacy.",
        # a hyphen rule between two clock times that are not a range
        "9:00 ---- 10:00",
    ],
)
def test_arrivals_in_prose_and_rules_are_not_ranges(text: str) -> None:
    assert parse_times(text).segments == []


@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("start nine thirty stop ten o'clock thirty minutes", (570, 600)),
        ("started two o'clock finished two forty", (120, 160)),
    ],
)
def test_a_spoken_bare_start_or_stop_on_the_hour(said: str, span: tuple[int, int]) -> None:
    assert [(s.start_minute, s.end_minute) for s in parse_times(said).segments] == [span]


def test_a_spoken_bare_hour_without_oclock_is_not_a_clock() -> None:
    assert parse_times("start nine stop ten reps").segments == []


@pytest.mark.parametrize(
    ("taught", "minutes"),
    [
        # advice taught ("3-5 min rest") is neither the session's time nor a break taken out of it
        ("Arrive 16:00 | Depart 16:58\nTaught energy conservation: seated dressing, 3-5 min rest.\nTotal 58 min.", 58),
        ("9:00-9:40. Between flights of stairs 2 to 3 min rest. Total 40 min.", 40),
        # a break the session took is still taken out
        ("9:00-9:40, 5 min rest break not counted. Total 35 min.", 35),
    ],
)
def test_a_span_of_figures_is_advice_not_a_break(taught: str, minutes: int) -> None:
    report = assistant.check_note(BASE + taught + "\n")
    assert report.time.total_minutes == minutes
    assert report.check("total_time").status == "met"



@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("started at one o five ended at one forty five forty minutes", (65, 105)),
        ("started at one oh five ended at one forty five", (65, 105)),
    ],
)
def test_a_spoken_zero_minute_written_as_o(said: str, span: tuple[int, int]) -> None:
    assert [(s.start_minute, s.end_minute) for s in parse_times(said).segments] == [span]


@pytest.mark.parametrize(
    ("log", "minutes"),
    [
        # the log's entries before the training (arrival, consent) are not training when the log names its time
        ("10:00 Neighbor arrives. Pt home, not present.\n10:01 Consent by phone.\n10:03 Taught tub transfer.\n"
         "10:25 Return demo correct.\n10:40 Done. Training 10:03-10:40 = 37 minutes.\n", 37),
        ("10:02 Wife arrives. Pt at lab.\n10:05 Start CTS. Taught car transfer.\n10:21 Break (not counted).\n"
         "10:26 Resume. Return demo.\n10:51 End. CTS time 10:05-10:21 + 10:26-10:51 = 41 min.\n", 41),
        # a log without a named range still counts from its entries
        ("10:05 Start CTS. Taught car transfer.\n10:26 Return demo.\n10:51 End.\n", 46),
    ],
)
def test_a_log_that_names_the_trainings_range(log: str, minutes: int) -> None:
    assert assistant.check_note(BASE + log).time.total_minutes == minutes


def test_a_part_labelled_patient_present_is_kept_apart() -> None:
    note = (
        "DOS 12/18/2025. Final visit.\n a) 9:00-9:30 pt present: final outcome measures, gait/stair\n"
        "    training, HEP update -- 97530 x2.\n b) 9:40-10:10 caregiver training, pt NOT present (lobby cafe).\n"
        "    Husband (unpaid) taught floor recovery; return demo x2. 30 min.\nJ. Ruiz, PT\n"
    )
    report = assistant.check_note(note)
    assert report.time.total_minutes == 30
    assert [(ln.code, ln.units) for ln in report.billing.lines] == [("97550", 1)]


def test_a_presence_field_with_its_value_is_not_a_join() -> None:
    note = BASE + "Pt present: No\n9:00-9:20 taught transfers.\n9:25-9:45 return demo.\n"
    assert assistant.check_note(note).time.total_minutes == 40


@pytest.mark.parametrize(
    "rule",
    [
        "*Document total face-to-face minutes and start/stop times. 97550 requires >= 16 min.*",
        "Reminder: bill 97550 only with at least 16 minutes.",
        "A minimum of 16 min is required.",
    ],
)
def test_a_rules_threshold_is_not_time_documented(rule: str) -> None:
    report = assistant.check_note(BASE + rule + "\nStart time: ***   Stop time: ***   Total minutes: ***\n")
    assert report.time.total_minutes is None
    assert report.check("total_time").status == "missing"


@pytest.mark.parametrize(
    ("log", "status"),
    [
        # a log's stop entry written at a time before its start entry's
        ("16:40 start -- reviewed stove safety with mom.\n   Taught knob covers.\n16:05 end (??)\n"
         "Time caregiver training: 35 min\n", "problem"),
        # the same entries in order are a range
        ("16:05 start -- reviewed stove safety with mom.\n   Taught knob covers.\n16:40 end\n", "met"),
    ],
)
def test_a_logs_start_and_stop_entries(log: str, status: str) -> None:
    assert assistant.check_note(BASE + log).check("start_stop").status == status
