"""Outside tester's round-12 leftovers: what the report says when the note or the claim is odd (hostile12 #9, #12,
#18). Each row fails without its fix."""

from __future__ import annotations

import pytest

from assistant import check_note

BASE = (
    "DOS: {dos}\nPatient not present: CTS provided to the patient's wife (unpaid family caregiver).\n"
    "Consent: patient gave verbal consent for his wife to receive caregiver training.\n"
    "Need/goal: min A for transfers; training supports POC LTG #2 (safe bed to w/c transfers).\n"
    "Training: instructed wife in stand pivot transfers with gait belt; hands-on correction of her body mechanics.\n"
    "Wife return-demonstrated stand pivot transfer x3, final two correct.\n"
    "Time: 10:15 AM - 10:47 AM (32 min total CTS time).\nBilling: {billing}\nJane Ortiz, PT, DPT\n"
)


def _check(report, check_id: str):  # type: ignore[no-untyped-def]
    return next(c for c in report.checks if c.id == check_id)


@pytest.mark.parametrize(
    ("billing", "quoted"),
    [("97550 x1 GP, 97551 x999999999 GP", "97551 x999999999"), ("97550 x1 GP, 97551 x-3 GP", "97551 x-3")],
    ids=["huge", "negative"],
)
def test_an_impossible_unit_count_in_the_note_is_quoted_as_written(billing: str, quoted: str) -> None:
    """#9: never read as one unit ("97551×1 billed")."""
    units = _check(check_note(BASE.format(dos="03/04/2025", billing=billing)), "units")
    assert units.status == "problem"
    assert quoted in units.message
    assert "97551×1" not in units.message


@pytest.mark.parametrize("dos", ["02/30/2025", "13/45/2025"])
def test_no_payment_when_the_written_date_of_service_is_no_calendar_day(dos: str) -> None:
    """#12: the fee period is unknown, so no payment (it was today's schedule)."""
    report = check_note(BASE.format(dos=dos, billing="97550 x1 GP"))
    assert _check(report, "date_of_service").status == "missing"
    assert report.billing.payment is None


def test_a_note_with_no_date_still_gets_todays_fee_schedule_with_a_note() -> None:
    report = check_note(BASE.format(dos="", billing="97550 x1 GP").replace("DOS: \n", ""))
    assert report.billing.payment is not None
    assert "No date of service documented" in report.billing.payment.note


def test_a_code_on_two_lines_is_named_once_in_the_modifier_message() -> None:
    """#18: "97550, 97550 lack a therapy modifier"."""
    billed = [{"code": "97550", "units": 1, "modifiers": ["CQ"]}, {"code": "97550", "units": 1, "modifiers": ["CO"]}]
    report = check_note(BASE.format(dos="03/04/2025", billing=""), billed=billed)
    message = _check(report, "therapy_modifier").message
    assert "97550" in message
    assert "97550, 97550" not in message
