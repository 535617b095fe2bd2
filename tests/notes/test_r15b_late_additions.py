"""A late entry dated after the session that alone documents the time or the consent (hostile14 #12): the checks count
it as documentation (their statuses are unchanged), and the report says so in `meta.added_later`."""

from __future__ import annotations

import pytest

import assistant

ORIGINAL = """Caregiver Training Services - Occupational Therapy
DOS: 05/12/2025
Patient not present; CTS provided to son (Derek, unpaid family caregiver).
Need: pt requires max A for LB dressing due to dementia (F03.90); goal: caregiver-assisted dressing per POC goal 2.
Trained son in dressing techniques, cueing strategies, setting up clothing in order. Son return demonstrated.
{consent}Time: 9:00-9:20 AM (20 min).
Billing: 97550 x1 GO
Marta Ruiz, OTR/L 05/12/2025

"""
ENTRY = """ADDENDUM / LATE ENTRY {day} 08:30 by Marta Ruiz, OTR/L:
Correction: session actually ran 9:00-9:35 AM (35 min); end time was entered incorrectly.
Consent: patient's verbal consent obtained 05/05/2025 for son to receive training was omitted from original note.
"""
CONSENT = "Consent: verbal consent from pt 05/05/2025 for son to be trained.\n"


@pytest.mark.parametrize(("consent", "day", "added"), [
    ("", "05/14/2025", ["consent", "total_time", "start_stop"]),  # time and consent only in the later entry
    (CONSENT, "05/14/2025", ["total_time", "start_stop"]),  # the original already had the consent
    ("", "05/12/2025", []),  # an addendum the same day is part of the session's note
])
def test_late_entry_additions_are_reported(consent: str, day: str, added: list[str]) -> None:
    report = assistant.check_note(ORIGINAL.format(consent=consent) + ENTRY.format(day=day))
    status = {c.id: c.status for c in report.checks}
    assert status["consent"] == "met" and status["total_time"] == "met"  # the labels stay as the conventions say
    assert report.summary.ready_to_bill
    found = [c for item in report.meta.added_later for c in item.checks]
    assert found == added
    for item in report.meta.added_later:
        assert item.severity == "info" and item.written.isoformat() == "2025-05-14"
        assert item.quote.startswith("ADDENDUM / LATE ENTRY") and item.sources


def test_a_payment_entry_is_not_an_addition() -> None:
    """An entry made for payment is not documentation (reported as not used), so nothing is added by it."""
    entry = ENTRY.format(day="05/14/2025").replace("OTR/L:", "OTR/L, to support the appeal:")
    report = assistant.check_note(ORIGINAL.format(consent="") + entry)
    assert report.meta.added_later == []


def test_a_note_without_entries_adds_nothing() -> None:
    report = assistant.check_note(ORIGINAL.format(consent=CONSENT))
    assert report.meta.added_later == []
