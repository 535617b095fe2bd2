"""A patient who joins for a part of their own (a clock range or a time-stamped entry): only the minutes without
the patient are caregiver training, and the correction says which part it kept apart and where it may go."""

from __future__ import annotations

from assistant import check_note
from assistant.drafting.decision import ClaimFacts
from assistant.drafting.recommend import decide
from assistant.knowledge.loader import cached_knowledge
from assistant.models import BilledLine

KB = cached_knowledge()

STAMPED = """PT caregiver training 09/14/2026, Hallvard Moe PT
Caregiver: son Ragnar (lives with pt, unpaid). Consent: pt signed 09/01/2026 for son's training.
POC goal: safe car and bed transfers with son's standby help.
3:10 pm: met with son alone, pt in the car with his wife. Taught car transfer with the seat back, walker placement,
knee precautions; Ragnar practised on a chair set-up with me as the pt, one cue on walker distance, then correct.
3:41 pm: pt came in and joined. 3:41-3:56 son guarded pt for car-transfer reps with my hands-on cues.
3:56 done. Total 46 min.
"""

CONTINUOUS = """PT caregiver training 09/14/2026, Hallvard Moe PT
Caregiver: son Ragnar (unpaid). Consent: pt signed 09/01/2026 for son's training.
POC goal: safe car and bed transfers with son's standby help.
Caregiver training 3:10-3:56 pm. Taught car transfer and walker placement; Ragnar return-demonstrated, one cue.
Pt came in at 3:41 and joined for the last 15 minutes; son guarded him for car-transfer reps.
"""

BILLED = [BilledLine(code="97550", units=1, modifiers=["GP"]), BilledLine(code="97551", units=2, modifiers=["GP"])]


def _decide(note: str):
    report = check_note(note, billed=BILLED)
    facts = ClaimFacts(payer_type="commercial", denied=frozenset({"97550", "97551"}))
    return report, decide(KB, report, KB.denial_patterns["units_not_supported"], BILLED, note, facts)


def test_stamped_entries_keep_the_patient_part_apart() -> None:
    report, decision = _decide(STAMPED)
    status = {c.id: c.status for c in report.checks}
    assert status["patient_absent"] == "met"
    assert status["total_time"] == "met"  # the stated 46 min is the whole visit
    assert report.time.total_minutes == 31
    assert [(p.start, p.end, p.minutes) for p in report.time.patient_present] == [("15:41", "15:56", 15)]
    assert "kept apart" in report.time.basis
    assert decision.recommendation == "corrected_claim"
    assert [(ln.code, ln.units) for ln in decision.corrected_lines] == [("97550", 1)]
    said = " ".join(r.text for r in decision.reasons)
    assert "31 min" in said and "97530" in said


def test_a_patient_joining_inside_one_range_is_still_presence() -> None:
    report, decision = _decide(CONTINUOUS)
    assert {c.id: c.status for c in report.checks}["patient_absent"] == "problem"
    assert report.billing.lines == []
    assert report.time.patient_present == []
    assert decision.corrected_lines == []



def test_a_merits_denial_of_a_session_the_patient_joined_is_a_coding_correction() -> None:
    """Denied on the merits (the payer read the patient as present), the minutes billed beyond the training are the
    patient's own part: the claim is recoded (the part to a patient-present code), not appealed for fewer units."""
    report = check_note(STAMPED, billed=BILLED)
    facts = ClaimFacts(payer_type="medicare", denied=frozenset({"97550", "97551"}))
    decision = decide(KB, report, KB.denial_patterns["wrong_code_patient_present"], BILLED, STAMPED, facts)
    assert decision.recommendation == "corrected_claim"
    assert [(ln.code, ln.units) for ln in decision.corrected_lines] == [("97550", 1)]
    assert "97530" in " ".join(r.text for r in decision.reasons)
    after = decide(KB, report, KB.denial_patterns["wrong_code_patient_present"], BILLED, STAMPED,
                   ClaimFacts(payer_type="medicare", denied=frozenset({"97550", "97551"}), appealed=True))
    assert after.recommendation == "appeal"  # a decided claim is argued at the next level, not recoded
