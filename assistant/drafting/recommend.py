"""The recommendation, decided by code from the note check and the denial pattern (pure).

- no_appeal: a check the pattern lists as blocking fails, or a block-severity check fails that
  no claim correction can fix (patient present, no consent, a paid aide, under the minimum
  time, an SLP assistant, telehealth not allowed …): the note does not support the service as
  billed, so no persuasive letter is written;
- corrected_claim: only claim-side checks fail (units, add-on pairing, the wrong code for a
  group, a missing therapy or assistant modifier, a retired diagnosis code), or the pattern
  needs a modifier the claim lines lack: fix and resubmit the claim;
- appeal: otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.drafting.gate import sentence_quote
from assistant.drafting.models import Reason, Recommendation

FAILING = frozenset({"missing", "problem"})
# Failures a corrected claim can fix (the documentation is fine; the claim is not).
CORRECTABLE = frozenset(
    {"units", "addon_pairing", "group_session", "therapy_modifier", "assistant_modifier", "diagnosis_codes"}
)
# Failures that mean the service as billed is not supported, whatever the denial says.
ALWAYS_BLOCKING: dict[str, frozenset[str]] = {
    "patient_absent": frozenset({"problem"}),
    "consent": FAILING,
    "caregiver": frozenset({"problem"}),
    "minimum_time": FAILING,
    "provider": frozenset({"problem"}),
    "telehealth": frozenset({"problem"}),
}
_CORRECTED = re.compile(r"\b(corrected|new)\b[^.]{0,20}\bclaim\b", re.I)
CLAIM_MODIFIERS = frozenset({"KX", "GP", "GO", "GN", "CQ", "CO", "59", "XU", "XE", "XS", "XP"})


@dataclass
class Decision:
    recommendation: Recommendation
    reasons: list[Reason] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)


def quotes_for(check: Any, note: str) -> list[str]:
    """The note clauses holding the check's evidence spans, verbatim, without repeats."""
    if not note:
        return [e.quote for e in check.evidence if e.quote.strip()][:3]
    out = [sentence_quote(note, e.start, e.end) for e in check.evidence if 0 <= e.start < e.end <= len(note)]
    return list(dict.fromkeys(q for q in out if q))[:3]


def _reason(check: Any, sources: Sequence[str], note: str = "") -> Reason:
    return Reason(
        check_id=check.id,
        text=check.message,
        quotes=quotes_for(check, note),
        source_ids=list(dict.fromkeys([*check.sources, *sources]))[:4],
    )


def _over_billed(report: Any, claim_lines: Sequence[Any]) -> bool:
    """Billed more units of some code than the note supports (or a code it does not support)."""
    supported: dict[str, int] = {}
    for line in report.billing.lines:
        supported[line.code] = supported.get(line.code, 0) + line.units
    return any(line.units > supported.get(line.code, 0) for line in claim_lines)


def decide(report: Any, pattern: Any | None, claim_lines: Sequence[Any] = (), note: str = "") -> Decision:
    """Recommendation, reasons and actions from a `Report`, a `DenialPattern` (or None) and billed lines."""
    checks = {c.id: c for c in report.checks}
    blocking_ids = set(pattern.blocking_checks) if pattern else set()
    corrected_ids = set(pattern.corrected_claim_when) if pattern else set()
    pattern_sources: list[str] = list(pattern.sources) if pattern else []

    blockers, correctable = [], []
    for cid, check in checks.items():
        if check.status not in FAILING:
            continue
        if cid == "units" and claim_lines and not _over_billed(report, claim_lines):
            correctable.append(check)  # under-billed or a missing primary line: fix the claim
        elif cid in blocking_ids or check.status in ALWAYS_BLOCKING.get(cid, frozenset()):
            blockers.append(check)
        elif cid in corrected_ids or (cid in CORRECTABLE and check.severity == "block"):
            correctable.append(check)
        elif check.severity == "block" and cid not in CORRECTABLE:
            blockers.append(check)

    if blockers:
        actions = ["Do not appeal as billed: the note does not support the service on the claim."]
        actions += [c.fix for c in blockers if c.fix]
        if report.billing.lines:
            actions.append("If a corrected claim is filed, bill only what the note supports: " + lines_text(report.billing.lines) + ".")
        return Decision("no_appeal", [_reason(c, [], note) for c in blockers], _dedupe(actions))

    missing_mods = _missing_pattern_modifiers(pattern, claim_lines)
    claim_error = claim_error_pattern(pattern)
    if correctable or missing_mods or claim_error:
        reasons = [_reason(c, pattern_sources if c.id in corrected_ids else [], note) for c in correctable]
        actions = ["Submit a corrected claim rather than an appeal."]
        actions += [c.fix for c in correctable if c.fix]
        for mod in missing_mods:
            reasons.append(
                Reason(text=f"The denial type expects modifier {mod}, which no billed line carries.", source_ids=pattern_sources[:3])
            )
            actions.append(f"Add modifier {mod} to the lines where the documentation supports it, and resubmit.")
        if claim_error and pattern is not None and not correctable:
            reasons.append(Reason(text=f"{pattern.title}: {pattern.situation}", source_ids=pattern_sources[:3]))
            actions += [f"Send: {a}." for a in pattern.attachments]
        if report.billing.lines:
            actions.append("Bill what the note supports: " + lines_text(report.billing.lines) + ".")
        return Decision("corrected_claim", reasons, _dedupe(actions))

    evidence = list(pattern.evidence_checks) if pattern else ["patient_absent", "consent", "caregiver", "need_and_goal", "skills_taught", "total_time"]
    reasons = [_reason(checks[c], pattern_sources[:2], note) for c in evidence if c in checks and checks[c].status == "met"]
    actions = ["Appeal: send the letter with the listed attachments within the payer's appeal deadline."]
    return Decision("appeal", reasons, actions)


def claim_error_pattern(pattern: Any | None) -> bool:
    """The knowledge base answers this denial type with a corrected or new claim, not an appeal."""
    return pattern is not None and any(_CORRECTED.search(a) for a in pattern.attachments)


def _missing_pattern_modifiers(pattern: Any | None, claim_lines: Sequence[Any]) -> list[str]:
    if pattern is None or not claim_lines:
        return []
    wanted = [c for c in pattern.codes if c in CLAIM_MODIFIERS]
    return [m for m in wanted if not any(m in line.modifiers for line in claim_lines)]


def lines_text(lines: Sequence[Any]) -> str:
    return ", ".join(f"{ln.code} x{ln.units}" + (f" {'/'.join(ln.modifiers)}" if ln.modifiers else "") for ln in lines)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
