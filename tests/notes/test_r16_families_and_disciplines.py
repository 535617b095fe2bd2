"""Round 16 (hostile16 #4, #5): each code family and each discipline keeps its own minutes, lines and modifier.

spec/checks.md: "When functional (97550 family) and direct-care (G0541 family) training are both documented with
their own minutes, each family is timed on its own minutes, never pooled" - behaviour management (G0539 family) too.
"""

from __future__ import annotations

from typing import Any

import assistant

GCODES_BESIDE_97550 = """Date of Service: 11/19/2026
Caregiver: wife, Delphine Korrigan. Patient not present for caregiver training (at adult day program).
Consent documented 11/12/2026.
Behavior management training (G0539): taught wife de-escalation and antecedent management for agitation related to \
dementia; wife teach-back correct. 10:00-10:35 (35 min).
Separately, functional training 97550: taught wife bed mobility and log roll with draw sheet; return demo x2. \
11:00-11:31 (31 min).
Need: POC goal 4 caregiver to manage behaviors and bed mobility. Skill: progressive dementia with fall risk.
Billed: G0539 x1 GP, 97550 x1 GP
Therapist: Quentin Harrow, PT, DPT
"""


def _lines(report: Any) -> list[str]:
    return sorted(f"{ln.code}x{ln.units}:{','.join(ln.modifiers)}" for ln in report.billing.lines)


def test_behaviour_management_beside_functional_training_keeps_each_familys_minutes() -> None:
    # hostile16 #5: the bed-mobility minutes became behaviour-management add-on units (G0539x1 + G0540x2)
    report = assistant.check_note(GCODES_BESIDE_97550)
    assert _lines(report) == ["97550x1:GP", "G0539x1:GP"]
    units = next(c for c in report.checks if c.id == "units")
    assert units.status == "met", units.message


TWO_DISCIPLINES = """Date of Service: 11/23/2026
Patient not present for either caregiver session (at dialysis 08:00-15:00). Consent for caregiver training signed by \
patient 11/16/2026.
Caregiver: son Dorian Pell (unpaid).
PT SESSION (Quentin Harrow, PT, DPT) 09:00-09:30 (30 min): Goal PT POC #1 son independent with wheelchair to car \
transfer. Taught slide board car transfer; son return-demonstrated x2. Skilled: above-knee amputation, fall risk.
OT SESSION (Maris Delacroix, OTR/L) 13:00-13:40 (40 min): Goal OT POC #2 son to assist lower-body dressing with \
adaptive equipment. Taught reacher and sock aid use; son return-demonstrated. Skilled: limited hip flexion precautions.
Billed: 97550 x1 GP; 97550 x1 GO, 97551 x1 GO
"""

CO_TREATED = """Date of service: 2026-11-17
Co-treatment caregiver training, PT and OT together, patient not present (patient at dialysis).
Caregiver: husband Ansel Pryce. Consent on file, signed by patient 11/07/2026.
Goal: husband to manage bathroom transfers and tub bench safely (POC goal 2).
PT (Quentin Harrow, PT) and OT (Maris Delacroix, OTR/L) co-treated 14:00-14:40. PT taught stand-pivot to commode; OT \
taught tub transfer bench and long-handled sponge use. Husband return-demonstrated both with supervision.
Skill: patient's Parkinson's freezing episodes require therapist to adapt cueing strategies.
Total caregiver training time 40 minutes (shared, co-treatment).
Billed: PT 97550 x1 GP; OT 97550 x1 GO
"""


def _status(report: Any, check_id: str) -> str:
    return next(c.status for c in report.checks if c.id == check_id)


def test_each_discipline_session_keeps_its_own_lines_and_modifier() -> None:
    # hostile16 #4a: 70 minutes became 97550x1 + 97551x3 all GP, and the OT's GO lines were called wrong
    # each discipline's minutes and modifier are its own, but 97550 is once per patient per date (facts §3,
    # [inferred]): the day's 70 minutes decide the lines, and the OT's GO is not called wrong
    report = assistant.check_note(TWO_DISCIPLINES)
    units = next(c for c in report.checks if c.id == "units")
    assert units.status == "problem"
    assert "PT: 97550×1 GP billed, 30 minutes support 97550×1" in units.message
    assert "at most once per patient per date" in units.message and "97550×1 + 97551×3" in units.message
    assert _status(report, "therapy_modifier") == "met"
    assert [ln.code for ln in report.billing.lines].count("97550") == 1


def test_a_line_billed_again_under_another_discipline_is_not_dropped() -> None:
    # hostile16 #4a: reading "97550 x1 GP; 97550 x1 GO, 97551 x1 GO" from the note lost one 97550 line
    report = assistant.check_note(TWO_DISCIPLINES.replace("97551 x1 GO", "97551 x2 GO"))
    units = next(c for c in report.checks if c.id == "units")
    assert units.status == "problem"
    assert "PT: 97550×1 GP billed" in units.message and "OT: 97550×1 + 97551×2 GO billed" in units.message


def test_the_same_code_written_twice_under_one_discipline_is_one_line() -> None:
    note = TWO_DISCIPLINES.replace("Billed: 97550 x1 GP; 97550 x1 GO, 97551 x1 GO", "Billed: 97550 GP\nCodes: 97550 x1")
    report = assistant.check_note(note)  # one discipline billed: one line, the minutes pooled as before
    units = next(c for c in report.checks if c.id == "units")
    assert "97550×1 billed; 70 minutes support 97550×1 + 97551×3" in units.message, units.message


def test_both_co_treating_disciplines_billing_is_told_to_split_the_minutes() -> None:
    # hostile16 #4b: nothing warned that co-treated minutes are split, not billed in full by both
    report = assistant.check_note(CO_TREATED)
    units = next(c for c in report.checks if c.id == "units")
    assert units.status == "problem"  # 97550 twice for 40 co-treated minutes, which support 97550x1 + 97551x1
    assert "split between the disciplines" in units.message and "never billed in full by both" in units.message
    assert _status(report, "therapy_modifier") == "met"
    assert not report.summary.ready_to_bill


def test_a_co_treatment_one_discipline_bills_is_unchanged() -> None:
    report = assistant.check_note(CO_TREATED.replace("Billed: PT 97550 x1 GP; OT 97550 x1 GO",
                                                     "Billed: 97550 x1 GP, 97551 x1 GP (PT bills)"))
    assert _lines(report) == ["97550x1:GP", "97551x1:GP"]
    assert _status(report, "units") == "met"
