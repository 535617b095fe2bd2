"""Bowel and bladder programs, skin protection, lymphedema bandaging and turning schedules are direct-care content
(G0541/G0542), not functional training."""

from __future__ import annotations

import pytest

import assistant

NOTE = (
    "OT caregiver training 5/14/2025 2:00-2:40 pm (40 min). Pt at his job during session.\n"
    "Trained: wife (unpaid). Consent: pt consented in writing 5/1/25.\n"
    "Need: 2 episodes of incontinence; POC goal: {goal} completed daily by wife.\n"
    "Trained: {taught}, positioning on commode.\nWife return-demonstrated on a task trainer.\n"
    "Skilled: autonomic dysreflexia risk.\n"
)


@pytest.mark.parametrize(
    ("goal", "taught", "primary"),
    [
        ("bowel program", "digital stimulation and suppository insertion, barrier cream", "G0541"),
        ("bladder program", "intermittent catheterization, sacral off-loading schedule", "G0541"),
        ("toileting", "commode transfers and clothing management", "97550"),
        # lymphedema care to keep cellulitis away: compression bandaging and skin care (round 12)
        ("daily compression wrap, no cellulitis", "skin care between toes, padding and short-stretch wraps", "G0541"),
        # pressure-injury prevention by turning and support surfaces (round 12)
        ("turning/positioning with no skin breakdown", "q2h turns, low air-loss mattress settings", "G0541"),
        ("safe stairs", "step-to pattern on stairs with the rail", "97550"),
    ],
)
def test_bowel_and_bladder_programs_are_direct_care(goal: str, taught: str, primary: str) -> None:
    report = assistant.check_note(NOTE.format(goal=goal, taught=taught))
    assert report.billing.lines[0].code == primary

