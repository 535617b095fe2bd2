"""Which remittance lines become worklist items, and what each one is (pure: values in, values out).

A line becomes an item when its procedure is a caregiver-training code of the knowledge base
(`CAREGIVER_TRAINING_FAMILIES` of knowledge/codes/procedures.yaml) and an adjustment other than
the routine ones (contractual CO-45, sequestration CO-253, deductible/coinsurance/copay PR-1/2/3,
prior-payer OA-23) took money from it: `denied` when nothing was paid, `underpaid` otherwise.
Other codes' denied lines are only counted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from assistant.drafting.deadlines import deadline_for
from assistant.drafting.denial import match_pattern, parse_denial
from assistant.drafting.paste import FILING_INDICATORS, ROUTINE
from assistant.drafting.route import reopened_when_late
from assistant.errors import DenialCodeError
from assistant.remittance.models import Adjustment, Claim, Payment, ServiceLine
from assistant.worklist.route import preliminary_route

CAREGIVER_TRAINING_FAMILIES = ("cts", "direct_care", "behavior")


def cts_codes(knowledge: Any) -> frozenset[str]:
    return frozenset(c.code for c in knowledge.codes.values() if c.family in CAREGIVER_TRAINING_FAMILIES)


def payer_type(filing_indicator: str) -> str:
    """CLP06 claim filing indicator → payer type (medicare, medicare_advantage, medicaid, commercial, other)."""
    return FILING_INDICATORS.get(filing_indicator.upper(), "other")


def cents(value: Decimal) -> int:
    return int((value * 100).to_integral_value())


def denials(line: ServiceLine, claim: Claim) -> list[Adjustment]:
    """The non-routine adjustments of a line; claim-level ones apply when the line carries none."""
    own = [a for a in line.adjustments if (a.group, a.reason) not in ROUTINE and a.amount > 0]
    if own or line.adjustments:
        return own
    return [a for a in claim.adjustments if (a.group, a.reason) not in ROUTINE and a.amount > 0]


def denial_label(adjustments: list[Adjustment], remarks: list[str]) -> tuple[str, str]:
    """('CO', 'CO-50 N115'): the group with the largest amount, its CARCs, then the remark codes."""
    by_group: dict[str, Decimal] = defaultdict(Decimal)
    for a in adjustments:
        by_group[a.group] += a.amount
    group = max(by_group, key=lambda g: by_group[g])
    carcs = list(dict.fromkeys(a.reason for a in adjustments if a.group == group))
    return group, " ".join([*(f"{group}-{c}" for c in carcs), *dict.fromkeys(remarks)])


def as_billed(line: ServiceLine) -> ServiceLine:
    """The line under the code the practice billed: SVC06 when the payer adjudicated another code (a denied 97550
    paid as nothing under 97530 is still the practice's 97550 to answer)."""
    if not line.submitted_procedure or line.submitted_procedure == line.procedure:
        return line
    return line.model_copy(update={"procedure": line.submitted_procedure, "modifiers": line.submitted_modifiers})


def line_key(line: ServiceLine, ordinal: int) -> str:
    if line.control_number:
        return line.control_number[:80]
    dos = line.service_date.isoformat() if line.service_date else ""
    return f"{line.procedure}:{'/'.join(line.modifiers)}:{dos}:{ordinal}"


@dataclass
class Candidate:
    """One would-be worklist item, with everything the store keeps."""

    payment: Payment
    claim: Claim
    line: ServiceLine
    key: str
    payer_type: str
    denied_cents: int
    adjustments: list[Adjustment]
    remarks: list[str]
    group: str
    denial: str
    pattern_id: str | None
    action: str
    route: str | None
    due_date: date | None
    claim_lines: list[dict[str, Any]] = field(default_factory=list)


def _pattern(knowledge: Any, denial: str) -> str | None:
    try:
        parsed, _ = parse_denial(denial, knowledge.reason_codes)
    except DenialCodeError:
        return None
    pattern = match_pattern(parsed, knowledge.denial_patterns)
    return pattern.id if pattern is not None else None


def candidate(
    knowledge: Any, payment: Payment, claim: Claim, line: ServiceLine, ordinal: int, today: date
) -> Candidate:
    adjustments = denials(line, claim)
    remarks = [*line.remarks, *claim.remarks]
    # an informational remark (MA01: the appeal rights) is kept with the item but is no reason for the denial
    reasons = [r for r in remarks if not getattr(knowledge.reason_codes.get(r), "informational", False)]
    group, denial = denial_label(adjustments, reasons)
    kind = payer_type(claim.filing_indicator)
    route, action = preliminary_route(knowledge, kind, denial)
    def deadline_of(r: str) -> Any:
        return deadline_for(knowledge, route=r, today=today, notice_date=payment.notice_date, dos=line.service_date)

    due = None
    if route is not None:
        try:
            parsed, _ = parse_denial(denial, knowledge.reason_codes)
            route, deadline = reopened_when_late(knowledge, route, kind, parsed, deadline_of)
        except DenialCodeError:
            deadline = deadline_of(route)
        due = deadline.due_date if deadline is not None else None
    return Candidate(
        payment=payment,
        claim=claim,
        line=line,
        key=line_key(line, ordinal),
        payer_type=kind,
        denied_cents=sum(cents(a.amount) for a in adjustments),
        adjustments=adjustments,
        remarks=remarks,
        group=group,
        denial=denial,
        pattern_id=_pattern(knowledge, denial),
        action=action,
        route=route,
        due_date=due,
        claim_lines=[_claim_line(ln) for ln in claim.lines],
    )


def _claim_line(line: ServiceLine) -> dict[str, Any]:
    """A claim line as billed, with the code the payer adjudicated it under when that differs (SVC01 vs SVC06)."""
    billed = as_billed(line)
    out: dict[str, Any] = {
        "code": billed.procedure,
        "units": int(line.units),
        "modifiers": billed.modifiers,
        "charge": str(line.charge),
        "paid": str(line.paid),
    }
    if billed is not line:
        out["adjudicated_as"] = line.procedure
    return out


@dataclass
class Split:
    """A claim's lines sorted out: worklist candidates, and a count of other codes' denied lines."""

    candidates: list[Candidate] = field(default_factory=list)
    other_denials: int = 0


def split_claim(knowledge: Any, codes: frozenset[str], payment: Payment, claim: Claim, today: date) -> Split:
    out = Split()
    for ordinal, adjudicated in enumerate(claim.lines):
        if not denials(adjudicated, claim):
            continue
        line = as_billed(adjudicated)
        if line.procedure in codes:
            out.candidates.append(candidate(knowledge, payment, claim, line, ordinal, today))
        else:
            out.other_denials += 1
    return out
