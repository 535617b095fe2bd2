"""The reasons of a corrected claim: what changes on the claim and why, in the claim's and the payer's terms (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.drafting.appeal_reasons import record_reason
from assistant.drafting.decision import (
    ClaimFacts,
    Decision,
    check_reason,
    remedy_reason,
)
from assistant.drafting.lines import (
    is_checked,
    lines_text,
    per_session,
    same_lines,
)
from assistant.drafting.models import Reason
from assistant.drafting.remedy import Remedy, says
from assistant.drafting.sentences import sentence_spans
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import DenialPattern
from assistant.models import BilledLine, CheckResult, Report


def present_part(kb: Knowledge, report: Report) -> Reason | None:
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


def payer_rule_sentence(kb: Knowledge, payer_text: str) -> str:
    """The payer's own sentence that states its full-time rule (knowledge/appeals `time_rule_hints`), verbatim."""
    return payer_sentence(payer_text, [w for hint in kb.appeals.time_rule_hints for w in hint.words])


def responsible_payer(pattern: DenialPattern | None, payer_text: str) -> list[Reason]:
    """Who covers the service, in the payer's own words (a plan named, a primary payer), so the biller knows whom the
    new claim goes to (the pattern's `responsible_payer_words`)."""
    said = payer_sentence(payer_text, pattern.responsible_payer_words) if pattern is not None else ""
    mark = "'" if '"' in said else '"'
    return [Reason(text=f"Who covers the service, in the payer's words: {mark}{said}{mark}")] if said else []


def claim_rule_reasons(kb: Knowledge, billed: Sequence[BilledLine], facts: ClaimFacts) -> list[Reason]:
    """Why lines other than the note's minutes change: a denied untimed code billed with several units (one per
    session), and a payer's written full-time rule the units were counted by."""
    out = []
    for line in per_session(kb, billed, facts.denied):
        text = (f"{line.code} is an untimed code, billed once per session whatever its minutes: the corrected claim "
                f"bills it as 1 unit, not {line.units}.")
        out.append(Reason(text=text, source_ids=list(kb.codes[line.code].sources[:2])))
    if facts.time_rule == "full_time" and (said := payer_rule_sentence(kb, facts.payer_text)):
        hint = next((h for h in kb.appeals.time_rule_hints if h.profile == "strict"), None)
        text = (f'The payer\'s written time rule counts only full units ("{said}"): this plan does not apply the CPT '
                "mid-point rule, so the minutes are counted in full units of the time each code states.")
        out.append(Reason(text=text, source_ids=list(hint.sources[:2]) if hint else []))
    return out


def misdated_reasons(facts: ClaimFacts) -> list[Reason]:
    """A line dated otherwise than the session is a clerical date error: an add-on dated a day apart from its primary
    stands alone on that day. The corrected claim bills every line on the session's date."""
    if not facts.misdated or facts.session_date is None:
        return []
    on = facts.session_date.isoformat()
    said = "; ".join(f"{code} is dated {when.isoformat()}" for code, when in facts.misdated)
    return [Reason(text=f"On the claim {said}, but the note documents the session on {on}: the corrected claim bills "
                        f"every line of the session with the date of service {on}.")]


def correction(kb: Knowledge, roles: dict[str, list[CheckResult]], pattern: DenialPattern | None,
                billed: Sequence[BilledLine], fixed: list[BilledLine], facts: ClaimFacts, note: str,
                remedy: Remedy, replaced: Sequence[BilledLine] = (), report: Report | None = None) -> Decision:
    sources = list(pattern.sources) if pattern else []
    reasons = [
        check_reason(c, sources if pattern and c.id in pattern.corrected_claim_when else [], note)
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
        # the note's record of what the claim left off or got wrong (the authorization and its number, the physician
        # who certified the plan of care) is what the corrected claim carries
        record = record_reason(pattern, note)
        reasons += [remedy_reason(remedy), *record, *responsible_payer(pattern, facts.payer_text)]
    reasons += claim_rule_reasons(kb, billed, facts)
    if report is not None and (kept := present_part(kb, report)) is not None:
        reasons.append(kept)
    if billed and not same_lines(fixed, billed):
        minutes = report.time.total_minutes if report is not None else None
        timed = any(kb.codes[ln.code].timed for ln in fixed if is_checked(kb, ln.code) and ln.code in kb.codes)
        basis = f" ({minutes} minutes of caregiver training documented)" if minutes and timed else ""
        reasons.append(Reason(text=f"Billed: {lines_text(billed)}. Corrected: {lines_text(fixed)}{basis}."))
    reasons += misdated_reasons(facts)
    dx = facts.diagnoses
    if dx is not None:
        text = f"Diagnosis: {dx.why} Billed: {', '.join(dx.billed)}. Corrected: {', '.join(dx.corrected)}."
        reasons.append(Reason(text=text, source_ids=dx.sources[:2]))
    return Decision(
        "corrected_claim", reasons, corrected_lines=fixed, advisory=roles["advisory"],
        corrected_diagnoses=dx.corrected if dx else [],
    )
