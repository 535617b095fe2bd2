"""The session's minutes a question settles on (answer/settled.py), a notice day a question corrects itself to and a
leap day in a count (answer/calc.py), and the cues of the parts a two-part question asks (answer/parts.py): pure, one
table per rule. Wordings are not those of any eval set."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer.calc import _leap_day, _named_notice_day
from assistant.answer.parts import PRESENT_THROUGHOUT, SEVERAL_CAREGIVERS
from assistant.answer.settled import settled
from assistant.retrieval.understand import understand


@pytest.mark.parametrize(
    ("question", "minutes"),
    [
        # a range whose stop is corrected later
        ("session 1:05-1:35 w/ the wife, correction: the OT actually finished at 1:50", (45,)),
        # a range whose start is corrected later
        ("log shows 9:00-9:45 but really we started at 9:20 because the aide was late", (25,)),
        # a range beside the longer visit around it
        ("trained from 4:00 to 4:40; she was in the building 2 hours counting the wait", (40,)),
        # a distance in hours is no session
        ("her son lives 3 hrs away so the neighbor comes; can we train the neighbor?", ()),
        # nothing to settle: a range and a smaller part of it stay for the units rules
        ("session 1:00-1:40, the pt was in for 10 min of it", (40, 10)),
    ],
)
def test_settled_minutes(question: str, minutes: tuple[int, ...]) -> None:
    assert settled(understand(question)).minutes == minutes


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("letter dated 3/2/2026 -- no wait, I had the wrong letter, the denial is dated April 9, 2026. deadline?",
         date(2026, 4, 9)),
        ("initial determination notice dated 2026-05-11, by when is the redetermination due?", date(2026, 5, 11)),
        # two notices with no correction between them: the first one named
        ("remit dated 06/01/2026 and a second remit dated 06/15/2026 for another line; deadline?", date(2026, 6, 1)),
    ],
)
def test_named_notice_day(question: str, day: date) -> None:
    assert _named_notice_day(question, date(2026, 12, 3)) == day


@pytest.mark.parametrize(
    ("start", "end", "leap"),
    [(date(2024, 1, 10), date(2024, 5, 14), True), (date(2025, 1, 10), date(2025, 5, 15), False),
     (date(2027, 12, 1), date(2028, 4, 4), True), (date(2024, 3, 1), date(2024, 7, 4), False)],
)
def test_leap_day(start: date, end: date, leap: bool) -> None:
    assert bool(_leap_day(start, end)) is leap


@pytest.mark.parametrize(
    ("question", "present"),
    [
        ("the patient came out and participated for the whole session", True),
        ("pt sat in for the entire 45 min", True),
        ("pt walked in for the last few minutes", False),
        ("the daughter practiced every transfer for the whole session while the pt slept", False),
    ],
)
def test_present_throughout(question: str, present: bool) -> None:
    assert bool(PRESENT_THROUGHOUT.search(question)) is present


@pytest.mark.parametrize(
    ("question", "several"),
    [("two daughters came for 30 min", True), ("one unit per caregiver?", True), ("both sons were trained", True),
     ("the daughter came for 30 min", False), ("two sessions with the son", False)],
)
def test_several_caregivers(question: str, several: bool) -> None:
    assert bool(SEVERAL_CAREGIVERS.search(question)) is several
