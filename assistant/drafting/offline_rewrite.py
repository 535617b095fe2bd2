"""The offline drafter's rewrite: the brief's placement of the draft's sentences, section by section, plus the gaps.

Sentences are the draft's own (line wrapping as single spaces), in the note's order; each gap's
placeholder goes to the section of the check it names (pure).
"""

from __future__ import annotations

from assistant.drafting.brief import OTHER_HEADING, RewriteBrief
from assistant.drafting.models import RewriteDraft, RewriteSection


def draft_rewrite(brief: RewriteBrief, note: str) -> RewriteDraft:
    headings = [p.heading for p in brief.sections]
    owners = {check: plan.heading for plan in brief.sections for check in plan.checks}
    body: dict[str, list[str]] = {h: [] for h in [*headings, OTHER_HEADING]}
    for item in brief.placement:
        body.setdefault(item.heading, []).append(item.text)
    for gap in brief.gaps:
        body[owners.get(gap.element, OTHER_HEADING)].append(gap.placeholder)
    sections = [RewriteSection(heading=h, text="\n".join(lines)) for h, lines in body.items() if lines]
    return RewriteDraft(sections=sections, gaps=list(brief.gaps))
