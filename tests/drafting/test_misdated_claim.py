"""A claim keyed with another day's date, denied for that date (a duplicate, a facility stay): a new claim on the
note's date (round 15). Any other denial on a misdated claim still stops the draft (test_service_date.py)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.misdated_claim import transposed
from assistant.errors import ServiceDateMismatchError
from assistant.service import Assistant

NOTE = """DOS 09/15/2026
13:00-13:50 Caregiver training without the patient present: patient's wife (unpaid caregiver). Patient verbally
consented 09/10/2026 to wife's training.
Need: pt mod A stand pivot transfers after CVA, fall risk; POC LTG 2 safe transfers with caregiver.
Taught stand pivot and car transfers, gait belt use, guarding; hands-on correction of her body mechanics.
Wife return-demonstrated x3, last two independent.
Total CTS 50 min. Billing: 97550 x1 GP, 97551 x1 GP
Jo Lin, PT, DPT
"""


def _claim(dos: str) -> dict:
    return {"dos": dos, "payer_type": "medicare", "notice_date": "2026-10-20",
            "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True},
                      {"code": "97551", "units": 1, "modifiers": ["GP"], "denied": True}]}


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    a = Assistant()
    a.clock = lambda: date(2026, 11, 2)
    return a


# CO-26 / CO-27: the coverage is answered for the date keyed ("03/08" for the session of "08/03", appeals16)
@pytest.mark.parametrize("denial", ["CO-18", "CO-109 MA101", "CO-109 N70", "CO-26", "CO-27"])
def test_a_date_bound_denial_of_a_misdated_claim_is_a_new_claim_on_the_notes_date(assistant, denial: str) -> None:  # type: ignore[no-untyped-def]
    result = assistant.draft_appeal(denial, NOTE, claim=_claim("2026-09-05"))
    assert (result.recommendation, result.route) == ("corrected_claim", "new_claim")
    assert result.deadline is not None and result.deadline.due_date == date(2027, 9, 15)
    assert any("date of service 2026-09-15" in r.text for r in result.reasons)


def test_a_denial_on_the_merits_of_a_misdated_claim_still_stops(assistant) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceDateMismatchError):
        assistant.draft_appeal("CO-50", NOTE, claim=_claim("2026-09-05"))


# round 17: the note's date transposed on the claim (day and month swapped, the day's digits reversed) is a typing
# slip whatever the denial: a new claim on the note's date; a date sharing neither is another session and still stops
@pytest.mark.parametrize("keyed", ["2026-12-09"])
def test_a_transposed_date_is_a_new_claim_whatever_the_denial(assistant, keyed: str) -> None:  # type: ignore[no-untyped-def]
    note = NOTE.replace("DOS 09/15/2026", "DOS 09/12/2026")
    result = assistant.draft_appeal("277CA rejection A7:510", note, claim=_claim(keyed))
    assert (result.recommendation, result.route) == ("corrected_claim", "new_claim")
    assert result.deadline is not None and result.deadline.due_date == date(2027, 9, 12)


@pytest.mark.parametrize(("keyed", "session", "slip"), [
    ("2026-12-09", "2026-09-12", True), ("2026-08-13", "2026-08-31", True), ("2026-09-05", "2026-09-15", False),
    ("2026-12-09", "2025-09-12", False), ("2026-10-10", "2026-10-10", False), ("2026-08-12", "2026-08-21", True),
])
def test_transposed(keyed: str, session: str, slip: bool) -> None:
    assert transposed(date.fromisoformat(keyed), date.fromisoformat(session)) is slip


def test_a_merits_denial_on_another_session_still_stops(assistant) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceDateMismatchError):
        assistant.draft_appeal("CO-50", NOTE, claim=_claim("2026-10-15"))
