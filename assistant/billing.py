"""Units from minutes and expected payment by date of service (pure).

Time rule (spec/checks.md): CPT mid-point by default — T < 16 → nothing; 16–37 → primary ×1;
T ≥ 38 → primary ×1 + add-on × floor((T − 23) / 15). Strict payer profile: the primary needs
30 full minutes, each add-on a further full 15 (45, 60 …).
"""

from __future__ import annotations

from datetime import date

from assistant.knowledge.schema import RVU, ConversionFactor, FeeSchedule
from assistant.models import BilledLine, Payment, PaymentLine

MIDPOINT_MINIMUM = 16
STRICT_MINIMUM = 30


def minimum_minutes(rule: str) -> int:
    return STRICT_MINIMUM if rule == "full_time" else MIDPOINT_MINIMUM


def supported_lines_for_minutes(
    minutes: int, *, rule: str = "midpoint", codes: tuple[str, str] = ("97550", "97551")
) -> list[tuple[str, int]]:
    """The (code, units) pairs that `minutes` of individual CTS support; `codes` = (primary, add-on)."""
    primary, addon = codes
    if rule in ("strict", "full_time"):
        if minutes < STRICT_MINIMUM:
            return []
        extra = (minutes - STRICT_MINIMUM) // 15
    else:
        if minutes < MIDPOINT_MINIMUM:
            return []
        extra = (minutes - 23) // 15 if minutes >= 38 else 0
    lines = [(primary, 1)]
    if extra > 0:
        lines.append((addon, extra))
    return lines


def unit_bands(rule: str = "midpoint", codes: tuple[str, str] = ("97550", "97551"), addons: int = 3) -> str:
    """The minute bands of `rule` in words, for fixes: '16-37 min: 97550 x1; 38-52: + 97551 x1; ...'."""
    primary, addon = codes
    low = minimum_minutes(rule)
    first_addon = low + 15 if rule == "full_time" else 38
    parts = [f"{low}-{first_addon - 1} min: {primary} x1"]
    for n in range(1, addons + 1):
        start = first_addon + 15 * (n - 1)
        parts.append(f"{start}-{start + 14}: + {addon} x{n}")
    return "; ".join(parts)


def rule_terms(rule: str, codes: tuple[str, str] = ("97550", "97551")) -> dict[str, str]:
    """Placeholders a rule's fix may use, so each payer profile's fix states its own time rule."""
    minimum = minimum_minutes(rule)
    return {
        "bands": unit_bands(rule, codes),
        "minimum": str(minimum),
        "addon_from": str(minimum + 15 if rule == "full_time" else 38),
        "rule_name": "full-time rule of this payer" if rule == "full_time" else "CPT mid-point rule",
        "primary": codes[0],
        "addon": codes[1],
    }


def conversion_factor(fees: FeeSchedule, on: date, *, qp: bool = False) -> ConversionFactor | None:
    wanted = ("qp",) if qp else ("standard", "non_qp")
    for cf in fees.conversion_factors:
        if cf.variant in wanted and cf.in_force(on):
            return cf
    return None


def rvu_for(fees: FeeSchedule, code: str, on: date) -> RVU | None:
    for row in fees.rvus:
        if row.code == code and row.in_force(on):
            return row
    return None


def payment_for(
    lines: list[BilledLine],
    fees: FeeSchedule,
    on: date,
    *,
    facility: bool = False,
    qp: bool = False,
) -> Payment | None:
    """Medicare national payment (GPCI 1.0) for `lines` on date `on`; None outside the fee tables.

    The PTA/OTA rate applies to each line that carries CQ or CO, not to the whole claim, and
    sequestration takes its share of Medicare's part only (facts §11).
    """
    cf = conversion_factor(fees, on, qp=qp)
    if cf is None:
        return None
    out: list[PaymentLine] = []
    sources = list(cf.sources)
    assistant = False
    for line in lines:
        row = rvu_for(fees, line.code, on)
        if row is None:
            continue
        by_assistant = any(mod in ("CQ", "CO") for mod in line.modifiers)
        assistant = assistant or by_assistant
        total_rvu = row.total_facility if facility else row.total_nonfacility
        unit_amount = round(total_rvu * cf.amount * (fees.assistant_payment_rate if by_assistant else 1.0), 2)
        out.append(
            PaymentLine(
                code=line.code,
                units=line.units,
                unit_amount=unit_amount,
                amount=round(unit_amount * line.units, 2),
                total_rvu=total_rvu,
            )
        )
        sources.extend(s for s in row.sources if s not in sources)
    total = round(sum(p.amount for p in out), 2)
    return _payment(fees, cf, out, total, facility=facility, assistant=assistant, on=on, sources=sources)


def _payment(
    fees: FeeSchedule,
    cf: ConversionFactor,
    out: list[PaymentLine],
    total: float,
    *,
    facility: bool,
    assistant: bool,
    on: date,
    sources: list[str],
) -> Payment:
    seq = next((s for s in fees.sequestration if s.in_force(on)), None)
    share = total * (1 - fees.coinsurance)
    cut = round(share * seq.rate, 2) if seq else 0.0
    note = f"Medicare national amount (GPCI 1.0), {'facility' if facility else 'non-facility'} rate"
    if assistant:
        note += f"; PTA/OTA lines (CQ/CO) paid at {int(fees.assistant_payment_rate * 100)}%"
        sources.extend(s for s in fees.assistant_sources if s not in sources)
    if seq:
        note += f"; the {seq.rate:.0%} sequestration reduces Medicare's share, not this amount"
        sources.extend(s for s in seq.sources if s not in sources)
    return Payment(
        period=f"{cf.effective_from or ''}..{cf.effective_to or ''}",
        conversion_factor=cf.amount,
        setting="facility" if facility else "non_facility",
        lines=out,
        total=total,
        assistant_reduction=assistant,
        medicare_share=round(share - cut, 2),
        sequestration=cut,
        patient_coinsurance=round(total * fees.coinsurance, 2),
        sources=sources,
        note=note + "; before deductible.",
    )
