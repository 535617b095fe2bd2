"""The recommendation is code: a table of check statuses × denial pattern → action."""

from __future__ import annotations

import pytest

from assistant.drafting.recommend import decide
from assistant.knowledge.loader import cached_knowledge
from assistant.models import BilledLine
from tests.drafting.stubs import GOOD_NOTE, make_report

KB = cached_knowledge()
P = KB.denial_patterns


@pytest.mark.parametrize(
    ("pattern", "statuses", "expected"),
    [
        ("medical_necessity", {}, "appeal"),
        ("medical_necessity", {"patient_absent": "problem"}, "no_appeal"),
        ("medical_necessity", {"consent": "missing"}, "no_appeal"),
        ("medical_necessity", {"caregiver": "problem"}, "no_appeal"),
        ("medical_necessity", {"minimum_time": "problem"}, "no_appeal"),
        ("medical_necessity", {"provider": "problem"}, "no_appeal"),
        ("medical_necessity", {"telehealth": "problem"}, "no_appeal"),
        ("medical_necessity", {"need_and_goal": "missing"}, "no_appeal"),
        ("medical_necessity", {"return_demo": "missing"}, "appeal"),
        ("medical_necessity", {"therapy_modifier": "problem"}, "corrected_claim"),
        ("units_not_supported", {"units": "problem"}, "no_appeal"),
        ("mue_exceeded", {"group_session": "problem"}, "corrected_claim"),
        ("time_units_missing", {}, "corrected_claim"),
        ("addon_without_primary", {}, "corrected_claim"),
        ("kx_threshold", {}, "corrected_claim"),
        ("plan_not_covered", {}, "appeal"),
        ("plan_not_covered", {"consent": "problem"}, "no_appeal"),
        ("bundling_ncci", {"distinct_time": "problem"}, "no_appeal"),
        (None, {}, "appeal"),
        (None, {"units": "problem"}, "corrected_claim"),
    ],
)
def test_decide(pattern: str | None, statuses: dict[str, str], expected: str) -> None:
    report = make_report(GOOD_NOTE, statuses)
    lines = [BilledLine(code="97550", units=1, modifiers=["GP"])]
    if statuses.get("units") == "problem":  # over-billed: 97551 x2 on a note that supports 97550 x1
        lines.append(BilledLine(code="97551", units=2, modifiers=["GP"]))
    decision = decide(report, P[pattern] if pattern else None, lines)
    assert decision.recommendation == expected
    assert decision.actions
    if expected != "appeal":
        assert decision.reasons


def test_no_appeal_names_what_the_note_supports() -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"})
    decision = decide(report, P["units_not_supported"])
    assert any("97550 x1 GP" in a for a in decision.actions)


def test_under_billed_units_are_a_claim_fix_not_a_block() -> None:
    report = make_report(GOOD_NOTE, {"units": "problem"}, lines=[BilledLine(code="97550", units=1, modifiers=["GP"]),
                                                                 BilledLine(code="97551", units=1, modifiers=["GP"])])
    decision = decide(report, P["addon_without_primary"], [BilledLine(code="97551", units=1, modifiers=["GP"])])
    assert decision.recommendation == "corrected_claim"
