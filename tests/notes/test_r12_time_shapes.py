"""Document shapes of round 12: timesheet rows by what they log, years beside clock times, the therapist's own
time, and logs of several dated visits (only the billed visit's minutes count)."""

from __future__ import annotations

import pytest

import assistant
from assistant.notes import sheet_rows

BODY = (
    "Pt at adult day program, not present. Husband Omar (unpaid) trained. Consent signed by pt 3/1/2025 for Omar.\n"
    "POC goal 2: bed to chair transfer with husband's assist. Taught slide board transfer, guarding, brakes.\n"
    "Omar did 2 transfers with me as pt, 1 cue. Skilled: fall risk, hip precautions.\n"
    "Signed: Lena Park, PT\n"
)

PRODUCTIVITY = (
    "DAILY PRODUCTIVITY EXPORT  Date: 2025-03-04\n"
    "Start  End    Min  Activity                 Patient           Code   Un\n"
    "07:30  08:10  40   Travel to clinic         --                --     --\n"
    "08:15  08:35  20   CG TRAINING, PT ABSENT   Quinn, Ada        97550  1\n"
    "08:35  08:50  15   Documentation            Quinn, Ada        --     --\n"
    "09:00  09:45  45   Eval (pt present)        Brook, Tomas      97162  1\n"
)

CSV_EXPORT = (
    "date,start,stop,mins,service,pt_present,code,units,comment\n"
    "03/04/2025,13:40,14:00,20,Caregiver training,N,97550,1,pt at lab\n"
    "03/04/2025,14:00,14:15,15,Non-billable,N,,,phone w/ PCP office\n"
    "03/04/2025,14:15,14:33,18,Caregiver training,N,97551,1,pt still at lab\n"
)

WEEKLY_LOG = (
    "Weekly unit log\n"
    "Date       Pt             Activity                        Minutes  Billed\n"
    "03/04/25   Quinn, Ada     caregiver training (pt absent)  44       97550 GP\n"
    "03/04/25   Quinn, Ada     documentation                   12       --\n"
)


@pytest.mark.parametrize(
    ("grid", "minutes"),
    [
        (PRODUCTIVITY, 20),  # travel, charting and another patient's evaluation are not this training
        (CSV_EXPORT, 38),  # a non-billable phone row between two training rows is left out
        (WEEKLY_LOG, 44),  # no clock times: the training row's minutes cell
    ],
)
def test_timesheet_rows_count_only_training(grid: str, minutes: int) -> None:
    report = assistant.check_note(grid + BODY, dos="2025-03-04")
    assert report.time.total_minutes == minutes


def test_another_patients_row_is_no_same_day_service() -> None:
    report = assistant.check_note(PRODUCTIVITY + BODY, dos="2025-03-04")
    assert report.check("distinct_time").status == "not_applicable"


def test_row_kinds() -> None:
    kinds = sorted(sheet_rows.read(PRODUCTIVITY).kinds.values())
    assert kinds == ["another_patient", "aside", "aside", "cts"]


def test_a_list_of_attendees_is_not_a_timesheet() -> None:
    note = (
        "TEAM CONFERENCE + FAMILY TRAINING 04/15/2025\n"
        "Attendees: daughter Ann (CG, unpaid); Ilka Marten, OTR/L; Faye Roux, PT; Colm Reyes, LCSW\n"
        "13:00-13:30 Team conference (not billed as CTS): progress, d/c planning.\n"
        "13:35-14:05 OT caregiver training, daughter only; pt at dialysis, not present.\n"
    )
    assert sheet_rows.read(note).kinds == {}
    assert assistant.check_note(note, dos="2025-04-15").time.total_minutes == 30


@pytest.mark.parametrize(
    ("head", "minutes"),
    [
        ("Caregiver class -- June 9, 2026 -- 10:00-11:15\n", 75),  # "2026 -- 10:00" is no reversed range
        ("Caregiver class -- April 11, 2024 -- 7:00-8:00 pm\n", 60),
        ("Home visit -- 9 June 2026 -- CTS 1405-1440\n", 35),
        ("Home visit 2026-06-09 CTS 1405-1440\n", 35),
    ],
)
def test_a_year_is_not_a_clock_time(head: str, minutes: int) -> None:
    report = assistant.check_note(head + BODY)
    assert report.time.total_minutes == minutes
    assert report.check("start_stop").status == "met"


@pytest.mark.parametrize(
    "extra",
    [
        "charted in truck 12:00-12:20.\n",
        "Time: 37 min face to face + 15 min documentation in car (12:10-12:25) = 52 min\n",
        "Mileage sheet: left office 9:40, back 13:32. Total 112 min on road + visit.\n",
    ],
)
def test_the_therapists_own_time_is_not_training(extra: str) -> None:
    note = "Home visit 2025-03-04. CTS 11:30-12:07 in the home.\n" + BODY + extra
    report = assistant.check_note(note, billed="97550x1:GP")
    assert report.time.total_minutes == 37
    assert report.check("units").status == "met"
    assert report.check("total_time").status == "met"  # no stated figure of the training disagrees


VISITS = (
    "CTS visits -- PT -- Pt: Ada Quinn\n"
    "Consent: pt signed consent naming her husband Omar (unpaid).\n"
    "06/03/2025\n"
    "  Pt not present. Omar trained: w/c propulsion, brakes. Return demo good. 14:00-14:50. 97550 GP.\n"
    "06/17/2025\n"
    "  Pt not present (dialysis). POC goal: car transfer w/ family. Taught Omar stand-pivot to car.\n"
    "  Omar return demo x3, cue trial 1. Skilled: BKA, hypotension. 14:10-14:38 (28 min). 97550 GP.\n"
    "Signed: Lena Park, PT\n"
)


@pytest.mark.parametrize(("dos", "minutes"), [("2025-06-17", 28), ("2025-06-03", 50)])
def test_only_the_billed_visit_counts(dos: str, minutes: int) -> None:
    report = assistant.check_note(VISITS, dos=dos, billed="97550x1:GP")
    assert report.time.total_minutes == minutes
    assert report.meta.visit is not None and report.meta.visit.date.isoformat() == dos
    assert dos in report.time.basis


def test_an_addendum_on_its_own_line_is_no_visit() -> None:
    note = (
        "03/04/2025\nCTS 10:00-10:20 with husband Omar.\n" + BODY
        + "03/06/2025 Late entry: second segment 10:40-10:58 on 03/04 with Omar.\n"
    )
    report = assistant.check_note(note, dos="2025-03-04")
    assert report.meta.visit is None


LOG = (
    "OT caregiver training log -- Pt: Ada Quinn -- husband Omar (unpaid)\n"
    "Aug 6, 2024 -- pt present and participated in the transfers with Omar. 9:00-10:05. Billed 97530 x2 GO.\n"
    "  Pt signed consent 08/06/2024 for Omar to be trained.\n"
    "Aug 20, 2024 -- pt absent (at her daughter's). POC goal: toilet transfers w/ husband's min A.\n"
    "  Taught Omar sit<>stand from toilet w/ frame. Omar return demo x3, 1 cue. Skilled: hemiparesis, fall risk.\n"
    "  9:00-9:35 (35 min). Billed 97550 GO x1.\n"
    "-- Brigitta Shaw, OTR/L\n"
)


def test_checks_read_the_billed_visit_and_an_earlier_consent() -> None:
    report = assistant.check_note(LOG, dos="2024-08-20", billed="97550x1:GO")
    assert report.check("patient_absent").status == "met"  # the patient took part at the other visit only
    assert report.check("consent").status == "met"  # given at the earlier visit, for the same caregiver
    assert report.check("distinct_time").status == "not_applicable"  # 97530 was the other visit's
    assert report.time.total_minutes == 35
    assert [e.quote for e in report.check("patient_absent").evidence] == ["pt absent"]


@pytest.mark.parametrize(
    "head",
    [
        # a visit log's time-stamped entries: the drive, the arrival and what follows the session's end are not it
        "Home visit 03/04/2025.\n08:05 depart clinic\n08:50 arrive home\n09:00 start CG training\n"
        "09:40 end CG training\n10:30 back at clinic\n",
        # the visit's range and the figure restating it
        "Home visit 03/04/2025. Visit time 8:55-9:50 (55 min); CTS portion 9:00-9:40.\n",
        # a visit range with its date between the word and the range; figures named the visit's or the desk's
        "Visit 03/04/2025 08:55-09:40 (45 min total visit; 5 min chart review before CG arrived). "
        "CG training 09:00-09:40.\n",
    ],
)
def test_visit_time_is_not_training_time(head: str) -> None:
    report = assistant.check_note(head + BODY, billed="97550x1:GP,97551x1:GP")
    assert report.time.total_minutes == 40
    assert report.check("total_time").status == "met"
    assert report.check("units").status == "met"


def test_two_dated_lines_are_no_visit_log() -> None:
    note = (
        "DOS 11/19/2025. Pt not present. Son (unpaid) trained. J. Ruiz, PT\n"
        "DOS: February 11, 2025 | 1:10 PM - 2:00 PM\n"
    )
    assert assistant.check_note(note, dos="2025-11-19").meta.visit is None


@pytest.mark.parametrize(
    ("clock", "training", "minutes"),
    [
        # a home visit's time in/out, the training its own shorter part: the training's minutes
        ("Time in 8:55, out 9:50.", "Caregiver training 40 min: ", 40),
        ("Visit 8:55-9:50.", "CTS 25 min: ", 25),
        # the same minutes, or no visit words before the range: the clock range is the training's
        ("Time in 8:55, out 9:35.", "Caregiver training 40 min: ", 40),
        ("8:55-9:50.", "Caregiver training 40 min: ", 55),
    ],
)
def test_visit_clock_around_the_trainings_own_minutes(clock: str, training: str, minutes: int) -> None:
    note = f"Home visit 03/04/2025. {clock}\n{training}" + BODY
    assert assistant.check_note(note, dos="2025-03-04").time.total_minutes == minutes


@pytest.mark.parametrize(
    ("meeting", "minutes"),
    [
        ("Conference 1030-1100", 31),  # a team's meeting before the training is not the training
        ("IDT meeting 10:30-11:00", 31),
        ("Family meeting 10:30-11:00", 61),  # a family's own meeting may be the session: both ranges count
    ],
)
def test_a_team_meeting_range_is_not_training(meeting: str, minutes: int) -> None:
    note = f"Team note 03/04/2025. {meeting}. Attendees: PT, OT, SW.\nPT caregiver training 1115-1146.\n" + BODY
    assert assistant.check_note(note, dos="2025-03-04").time.total_minutes == minutes
