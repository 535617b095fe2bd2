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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from assistant.billing import rule_terms
from assistant.drafting.bundling import edit_answered, edit_remedy
from assistant.drafting.deadlines import Deadline
from assistant.drafting.diagnoses import DiagnosisFix
from assistant.drafting.evidence import relevant_quotes
from assistant.drafting.gate import injection_spans, sentence_quote
from assistant.drafting.lines import (
    beyond_support,
    billed_for_training,
    corrected_lines,
    is_checked,
    lines_text,
    only_adds,
    per_session,
    same_lines,
    unsupported_denied,
)
from assistant.drafting.models import Reason, Recommendation
from assistant.drafting.remedy import Remedy, pattern_remedy, payer_points, says
from assistant.drafting.sentences import sentence_spans
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import DenialPattern, PayerPoint
from assistant.models import BilledLine, CheckResult, Report

FAILING = frozenset({"missing", "problem"})


@dataclass
class Decision:
    recommendation: Recommendation
    reasons: list[Reason] = field(default_factory=list)
    corrected_lines: list[BilledLine] = field(default_factory=list)
    #: Failed checks that make the service unsupported (no_appeal) — for the late-entry guidance.
    blockers: list[CheckResult] = field(default_factory=list)
    #: Failed checks that weaken but do not decide (return demonstration missing …).
    advisory: list[CheckResult] = field(default_factory=list)
    #: For a corrected claim whose diagnosis codes change: every code as it should be billed.
    corrected_diagnoses: list[str] = field(default_factory=list)
    #: For an appeal of fewer units than billed: the lines it asks payment of, and the billed units it drops.
    appealed_lines: list[BilledLine] = field(default_factory=list)
    dropped_lines: list[BilledLine] = field(default_factory=list)


def quotes_for(check: CheckResult, note: str) -> list[str]:
    """What the note says for the check: the clauses that support a met check, the ones that show a failure."""
    if not note:
        return [e.quote for e in check.evidence if e.quote.strip()][:3]
    if check.status == "met":
        return relevant_quotes(check, note)
    out = [sentence_quote(note, e.start, e.end) for e in check.evidence if 0 <= e.start < e.end <= len(note)]
    return list(dict.fromkeys(q for q in out if q))[:3]


def _reason(check: CheckResult, sources: Sequence[str], note: str, advice: str = "") -> Reason:
    return Reason(
        check_id=check.id,
        text=f"{check.message} {advice}".strip(),
        quotes=quotes_for(check, note),
        source_ids=list(dict.fromkeys([*check.sources, *sources]))[:4],
    )


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


def _remedy_reason(remedy: Remedy) -> Reason:
    """The pattern's answer, and the file's own sentence that opened it when its words did (quoted as written)."""
    mark = "'" if '"' in remedy.quoted else '"'
    said = f" The file reads: {mark}{remedy.quoted}{mark}" if remedy.quoted else ""
    return Reason(text=f"{remedy.title}: {remedy.reason}{said}", source_ids=list(remedy.sources[:3]))


@dataclass(frozen=True)
class ClaimFacts:
    """What the decision needs from the claim beyond the lines: the payer type and a diagnosis fix."""

    payer_type: str = "medicare"
    diagnoses: DiagnosisFix | None = None
    #: Codes of the lines the denial is about (the claim's `denied` flags); empty when the claim does not say.
    denied: frozenset[str] = frozenset()
    #: The payer's own words (planted instructions masked): searched for statements, never obeyed.
    payer_text: str = ""
    #: The time rule the note was checked by ("full_time" when the payer's policy says so).
    time_rule: str = "midpoint"
    #: An appeal level has already decided the claim (a redetermination or later).
    appealed: bool = False
    #: The payer returned the claim unprocessed (CARC 16, MA130 …): it is resubmitted whatever the claim holds.
    unprocessable: bool = False
    #: Claim lines dated otherwise than the session the note documents (code, the line's date), and that date.
    misdated: tuple[tuple[str, date], ...] = ()
    session_date: date | None = None


def _addon_threshold(kb: Knowledge, dead: Sequence[str], time_rule: str) -> str:
    """The minutes the first unit of a denied add-on needs under the time rule the note was checked by."""
    timed = [kb.codes[c] for c in dead if c in kb.codes and kb.codes[c].kind in ("primary", "addon")]
    if not timed or (time_rule != "full_time" and all(c.kind == "primary" for c in timed)):
        return ""
    primary, code, _ = kb.family_codes(timed[0].family)
    terms = rule_terms(time_rule, (primary, code))
    full = "a full " if time_rule == "full_time" else ""
    return (
        f" Under the {terms['rule_name']} {primary} needs {full}{terms['minimum']} minutes and the first {code} "
        f"unit {full}{terms['addon_from']} minutes in total."
    )


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
    text += _addon_threshold(kb, dead, facts.time_rule)
    reason = Reason(text=text, source_ids=list(kb.appeals.line_denial_sources))
    return Decision("no_appeal", [reason], advisory=advisory)


def _present_part(kb: Knowledge, report: Report) -> Reason | None:
    """The part with the patient present, in its own clock range, is not caregiver training: the correction says
    which minutes it kept apart and the patient-present codes that part may go on (knowledge/rules/patient_absent)."""
    parts = report.time.patient_present
    if not parts:
        return None
    rule = kb.rules.get("patient_absent")
    codes = [c for c in (rule.codes if rule else []) if not is_checked(kb, c)]
    when = " and ".join(f"{p.start}-{p.end} ({p.minutes} min)" for p in parts)
    text = (
        f"Caregiver training without the patient: {report.time.total_minutes} min ({report.time.basis}). The patient "
        f"was present {when}: that part is not caregiver training; it may be billed with a patient-present code "
        f"({', '.join(codes)}: the one for the discipline and what was done) by that code's own timed rule."
    )
    return Reason(text=text, source_ids=list(rule.sources[:2]) if rule else [])


SENTENCE_CHARS = 200  # longer is a paste's run of lines, not a sentence


def payer_sentence(payer_text: str, words: Sequence[str]) -> str:
    """The payer's own sentence that holds the first of `words` found (in their order of preference), verbatim; a long
    "sentence" that is several pasted lines (segments, a header) starts at the line that holds the phrase."""
    word = says(payer_text, words)
    if word is None:
        return ""
    for a, b in sentence_spans(payer_text):
        said = payer_text[a:b]
        if says(said, [word]) is None:
            continue
        if len(said) > SENTENCE_CHARS:
            lines = said.splitlines()
            first = next((i for i, ln in enumerate(lines) if says(ln, [word])), 0)
            said = "\n".join(lines[first:])
            said = said if len(said) <= SENTENCE_CHARS else lines[first]
        return " ".join(said.split()).strip(" '\"")
    return ""


def _payer_rule_sentence(kb: Knowledge, payer_text: str) -> str:
    """The payer's own sentence that states its full-time rule (knowledge/appeals `time_rule_hints`), verbatim."""
    return payer_sentence(payer_text, [w for hint in kb.appeals.time_rule_hints for w in hint.words])


def _responsible_payer(pattern: DenialPattern | None, payer_text: str) -> list[Reason]:
    """Who covers the service, in the payer's own words (a plan named, a primary payer), so the biller knows whom the
    new claim goes to (the pattern's `responsible_payer_words`)."""
    said = payer_sentence(payer_text, pattern.responsible_payer_words) if pattern is not None else ""
    mark = "'" if '"' in said else '"'
    return [Reason(text=f"Who covers the service, in the payer's words: {mark}{said}{mark}")] if said else []


def _claim_rule_reasons(kb: Knowledge, billed: Sequence[BilledLine], facts: ClaimFacts) -> list[Reason]:
    """Why lines other than the note's minutes change: a denied untimed code billed with several units (one per
    session), and a payer's written full-time rule the units were counted by."""
    out = []
    for line in per_session(kb, billed, facts.denied):
        text = (f"{line.code} is an untimed code, billed once per session whatever its minutes: the corrected claim "
                f"bills it as 1 unit, not {line.units}.")
        out.append(Reason(text=text, source_ids=list(kb.codes[line.code].sources[:2])))
    if facts.time_rule == "full_time" and (said := _payer_rule_sentence(kb, facts.payer_text)):
        hint = next((h for h in kb.appeals.time_rule_hints if h.profile == "strict"), None)
        text = (f'The payer\'s written time rule counts only full units ("{said}"): this plan does not apply the CPT '
                "mid-point rule, so the minutes are counted in full units of the time each code states.")
        out.append(Reason(text=text, source_ids=list(hint.sources[:2]) if hint else []))
    return out


def _misdated_reasons(facts: ClaimFacts) -> list[Reason]:
    """A line dated otherwise than the session is a clerical date error: an add-on dated a day apart from its primary
    stands alone on that day. The corrected claim bills every line on the session's date."""
    if not facts.misdated or facts.session_date is None:
        return []
    on = facts.session_date.isoformat()
    said = "; ".join(f"{code} is dated {when.isoformat()}" for code, when in facts.misdated)
    return [Reason(text=f"On the claim {said}, but the note documents the session on {on}: the corrected claim bills "
                        f"every line of the session on {on}.")]


def _correction(kb: Knowledge, roles: dict[str, list[CheckResult]], pattern: DenialPattern | None,
                billed: Sequence[BilledLine], fixed: list[BilledLine], facts: ClaimFacts, note: str,
                remedy: Remedy, replaced: Sequence[BilledLine] = (), report: Report | None = None) -> Decision:
    sources = list(pattern.sources) if pattern else []
    reasons = [
        _reason(c, sources if pattern and c.id in pattern.corrected_claim_when else [], note)
        for c in roles["correctable"]
    ]
    if replaced:
        cts = [ln for ln in fixed if is_checked(kb, ln.code)]
        text = (
            f"{lines_text(replaced)} bills a service with the patient, but the note documents caregiver training "
            f"without the patient present: the corrected claim drops it and bills {lines_text(cts)} instead."
        )
        reasons.append(Reason(text=text))
    if remedy.remedy == "corrected_claim":
        reasons += [_remedy_reason(remedy), *_responsible_payer(pattern, facts.payer_text)]
    reasons += _claim_rule_reasons(kb, billed, facts)
    if report is not None and (kept := _present_part(kb, report)) is not None:
        reasons.append(kept)
    if billed and not same_lines(fixed, billed):
        minutes = report.time.total_minutes if report is not None else None
        timed = any(kb.codes[ln.code].timed for ln in fixed if is_checked(kb, ln.code) and ln.code in kb.codes)
        basis = f" ({minutes} minutes of caregiver training documented)" if minutes and timed else ""
        reasons.append(Reason(text=f"Billed: {lines_text(billed)}. Corrected: {lines_text(fixed)}{basis}."))
    reasons += _misdated_reasons(facts)
    dx = facts.diagnoses
    if dx is not None:
        text = f"Diagnosis: {dx.why} Billed: {', '.join(dx.billed)}. Corrected: {', '.join(dx.corrected)}."
        reasons.append(Reason(text=text, source_ids=dx.sources[:2]))
    return Decision(
        "corrected_claim", reasons, corrected_lines=fixed, advisory=roles["advisory"],
        corrected_diagnoses=dx.corrected if dx else [],
    )


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
    reasons = [_reason(present[0], [], note), Reason(text=text, source_ids=list(rule.sources[:2]) if rule else [])]
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


def _decide(kb: Knowledge, report: Report, pattern: DenialPattern | None, billed: Sequence[BilledLine], note: str,
            facts: ClaimFacts, roles: dict[str, list[CheckResult]]) -> Decision:
    advisory = roles["advisory"]
    met_ids = {c.id for c in report.checks if c.status == "met"}
    remedy = edit_remedy(kb, pattern, pattern_remedy(pattern, facts.payer_type, facts.payer_text, met_ids), billed,
                         met_ids, facts.payer_type)
    if (recoded := _patient_present(kb, roles, billed, facts, note, pattern)) is not None:
        return recoded
    if roles["blocking"]:
        reasons = [_reason(c, [], note, _advice(kb, c)) for c in roles["blocking"]]
        # a denial that stands whatever the note says (timely filing, hospice) is said first
        first = [_remedy_reason(remedy)] if remedy.remedy == "no_appeal" else []
        return Decision("no_appeal", [*first, *reasons], blockers=roles["blocking"], advisory=advisory)
    if remedy.remedy == "no_appeal":
        return Decision("no_appeal", [_remedy_reason(remedy)])
    supported = list(report.billing.lines)
    if not supported:
        text = "The note supports no billable caregiver-training line for this date: nothing to correct or appeal."
        return Decision("no_appeal", [Reason(text=text)], advisory=advisory)
    fix_needed = _claim_fix_needed(kb, remedy, billed, pattern, report, facts)
    dead = unsupported_denied(kb, supported, billed)
    if dead and not fix_needed and (stands := _over_billed(kb, supported, billed, dead, facts, advisory)):
        return stands
    replaced = billed_for_training(kb, report, billed, facts.denied)
    fixed = corrected_lines(
        kb, supported, billed, remedy.therapy_modifiers, [ln.code for ln in replaced], remedy.line_modifiers,
        facts.denied,
    )
    differs = bool(billed) and not same_lines(fixed, billed)
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
        decision = _appeal(kb, report, pattern, note, remedy, advisory, facts.payer_text)
        decision.reasons.append(Reason(text=text, source_ids=["cms-mln006562", "cms-mcpm-ch34-10-6"]))
        if not only_adds(fixed, billed):
            decision.dropped_lines = beyond_support(fixed, billed)
            decision.appealed_lines = _argued(kb, fixed, facts.denied)
        return decision
    if differs or roles["correctable"] or fix_needed or facts.diagnoses is not None or facts.misdated:
        return _correction(kb, roles, pattern, billed, fixed, facts, note, remedy, replaced, report)
    return _appeal(kb, report, pattern, note, remedy, advisory, facts.payer_text)


def _telehealth_reasons(kb: Knowledge, report: Report, note: str) -> list[Reason]:
    """A telehealth session's appeal shows it was allowed on its date, and a waiver lapse restored retroactively."""
    check = next((c for c in report.checks if c.id == "telehealth" and c.status == "met"), None)
    if check is None:
        return []
    reasons = [_reason(check, [], note)]
    on = report.meta.dos
    therapy = kb.modifiers_of("therapy")
    by_therapist = any(m in therapy for ln in report.billing.lines for m in ln.modifiers)
    for waiver in kb.fees.therapist_waivers:
        if by_therapist and on is not None and waiver.in_force(on) and waiver.effective_from and waiver.effective_to:
            text = (
                f"Therapists may furnish Medicare telehealth under the statutory waiver from "
                f"{waiver.effective_from.isoformat()} through {waiver.effective_to.isoformat()}; the date of service "
                f"{on.isoformat()} is inside that window."
            )
            reasons.append(Reason(check_id="telehealth", text=text, source_ids=list(waiver.sources[:3])))
        if (lapse := waiver.lapse_on(on)) is not None and on is not None:
            text = (
                f"The therapist telehealth waiver had lapsed on {on.strftime('%m/%d/%Y')}, but it was "
                f"{lapse.restored}: the date of service is inside the waiver window."
            )
            reasons.append(Reason(check_id="telehealth", text=text, source_ids=list(waiver.sources[:3])))
    return reasons


# Words every caregiver-training denial and argument share: they tell no point from another.
_COMMON = frozenset({
    "about", "after", "also", "been", "being", "billed", "care", "claim", "caregiver", "caregivers", "code", "codes",
    "does", "documented", "from", "have", "into", "more", "note", "only", "other", "patient", "patients", "payer",
    "plan", "service", "services", "session", "should", "that", "their", "there", "this", "training", "under", "were",
    "what", "when", "which", "with", "without",
})


def _content_words(text: str) -> set[str]:
    """Stems of the telling words: the first five letters, so "limited" meets "limit" and "frequency" "frequent"."""
    return {w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in _COMMON}


def answer_point(pattern: DenialPattern, payer_text: str) -> str:
    """The argument point that answers what the payer wrote: the one sharing most words with it, else the first."""
    said = _content_words(payer_text)
    scored = [(len(said & _content_words(point)), -i, point) for i, point in enumerate(pattern.argument)]
    best = max(scored)
    return best[2] if best[0] > 0 else pattern.argument[0]


def point_quotes(point: PayerPoint, note: str, limit: int = 2) -> list[str]:
    """The note's sentences that bear the payer point's answer out (the new caregiver, why video was not used)."""
    if not point.note_words:
        return []
    planted = injection_spans(note)
    out: list[str] = []
    for a, b in sentence_spans(note):
        if len(out) >= limit:
            break
        if any(x < b and a < y for x, y in planted) or says(note[a:b], point.note_words) is None:
            continue
        if (quote := sentence_quote(note, a, b)) and quote not in out:
            out.append(quote)
    return out


def _point_reasons(kb: Knowledge, report: Report, note: str, payer_text: str) -> list[Reason]:
    """Each reason the payer states in words, answered in its own terms, with the note's sentences that bear on it."""
    met = {c.id for c in report.checks if c.status == "met"}
    return [
        Reason(text=f"Answer to the denial: {' '.join(point.answer.split())}", quotes=point_quotes(point, note),
               source_ids=list(point.sources))
        for point in payer_points(kb, payer_text, met)
    ]


def _appeal(kb: Knowledge, report: Report, pattern: DenialPattern | None, note: str, remedy: Remedy,
            advisory: list[CheckResult], payer_text: str = "") -> Decision:
    """The note supports the service as billed: the answer to the payer's point, then the evidence checks."""
    evidence = list(pattern.evidence_checks) if pattern else ["patient_absent", "consent", "caregiver", "need_and_goal"]
    met = {c.id: c for c in report.checks if c.status == "met"}
    sources = list(pattern.sources) if pattern else []
    reasons = [_reason(met[c], sources[:2], note) for c in evidence if c in met and c != "telehealth"]
    reasons += _telehealth_reasons(kb, report, note)
    if report.billing.lines:  # what the documentation supports, in codes and units
        minutes = report.time.total_minutes
        kinds = {kb.codes[ln.code].kind for ln in report.billing.lines if ln.code in kb.codes}
        timed = f" ({minutes} minutes of caregiver training)" if minutes and kinds & {"primary", "addon"} else ""
        # an add-on unit is argued with the minutes its first unit needs under the rule the note was checked by
        addons = [ln.code for ln in report.billing.lines if ln.code in kb.codes and kb.codes[ln.code].kind == "addon"]
        bands = _addon_threshold(kb, addons, report.billing.rule) if minutes else ""
        reasons.append(Reason(text=f"The note supports {lines_text(report.billing.lines)}{timed}.{bands}"))
    # the pattern's answer states what the note shows: only when no element it rests on fails, and only from a
    # pattern answered by an appeal (one answered by a correction argues for resubmitting, not for this appeal)
    failing = {c.id for c in report.checks if c.status in (*FAILING, "unclear")}
    if pattern is not None and pattern.remedy == "appeal" and not failing & set(pattern.evidence_checks):
        answer = f"Answer to the denial: {answer_point(pattern, payer_text)}"
        # the fact the denial turns on, in the note's own words (where the patient was, the goal the need serves)
        first = next((met[c] for c in pattern.evidence_checks if c in met), None)
        if first is not None and (said := quotes_for(first, note)[:1]):
            mark = "'" if '"' in said[0] else '"'  # a quote that holds double quotes is set in single ones
            answer += f" The note reads: {mark}{said[0].rstrip('.')}{mark}."
        reasons.insert(0, Reason(text=answer, source_ids=sources[:2]))
    reasons[:0] = _point_reasons(kb, report, note, payer_text)
    if remedy.from_payer:
        reasons.insert(0, _remedy_reason(remedy))
    return Decision("appeal", reasons, advisory=advisory)


def too_late(decision: Decision, deadline: Deadline, given: str = "", reopened: date | None = None) -> Decision:
    """The route's filing limit has passed and the claim states no good cause: nothing is left to file.

    A late request is heard only for good cause (facts §11); without one the answer is not to file, with what
    is still open said plainly. Entering the good cause on the claim drafts the request with it. `given` is a
    reason the file gives that is the practice's own matter (an office move, staff on leave): no good cause; it
    comes quoted when the file's words state it, or named by its kind when the claim's own field gave it.
    """
    due = deadline.due_date.isoformat() if deadline.due_date else "its date"
    own = f"The reason {given} is the practice's own matter, not good cause. " if given else ""
    later = deadline.when_late if reopened is None else (
        f"A reopening was already asked for and answered on {reopened.isoformat()}: that answer has no appeal rights "
        "of its own and did not extend the filing limit.")
    text = (
        f"Too late: the filing limit for this route ({deadline.title}) was {due} "
        f"({deadline.basis}), and nothing on the claim states good cause for filing late. {own}{later} "
        "If there is good cause, enter it on the claim (good_cause) and the request is drafted with it."
    )
    reason = Reason(text=" ".join(text.split()), source_ids=list(deadline.sources[:3]))
    return Decision("no_appeal", [reason], advisory=decision.advisory)


def below_threshold(decision: Decision, deadline: Deadline, amount: float | None) -> Decision:
    """The next level hears only a dispute worth its amount in controversy (ALJ, federal court): a claim whose
    charges in dispute fall below the year's figure has no further appeal (facts §11); unknown amounts stand."""
    floor = deadline.amount_in_controversy_threshold
    if decision.recommendation != "appeal" or floor is None or amount is None or amount >= floor:
        return decision
    text = (
        f"No further appeal: {deadline.title} needs an amount in controversy of at least ${floor:,.0f}, and the "
        f"charges in dispute on this claim are ${amount:,.2f}. The decision already made on the claim stands."
    )
    reason = Reason(text=text, source_ids=list(deadline.sources[:3]))
    return Decision("no_appeal", [reason], advisory=decision.advisory)
