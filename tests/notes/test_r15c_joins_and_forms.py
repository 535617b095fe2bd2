"""Round 15c: a patient joining mid-session (time-stamped entries with a doubled dash, a supervisor's addendum, a
telehealth transcript), OCR'd signatures and column splits, quoted code text and template boxes."""

from __future__ import annotations

import pytest

import assistant

BASE = "DOS 11/19/2025. Pt not present at first. Son (unpaid) trained in stand-pivot transfers. J. Ruiz, PT\n"


@pytest.mark.parametrize(
    ("entries", "minutes", "present"),
    [
        # "2:00 pm -- ...": a typed double dash after the stamp still opens an entry
        ("2:00 pm -- training with son alone.\n2:31 pm -- pt wheeled in; pt + son practised.\n2:50 pm -- done.\n",
         31, 19),
        ("10:00 -- Started with son.\n10:30 -- Pt walked in, joined.\n10:40 -- End.\n", 30, 10),
    ],
)
def test_stamps_followed_by_a_double_dash(entries: str, minutes: int, present: int) -> None:
    report = assistant.check_note(BASE + entries)
    assert report.time.total_minutes == minutes
    assert [s.minutes for s in report.time.patient_present] == [present]
