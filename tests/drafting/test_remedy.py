"""What the payer's own words change: a plan edit that allows a modifier, proof of timely filing, a full-time rule."""

from __future__ import annotations

import pytest

from assistant.drafting.decision import ClaimFacts
from assistant.drafting.denial import match_pattern, parse_denial
from assistant.drafting.lines import lines_text
from assistant.drafting.recommend import decide
from assistant.drafting.remedy import earlier_claim, pattern_remedy, payer_points, said_sentence, says, time_profile
from assistant.knowledge.loader import cached_knowledge
from tests.drafting.stubs import GOOD_NOTE, make_report
from tests.drafting.test_recommend import L

KB = cached_knowledge()
P = KB.denial_patterns

EDIT_ALLOWS = "97550 denied as incidental to 97166 (plan coding edit, modifier indicator 1: a modifier is allowed)."
PROOF = "Original claim accepted by the clearinghouse (999) and by the payer's 277CA on 03/19/2026."
MOVED = "Front desk: pt moved to her husband's plan - Hillcrest PPO (eff 10/1/26); card never loaded."
NEW_PLAN = f"Coverage under this group ended 09/30/2026.\n---\n{MOVED}"
KX_DUP = "orig claim ICN 2226222104417 denied PR-119; rebilled as NEW claim w/ KX; new claim denied CO-18."
FULL_TIME = "Per policy 97550 requires a full 30 minutes and each 97551 a full additional 15 minutes."


@pytest.mark.parametrize(("text", "words", "found"), [
    ("Modifier  Indicator 1: allowed", ["modifier indicator 1"], "modifier indicator 1"),
    ("modifier indicator 10", ["modifier indicator 1"], None),  # whole phrase only
    ("see the 277CA report", ["277ca"], "277ca"),
    ("", ["277ca"], None),
])
def test_says(text: str, words: list[str], found: str | None) -> None:
    assert says(text, words) == found


@pytest.mark.parametrize(("pattern", "payer_type", "text", "met", "remedy", "modifiers"), [
    # the plan's edit allows a modifier and the note shows a separate encounter: corrected claim with XE
    ("bundling_ncci", "medicare_advantage", EDIT_ALLOWS, {"distinct_time", "patient_absent"}, "corrected_claim",
     ("XE",)),
    # a plan's policy naming the distinct-service modifiers allows one as plainly (round 14)
    ("bundling_ncci", "commercial", "Payer policy: distinct services may be reported with an X{EPSU} modifier.",
     {"distinct_time", "patient_absent"}, "corrected_claim", ("XE",)),
    # CO-5 (round 17): a wrong place of service is corrected; a payer disputing telehealth itself is argued
    ("place_of_service", "medicare", "CO-5 The procedure code is inconsistent with the place of service (POS 12).",
     set(), "corrected_claim", ()),
    ("place_of_service", "medicare", "97550 not payable when furnished via telehealth (POS 10).", set(), "appeal", ()),
    # a portal's edit field says it as plainly (round 17)
    ("bundling_ncci", "medicare", "M80 ... Edit allows modifier: YES (indicator 1)",
     {"distinct_time", "patient_absent"}, "corrected_claim", ("XE",)),
    # the same words without separate time in the note: the pattern's own answer (appeal)
    ("bundling_ncci", "medicare_advantage", EDIT_ALLOWS, {"patient_absent"}, "appeal", ()),
    ("bundling_ncci", "medicare", "Not payable with another service on the same date.",
     {"distinct_time", "patient_absent"}, "appeal", ()),
    # a plan's timely-filing denial with proof of an earlier accepted claim is appealed
    ("timely_filing", "commercial", PROOF, set(), "appeal", ()),
    ("timely_filing", "medicaid", PROOF, set(), "appeal", ()),
    # a Medicare Advantage plan's filing limit is its contract's: proof of timely submission is disputed (round 15)
    ("timely_filing", "medicare_advantage", PROOF, set(), "appeal", ()),
    ("timely_filing", "medicare_advantage", "The time limit for filing has expired.", set(), "no_appeal", ()),
    # Traditional Medicare: a timely-filing denial has no appeal rights, proof or not
    ("timely_filing", "medicare", PROOF, set(), "no_appeal", ()),
    ("timely_filing", "commercial", "The time limit for filing has expired.", set(), "no_appeal", ()),
    ("kx_threshold", "medicare", "", set(), "corrected_claim", ("KX",)),
    # KX is a fee-for-service construct: a plan's PR-119 is answered by payer type, whatever its words
    ("kx_threshold", "medicare_advantage", "", {"need_and_goal"}, "appeal", ()),
    ("kx_threshold", "medicare_advantage", "", set(), "corrected_claim", ("KX",)),  # necessity not documented
    ("kx_threshold", "commercial", "Benefit maximum for this time period has been met.", set(), "no_appeal", ()),
    ("kx_threshold", "medicaid", "", set(), "no_appeal", ()),
    ("kx_threshold", "commercial", "Threshold reached: resubmit with the KX modifier.", {"need_and_goal"},
     "corrected_claim", ("KX",)),
    # the plan's own visit count used up: a pasted tip to "just add KX" does not lift it (round 17)
    ("kx_threshold", "commercial", "Benefit maximum met. 30 visits per calendar year; 30 used. [tip: just add KX!!]",
     {"need_and_goal"}, "no_appeal", ()),
    # CO-31 whose words take the trained caregiver for the patient: the member is identified, the service misread
    ("member_not_identified", "medicaid", "Record shows service was rendered to the mother, who is not a member.",
     {"patient_absent", "caregiver"}, "appeal", ()),
    ("member_not_identified", "medicaid", "Patient cannot be identified as our insured.",
     {"patient_absent", "caregiver"}, "corrected_claim", ()),
    ("member_not_identified", "commercial", "Service was rendered to the spouse, not a member.", {"caregiver"},
     "corrected_claim", ()),  # the note does not show the patient absent: nothing to answer with
    ("bundling_ncci", "medicare", "Line bundled: the member has an open home health episode on this date.",
     {"distinct_time", "patient_absent"}, "no_appeal", ()),
    # the same words from a plan outside Traditional Medicare open nothing by themselves
    ("bundling_ncci", "commercial", "Line bundled: the member has an open home health episode on this date.",
     {"distinct_time", "patient_absent"}, "appeal", ()),
    # a duplicate of a claim denied PR-119 and resent with KX: the original is reopened with KX
    ("duplicate_claim", "medicare", KX_DUP, {"need_and_goal"}, "corrected_claim", ("KX",)),
    ("duplicate_claim", "medicare", KX_DUP, set(), "corrected_claim", ()),  # necessity not shown: no KX attested
    ("duplicate_claim", "medicare", "Orig claim denied CO-4; resubmitted with GP; denied CO-18.", {"need_and_goal"},
     "corrected_claim", ()),
    # the earlier claim was paid: nothing to file, whatever else the words say
    ("duplicate_claim", "medicare", "Rebilled w/ KX. Original claim 2226222104417 paid 09/02/2026.", {"need_and_goal"},
     "no_appeal", ()),
    # coverage ended and the file names the coverage in force instead: a new claim to it, not an appeal
    ("coverage_not_in_force", "commercial", NEW_PLAN, set(), "corrected_claim", ()),
    ("coverage_not_in_force", "medicaid", "Member now covered by Lakeside Health Plan from 07/01.", set(),
     "corrected_claim", ()),
    # coverage ended and nothing names other coverage: nothing to file with this payer
    ("coverage_not_in_force", "commercial", "Coverage under this group ended 09/30/2026.", set(), "no_appeal", ()),
    ("coverage_not_in_force", "commercial", "Expenses incurred after coverage terminated.", set(), "no_appeal", ()),
    ("coverage_not_in_force", "medicaid", "Medicaid ended 09/30/2026. No Medicare, no other coverage returned.", set(),
     "no_appeal", ()),
])
def test_pattern_remedy(pattern: str, payer_type: str, text: str, met: set[str], remedy: str,
                        modifiers: tuple[str, ...]) -> None:
    got = pattern_remedy(P[pattern], payer_type, text, met)
    assert (got.remedy, got.modifiers) == (remedy, modifiers)


@pytest.mark.parametrize(("payer_type", "text", "profile"), [
    ("commercial", FULL_TIME, "strict"),
    ("medicaid", "The mid-point rule does not apply to this plan.", "strict"),
    ("commercial", "Documentation does not support the units billed.", "medicare"),
    ("commercial", "Time-based codes are payable only when the full time in the code descriptor is reached.", "strict"),
    ("medicaid", "Bill a timed code only when the full time of the code descriptor was spent.", "strict"),
    ("commercial", "Units billed exceed time documented. Timed codes require the full unit time per policy.", "strict"),
    ("other", "Each unit is paid only for a full unit of time.", "strict"),
    # Traditional Medicare and Medicare Advantage keep the CPT mid-point rule whatever the words
    ("medicare", FULL_TIME, "medicare"),
    ("medicare_advantage", FULL_TIME, "medicare"),
])
def test_time_profile(payer_type: str, text: str, profile: str) -> None:
    assert time_profile(KB, payer_type, text)[0] == profile


@pytest.mark.parametrize(("text", "word", "sentence"), [
    (NEW_PLAN, "moved to", MOVED),
    (PROOF, "277ca", PROOF),
    ("Denied.\nSEG*1*" + "X" * 300 + "\nnew plan: Hillcrest PPO\n", "new plan", "new plan: Hillcrest PPO"),
    ("Nothing here.", "new plan", ""),
])
def test_said_sentence(text: str, word: str, sentence: str) -> None:
    assert said_sentence(text, word) == sentence


def test_an_answer_opened_by_the_files_words_quotes_them() -> None:
    report = make_report(GOOD_NOTE, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["coverage_not_in_force"], L("97550x1:GP"), GOOD_NOTE,
                      ClaimFacts("commercial", payer_text=NEW_PLAN))
    assert decision.recommendation == "corrected_claim"
    said = "The file reads: \"Front desk: pt moved to her husband's plan - Hillcrest PPO (eff 10/1/26)"
    assert any(said in r.text for r in decision.reasons)
    plain = decide(KB, report, P["coverage_not_in_force"], L("97550x1:GP"), GOOD_NOTE,
                   ClaimFacts("commercial", payer_text="Coverage ended 09/30/2026."))
    assert plain.recommendation == "no_appeal" and "The file reads" not in plain.reasons[0].text


def test_a_bundling_denial_whose_edit_allows_a_modifier_is_corrected_with_xe() -> None:
    report = make_report(GOOD_NOTE, {"distinct_time": "met"}, lines=L("97550x1:GO"))
    decision = decide(KB, report, P["bundling_ncci"], L("97166x1:GO 97550x1:GO"), GOOD_NOTE,
                      ClaimFacts("medicare_advantage", payer_text=EDIT_ALLOWS))
    assert decision.recommendation == "corrected_claim"
    assert lines_text(decision.corrected_lines) == "97166 x1 GO, 97550 x1 GO XE"


def test_a_timely_filing_appeal_says_what_proves_it() -> None:
    report = make_report(GOOD_NOTE, lines=L("97550x1:GN"))
    decision = decide(KB, report, P["timely_filing"], L("97550x1:GN"), GOOD_NOTE,
                      ClaimFacts("commercial", payer_text=PROOF))
    assert decision.recommendation == "appeal"
    assert "277CA" in decision.reasons[0].text


@pytest.mark.parametrize(("denied", "expected"), [
    # the payer paid 97550 and denied only the unsupported 97551: the claim already stands as the note supports
    (frozenset({"97551"}), "no_appeal"),
    # the whole claim denied: a replacement claim without the unsupported line
    (frozenset({"97550", "97551"}), "corrected_claim"),
    (frozenset(), "corrected_claim"),
])
def test_a_line_denial_on_the_unsupported_line_only_stands_for_any_payer(denied: frozenset[str],
                                                                         expected: str) -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["units_not_supported"], L("97550x1:GP 97551x1:GP"), GOOD_NOTE,
                      ClaimFacts("commercial", denied=denied, time_rule="full_time"))
    assert decision.recommendation == expected
    if expected == "no_appeal":
        assert "45" in decision.reasons[0].text  # the payer's full-time threshold for the first add-on


@pytest.mark.parametrize(("codes", "pattern"), [
    ("CO-16 M76", "diagnosis_inconsistent"),  # an invalid diagnosis reported with CARC 16
    ("CO-11 M76", "diagnosis_inconsistent"),
    ("CO-16 M53", "time_units_missing"),
    ("CO-16", "claim_lacks_information"),  # hostile15 #8: no remark names the units
])
def test_diagnosis_remark_selects_the_diagnosis_pattern(codes: str, pattern: str) -> None:
    denial, _ = parse_denial(codes, KB.reason_codes)
    assert match_pattern(denial, P).id == pattern


@pytest.mark.parametrize(("payer_type", "text", "profile"), [
    ("commercial", FULL_TIME, "strict"),
    ("commercial", "Units not supported.", "medicare"),
    ("medicare", FULL_TIME, "medicare"),
])
def test_the_note_is_checked_by_the_payers_time_rule(payer_type: str, text: str, profile: str) -> None:
    from assistant.drafting.case import build_case
    from assistant.drafting.claims import parse_claim
    from assistant.drafting.deps import DraftingDeps
    from assistant.drafting.offline import OfflineDrafter

    seen: list[str] = []

    def check(note: str, *, dos: object = None, billed: object = None, profile: str = "medicare") -> object:
        seen.append(profile)
        return make_report(GOOD_NOTE, lines=L("97550x1:GP"))

    deps = DraftingDeps(knowledge=KB, backend=OfflineDrafter(), check=check)  # type: ignore[arg-type]
    claim = parse_claim({"payer_type": payer_type, "lines": [{"code": "97550", "modifiers": ["GP"]}]})
    case = build_case(deps, GOOD_NOTE, claim, "CO-151", text, None)
    assert seen == [profile]
    assert any("full-time rule" in w for w in case.warnings) == (profile == "strict")


# A reason the payer states in words is answered in its own terms whatever the codes, when the note bears it out.
POINTS = [
    ("Caregiver training (97550) is limited to one session per beneficiary.", set(), ["frequency_limit"]),
    ("CO-151 N640", set(), ["frequency_limit"]),
    # the group code's unit rule is not a session cap
    ("CO-151 N640 - 97552 group caregiver training is payable once per session.", set(), []),
    ("Our records show the patient did not attend.", {"patient_absent"}, ["patient_not_present"]),
    ("Our records show the patient did not attend.", set(), []),  # the note does not say the patient was absent
    ("Audio-only telehealth not covered for 97550 (modifier 93).", {"telehealth"}, ["audio_only"]),
    ("Services are limited to family members only. The individual trained is a neighbor.", {"caregiver"},
     ["caregiver_not_family"]),
    ("The record indicates a home health aide was present during training.", {"caregiver"}, ["paid_caregiver"]),
    ("Consent must be obtained from the beneficiary.", {"consent"}, ["consent_by_representative"]),
    ("Policy limits caregiver training to members with a primary diagnosis of stroke.", set(), ["diagnosis_list"]),
    ("Documentation does not support the units billed.", {"patient_absent", "caregiver", "consent"}, []),
    # the payer reads the patient as present: not the point that answers a denial of the patient's absence
    ("Documentation indicates patient present. CTS codes require the patient not be present.", {"patient_absent"},
     []),
    # records requested and not received: the answer encloses the record
    ("CO-50 M127. MSN: Medicare did not receive the information it requested.", set(), ["records_not_received"]),
    ("Records were reviewed; the ADR response did not show a plan-of-care goal.", set(), []),
    # the payer takes the trained caregiver for the patient
    ("Service was rendered to the mother, who is not a Medicaid member.", {"patient_absent", "caregiver"},
     ["caregiver_not_the_member"]),
    # the payer folds the training into the patient's own visit: a separate service; an NCCI edit is the pattern's
    ("Parent education is included in the child's speech therapy visit and is not separately medically necessary.",
     {"patient_absent"}, ["included_in_another_visit"]),
    ("97550 is included in the NCCI procedure-to-procedure edit with 97530.", {"patient_absent"}, []),
    ("Parent education is included in the child's speech therapy visit.", set(), []),  # the note must bear it out
    # the payer doubts the absence rather than faulting it (appeals16)
    ("The documentation does not establish that the beneficiary was absent during the training; caregiver training "
     "billed with 97550/97551 requires that the patient not be present.", {"patient_absent"},
     ["patient_absence_not_shown"]),
]


def test_a_doubted_absence_is_answered_with_where_the_note_puts_the_patient() -> None:
    from assistant.drafting.appeal_reasons import point_reasons
    note = ("Location of visit: patient's home.\nPatient: Thaddeus, 74 -- away at dialysis for the entire session "
            "(chair 10:45-2:45).\nTrainee: wife Halina (unpaid). Consent signed 04/21/2026 naming Halina.\n"
            "POC LTG 1: safe entry from the van with one helper. Taught porch-step guarding; Halina return demo x2.\n"
            "Time: 11:30 am-12:30 pm = 60 min. Y. Brandvold, PT, DPT\n")
    import assistant
    report = assistant.check_note(note, dos="2026-05-05")
    text = "The documentation does not establish that the beneficiary was absent during the training."
    quotes = [q for r in point_reasons(KB, report, note, text) for q in r.quotes]
    assert any("away at dialysis for the entire session" in q for q in quotes)


@pytest.mark.parametrize(("text", "met", "expected"), POINTS)
def test_payer_points(text: str, met: set[str], expected: list[str]) -> None:
    assert [p.id for p in payer_points(KB, text, met)] == expected


@pytest.mark.parametrize(("text", "number"), [
    # the earlier claim is the one the notice names as processed before, whichever number comes first
    ("Claim 2226330412287 duplicates line previously processed on ICN 2226281190543 (DOS 09/24/2026).",
     "2226281190543"),
    ("Claim ICN 2226258771045 (received 09/02/2026): CO-18. Original claim ICN 2226182200316 (DOS 06/11/2026).",
     "2226182200316"),
    ("CO-18: Exact duplicate claim/service. Matches claim ICN 2226223407715 (processed 08/11/2026).", "2226223407715"),
    ("CO-18 Exact duplicate claim/service.", None),
    ("Original claim received 09/02/2026.", None),  # a date is not a claim number
])
def test_the_earlier_claim_a_duplicate_denial_names(text: str, number: str | None) -> None:
    assert earlier_claim(P["duplicate_claim"], text) == number
    remedy = pattern_remedy(P["duplicate_claim"], "medicare", text, set())
    assert (f"ICN {number}" in remedy.reason) if number else "names the earlier claim" not in remedy.reason


@pytest.mark.parametrize(("text", "remedy"), [
    # the notice says the earlier claim was paid: the duplicate denial is right, nothing is filed
    ("CO-18 Exact duplicate claim/service. Original claim SSM-26-9907101 paid 10/02/2026.", "no_appeal"),
    ("Duplicate of claim 2226182200316, which was paid on 08/11/2026.", "no_appeal"),
    # a biller's shorthand for the first claim ("checked portal, orig claim paid 10/9 in full")
    ("2nd submission came back CO-18 N522. checked portal, orig claim paid 10/9 in full.", "no_appeal"),
    ("first submission paid 9/30; the resubmission denied as a duplicate", "no_appeal"),
    ("1st claim denied CO-16, resubmission denied CO-18", "corrected_claim"),
    # the earlier claim was denied, or not paid: it is the one to correct
    ("Original claim ICN 2226182200316 denied CO-50.", "corrected_claim"),
    ("Duplicate of claim 2226182200316 (not paid).", "corrected_claim"),
    ("CO-18 Exact duplicate claim/service. Paid amount $0.00.", "corrected_claim"),  # "paid" not said of a claim
    # this line's own denial earlier in the sentence is not said of the earlier claim
    ("97550 GP x1 denied CO-18 -- exact duplicate of claim ICN 2226281009930, previously processed and paid "
     "10/14/2026.", "no_appeal"),
    ("97550 denied CO-18 -- duplicate of claim 2226281009930, not paid", "corrected_claim"),
    # the file says the denied line is another session than the paid one: not a duplicate, corrected (round 14)
    ("97550 GP denied CO-18 -- duplicate of 97550 GP paid for the same date (PT session, ICN 2226288331170). "
     "AR note: OT and PT each saw the wife, different sessions; OT line went out with GP.", "corrected_claim"),
])
def test_a_duplicate_of_a_paid_claim_is_not_filed(text: str, remedy: str) -> None:
    assert pattern_remedy(P["duplicate_claim"], "medicaid", text, set()).remedy == remedy


def test_a_correction_by_the_payers_full_time_rule_quotes_the_rule() -> None:
    said = "Units billed exceed time documented. Timed codes require the full unit time per Reimbursement Policy X-9."
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=L("97550x1:GO 97551x1:GO"))
    decision = decide(KB, report, P["units_not_supported"], L("97550x1:GO 97551x2:GO"), GOOD_NOTE,
                      ClaimFacts("commercial", payer_text=said, time_rule="full_time"))
    assert decision.recommendation == "corrected_claim"
    assert any("Reimbursement Policy X-9" in r.text and "mid-point" in r.text for r in decision.reasons)


@pytest.mark.parametrize(("billed", "denied", "expected", "says"), [
    # a denied untimed SLP line billed twice: once per session; the paid caregiver-training line is carried as it is
    ("92526x2:GN 97550x1:GN", {"92526"}, "92526x1:GN 97550x1:GN", "1 unit, not 2"),
    ("97165x2:GO 97550x1:GO", {"97165"}, "97165x1:GO 97550x1:GO", "1 unit, not 2"),
    # a timed patient-present code keeps its units; an untimed line that was not denied is not touched
    ("97110x2:GP 97550x1:GP", {"97110"}, None, None),
    ("92507x2:GN 97550x1:GN", {"97550"}, None, None),
])
def test_a_denied_untimed_line_is_billed_once(billed: str, denied: set[str], expected: str | None,
                                               says: str | None) -> None:
    report = make_report(GOOD_NOTE, lines=L(billed.split()[1]))
    decision = decide(KB, report, P["mue_exceeded"], L(billed), GOOD_NOTE,
                      ClaimFacts("medicaid", denied=frozenset(denied)))
    if expected is None:
        assert decision.recommendation != "corrected_claim" or not any("untimed" in r.text for r in decision.reasons)
        return
    assert decision.recommendation == "corrected_claim"
    assert lines_text(decision.corrected_lines) == lines_text(L(expected))
    assert any(says in r.text for r in decision.reasons)


def test_an_appeal_opened_by_the_payers_words_does_not_argue_the_patterns_correction() -> None:
    said = "Reviewer: service was rendered to the mother, who is not a Medicaid member."
    report = make_report(GOOD_NOTE, lines=L("97550x1:GN"))
    decision = decide(KB, report, P["member_not_identified"], L("97550x1:GN"), GOOD_NOTE,
                      ClaimFacts("medicaid", payer_text=said))
    assert decision.recommendation == "appeal"
    said_all = " ".join(r.text for r in decision.reasons)
    assert "takes the caregiver for the patient" in said_all and "sent again with the member ID" not in said_all


def test_the_answer_to_the_denial_gives_the_note_s_own_words() -> None:
    """The fact the denial turns on is said in the note's words (where the patient was), not only as a finding."""
    note = GOOD_NOTE
    report = make_report(note, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["wrong_code_patient_present"], L("97550x1:GP"), note,
                      ClaimFacts("medicare", payer_text="Documentation indicates patient present."))
    answer = next(r.text for r in decision.reasons if r.text.startswith("Answer to the denial"))
    quoted = answer.split("The note reads: ", 1)[1][1:].rstrip("\"'.")
    assert quoted and " ".join(quoted.split()) in " ".join(note.split())


@pytest.mark.parametrize(("supported", "billed", "says"), [
    # the correction names the minutes its timed lines are counted from
    ("97550x1:GO 97551x1:GO", "97552x1:GO", "(40 minutes of caregiver training documented)"),
    # an untimed group line has no minutes to name
    ("97552x1:GO", "97550x1:GO 97551x1:GO", None),
])
def test_a_correction_names_the_minutes_of_its_timed_lines(supported: str, billed: str, says: str | None) -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, total=40, lines=L(supported))
    decision = decide(KB, report, P["units_not_supported"], L(billed), GOOD_NOTE, ClaimFacts("medicare"))
    line = next(r.text for r in decision.reasons if r.text.startswith("Billed:"))
    assert (says in line) if says else "minutes" not in line


@pytest.mark.parametrize(("statuses", "denied", "expected"), [
    # the payer paid 97550 and disputes only the add-on's units: a gap in the need does not stop the correction
    ({"need_and_goal": "missing", "units": "problem"}, {"97551"}, "corrected_claim"),
    # the whole session denied: the gap decides
    ({"need_and_goal": "missing", "units": "problem"}, {"97550", "97551"}, "no_appeal"),
    # a finding that blocks the claim whatever the payer (consent) still decides
    ({"consent": "missing", "units": "problem"}, {"97551"}, "no_appeal"),
])
def test_a_quantity_denial_on_a_paid_session(statuses: dict[str, str], denied: set[str], expected: str) -> None:
    report = make_report(GOOD_NOTE, statuses, lines=L("97550x1:GO 97551x2:GO"))
    decision = decide(KB, report, P["mue_exceeded"], L("97550x1:GO 97551x4:GO"), GOOD_NOTE,
                      ClaimFacts("medicare", denied=frozenset(denied)))
    assert decision.recommendation == expected
    if expected == "corrected_claim":
        assert lines_text(decision.corrected_lines) == "97550 x1 GO, 97551 x2 GO"
        assert any(r.check_id == "need_and_goal" and "weakens the record" in r.text for r in decision.reasons)


def test_a_visit_the_payer_folds_the_training_into_is_answered_with_the_notes_words() -> None:
    from assistant.drafting.appeal_reasons import point_quotes

    note = "Parent training, child at school.\nNo therapy visit with the child today; his visit is Mondays.\nTaught."
    quotes = point_quotes(KB.payer_points["included_in_another_visit"], note)
    assert quotes == ["No therapy visit with the child today; his visit is Mondays."]


def test_an_answer_opened_by_the_words_of_a_duplicate_names_the_earlier_claim() -> None:
    got = pattern_remedy(P["duplicate_claim"], "medicare", KX_DUP, {"need_and_goal"})
    assert "adds KX" in got.reason and "names the earlier claim: ICN 2226222104417" in got.reason


def test_a_not_covered_appeal_shows_who_was_trained() -> None:
    """Caregiver training is training of the patient's unpaid caregiver: a plan that calls it no benefit is answered
    with the person trained, as with the patient's absence and consent."""
    report = make_report(GOOD_NOTE, lines=L("97550x1:GN"))
    decision = decide(KB, report, P["plan_not_covered"], L("97550x1:GN"), GOOD_NOTE, ClaimFacts("medicare_advantage"))
    assert decision.recommendation == "appeal"
    assert {"caregiver", "patient_absent", "consent"} <= {r.check_id for r in decision.reasons}


@pytest.mark.parametrize(("said", "expected"), [
    # the patient moved to Medicare: the new claim goes to the contractor under the MBI (round 12)
    ("Pt retired, turned 65. Showed us his new Medicare card, Part B effective 07/01/2026.", "corrected_claim"),
    ("Coverage under this group ended 06/30/2026.", "no_appeal"),
])
def test_a_commercial_plan_ended_and_medicare_named(said: str, expected: str) -> None:
    report = make_report(GOOD_NOTE, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["coverage_not_in_force"], L("97550x1:GP"), GOOD_NOTE,
                      ClaimFacts("commercial", payer_text=said))
    assert decision.recommendation == expected


def test_a_copay_adjustment_is_named_as_billers_say_it() -> None:
    """PR-3 is the plan's copay: the answer says so in the word the biller uses (appeals16)."""
    assert "copay" in pattern_remedy(P["payment_adjustment"], "medicare_advantage", "", set()).reason


def test_a_paid_caregiver_finding_is_answered_with_the_aides_time_left_out() -> None:
    """The aide came after the counted time: the note's "I did not count that time." answers the finding (appeals16)."""
    note = ("S: Niece Delphine says she is moving in to help; family, unpaid.\nR: 3:45 the agency aide came early and "
            "watched for 10 min. I did not count that time.\n")
    from assistant.drafting.appeal_reasons import point_quotes

    quotes = point_quotes(KB.payer_points["paid_caregiver"], note)
    assert "I did not count that time." in quotes
