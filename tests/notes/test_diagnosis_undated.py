"""hostile17 #24: with a written date of service that is no calendar day, the diagnosis codes were said billable
"on 2026-12-03" (today) as if that were the session's date; the report now says the day could not be checked."""

from __future__ import annotations

from datetime import date

import assistant

NOTE = ("Date of service: {dos}\nDx: G20.A1 Parkinson's disease.\nCaregiver: wife (unpaid). Patient not present.\n"
        "Consent: patient agreed to caregiver training.\nStart 10:15 AM Stop 11:07 AM (52 minutes).\n"
        "PT taught transfers with a gait belt; wife return-demonstrated.\n")


def test_codes_of_a_note_with_an_impossible_date_are_not_said_billable_on_that_day() -> None:
    report = assistant.check_note(NOTE.format(dos="02/29/2025"))
    dx = next(c for c in report.checks if c.id == "diagnosis_codes")
    assert dx.status == "met" and f"today ({date.today().isoformat()})" in dx.message
    assert "could not be checked for that day" in dx.message


def test_codes_of_a_dated_note_are_checked_on_its_date() -> None:
    report = assistant.check_note(NOTE.format(dos="03/04/2025"))
    dx = next(c for c in report.checks if c.id == "diagnosis_codes")
    assert dx.status == "met" and "on 2025-03-04" in dx.message and "today" not in dx.message
