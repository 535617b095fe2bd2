"""CO-197/198 with N54: an authorization left off the claim is a correction; one the plan holds wrongly is appealed."""

from __future__ import annotations

import pytest

from assistant.drafting.appeal_reasons import record_reason
from assistant.drafting.denial import match_pattern, parse_denial
from assistant.drafting.remedy import pattern_remedy
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()
MET = frozenset(KB.rules)

CASES = [
    ("medicaid", "auth PA-26-880417 IS in Availity, we just didn't put it on the claim (box 23)", "corrected_claim"),
    ("commercial", "Authorization number was left off the claim.", "corrected_claim"),
    ("medicaid", 'Clearinghouse comment: "Auth BSA-26-11902 on claim - payer shows auth end date 10/31/2026."',
     "appeal"),
    ("medicaid", "", "appeal"),
    ("medicare", "auth not on claim", "appeal"),  # Part B therapy needs no prior authorization: no such correction
    # the practice-management system's auth field was blank, so no REF*G1 went out (round 12)
    ("medicaid", "PM auth field was blank on the claim so no REF*G1 went out.", "corrected_claim"),
    # no authorization was ever asked for the caregiver-training codes: nothing to appeal (round 12)
    ("commercial", "AR: auth covered 97110/97530 only -- nobody requested CTS auth.", "no_appeal"),
    ("medicare_advantage", "The authorization was never requested for 97550.", "no_appeal"),
    # the same said with "ever", or as a noun (round 13)
    ("medicaid", "AR note: checked our PA log -- no authorization was ever requested for this member's OT CTS.",
     "no_appeal"),
    ("commercial", "Portal shows no auth request on file for 97550.", "no_appeal"),
    ("medicare_advantage", "Front desk did not obtain prior auth before the visit.", "no_appeal"),
    # the file says the number did go out on the claim: the plan's records are wrong, appealed (round 14)
    ("medicare_advantage", "Auth EVG-A-330918 issued 9/30; number was on the claim (box 23).", "appeal"),
    ("commercial", "Somebody didn't put it in box 23.", "corrected_claim"),
    # the plan's representative on a call finds no request (round 14)
    ("medicare_advantage", "AGENT: I don't see any request from your office for this member.", "no_appeal"),
    # CO-198: past the authorized visits, no extension asked for (round 14)
    ("commercial", "Exceeds the authorized visits (4 of 4 paid). AR note: no extension was requested.", "no_appeal"),
    # the plan's notice says what the claim lacked: the number (appeals16)
    ("medicare_advantage", "The claim did not include the prior authorization number required for this service.",
     "corrected_claim"),
    ("medicaid", "Authorization number was missing from the claim form.", "corrected_claim"),
]


@pytest.mark.parametrize(("payer_type", "text", "expected"), CASES)
def test_authorization(payer_type: str, text: str, expected: str) -> None:
    denial, _ = parse_denial("CO-197 N54", KB.reason_codes, text)
    pattern = match_pattern(denial, KB.denial_patterns)
    assert pattern is not None and pattern.id == "authorization"
    assert pattern_remedy(pattern, payer_type, text, MET).remedy == expected


@pytest.mark.parametrize(("denial", "pattern_id", "remedy"), [
    ("CO-97 N70", "consolidated_billing", "no_appeal"),  # home health consolidated billing
    ("CO-97 M2", "consolidated_billing", "no_appeal"),  # a hospital inpatient on the date
    ("CO-109 N70", "consolidated_billing", "no_appeal"),  # a resident in a covered SNF stay (round 14)
    ("CO-109", "wrong_payer", "corrected_claim"),  # no remark: another payer or contractor
    ("CO-97 N20", "bundling_ncci", "appeal"),  # a same-day service: not another provider's bundle
    ("CO-97", "bundling_ncci", "appeal"),  # no remark: the same-day edit, never the remark-led pattern
])
def test_another_providers_bundle_is_not_appealed(denial: str, pattern_id: str, remedy: str) -> None:
    parsed, _ = parse_denial(denial, KB.reason_codes)
    pattern = match_pattern(parsed, KB.denial_patterns)
    assert pattern is not None and pattern.id == pattern_id
    assert pattern_remedy(pattern, "medicare", "", MET).remedy == remedy


@pytest.mark.parametrize(("note", "quoted"), [
    # the note's own record of the authorization is quoted with the appeal's reasons (round 14)
    ("Pt not present.\nAuthorization: EVG-A-330918, 10/1-12/31/2026.\nTaught transfers.",
     "Authorization: EVG-A-330918, 10/1-12/31/2026."),
    ("Auth # IB-A-552871 approved by adjuster by phone 10/14/2026.",
     "Auth # IB-A-552871 approved by adjuster by phone"),
    # a sentence that says there is none, or that it is pending, is no such record
    ("Authorization pending with the plan.", None),
    ("No authorization was needed per front desk.", None),
    ("Taught transfers; return demo correct.", None),
])
def test_the_notes_record_of_an_authorization_is_quoted(note: str, quoted: str | None) -> None:
    reasons = record_reason(KB.denial_patterns["authorization"], note)
    assert (reasons[0].quotes[0].startswith(quoted) if quoted else not reasons)
    if quoted:
        assert quoted.split(",")[0].split(" approved")[0] in reasons[0].text


def test_a_corrected_claim_for_an_authorization_left_off_quotes_the_records_number() -> None:
    from assistant.service import Assistant
    note = ("Payer: Sagebrook MA HMO | Auth SBK-A-7730215 approved 10/22/2026: 97550/97551, 4 visits\n"
            "VISIT NOTE -- 11/03/2026\nPt was out: church senior lunch. Trained her grandson Kwabena (unpaid).\n"
            "Consent: pt signed CTS consent 10/22/2026 for Kwabena.\nNeed: 3 falls since June. POC LTG: night-time "
            "toileting with grandson standby.\nTraining 10:01-10:53 (52 min): night route, standby guarding.\n"
            "Return demo: Kwabena did the floor recovery x2, second correct.\nSkilled: orthostatic BP drops.\n"
            "Billing: 97550 x1, 97551 x1, GP\nB. Mwangi, PT  11/03/2026\n")
    claim = {"payer_type": "medicare_advantage", "date_of_service": "2026-11-03", "notice_date": "2026-11-20",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True},
                       {"code": "97551", "units": 1, "modifiers": ["GP"], "denied": True}]}
    result = Assistant().draft_appeal(
        "CO-197", note, claim=claim,
        denial_text="The claim did not include the prior authorization number required for this service.")
    assert result.recommendation == "corrected_claim"
    assert any("SBK-A-7730215" in r.text for r in result.reasons)


_HELD_NOTE = (
    "Parent session (child not present) -- 10/13/2026\nDx: {dx}\n"
    "Auth on file: PBA-2026-118830 (09/29-12/28/2026, 97550/97551)\n"
    "Lyra was at school for the whole session.\nParents: mom Jolene (unpaid). Consent: mom signed CTS consent "
    "09/29/2026 for herself.\nGoal: OT goal 3 -- Lyra eats lunch seated, parents set up and cue.\nTaught seating "
    "and utensil set-up. Mom return-demonstrated the set-up after one fix.\nSkill: tone changes with fatigue.\n"
    "Time 3:00-4:16 pm = 76 min.\nXimena Talbot, OTR/L\n"
)


@pytest.mark.parametrize(("modifier", "units", "dx"), [
    ("GP", 1, ["G80.1"]),  # the wrong therapy modifier and too few units (hostile15 #4)
    ("GO", 4, ["R63.3"]),  # a header diagnosis code (appeals16)
])
def test_an_authorization_held_but_not_matched_is_appealed_whatever_the_claims_lines(
        modifier: str, units: int, dx: list[str]) -> None:
    from assistant.service import Assistant
    lines = [{"code": "97550", "units": 1, "modifiers": [modifier], "denied": True}]
    if units > 1:
        lines.append({"code": "97551", "units": units - 1, "modifiers": [modifier], "denied": True})
    claim = {"payer_type": "medicaid", "date_of_service": "2026-10-13", "notice_date": "2026-11-06",
             "payer_deadline": "2027-01-05", "diagnosis_codes": dx, "lines": lines}
    result = Assistant().draft_appeal(
        "CO-15", _HELD_NOTE.format(dx=", ".join(dx)), claim=claim,
        denial_text="Auth PBA-2026-118830 approved for 97550/97551; it was keyed to service location 001.")
    assert (result.recommendation, result.route) == ("appeal", "payer_appeal")
    assert any("Besides the authorization" in r.text for r in result.reasons)
