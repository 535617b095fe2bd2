"""Render drafting results as Markdown / plain text (code renders; no model touches layout)."""

from __future__ import annotations

import re

from assistant.drafting.claims import DATE_WARNING
from assistant.drafting.denial import reason_in_words, unknown_code_warning
from assistant.drafting.lines import lines_text
from assistant.drafting.models import AppealResult, Letter, RewriteDraft, RewriteResult

_RECOMMENDATION = {
    "appeal": "APPEAL — the note supports the service as billed",
    "corrected_claim": "CORRECTED CLAIM — correct the claim instead of appealing",
    "no_appeal": "DO NOT APPEAL — the note does not support the denied service as billed",
}


def _headline(result: AppealResult) -> str:
    """The recommendation in one line; a denial that stands for a reason outside the note (a passed limit, a
    contract exclusion) says that reason, not that the note falls short."""
    first = result.reasons[0] if result.reasons else None
    if result.recommendation == "appeal" and result.deadline is not None and result.deadline.overdue:
        return f"{_RECOMMENDATION['appeal']}, but its filing limit has passed: file only with good cause"
    if result.recommendation == "appeal" and result.dropped_lines:
        return f"APPEAL — the note supports the denied lines appealed; drop {lines_text(result.dropped_lines)}"
    if result.recommendation != "no_appeal" or first is None or first.check_id is not None:
        return _RECOMMENDATION[result.recommendation]
    cause = re.split(r"[:;]|\. ", first.text, maxsplit=1)[0].rstrip(".")
    return f"DO NOT APPEAL — {cause[0].lower()}{cause[1:]}" if len(cause) <= 90 else _RECOMMENDATION["no_appeal"]


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


def markers(quotes: list[str], source_ids: list[str]) -> str:
    bits = [f'"{q}"' for q in quotes] + [f"[{s}]" for s in source_ids]
    return f" ({'; '.join(bits)})" if bits else ""


def letter_source_ids(letter: Letter) -> list[str]:
    """The sources the letter itself cites, in order of first citation."""
    return list(dict.fromkeys(sid for sec in letter.sections for st in sec.statements for sid in st.source_ids))


def render_letter(letter: Letter, *, with_evidence: bool = True) -> str:
    """The letter as Markdown: letterhead, date, addressee, title, identifiers, body, enclosures, signature."""
    out = [*letter.letterhead, ""]
    if letter.date:
        out += [letter.date.strftime("%B %d, %Y").replace(" 0", " "), ""]
    out += [letter.recipient, letter.recipient_address, "", f"**{letter.title}**", ""]
    if letter.subject and letter.subject != letter.title:
        out += [f"**Re:** {letter.subject}", ""]
    out += [f"- {k}: {v}" for k, v in letter.identifiers.items()]
    out += ["", "To whom it may concern,", ""]
    for section in letter.sections:
        out.append(f"### {section.heading}")
        out += [
            st.text + (markers([q.text for q in st.quotes], st.source_ids) if with_evidence else "")
            for st in section.statements
        ]
        out.append("")
    out.append("### Enclosures")
    out += [f"{i}. {a}" for i, a in enumerate(letter.attachments, 1)]
    out += ["", "Sincerely,", "", *letter.signature.splitlines(), ""]
    return "\n".join(out)


def _denial_label(result: AppealResult) -> str:
    """The codes; a decision that names none is shown by its stated reason, never as a blank."""
    if result.denial.label:
        return result.denial.label
    reason = reason_in_words(result.denial)
    return f'no code given; the payer\'s words: "{reason}"' if reason else "no code given"


def _decision(result: AppealResult) -> list[str]:
    out = [f"# {_headline(result)}", "", f"Denial: {_denial_label(result)}"]
    out += [f"Warning: {w}" for w in _code_warnings(result)]
    if result.pattern_id:
        out.append(f"Denial pattern: {result.pattern_id}")
    out.append(f"Route: {result.route or 'none'} ({result.payer_type})")
    d = result.deadline
    if d is not None and d.due_date is not None:
        state = "overdue" if d.overdue else f"{d.days_left} days left"
        # below the amount in controversy no request is filed for this claim alone (hostile16 #12: a bare due date
        # for a route the headline says does not exist): the date holds only for claims aggregated to reach it
        alone = result.route is None and d.amount_in_controversy_threshold is not None
        label = "Due, only for claims aggregated to reach the amount in controversy" if alone else "Due"
        out.append(f"{label}: {d.due_date.isoformat()} ({state}; {d.basis})")
    out += [f"Warning: {w}" for w in result.warnings if w.startswith(DATE_WARNING)]
    if result.corrected_lines:
        out.append("Corrected lines: " + lines_text(result.corrected_lines))
    if result.corrected_diagnoses:
        out.append("Corrected diagnosis codes: " + ", ".join(result.corrected_diagnoses))
    return out


def _code_warnings(result: AppealResult) -> list[str]:
    """Warnings about codes the knowledge base does not know: shown at the top, beside the denial."""
    refs = [*result.denial.carcs, *result.denial.rarcs]
    return [w for w in (unknown_code_warning(r.code, r.kind) for r in refs if not r.known) if w in result.warnings]


def decision_summary(result: AppealResult) -> tuple[str, list[str]]:
    """The recommendation in one line and the facts under it (denial, pattern, route, due date, corrected lines,
    warnings about the codes and the date), as the text report shows them."""
    return _headline(result), _decision(result)[2:]


def other_warnings(result: AppealResult) -> list[str]:
    """The warnings the report shows at its end (those not shown beside the denial or the due date)."""
    top = _code_warnings(result)
    return [w for w in result.warnings if w not in top and not w.startswith(DATE_WARNING)]


def claim_lines(result: AppealResult) -> list[str]:
    """'Beneficiary: RAMSGATE, IVY' … for a page without a letter (its identifiers, or their placeholders)."""
    return [f"{label}: {value}" for label, value in result.claim_identifiers.items()]


def render_appeal(result: AppealResult) -> str:
    out = _decision(result)
    if result.letter is None and result.claim_identifiers:
        out += ["", "## Claim"] + [f"- {line}" for line in claim_lines(result)]
    out += ["", "## Why"] + [f"- {r.text}" + markers(r.quotes, r.source_ids) for r in result.reasons]
    out += ["", "## What to do"] + [f"- {a}" for a in result.actions]
    if result.letter is not None:
        out += ["", "## Letter", "", render_letter(result.letter)]
    if result.sources:
        out += ["## Sources"] + [f"- [{s.id}] {s.title} — {s.publisher}. {s.url}" for s in result.sources]
    if result.grounding is not None:
        g = result.grounding
        out += ["", f"Grounding: {g.outcome} (final text by {g.backend}; {len(g.attempts)} attempt(s))"]
    out += [f"Warning: {w}" for w in other_warnings(result)]
    return "\n".join(out).rstrip() + "\n"
