"""Rewrite use case: a payer-ready restructuring of a CTS note that keeps every fact and adds none.

Each sentence of the draft, cut as clinicians write them, goes to the section the facts the
note-check extractor finds in it belong to, in the note's own order (`rewrite_plan`); the signature
stays whole. Missing elements become visible placeholders in the words of their rule ("[[clinician
to confirm: the patient's (or representative's) consent to training the named caregiver]]"), listed
beside the text. Every backend's answer passes `gate.check_rewrite`, which compares the facts of
the draft and of the rewrite (regex finder and the note-check extractor).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from assistant.drafting.brief import EvidenceItem, RewriteBrief, project_ids, project_texts, rewrite_plan
from assistant.drafting.context import note_text
from assistant.drafting.deps import DraftingDeps
from assistant.drafting.gate import check_rewrite, injection_spans, mask_injections, quote_in_note
from assistant.drafting.models import Gap, Grounding, RewriteDraft, RewriteResult, RewriteSection
from assistant.drafting.offline import OfflineDrafter
from assistant.drafting.pipeline import generate_grounded
from assistant.drafting.render import render_rewrite
from assistant.drafting.rewrite_plan import headings_by_fact, headings_by_label, plan_sentences
from assistant.knowledge.loader import Knowledge
from assistant.models import Report

log = logging.getLogger(__name__)
Extractor = Callable[[str], Iterable[Any]]


def _extract(text: str) -> Iterable[Any]:
    """The note-check extractor's facts (kind, value, span, negated)."""
    from assistant.notes.extract import extract

    return extract(text).facts


def gaps_for(kb: Knowledge, report: Report) -> list[Gap]:
    """Missing elements a clinician can add before signing, each named in its rule's words (`gap`)."""
    return [
        Gap(element=c.id, placeholder=f"[[clinician to confirm: {kb.rules[c.id].gap}]]")
        for c in report.checks
        if c.id in kb.rules and kb.rules[c.id].gap and c.status == "missing" and c.severity != "info"
    ]


def _evidence(report: Report, note: str) -> list[EvidenceItem]:
    inj = injection_spans(note)
    return [
        EvidenceItem(
            check_id=c.id,
            label=c.id,
            status=c.status,
            message=c.message,
            source_ids=list(c.sources),
            quotes=[
                e.quote
                for e in c.evidence
                if quote_in_note(e.quote, note) and not any(a < e.end and e.start < b for a, b in inj)
            ][:6],
        )
        for c in report.checks
        if c.evidence
    ]


def _gate(note: str, gaps: list[Gap]) -> Callable[[RewriteDraft], list[str]]:
    def gate(draft: RewriteDraft) -> list[str]:
        reasons = check_rewrite(draft, note, extract_facts=_extract)
        body = "\n".join(s.text for s in draft.sections)
        reasons += [
            f"placeholder for missing element {g.element!r} is not in the text"
            for g in gaps
            if g.placeholder not in body
        ]
        return reasons

    return gate


def _as_written(brief: RewriteBrief, gaps: list[Gap]) -> RewriteDraft:
    """Last resort, grounded by construction: the draft's own sentences, in order, plus the gaps."""
    text = "\n".join([p.text for p in brief.placement] + [g.placeholder for g in gaps])
    return RewriteDraft(sections=[RewriteSection(heading="Note as written", text=text)], gaps=gaps)


def rewrite_note(
    deps: DraftingDeps, text: str | bytes, *, dos: date | None = None, known_names: Iterable[str] = ()
) -> RewriteResult:
    note = note_text(text, max_bytes=deps.limits.max_note_bytes)
    masked = mask_injections(note)  # same offsets: planted instructions are blanked, never evidence
    report = deps.check(masked, dos=dos)
    gaps = gaps_for(deps.knowledge, report)
    sections = rewrite_plan(deps.knowledge)
    placement = plan_sentences(
        note, list(_extract(masked)), headings_by_fact(deps.knowledge), sections[0].heading,
        skip=list(injection_spans(note)), labels=headings_by_label(deps.knowledge),
    )
    brief = RewriteBrief(sections=sections, evidence=_evidence(report, note), gaps=gaps, placement=placement)
    # a blocking problem is in what happened, not in how it is written: no restructuring or placeholder fixes it
    warnings = [f"{c.id} blocks billing as caregiver training, and a rewrite cannot change that: {c.message}"
                for c in report.checks if c.status == "problem" and c.severity == "block"]
    if injection_spans(note):
        warnings.append("the note contains text addressed to a model (instructions); it was left out of the rewrite")
    prompt_vars = {"brief": brief.model_dump_json(indent=1), "note": masked, "repair": "",
                   "_phi_names": tuple(n for n in known_names if n), "_phi_safe": project_texts(brief),
                   "_phi_safe_ids": project_ids(brief)}
    draft, grounding = generate_grounded(
        deps.backend, OfflineDrafter(), "rewrite", prompt_vars, RewriteDraft, _gate(note, gaps)
    )
    if draft is None:
        draft = _as_written(brief, gaps)
        grounding = Grounding(outcome="withheld", backend=grounding.backend, attempts=grounding.attempts)
        warnings.append(
            "no restructured version passed the grounding gate; the note is returned as written, with the gaps"
        )
    return RewriteResult(
        text=render_rewrite(draft), sections=draft.sections, gaps=draft.gaps, grounding=grounding, warnings=warnings
    )
