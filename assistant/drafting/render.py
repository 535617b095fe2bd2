"""Render drafting results as Markdown / plain text (code renders; no model touches layout)."""

from __future__ import annotations

from assistant.drafting.models import AppealResult, Letter, RewriteDraft, RewriteResult

_RECOMMENDATION = {
    "appeal": "APPEAL — the note supports the service as billed",
    "corrected_claim": "CORRECTED CLAIM — fix the claim and resubmit instead of appealing",
    "no_appeal": "DO NOT APPEAL AS BILLED — the note does not support the service on the claim",
}


def render_rewrite(draft: RewriteDraft) -> str:
    return "\n\n".join(f"{s.heading.upper()}\n{s.text}".rstrip() for s in draft.sections)


def render_rewrite_result(result: RewriteResult) -> str:
    lines = [result.text, ""]
    if result.gaps:
        lines.append("GAPS FOR THE CLINICIAN")
        lines += [f"- {g.element}: {g.placeholder}" for g in result.gaps]
        lines.append("")
    lines.append(f"Grounding: {result.grounding.outcome} ({result.grounding.backend})")
    lines += [f"Warning: {w}" for w in result.warnings]
    return "\n".join(lines).rstrip() + "\n"


def has_section(letter: Letter, keys: tuple[str, ...]) -> bool:
    return any(any(k in s.id.lower() for k in keys) for s in letter.sections)


def _markers(quotes: list[str], source_ids: list[str]) -> str:
    bits = [f'"{q}"' for q in quotes] + [f"[{s}]" for s in source_ids]
    return f" ({'; '.join(bits)})" if bits else ""


def render_letter(letter: Letter, *, with_evidence: bool = True) -> str:
    """The letter as Markdown: identifiers, argued sections, enclosures, signature placeholder."""
    out = [f"**To:** {letter.recipient}", "", f"**Re:** {letter.subject}", ""]
    if not has_section(letter, ("identif",)):
        out += [f"- {k}: {v}" for k, v in letter.identifiers.items()]
    out += ["", "To whom it may concern,", ""]
    for section in letter.sections:
        out.append(f"### {section.heading}")
        for st in section.statements:
            text = st.text + (_markers([q.text for q in st.quotes], st.source_ids) if with_evidence else "")
            out.append(text)
        out.append("")
    if not has_section(letter, ("attach", "enclos")):
        out.append("### Enclosures")
        out += [f"{i}. {a}" for i, a in enumerate(letter.attachments, 1)]
    out += ["", "Sincerely,", "", letter.signature, ""]
    return "\n".join(out)


def render_appeal(result: AppealResult) -> str:
    out = [f"# {_RECOMMENDATION[result.recommendation]}", "", f"Denial: {result.denial.label}"]
    if result.pattern_id:
        out.append(f"Denial pattern: {result.pattern_id}")
    out += ["", "## Why"]
    for r in result.reasons:
        out.append(f"- {r.text}" + _markers(r.quotes, r.source_ids))
    out += ["", "## What to do"] + [f"- {a}" for a in result.actions]
    if result.supported_lines and result.recommendation == "appeal":
        out.append("- The note supports: " + ", ".join(
            f"{ln.code} x{ln.units}" + (f" {'/'.join(ln.modifiers)}" if ln.modifiers else "") for ln in result.supported_lines))
    if result.letter is not None:
        out += ["", "## Letter", "", render_letter(result.letter)]
    if result.sources:
        out += ["## Sources"] + [f"- [{s.id}] {s.title} — {s.publisher}. {s.url}" for s in result.sources]
    if result.grounding is not None:
        g = result.grounding
        out += ["", f"Grounding: {g.outcome} (final text by {g.backend}; {len(g.attempts)} attempt(s))"]
    out += [f"Warning: {w}" for w in result.warnings]
    return "\n".join(out).rstrip() + "\n"
