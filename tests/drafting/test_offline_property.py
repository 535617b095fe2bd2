"""Property: whatever the check finds and whichever pattern matches, the offline drafter's answer
passes the gate (a letter is never withheld), and the recommendation never contradicts a block."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.drafting.appeal import draft_appeal
from assistant.drafting.offline import OfflineDrafter
from assistant.knowledge.loader import cached_knowledge
from tests.drafting.stubs import GOOD_EVIDENCE, GOOD_NOTE, StubAssistant, make_report

CHECK_IDS = cached_knowledge().check_ids

KB = cached_knowledge()
DENIALS = sorted({" ".join([f"CO-{p.carcs[0]}", *p.rarcs[:1]]) for p in KB.denial_patterns.values() if p.carcs}
                 | {"CO-242", "277CA STC A7:164:IL"})  # a front-end rejection answers no CARC


@settings(max_examples=60, deadline=None)
@given(
    denial=st.sampled_from(DENIALS),
    statuses=st.dictionaries(
        st.sampled_from(CHECK_IDS),
        st.sampled_from(["met", "missing", "problem", "unclear", "not_applicable"]),
        max_size=4,
    ),
    dropped=st.sets(st.sampled_from(sorted(GOOD_EVIDENCE)), max_size=4),
)
@pytest.mark.slow
def test_offline_letter_always_grounded(denial: str, statuses: dict[str, str], dropped: set[str]) -> None:
    evidence = {k: v for k, v in GOOD_EVIDENCE.items() if k not in dropped}
    report = make_report(GOOD_NOTE, statuses, evidence)
    result = draft_appeal(StubAssistant(OfflineDrafter(), report).deps(), denial=denial, note=GOOD_NOTE, claim=None)
    if result.recommendation == "appeal":
        assert result.letter is not None, result.grounding
        assert result.grounding.outcome == "grounded"
    else:
        assert result.letter is None and result.reasons
    if report.check("patient_absent").status == "problem":
        # the patient took part: never an appeal, and never a caregiver-training line on a correction
        assert result.recommendation in ("no_appeal", "corrected_claim")
        assert not [ln for ln in result.corrected_lines if ln.code in KB.training_codes]
    elif report.check("consent").status in ("missing", "problem"):
        assert result.recommendation == "no_appeal"
