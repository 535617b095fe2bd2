"""A form's question answered "no" ("POA present by phone? -- no") says the session was not remote."""

from __future__ import annotations

import pytest

import assistant

NOTE = (
    "OT caregiver training 2025-03-04 10:00-10:30. Pt not present (at day program).\nCaregiver: husband, unpaid.\n"
    "{line}\nConsent signed 2/20/25. POC goal: dressing with 1-step cues. Taught cueing; husband return demo correct.\n"
)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Daughter present by phone? -- no.", "not_applicable"),
        ("Telehealth? no", "not_applicable"),
        ("Via video? N", "not_applicable"),
        ("Pt gave verbal consent by phone.", "not_applicable"),
        # a remote session stays one
        ("Session by phone (audio only).", "problem"),
    ],
)
def test_question_answered_no_is_not_telehealth(line: str, status: str) -> None:
    report = assistant.check_note(NOTE.format(line=line), billed="97550x1:GO")
    assert report.check("telehealth").status == status
