"""The offline drafter's rewrite: the draft's own sentences, verbatim, moved into sections, plus the gaps (pure)."""

from __future__ import annotations

import re

from assistant.drafting.brief import OTHER_HEADING, RewriteBrief
from assistant.drafting.gate import injection_spans
from assistant.drafting.models import RewriteDraft, RewriteSection

_ABBREV = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|pt|Pt|e\.g|i\.e|approx|min|vs|St)\.$")


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
