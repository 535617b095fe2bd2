"""Deadline cases: every route, with and without the dates it counts from, across year and leap-year boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.deadlines import add_months, deadline_for
from assistant.errors import UnknownRouteError
from assistant.knowledge.loader import cached_knowledge

D = date.fromisoformat

# route, notice date, date of service, today, due date, days left
CASES = [
    # redetermination: 120 days from receipt, receipt = notice + 5 days
    ("redetermination", "2025-03-03", None, "2025-03-20", "2025-07-06", 108),
    ("redetermination", "2024-12-20", None, "2025-01-02", "2025-04-24", 112),  # across the new year
    ("redetermination", "2024-02-25", None, "2024-02-26", "2024-06-29", 124),  # leap day inside the span
    ("redetermination", "2025-02-25", None, "2025-02-26", "2025-06-30", 124),  # no leap day: one day later
    ("redetermination", "2025-01-01", None, "2025-06-01", "2025-05-06", -26),  # overdue
    ("reconsideration", "2025-06-10", None, "2025-06-10", "2025-12-12", 185),  # 180 days from receipt
    ("alj", "2025-11-20", None, "2025-11-20", "2026-01-24", 65),
    ("appeals_council", "2026-01-05", None, "2026-01-05", "2026-03-11", 65),
    ("federal_court", "2026-01-05", None, "2026-01-05", "2026-03-11", 65),
    ("plan_reconsideration", "2025-03-03", None, "2025-03-03", "2025-05-07", 65),  # 65 days from the notice itself
    ("plan_reconsideration", "2024-12-30", None, "2025-01-10", "2025-03-05", 54),
    ("clerical_reopening", "2025-03-03", None, "2025-03-03", "2026-03-03", 365),  # 1 year from the determination
    ("clerical_reopening", "2024-02-29", None, "2024-03-01", "2025-02-28", 364),  # leap day → Feb 28
    ("new_claim", None, "2024-02-29", "2024-12-01", "2025-02-28", 89),  # timely filing: 12 months from DOS
    ("new_claim", None, "2025-12-31", "2026-01-15", "2026-12-31", 350),
]


@pytest.mark.parametrize(("route", "notice", "dos", "today", "due", "left"), CASES)
def test_due_dates(route: str, notice: str | None, dos: str | None, today: str, due: str, left: int) -> None:
    kb = cached_knowledge()
    d = deadline_for(
        kb, route=route, notice_date=D(notice) if notice else None, dos=D(dos) if dos else None, today=D(today)
    )
    assert d.due_date == D(due)
    assert d.days_left == left
    assert d.overdue is (left < 0)
    assert d.sources and all(s in kb.sources for s in d.sources)


@pytest.mark.parametrize(
    ("route", "year", "threshold"),
    [
        ("alj", 2024, 180),
        ("alj", 2025, 190),
        ("alj", 2026, 200),
        ("federal_court", 2024, 1840),
        ("federal_court", 2025, 1900),
        ("federal_court", 2026, 1960),
        ("redetermination", 2025, None),
    ],
)
def test_amount_in_controversy_by_year(route: str, year: int, threshold: float | None) -> None:
    d = deadline_for(cached_knowledge(), route=route, notice_date=date(year, 6, 1), today=date(year, 6, 2))
    assert d.amount_in_controversy_threshold == threshold


def test_amount_in_controversy_is_the_filing_years() -> None:
    # a reconsideration decided in December 2025, the hearing requested in January 2026: the 2026 figure applies
    d = deadline_for(cached_knowledge(), route="alj", notice_date=date(2025, 12, 20), today=date(2026, 1, 5))
    assert d.amount_in_controversy_threshold == 200


@pytest.mark.parametrize(
    ("route", "needs"),
    [
        ("redetermination", "notice date"),
        ("plan_reconsideration", "notice date"),
        ("new_claim", "date of service"),
    ],
)
def test_missing_start_date_says_what_is_needed(route: str, needs: str) -> None:
    d = deadline_for(cached_knowledge(), route=route, today=date(2025, 5, 1))
    assert d.due_date is None and d.days_left is None
    assert needs in d.basis


def test_other_payers_use_the_entered_deadline() -> None:
    kb = cached_knowledge()
    assert deadline_for(kb, route="payer_appeal", today=date(2025, 5, 1)).due_date is None
    d = deadline_for(kb, route="payer_appeal", today=date(2025, 5, 1), payer_deadline=date(2025, 6, 30))
    assert (d.due_date, d.days_left) == (date(2025, 6, 30), 60)


def test_unknown_route_is_an_input_error() -> None:
    with pytest.raises(UnknownRouteError, match="reconsideration"):
        deadline_for(cached_knowledge(), route="appeal-ish", today=date(2025, 1, 1))


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ("2024-01-31", 1, "2024-02-29"),
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2025-12-15", 1, "2026-01-15"),
        ("2025-03-03", 12, "2026-03-03"),
    ],
)
def test_add_months(start: str, months: int, end: str) -> None:
    assert add_months(D(start), months) == D(end)


# More boundaries: the 2028 leap day, a notice at the turn of the year, ALJ across February.
MORE = [
    ("redetermination", "2027-12-30", None, "2028-01-02", "2028-05-03", 122),  # receipt in the new year, leap Feb
    ("reconsideration", "2028-01-20", None, "2028-01-20", "2028-07-23", 185),
    ("plan_reconsideration", "2028-01-15", None, "2028-01-16", "2028-03-20", 64),  # 65 days across 2028-02-29
    ("alj", "2024-12-28", None, "2025-01-01", "2025-03-03", 61),  # across a non-leap February
    ("clerical_reopening", "2027-02-28", None, "2027-03-01", "2028-02-28", 364),
    ("new_claim", None, "2028-02-29", "2028-03-01", "2029-02-28", 364),
]


@pytest.mark.parametrize(("route", "notice", "dos", "today", "due", "left"), MORE)
def test_more_boundaries(route: str, notice: str | None, dos: str | None, today: str, due: str, left: int) -> None:
    d = deadline_for(
        cached_knowledge(),
        route=route,
        notice_date=D(notice) if notice else None,
        dos=D(dos) if dos else None,
        today=D(today),
    )
    assert (d.due_date, d.days_left) == (D(due), left)


# Through the use case: payer type and recommendation pick the route, the claim's dates the deadline.
E2E = [
    ({"payer_type": "medicare"}, "CO-50 N115", "redetermination", "2025-07-23"),
    ({"payer": "Sunrise Medicare Advantage HMO"}, "CO-50", "plan_reconsideration", "2025-05-24"),
    ({"payer": "Keystone Health Plan", "payer_deadline": "2025-06-30"}, "CO-50", "payer_appeal", "2025-06-30"),
    ({"payer": "Keystone Health Plan"}, "CO-50", "payer_appeal", None),  # the biller enters it
    ({"payer_type": "medicare"}, "PR-119", "clerical_reopening", "2026-03-20"),
    ({"payer_type": "medicare"}, "CO-16 MA130", "new_claim", "2026-03-04"),  # timely filing from the DOS
    ({"payer_type": "medicare_advantage"}, "CO-16 N290", "new_claim", "2026-03-04"),
]


@pytest.mark.parametrize(("claim", "denial", "route", "due"), E2E)
def test_route_and_deadline_through_draft_appeal(claim: dict, denial: str, route: str, due: str | None) -> None:
    from assistant.drafting.appeal import draft_appeal
    from assistant.drafting.deps import DraftingDeps
    from assistant.drafting.offline import OfflineDrafter
    from tests.drafting.stubs import GOOD_NOTE, StubAssistant

    stub = StubAssistant(OfflineDrafter())
    deps = DraftingDeps(
        knowledge=stub.knowledge, backend=stub.backend, check=stub.check_note, today=lambda: date(2025, 4, 1)
    )
    full = {
        "dos": "2025-03-04",
        "notice_date": "2025-03-20",
        "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}],
        **claim,
    }
    result = draft_appeal(deps, denial=denial, note=GOOD_NOTE, claim=full)
    assert result.route == route and result.deadline is not None and result.deadline.route == route
    assert result.deadline.due_date == (D(due) if due else None)


# route, notice date (or date of service), today, words the late-filing alternative must carry (domain facts §11)
LATE = [
    ("redetermination", "2026-05-01", "2026-12-01", ["good cause", "Until 2027-05-01", "reopening"]),
    ("redetermination", "2025-06-01", "2026-12-01", ["reopening window has passed", "1 to 4 years", "good cause"]),
    ("reconsideration", "2026-03-02", "2026-12-01", ["good cause", "Until 2027-03-02", "reopen its redetermination"]),
    ("clerical_reopening", "2025-06-01", "2026-12-01", ["good cause", "until 2029-06-01"]),
    ("clerical_reopening", "2021-01-04", "2026-12-01", ["4-year good-cause window has passed"]),
    ("plan_reconsideration", "2026-05-01", "2026-12-01", ["good cause"]),
    ("new_claim", "2025-06-01", "2026-12-01", ["CO-29", "cannot be appealed", "424.44"]),
    ("payer_appeal", None, "2026-12-01", ["extension for good cause"]),
]


@pytest.mark.parametrize(("route", "start", "today", "words"), LATE)
def test_a_passed_limit_names_what_is_still_open(route: str, start: str | None, today: str, words: list[str]) -> None:
    kb = cached_knowledge()
    on = D(start) if start else None
    d = deadline_for(kb, route=route, notice_date=on, dos=on, today=D(today), payer_deadline=D("2026-06-01"))
    assert d.overdue
    for word in words:
        assert word in d.when_late
    assert all(s in kb.sources for s in d.sources)


def test_a_limit_not_passed_says_nothing_about_late_filing() -> None:
    d = deadline_for(cached_knowledge(), route="redetermination", notice_date=D("2026-11-20"), today=D("2026-12-01"))
    assert not d.overdue and d.when_late == ""


# A passed limit without good cause leaves nothing to file; good cause on the claim drafts the request with it.
TOO_LATE = [
    ({"payer_type": "medicare", "notice_date": "2025-10-15"}, "CO-50 N115", "2026-12-01", "no_appeal", None),
    ({"payer_type": "medicare", "notice_date": "2025-10-15",
      "good_cause": "The notice was mailed to a closed office and received on 11/20/2026."},
     "CO-50 N115", "2026-12-01", "appeal", "redetermination"),
    ({"payer_type": "medicare", "notice_date": "2026-11-20"}, "CO-50 N115", "2026-12-01", "appeal", "redetermination"),
    ({"payer_type": "medicare_advantage", "notice_date": "2026-09-04"}, "CO-50", "2026-12-01", "no_appeal", None),
    # past 1 year a reopening is open only for good cause (42 CFR 405.980(b)(2)): none stated, nothing to file
    ({"payer_type": "medicare", "notice_date": "2025-09-01"}, "PR-119", "2026-12-01", "no_appeal", None),
    ({"payer_type": "medicare", "notice_date": "2025-09-01",
      "good_cause": "The notice was mailed to a closed office and received on 11/20/2026."},
     "PR-119", "2026-12-01", "corrected_claim", "clerical_reopening"),
    # late, inside the 1-year reopening window, but a reopening was already asked for and answered: nothing is open
    ({"payer_type": "medicare", "notice_date": "2026-03-02", "decision_date": "2026-09-10"}, "CO-50 N115",
     "2026-09-20", "no_appeal", None),
    ({"payer_type": "medicare", "notice_date": "2026-03-02"}, "CO-50 N115", "2026-09-20", "appeal",
     "redetermination"),  # no reopening asked for yet: the request is drafted, the reopening window named
    ({"payer_type": "medicare", "notice_date": "2026-08-02", "decision_date": "2026-09-10"}, "CO-50 N115",
     "2026-09-20", "appeal", "redetermination"),  # a reopening answered, the appeal still in time
]


@pytest.mark.parametrize(("claim", "denial", "today", "expected", "route"), TOO_LATE)
def test_a_closed_window_without_good_cause_is_not_filed(
    claim: dict, denial: str, today: str, expected: str, route: str | None
) -> None:
    from assistant.drafting.appeal import draft_appeal
    from assistant.drafting.deps import DraftingDeps
    from assistant.drafting.offline import OfflineDrafter
    from tests.drafting.stubs import GOOD_NOTE, StubAssistant

    stub = StubAssistant(OfflineDrafter())
    deps = DraftingDeps(knowledge=stub.knowledge, backend=stub.backend, check=stub.check_note, today=lambda: D(today))
    full = {"dos": "2025-08-04", "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}], **claim}
    result = draft_appeal(deps, denial=denial, note=GOOD_NOTE, claim=full)
    assert (result.recommendation, result.route) == (expected, route)
    if expected == "no_appeal":
        assert "Too late" in result.route_reason and "good_cause" in result.route_reason
    if claim.get("good_cause") and expected == "appeal":
        assert result.letter is not None
        assert claim["good_cause"] in " ".join(st.text for sec in result.letter.sections for st in sec.statements)
        # the decision says why a late request is filed, in the claim's own words
        assert any(r.text.startswith("Good cause for filing late") and "closed office" in r.text
                   for r in result.reasons)


def test_the_headline_of_a_denial_that_stands_says_why_not_that_the_note_falls_short() -> None:
    from assistant.drafting.render import render_appeal
    from assistant.service import Assistant

    claim = {"payer_type": "medicare", "notice_date": "2025-09-02", "dos": "2025-08-04",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}]}
    note = (
        "PT caregiver training 08/04/2025. Pt not present (at adult day program). Wife Mary, unpaid, trained.\n"
        "Pt verbal consent 07/28/2025 for wife's training, documented. POC goal 2: car transfers with wife's"
        " guarding.\nTaught stand-pivot car transfer with gait belt; wife return-demonstrated x3, cues on first"
        " trial.\nSkilled: L hemiparesis, impulsivity. 10:00-10:35 (35 min). 97550 x1 GP. Sam Lee, PT, DPT\n"
    )
    assistant = Assistant(clock=lambda: D("2026-12-01"))
    result = assistant.draft_appeal("CO-50 N115", note, claim=claim)
    assert [r.check_id for r in result.reasons] == [None]  # the note itself supports the service
    text = render_appeal(result)
    assert text.startswith("# DO NOT APPEAL — too late")
    assert "does not support the denied service" not in text.splitlines()[0]
def _draft(claim: dict, today: str, note_tail: str = "", denial_text: str | None = None, denial: str = "CO-50"):
    from assistant.drafting.appeal import draft_appeal
    from assistant.drafting.deps import DraftingDeps
    from assistant.drafting.offline import OfflineDrafter
    from tests.drafting.stubs import GOOD_NOTE, StubAssistant

    stub = StubAssistant(OfflineDrafter())
    deps = DraftingDeps(knowledge=stub.knowledge, backend=stub.backend, check=stub.check_note, today=lambda: D(today))
    full = {"dos": "2026-07-22", "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}], **claim}
    return draft_appeal(deps, denial=denial, note=GOOD_NOTE + note_tail, claim=full, denial_text=denial_text)


# Good cause stated in the file's own words (a practice memo kept with the note, the payer's notice), not on the
# claim: a circumstance outside the practice's control is filed with it; the practice's own matters are not.
STATED = [
    ("\n\nPractice memo 11/20/2026: the clinic's building flooded on 08/29/2026 (county emergency declaration).",
     None, "appeal", "plan_reconsideration", ["Good cause", "flooded"]),
    ("", "Our records show the notice was sent to the wrong address on file.", "appeal", "plan_reconsideration",
     ["Good cause", "wrong address"]),
    # the contractor mailed the notice to an address the practice had already replaced
    ("\n\nBilling memo 11/20/2026: the decision was mailed by the plan to our former address (updated 12/2024); "
     "the envelope came back returned to sender.", None, "appeal", "plan_reconsideration",
     ["Good cause", "former address"]),
    ("\n\nBilling memo: the plan's letter was mailed to our pre-move address; we learned of it on 11/16/2026.", None,
     "appeal", "plan_reconsideration", ["Good cause", "pre-move address"]),
    ("\n\nOffice note 11/30/2026: reconsideration not filed - staff turnover in billing.", None, "no_appeal", None,
     ["Too late", "staff turnover", "not good cause"]),
    ("\n\nAcct note: denial letter was filed without action.", None, "no_appeal", None, ["filed without action"]),
    # a staff member's leave is the practice's own matter
    ("\n\nBilling log: the person handling it went on leave and it sat.", None, "no_appeal", None,
     ["Too late", "went on leave", "not good cause"]),
    # a clinical history is no reason for filing late
    ("\n\nPt recently hospitalized for CHF; fire safety with home oxygen reviewed.", None, "no_appeal", None,
     ["Too late"]),
]


@pytest.mark.parametrize(("tail", "denial_text", "expected", "route", "words"), STATED)
def test_good_cause_stated_in_the_files_words(
    tail: str, denial_text: str | None, expected: str, route: str | None, words: list[str]
) -> None:
    claim = {"payer_type": "medicare_advantage", "notice_date": "2026-08-14"}  # 65 days: due 2026-10-18
    result = _draft(claim, "2026-12-02", tail, denial_text)
    assert (result.recommendation, result.route) == (expected, route)
    said = " ".join([result.route_reason, *(r.text for r in result.reasons)])
    for word in words:
        assert word in said


@pytest.mark.parametrize(("charge", "expected", "route"), [
    ("118.00", "no_appeal", None),  # below the 2026 ALJ amount in controversy ($200)
    ("$1,240.00", "appeal", "alj"),
    (None, "appeal", "alj"),  # no charge given: the threshold is shown, not decided
])
def test_an_alj_request_needs_the_amount_in_controversy(charge: str | None, expected: str, route: str | None) -> None:
    line = {"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True}
    claim = {"payer_type": "medicare", "prior_level": "reconsideration", "notice_date": "2026-11-06",
             "lines": [line | ({"charge": charge} if charge else {})]}
    result = _draft(claim, "2026-12-02")
    assert (result.recommendation, result.route) == (expected, route)
    if expected == "no_appeal":
        assert "amount in controversy" in result.route_reason and "$200" in result.route_reason
        # hostile16 #12: aggregation is said, and no bare due date is shown for a request this claim alone cannot make
        from assistant.drafting.render import render_appeal

        assert any("aggregated" in r.text for r in result.reasons)
        page = render_appeal(result)
        assert "\nDue: " not in page and "Due, only for claims aggregated" in page


# The good cause a late request states: the practice's own matter given on the claim is dropped with a warning;
# a cause the payer's words state fills the letter's section (42 CFR 405.942(b)).
GOOD_CAUSE_GIVEN = [
    ({"good_cause": "Our office moved in April and staff turned over."}, None, "placeholder", True),
    ({"good_cause": "The notice was mailed to the wrong address."}, None, "The notice was mailed", False),
    ({}, "Notice re-issued: the original was sent to the wrong address and came back.", "re-issued", False),
    ({}, None, "placeholder", False),
]


@pytest.mark.parametrize(("extra", "payer_words", "section", "warned"), GOOD_CAUSE_GIVEN)
def test_the_good_cause_a_late_request_states(extra: dict, payer_words: str | None, section: str, warned: bool) -> None:
    from assistant.service import Assistant

    claim = {"payer_type": "medicare", "notice_date": "2026-03-02", "dos": "2026-02-10",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}], **extra}
    note = (
        "PT caregiver training 02/10/2026. Pt not present (at adult day program). Wife Mary, unpaid, trained.\n"
        "Pt verbal consent 02/03/2026 for wife's training, documented. POC goal 2: car transfers with wife's"
        " guarding.\nTaught stand-pivot car transfer with gait belt; wife return-demonstrated x3, cues on first"
        " trial.\nSkilled: L hemiparesis, impulsivity. 10:00-10:35 (35 min). 97550 x1 GP. Sam Lee, PT, DPT\n"
    )
    result = Assistant(clock=lambda: D("2026-12-01")).draft_appeal("CO-50", note, claim=claim, denial_text=payer_words)
    assert result.recommendation == "appeal" and result.letter is not None  # the reopening window is still open
    said = " ".join(st.text for s in result.letter.sections if s.id == "good_cause" for st in s.statements)
    assert ("[[Good cause:" in said) if section == "placeholder" else (section in said)
    assert any("practice's own matter" in w for w in result.warnings) is warned


# A reason given on the claim's own field that is the practice's matter, with every window shut: nothing to file,
# and the reason is named by its kind, not repeated back (the biller wrote it; it belongs in no request).
CLAIM_REASONS = [
    ("Our billing manager resigned in January and we changed EHR vendors.", "resigned", "billing manager"),
    ("We moved offices in March; the denial was not worked until November.", "moved offices", "in March"),
    ("New biller started in the summer.", "new biller", "in the summer"),
]


@pytest.mark.parametrize(("given", "kind", "not_repeated"), CLAIM_REASONS)
def test_a_practice_reason_on_the_claim_is_named_not_repeated(given: str, kind: str, not_repeated: str) -> None:
    claim = {"payer_type": "medicare", "notice_date": "2025-09-22", "dos": "2025-09-04", "good_cause": given}
    result = _draft(claim, "2026-12-02")
    assert (result.recommendation, result.route) == ("no_appeal", None)
    said = " ".join([result.route_reason, *(r.text for r in result.reasons), *result.actions])
    assert f'("{kind}")' in said and "not good cause" in said
    assert not_repeated not in said


@pytest.mark.parametrize(("claim", "says"), [
    # the plan's 65-day window closed; the reason on the claim is the practice's own matter
    ({"payer_type": "medicare_advantage", "notice_date": "2026-08-14",
      "good_cause": "the EHR work queue failed to route the denial"}, ["Too late", "65 days", "good cause"]),
    # after a reconsideration, the next level (ALJ) needs the amount in controversy
    ({"payer_type": "medicare", "prior_level": "reconsideration", "notice_date": "2026-11-06",
      "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True, "charge": "118.00"}]},
     ["amount in controversy", "$200"]),
    # the redetermination's 120 days passed with a reopening still open: the late appeal is said all the same
    ({"payer_type": "medicare", "notice_date": "2026-03-05", "decision_date": "2026-08-14"},
     ["Too late", "2026-07-08", "reopening"]),
])
def test_a_note_that_fails_is_said_first_and_a_closed_appeal_too(claim: dict, says: list[str]) -> None:
    """Both reasons nothing is filed: the note does not support the claim, and the appeal it would take is out of
    reach."""
    from assistant.drafting.appeal import draft_appeal
    from assistant.drafting.deps import DraftingDeps
    from assistant.drafting.offline import OfflineDrafter
    from tests.drafting.stubs import GOOD_NOTE, StubAssistant, make_report

    stub = StubAssistant(OfflineDrafter(), make_report(GOOD_NOTE, {"need_and_goal": "missing"}))
    deps = DraftingDeps(knowledge=stub.knowledge, backend=stub.backend, check=stub.check_note,
                        today=lambda: D("2026-12-02"))
    full = {"dos": "2026-07-22", "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}], **claim}
    result = draft_appeal(deps, denial="CO-50", note=GOOD_NOTE, claim=full)
    assert result.recommendation == "no_appeal" and result.reasons[0].check_id == "need_and_goal"
    said = " ".join(r.text for r in result.reasons)
    for word in says:
        assert word in said
    assert "work queue" not in said  # the practice's excuse is not repeated beside the note's failure


@pytest.mark.parametrize(("text", "terms"), [
    ("Provider appeal: submit in writing within 120 days of this notice (Provider Appeals, P.O. Box 40117).",
     "Provider appeal: submit in writing within 120 days of this notice (Provider Appeals, P.O. Box 40117)."),
    ("Claim denied CO-50.\nProvider appeal rights: written request within 60 calendar days of the denial date.",
     "Provider appeal rights: written request within 60 calendar days of the denial date."),
    ("Level 1 appeals: 180 days.", ""),  # no "within N days": nothing is quoted as the payer's terms
    ("", ""),
])
def test_the_payers_own_limit_is_quoted(text: str, terms: str) -> None:
    from assistant.drafting.deadlines import payer_terms

    assert payer_terms(text) == terms


def test_a_payer_deadline_says_where_it_comes_from() -> None:
    said = "Provider appeal rights: written request within 60 calendar days of the denial date."
    kb, today = cached_knowledge(), date(2026, 12, 2)
    entered = deadline_for(kb, route="payer_appeal", today=today, payer_deadline=date(2026, 9, 18), payer_terms=said)
    assert entered.basis == f'the deadline entered from the payer\'s notice; the notice reads: "{said}"'
    missing = deadline_for(kb, route="payer_appeal", today=today, payer_terms=said)
    assert missing.due_date is None and said in missing.basis


@pytest.mark.parametrize(
    ("payer_type", "due"),
    [("commercial", "2027-05-02"), ("medicaid", "2027-05-02"), ("medicare", "2027-11-03")],
)
def test_new_claim_takes_a_plans_own_window_once_entered(payer_type: str, due: str) -> None:
    """A plan's corrected-claim window, entered on the claim, replaces the 12-month count; Medicare's is statute."""
    d = deadline_for(cached_knowledge(), route="new_claim", dos=D("2026-11-03"), today=D("2026-12-02"),
                     payer_deadline=D("2027-05-02"), payer_type=payer_type)
    assert d.due_date == D(due)


@pytest.mark.parametrize(("denial", "text", "due"), [
    # Medicare denies CO-22: the employer plan pays first, so its own filing limit, entered, is the new claim's deadline
    ("CO-22", "MSP record: group health plan primary (working aged), spouse's employer PPO. Timely filing 180 days.",
     date(2027, 3, 1)),
    # a Medicare claim corrected for Medicare itself: the statute's 12 months, whatever the claim says
    ("CO-16 MA130", "Missing therapy modifier; claim returned as unprocessable.", date(2027, 9, 2)),
])
def test_new_claim_deadline_belongs_to_the_payer_it_goes_to(denial: str, text: str, due: date) -> None:
    from assistant.service import Assistant
    from tests.drafting.stubs import GOOD_NOTE

    note = GOOD_NOTE.replace("03/04/2025", "09/02/2026")
    claim = {"payer_type": "medicare", "date_of_service": "2026-09-02", "notice_date": "2026-09-16",
             "payer_deadline": "2027-03-01", "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]},
                                                       {"code": "97551", "units": 1, "modifiers": ["GP"]}]}
    assistant = Assistant()
    assistant.clock = lambda: date(2026, 12, 3)
    result = assistant.draft_appeal(denial, note, claim=claim, denial_text=text)
    assert result.route == "new_claim"
    assert result.deadline is not None and result.deadline.due_date == due


@pytest.mark.parametrize(("notice", "due", "says"), [
    ("2026-11-22", "2027-03-27", "2027-03-27 is a Saturday: file by the business day before, Friday 2027-03-26"),
    ("2026-11-23", "2027-03-28", "2027-03-28 is a Sunday: file by the business day before, Friday 2027-03-26"),
    ("2026-11-24", "2027-03-29", None),  # a Monday: nothing to say
])
def test_a_due_date_on_a_weekend_advises_the_business_day_before(notice: str, due: str, says: str | None) -> None:
    """hostile17 #16: the due date stays the counted one (no extension rule is assumed); the basis says it is a
    weekend day and names the Friday before."""
    d = deadline_for(cached_knowledge(), route="redetermination", notice_date=date.fromisoformat(notice),
                     today=date(2026, 12, 3))
    assert d.due_date == date.fromisoformat(due)
    if says is None:
        assert "business day" not in d.basis
    else:
        assert d.basis.endswith(says)
    late = deadline_for(cached_knowledge(), route="redetermination", notice_date=date.fromisoformat(notice),
                        today=date(2027, 6, 1))
    assert late.overdue and "business day" not in late.basis  # the letter of a late request states the limit only


@pytest.mark.parametrize(("payer_type", "warned"), [
    ("medicare", False), ("", False), ("other", True), ("commercial", True), ("medicare_advantage", True),
    ("medicaid", True),
])
def test_a_plans_new_claim_counted_with_medicares_months_says_whose_rule(payer_type: str, warned: bool) -> None:
    """hostile17 #12: a Medigap or commercial corrected claim with no limit entered is counted with Medicare's 12
    months; the basis says that is Medicare's rule, not the plan's."""
    d = deadline_for(cached_knowledge(), route="new_claim", dos=date(2026, 10, 15), today=date(2026, 12, 3),
                     payer_type=payer_type)
    assert ("not this plan's" in d.basis) is warned
    entered = deadline_for(cached_knowledge(), route="new_claim", dos=date(2026, 10, 15), today=date(2026, 12, 3),
                           payer_type=payer_type, payer_deadline=date(2027, 1, 13))
    assert "not this plan's" not in entered.basis
