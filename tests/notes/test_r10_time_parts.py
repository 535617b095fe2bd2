"""Which figures and ranges are the training's: an aside before a range, a treatment at lunch, the visit's total."""

from __future__ import annotations

import pytest

import assistant

HEAD = (
    "Caregiver training 2025-02-19. Pt not present (stayed home). Caregivers: wife and daughter, unpaid.\n"
    "Consent: pt verbal consent 2/19/25 documented. POC goal: safe sit-to-stand with caregiver.\n"
    "Taught sit-to-stand; wife and daughter return demo correct.\n"
)


@pytest.mark.parametrize(
    ("body", "billed", "minutes"),
    [
        # a bracketed aside before the range ("she is in WA") is no schedule of hers
        (
            "Morning with wife: 10:00 to 10:25.\nAfternoon video with daughter (she is in WA, therapist in clinic): "
            "4:00 to 4:20 pm.\n",
            None,
            45,
        ),
        # ... while a schedule still is one
        ("Wife is with him weekdays 8 am to 2 pm.\nCTS 10:00-10:30.\n", None, 30),
        # "at lunch" is a treatment's setting, not a lunch break: the CTS range is counted whole
        (
            "Dysphagia tx (92526) with pt at lunch: 11:00-11:40.\nCaregiver training 11:40-12:15 = 35 min.\n",
            "92526x1:GN,97550x1:GN",
            35,
        ),
        ("CTS 11:00-11:50, lunch 11:20-11:30 (not counted).\n", None, 40),
    ],
)
def test_training_minutes(body: str, billed: str | None, minutes: int) -> None:
    assert assistant.check_note(HEAD + body, billed=billed).time.total_minutes == minutes


def test_overlap_with_the_treatment_is_a_distinct_time_problem() -> None:
    body = "Dysphagia tx (92526) with pt at lunch: 11:00-11:40.\nCaregiver training 11:30-12:05 = 35 min.\n"
    report = assistant.check_note(HEAD + body, billed="92526x1:GN,97550x1:GN")
    assert report.time.total_minutes == 35
    assert report.check("distinct_time").status == "problem"


@pytest.mark.parametrize(
    ("total", "status"),
    [
        # the visit's figure beside the training's share, on a day with another service
        ("Total visit 50 min; CTS portion 34 min.", "met"),
        ("Visit: 50 min.", "met"),
        # a figure for the training itself that disagrees is still a problem
        ("Total CTS 50 min.", "problem"),
    ],
)
def test_visit_total_is_not_the_training_total(total: str, status: str) -> None:
    body = f"09:00-09:34 CTS with wife.\n09:34-09:50 pt brought in: stairs with PT (billed 97530 x1).\n{total}\n"
    report = assistant.check_note(HEAD + body, billed="97550x1:GP,97530x1:GP")
    assert report.check("total_time").status == status
