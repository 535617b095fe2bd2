"""Route by recommendation × payer type × denial codes × prior level; payer type from the claim, name or text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.drafting.claims import parse_claim
from assistant.drafting.denial import parse_denial
from assistant.drafting.route import choose_route, payer_type_of
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()


@pytest.mark.parametrize(
    ("recommendation", "payer_type", "denial", "prior", "route"),
    [
        ("appeal", "medicare", "CO-50 N115", None, "redetermination"),
        ("appeal", "medicare", "CO-50", "initial", "redetermination"),
        ("appeal", "medicare", "CO-50", "redetermination", "reconsideration"),
        ("appeal", "medicare", "CO-50", "reconsideration", "alj"),
        ("appeal", "medicare_advantage", "CO-50", None, "plan_reconsideration"),
        ("appeal", "commercial", "CO-151", None, "payer_appeal"),
        ("appeal", "medicaid", "CO-50", None, "payer_appeal"),
        ("corrected_claim", "medicare", "PR-119", None, "clerical_reopening"),
        ("corrected_claim", "medicare", "CO-4", None, "clerical_reopening"),
        ("corrected_claim", "medicare", "CO-B15 N122", None, "clerical_reopening"),
        ("corrected_claim", "medicare", "CO-16 MA130", None, "new_claim"),  # unprocessable: no appeal rights
        ("corrected_claim", "medicare", "CO-16 M53", None, "new_claim"),
        ("corrected_claim", "medicare_advantage", "CO-16 N657", None, "new_claim"),
        ("corrected_claim", "commercial", "CO-4", None, "new_claim"),
        ("no_appeal", "medicare", "CO-50", None, None),
        ("no_appeal", "commercial", "CO-97 N20", None, None),
    ],
)
def test_choose_route(recommendation: str, payer_type: str, denial: str, prior: str | None, route: str | None) -> None:
    parsed, _ = parse_denial(denial, KB.reason_codes)
    got, why = choose_route(
        KB,
        recommendation=recommendation,
        payer_type=payer_type,
        denial=parsed,  # type: ignore[arg-type]
        prior_level=prior,
    )
    assert got == route
    assert why


@pytest.mark.parametrize(("denial", "words", "route"), [
    # CARC 16 decided on a review of the record is a determination: a denied Medicare line is reopened
    ("CO-16 N657", "Prepayment review (ADR): 97552 billed; the record shows caregivers of one beneficiary only.",
     "clerical_reopening"),
    ("CO-16 N657", "Claim lacks information.", "new_claim"),
    # a remark that says there are no appeal rights still decides
    ("CO-16 MA130", "Pre-payment review: units missing.", "new_claim"),
])
def test_a_carc_16_decided_on_the_record_is_reopened(denial: str, words: str, route: str) -> None:
    parsed, _ = parse_denial(denial, KB.reason_codes, words)
    got, _ = choose_route(KB, recommendation="corrected_claim", payer_type="medicare", denial=parsed)
    assert got == route


def test_reasons_name_the_rule() -> None:
    parsed, _ = parse_denial("CO-16 MA130", KB.reason_codes)
    _, why = choose_route(KB, recommendation="corrected_claim", payer_type="medicare", denial=parsed)
    assert "MA130" in why and "appeal rights" in why
    parsed, _ = parse_denial("CO-50", KB.reason_codes)
    _, why = choose_route(KB, recommendation="appeal", payer_type="medicare_advantage", denial=parsed)
    assert "422.101" in why and "65 days" in why


@pytest.mark.parametrize(("denial", "payer_type", "another", "says"), [
    # a wrong payer is not an unprocessable claim: the reason names another payer, for any payer type
    ("CO-24", "medicare", False, "CO-24: Another payer is responsible"),
    ("CO-22", "commercial", False, "CO-22: Another payer is responsible"),
    ("CO-109", "medicaid", False, "CO-109: Another payer is responsible"),
    # a pattern that names whom to bill (a plan's enrolment ended: Original Medicare) says so too
    ("CO-27", "medicare_advantage", True, "CO-27: Another payer is responsible"),
    ("CO-16 MA130", "medicare", False, "16/MA130: A claim returned as unprocessable"),
    ("CO-4", "commercial", False, "Plans other than Traditional Medicare take a corrected"),
])
def test_a_claim_for_another_payer_says_so(denial: str, payer_type: str, another: bool, says: str) -> None:
    parsed, _ = parse_denial(denial, KB.reason_codes)
    got, why = choose_route(KB, recommendation="corrected_claim", payer_type=payer_type,  # type: ignore[arg-type]
                            denial=parsed, another_payer=another)
    assert got == "new_claim"
    assert why.startswith(says)


@pytest.mark.parametrize(
    ("claim", "text", "payer_type"),
    [
        ({"payer_type": "commercial", "payer": "Medicare Part B"}, None, "commercial"),  # given wins
        ({"payer": "Medicare Part B - Novitas JH"}, None, "medicare"),
        ({"payer": "Noridian JF"}, None, "medicare"),
        ({"payer": "Silverline Medicare Advantage (HMO)"}, None, "medicare_advantage"),
        ({"payer": "Bluemont Advantage PPO"}, None, "medicare_advantage"),
        ({"payer": "State Medicaid"}, None, "medicaid"),
        ({"payer": "Keystone Harbor Health Plan"}, None, "commercial"),
        ({}, "Medicare Part B (Noridian JF) remittance: 97550-GO denied", "medicare"),
        ({}, None, "medicare"),  # nothing known: Medicare Part B assumed, and said so
        ({}, "Redwood Valley Health Plan: caregiver training denied", "commercial"),  # a plan named in the text
        ({}, "Denied under the member's employer group PPO", "commercial"),
        ({}, "Sunrise Medicare PPO: not covered", "medicare_advantage"),  # Medicare words tried first
        ({}, "CO-50: not medically necessary", "medicare"),  # no payer named at all
        # payers named as billers see them: a special needs plan, a state programme's own name, TRICARE
        ({"payer": "Bluewater Dual SNP (HMO D-SNP)"}, None, "medicare_advantage"),
        ({"payer": "Hillside Medicare Part C plan"}, None, "medicare_advantage"),
        ({"payer": "TennCare - Amerigroup"}, None, "medicaid"),
        ({"payer": "AHCCCS Complete Care"}, None, "medicaid"),
        ({"payer": "TRICARE East"}, None, "other"),
        ({"payer": "State Workers' Compensation Fund"}, None, "other"),
        # hostile17 #13: the names Medicare Advantage plans are sold under
        ({"payer": "Humana Gold Plus HMO"}, None, "medicare_advantage"),
        ({"payer": "AARP Medicare Advantage Choice (PPO)"}, None, "medicare_advantage"),
        ({"payer": "UnitedHealthcare Dual Complete (HMO D-SNP)"}, None, "medicare_advantage"),
        ({"payer": "Riverbend Senior Care (HMO-POS)"}, None, "medicare_advantage"),
        ({"payer": "Aetna Medicare Premier (PPO)"}, None, "medicare_advantage"),
        ({}, "Humana Gold Plus HMO claims portal: 97551 GP denied", "medicare_advantage"),
    ],
)
def test_payer_type(claim: dict, text: str | None, payer_type: str) -> None:
    got, basis = payer_type_of(KB, parse_claim(claim), text)
    assert got == payer_type and basis


@pytest.mark.parametrize(("claim", "text"), [
    ({"payer": "Keystone Harbor Mutual"}, None),  # a named payer no word types: commercial by default
    ({}, "Humana claims portal: line 2 97551 GP denied PR-204"),  # nothing names the type: Medicare assumed
])
def test_a_guessed_payer_type_says_it_is_a_guess(claim: dict, text: str | None) -> None:
    """hostile17 #13: a payer type no word names is a guess, and the warning says so."""
    _, basis = payer_type_of(KB, parse_claim(claim), text)
    assert "a guess" in basis


_UNITS_NOTE = """DOS: 11/05/2025
Caregiver training, patient not present (at adult day program). Caregiver: wife (unpaid).
Consent: patient gave written consent on 11/01/2025 for his wife to be trained.
Need: mod A transfers after CVA; supports POC goal 1, safe transfers with caregiver assist.
Taught stand pivot transfer with gait belt; hands-on correction of her body mechanics.
Wife return-demonstrated the transfer x3 with one verbal cue.
Time: 10:00-10:40, 40 minutes.
Jane Doe, PT, DPT
"""


@pytest.mark.parametrize(
    ("denial", "notice", "route"),
    [
        ("CO-16 M53", "2025-12-10", "clerical_reopening"),  # QA10 #2: 12 months from the DOS passed, 8 days left
        ("CO-16 M53 MA130", "2025-12-10", None),  # returned unprocessed: a new claim only, and it is too late
        ("CO-16 M53", "2025-11-20", None),  # the reopening's year has passed as well
    ],
)
def test_a_denied_line_past_the_new_claim_window_is_reopened(
    tmp_path: Path, denial: str, notice: str, route: str | None
) -> None:
    from tests.answer.expect import dated_assistant

    claim = {"payer_type": "medicare", "date_of_service": "2025-11-05", "notice_date": notice,
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]},
                       {"code": "97551", "units": 2, "modifiers": ["GP"]}]}
    result = dated_assistant(tmp_path, date(2026, 12, 2)).draft_appeal(denial, _UNITS_NOTE, claim=claim)
    assert result.route == route
    if route is not None:
        assert result.recommendation == "corrected_claim" and str(result.deadline.due_date) == "2026-12-10"


@pytest.mark.parametrize(
    ("text", "prior", "route"),
    [
        ("MAXIMUS FEDERAL - Independent Review Entity. RECONSIDERATION DECISION: unfavorable.", "reconsideration",
         "alj"),
        ("IRE case # 26-4417. Decision: UNFAVORABLE.", "reconsideration", "alj"),
        # the plan's own reconsideration decided: the plan forwards the case to the IRE (round 14)
        ("Plan reconsideration decision: unfavorable.", "reconsideration", "independent_review"),
        ("Independent Review Entity", None, "plan_reconsideration"),  # no level decided yet
        # the plan upheld its own reconsideration and forwards the case: the IRE has not decided anything yet
        ("Plan reconsideration: denial upheld; the case is forwarded to the Independent Review Entity.",
         "reconsideration", "independent_review"),
        # the plan says it sends the case on itself, without the word "forwarded" (appeals16)
        ("Because we did not decide fully in your favor, we are required to send your case to the Independent\n"
         "Review Entity (IRE) for review. You do not need to do anything to start that review.",
         "reconsideration", "independent_review"),
    ],
)
def test_medicare_advantage_after_the_ire_goes_to_an_alj(text: str, prior: str | None, route: str) -> None:
    parsed, _ = parse_denial("CO-50", KB.reason_codes, text)
    got, _ = choose_route(KB, recommendation="appeal", payer_type="medicare_advantage", denial=parsed,
                          prior_level=prior)
    assert got == route
