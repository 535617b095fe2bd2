"""Round-8 (after first contact) patient-present parts of a log: the patient back from elsewhere, the patient and the
caregiver practising together in a range of its own (docs/CONVENTIONS.md: only the minutes without the patient
count).
"""

from __future__ import annotations

import pytest

import assistant

LOG = (
    "DOS 11/03/2025 PT session log\n"
    "11:10 husband here alone (pt in MRI down the hall). Pt gave verbal OK this morning -- documented.\n"
    "  taught: guarding on weaker L side, rollator brakes. He demo'd curb guarding x2.\n"
    "11:24 {join}. 11:24-11:40 {together},\n  gait w/ rollator 150 ft x2 (97530).\n"
    "CTS 11:10-11:24.\nKaveh Mortazavi PT\n"
)


@pytest.mark.parametrize(
    ("join", "together"),
    [
        ("pt back from MRI early -> joined", "pt + husband curb/ramp practice"),
        ("pt back from MRI", "gait and curb work w/ PT"),
        ("husband waiting", "pt and husband ramp practice"),
    ],
)
def test_a_part_with_the_patient_back_is_kept_apart(join: str, together: str) -> None:
    report = assistant.check_note(LOG.format(join=join, together=together))
    assert report.time.total_minutes == 14
    assert report.check("minimum_time").status == "problem"
