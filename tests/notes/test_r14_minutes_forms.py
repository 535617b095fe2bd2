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
