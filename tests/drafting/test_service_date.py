"""The denied service's date must be the note's (QA9 F10, F12, F17): a claim or a pasted denial dated otherwise is an
operator mismatch (the wrong note attached, or a clerical date error on the claim). It stops the draft with what to
do; it never becomes a decision (no "do not appeal", no letter for the note's date). Synthetic inputs."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.case import same_service_date
from assistant.drafting.paste import service_dates
from assistant.errors import ServiceDateMismatchError


@pytest.mark.parametrize(("text", "dates"), [
    ("CLP*PCN1*4*200*0*0*MB*222~SVC*HC:97550:GP*120*0**1~DTM*472*20260915~CAS*CO*50*120~", ["2026-09-15"]),
    ("CLP|PCN2|4|150|0|0|16|MA1|11|1\nSVC|HC>97550>GO|150|0||1\nDTM|472|20261001\nDTM|405|20261101", ["2026-10-01"]),
    ("We have reviewed your request for a redetermination for services on 07/01/2026 (97550 GP, 1 unit).",
     ["2026-07-01"]),
    ("Line  DOS        Proc   Mod  Units\n1     09/15/2026 97550  GP   1  120.00 0.00 CO-50 N115", ["2026-09-15"]),
    ("Date of service: 08/10/2026. 97550 GP denied CO-50.", ["2026-08-10"]),
    ("DOS 10/01/2026 97550 GO x1 CO-151", ["2026-10-01"]),
    # the notice's own date, a processing date (DTM*405) and a deadline are not dates of service
    ("Notice date: 10/20/2026\nDTM*405*20261020~", []),
    ("Request a reconsideration within 180 days of this notice (by 04/07/2027).", []),
    ("CO-50 N115", []),
])
def test_the_date_of_service_a_paste_states(text: str, dates: list[str]) -> None:
    assert [d.isoformat() for d in service_dates(text)] == dates


D = date.fromisoformat


@pytest.mark.parametrize(("given", "pasted", "note", "stops"), [
    (None, [], "2026-09-15", False),
    ("2026-09-15", [], "2026-09-15", False),
    ("2025-05-06", [], "2025-03-04", True),  # the claim's date is not the note's
    (None, ["2026-07-01"], "2026-09-15", True),  # the decision letter is about another session
    (None, ["2026-09-15", "2026-09-16"], "2026-09-15", False),  # one of the paste's dates is the note's
    (None, ["2026-07-01"], None, False),  # a note with no date: the date check says so
])
def test_a_service_date_other_than_the_notes_stops_the_draft(given: str | None, pasted: list[str], note: str | None,
                                                            stops: bool) -> None:
    args = (D(given) if given else None, [D(p) for p in pasted], D(note) if note else None)
    if not stops:
        same_service_date(*args)
        return
    with pytest.raises(ServiceDateMismatchError) as err:
        same_service_date(*args)
    assert err.value.hint and "attach the note for" in err.value.hint
    assert "do not appeal" not in f"{err.value.message} {err.value.hint}".lower()


NOTE = """DOS 09/15/2026
13:00-13:50 Caregiver training without the patient present: patient's wife (unpaid caregiver). Patient verbally
consented 09/10/2026 to wife's training.
Need: pt mod A stand pivot transfers after CVA, fall risk; POC LTG 2 safe transfers with caregiver.
Taught stand pivot and car transfers, gait belt use, guarding; hands-on correction of her body mechanics.
Wife return-demonstrated x3, last two independent.
Total CTS 50 min. Billing: 97550 x1 GP, 97551 x1 GP
Jo Lin, PT, DPT
"""


@pytest.fixture(scope="module")
def assistant():  # type: ignore[no-untyped-def]
    from assistant.service import Assistant

    return Assistant()


@pytest.mark.parametrize(("denial", "claim"), [
    # a claim dated otherwise than the note (F10)
    ("CO-50", {"dos": "2026-08-10", "payer_type": "medicare", "notice_date": "2026-10-20",
               "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True}]}),
    # a claim dated before the codes existed, or with verbal consent not yet accepted: blockers of that date, not of
    # the note's session, do not make it a "do not appeal" (outside tester, round 12)
    ("CO-50", {"dos": "2023-06-01", "payer_type": "medicare", "notice_date": "2026-10-20",
               "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True}]}),
    ("CO-50", {"dos": "1900-01-01", "payer_type": "medicare", "notice_date": "2026-10-20",
               "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True}]}),
    # a pasted decision letter for services on another date (F12)
    ("MEDICARE REDETERMINATION NOTICE\nDate of this notice: October 30, 2026\nWe have reviewed your request for a "
     "redetermination for services on 07/01/2026 (97550 GP, 1 unit).\nDecision: UNFAVORABLE. CARC 50, RARC N386.",
     None),
])
def test_a_draft_for_another_sessions_note_stops_with_what_to_do(assistant, denial: str, claim: dict | None) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceDateMismatchError):
        assistant.draft_appeal(denial, NOTE, claim=claim)


def test_the_same_date_drafts(assistant) -> None:  # type: ignore[no-untyped-def]
    claim = {"dos": "2026-09-15", "payer_type": "medicare", "notice_date": "2026-10-20",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True},
                       {"code": "97551", "units": 1, "modifiers": ["GP"], "denied": True}]}
    assert assistant.draft_appeal("CO-50", NOTE, claim=claim).recommendation == "appeal"


def test_an_answer_that_holds_whatever_the_date_is_given(assistant) -> None:  # type: ignore[no-untyped-def]
    # the patient took part and a reconsideration has already upheld it: the answer does not rest on the date
    present = NOTE.replace("without the patient present", "with the patient present and participating")
    claim = {"dos": "2026-08-10", "payer_type": "medicare", "notice_date": "2026-10-20",
             "prior_level": "redetermination",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True}]}
    assert assistant.draft_appeal("CO-50", present, claim=claim).recommendation == "no_appeal"
    # a timely-filing denial stands whatever the note says
    assert assistant.draft_appeal("CO-29", NOTE, claim=claim).recommendation == "no_appeal"


@pytest.mark.parametrize(("claim_dos", "line_dates", "misdated"), [
    # an add-on typed a day after its primary, the primary on the session's date: that line's date is the error
    (None, ["2026-10-14", "2026-10-15"], ["97551 2026-10-15"]),
    ("2026-10-14", [None, "2026-10-15"], ["97551 2026-10-15"]),
    (None, ["2026-10-14", "2026-10-14"], []),
    (None, [None, None], []),
    # no line on the session's date: another session's claim, not a line's typo (the service-date check decides)
    (None, ["2026-10-15", "2026-10-15"], []),
])
def test_a_line_dated_apart_from_the_session(claim_dos: str | None, line_dates: list[str | None],
                                            misdated: list[str]) -> None:
    from assistant.drafting.case import misdated_lines
    from assistant.drafting.claims import parse_claim

    lines = [{"code": code, "date_of_service": when} if when else {"code": code}
             for code, when in zip(("97550", "97551"), line_dates, strict=True)]
    claim = parse_claim({"date_of_service": claim_dos, "lines": lines} if claim_dos else {"lines": lines})
    got = misdated_lines(claim, date(2026, 10, 14))
    assert [f"{code} {when.isoformat()}" for code, when in got] == misdated


def test_an_ar_log_of_two_patients_is_read_for_the_notes_patient() -> None:
    """No claim file: the note's patient chooses the log's row (hostile15 #6 took the other patient's CO-16 N290)."""
    from assistant.service import Assistant

    log = ("AR follow-up log (Noridian)\n"
           "11/20/2026 ICN 2226324000101 KETTERING  97550  CO-16 N290 rendering NPI missing -> rebill\n"
           "11/20/2026 ICN 2226324000100 BRANDT-LOWE 97550/97551  CO-50 N115 LCD med nec -> appeal\n")
    note = ("Patient: Eugenie Brandt-Lowe    DOB 04/02/1938    MRN RB-0051120\nDate of service: 10/21/2026\n"
            "Time: 10:00 AM - 10:41 AM (41 minutes). Patient not present (at her day program).\n"
            "Caregiver trained: daughter Colette (lives with patient, unpaid). Patient consented verbally on "
            "10/07/2026 to Colette being trained.\nTraining: stand-pivot transfers, gait belt use. Colette performed "
            "return demonstration x2.\nFunctional goal: safe transfers at home with caregiver assist, fall risk.\n"
            "Skilled: impulsivity; hands-on correction.\nBilling: 97550 x1, 97551 x1 GP\nJ. Roe, PT, DPT\n")
    result = Assistant().draft_appeal("", note, claim=None, denial_text=log)
    assert result.denial.label == "CO-50 N115"
