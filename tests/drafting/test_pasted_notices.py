"""Whole notices pasted as the denial, with no claim file (outside tester, round 15): the plan a notice names, the
level a decision letter decided and the lines its prose names set the route and the deadline. Synthetic names."""

from __future__ import annotations

from datetime import date

import pytest

NOTE = """Caregiver Training Note
Date of service: 10/21/2026
Time: 10:00 AM - 11:16 AM (76 minutes). Patient not present (resting at home).
Caregiver trained: daughter, Colette Aldana (lives with patient, unpaid). Patient consented verbally on 10/07/2026 to
Colette being trained (documented in plan of care).
Diagnosis: I63.9 cerebral infarction, R26.81 unsteadiness on feet.
Training: safe stand-pivot transfers bed to wheelchair, gait belt use, car transfers, fall recovery.
Therapist demonstrated each skill; Colette performed return demonstration with verbal cues x2, then independently.
Functional goal: patient to transfer safely at home with caregiver assist, reducing fall risk.
Billed: 97550 x1 GP, 97551 x3 GP.
Electronically signed: Ana Ruiz, PT, DPT  10/21/2026 11:40
"""

MA_NOTICE = """ACME MEDICARE ADVANTAGE
NOTICE OF DENIAL OF PAYMENT (Integrated Denial Notice)
Date: 11/25/2026
Service date: 10/21/2026   Service: Caregiver training (97550, 97551)
We have denied payment for the services listed above. Why: not medically necessary. CARC CO-50, RARC N115.
You must ask for a reconsideration within 65 calendar days from the date of this notice.
"""


@pytest.fixture(scope="module")
def assistant():  # type: ignore[no-untyped-def]
    from assistant.service import Assistant

    return Assistant(clock=lambda: date(2026, 12, 3))


def test_a_pasted_plan_notice_names_the_payer(assistant) -> None:  # type: ignore[no-untyped-def]
    """hostile15 #2: the plan the notice names sets the route and its 65 days, and no warning says none was named."""
    draft = assistant.draft_appeal(MA_NOTICE, NOTE)
    assert (draft.payer_type, draft.route) == ("medicare_advantage", "plan_reconsideration")
    assert draft.deadline is not None and draft.deadline.due_date == date(2027, 1, 29)
    assert not any("no payer was given" in w for w in draft.warnings)


REDETERMINATION = """MEDICARE REDETERMINATION NOTICE
Date of this notice: November 18, 2026
Date(s) of Service: 10/21/2026
We have completed the redetermination of your claim. Our decision is UNFAVORABLE.
Item/service: 97550 Caregiver training, first 30 minutes; 97551 x3.
Explanation: The documentation does not support medical necessity. Claim adjustment reason code 50; remark code N115.
If you disagree with this decision, you may request a reconsideration by a Qualified Independent Contractor (QIC).
"""


def test_a_decided_redetermination_goes_to_the_qic_not_a_reopening(assistant) -> None:  # type: ignore[no-untyped-def]
    """hostile15 #3: the letter's prose names the service without modifiers; those are no billing errors."""
    draft = assistant.draft_appeal(REDETERMINATION, NOTE)
    assert (draft.recommendation, draft.route) == ("appeal", "reconsideration")
    assert draft.deadline is not None and draft.deadline.due_date == date(2027, 5, 22)


@pytest.mark.parametrize("denial", ["CO-170 N95", "CO-B7"])
def test_an_eligibility_denial_checks_enrollment_first(assistant, denial: str) -> None:  # type: ignore[no-untyped-def]
    """hostile15 #10, docs/claims.md: CO-170/CO-B7 are not appealed when the clinician was not enrolled on the DOS."""
    claim = {"payer_type": "medicare", "notice_date": "2026-11-18", "date_of_service": "2026-10-21",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True}]}
    draft = assistant.draft_appeal(denial, NOTE, claim=claim)
    assert draft.recommendation == "appeal" and "enrollment on the date of service" in draft.actions[0]


def test_a_plans_timely_filing_denial_says_how_it_is_appealed(assistant) -> None:  # type: ignore[no-untyped-def]
    """hostile15 #7, docs/claims.md: another payer's CO-29 is appealed with proof of timely filing."""
    claim = {"payer": "Acme Blue PPO", "payer_type": "commercial", "notice_date": "2026-11-18",
             "date_of_service": "2026-10-21", "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}]}
    draft = assistant.draft_appeal("CO-29", NOTE, claim=claim)
    assert draft.recommendation == "no_appeal" and "277CA" in " ".join(draft.actions)
    proved = assistant.draft_appeal("CO-29. The 277CA acceptance report shows the claim accepted 11/01/2026.", NOTE,
                                    claim=claim)
    assert (proved.recommendation, proved.route) == ("appeal", "payer_appeal")


DEMAND = """NORIDIAN JF PART B - OVERPAYMENT DEMAND LETTER (INITIAL DEMAND)
Date of letter: 11/15/2026
Overpayment amount: $ 412.58   Reason: Post-payment review found the caregiver training services not supported.
DOS 10/21/2026 97550 x1, 97551 x3 - adjusted to zero. CARC 50 RARC N115.
To avoid recoupment, request a redetermination within 30 days of this letter (recoupment begins on day 41).
"""


def test_a_pasted_demand_letter_names_the_day_that_stops_recoupment(assistant) -> None:  # type: ignore[no-untyped-def]
    """hostile15 #5: the demand pasted as the denial (the claim keeps a later remittance date) gets its 30 days."""
    claim = {"payer_type": "medicare", "notice_date": "2026-11-18", "date_of_service": "2026-10-21",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True},
                       {"code": "97551", "units": 3, "modifiers": ["GP"], "denied": True}]}
    draft = assistant.draft_appeal(DEMAND, NOTE, claim=claim)
    assert (draft.recommendation, draft.route) == ("appeal", "redetermination")
    assert any("received by 2026-12-15" in r.text for r in draft.reasons)


@pytest.mark.parametrize(("modifiers", "pattern_id"), [
    (["GP"], "claim_lacks_information"),  # hostile15 #8: a claim with its modifier is not told it lacks one
    ([], "missing_therapy_modifier"),  # the fault the claim shows
])
def test_co16_ma130_reads_the_fault_the_claim_shows(assistant, modifiers: list[str], pattern_id: str) -> None:  # type: ignore[no-untyped-def]
    claim = {"payer_type": "medicare", "notice_date": "2026-11-18", "date_of_service": "2026-10-21",
             "lines": [{"code": "97550", "units": 1, "modifiers": modifiers, "denied": True},
                       {"code": "97551", "units": 3, "modifiers": modifiers, "denied": True}]}
    draft = assistant.draft_appeal("CO-16 MA130", NOTE, claim=claim)
    assert draft.pattern_id == pattern_id and (draft.recommendation, draft.route) == ("corrected_claim", "new_claim")
