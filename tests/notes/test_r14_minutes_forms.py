"""Minutes taken back on the spot ("40 min - correction: 34 min") and minutes in other scripts' digits."""

from __future__ import annotations

import pytest

import assistant

NOTE = (
    "Caregiver training 2025-03-11. Pt at day program, not present.\nTrained wife Ann (unpaid). Consent signed by pt"
    " 2025-02-01.\nPOC goal: safe transfers with wife's assist. Taught stand-pivot transfer; wife return demo with 1"
    " cue.\n{time}\nJane Roe, PT\n"
)


@pytest.mark.parametrize(
    ("time", "minutes"),
    [
        ("CTS 40 min - correction: 34 min.", 34),
        ("Total 35 min, I mean 30 min.", 30),
        ("CTS ٣٤ min", 34),  # Arabic-Indic digits
        ("CTS ३४ min", 34),  # Devanagari digits
        ("CTS time १०:००-१०:३४", 34),
    ],
)
def test_minutes_forms(time: str, minutes: int) -> None:
    assert assistant.check_note(NOTE.format(time=time)).time.total_minutes == minutes


BODY = (
    "Caregiver training 2025-03-11 with wife Ann (unpaid). Consent signed by pt 2025-02-01 naming Ann.\n"
    "POC goal: safe transfers with wife's assist. Taught stand-pivot transfer; wife return demo with 1 cue.\n"
    "{lines}\nJane Roe, PT\n"
)


@pytest.mark.parametrize(
    ("lines", "minutes"),
    [
        # the patient's own time elsewhere, in brackets after where the patient went
        ("After ther ex pt went to the vascular lab for ABI/toe pressures (0845-0945); wife stayed.\n"
         "CTS 08:50-09:35 (45 min)", 45),
        # a resident's outing inside the facility
        ("Res at the unit beauty salon 1:00-2:00 for a hair appt; not present for training.\nTime 13:10-13:48 = 38 min",
         38),
        # an earlier visit's time carried into an interval history
        ("Interval hx (carried fwd from 8/26/25 note): 8/26 CTS with son 2:00-2:40 pm.\nPt at his surgeon's visit"
         " (not present).\nTime: 14:05-14:42 = 37 min", 37),
        # the patient's own treatment named by what it is, before the training
        ("[1] Swallow tx w/ pt (mom watching) 09:00-09:30\n[2] Caregiver training -- wife only, 09:32-10:00; pt not"
         " present", 28),
    ],
)
def test_other_clock_ranges_near_the_training_are_not_counted(lines: str, minutes: int) -> None:
    assert assistant.check_note(BODY.format(lines=lines)).time.total_minutes == minutes
