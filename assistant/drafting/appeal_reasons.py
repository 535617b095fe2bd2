"""The reasons of an appeal: the answer to the payer's point, the evidence checks, telehealth on its date (pure)."""

from __future__ import annotations

import re

from assistant.drafting.decision import (
    FAILING,
    Decision,
    addon_threshold,
    check_reason,
    quotes_for,
    remedy_reason,
)
from assistant.drafting.gate import injection_spans, sentence_quote
from assistant.drafting.lines import (
    lines_text,
)
from assistant.drafting.models import Reason
from assistant.drafting.remedy import Remedy, payer_points, says
from assistant.drafting.sentences import sentence_spans
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import DenialPattern, PayerPoint
from assistant.models import CheckResult, Report


def telehealth_reasons(kb: Knowledge, report: Report, note: str) -> list[Reason]:
    """A telehealth session's appeal shows it was allowed on its date, and a waiver lapse restored retroactively."""
    check = next((c for c in report.checks if c.id == "telehealth" and c.status == "met"), None)
    if check is None:
        return []
    reasons = [check_reason(check, [], note)]
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


def content_words(text: str) -> set[str]:
    """Stems of the telling words: the first five letters, so "limited" meets "limit" and "frequency" "frequent"."""
    return {w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in _COMMON}


def answer_point(pattern: DenialPattern, payer_text: str) -> str:
    """The argument point that answers what the payer wrote: the one sharing most words with it, else the first."""
    said = content_words(payer_text)
    scored = [(len(said & content_words(point)), -i, point) for i, point in enumerate(pattern.argument)]
    best = max(scored)
    return best[2] if best[0] > 0 else pattern.argument[0]


def point_quotes(point: PayerPoint, note: str, limit: int = 2) -> list[str]:
    """The note's sentences that bear the payer point's answer out (the new caregiver, why video was not used)."""
    return sentences_with(note, point.note_words, limit)


def sentences_with(note: str, words: list[str], limit: int = 2) -> list[str]:
    """Up to `limit` sentences of the note that hold one of `words` (whole phrases), planted instructions skipped."""
    if not words:
        return []
    planted = injection_spans(note)
    out: list[str] = []
    for a, b in sentence_spans(note):
        if len(out) >= limit:
            break
        if any(x < b and a < y for x, y in planted) or says(note[a:b], words) is None:
            continue
        if (quote := sentence_quote(note, a, b)) and quote not in out:
            out.append(quote)
    return out


def record_reason(pattern: DenialPattern | None, note: str) -> list[Reason]:
    """The note's own record of what the denial says is missing (`record_words`: the authorization the plan did not
    find), quoted after the pattern's `record_said`; none when the note holds no such sentence."""
    if pattern is None or not pattern.record_words:
        return []
    found = sentences_with(note, pattern.record_words, limit=3)
    said = [s for s in found if says(s, pattern.record_unless) is None][:1]
    if not said:
        return []
    mark = "'" if '"' in said[0] else '"'
    return [Reason(text=f"{pattern.record_said} The note reads: {mark}{said[0].rstrip('.')}{mark}.", quotes=said,
                   source_ids=list(pattern.sources[:2]))]


def point_reasons(kb: Knowledge, report: Report, note: str, payer_text: str) -> list[Reason]:
    """Each reason the payer states in words, answered in its own terms, with the note's sentences that bear on it."""
    met = {c.id: c for c in report.checks if c.status == "met"}
    return [
        Reason(text=f"Answer to the denial: {' '.join(point.answer.split())}",
               quotes=point_quotes(point, note) or _checks_quote(point, met, note), source_ids=list(point.sources))
        for point in payer_points(kb, payer_text, met)
    ]


def _checks_quote(point: PayerPoint, met: dict[str, CheckResult], note: str) -> list[str]:
    """The first supporting sentence of the point's `quote_checks` (the note placing the patient elsewhere)."""
    return next((said[:1] for cid in point.quote_checks if cid in met and (said := quotes_for(met[cid], note))), [])


def appeal_decision(kb: Knowledge, report: Report, pattern: DenialPattern | None, note: str, remedy: Remedy,
            advisory: list[CheckResult], payer_text: str = "") -> Decision:
    """The note supports the service as billed: the answer to the payer's point, then the evidence checks."""
    evidence = list(pattern.evidence_checks) if pattern else ["patient_absent", "consent", "caregiver", "need_and_goal"]
    met = {c.id: c for c in report.checks if c.status == "met"}
    sources = list(pattern.sources) if pattern else []
    reasons = [check_reason(met[c], sources[:2], note) for c in evidence if c in met and c != "telehealth"]
    reasons += telehealth_reasons(kb, report, note)
    if report.billing.lines:  # what the documentation supports, in codes and units
        minutes = report.time.total_minutes
        kinds = {kb.codes[ln.code].kind for ln in report.billing.lines if ln.code in kb.codes}
        timed = f" ({minutes} minutes of caregiver training)" if minutes and kinds & {"primary", "addon"} else ""
        # an add-on unit is argued with the minutes its first unit needs under the rule the note was checked by
        addons = [ln.code for ln in report.billing.lines if ln.code in kb.codes and kb.codes[ln.code].kind == "addon"]
        bands = addon_threshold(kb, addons, report.billing.rule) if minutes else ""
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
    reasons[:0] = [*point_reasons(kb, report, note, payer_text), *record_reason(pattern, note)]
    if remedy.from_payer:
        reasons.insert(0, remedy_reason(remedy))
    return Decision("appeal", reasons, advisory=advisory)
