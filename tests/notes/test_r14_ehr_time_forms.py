"""EHR time forms of round 14 (hostile14 #6): clock times with seconds or a time zone, ISO date-times, and a duration
field written h:mm. Each was read as no time at all (three blocking findings)."""

from __future__ import annotations

from pathlib import Path

import pytest

import assistant

BASE = (Path(__file__).resolve().parents[2] / "examples" / "note_ready.txt").read_text(encoding="utf-8")
LINE = "Time: 10:15 AM - 10:47 AM (32 min total CTS time).\n"


@pytest.mark.parametrize(("time", "ranged"), [
    ("10:15:00 - 10:47:30", True),
    ("10:15 AM EST - 10:47 AM EST", True),
    ("10:15 am CST to 10:47 am CST", True),
    ("2025-03-04T10:15:00 to 2025-03-04T10:47:00", True),
    ("2025-03-04T10:15:00-05:00 to 2025-03-04T10:47:00-05:00", True),  # the offset is no range's end
    ("Duration: 00:32", False),
    ("Duration 0:32", False),
    ("Session duration = 0:32", False),
])
def test_ehr_time_forms_are_read(time: str, ranged: bool) -> None:
    assert LINE in BASE
    report = assistant.check_note(BASE.replace(LINE, time + "\n"))
    status = {c.id: c.status for c in report.checks}
    assert report.time.total_minutes == 32 and status["total_time"] == "met"
    assert (status["start_stop"] == "met") is ranged

