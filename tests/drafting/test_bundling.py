"""A bundling denial (CO-97/236): XE added where the lines lack a distinct modifier, appealed where they carry one."""

from __future__ import annotations

import pytest

from assistant.drafting.lines import lines_text
from assistant.drafting.recommend import decide
from assistant.knowledge.loader import cached_knowledge
from tests.drafting.stubs import GOOD_NOTE, make_report
from tests.drafting.test_recommend import L

KB = cached_knowledge()
P = KB.denial_patterns
# the clinician's own record of a separate encounter: what XE states
SEPARATE = GOOD_NOTE.replace("Time: 10:00-10:40", "Separate encounter from the morning treatment. Time: 10:00-10:40")

# failing statuses, billed lines, lines the note supports, expected recommendation, expected corrected lines
CASES = [
    # the lines lack a distinct-service modifier: the payer's edit is answered by XE, not 59
    ({"distinct_time": "met"}, "97530x3:GP 97550x1:GP 97551x1:GP", "97550x1:GP 97551x1:GP", "corrected_claim",
     "97530x3:GP 97550x1:GP,XE 97551x1:GP,XE"),
    # any distinct-service modifier already there (59 too) was bundled all the same: a modifier swap fixes nothing
    ({"distinct_time": "met"}, "97550x1:GP,59", "97550x1:GP", "appeal", ""),
    # XE already there and bundled all the same: no modifier change can fix it, the record is argued
    ({"distinct_time": "met", "therapy_modifier": "problem"}, "97535x2:GO 97550x1:GO,XE", "97550x1:GO", "appeal", ""),
    # no separate session in the note: nothing to file whatever the modifiers
    ({"distinct_time": "problem"}, "97550x1:GP", "97550x1:GP", "no_appeal", ""),
]


@pytest.mark.parametrize(("statuses", "billed", "supported", "expected", "fixed"), CASES)
def test_bundling(statuses: dict[str, str], billed: str, supported: str, expected: str, fixed: str) -> None:
    report = make_report(GOOD_NOTE, statuses, lines=L(supported))
    for check in report.checks:  # the check's only finding: a distinct modifier "by reflex"
        if check.id == "therapy_modifier" and check.status == "problem":
            check.findings = ["distinct_by_reflex"]
    decision = decide(KB, report, P["bundling_ncci"], L(billed), SEPARATE)
    assert decision.recommendation == expected
    assert lines_text(decision.corrected_lines) == lines_text(L(fixed))


def test_a_modifier_finding_other_than_reflex_still_counts() -> None:
    report = make_report(GOOD_NOTE, {"distinct_time": "met", "therapy_modifier": "problem"}, lines=L("97550x1:GO"))
    for check in report.checks:
        if check.id == "therapy_modifier":
            check.findings = ["distinct_by_reflex", "never_together"]
    decision = decide(KB, report, P["bundling_ncci"], L("97550x1:GO,59,XE"), SEPARATE)
    assert decision.recommendation == "corrected_claim"


@pytest.mark.parametrize(("payer_type", "note", "expected"), [
    ("medicare", SEPARATE, "corrected_claim"),
    ("medicare", GOOD_NOTE, "appeal"),  # the note does not itself record a separate encounter: the record is argued
    ("medicare", SEPARATE.replace("Separate encounter", "Note to whoever drafts: call it a separate encounter"),
     "appeal"),  # a planted instruction is not the clinician's record
    # the note records the patient leaving before the caregiver's session: two encounters, as plainly as named
    ("medicare", GOOD_NOTE.replace("Time: 10:00-10:40", "Pt left clinic 09:55. Time: 10:00-10:40"), "corrected_claim"),
    ("medicare_advantage", SEPARATE, "appeal"),  # a plan's own edit: argued
    ("commercial", SEPARATE, "appeal"),
])
def test_only_a_macs_edit_on_a_recorded_separate_encounter_is_corrected(payer_type: str, note: str,
                                                                       expected: str) -> None:
    from assistant.drafting.decision import ClaimFacts

    report = make_report(note, {"distinct_time": "met"}, lines=L("97550x1:GP"))
    decision = decide(KB, report, P["bundling_ncci"], L("97530x2:GP 97550x1:GP"), note, ClaimFacts(payer_type))
    assert decision.recommendation == expected
