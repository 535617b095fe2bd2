"""Caregiver classes, timesheets, travel logs, letters and facility notes written in the round-10 styles."""

from __future__ import annotations

import pytest

import assistant

CLASS = (
    "Home Helper Class -- 10/16/2024 -- 1300-1400. Instructor: Zoltan Ferenczi, PT.\n{attendance}\n"
    "CG: Paulina (daughter, unpaid); signed consent 10/2/2024. Patients not present.\n"
    "POC goal: transfers with daughter SBA. Covered car transfer and tub bench; Paulina return demo correct.\n"
)


@pytest.mark.parametrize(
    ("attendance", "status"),
    [
        # relatives of named patients, listed
        ("Attendees: daughter of Carmen Villaseca (this pt); husband of Dorothea Pruitt; wife of Lamar Hollingsworth.",
         "met"),
        ("Attendance: Kwabena (son of Abena Ofori -- this chart), Greta (wife of Sven Lindholm).", "met"),
        # a class header's count of families
        ("Families: 3 (patients Ferreira, Lindqvist, Zaragoza)", "met"),
        # one patient's two relatives are one patient
        ("Attendees: daughter of Carmen Villaseca and son of Carmen Villaseca-Ruiz.", "problem"),
    ],
)
def test_class_attendance_counts_patients(attendance: str, status: str) -> None:
    billed = [{"code": "97552", "units": 1, "modifiers": ["GP"]}]
    report = assistant.check_note(CLASS.format(attendance=attendance), billed=billed)
    assert report.check("group_session").status == status
