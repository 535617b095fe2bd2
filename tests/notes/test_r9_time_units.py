"""Round-9 time and lines: a caregiver who leaves and comes back between two CTS segments ("she returned") is not
the patient joining, and a trigger list's time of day is not session time (docs/CONVENTIONS.md)."""

from __future__ import annotations

import pytest

import assistant

HEAD = "SLP CTS 04/15/2025. Pt at home, not present. CG: wife Halina (unpaid). Consent on file. M. Adu, CCC-SLP\n"


@pytest.mark.parametrize(
    ("body", "minutes"),
    [
        # the caregiver left and came back: both segments are training
        (" Seg A 9:00-9:12 taught effortful swallow cues.\n (Halina out 9:12-11:30 -- not counted)\n"
         " Seg B 11:30-11:40 -- she returned; return demo of both cue scripts correct.\n", 22),
        (" 9:00-9:12 taught cues. Wife stepped out to move the car.\n"
         " 11:30-11:40 she came back; return demo correct.\n", 22),
        # the patient named last: "he" who came back is the patient, whose part is kept apart
        (" 9:00-9:20 taught cues; Mr. Abiodun stayed in the lobby.\n 9:20-9:35 he came back and joined us.\n", 20),
    ],
)
def test_who_came_back_between_segments(body: str, minutes: int) -> None:
    assert assistant.check_note(HEAD + body).time.total_minutes == minutes


def test_a_trigger_lists_time_of_day_is_not_session_time() -> None:
    note = (
        "OT CTS 3/17/2026, pt at adult day program. Wife (unpaid) trained; consent on file. K. Otieno, OTR/L\n"
        "Behavior plan taught:\n"
        " - antecedent/trigger tracking log (ABC chart) -- noise, 4-6 pm shadows, rushed bath\n"
        " - validation + redirection scripts\n"
        "Time: 10:06-10:40 (34 min).\n"
    )
    report = assistant.check_note(note)
    assert report.time.total_minutes == 34
    assert report.check("total_time").status == "met"


@pytest.mark.parametrize(
    ("segments", "minutes"),
    [
        # a verdict closed by its semicolon judges the range before it
        ("1:00-1:14 stairs; 1:14-1:20 break (not counted); 1:20-1:41 car transfer; 1:41-1:50 husband on the phone, off "
         "the clock; 1:50-2:03 fall recovery.", 48),
        # a range its own clause calls not caregiver training
        ("Eval/discharge summary 9:00-9:20 (not CTS). CTS 9:20-9:45.", 25),
        # a verdict that qualifies the total ("phone interruption excluded") excludes neither range
        ("Face-to-face caregiver training: 1:05-1:31 and 1:38-1:59 (phone interruption excluded), 47 minutes.", 47),
    ],
)
def test_a_verdict_judges_the_range_its_clause_closes(segments: str, minutes: int) -> None:
    note = "PT CTS 04/02/2025. Pt at dialysis, not present. Husband (unpaid) trained. R. Lee, PT\n" + segments
    assert assistant.check_note(note).time.total_minutes == minutes
