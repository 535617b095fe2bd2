"""What a code is and pays on a date, and what is wrong with an order of caregiver-training codes (pure).

Both read only `knowledge/` (codes, fees); `billing.py` does the unit arithmetic. The HTTP route
`/v1/codes/{code}` and the CDS Hooks order-sign service call these through the `Assistant`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from assistant.errors import CodeNotInEffectError, DosBeyondFeeTablesError, DosOutsideFeeTablesError, UnknownCodeError
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import ConversionFactor
from assistant.models import CodeDetail, CodePayment, CodePeriod, CodeRVU, OrderFinding

_INFO_FIELDS = {"code", "short_descriptor", "paraphrase", "family", "kind", "timed", "minutes", "primary",
                "effective_from", "effective_to", "sources"}


def near_codes(code: str, known: Iterable[str]) -> list[str]:
    """Known codes one slip away from `code`: two neighbouring characters swapped ("97505" for 97550) or one character
    mistyped ("97559"). For a "did you mean" on a code the knowledge base does not describe."""
    code = code.strip().upper()
    known = list(known)
    if code in known:
        return []
    out = []
    for other in known:
        if len(other) != len(code) or other == code:
            continue
        diff = [i for i, (a, b) in enumerate(zip(code, other, strict=True)) if a != b]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and code[diff[0]] == other[diff[1]] \
            and code[diff[1]] == other[diff[0]]
        if len(diff) == 1 or swapped:
            out.append(other)
    return sorted(out)


def code_detail(kb: Knowledge, code: str, dos: date | None, *, today: date) -> CodeDetail:
    """Paraphrased descriptor, RVUs and national payment per unit on `dos` (or today / the latest period)."""
    info = kb.codes.get(code.strip().upper())
    if info is None:
        raise UnknownCodeError(f"{code[:8]} is not in the knowledge base.",
                               hint="It describes the caregiver-training codes and codes billed beside them.")
    day, note = _fee_day(kb.fees.conversion_factors, dos, today)
    if not info.in_force(day):
        raise CodeNotInEffectError(f"{info.code} was not in effect on {day.isoformat()}.",
                                   hint=f"It is effective from {info.effective_from}.")
    cfs = [cf for cf in kb.fees.conversion_factors if cf.in_force(day)]
    rows = sorted((r for r in kb.fees.rvus if r.code == info.code and r.in_force(day)),
                  key=lambda r: (r.effective_from or date.min, r.release))
    rvu = rows[-1] if rows else None
    payments = [] if rvu is None else [
        CodePayment(conversion_factor_id=cf.id, variant=cf.variant,
                    non_facility=round(rvu.total_nonfacility * cf.amount, 2),
                    facility=round(rvu.total_facility * cf.amount, 2),
                    non_facility_assistant=round(round(rvu.total_nonfacility * cf.amount, 2)
                                                 * kb.fees.assistant_payment_rate, 2))
        for cf in cfs
    ]
    if rvu is None and not note:
        note = "No RVUs are published for this code on this date."
    return CodeDetail(
        **{**info.model_dump(include=_INFO_FIELDS), "short_descriptor": info.descriptor_on(day)}, dos=day,
        rvu=CodeRVU(**rvu.model_dump(include=set(CodeRVU.model_fields))) if rvu else None,
        periods=[CodePeriod(conversion_factor_id=cf.id, conversion_factor=cf.amount, variant=cf.variant,
                            effective_from=cf.effective_from, effective_to=cf.effective_to) for cf in cfs],
        payments=payments, note=note,
    )


def _fee_day(cfs: list[ConversionFactor], dos: date | None, today: date) -> tuple[date, str]:
    """The date whose fee period applies; an explicit DOS outside the fee tables is an input error."""
    if dos is None:
        if any(cf.in_force(today) for cf in cfs) or not cfs:
            return today, ""
        latest = max(cfs, key=lambda cf: cf.effective_from or date.min)
        day = latest.effective_to or latest.effective_from or today
        return day, f"No date of service given; showing the latest fee period in the knowledge base ({latest.id})."
    if any(cf.in_force(dos) for cf in cfs):
        return dos, ""
    starts = [cf.effective_from for cf in cfs if cf.effective_from]
    ends = [cf.effective_to for cf in cfs]
    first = min(starts) if starts else date.min
    last = None if any(e is None for e in ends) else max(e for e in ends if e)
    if last is not None and dos > last:
        raise DosBeyondFeeTablesError(
            f"No fee schedule for {dos.isoformat()}: "
            f"the knowledge base covers {first.isoformat()} to {last.isoformat()}.",
            hint="Check the year of the date of service; fees for later dates come with an updated release "
                 "of the assistant's knowledge (ask whoever installs it).")
    raise DosOutsideFeeTablesError(f"No fee schedule for {dos.isoformat()}: "
                                   f"the knowledge base starts at {first.isoformat()}.",
                                   hint="Check the year of the date of service.")


# the caregiver-training code families, the 2024 one first (knowledge/codes/procedures.yaml)
_FAMILIES = ("cts", "direct_care", "behavior")


def _range(kb: Knowledge, family: str) -> str:
    """'97550-97552', 'G0541-G0543', 'G0539-G0540': the family's primary to its last code."""
    primary, addon, group = kb.family_codes(family)
    return f"{primary}-{group or addon}"


def _not_yet_in_force(kb: Knowledge, codes: set[str], dos: date | None) -> list[OrderFinding]:
    """A critical finding per later family (G0541-G0543, G0539-G0540) ordered for a date before its codes exist."""
    if dos is None:
        return []
    out = []
    for family in _FAMILIES[1:]:
        ordered = [kb.codes[c] for c in sorted(codes) if c in kb.codes and kb.codes[c].family == family]
        early = [info for info in ordered if not info.in_force(dos)]
        if early:
            out.append(OrderFinding(text=f"{_range(kb, family)} exist only from {early[0].effective_from}; "
                                         f"use {_range(kb, 'cts')} for this date.", indicator="critical"))
    return out


def order_findings(kb: Knowledge, lines: list[tuple[str, int]], dos: date | None) -> list[OrderFinding]:
    """Add-on without primary, group units, a code family not yet in force, two families for the same minutes."""
    codes = {code for code, _ in lines}
    out: list[OrderFinding] = []
    for info in (kb.codes[c] for c in sorted(codes) if c in kb.codes):
        if info.kind == "addon" and info.primary and info.primary not in codes:
            out.append(OrderFinding(text=f"+{info.code} is an add-on: order it with {info.primary} for the same date."))
    for code, units in lines:
        if code in kb.codes and kb.codes[code].kind == "group" and units > 1:
            out.append(OrderFinding(text=f"{code} is one unit per patient represented; {units} units were ordered."))
        # a family's primary is the session's first 30 minutes: more than one unit is a mistyped quantity or
        # minutes put on the wrong code (hostile15 #28: 97550 x99 signed with only an info card)
        if code in kb.codes and kb.codes[code].kind == "primary" and units > 1:
            out.append(OrderFinding(text=f"{code} is the first 30 minutes, one unit per session; {units} units were "
                                         f"ordered (further time goes on its add-on)."))
    out += _not_yet_in_force(kb, codes, dos)
    if len(families := {kb.codes[c].family for c in codes if c in kb.codes} & set(_FAMILIES)) > 1:
        named = " or ".join(_range(kb, f) for f in _FAMILIES if f in families)
        out.append(OrderFinding(text=f"Bill the same training minutes under one code family only ({named})."))
    return out
