"""Round-13 causes behind sealed9's billing-line and minute errors, each in a note of its own (not the sealed
items): the code family by content, side-by-side segments, the discipline of a team note, and ranges or break
figures that are not training time."""

from __future__ import annotations

import pytest

from assistant import check_note

TAIL = (
    "Consent: pt signed consent naming the caregiver on 09/02/2025.\n"
    "Need: POC goal 2, {goal}.\n"
    "Return demo: caregiver did it correctly after one cue.\n"
    "Skilled: high fall and skin risk; therapist corrected her hand placement.\n"
)


def _lines(report) -> list[tuple[str, int, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return [(line.code, line.units, tuple(line.modifiers)) for line in report.billing.lines]


FAMILY = {
    # pressure-injury prevention taught by schedule, tilt, heel floating and hand washing: direct care (G0541 family)
    "pressure-injury prevention by schedule": (
        "PT caregiver training, pt not present (in bed at home with his sister). DOS 09/16/2025\n"
        "Trainee: wife Ona, unpaid.\n"
        "Practiced: turning every 2 hours with a 30-degree tilt, heels floated on a pillow, wheelchair pressure relief "
        "every 30 min, checking for an early pressure area, hand washing before touching the dressing.\n"
        + TAIL.format(goal="skin intact") + "Time 10:00-10:40 (40 min).\nLeah Brant, PT",
        [("G0541", 1, ("GP",)), ("G0542", 1, ("GP",))],
    ),
    # boosting a heavy patient up in bed with a slide sheet is bed mobility, whatever mattress he lies on (97550)
    "boosting on a slide sheet": (
        "PT caregiver training, pt not present (at day program). DOS 09/16/2025\n"
        "Trainee: nephew Tomas, unpaid. New bariatric bed with air mattress.\n"
        "Trained: bed at hip height, slide sheet under pt, pt boosted up in bed with friction-reducing sheet; "
        "rolling toward her; air mattress makes him slide.\n"
        + TAIL.format(goal="boost and roll with one caregiver") + "Time 10:00-10:30 (30 min).\nLeah Brant, PT",
        [("97550", 1, ("GP",))],
    ),
}


@pytest.mark.parametrize(("text", "lines"), FAMILY.values(), ids=FAMILY.keys())
def test_code_family_by_what_was_taught(text: str, lines: list[tuple[str, int, tuple[str, ...]]]) -> None:
    assert _lines(check_note(text)) == lines


def test_segments_side_by_side_each_read_their_own_label() -> None:
    """A two-column export puts both segments on one line: each is its own family, never pooled."""
    text = (
        "OT CAREGIVER TRAINING      DOS 05/05/2026\nPt not present (at his cardiology visit).\n"
        "Trainee: daughter Mira, unpaid.\n"
        "A) 09:00-09:25  functional training:            B) 09:25-09:48  direct-care training:\n"
        "   toilet transfers with grab bar, clothing        catheter care, leg bag emptying,\n"
        "   management, commode set-up at night             hand hygiene, securement\n"
        + TAIL.format(goal="toileting with SBA") + "Ada Kern, OTR/L"
    )
    assert _lines(check_note(text)) == [("97550", 1, ("GO",)), ("G0541", 1, ("GO",))]


def test_a_team_note_gives_the_training_to_the_discipline_it_names() -> None:
    """Attendees of two disciplines; "OT trains her" and "OT session log" say whose service the training is."""
    text = (
        "Team conference 09/22/2026\nAttending: Dr. R. Hale (PM&R); Ines Kow, RN; Ben Nur, OTR/L; Sofie Lund, PT\n"
        "Plan = OT trains her in pressure-injury prevention today.\nOT session log:\n"
        "  1045-1130 caregiver training (pt NOT present) with daughter Renata, unpaid:\n"
        "     direct-care strategies: 2-hourly turns, heel offloading, skin inspection, barrier cream\n"
        + TAIL.format(goal="no new pressure injury")
    )
    assert {mods for _, _, mods in _lines(check_note(text))} == {("GO",)}


MINUTES = {
    # a problem list says when a behaviour happens in whole hours; the session is the range to the minute
    "whole-hour time of day in a problem list": (
        "Problem 1. Sundowning: son reports pacing, attempts to leave the house 4-7 pm.\n", 35,
    ),
    # a break taught as a de-escalation step is no pause in the session
    "break taught as a technique": ("Taught: de-escalation -- step back, lower voice, 5-min break, no arguing.\n", 35),
}


@pytest.mark.parametrize(("middle", "minutes"), MINUTES.values(), ids=MINUTES.keys())
def test_training_minutes_are_the_sessions_own(middle: str, minutes: int) -> None:
    text = (
        "OT caregiver training. DOS 11/12/2025. Pt not present (home with granddaughter). Son Mateus, unpaid.\n"
        + middle + TAIL.format(goal="evening routine with one episode a week or fewer")
        + "Time 13:15-13:50 = 35 min.\nHollis Brandt, OTR/L"
    )
    assert check_note(text).time.total_minutes == minutes


def test_the_patients_own_session_in_a_schedule_is_another_service() -> None:
    """... and the row the patient spends going elsewhere is neither service."""
    text = (
        "After Visit Summary | SLP | 03/27/2025\nFor: Dolores (wife of Robert)\nToday's schedule\n"
        "  1:00-1:45 pm  Robert's own speech therapy (he was in that session)\n"
        "  1:45-1:50     Robert went out to the lobby with our volunteer and stayed there\n"
        "  1:50-2:20 pm  caregiver training -- just you and me, Robert not in the room\n"
        + TAIL.format(goal="device use with your set-up help") + "Your SLP: F. Kowal, CCC-SLP"
    )
    report = check_note(text, billed=[{"code": "92507", "units": 1, "modifiers": ["GN"]},
                                      {"code": "97550", "units": 1, "modifiers": ["GN"]}])
    assert report.time.total_minutes == 30
    assert _lines(report) == [("97550", 1, ("GN",))]
