"""The recommendation is code: a table of check statuses × denial pattern × billed lines → action and lines."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.deadlines import Deadline
from assistant.drafting.decision import ClaimFacts
from assistant.drafting.diagnoses import DiagnosisFix
from assistant.drafting.late import below_threshold, too_late
from assistant.drafting.lines import corrected_lines, is_checked, lines_text, unsupported_denied
from assistant.drafting.recommend import classify, decide
from assistant.knowledge.loader import cached_knowledge
from assistant.models import BilledLine
from tests.drafting.stubs import GOOD_NOTE, make_report

KB = cached_knowledge()
P = KB.denial_patterns


def L(spec: str) -> list[BilledLine]:  # noqa: N802 - a table helper: "97550x1:GP,KX 97551x2:GP"
    out = []
    for item in spec.split():
        code_units, _, mods = item.partition(":")
        code, _, units = code_units.partition("x")
        out.append(BilledLine(code=code, units=int(units or 1), modifiers=[m for m in mods.split(",") if m]))
    return out


# pattern, failing statuses, billed lines, lines the note supports, expected recommendation, expected corrected lines
CASES = [
    ("medical_necessity", {}, "97550x1:GP", "97550x1:GP", "appeal", ""),
    # the patient took part: billable with a patient-present code, so a correction with no CTS line left
    ("medical_necessity", {"patient_absent": "problem"}, "97550x1:GP", "97550x1:GP", "corrected_claim", ""),
    # ... unless a patient-present line already bills that time, or another rule blocks too
    ("medical_necessity", {"patient_absent": "problem"}, "97535x3:GO 97550x1:GO", "97550x1:GO", "no_appeal", ""),
    ("medical_necessity", {"patient_absent": "problem", "provider": "problem"}, "97550x1:GP", "97550x1:GP",
     "no_appeal", ""),
    # what only caregiver training needs (its need, the caregiver, consent to train them) does not stop the recode
    ("medical_necessity", {"patient_absent": "problem", "consent": "missing"}, "97550x1:GP", "97550x1:GP",
     "corrected_claim", ""),
    ("medical_necessity", {"patient_absent": "problem", "need_and_goal": "missing", "caregiver": "problem"},
     "97550x1:GO 97551x1:GO", "", "corrected_claim", ""),
    ("medical_necessity", {"consent": "missing"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("medical_necessity", {"caregiver": "problem"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("medical_necessity", {"caregiver": "missing"}, "97550x1:GP", "97550x1:GP", "appeal", ""),  # advisory
    ("medical_necessity", {"minimum_time": "problem"}, "97550x1:GP", "", "no_appeal", ""),
    ("medical_necessity", {"provider": "problem"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("medical_necessity", {"telehealth": "problem"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("medical_necessity", {"need_and_goal": "missing"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("medical_necessity", {"return_demo": "missing"}, "97550x1:GP", "97550x1:GP", "appeal", ""),
    # a merits denial of a line the note fully supports is appealed even when the claim left units out ...
    ("medical_necessity", {"units": "problem"}, "97550x1:GP", "97550x1:GP 97551x1:GP", "appeal", ""),
    # ... but a units denial of the same claim is answered by the correction
    ("units_not_supported", {"units": "problem"}, "97550x1:GP", "97550x1:GP 97551x1:GP", "corrected_claim",
     "97550x1:GP 97551x1:GP"),
    # a missing therapy modifier on a medical-necessity denial is still a claim fix
    ("medical_necessity", {"therapy_modifier": "problem"}, "97550x1", "97550x1:GP", "corrected_claim", "97550x1:GP"),
    # a merits denial of a claim with no line flagged denied the whole claim: the supported line is appealed, never
    # presumed paid (hostile16 #3: a claim shaped like `--claim-template` output)
    ("medical_necessity", {"units": "problem"}, "97550x1:GP 97551x1:GP", "97550x1:GP", "appeal", ""),
    # over-billed: the denied 97551 has no support and the rest is already billed → nothing to do
    ("units_not_supported", {"units": "problem"}, "97550x1:GP 97551x2:GP", "97550x1:GP", "no_appeal", ""),
    # over-billed with partial support → bill the supported units
    ("units_not_supported", {"units": "problem"}, "97550x1:GP 97551x3:GP", "97550x1:GP 97551x2:GP", "corrected_claim",
     "97550x1:GP 97551x2:GP"),
    ("mue_exceeded", {"group_session": "problem"}, "97552x2:GO", "97550x1:GO 97551x1:GO", "corrected_claim",
     "97550x1:GO 97551x1:GO"),
    ("time_units_missing", {}, "97550x1:GP", "97550x1:GP", "corrected_claim", "97550x1:GP"),
    ("addon_without_primary", {"units": "problem", "addon_pairing": "problem"}, "97551x2:GO",
     "97550x1:GO 97551x2:GO", "corrected_claim", "97550x1:GO 97551x2:GO"),
    ("kx_threshold", {}, "97550x1:GP 97551x1:GP", "97550x1:GP 97551x1:GP", "corrected_claim",
     "97550x1:GP,KX 97551x1:GP,KX"),
    ("kx_threshold", {}, "97550x1:GP,KX", "97550x1:GP", "appeal", ""),  # KX was billed: argue necessity
    # no claim given: the note's lines are corrected with KX, the same answer as with the claim (qa10b #26)
    ("kx_threshold", {}, "", "97550x1:GP", "corrected_claim", "97550x1:GP,KX"),
    ("kx_threshold", {"need_and_goal": "missing"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("missing_therapy_modifier", {"assistant_modifier": "problem"}, "97550x1:GP", "97550x1:GP,CQ",
     "corrected_claim", "97550x1:GP,CQ"),
    # same-day non-CTS lines are kept as billed, never checked
    ("missing_therapy_modifier", {"therapy_modifier": "problem"}, "92507x1:GN 97550x1", "97550x1:GN",
     "corrected_claim", "92507x1:GN 97550x1:GN"),
    # the correction the pattern asks for (the modifiers) is already on the claim, which the payer processed: the
    # denial is disputed on its merits
    ("missing_therapy_modifier", {}, "97552x1:GO", "97552x1:GO", "appeal", ""),
    ("plan_not_covered", {}, "97110x2:GP 97550x1:GP", "97550x1:GP", "appeal", ""),
    # a multiple-procedure reduction on a CTS line (indicator 0: no MPPR applies) is a payment error (hostile14 #11)
    ("multiple_procedure_reduction", {}, "97110x2:GP 97550x1:GP 97551x1:GP", "97550x1:GP 97551x1:GP", "appeal", ""),
    ("multiple_procedure_reduction", {"total_time": "missing"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    # who pays, who the patient is, or an adjustment: the note decides nothing (unless it fails a blocking rule)
    ("wrong_payer", {}, "97550x1:GP", "97550x1:GP", "corrected_claim", "97550x1:GP"),
    ("member_not_identified", {}, "97550x1:GP", "97550x1:GP", "corrected_claim", "97550x1:GP"),
    ("member_not_identified", {"consent": "missing"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("coverage_not_in_force", {}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("payment_adjustment", {}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    # hospice elected by the date: the denial stands whatever the note says
    ("hospice_enrolled", {}, "97550x1:GN", "97550x1:GN", "no_appeal", ""),
    ("hospice_enrolled", {"patient_absent": "missing"}, "97550x1:GN", "97550x1:GN", "no_appeal", ""),
    ("plan_not_covered", {"consent": "problem"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("bundling_ncci", {"distinct_time": "problem"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    ("timely_filing", {}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
    (None, {}, "97550x1:GP", "97550x1:GP", "appeal", ""),
    (None, {}, "", "97550x1:GP", "appeal", ""),  # no claim lines: nothing to compare, nothing to fix
    (None, {"units": "problem"}, "", "97550x1:GP", "corrected_claim", "97550x1:GP"),
    # a stated total that disagrees with the clock: the supported lines already use the lower figure
    ("units_not_supported", {"total_time": "problem", "units": "problem"}, "97550x1:GO 97551x3:GO",
     "97550x1:GO 97551x2:GO", "corrected_claim", "97550x1:GO 97551x2:GO"),
    ("medical_necessity", {"total_time": "problem"}, "97550x1:GO 97551x1:GO", "97550x1:GO 97551x1:GO", "appeal", ""),
    # no minutes at all still leaves nothing billable
    ("units_not_supported", {"total_time": "missing"}, "97550x1:GO", "", "no_appeal", ""),
]


@pytest.mark.parametrize(("pattern", "statuses", "billed", "supported", "expected", "fixed"), CASES)
def test_decide(pattern: str | None, statuses: dict[str, str], billed: str, supported: str, expected: str,
                fixed: str) -> None:
    report = make_report(GOOD_NOTE, statuses, lines=L(supported))
    decision = decide(KB, report, P[pattern] if pattern else None, L(billed), GOOD_NOTE)
    assert decision.recommendation == expected
    assert lines_text(decision.corrected_lines) == lines_text(L(fixed))
    if expected != "appeal":
        assert decision.reasons


def test_no_appeal_names_what_the_note_supports() -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["units_not_supported"], L("97550x1:GP 97551x2:GP"))
    assert decision.recommendation == "no_appeal"
    assert any("97550 x1 GP" in r.text and "97551" in r.text for r in decision.reasons)


@pytest.mark.parametrize(("billed", "supported", "time_rule", "words", "absent"), [
    # a denied add-on with no support says where its first unit starts under the rule the note was checked by
    ("97550x1:GP 97551x1:GP", "97550x1:GP", "midpoint", ["mid-point", "97551 unit 38 minutes"], []),
    ("G0541x1:GP G0542x1:GP", "G0541x1:GP", "midpoint", ["G0542 unit 38 minutes"], []),
    ("97550x1:GP 97551x1:GP", "97550x1:GP", "full_time", ["a full 30 minutes", "a full 45 minutes"], []),
    # a denied group line has no time threshold to state
    ("97550x1:GP 97552x1:GP", "97550x1:GP", "midpoint", [], ["38 minutes"]),
])
def test_a_denied_line_with_no_support_states_its_threshold(billed: str, supported: str, time_rule: str,
                                                            words: list[str], absent: list[str]) -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=L(supported))
    facts = ClaimFacts("medicare", time_rule=time_rule)
    decision = decide(KB, report, P["units_not_supported"], L(billed), GOOD_NOTE, facts)
    assert decision.recommendation == "no_appeal"
    text = " ".join(r.text for r in decision.reasons)
    assert all(w in text for w in words) and not any(w in text for w in absent)


@pytest.mark.parametrize(("dos", "lapse_said"), [
    ("2026-02-02", True),  # 31 Jan - 3 Feb 2026: lapsed, restored retroactively
    ("2025-10-15", True),  # the October 2025 lapse
    ("2026-03-02", False),  # inside the waiver, no lapse
])
def test_a_telehealth_appeal_shows_a_lapse_restored_retroactively(dos: str, lapse_said: bool) -> None:
    from datetime import date

    report = make_report(GOOD_NOTE, {"telehealth": "met"})
    report.meta.dos = date.fromisoformat(dos)
    decision = decide(KB, report, P["medical_necessity"], L("97550x1:GP"), GOOD_NOTE)
    assert decision.recommendation == "appeal"
    assert any(r.check_id == "telehealth" for r in decision.reasons)
    assert any("retroactively" in r.text for r in decision.reasons) is lapse_said
    # the waiver's window is stated with its end date, the date the next payer reads against
    assert any("through 2027-12-31" in r.text for r in decision.reasons)


def test_the_therapist_waiver_is_not_stated_for_a_line_without_a_therapy_modifier() -> None:
    from datetime import date

    report = make_report(GOOD_NOTE, {"telehealth": "met"}, lines=L("97550x1"))
    report.meta.dos = date(2026, 3, 2)
    decision = decide(KB, report, P["medical_necessity"], L("97550x1"), GOOD_NOTE)
    assert not any("statutory waiver" in r.text for r in decision.reasons)


@pytest.mark.parametrize(("payer_type", "expected", "fixed"), [
    # Traditional Medicare denies the unsupported line and pays the rest: the denial stands
    ("medicare", "no_appeal", ""),
    # other payers take a replacement claim without the line the note does not support
    ("commercial", "corrected_claim", "97550x1:GP"),
    ("medicare_advantage", "corrected_claim", "97550x1:GP"),
    ("medicaid", "corrected_claim", "97550x1:GP"),
])
def test_a_line_with_no_support_by_payer_type(payer_type: str, expected: str, fixed: str) -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["units_not_supported"], L("97550x1:GP 97551x1:GP"), GOOD_NOTE,
                      ClaimFacts(payer_type))
    assert decision.recommendation == expected
    assert lines_text(decision.corrected_lines) == lines_text(L(fixed))


@pytest.mark.parametrize(("denied", "expected"), [
    (frozenset({"97551"}), "no_appeal"),  # only the unsupported add-on was denied: its denial stands
    # the claim does not say: a merits denial with no line flagged denied the whole claim, so the supported line
    # is appealed, never taken as paid (hostile16 #3)
    (frozenset(), "appeal"),
    # the supported primary was denied on the merits too: it is not left to stand; it is appealed (a reopening
    # cannot overturn a medical-necessity determination) and the unsupported add-on dropped (facts §11)
    (frozenset({"97550", "97551"}), "appeal"),
])
def test_a_denied_supported_line_is_never_left_to_stand(denied: frozenset[str], expected: str) -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["medical_necessity"], L("97550x1:GP 97551x2:GP"), GOOD_NOTE,
                      ClaimFacts("medicare", denied=denied))
    assert decision.recommendation == expected
    if expected == "appeal":
        assert lines_text(decision.appealed_lines) == lines_text(L("97550x1:GP"))
        assert lines_text(decision.dropped_lines) == lines_text(L("97551x2:GP"))


@pytest.mark.parametrize(("pattern", "billed", "supported", "denied", "expected", "appealed", "dropped"), [
    # a merits denial of lines the note supports in part: the supported units are appealed, the rest dropped
    ("medical_necessity", "97550x1:GP 97551x2:GP 97110x2:GP", "97550x1:GP 97551x1:GP", {"97550", "97551"},
     "appeal", "97550x1:GP 97551x1:GP", "97551x1:GP"),
    ("medical_necessity", "97550x1:GO 97551x1:GO", "97550x1:GO", {"97550", "97551"}, "appeal", "97550x1:GO",
     "97551x1:GO"),
    ("plan_not_covered", "G0541x1:GP G0542x3:GP", "G0541x1:GP G0542x1:GP", set(), "appeal",
     "G0541x1:GP G0542x1:GP", "G0542x2:GP"),
    # a units denial is still answered by the correction
    ("units_not_supported", "97550x1:GP 97551x2:GP", "97550x1:GP 97551x1:GP", {"97550", "97551"},
     "corrected_claim", "", ""),
])
def test_a_merits_denial_appeals_the_supported_units_and_drops_the_rest(
        pattern: str, billed: str, supported: str, denied: set[str], expected: str, appealed: str,
        dropped: str) -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=L(supported))
    decision = decide(KB, report, P[pattern], L(billed), GOOD_NOTE, ClaimFacts("medicare", denied=frozenset(denied)))
    assert decision.recommendation == expected
    assert lines_text(decision.appealed_lines) == lines_text(L(appealed))
    assert lines_text(decision.dropped_lines) == lines_text(L(dropped))
    if dropped:
        said = " ".join(r.text for r in decision.reasons)
        assert f"does not appeal {lines_text(L(dropped))}" in said and "clerical" in said


@pytest.mark.parametrize(("statuses", "expected"), [
    ({}, "corrected_claim"),  # lines as billed, the diagnosis corrected
    ({"consent": "missing"}, "no_appeal"),  # a correction never rescues a note that supports nothing
])
def test_a_diagnosis_fix_is_a_correction(statuses: dict[str, str], expected: str) -> None:
    fix = DiagnosisFix(billed=["G20"], corrected=["G20.A1"], why="G20 is a header", sources=["icd10cm-g20"])
    report = make_report(GOOD_NOTE, statuses, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["diagnosis_inconsistent"], L("97550x1:GP"), GOOD_NOTE,
                      ClaimFacts("medicare", fix))
    assert decision.recommendation == expected
    if expected == "corrected_claim":
        assert decision.corrected_diagnoses == ["G20.A1"]
        assert lines_text(decision.corrected_lines) == "97550 x1 GP"
        assert any("G20.A1" in r.text for r in decision.reasons)


@pytest.mark.parametrize(("check", "status", "role"), [
    ("consent", "missing", "blocking"), ("patient_absent", "problem", "blocking"), ("caregiver", "missing", "advisory"),
    ("units", "problem", "correctable"), ("therapy_modifier", "missing", "correctable"),
    ("return_demo", "missing", "advisory"), ("distinct_time", "problem", "advisory"),
    ("total_time", "problem", "advisory"), ("total_time", "missing", "blocking"),
])
def test_roles_come_from_the_rule_files(check: str, status: str, role: str) -> None:
    roles = classify(KB, make_report(GOOD_NOTE, {check: status}), None)
    assert [c.id for c in roles[role]] == [check]


def test_statuses_the_lines_settle_stay_advisory_whatever_the_pattern() -> None:
    report = make_report(GOOD_NOTE, {"total_time": "problem"})
    assert "total_time" in P["units_not_supported"].blocking_checks
    assert [c.id for c in classify(KB, report, P["units_not_supported"])["advisory"]] == ["total_time"]


def test_a_pattern_can_make_a_check_blocking() -> None:
    report = make_report(GOOD_NOTE, {"distinct_time": "problem"})
    assert [c.id for c in classify(KB, report, P["bundling_ncci"])["blocking"]] == ["distinct_time"]


@pytest.mark.parametrize(("supported", "billed", "add", "expected"), [
    ("97550x1:GP", "97550x1:GP,KX", (), "97550x1:GP,KX"),  # the check does not decide KX: kept
    # no NCCI edit pairs the caregiver-training codes: a distinct-service modifier added by reflex is dropped
    ("97550x1:GP", "97550x1:GP,59", (), "97550x1:GP"),
    ("97550x1:GP 97551x2:GP", "97110x2:GP 97550x1:GP,59 97551x2:GP,XE", (), "97110x2:GP 97550x1:GP 97551x2:GP"),
    ("97550x1:GO", "97550x1:GP", (), "97550x1:GO"),  # the check decides the therapy modifier: replaced
    ("97550x1:GP", "97110x2:GP 97550x1", ("KX",), "97110x2:GP 97550x1:GP,KX"),
    ("97550x1", "97550x1", ("KX",), "97550x1"),  # KX only on therapy lines
    ("97550x1:GP", "", (), "97550x1:GP"),
    # behaviour-management G-codes are caregiver-training lines: replaced, never kept beside the supported ones
    ("G0539x1 G0540x1", "G0539x1 G0540x1", (), "G0539x1 G0540x1"),
    ("G0539x1 G0540x2", "97110x1:GP G0539x1", (), "97110x1:GP G0539x1 G0540x2"),
])
def test_corrected_lines(supported: str, billed: str, add: tuple[str, ...], expected: str) -> None:
    assert lines_text(corrected_lines(KB, L(supported), L(billed), add)) == lines_text(L(expected))


@pytest.mark.parametrize(("code", "checked"), [
    ("97550", True), ("97551", True), ("97552", True), ("G0539", True), ("G0540", True), ("G0541", True),
    ("G0543", True),
    # a behaviour-management group is 96202/+96203, not a caregiver-training line; patient-present codes are kept
    ("96202", False), ("96203", False), ("97530", False), ("97110", False), ("", False), ("XYZ", False),
])
def test_which_lines_the_note_check_judges(code: str, checked: bool) -> None:
    assert is_checked(KB, code) is checked


@pytest.mark.parametrize(("supported", "billed", "dead"), [
    ("97550x1:GP", "97550x1:GP 97551x2:GP", ["97551"]),
    ("97550x1:GP 97551x1:GP", "97550x1:GP 97551x2:GP", []),  # partly supported: a correction
    ("97550x1:GO 97551x1:GO", "97552x2:GO", []),  # the note supports another code: a correction
    ("97550x1:GP", "97550x1:GP", []),
])
def test_unsupported_denied(supported: str, billed: str, dead: list[str]) -> None:
    assert unsupported_denied(KB, L(supported), L(billed)) == dead


# a patient-present code billed for caregiver-only training: the correction bills the CTS lines in its place
@pytest.mark.parametrize(("statuses", "billed", "denied", "expected", "fixed"), [
    ({}, "97530x3:GP", {"97530"}, "corrected_claim", "97550x1:GP 97551x1:GP"),
    ({}, "97530x3:GP", set(), "corrected_claim", "97550x1:GP 97551x1:GP"),  # the claim does not flag lines
    # only the denied line is replaced: the 97530 the payer paid stays as billed
    ({}, "97530x3:GP 97116x1:GP", {"97116"}, "corrected_claim", "97530x3:GP 97550x1:GP 97551x1:GP"),
    # the note documents a same-day service: its line is not caregiver training
    ({"distinct_time": "met"}, "97530x3:GP", {"97530"}, "corrected_claim", "97530x3:GP 97550x1:GP 97551x1:GP"),
    # the patient was there: nothing to put in its place
    ({"patient_absent": "problem"}, "97530x3:GP", {"97530"}, "no_appeal", ""),
])
def test_a_patient_present_line_billed_for_caregiver_training(
    statuses: dict[str, str], billed: str, denied: set[str], expected: str, fixed: str
) -> None:
    report = make_report(GOOD_NOTE, statuses, lines=L("97550x1:GP 97551x1:GP"))
    facts = ClaimFacts("medicaid", denied=frozenset(denied))
    decision = decide(KB, report, P["medical_necessity"], L(billed), GOOD_NOTE, facts)
    assert decision.recommendation == expected
    assert sorted(lines_text(decision.corrected_lines).split(", ")) == sorted(lines_text(L(fixed)).split(", "))
    if fixed and "97530" not in fixed:
        assert any("97530 x3 GP" in r.text and "drops it" in r.text for r in decision.reasons)


@pytest.mark.parametrize(("pattern", "payer_text", "words"), [
    # the appeal answers the point the payer made, not only the pattern's first argument
    ("medical_necessity", "Third caregiver training session in 5 weeks exceeds the expected frequency.", "frequency"),
    ("medical_necessity", "Plan policy: caregiver training is limited to one session per episode.", "frequency limit"),
    ("wrong_code_patient_present", "Training of multiple caregivers should be billed with group code 97552.",
     "not the group code 97552, which needs caregivers of at least two patients"),
    ("bundling_ncci", "Not covered when performed during the same session as a previously processed service.",
     "separate encounter"),
    ("provider_not_eligible", "This provider type/provider specialty may not bill this service.",
     "occupational therapists"),
    # nothing in the payer's words matches a point: the pattern's first point
    ("medical_necessity", "", P["medical_necessity"].argument[0]),
])
def test_an_appeal_answers_the_payers_point(pattern: str, payer_text: str, words: str) -> None:
    report = make_report(GOOD_NOTE)
    decision = decide(KB, report, P[pattern], L("97550x1:GP"), GOOD_NOTE, ClaimFacts(payer_text=payer_text))
    assert decision.recommendation == "appeal"
    assert decision.reasons[0].text.startswith("Answer to the denial:") and words in decision.reasons[0].text


@pytest.mark.parametrize("carc", ["185", "170", "B7"])
def test_provider_type_denials_share_one_pattern(carc: str) -> None:
    from assistant.drafting.denial import match_pattern, parse_denial

    parsed, _ = parse_denial(f"CO-{carc}", KB.reason_codes, None)
    assert match_pattern(parsed, KB.denial_patterns).id == "provider_not_eligible"


@pytest.mark.parametrize("pattern", ["hospice_enrolled", "timely_filing"])
def test_a_denial_that_stands_is_said_before_the_notes_gaps(pattern: str) -> None:
    report = make_report(GOOD_NOTE, {"patient_absent": "missing"})
    decision = decide(KB, report, P[pattern], L("97550x1:GP"), GOOD_NOTE)
    assert decision.recommendation == "no_appeal"
    assert decision.reasons[0].check_id is None and P[pattern].title in decision.reasons[0].text
    assert any(r.check_id == "patient_absent" for r in decision.reasons)


@pytest.mark.parametrize(("supported", "says"), [
    # an add-on is argued with the minutes its first unit needs
    ("97550x1:GP 97551x2:GP", "The note supports 97550 x1 GP, 97551 x2 GP (40 minutes of caregiver training). Under "
     "the CPT mid-point rule 97550 needs 16 minutes and the first 97551 unit 38 minutes in total."),
    ("97550x1:GP", "The note supports 97550 x1 GP (40 minutes of caregiver training)."),
    ("97552x1:GN", "The note supports 97552 x1 GN."),  # untimed: no minutes
])
def test_an_appeal_states_what_the_note_supports(supported: str, says: str) -> None:
    report = make_report(GOOD_NOTE, lines=L(supported))
    decision = decide(KB, report, P["units_not_supported"], L(supported), GOOD_NOTE)
    assert decision.recommendation == "appeal"
    assert any(r.text == says for r in decision.reasons)


@pytest.mark.parametrize(("denial", "pattern"), [
    ("CO-45", "payment_adjustment"),
    ("CO-253", "payment_adjustment"),
    # the patient's deductible, coinsurance or co-payment on an allowed line
    ("PR-1", "payment_adjustment"),
    ("PR-2", "payment_adjustment"),
    ("biller: paid less than expected, CO-253 and PR-2 on the line", "payment_adjustment"),
    ("PR-2 PR-50", "medical_necessity"),
    ("CO-45 CO-50", "medical_necessity"),  # an adjustment beside a denial: the denial decides
    ("CO-253, CO-151", "units_not_supported"),
    ("CO-27", "coverage_not_in_force"),
    ("CO-109", "wrong_payer"),
])
def test_an_adjustment_answers_only_alone(denial: str, pattern: str) -> None:
    from assistant.drafting.denial import match_pattern, parse_denial

    parsed, _ = parse_denial(denial, KB.reason_codes, None)
    assert match_pattern(parsed, KB.denial_patterns).id == pattern


def test_a_patient_present_session_names_the_patient_present_codes_and_drops_the_training_lines() -> None:
    report = make_report(GOOD_NOTE, {"patient_absent": "problem"}, lines=L("97550x1:GO"))
    decision = decide(KB, report, P["wrong_code_patient_present"], L("97550x1:GO 97551x1:GO"), GOOD_NOTE)
    assert decision.recommendation == "corrected_claim" and decision.corrected_lines == []
    said = " ".join(r.text for r in decision.reasons)
    for code in ("97530", "97535", "92507", "92526"):  # the presence rule's own list (knowledge/rules)
        assert code in said


@pytest.mark.parametrize(("appealed", "expected", "argued"), [
    (False, "corrected_claim", ""),  # an initial determination: the units are corrected (a reopening)
    # an appeal level has decided the claim: the supported units are argued at the next level, never corrected
    (True, "appeal", "97551x1:GO"),
])
def test_after_an_appeal_level_a_units_difference_is_argued_not_corrected(
        appealed: bool, expected: str, argued: str) -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=L("97550x1:GO 97551x1:GO"))
    facts = ClaimFacts("medicare", denied=frozenset({"97551"}), appealed=appealed)
    decision = decide(KB, report, P["units_not_supported"], L("97550x1:GO 97551x2:GO"), GOOD_NOTE, facts)
    assert decision.recommendation == expected
    assert lines_text(decision.appealed_lines) == lines_text(L(argued))


def test_a_line_dated_apart_from_the_session_is_corrected_to_the_sessions_date() -> None:
    report = make_report(GOOD_NOTE, {}, lines=L("97550x1:GP 97551x1:GP"))
    facts = ClaimFacts("medicaid", misdated=(("97551", date(2026, 10, 15)),), session_date=date(2026, 10, 14))
    decision = decide(KB, report, P["addon_without_primary"], L("97550x1:GP 97551x1:GP"), GOOD_NOTE, facts)
    assert decision.recommendation == "corrected_claim"
    assert lines_text(decision.corrected_lines) == "97550 x1 GP, 97551 x1 GP"
    said = " ".join(r.text for r in decision.reasons)
    assert "97551 is dated 2026-10-15" in said and "on 2026-10-14" in said
    same = decide(KB, report, P["medical_necessity"], L("97550x1:GP 97551x1:GP"), GOOD_NOTE,
                  ClaimFacts("medicaid", session_date=date(2026, 10, 14)))
    assert same.recommendation == "appeal"


@pytest.mark.parametrize(("pattern", "payer_text", "said"), [
    ("wrong_payer", "CO-24 Charges are covered under a managed care plan.\n---- 271 ----\nEB*U**30**MA~ ... Medicare "
     "Advantage plan: HILLTOP ADVANTAGE PPO (contract H0000) effective 2026-09-01.",
     "Medicare Advantage plan: HILLTOP ADVANTAGE PPO (contract H0000) effective 2026-09-01."),
    ("wrong_payer", "CO-22. Our records show other insurance is primary: Brightwater Mutual.",
     "Our records show other insurance is primary: Brightwater Mutual."),
    ("coverage_not_in_force", "Our records show the member's enrollment in\nHilltop Senior Advantage ended 06/30/2026.",
     "Our records show the member's enrollment in Hilltop Senior Advantage ended 06/30/2026."),
    ("wrong_payer", "CO-24.", ""),  # the payer names no one: nothing quoted
])
def test_a_claim_for_another_payer_quotes_whom_the_payer_names(pattern: str, payer_text: str, said: str) -> None:
    report = make_report(GOOD_NOTE, {}, lines=L("97550x1:GP"))
    facts = ClaimFacts("medicare_advantage" if pattern == "coverage_not_in_force" else "medicare",
                       payer_text=payer_text)
    decision = decide(KB, report, P[pattern], L("97550x1:GP"), GOOD_NOTE, facts)
    quoted = [r.text for r in decision.reasons if r.text.startswith("Who covers the service")]
    assert quoted == ([f'Who covers the service, in the payer\'s words: "{said}"'] if said else [])


def test_after_an_appeal_level_a_patient_present_session_is_not_recoded() -> None:
    report = make_report(GOOD_NOTE, {"patient_absent": "problem"}, lines=L("97550x1:GP"))
    facts = ClaimFacts("medicare", appealed=True)
    decision = decide(KB, report, P["medical_necessity"], L("97550x1:GP"), GOOD_NOTE, facts)
    assert decision.recommendation == "no_appeal"


@pytest.mark.parametrize(("payer_type", "payer_text", "expected"), [
    ("commercial", "Certificate of Coverage section 9.14 excludes training of family members.", "no_appeal"),
    ("medicaid", "Caregiver training is not a covered benefit of this plan.", "no_appeal"),
    ("commercial", "", "appeal"),  # no written exclusion named: the plan's position is argued
    # a Medicare Advantage plan must cover what Part B covers: its "not a benefit" is appealed
    ("medicare_advantage", "Caregiver training is not a covered benefit of the plan.", "appeal"),
])
def test_a_written_contract_exclusion_is_not_appealed(payer_type: str, payer_text: str, expected: str) -> None:
    report = make_report(GOOD_NOTE, {}, lines=L("97550x1:GP"))
    facts = ClaimFacts(payer_type, payer_text=payer_text)
    assert decide(KB, report, P["plan_not_covered"], L("97550x1:GP"), GOOD_NOTE, facts).recommendation == expected


def test_a_distinct_modifier_the_payers_edit_asks_for_is_added() -> None:
    fixed = corrected_lines(KB, L("97550x1:GP"), L("97550x1:GP,59"), (), (), ("XE",))
    assert lines_text(fixed) == "97550 x1 GP XE"


def _deadline(route: str, due: str, threshold: float | None = None, closed: bool = False) -> Deadline:
    return Deadline(route=route, title=route, due_date=date.fromisoformat(due), days_left=-1, overdue=True,
                    basis="test", amount_in_controversy_threshold=threshold, closed=closed)


@pytest.mark.parametrize(("threshold", "amount", "expected"), [
    (200, 118.0, "no_appeal"),  # an ALJ hearing needs the year's amount in controversy
    (200, 200.0, "appeal"),
    (200, None, "appeal"),  # the charges are not known: the threshold is shown, not decided
    (None, 50.0, "appeal"),  # a level with no threshold
])
def test_a_dispute_below_the_amount_in_controversy_has_no_further_appeal(
    threshold: float | None, amount: float | None, expected: str
) -> None:
    appeal = decide(KB, make_report(GOOD_NOTE), P["medical_necessity"], L("97550x1:GP"), GOOD_NOTE)
    decision = below_threshold(appeal, _deadline("alj", "2027-01-10", threshold), amount)
    assert decision.recommendation == expected
    if expected == "no_appeal":
        assert "$200" in decision.reasons[0].text and "$118.00" in decision.reasons[0].text


@pytest.mark.parametrize("reason", ["denial letter was filed without action", "our biller was on medical leave",
                                    "the billing lead was out sick for a month"])
def test_too_late_names_a_reason_on_file_that_is_not_good_cause(reason: str) -> None:
    appeal = decide(KB, make_report(GOOD_NOTE), P["medical_necessity"], L("97550x1:GP"), GOOD_NOTE)
    decision = too_late(appeal, _deadline("plan_reconsideration", "2026-10-18", closed=True), reason)
    assert decision.recommendation == "no_appeal"
    assert "not good cause" in decision.reasons[0].text


@pytest.mark.parametrize(("status", "payer_text", "expected"), [
    # the payer read the record as the patient present and the note never says otherwise: re-coded
    ("missing", "Medical review: record states the beneficiary was present and participated.", "corrected_claim"),
    ("missing", "Your documentation shows the member was present and eating during the training.", "corrected_claim"),
    # participation said of the patient is presence
    ("missing", "The record shows the beneficiary participated in the session.", "corrected_claim"),
    ("missing", "Record documents the beneficiary participating in the session.", "corrected_claim"),
    # a question, not a finding: the note's silence still blocks
    ("missing", "Documentation does not state whether the patient was present.", "no_appeal"),
    ("missing", "Bill the appropriate code.", "no_appeal"),
    # the note says the patient was absent: the payer's reading is answered by an appeal
    ("met", "Record states the beneficiary was present and participated.", "appeal"),
])
def test_the_payers_reading_of_presence_stands_when_the_note_is_silent(status: str, payer_text: str,
                                                                      expected: str) -> None:
    report = make_report(GOOD_NOTE, {"patient_absent": status} if status != "met" else {}, lines=L("97550x1:GO"))
    facts = ClaimFacts("medicare", payer_text=payer_text)
    decision = decide(KB, report, P["wrong_code_patient_present"], L("97550x1:GO"), GOOD_NOTE, facts)
    assert decision.recommendation == expected
    if expected == "corrected_claim":
        assert decision.corrected_lines == [] and "92526" in " ".join(r.text for r in decision.reasons)


def test_a_payer_point_is_answered_with_the_notes_own_sentences() -> None:
    note = GOOD_NOTE + "\nWhy now: the wife is in hospital; the son is a new caregiver with no transfer experience.\n"
    facts = ClaimFacts(payer_text="Caregiver training is limited to one session per beneficiary.")
    decision = decide(KB, make_report(note), P["units_not_supported"], L("97550x1:GP"), note, facts)
    first = decision.reasons[0]
    assert decision.recommendation == "appeal" and "frequency limit" in first.text and "new caregiver" in first.text
    assert first.quotes == ["Why now: the wife is in hospital; the son is a new caregiver with no transfer experience."]


def test_a_claim_returned_unprocessed_is_corrected_even_when_its_lines_look_right() -> None:
    report = make_report(GOOD_NOTE, lines=L("97550x1:GP"))
    facts = ClaimFacts("medicare", unprocessable=True)
    decision = decide(KB, report, P["missing_therapy_modifier"], L("97550x1:GP"), GOOD_NOTE, facts)
    assert decision.recommendation == "corrected_claim"
