"""Billing lines on notes written the way other clinicians write them (round-3 development findings).

Each case is a short note in its own words, with the CTS minutes and supported lines that
docs/CONVENTIONS.md gives it: groups written in prose, families that did not come, stated totals
per segment, same-day services under their own heading, times that describe the household's day.
"""

from __future__ import annotations

from typing import Any

import pytest

import assistant

BASE = (
    "DOS: 03/11/2026\n"
    "Caregiver training. Patient not present (at adult day program). Wife Maria, his unpaid caregiver, "
    "trained; verbal consent from patient obtained 3/4/26 for training his wife.\n"
    "Need: pt requires mod assist for transfers; POC goal: safe stand-pivot transfers at home with wife.\n"
    "Taught stand-pivot transfer with gait belt and hip precautions; corrected her hand placement.\n"
    "Wife return demonstrated transfer x2 correctly.\n"
)
SIGN = "J. Rivera, OTR/L\n"


def _lines(report: Any) -> str:
    return " ".join(f"{ln.code}x{ln.units}:{','.join(ln.modifiers)}" for ln in report.billing.lines)


# --- time: which figures and ranges count -----------------------------------------------------------
@pytest.mark.parametrize(
    ("times", "minutes", "lines"),
    [
        # each segment restates its own minutes; the labelled total is the stated total
        ("Segment 1, 9:00-9:28 (28 min): dressing.\nSegment 2, 9:40-10:08 (28 min): kitchen.\n"
         "Total caregiver training: 56 min.\n", 56, "97550x1:GO 97551x2:GO"),
        # no labelled total: the segments' own figures add up
        ("A) 9:00-9:28 (28 min) dressing.\nB) 9:40-10:08 (28 min) kitchen.\n", 56, "97550x1:GO 97551x2:GO"),
        # a clock range on the need line is the household's day, not the session
        ("Need: wife lifts him alone from 3-7 pm daily.\nTime: 1:30-2:12 (42 min).\n", 42, "97550x1:GO 97551x1:GO"),
        # a flowsheet's dot leaders
        ("Time in ................ 12:10\nTime out ............... 12:51\n", 41, "97550x1:GO 97551x1:GO"),
        # the video call was down: not counted
        ("Time: 15:00-15:48; video dropped 15:20-15:28 (reconnecting; not counted)\n", 40, "97550x1:GO 97551x1:GO"),
        # a same-day 97535 by name, with its own clock times
        ("Self-care/home management training, 10:00-10:30 (30 min), with patient.\n"
         "Caregiver training, 10:45-11:19 (34 min), with his wife.\n", 34, "97550x1:GO"),
        # the stated total disagrees with the clock: units from the lower figure
        ("Start 1:10 pm   Stop 2:05 pm   Total time: 70 min\n", 55, "97550x1:GO 97551x2:GO"),
    ],
)
def test_caregiver_training_minutes(times: str, minutes: int, lines: str) -> None:
    report = assistant.check_note(BASE + times + SIGN)
    assert report.time.total_minutes == minutes
    assert _lines(report) == lines


def test_same_day_service_under_its_bracketed_heading_is_kept_apart() -> None:
    text = (
        "DOS: 04/15/2025\n[97530 Therapeutic activities]  (pt present)\n  14:00-14:30  sit-stand, step-ups\n"
        "[Caregiver training - pt NOT present]\n" + BASE.split("\n", 1)[1] + "  14:50-15:20\n" + SIGN
    )
    report = assistant.check_note(text)
    assert report.time.total_minutes == 30
    assert _lines(report) == "97550x1:GO"


# --- groups ----------------------------------------------------------------------------------------
GROUP = (
    "OT - Caregiver Skills {word}, 11/05/2026, 6:00-7:15 pm\n"
    "Chart of: Lucia P. Patients do not attend; Mrs. P was at home.\n{who}\n"
    "Consent: the patient consented on 10/29/2026 to her daughter's training.\n"
    "Need / POC: POC goal 2 - dressing with caregiver cueing only.\n"
    "Taught: one-step commands, hand-under-hand guidance. Return demo: each caregiver role-played tooth brushing.\n"
)


@pytest.mark.parametrize(
    ("word", "who", "lines"),
    [
        ("Class", "Attending: her daughter Sofia, plus three other family caregivers: the husband of one client, "
         "and the daughter and son-in-law of another.", "97552x1:GO"),
        ("Group", "Tonight's group: her daughter Sofia; the daughter of another clinic patient; and the husband "
         "of a third.", "97552x1:GO"),
        ("Group", "Three families started today: the wife of Mr. Tal, the daughter of Mrs. Quigley and the husband "
         "of Mrs. Rao. Mr. Rao had to leave early.", "97552x1:GO"),
        # scheduled families that did not come do not count, with or without the noun
        ("Workshop group", "Families of four residents signed up. Three did not come. Only her daughter Sofia "
         "attended.", "97550x1:GO 97551x3:GO"),
        # a relative of "another" patient outside any group is not a group
        ("Session", "Her daughter Sofia was trained; the daughter of another patient waited outside.",
         "97550x1:GO 97551x3:GO"),
    ],
)
def test_group_sessions_written_in_prose(word: str, who: str, lines: str) -> None:
    report = assistant.check_note(GROUP.format(word=word, who=who) + SIGN)
    assert _lines(report) == lines


# --- assistants --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("signature", "mods"), [("R. Castel, OTA/L\n", "GO,CO"), ("R. Castel, COTA/L\n", "GO,CO")])
def test_licensed_assistant_credentials(signature: str, mods: str) -> None:
    report = assistant.check_note(BASE + "10:15-10:47 (32 min).\n" + signature)
    assert _lines(report) == f"97550x1:{mods}"
