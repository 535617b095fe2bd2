"""The decision's shared parts: the Decision, the claim's facts it weighs, and reasons from checks (pure).

`recommend.decide` builds a Decision; `correction`, `appeal_reasons` and `late` fill in its reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from assistant.billing import rule_terms
from assistant.drafting.diagnoses import DiagnosisFix
from assistant.drafting.evidence import relevant_quotes
from assistant.drafting.gate import sentence_quote
from assistant.drafting.models import Reason, Recommendation
from assistant.drafting.remedy import Remedy
from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine, CheckResult

FAILING = frozenset({"missing", "problem"})


@dataclass
class Decision:
    recommendation: Recommendation
    reasons: list[Reason] = field(default_factory=list)
    corrected_lines: list[BilledLine] = field(default_factory=list)
    #: Failed checks that make the service unsupported (no_appeal) — for the late-entry guidance.
    blockers: list[CheckResult] = field(default_factory=list)
    #: Failed checks that weaken but do not decide (return demonstration missing …).
    advisory: list[CheckResult] = field(default_factory=list)
    #: For a corrected claim whose diagnosis codes change: every code as it should be billed.
    corrected_diagnoses: list[str] = field(default_factory=list)
    #: For an appeal of fewer units than billed: the lines it asks payment of, and the billed units it drops.
    appealed_lines: list[BilledLine] = field(default_factory=list)
    dropped_lines: list[BilledLine] = field(default_factory=list)


def quotes_for(check: CheckResult, note: str) -> list[str]:
    """What the note says for the check: the clauses that support a met check, the ones that show a failure."""
    if not note:
        return [e.quote for e in check.evidence if e.quote.strip()][:3]
    if check.status == "met":
        return relevant_quotes(check, note)
    out = [sentence_quote(note, e.start, e.end) for e in check.evidence if 0 <= e.start < e.end <= len(note)]
    return list(dict.fromkeys(q for q in out if q))[:3]


def check_reason(check: CheckResult, sources: Sequence[str], note: str, advice: str = "") -> Reason:
    return Reason(
        check_id=check.id,
        text=f"{check.message} {advice}".strip(),
        quotes=quotes_for(check, note),
        source_ids=list(dict.fromkeys([*check.sources, *sources]))[:4],
    )


def remedy_reason(remedy: Remedy) -> Reason:
    """The pattern's answer, and the file's own sentence that opened it when its words did (quoted as written)."""
    mark = "'" if '"' in remedy.quoted else '"'
    said = f" The file reads: {mark}{remedy.quoted}{mark}" if remedy.quoted else ""
    return Reason(text=f"{remedy.title}: {remedy.reason}{said}", source_ids=list(remedy.sources[:3]))


@dataclass(frozen=True)
class ClaimFacts:
    """What the decision needs from the claim beyond the lines: the payer type and a diagnosis fix."""

    payer_type: str = "medicare"
    diagnoses: DiagnosisFix | None = None
    #: Codes of the lines the denial is about (the claim's `denied` flags); empty when the claim does not say.
    denied: frozenset[str] = frozenset()
    #: The payer's own words (planted instructions masked): searched for statements, never obeyed.
    payer_text: str = ""
    #: The time rule the note was checked by ("full_time" when the payer's policy says so).
    time_rule: str = "midpoint"
    #: An appeal level has already decided the claim (a redetermination or later).
    appealed: bool = False
    #: The payer returned the claim unprocessed (CARC 16, MA130 …): it is resubmitted whatever the claim holds.
    unprocessable: bool = False
    #: Claim lines dated otherwise than the session the note documents (code, the line's date), and that date.
    misdated: tuple[tuple[str, date], ...] = ()
    session_date: date | None = None


def addon_threshold(kb: Knowledge, dead: Sequence[str], time_rule: str) -> str:
    """The minutes the first unit of a denied add-on needs under the time rule the note was checked by."""
    timed = [kb.codes[c] for c in dead if c in kb.codes and kb.codes[c].kind in ("primary", "addon")]
    if not timed or (time_rule != "full_time" and all(c.kind == "primary" for c in timed)):
        return ""
    primary, code, _ = kb.family_codes(timed[0].family)
    terms = rule_terms(time_rule, (primary, code))
    full = "a full " if time_rule == "full_time" else ""
    return (
        f" Under the {terms['rule_name']} {primary} needs {full}{terms['minimum']} minutes and the first {code} "
        f"unit {full}{terms['addon_from']} minutes in total."
    )
