"""The offline drafter: builds the same structured outputs as a model, from templates and the brief.

It is the default backend when no endpoint is configured and the fallback of every other one.
It writes only what the brief holds: knowledge-base argument points and source text (cited),
note quotes taken from the check's evidence spans, and the claim's own identifiers. A rewrite
moves the draft's sentences, verbatim, into sections and adds placeholders for the gaps.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

from assistant.drafting.brief import CHECK_KEYWORDS, OTHER_HEADING, AppealBrief, RewriteBrief
from assistant.drafting.gate import ABOUT_NOTE, injection_spans
from assistant.drafting.models import LetterDraft, Quote, RewriteDraft, RewriteSection, Section, Statement
from assistant.errors import BackendError
from assistant.llm.registry import register
from assistant.settings import Settings

M = TypeVar("M", bound=BaseModel)

_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("attachments", ("attach", "enclos", "exhibit")),
    ("identifiers", ("identif", "claim_info", "claim_detail", "header", "reference")),
    ("request", ("request", "conclusion", "closing", "relief", "ask")),
    ("rules", ("rule", "polic", "coverage", "authorit", "regulat", "guidance", "citation", "criteria")),
    ("service", ("service", "descript", "session")),
    ("evidence", ("evidence", "document", "support", "fact", "record", "note", "clinical")),
    ("denial", ("denial", "response", "reason", "point", "argument", "rebuttal", "issue")),
)
_HEADINGS = {
    "attachments": "Enclosures",
    "identifiers": "Claim information",
    "request": "Request",
    "rules": "Applicable rules",
    "evidence": "What the record documents",
    "denial": "Response to the denial",
    "service": "The service furnished",
    "other": "Background",
}
SERVICE_CHECKS = frozenset({"patient_absent", "caregiver", "skills_taught", "total_time", "group_session"})
_ABBREV = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|pt|Pt|e\.g|i\.e|approx|min|vs|St)\.$")


def section_role(section_id: str) -> str:
    sid = section_id.lower()
    for role, keys in _ROLES:
        if any(k in sid for k in keys):
            return role
    return "other"


def _best_sources(text: str, brief: AppealBrief, candidates: list[str], n: int = 2) -> list[str]:
    """The candidate sources whose text shares the most words with `text` (the rule it rests on)."""
    words = set(re.findall(r"[a-z0-9]{4,}", text.lower()))
    texts = {s.id: set(re.findall(r"[a-z0-9]{4,}", s.text.lower())) for s in brief.sources}
    scored = sorted(candidates, key=lambda sid: -len(words & texts.get(sid, set())))
    return scored[:n]


def _argued(point: str, brief: AppealBrief, sources: list[str]) -> Statement | None:
    """An argument point with the note quotes of the checks it refers to.

    A point that asserts something about the note is kept only when every check it refers to is
    met with a quote; any point touching a check that failed or is unclear is left out; a point
    of rule alone is kept with its sources.
    """
    low = point.lower()
    refs = [e for e in brief.evidence if any(k in low for k in CHECK_KEYWORDS.get(e.check_id, ()))]
    about_note = bool(ABOUT_NOTE.search(point))
    if about_note and (not refs or any(e.status != "met" or not e.quotes for e in refs)):
        return None
    if any(e.status in ("missing", "problem", "unclear") for e in refs):
        return None  # never argue a point the note check does not support
    quotes = [Quote(text=e.quotes[0]) for e in refs if e.status == "met" and e.quotes][:3]
    return Statement(text=point, quotes=list({q.text: q for q in quotes}.values()), source_ids=_best_sources(point, brief, sources))


def _statements(role: str, brief: AppealBrief) -> list[Statement]:
    pattern = brief.pattern
    retrieved = {s.id for s in brief.sources}
    pattern_sources = [s for s in (pattern.sources if pattern else []) if s in retrieved]
    if role == "identifiers":
        if not brief.claim:
            return [Statement(text=f"This appeal concerns the claim line denied with {brief.denial}.", quotes=[], source_ids=[])]
        return [Statement(text=f"{label}: {value}.", quotes=[], source_ids=[]) for label, value in brief.claim.items()]
    if role == "denial":
        out = [Statement(text=f"The claim line was denied with {brief.denial}.", quotes=[], source_ids=[])]
        out += [Statement(text=m, quotes=[], source_ids=[]) for m in brief.denial_meanings]
        if pattern:
            for point in pattern.argument:
                statement = _argued(point, brief, pattern_sources)
                if statement is not None:
                    out.append(statement)
        return out
    if role in ("evidence", "service"):
        out = []
        if role == "service" and brief.supported_lines:
            out.append(Statement(text="The service is caregiver training, supported by the note as " + ", ".join(brief.supported_lines) + ".", quotes=[], source_ids=[]))
        has_service = any(section_role(s) == "service" for s in brief.required_sections)
        for item in brief.evidence:
            if has_service and (item.check_id in SERVICE_CHECKS) != (role == "service"):
                continue
            if item.status == "met" and item.quotes:
                out.append(
                    Statement(
                        text=f"The note documents {item.label}.",
                        quotes=[Quote(text=q) for q in item.quotes[:2]],
                        source_ids=[s for s in item.source_ids if s in retrieved][:2],
                    )
                )
        if role == "evidence" and brief.supported_lines and not has_service:
            out.append(Statement(text="The documented time supports " + ", ".join(brief.supported_lines) + ".", quotes=[], source_ids=[]))
        return out or [Statement(text="The treating clinician's note for the date of service is enclosed.", quotes=[], source_ids=[])]
    if role == "rules":
        chosen = [s.id for s in brief.sources if s.id in pattern_sources][:4] or [s.id for s in brief.sources[:4]]
        by_id = {s.id: s for s in brief.sources}
        return [Statement(text=f"{by_id[sid].title}: {_first_sentence(by_id[sid].text)}", quotes=[], source_ids=[sid]) for sid in chosen]
    if role == "attachments":
        atts = pattern.attachments if pattern else ["The treating clinician's note for the date of service"]
        return [Statement(text=a, quotes=[], source_ids=[]) for a in atts]
    if role == "request":
        return [
            Statement(
                text="On the documentation quoted above and the rules cited, we ask that the denial be reconsidered and the claim line reprocessed for payment.",
                quotes=[],
                source_ids=[],
            )
        ]
    text = pattern.situation if pattern else f"The claim line was denied with {brief.denial}."
    return [Statement(text=text, quotes=[], source_ids=_best_sources(text, brief, pattern_sources))]


def _first_sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    m = re.search(r"(?<=[a-z0-9)\]][.])\s(?=[A-Z])", text)
    return text[: m.start()] if m else text


def draft_letter(brief: AppealBrief) -> LetterDraft:
    sections = [
        Section(id=sid, heading=_HEADINGS[section_role(sid)] if section_role(sid) != "other" else sid.replace("_", " ").capitalize(),
                statements=_statements(section_role(sid), brief))
        for sid in brief.required_sections
    ]
    return LetterDraft(sections=sections)


def split_sentences(note: str) -> list[str]:
    """Lines, then sentences, each verbatim (whitespace trimmed)."""
    out: list[str] = []
    for line in note.splitlines():
        pieces = re.split(r"(?<=[.!?;])\s+(?=[A-Z\[(\"'])", line.strip())
        buf = ""
        for piece in pieces:
            buf = f"{buf} {piece}".strip() if buf else piece
            if not _ABBREV.search(buf):
                out.append(buf)
                buf = ""
        if buf:
            out.append(buf)
    return [s for s in out if re.search(r"[A-Za-z0-9]", s)]


def draft_rewrite(brief: RewriteBrief, note: str) -> RewriteDraft:
    owners: dict[str, int] = {}
    for i, plan in enumerate(brief.sections):
        for check in plan.checks:
            owners.setdefault(check, i)
    quotes = [(owners.get(e.check_id, len(brief.sections)), q) for e in brief.evidence for q in e.quotes if q.strip()]
    buckets: list[list[str]] = [[] for _ in range(len(brief.sections) + 1)]
    for sentence in split_sentences(note):
        if injection_spans(sentence):
            continue
        slots = [(-min(len(q), len(sentence)), i) for i, q in quotes if q in sentence or sentence in q]
        buckets[min(slots)[1] if slots else len(brief.sections)].append(sentence)
    gaps_by_section: list[list[str]] = [[] for _ in range(len(brief.sections) + 1)]
    for gap in brief.gaps:
        gaps_by_section[owners.get(gap.element, len(brief.sections))].append(gap.placeholder)
    headings = [p.heading for p in brief.sections] + [OTHER_HEADING]
    sections = [
        RewriteSection(heading=h, text="\n".join(b + g))
        for h, b, g in zip(headings, buckets, gaps_by_section, strict=True)
        if b or g
    ]
    return RewriteDraft(sections=sections, gaps=list(brief.gaps))


class OfflineDrafter:
    """Deterministic backend: no network, no model, the same schemas as any other backend."""

    name = "offline"
    is_local = True
    deterministic = True

    def generate(self, task: str, prompt_vars: dict[str, Any], schema: type[M]) -> M:
        try:
            if task == "appeal" and schema is LetterDraft:
                return schema.model_validate(draft_letter(AppealBrief.model_validate_json(prompt_vars["brief"])).model_dump())
            if task == "rewrite" and schema is RewriteDraft:
                draft = draft_rewrite(RewriteBrief.model_validate_json(prompt_vars["brief"]), prompt_vars["note"])
                return schema.model_validate(draft.model_dump())
        except (KeyError, ValueError) as exc:
            raise BackendError(f"offline drafter cannot build {task}: {type(exc).__name__}") from exc
        raise BackendError(f"offline drafter has no template for task {task!r} with schema {schema.__name__}")


def _factory(settings: Settings) -> OfflineDrafter:
    return OfflineDrafter()


# Registered under the name every caller already uses; the registry itself knows nothing of drafting.
register("offline", _factory)
