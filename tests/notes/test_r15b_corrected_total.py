"""A stated total a later hand corrects ("Correction: 1305-1336 is 31 min, not 45"): the figure set aside is no total of
the session, so the clock and the corrected figure agree (total_time met), while an uncorrected 45 stays a mismatch."""

from __future__ import annotations

from pathlib import Path

import pytest

import assistant

BASE = (Path(__file__).resolve().parents[2] / "examples" / "note_ready.txt").read_text(encoding="utf-8")
LINE = "Time: 10:15 AM - 10:47 AM (32 min total CTS time).\n"


@pytest.mark.parametrize(("tail", "status"), [
    ("CI cosign: agree with note except the total. Correction: 1015-1047 is 32 min, not 45.\n", "met"),
    ("Cosigned: the session ran 32 minutes, not 45 (chart review was counted).\n", "met"),
    ("", "problem"),  # nothing corrects the 45
    ("Correction: 32 min, not 40.\n", "problem"),  # a correction of another figure leaves the 45 standing
])
def test_a_corrected_total_is_set_aside(tail: str, status: str) -> None:
    note = BASE.replace(LINE, "Start 1015 / End 1047 / Total: 45 min\n") + "\n" + tail
    report = assistant.check_note(note)
    assert report.time.total_minutes == 32
    assert {c.id: c.status for c in report.checks}["total_time"] == status
