"""A same-day bundling denial (CO-97 / CO-236) shows the payer applies an edit to the pair (pure).

    edit_remedy(kb, pattern, remedy, billed, met) -> Remedy
    edit_answered(pattern, roles) -> roles

The pattern names the distinct-service modifier its edit answers (`edit_modifier`: XE, a separate
encounter; domain facts §5.2: never 59 by reflex). When the note documents the caregiver training in its
own time without the patient (`blocking_checks` met):

- the caregiver-training lines carry no distinct-service modifier: for Traditional Medicare (a MAC applies
  NCCI edits) and a note that itself records a separate encounter, the claim is corrected with it;
  otherwise (another payer's own edit, a note silent on it) the record is argued;
- they already carry one: no modifier change can fix it, so the denial is appealed on the record.

Either way the modifier answers the payer's own edit, so the note check's "distinct modifier by reflex"
finding (no published NCCI edit pairs these codes) is not a fault of this claim.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from assistant.drafting.gate import mask_injections
from assistant.drafting.lines import is_checked
from assistant.drafting.remedy import Remedy, says
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import DenialPattern
from assistant.models import BilledLine, CheckResult

REFLEX = "distinct_by_reflex"  # the therapy_modifier finding knowledge/rules/therapy_modifier.yaml names


def edit_remedy(kb: Knowledge, pattern: DenialPattern | None, remedy: Remedy, billed: Sequence[BilledLine],
                met: Collection[str], payer_type: str = "medicare", note: str = "") -> Remedy:
    """The answer to a bundling denial by the modifiers the caregiver-training lines carry; `remedy` unchanged when
    the pattern names no edit modifier, the payer's words already decided (`from_payer`) or the note does not show
    a separate session. Lines without one are corrected only for a payer whose edits are published
    (`edit_payer_types`: a MAC's NCCI edit) and when the note itself records a separate encounter
    (`edit_note_words`, planted instructions masked); otherwise the record is argued."""
    if pattern is None or not pattern.edit_modifier or remedy.from_payer or remedy.remedy == "no_appeal":
        return remedy
    if not set(pattern.blocking_checks) <= set(met):
        return remedy
    lines = [ln for ln in billed if is_checked(kb, ln.code)]
    distinct = set(kb.modifiers_of("distinct"))
    mod = pattern.edit_modifier
    if lines and all(distinct & set(ln.modifiers) for ln in lines):
        reason = ("The caregiver-training line already carries a distinct-service modifier and the payer bundled it "
                  "all the same: no modifier change can fix it, so the denial is appealed on the record, which "
                  "shows a separate session without the patient in its own time.")
        kept = tuple(dict.fromkeys(m for ln in lines for m in ln.modifiers if m in distinct))
        return Remedy("appeal", pattern.title, reason, line_modifiers=kept, sources=tuple(pattern.sources))
    if payer_type not in pattern.edit_payer_types or says(mask_injections(note), pattern.edit_note_words) is None:
        return remedy
    reason = (f"The denial shows the payer applies a same-day edit to the pair, and the note documents caregiver "
              f"training without the patient in its own, separate time: the corrected claim adds {mod} (separate "
              f"encounter) to the caregiver-training lines; 59 is not added by reflex, and never with an X modifier.")
    return Remedy("corrected_claim", pattern.title, reason, line_modifiers=(mod,), sources=tuple(pattern.sources),
                  from_payer=True)


def edit_answered(pattern: DenialPattern | None, roles: dict[str, list[CheckResult]]) -> dict[str, list[CheckResult]]:
    """The roles without a modifier finding that only says a distinct-service modifier is there by reflex: under a
    bundling denial the payer's own edit is what the modifier answers."""
    if pattern is None or not pattern.edit_modifier:
        return roles

    def reflex_only(check: CheckResult) -> bool:
        return bool(check.findings) and set(check.findings) <= {REFLEX}

    return {role: [c for c in checks if not reflex_only(c)] for role, checks in roles.items()}
