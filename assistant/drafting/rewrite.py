"""Rewrite use case: a payer-ready restructuring of a CTS note that keeps every fact and adds none.

Missing elements become visible placeholders ("[[clinician to confirm: caregiver's consent]]")
listed beside the text. Every backend's answer passes `gate.check_rewrite`, which compares the
facts of the draft and of the rewrite (regex finder and the note-check extractor).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from typing import Any

from assistant.drafting.brief import GAP_TEXT, REWRITE_PLAN, EvidenceItem, RewriteBrief, SectionPlan
from assistant.drafting.context import note_text
from assistant.drafting.gate import check_rewrite, injection_spans, mask_injections, quote_in_note
from assistant.drafting.models import Gap, Grounding, RewriteDraft, RewriteResult, RewriteSection
from assistant.drafting.pipeline import generate_grounded
from assistant.drafting.render import render_rewrite
from assistant.llm.offline import OfflineDrafter, split_sentences

log = logging.getLogger(__name__)


def _extractor() -> Any:
    """The note-check extractor's fact list, when the extractor is installed."""
    try:
        from assistant.notes.extract import extract
    except ImportError:
        return None

    def facts(text: str) -> Iterable[Any]:
        return extract(text).facts

    return facts


def gaps_for(report: Any) -> list[Gap]:
    out = []
    for check in report.checks:
        if check.id in GAP_TEXT and check.status == "missing" and check.severity != "info":
            out.append(Gap(element=check.id, placeholder=f"[[clinician to confirm: {GAP_TEXT[check.id]}]]"))
    return out


def rewrite_note(assistant: Any, text: str | bytes, *, dos: date | None = None) -> RewriteResult:
    note = note_text(text, max_bytes=assistant.settings.max_note_bytes)
    report = assistant.check_note(mask_injections(note), dos=dos)
    inj = injection_spans(note)
    evidence = [
        EvidenceItem(check_id=c.id, label=c.id, status=c.status, message=c.message,
                     quotes=[e.quote for e in c.evidence if quote_in_note(e.quote, note)
                             and not any(a < e.end and e.start < b for a, b in inj)][:6], source_ids=list(c.sources))
        for c in report.checks
        if c.evidence
    ]
    gaps = gaps_for(report)
    brief = RewriteBrief(sections=[SectionPlan(heading=h, checks=list(c)) for h, c in REWRITE_PLAN], evidence=evidence, gaps=gaps)
    extractor = _extractor()
    warnings: list[str] = []
    if inj:
        warnings.append("the note contains text addressed to a model (instructions); it was ignored and left out of the rewrite")

    def gate(draft: RewriteDraft) -> list[str]:
        reasons = check_rewrite(draft, note, extract_facts=extractor)
        body = "\n".join(s.text for s in draft.sections)
        for gap in gaps:
            if gap.placeholder not in body:
                reasons.append(f"placeholder for missing element {gap.element!r} is not in the text")
        return reasons

    prompt_vars = {"brief": brief.model_dump_json(indent=1), "note": mask_injections(note), "repair": ""}
    draft, grounding = generate_grounded(assistant.backend, OfflineDrafter(), "rewrite", prompt_vars, RewriteDraft, gate)
    if draft is None:
        # Last resort, grounded by construction: the draft's own sentences, in order, plus the gaps.
        kept = [s for s in split_sentences(note) if not injection_spans(s)]
        draft = RewriteDraft(sections=[RewriteSection(heading="Note as written", text="\n".join(kept + [g.placeholder for g in gaps]))],
                             gaps=gaps)
        grounding = Grounding(outcome="withheld", backend=grounding.backend, attempts=grounding.attempts)
        warnings.append("no restructured version passed the grounding gate; the note is returned as written, with the gaps")
    return RewriteResult(text=render_rewrite(draft), sections=draft.sections, gaps=draft.gaps, grounding=grounding, warnings=warnings)
