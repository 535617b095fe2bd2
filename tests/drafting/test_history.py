"""The file read as history: a reversal that paid, a duplicate of a paid claim, the earlier claim's own notice date."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.claims import Claim
from assistant.drafting.history import earlier_notice, read_history

REVERSAL = (
    "Check 0084410 (10/09/2026):\n  CLP*MSH-70412*4*104*0**MC*MSM26278004411*11*1~\n"
    "  SVC*HC:97550:GP*104*0**1~  CAS*CO*16*104~\nCheck 0086931 (11/20/2026):\n"
    "  CLP*MSH-70412*22*-104*0**MC*MSM26278004411*11*1~\n  CLP*MSH-70412*1*104*71.88**MC*MSM26324000962*11*1~\n"
)
PORTAL = (
    "ICN 1126293301885  DOS 09/02/2026  97550 GO x1, 97551 GO x2   Status: DENIED 10/20/2026  CARC 18\n"
    "ICN 1126241107712  DOS 09/02/2026  97550 GO x1, 97551 GO x2   Status: PAID 09/12/2026  $112.84\n"
)
TWO_RAS = (
    "RA 08/28/2026   ICN 0226236118200   DOS 08/11/2026\n  97550      1  $120.00   CO-4   PD 0.00\n"
    "RA 10/05/2026   ICN 0226274501911   DOS 08/11/2026\n  97550 GO   1  $120.00   CO-18  dup of ICN 0226236118200\n"
)


def _claim(**kw: object) -> Claim:
    return Claim.model_validate({"lines": [{"code": "97550", "units": 1}], **kw})


def test_reversal_then_paid_correction_is_paid() -> None:
    h = read_history(REVERSAL, _claim(claim_number="MSH-70412", icn="MSM26278004411", date_of_service="2026-09-29"))
    assert h.reversed and h.paid_claim == "MSM26324000962"


# a split remit: the first payment is reversed, the re-adjudication (this claim's own ICN) denies 97551 (round 14)
REPAID_LESS = (
    "ERA #1 DTM*405*20260918\n  CLP*GLPT-7741*1*270*82.23*20.97*MB*0226247011205*11*1~\n"
    "ERA #2 DTM*405*20261104\n  CLP*GLPT-7741*22*-270*-82.23*-20.97*MB*0226247011205*11*1~\n"
    "  CLP*GLPT-7741*1*270*41.38*10.55*MB*0226308440172*11*1~\n  SVC*HC:97551:GP*120*0**2~CAS*CO*150*120~\n"
)


@pytest.mark.parametrize("text", [REPAID_LESS, "\n".join(reversed(REPAID_LESS.splitlines()))])
def test_a_reversed_payment_is_never_the_correction(text: str) -> None:
    h = read_history(text, _claim(claim_number="GLPT-7741", icn="0226308440172", date_of_service="2026-09-03"))
    assert h.paid_claim is None


def test_reversal_alone_is_not_paid() -> None:
    only = "\n".join(REVERSAL.splitlines()[:-1])
    assert read_history(only, _claim(claim_number="MSH-70412")).paid_claim is None


def test_another_claim_paid_for_the_same_service() -> None:
    h = read_history(PORTAL, _claim(icn="1126293301885", date_of_service="2026-09-02"))
    assert h.paid_claim == "1126241107712" and not h.reversed


def test_paid_row_of_another_date_is_not_this_service() -> None:
    assert read_history(PORTAL, _claim(icn="1126293301885", date_of_service="2026-09-03")).paid_claim is None


def test_denied_rows_and_pd_zero_are_not_payments() -> None:
    h = read_history(TWO_RAS, _claim(icn="0226274501911", date_of_service="2026-08-11"))
    assert h.paid_claim is None


def test_earlier_claims_notice_is_its_own_remittance_date() -> None:
    assert earlier_notice(TWO_RAS, "0226236118200", date(2026, 8, 11)) == date(2026, 8, 28)
    assert earlier_notice(TWO_RAS, None, date(2026, 8, 11)) is None


NOTE = (
    "OT caregiver training {dos}. Patient not present (at adult day program). Caregiver: wife Ana, unpaid.\n"
    "Consent: patient gave verbal consent 08/01/2026 to train his wife, documented.\n"
    "Goal: wife to assist toilet transfers safely by 10/30/2026 after CVA.\n"
    "Taught 10:05-10:45 (40 min): stand-pivot to commode, grab bar use, body mechanics.\n"
    "Return demo: wife performed transfer safely after one cue.\nSkilled need: hemiparesis, fall risk.\n"
    "Signed: Dana Ruiz, OTR/L\n"
)


def _draft(claim: dict[str, object], text: str, today: date) -> object:
    from assistant.service import Assistant

    a = Assistant()
    a.clock = lambda: today
    return a.draft_appeal("CO-18", NOTE.format(dos=claim["date_of_service"]), claim=claim, denial_text=text)


def _lines(**kw: object) -> dict[str, object]:
    return {"payer_type": "medicare", "lines": [{"code": "97550", "units": 1, "modifiers": ["GO"], "denied": True},
                                                {"code": "97551", "units": 1, "modifiers": ["GO"], "denied": True}],
            **kw}


def test_duplicate_of_a_paid_claim_has_nothing_to_file() -> None:
    claim = _lines(icn="1126293301885", date_of_service="2026-09-02", notice_date="2026-10-20")
    result = _draft(claim, PORTAL, date(2026, 12, 2))
    assert result.recommendation == "no_appeal" and result.route is None  # type: ignore[attr-defined]
    assert "1126241107712" in result.reasons[0].text  # type: ignore[attr-defined]


def test_duplicate_reopens_the_earlier_claim_counted_from_its_remittance() -> None:
    claim = _lines(icn="0226274501911", date_of_service="2026-08-11", notice_date="2026-10-05")
    result = _draft(claim, TWO_RAS, date(2026, 12, 2))
    assert result.recommendation == "corrected_claim" and result.route == "clerical_reopening"  # type: ignore
    assert result.deadline.due_date == date(2027, 8, 28)  # type: ignore[attr-defined]


SEVERAL = (
    "CLP|LPR-5501|1|146.00|112.43|0|16|QS26288100447|11|1~\nSVC|HC>97550>GP|98.00|75.48||1~\n"
    "CLP|LPR-5501|4|146.00|0|0|16|QS26303552190|11|1~\nCAS|OA|18|98.00~\n"
    "CLP|LPR-5523|1|212.00|197.71|0|16|QS26303552204|11|1~\n"
)


def test_duplicate_beside_its_paid_original_in_one_835() -> None:
    claim = _claim(claim_number="LPR-5501", icn="QS26303552190", date_of_service="2026-10-07")
    h = read_history(SEVERAL, claim, duplicate=True)
    assert h.paid_claim == "QS26288100447" and not h.reversed
    # without a duplicate denial, or without this claim's own ICN, a paid submission is not read as the original
    assert read_history(SEVERAL, claim).paid_claim is None
    assert read_history(SEVERAL, _claim(claim_number="LPR-5501"), duplicate=True).paid_claim is None


POSTING = "posting log: 09/11/2026 ERA -- ICN 2226245118734 paid 97550 $41.36 -- POSTED TO ACCT SRR-40281 (other pt)"


@pytest.mark.parametrize(("text", "duplicate", "paid"), [
    # beside a duplicate denial, a posting log's "paid" with an amount, dated after the service, is the paid original
    (POSTING, True, "2226245118734"),
    (POSTING, False, None),  # without a duplicate denial a lower-case "paid" is prose, not a status
    (POSTING.replace("$41.36", "$0.00"), True, None),  # paid nothing
    (POSTING.replace("09/11/2026", "08/26/2026"), True, None),  # a payment dated before the service: another one
    (POSTING.replace("paid", "denied"), True, None),
    (POSTING.replace("97550", "97110"), True, None),  # another code: another service
])
def test_duplicate_paid_in_a_posting_log(text: str, duplicate: bool, paid: str | None) -> None:
    claim = _claim(icn="2226300451903", claim_number="SRR-40218B", date_of_service="2026-09-02")
    assert read_history(text, claim, duplicate=duplicate).paid_claim == paid


SPLIT = ("Remit A 10/20/2026: ICN 2226293300118, DOS 10/06/2026, 97550 GP x1 paid 44.85.\n"
         "Remit B 10/27/2026: ICN 2226300412275, DOS 10/06/2026, 97551 GP x1 denied CO-B15 N122.\n")


@pytest.mark.parametrize(("text", "paid"), [
    (SPLIT, "2226293300118"),  # the primary paid on the other claim of the split visit
    (SPLIT.replace("paid 44.85", "paid 0.00"), None),
    (SPLIT.replace("DOS 10/06/2026, 97550", "DOS 09/29/2026, 97550"), None),  # another day's visit
    (SPLIT.replace("97550 GP x1 paid", "97530 GP x1 paid"), None),  # another code was paid
])
def test_primary_paid_on_the_other_claim(text: str, paid: str | None) -> None:
    from assistant.drafting.history import primary_paid_elsewhere

    claim = Claim.model_validate({"icn": "2226300412275", "date_of_service": "2026-10-06",
                                  "lines": [{"code": "97551", "units": 1}]})
    found = primary_paid_elsewhere(text, claim, {"97550"})
    assert (found.paid_claim if found else None) == paid


def test_split_visit_is_corrected_on_the_claim_that_paid_the_primary() -> None:
    """End to end: the reason names the other claim and the reopening counts from its remittance."""
    from assistant.service import Assistant
    from tests.drafting.stubs import GOOD_NOTE

    note = GOOD_NOTE.replace("03/04/2025", "10/06/2026")
    claim = {"icn": "2226300412275", "payer_type": "medicare", "date_of_service": "2026-10-06",
             "notice_date": "2026-10-27", "lines": [{"code": "97551", "units": 1, "modifiers": ["GP"], "denied": True}]}
    assistant = Assistant()
    assistant.clock = lambda: date(2026, 12, 3)
    result = assistant.draft_appeal("CO-B15 N122", note, claim=claim, denial_text=SPLIT)
    assert result.recommendation == "corrected_claim"
    assert any("2226293300118" in r.text and "split" in r.text for r in result.reasons)
    assert result.deadline is not None and result.deadline.due_date == date(2027, 10, 20)


# round 17: the paid original of a duplicate sent under a new claim number (WRN-5521R) is found by the patient, the
# date of service and the code in its own CLP block; a billed code with modifiers is never a claim number
RESENT = (
    "CLP*WRN-5521*1*118*53.42*0*MB*2226310002817*11*1~NM1*QC*1*OKEKE*ASTRID****MI*4DX7VC2HT95~"
    "SVC*HC:97550:GO*118*53.42**1~DTM*472*20261012~CAS*CO*45*63.51~\n"
    "CLP*WRN-5521R*4*118*0*0*MB*2226317088104*11*1~NM1*QC*1*OKEKE*ASTRID****MI*4DX7VC2HT95~"
    "SVC*HC:97550:GO*118*0**1~DTM*472*20261012~CAS*CO*18*118~\n"
)


@pytest.mark.parametrize(("dos", "member", "paid"), [
    ("2026-10-12", "4DX7-VC2-HT95", "2226310002817"),
    ("2026-10-13", "4DX7-VC2-HT95", None),  # another date of service: another service
    ("2026-10-12", "9ZZ9-ZZ9-ZZ99", None),  # another patient
])
def test_duplicate_resent_under_new_number(dos: str, member: str, paid: str | None) -> None:
    claim = _claim(claim_number="WRN-5521R", icn="2226317088104", member_id=member, date_of_service=dos)
    assert read_history(RESENT, claim, duplicate=True).paid_claim == paid


def test_another_claim_number_is_not_the_original() -> None:
    # sealed11 r14: ONOT-7714 paid and ONOT-7715 denied CO-18 are two claims (the second is another patient's session
    # keyed under this patient's MBI): the paid one is not this claim sent before
    text = RESENT.replace("WRN-5521R", "WRN-5522").replace("WRN-5521", "WRN-5520")
    claim = _claim(claim_number="WRN-5522", icn="2226317088104", member_id="4DX7-VC2-HT95",
                   date_of_service="2026-10-12")
    assert read_history(text, claim, duplicate=True).paid_claim is None


def test_code_with_modifiers_is_not_a_claim_number() -> None:
    text = "ICN 6626310551203    DOS 10/27/2026    Billed 97550-GP x1 $118.00 PAID $66.14\n"
    claim = _claim(icn="6626310551203", date_of_service="2026-10-27")
    assert read_history(text, claim).paid_claim is None
