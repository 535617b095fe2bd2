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
