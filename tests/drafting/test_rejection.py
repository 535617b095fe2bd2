"""Front-end rejections (277CA): read from the denial as typed, answered by a new claim inside the filing limit."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.drafting.rejection import read_rejection, typed_rejection
from assistant.errors import ServiceDateMismatchError
from assistant.service import Assistant

# denial as typed, category read (None: not a rejection)
READ = [
    ("277CA STC A7:164:IL", "A7"),
    ("277 CA  A7*33*IL", "A7"),
    ("277CA A3:21", "A3"),
    ("277CA rejected", ""),  # named as rejected, no category
    ("277CA A1:19:PR", None),  # acknowledged, not rejected
    ("277CA A2:20", None),  # accepted into adjudication
    ("277CA", None),  # named, not said to be rejected
    ("CO-16 MA130", None),
    ("CO-29", None),
    ("", None),
]


@pytest.mark.parametrize(("denial", "category"), READ)
def test_read_rejection(denial: str, category: str | None) -> None:
    found = read_rejection(denial)
    assert (found.category if found else None) == category


# "277CA" typed as the denial with its status in the words pasted beside it (round 15); a 277CA only quoted in the
# payer's words, beside a CARC, stays evidence
TYPED = [
    ("277CA", "277CA 11/05/2026 A7:255 REJECTED: diagnosis code G20 invalid", "A7"),
    ("277CA", "claim REJECTED at the front end", ""),
    ("277CA", "A1:19 acknowledged, accepted into adjudication", None),
    ("277CA A2:20", "A7:255 rejected", None),  # the typed status decides
    ("CO-29", "277CA A7:255 rejected in June", None),
    ("277CA", None, None),
]


@pytest.mark.parametrize(("denial", "words", "category"), TYPED)
def test_typed_rejection_reads_the_status_beside_it(denial: str, words: str | None, category: str | None) -> None:
    found = typed_rejection(denial, words)
    assert (found.category if found else None) == category


def test_label_names_the_acknowledgment() -> None:
    found = read_rejection("277CA STC A7:164:IL")
    assert found is not None and found.label == "277CA A7:164 (entity IL)"


NOTE = (
    "Caregiver training 11/03/2026. Patient not present (at dialysis). Caregiver: daughter Folake, unpaid.\n"
    "Consent: patient signed caregiver training consent 10/27/2026 naming daughter.\n"
    "Goal: wheelchair to bed transfers with 1 person assist by 12/15/2026; L BKA 8/2026.\n"
    "Taught 3:02-3:33 pm (31 min): squat-pivot transfer, limb protector, brakes and armrests.\n"
    "Return demo: daughter performed squat pivot safely after one cue.\n"
    "Skilled need: new amputation, body mechanics.\n97550 x1 GP\nSigned: Eli Brandvold, PT, DPT\n"
)


def _claim(payer_type: str, dos: str, **extra: Any) -> dict[str, Any]:
    return {
        "claim_number": "NV-1", "patient_name": "Tunde Oyelaran", "payer_type": payer_type,
        "date_of_service": dos, "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "charge": 131.0}],
        **extra,
    }


def _draft(claim: dict[str, Any], today: date, note: str = NOTE) -> Any:
    a = Assistant()
    a.clock = lambda: today
    return a.draft_appeal("277CA STC A7:164:IL", note, claim=claim, denial_text="REJECTED member number not found")


def test_commercial_rejection_is_a_new_claim_in_the_plans_window() -> None:
    claim = _claim("commercial", "2026-11-03", notice_date="2026-11-06", payer_deadline="2027-05-02")
    result = _draft(claim, date(2026, 12, 2))
    assert result.recommendation == "corrected_claim" and result.route == "new_claim"
    assert [(ln.code, ln.units, ln.modifiers) for ln in result.corrected_lines] == [("97550", 1, ["GP"])]
    # the plan's own new-claim window, entered on the claim, is the limit (not Medicare's 12 months)
    assert result.deadline is not None and result.deadline.due_date == date(2027, 5, 2)


def test_medicare_rejection_past_twelve_months_has_nothing_to_file() -> None:
    note = NOTE.replace("11/03/2026", "11/03/2025").replace("10/27/2026", "10/27/2025").replace("12/15/2026",
                                                                                                "12/15/2025")
    result = _draft(_claim("medicare", "2025-11-03", notice_date="2025-11-06"), date(2026, 12, 2), note)
    assert result.recommendation == "no_appeal" and result.route is None
    assert "timely" in " ".join(r.text for r in result.reasons).lower()


def test_medicare_rejection_inside_twelve_months_is_a_new_claim_not_a_reopening() -> None:
    result = _draft(_claim("medicare", "2026-11-03", notice_date="2026-11-06"), date(2026, 12, 2))
    assert result.recommendation == "corrected_claim" and result.route == "new_claim"
    assert result.deadline is not None and result.deadline.due_date == date(2027, 11, 3)


@pytest.mark.parametrize(("denial", "words"), [
    ("277CA A7:187", "REJECTED date(s) of service"),  # status 187: the dates of service
    ("277CA rejected", "SERVICE DATE IS AFTER THE RECEIPT DATE. CLAIM NOT ACCEPTED."),  # said in words
])
def test_a_rejected_date_keyed_a_year_late_is_corrected_to_the_notes(denial: str, words: str) -> None:
    # the claim went out dated a year late; the front end refused that date: the note's date is the claim's (round 14)
    a = Assistant()
    a.clock = lambda: date(2026, 12, 2)
    claim = _claim("medicare", "2027-11-03", notice_date="2026-11-06")
    result = a.draft_appeal(denial, NOTE, claim=claim, denial_text=words)
    assert result.recommendation == "corrected_claim" and result.route == "new_claim"
    assert result.deadline is not None and result.deadline.due_date == date(2027, 11, 3)  # 12 months from 2026-11-03
    assert any("rejected the claim's date of service (2027-11-03)" in w for w in result.warnings)


def test_a_rejection_for_another_reason_still_stops_on_a_date_mismatch() -> None:
    with pytest.raises(ServiceDateMismatchError):
        _draft(_claim("medicare", "2027-11-03", notice_date="2026-11-06"), date(2026, 12, 2))
