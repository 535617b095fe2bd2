"""The recommendation, decided by code from the note check, the denial pattern and the claim (pure).

- no_appeal: a check fails whose role is blocking (each rule file says which statuses block the
  claim and whether its failures are claim errors; a pattern may add its own), the pattern's
  remedy is no_appeal (timely filing), or the note supports nothing billable for the denied service
  (a line billed with no support at all, when the payer's line denial stands as the correction);
- corrected_claim: the note supports something billable that differs from the claim (units, code,
  code family, modifiers, the missing primary line, KX, a diagnosis code not billable on the date
  the note codes fully), or the pattern's remedy is a correction; the result carries every
  corrected line (and diagnosis);
- appeal: the note supports the service as billed.

Which route carries the answer (redetermination, reopening, new claim …) is `route.choose_route`.
The parts: `decision` (the Decision and the claim's facts), `correction` and `appeal_reasons` (each
answer's reasons), `bundling` (a same-day edit), `late` (the filing limit and the amount in controversy).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.drafting.appeal_reasons import appeal_decision
from assistant.drafting.bundling import edit_answered, edit_remedy
from assistant.drafting.correction import correction
from assistant.drafting.decision import (
    FAILING,
    ClaimFacts,
    Decision,
    addon_threshold,
    check_reason,
    remedy_reason,
)
from assistant.drafting.lines import (
    beyond_support,
    billed_for_training,
    corrected_lines,
    is_checked,
    lines_text,
    only_adds,
    same_lines,
    unsupported_denied,
)
from assistant.drafting.models import Reason
from assistant.drafting.remedy import Remedy, pattern_remedy, says
from assistant.drafting.stay_ended import stay_ended
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import DenialPattern
from assistant.models import BilledLine, CheckResult, Report


def _role(kb: Knowledge, check: CheckResult, pattern: DenialPattern | None) -> str:
    """blocking | correctable | advisory, from the pattern's own lists first, then the check's rule file.

    A rule says which statuses the supported lines already settle (`settled_by_lines`: advisory even
    where a pattern lists the check as blocking), which block the claim whatever the payer
    (`blocks_claim_when`) and whether a failure is a claim error (`correctable`); any other failure at
    block severity for the profile still means the note does not support the service as billed.
    """
    rule = kb.rules.get(check.id)
    if rule is not None and check.status in rule.settled_by_lines:
        # the supported lines already apply it (the lower of two totals): a claim that differs is corrected
        return "advisory"
    if pattern is not None and check.id in pattern.blocking_checks:
        return "blocking"
    if pattern is not None and check.id in pattern.corrected_claim_when:
        return "correctable"
    if rule is not None and check.status in rule.blocks_claim_when:
        return "blocking"
    if rule is not None and rule.correctable:
        return "correctable"
    return "blocking" if check.severity == "block" else "advisory"


def quantity_only(kb: Knowledge, roles: dict[str, list[CheckResult]], pattern: DenialPattern | None,
                  billed: Sequence[BilledLine], denied: frozenset[str]) -> dict[str, list[CheckResult]]:
    """A denial of quantity (a pattern corrected by units) while the payer paid a caregiver-training line of the same
    session: the payer has accepted the session itself, so a finding that blocks only by its severity (neither the
    pattern's blocking list nor its rule's `blocks_claim_when`) weakens the record but does not stop the claim being
    corrected; it is named as advisory. Left as it is, the paid line would stay wrong (units, CQ/CO)."""
    paid = [ln for ln in billed if is_checked(kb, ln.code) and ln.code not in denied]
    if pattern is None or "units" not in pattern.corrected_claim_when or not denied or not paid:
        return roles

    def decided(check: CheckResult) -> bool:
        rule = kb.rules.get(check.id)
        return check.id in pattern.blocking_checks or (rule is not None and check.status in rule.blocks_claim_when)

    kept = [c for c in roles["blocking"] if decided(c)]
    eased = [c for c in roles["blocking"] if not decided(c)]
    return {**roles, "blocking": kept, "advisory": [*roles["advisory"], *eased]}


def classify(kb: Knowledge, report: Report, pattern: DenialPattern | None) -> dict[str, list[CheckResult]]:
    """Failing checks by their role in the decision."""
    roles: dict[str, list[CheckResult]] = {"blocking": [], "correctable": [], "advisory": []}
    for check in report.checks:
        if check.status in FAILING:
            roles[_role(kb, check, pattern)].append(check)
    return roles


def _advice(kb: Knowledge, check: CheckResult) -> str:
    rule = kb.rules.get(check.id)
    if rule is None or check.status not in ("missing", "problem"):
        return ""
    return rule.denial_advice.get(check.status, "")


def _claim_fix_needed(kb: Knowledge, remedy: Remedy, billed: Sequence[BilledLine], pattern: DenialPattern | None,
                      report: Report, facts: ClaimFacts) -> bool:
    """The pattern is answered by a correction, unless the modifiers it adds are already on the billed lines, or the
    checks its correction answers (`corrected_claim_when`: the therapy modifier …) all pass on the claim as billed and
    the payer processed it (a claim returned unprocessed is resubmitted whatever it holds). A correction that adds a
    modifier no check decides (KX past the therapy threshold) is needed until the billed lines carry it: a claim not
    given is not presumed to carry it, so the answer is the same with and without the claim."""
    if remedy.remedy != "corrected_claim":
        return False
    returned = facts.unprocessable or (pattern is not None and all(
        (rc := kb.reason_codes.get(c)) is not None and rc.unprocessable for c in pattern.carcs))
    adds = bool(remedy.therapy_modifiers)
    if pattern is not None and pattern.corrected_claim_when and not (remedy.from_payer or returned or adds):
        status = {c.id: c.status for c in report.checks}
        if all(status.get(cid) in ("met", "not_applicable") for cid in pattern.corrected_claim_when):
            return False
    wanted = set(remedy.modifiers)
    checked = [ln for ln in billed if is_checked(kb, ln.code)]
    return not wanted or not checked or not all(wanted <= set(ln.modifiers) for ln in checked)


def _over_billed(kb: Knowledge, supported: list[BilledLine], billed: Sequence[BilledLine], dead: list[str],
                 facts: ClaimFacts, advisory: list[CheckResult]) -> Decision | None:
    """Lines billed with no support at all, the rest already billed as the note supports.

    Where the payer's denial of those lines stands as the correction (Traditional Medicare adjudicates
    each line and pays the supported ones) there is nothing to appeal or correct; other payers take a
    replacement claim that drops them (knowledge/appeals/levels.yaml `line_denial_stands_for`).
    """
    if facts.denied & {line.code for line in supported}:
        return None  # a line the note supports was denied too: that line is argued, not left to stand
    only_dead_denied = bool(facts.denied) and facts.denied <= set(dead)
    if facts.payer_type not in kb.appeals.line_denial_stands_for and not only_dead_denied:
        return None
    text = (
        f"The note supports {lines_text(supported)}, already on the claim; it supports no unit of "
        f"{', '.join(dead)}, so the denied line has nothing to appeal or correct."
    )
    text += addon_threshold(kb, dead, facts.time_rule)
    reason = Reason(text=text, source_ids=list(kb.appeals.line_denial_sources))
    return Decision("no_appeal", [reason], advisory=advisory)


def _whole_claim_denied(pattern: DenialPattern | None, remedy: Remedy, facts: ClaimFacts) -> bool:
    """A denial on the merits of a claim whose lines carry no `denied` flag (a claim as `--claim-template` writes
    it) denied the whole claim: the supported lines were denied too, so they are argued, never presumed paid. A
    quantity denial (a pattern corrected by units) is the excess lines' own, flags or not."""
    return not facts.denied and pattern is not None and remedy.remedy == "appeal" \
        and "units" not in pattern.corrected_claim_when


def _present(check: CheckResult, pattern: DenialPattern | None, payer_text: str) -> bool:
    """The note says the patient was present, or it is silent and the payer states it read the record so
    (the pattern's `payer_finds_present`, not phrased as a question): nothing in the note contradicts the payer."""
    if check.status == "problem":
        return True
    if check.status != "missing" or pattern is None or not pattern.payer_finds_present:
        return False
    return says(payer_text, pattern.payer_finds_present) is not None \
        and says(payer_text, pattern.payer_finds_present_unless) is None


def _patient_present(kb: Knowledge, roles: dict[str, list[CheckResult]], billed: Sequence[BilledLine],
                     facts: ClaimFacts, note: str, pattern: DenialPattern | None = None) -> Decision | None:
    """The patient took part: the session is billable with a patient-present code, so the claim is corrected.

    Only when presence is the one blocking finding besides requirements of caregiver training itself (its need,
    the caregiver, consent: `training_only` in the rule files, which a patient-present code does not need), no
    patient-present line already bills that time (then the caregiver-training line has nothing left: the denial
    stands) and no appeal level has decided the claim yet. The patient-present codes are the ones the presence
    rule names (knowledge/rules/patient_absent.yaml).
    """
    present = [c for c in roles["blocking"] if c.id == "patient_absent" and _present(c, pattern, facts.payer_text)]
    others = [c for c in roles["blocking"] if c.id != "patient_absent"]
    if not present or not all((r := kb.rules.get(c.id)) is not None and r.training_only for c in others):
        return None
    rule = kb.rules.get("patient_absent")
    present_codes = [c for c in (rule.codes if rule else []) if not is_checked(kb, c)]
    if facts.appealed or not present_codes or any(ln.code in present_codes for ln in billed):
        return None
    took_part = "The patient took part in the session" if present[0].status == "problem" else (
        "The payer read the record as the patient present and the note never says the patient was absent")
    text = (
        f"{took_part}, so no caregiver-training code fits it. The corrected claim drops the "
        f"caregiver-training lines and bills the patient-present code the note supports ({', '.join(present_codes)}: "
        "the one for the discipline and what was done), with units by that code's own timed rule."
    )
    reasons = [check_reason(present[0], [], note), Reason(text=text, source_ids=list(rule.sources[:2]) if rule else [])]
    return Decision("corrected_claim", reasons, corrected_lines=[], advisory=roles["advisory"])


def decide(
    kb: Knowledge,
    report: Report,
    pattern: DenialPattern | None,
    billed: Sequence[BilledLine] = (),
    note: str = "",
    facts: ClaimFacts | None = None,
) -> Decision:
    """Recommendation, reasons and corrected lines from a `Report`, a pattern (or None) and the claim."""
    facts = facts or ClaimFacts()
    found = edit_answered(pattern, classify(kb, report, pattern))
    roles = quantity_only(kb, found, pattern, billed, facts.denied)
    decision = _decide(kb, report, pattern, billed, note, facts, roles)
    eased = [c for c in found["blocking"] if c not in roles["blocking"]]
    if decision.recommendation == "corrected_claim":  # the gap is said, not left silent
        decision.reasons += [
            Reason(check_id=c.id, text=f"{c.message} The payer paid this session and disputes only its quantity, so "
                   "the correction goes ahead; the gap weakens the record if the paid lines are reviewed.",
                   source_ids=list(c.sources[:2]))
            for c in eased
        ]
    return decision


def _argued(kb: Knowledge, fixed: Sequence[BilledLine], denied: frozenset[str]) -> list[BilledLine]:
    """The caregiver-training lines of the claim as the note supports them that were denied (all when unknown)."""
    return [ln for ln in fixed if is_checked(kb, ln.code) and (not denied or ln.code in denied)]


def _merits_lines(kb: Knowledge, billed: Sequence[BilledLine], fixed: list[BilledLine],
                  denied: frozenset[str]) -> str:
    """What a denial on the merits (medical necessity …) argues when the note supports other units than billed.

    Such a denial is appealed, never corrected: a reopening fixes clerical errors, it cannot overturn the
    determination and does not stop the appeal clock (facts §11). When the note supports more than was billed, the
    appeal argues the lines as billed and adding the rest is a separate correction; when it supports less, the appeal
    argues the denied lines' supported units and the units beyond the note are dropped, not appealed. "" when the
    note supports no unit of a denied line (then nothing is left to argue) or the lines differ otherwise.
    """
    if only_adds(fixed, billed):
        return (f"The note supports {lines_text(fixed)}, more than the claim billed ({lines_text(billed)}). The "
                "appeal argues the lines as billed; adding the rest is a separate correction (a reopening), "
                "which does not extend the appeal deadline.")
    dropped = beyond_support(fixed, billed)
    argued = _argued(kb, fixed, denied)
    if not dropped or not argued:
        return ""
    return (f"The claim billed {lines_text(billed)}; the note supports {lines_text(argued)} of the denied "
            f"caregiver-training lines. The appeal asks payment of {lines_text(argued)} only. It does not appeal "
            f"{lines_text(dropped)}: the documented minutes do not support that, so drop it and let its denial "
            "stand. A reopening would not answer this denial: it corrects clerical errors, cannot overturn a "
            "determination on the merits, and does not extend the appeal deadline.")


def _records_decide(kb: Knowledge, report: Report, pattern: DenialPattern | None, billed: Sequence[BilledLine],
                    fixed: list[BilledLine], note: str, facts: ClaimFacts, roles: dict[str, list[CheckResult]],
                    remedy: Remedy) -> Decision | None:
    """An appeal of what the payer's records hold (an authorization held but not matched, `records_decide`): what
    the claim's lines or codes get wrong is noted beside it, to correct once the plan has decided; None otherwise."""
    if pattern is None or not pattern.records_decide or remedy.remedy != "appeal" or facts.misdated:
        return None
    decision = appeal_decision(kb, report, pattern, note, remedy, roles["advisory"], facts.payer_text)
    besides = [check_reason(c, [], note) for c in roles["correctable"] if c.id != "units"]
    if billed and not same_lines(fixed, billed):
        besides.append(Reason(text=f"Billed: {lines_text(billed)}; the note supports {lines_text(fixed)}."))
    if facts.diagnoses is not None:
        besides.append(Reason(text=f"Diagnosis: {facts.diagnoses.why}", source_ids=facts.diagnoses.sources[:2]))
    if besides:
        decision.reasons.append(Reason(text=(
            "Besides the authorization, the claim differs from the note (below). The appeal answers the "
            "authorization the plan did not match; a corrected claim sent now would deny again for it. Correct "
            "these once the plan has decided.")))
        decision.reasons += besides
    return decision


def _decide(kb: Knowledge, report: Report, pattern: DenialPattern | None, billed: Sequence[BilledLine], note: str,
            facts: ClaimFacts, roles: dict[str, list[CheckResult]]) -> Decision:
    advisory = roles["advisory"]
    met_ids = {c.id for c in report.checks if c.status == "met"}
    said = stay_ended(pattern, note, facts.payer_text, facts.session_date) or \
        pattern_remedy(pattern, facts.payer_type, facts.payer_text, met_ids, facts.session_date)
    remedy = edit_remedy(kb, pattern, said, billed, met_ids, facts.payer_type, note)
    if (recoded := _patient_present(kb, roles, billed, facts, note, pattern)) is not None:
        return recoded
    if roles["blocking"]:
        reasons = [check_reason(c, [], note, _advice(kb, c)) for c in roles["blocking"]]
        # a denial that stands whatever the note says (timely filing, hospice) is said first
        first = [remedy_reason(remedy)] if remedy.remedy == "no_appeal" else []
        return Decision("no_appeal", [*first, *reasons], blockers=roles["blocking"], advisory=advisory)
    if remedy.remedy == "no_appeal":
        return Decision("no_appeal", [remedy_reason(remedy)])
    supported = list(report.billing.lines)
    if not supported:
        text = "The note supports no billable caregiver-training line for this date: nothing to correct or appeal."
        return Decision("no_appeal", [Reason(text=text)], advisory=advisory)
    fix_needed = _claim_fix_needed(kb, remedy, billed, pattern, report, facts)
    dead = unsupported_denied(kb, supported, billed)
    if dead and not fix_needed and not _whole_claim_denied(pattern, remedy, facts) \
            and (stands := _over_billed(kb, supported, billed, dead, facts, advisory)):
        return stands
    replaced = billed_for_training(kb, report, billed, facts.denied)
    fixed = corrected_lines(
        kb, supported, billed, remedy.therapy_modifiers, [ln.code for ln in replaced], remedy.line_modifiers,
        facts.denied,
    )
    differs = bool(billed) and not same_lines(fixed, billed)
    if (held := _records_decide(kb, report, pattern, billed, fixed, note, facts, roles, remedy)) is not None:
        return held
    # a denial on the merits: the pattern is answered by an appeal and does not say units are its correction
    merits = pattern is not None and remedy.remedy == "appeal" and "units" not in pattern.corrected_claim_when \
        and any(is_checked(kb, ln.code) for ln in billed)
    other_fixes = [c for c in roles["correctable"] if c.id != "units"]  # under-billing shows as units
    # once an appeal level has decided the claim it is argued at the next level for what the note supports, no
    # longer corrected: a reopening fixes an initial determination's clerical errors, not an appeal's decision
    decided = facts.appealed and not replaced
    # minutes the claim billed as training while the patient took part, in a clock range of its own: that part goes
    # on a patient-present code, a correction of the coding rather than units dropped from an appeal
    present_part = bool(report.time.patient_present)
    if (decided or (merits and not (other_fixes or fix_needed or replaced or present_part))) and differs \
            and facts.diagnoses is None \
            and (text := _merits_lines(kb, billed, fixed, facts.denied)):
        decision = appeal_decision(kb, report, pattern, note, remedy, advisory, facts.payer_text)
        decision.reasons.append(Reason(text=text, source_ids=["cms-mln006562", "cms-mcpm-ch34-10-6"]))
        if not only_adds(fixed, billed):
            decision.dropped_lines = beyond_support(fixed, billed)
            decision.appealed_lines = _argued(kb, fixed, facts.denied)
        return decision
    if differs or roles["correctable"] or fix_needed or facts.diagnoses is not None or facts.misdated:
        return correction(kb, roles, pattern, billed, fixed, facts, note, remedy, replaced, report)
    return appeal_decision(kb, report, pattern, note, remedy, advisory, facts.payer_text)


