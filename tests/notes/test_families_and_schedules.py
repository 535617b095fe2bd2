"""Minutes per code family, and clock ranges that are someone's schedule rather than the session.

docs/CONVENTIONS.md: when one session trains functional (97550 family) and direct-care (G0541 family)
content with their own minutes, each family is billed on its own minutes, never pooled; only
caregiver-training time counts, so a caregiver's or an aide's working hours are not session time.
"""

from __future__ import annotations

from typing import Any

import pytest

import assistant

BASE = (
    "DOS: 11/03/2026\n"
    "Patient not present (at her neurology follow-up). Sister Colette, unpaid, trained; patient gave verbal "
    "consent 10/27/2026 for Colette to be trained.\n"
    "Need: R hemiparesis, indwelling catheter; POC goal: transfers with supervision of her sister.\n"
)
DEMO = "Return demo: Colette guarded both transfers and did the bag change correctly.\n"
SIGN = "A. Whitcombe, OTR/L\n"


def _lines(report: Any) -> str:
    return " ".join(f"{ln.code}x{ln.units}" for ln in report.billing.lines)


@pytest.mark.parametrize(
    ("segments", "lines"),
    [
        # the content runs on below each segment's own line
        ("A) 9:02-9:28 (26 min) - functional training: toilet transfer with grab bar,\n"
         "tub-bench transfer with leg lift, hemi LB dressing sequence; guarding.\n"
         "B) 9:28-9:50 (22 min) - direct-care training: catheter and perineal care with clean technique, leg bag\n"
         "to night bag change, securement device, hand hygiene, signs of UTI to report.\n",
         "97550x1 G0541x1"),
        # each segment names its family in its own words
        ("Functional training 10:00-10:25: transfers and dressing.\n"
         "Direct care training 10:25-10:45: ostomy pouch change and skin inspection.\n",
         "97550x1 G0541x1"),
        # direct care first, longer, with its own add-on
        ("10:00-10:40 wound dressing change, offloading boot, skin checks.\n"
         "10:40-11:00 stand-pivot transfer with gait belt.\n",
         "G0541x1 G0542x1 97550x1"),
        # one family only: the segments add up as one session
        ("9:00-9:20 toilet transfer.\n9:25-9:50 tub bench transfer and LB dressing.\n", "97550x1 97551x1"),
    ],
)
def test_each_family_on_its_own_minutes(segments: str, lines: str) -> None:
    report = assistant.check_note(BASE + segments + DEMO + SIGN)
    assert sorted(_lines(report).split()) == sorted(lines.split())


def test_pooled_billing_of_two_families_is_a_units_problem() -> None:
    segments = (
        "A) 9:02-9:28 (26 min) - functional training: toilet and tub-bench transfers.\n"
        "B) 9:28-9:50 (22 min) - direct-care training: catheter care, leg bag change, hand hygiene.\n"
    )
    report = assistant.check_note(BASE + segments + DEMO + SIGN, billed="97550x1:GO,97551x1:GO")
    units = report.check("units")
    assert units.status == "problem"
    assert "never pooled" in units.message


@pytest.mark.parametrize(
    ("times", "minutes"),
    [
        ("Caregiver: Rosa, with him weekdays 8 am to 2 pm. Training 10:00-10:45 (45 min).\n", 45),
        ("Her son stays with her 9:00-13:00 Mon-Fri. Caregiver training 10:00-10:40.\n", 40),
        ("The aide comes 9-11am daily; trained daughter 1:00-1:35 pm.\n", 35),
        ("Daughter works 7a-1p, so caregiver training was 2:00-2:40 pm.\n", 40),
        ("Husband's shift is 6:00-12:00; trained him 1:00-1:40 pm.\n", 40),
        ("Wife is with him Tuesdays 1-4 pm. Caregiver training 30 min.\n", 30),
        # a frequency word away from the range, with training words between, is the session
        ("Caregiver training daily home program reviewed 10:00-10:30.\n", 30),
        ("Caregiver training 10:00-10:40 on Tuesday with wife.\n", 40),
    ],
)
def test_schedule_ranges_are_not_session_time(times: str, minutes: int) -> None:
    report = assistant.check_note(BASE + times + DEMO + SIGN)
    assert report.time.total_minutes == minutes


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # named as behaviour-management training on a 2025 date: G0539/+G0540, same time rule
        ("DOS: 05/20/2025. OT caregiver training - behavior management. Pt not present (with her son).\n"
         "Daughter taught trigger tracking, calm redirection and praise. 10:00-10:45. Priya Olsen, OTR/L\n",
         "G0539x1 G0540x1"),
        # the same training in 2024: the G-codes did not exist yet
        ("DOS: 11/19/2024. OT caregiver training - behavior management. Pt not present (with her son).\n"
         "Daughter taught trigger tracking, calm redirection and praise. 10:00-10:45. Priya Olsen, OTR/L\n",
         "97550x1 97551x1"),
        # behaviour words only in the skilled-need line: functional training
        ("DOS: 05/20/2025. OT caregiver training. Pt not present (with her son). Daughter taught tub bench transfer.\n"
         "Skilled: fall risk, frustration/behavior management needs. 10:00-10:33. Priya Olsen, OTR/L\n",
         "97550x1"),
        # behaviour management for a group of families is 96202, not caregiver training: no CTS line
        ("DOS: 03/09/2026. Caregiver group - behavior management training for sundowning. Caregivers of 3 patients\n"
         "attended; patients not present. Taught redirection and an evening routine. 13:00-14:00. Ines Marlow, OTR/L\n",
         ""),
    ],
)
def test_behavior_management_family(text: str, lines: str) -> None:
    assert _lines(assistant.check_note(text)) == lines
