"""Minutes given only as clock times, and a figure the asker denies later (pure)."""

from __future__ import annotations

import pytest

from assistant.retrieval.clock_minutes import clocked, said
from assistant.retrieval.understand import understand


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("the log says 1:08 to 2:02", [54]),
        ("session 9:40-10:05 with the son", [25]),
        ("she joined 15:10, I ended 15:31", [21]),
        ("started at 11:50 and stopped 12:20", [30]),  # past 12 on the 12-hour dial
        ("keep writing times like 8:05-8:41", []),  # an example of how to write times, no session
        ("from 9:00 to 5:00", []),  # a working day, not one session
    ],
)
def test_clocked(text: str, minutes: list[int]) -> None:
    assert [c.minutes for c in clocked(text)] == minutes


def test_said_is_what_the_gate_checks() -> None:
    assert said(clocked("log: 1:08 to 2:02")[0]) == "1:08 to 2:02 is 54 minutes"


@pytest.mark.parametrize(
    ("question", "minutes"),
    [
        # a figure said and then denied gives way to the clock times
        ("I put 40 min, but the sheet shows 3:10-3:58 so it's not 40. units?", (48,)),
        # the range's own total written too: one figure, not two
        ("10:00-10:45, the 45 min, how do I bill?", (45,)),
        # a range of another service is not caregiver time
        ("caregiver 30 min; 97530 10:00-10:40 with the pt", (30,)),
    ],
)
def test_question_minutes(question: str, minutes: tuple[int, ...]) -> None:
    assert understand(question).minutes == minutes


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # by video, the minutes' units asked
        ("video visit w/ the daughter, logged on 9:02 and hung up 9:20, enough for 97550?", "units"),
        # by video, whether video is allowed asked
        ("video visit w/ the daughter 9:02-9:40, is video allowed for 97550?", "telehealth"),
    ],
)
def test_video_minutes_kind(question: str, kind: str) -> None:
    assert understand(question).kind == kind
