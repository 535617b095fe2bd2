"""Round 17: numbers that belong to something else are not the training's minutes (issue #8): the patient's hours
in a bracket saying where the patient was, a behaviour's time of day split by a hyphenated line break, a dictated
evaluation's range, a clinic's or an earlier visit's name read as a same-day service, the therapist's phone call.
One synthetic note per case; minutes per docs/CONVENTIONS.md."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.notes.api import check_note

BODY = (
    "Caregiver: wife Ana (unpaid). Consent: pt signed written consent for Ana 02/18/2025.\n"
    "Need: falls at home; POC goal 2: transfers with wife's CGA.\n"
    "Taught: stand-pivot, gait belt. Return demo: Ana guarded PT x2, cued once.\n"
    "Skilled: fall risk, PT corrected guarding.\n"
)


@pytest.mark.parametrize(("note", "minutes"), [
    # the bracket says the patient was away and where: those are the patient's hours
    ("OT -- Caregiver Training (pt absent -- at Northgate Prosthetics for socket adjustment 9-11 am)\n" + BODY
     + "Time 1:15 PM to 2:00 PM -- 45 minutes\n", 45),
    # the behaviour's time of day, its clause broken by a hyphenated line break
    ("Need: dementia, sundowning with agitation and exit-seek-\ning 4-7 pm; husband reports wandering.\n" + BODY
     + "Time 9:00-9:34\n", 34),
    # a dictated evaluation, its letters spelt out, is the other service of the day
    ("first comma P T evaluation moderate complexity with the patient from nine to nine fifty period new paragraph\n"
     "then caregiver training from ten to ten thirty five comma patient not present period\n" + BODY, 35),
    # a neuromuscular clinic is a place, not a neuromuscular re-education session
    ("GROUP CAREGIVER TRAINING -- neuromuscular clinic, PT        5/13/2025  2:00-3:10 pm\n"
     "No patients in the room.\n" + BODY, 70),
    # an earlier visit's re-eval named beside the time is not a same-day service
    ("Pt home w/ his sister while I met w/ his brother at the clinic.\n" + BODY
     + "Time: 0.6 hr face to face (brother only). 4/5 shoulder flex strength noted at last re-eval.\n", 36),
    # the therapist's phone call before the training started, the clause wrapped onto the next line
    ("Pt absent (at HD unit).\n" + BODY + "time in 9:20 -- out 10:05.\n"
     "ADDENDUM (same day, by writer): correction -- training actually started 9:35; 9:20-9:35 I was on the\n"
     "phone with the nephrology RN about his dry weight, Ana waiting. CTS = 9:35-10:05.\n", 30),
])
def test_minutes_that_belong_elsewhere(note: str, minutes: int) -> None:
    report = check_note(note, knowledge=cached_knowledge(), today=date(2026, 12, 3), dos=date(2025, 5, 13))
    assert report.time.total_minutes == minutes


@pytest.mark.parametrize(("note", "minutes"), [
    # the patient at home: that bracket is no place away, its range stays the session's
    ("Caregiver training (pt not present, at home 10:00-10:40)\n" + BODY, 40),
    # the therapist named in the clause with the training is the session
    (BODY + "10:00-10:35 I was training Ana on transfers.\n", 35),
])
def test_minutes_that_stay_the_sessions(note: str, minutes: int) -> None:
    report = check_note(note, knowledge=cached_knowledge(), today=date(2026, 12, 3), dos=date(2025, 5, 13))
    assert report.time.total_minutes == minutes


CHAT = (
    "[SLP Team Chat]  09/15/2026\n 11:40  Bernadette Ngata, MS, CCC-SLP:  pasted note\n"
    "   CG training, pt not present (pt had MRI). CG: sister Feride (unpaid).\n"
    "   Consent: pt signed for Feride 09/01/2026 (written). Trained: semantic cueing; sister practiced, then correct.\n"
    "   Time 10:10-10:31\n   97550 x1 GN\n"
    " 11:52  Tobin Ashcroft (Billing):  looks fine\n 11:53  ClaimBot:  Noted.\n"
)
# a visit log whose entries open with their time and a capitalised word names no sender: its entries are the session
LOG = (
    "CG training, pt not present. Consent: pt signed for Feride 09/01/2026 (written).\n"
    "09:00 Reviewed: the cue hierarchy with Feride.\n09:14 Practised: semantic cueing, Feride as partner.\n"
    "09:31 Done.\n"
)


@pytest.mark.parametrize(("note", "minutes"), [(CHAT, 21), (LOG, 31)])
def test_chat_message_times_are_no_log_entries(note: str, minutes: int) -> None:
    report = check_note(note, knowledge=cached_knowledge(), today=date(2026, 12, 3), dos=date(2026, 9, 15))
    assert report.time.total_minutes == minutes
