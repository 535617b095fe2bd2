"""Field forms of an EHR export (hostile14 #6, round 15): a minutes field apart from its value by a tab, a table's cell
bar or a flowsheet's padding, "Total Timed Minutes", and a flowsheet whose start and stop sit in different columns.
Each was read as no minutes (three blocking findings). Another service's timed total stays out."""

from __future__ import annotations

from pathlib import Path

import pytest

import assistant

BASE = (Path(__file__).resolve().parents[2] / "examples" / "note_ready.txt").read_text(encoding="utf-8")
LINE = "Time: 10:15 AM - 10:47 AM (32 min total CTS time).\n"

FLOWSHEET = """Flowsheet - Therapy Time
| Row Name            | 03/04/25 1015 | 03/04/25 1047 |
|---------------------|---------------|---------------|
| Start Time          | 1015          |               |
| Stop Time           |               | 1047          |
"""


@pytest.mark.parametrize(("time", "ranged"), [
    ("Total Timed Minutes: 32", False),
    ("Total Timed Minutes\t32", False),
    ("| Total Timed Minutes | 32 |", False),
    ("Caregiver Training Minutes          32", False),
    ("| CTS Minutes         | 32            |               |", False),
    ("CTS Minutes\t32", False),
    ("Total CTS min ................. 32", False),
    (FLOWSHEET, True),
    (FLOWSHEET + "| CTS Minutes         | 32            |               |\n", True),
    ("Start Time:          10:15\nStop Time:           10:47", True),
])
def test_field_forms_are_read(time: str, ranged: bool) -> None:
    assert LINE in BASE
    report = assistant.check_note(BASE.replace(LINE, time + "\n"))
    status = {c.id: c.status for c in report.checks}
    assert report.time.total_minutes == 32 and status["total_time"] == "met"
    assert (status["start_stop"] == "met") is ranged
    assert report.summary.blocking == 0


@pytest.mark.parametrize("total", [
    "Total Timed Minutes: 62",
    "Total Timed Minutes\t62",
    "| Total Timed Minutes | 62 |",
    "Total Timed Code Minutes          62",
])
def test_a_visits_timed_total_is_not_the_trainings(total: str) -> None:
    """With a patient-present service the same day, the timed total is the visit's: the training keeps its own 32."""
    note = BASE.replace("Billing:", "Ther ex (97110) with pt 10:50-11:20.\n" + total + "\nBilling:")
    report = assistant.check_note(note)
    assert report.time.total_minutes == 32
    assert {c.id: c.status for c in report.checks}["total_time"] == "met"


EPIC = """Sunnyvale Rehab Associates                                   Page 1 of 2
Patient: Testperson, Alvin Q   MRN: 00-555-0142   DOB: 01/02/1941
Encounter Date: 03/04/2025        Dept: SVR OUTPT PT        Provider: Kline, Dora, PT
Visit Type: CAREGIVER TRAINING

""" + FLOWSHEET + """| Total Timed Minutes | 32            |               |
| CTS Minutes         | 32            |               |
| Patient Present?    | No            |               |
| Caregiver Name      | Bea Testperson (spouse, unpaid) |  |

Consent: Pt verbally consented 02/27/2025 to spouse receiving caregiver training; documented.
Goal: Training supports POC LTG #1 safe stand pivot transfer bed to w/c with caregiver min A.
Need: Pt is min A for transfers secondary to R hemiparesis after CVA (I69.351).
Intervention: Instructed spouse in stand pivot transfer technique, gait belt use, locking w/c brakes,
body mechanics. Provided hands-on cues. Spouse return demonstrated transfer x3 with correct technique.
Charges:
  CPT 97550  Units 1  Mod GP   DOS 03/04/2025
Electronically signed by: Dora Kline, PT, DPT  03/04/2025 11:02 AM
"""


def test_epic_flowsheet_export() -> None:
    note = EPIC
    report = assistant.check_note(note)
    assert report.time.total_minutes == 32
    assert report.summary.blocking == 0
    assert [(ln.code, ln.units) for ln in report.billing.lines] == [("97550", 1)]


def test_a_dot_leader_total_against_a_shorter_clock_is_a_mismatch() -> None:
    """A flowsheet's "Total CTS min ....... 30" beside a 24-minute clock is a stated total that disagrees."""
    fields = " CG trng start ........ 1015\n CG trng stop ......... 1039\n Total CTS min ........ 30\n"
    note = BASE.replace(LINE, fields)
    report = assistant.check_note(note)
    assert report.time.total_minutes == 24 and report.time.stated_total_minutes == 30
    assert {c.id: c.status for c in report.checks}["total_time"] == "problem"
