"""How far someone lives ("her home, 2 hours away", "lives 20 min away") is a distance, never a break taken out of the
session; a caregiver who stepped away for minutes still is. Synthetic notes."""

from __future__ import annotations

import pytest

import assistant

HEAD = "DOS 2026-10-06. Pt at her adult day program, not present. Daughter Li (unpaid) on video"
TAIL = " Consent: pt verbal 9/29/2026. Taught kitchen safety; Li demonstrated the routine. K. Lee, OTR/L"


@pytest.mark.parametrize(
    ("middle", "minutes"),
    [
        (" from her home (2 hours away; she takes over care on weekends). 10:00-10:34.", 34),
        (" (she lives 20 min away). 10:00-10:34.", 34),
        (" from a town 45 minutes away from the clinic. 10:00-10:34.", 34),
        (" 10:00-10:40. Li 6 min away (phone call).", 34),  # a caregiver away from the session for minutes
    ],
)
def test_a_distance_is_not_a_break(middle: str, minutes: int) -> None:
    report = assistant.check_note(HEAD + middle + TAIL)
    assert report.time.total_minutes == minutes
