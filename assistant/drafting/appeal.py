"""Appeal use case: denial + note (+ claim) → recommendation, reasons and, for an appeal, a letter.

The recommendation is code (`recommend.decide`) over the note check and the denial pattern.
A backend only writes the letter body, through the grounding gate (`pipeline`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.drafting.brief import LABELS, AppealBrief, EvidenceItem, PatternBrief
from assistant.drafting.context import Retrieved, claim_dos, note_text, parse_claim
from assistant.drafting.denial import match_pattern, parse_denial
from assistant.drafting.gate import AppealContext, check_letter, injection_spans, mask_injections, quote_in_note
from assistant.drafting.models import AppealResult, Claim, Denial, Letter, LetterDraft, Reason
from assistant.drafting.pipeline import generate_grounded
from assistant.drafting.recommend import Decision, decide, lines_text, quotes_for
from assistant.llm.offline import OfflineDrafter, draft_letter, section_role

DEFAULT_SECTIONS = ("denial_response", "supporting_documentation", "request")
DEFAULT_EVIDENCE = ("patient_absent", "consent", "caregiver", "need_and_goal", "skills_taught", "return_demo", "total_time")
DEFAULT_ATTACHMENTS = ("The treating clinician's note for the date of service", "The plan of care with the caregiver-training goal")
NON_IDENTIFYING = ("Payer", "Date of service", "Billed lines")
CODE_ROLES = ("identifiers", "attachments")
SIGNATURE = "[[signature, name and title of the billing representative]]"


def _evidence(report: Any, check_ids: list[str], note: str, kb: Any) -> list[EvidenceItem]:
    inj = injection_spans(note)
    checks = {c.id: c for c in report.checks}
    items = []
    for cid in dict.fromkeys(check_ids):
        check = checks.get(cid)
        if check is None:
            continue
        quotes = [q for q in quotes_for(check, note) if quote_in_note(q, note) and not _overlaps(q, note, inj)]
        rule = kb.rules.get(cid)
        sources = list(rule.sources) if rule is not None else list(check.sources)
        items.append(EvidenceItem(check_id=cid, label=LABELS.get(cid, cid), status=check.status, message=check.message,
                                  quotes=quotes[:3], source_ids=sources))
    return items


def _overlaps(quote: str, note: str, spans: list[tuple[int, int]]) -> bool:
    start = note.find(quote)
    return start >= 0 and any(a < start + len(quote) and start < b for a, b in spans)


def _inputs_text(note: str, denial: Denial, claim: Claim, report: Any, pattern: Any, brief: AppealBrief) -> str:
    parts = [note, denial.raw, denial.label, denial.text or "", *claim.identifiers().values(), *brief.denial_meanings]
    if report.time.total_minutes is not None:
        parts.append(f"total {report.time.total_minutes} minutes")
    if report.time.stated_total_minutes is not None:
        parts.append(f"{report.time.stated_total_minutes} minutes")
    for line in [*report.billing.lines, *claim.lines]:
        parts.append(f"{line.code} x{line.units} {line.units} unit {' '.join(line.modifiers)}")
    if report.meta.dos:
        d: date = report.meta.dos
        parts.append(f"{d.isoformat()} {d.month}/{d.day}/{d.year}")
    if pattern is not None:
        parts += [pattern.title, pattern.situation, *pattern.argument, *pattern.attachments]
    parts += [f"{e.label} {e.message}" for e in brief.evidence]
    parts += brief.required_sections
    return "\n".join(parts)


def _letter(draft: LetterDraft, denial: Denial, claim: Claim, attachments: list[str]) -> Letter:
    subject = f"Request for reconsideration of the denial {denial.label}"
    if claim.claim_number:
        subject += f", claim {claim.claim_number}"
    identifiers = {**claim.identifiers(), "Denial codes": denial.label}
    return Letter(subject=subject, recipient=claim.payer or "Appeals / Reconsideration Department", identifiers=identifiers,
                  sections=draft.sections, attachments=attachments, signature=SIGNATURE)


def draft_appeal(
    assistant: Any,
    *,
    denial: str,
    note: str | bytes,
    claim: Claim | dict[str, Any] | None = None,
    denial_text: str | None = None,
    dos: date | None = None,
) -> AppealResult:
    kb = assistant.knowledge
    text = note_text(note, max_bytes=assistant.settings.max_note_bytes)
    claim_model = parse_claim(claim)
    parsed, warnings = parse_denial(denial, kb.reason_codes, denial_text)
    pattern = match_pattern(parsed, kb.denial_patterns)
    if pattern is None:
        warnings.append(f"no denial pattern in the knowledge base matches {parsed.label}; a generic argument is used")
    dos_value = dos or claim_dos(claim_model.date_of_service)
    # Instructions embedded in the note are blanked (offsets kept) so they cannot sway the check.
    report = assistant.check_note(mask_injections(text), dos=dos_value, billed=list(claim_model.lines) or None)
    decision: Decision = decide(report, pattern, claim_model.lines, note=text)

    retrieved = Retrieved(kb)
    if pattern is not None:
        retrieved.add(pattern.sources)
    for ref in [*parsed.carcs, *parsed.rarcs]:
        rc = kb.reason_codes.get(ref.code)
        if rc is not None:
            retrieved.add(rc.sources)
    evidence_ids = list(pattern.evidence_checks) if pattern else list(DEFAULT_EVIDENCE)
    evidence = _evidence(report, evidence_ids, text, kb)
    for item in evidence:
        retrieved.add(item.source_ids)
    for reason in decision.reasons:
        retrieved.add(reason.source_ids)
    backend = assistant.backend
    if decision.recommendation == "appeal" and not getattr(backend, "is_offline", False) and pattern is not None:
        retrieved.search(assistant, f"{pattern.title}. {pattern.situation}", str(dos_value) if dos_value else None)

    unclear = [c.id for c in report.checks if c.status == "unclear" and (pattern is None or c.id in pattern.blocking_checks)]
    warnings += [f"the note is unclear on {cid}; review it before sending anything" for cid in unclear]
    attachments = list(pattern.attachments) if pattern else list(DEFAULT_ATTACHMENTS)
    base = dict(
        denial=parsed, pattern_id=pattern.id if pattern else None, attachments=attachments,
        supported_lines=list(report.billing.lines), warnings=warnings,
    )
    reasons = [_grounded_reason(r, text, retrieved.texts) for r in decision.reasons]
    if decision.recommendation != "appeal":
        cited = [s for r in reasons for s in r.source_ids]
        return AppealResult(recommendation=decision.recommendation, reasons=reasons, actions=decision.actions,
                            letter=None, sources=retrieved.citations(cited), grounding=None, **base)

    brief = AppealBrief(
        recommendation="appeal",
        denial=parsed.label,
        denial_meanings=[f"{r.code}: {r.meaning}" for r in [*parsed.carcs, *parsed.rarcs] if r.meaning],
        payer_text=parsed.text,
        claim=claim_model.identifiers(),
        pattern=PatternBrief(id=pattern.id, title=pattern.title, situation=pattern.situation, argument=list(pattern.argument),
                             sources=list(pattern.sources), attachments=attachments) if pattern else None,
        required_sections=list(pattern.required_sections) if pattern else list(DEFAULT_SECTIONS),
        evidence=evidence,
        sources=retrieved.items(),
        supported_lines=[lines_text([ln]) for ln in report.billing.lines],
    )
    ctx = AppealContext(
        note=text,
        inputs_text=_inputs_text(text, parsed, claim_model, report, pattern, brief),
        source_texts=dict(retrieved.texts),
        known_source_ids=frozenset(kb.sources),
        required_sections=tuple(brief.required_sections),
    )
    sent = brief
    if not getattr(backend, "is_local", False):
        # Claim identifiers are rendered by code; a remote model never needs them.
        sent = brief.model_copy(update={"claim": {k: v for k, v in brief.claim.items() if k in NON_IDENTIFYING}})
    prompt_vars = {
        "brief": sent.model_dump_json(indent=1),
        "note": mask_injections(text),  # defence in depth; the gate is the backstop
        "repair": "",
        "_phi_names": tuple(n for n in (claim_model.patient_name, claim_model.provider_name) if n),
    }
    draft, grounding = generate_grounded(backend, OfflineDrafter(), "appeal", prompt_vars, LetterDraft,
                                         lambda d: check_letter(d, ctx))
    if draft is not None:
        draft = _code_sections(draft, brief, ctx)
    letter = _letter(draft, parsed, claim_model, attachments) if draft is not None else None
    if letter is None:
        warnings.append("no letter passed the grounding gate; the letter is withheld")
    cited = [s for r in reasons for s in r.source_ids]
    if letter is not None:
        cited += [sid for sec in letter.sections for st in sec.statements for sid in st.source_ids]
    return AppealResult(recommendation="appeal", reasons=reasons, actions=decision.actions, letter=letter,
                        sources=retrieved.citations(cited), grounding=grounding, **base)


def _code_sections(draft: LetterDraft, brief: AppealBrief, ctx: AppealContext) -> LetterDraft:
    """Claim identifiers and enclosures are facts of the claim and the knowledge base: code writes them."""
    code = {s.id: s for s in draft_letter(brief).sections if section_role(s.id) in CODE_ROLES}
    merged = LetterDraft(sections=[code.get(s.id, s) for s in draft.sections])
    return merged if not check_letter(merged, ctx) else draft


def _grounded_reason(reason: Reason, note: str, retrieved: dict[str, str]) -> Reason:
    """Reasons come from the rule pack and the check's spans; keep only verifiable quotes and sources."""
    return reason.model_copy(update={
        "quotes": [q for q in reason.quotes if quote_in_note(q, note)],
        "source_ids": [s for s in reason.source_ids if s in retrieved],
    })
