"""Passages for the dated facts: payment by code and period, conversion factors, KX thresholds,
telehealth periods and waivers, the assistant rate, cost-sharing, appeal routes and amounts in
controversy. Amounts come from `assistant.billing` (the one place fee arithmetic lives); this
module only words them. The entry ids are built by the functions below, which `assistant.answer`
also uses to cite the passage that holds a computed fact.
"""

from __future__ import annotations

from datetime import date

from assistant.billing import MIDPOINT_MINIMUM, STRICT_MINIMUM, payment_for, supported_lines_for_minutes
from assistant.errors import KnowledgeError
from assistant.knowledge.schema import (
    RVU,
    AmountInControversy,
    AppealRoute,
    ConversionFactor,
    FeeSchedule,
    Threshold,
)
from assistant.models import BilledLine
from assistant.retrieval.chunk_base import Builder, money, sentence, window_words

_VARIANT = {"standard": "", "non_qp": "non-QP ", "qp": "QP "}
_TELEHEALTH = {
    "not_listed": "not on the Medicare Telehealth Services List, so they must be furnished in person",
    "provisional": "on the Medicare Telehealth Services List provisionally",
    "permanent": "on the Medicare Telehealth Services List (listed services are treated as permanent)",
}


def fee_entry(rvu: RVU) -> str:
    return f"{rvu.code}-{rvu.release}"


def tagged(prefix: str, entry_id: str) -> str:
    """ "kx-2025" stays; "2025" becomes "kx-2025": readable ids that name the fact."""
    return entry_id if prefix in entry_id else f"{prefix}-{entry_id}"


def aic_entry(aic: AmountInControversy) -> str:
    year = aic.effective_from.year if aic.effective_from else "any"
    return f"aic-{aic.route}-{year}"


def overlap(rvu: RVU, cf: ConversionFactor) -> tuple[date, date | None] | None:
    """The days both `rvu` and `cf` are in force; None when they never are."""
    start = max((d for d in (rvu.effective_from, cf.effective_from) if d), default=date(2024, 1, 1))
    ends = [d for d in (rvu.effective_to, cf.effective_to) if d]
    end = min(ends) if ends else None
    return None if end and end < start else (start, end)


def unit_amounts(fees: FeeSchedule, code: str, on: date, *, qp: bool = False) -> tuple[float, float] | None:
    """(non-facility, facility) national amount of one unit of `code` on `on`, from `billing`."""
    line = [BilledLine(code=code, units=1)]
    nonfac = payment_for(line, fees, on, qp=qp)
    fac = payment_for(line, fees, on, facility=True, qp=qp)
    if not nonfac or not fac or not nonfac.lines or not fac.lines:
        return None
    return nonfac.lines[0].unit_amount, fac.lines[0].unit_amount


def _unit_words(b: Builder, code: str) -> str:
    info = b.kb.codes.get(code)
    if info is None:
        return ""
    if info.kind == "addon" and info.minutes:
        return f" (each additional {info.minutes} minutes, add-on to {info.primary})"
    if info.kind == "primary" and info.minutes:
        return f" (first {info.minutes} minutes)"
    if info.kind == "group":
        return " (group, one unit per represented patient)"
    return ""


def _period_amounts(b: Builder, rvu: RVU) -> list[str]:
    fees = b.kb.fees
    several = sum(1 for cf in fees.conversion_factors if overlap(rvu, cf)) > 1
    parts: list[str] = []
    for cf in fees.conversion_factors:
        window = overlap(rvu, cf)
        amounts = unit_amounts(fees, rvu.code, window[0], qp=cf.variant == "qp") if window else None
        if window is None or amounts is None:
            continue
        if cf.variant == "qp":
            how = f"for qualifying APM participants (QP, conversion factor ${cf.amount:.4f})"
        elif several and cf.variant == "non_qp":
            how = f"with the non-QP conversion factor ${cf.amount:.4f}"
        elif several:
            how = f"{window_words(*window)} (conversion factor ${cf.amount:.4f})"
        else:
            how = f"(conversion factor ${cf.amount:.4f})"
        parts.append(f"{money(amounts[0])} non-facility and {money(amounts[1])} facility per unit {how}")
    return parts


def _fee_passages(b: Builder) -> None:
    for rvu in b.kb.fees.rvus:
        parts = _period_amounts(b, rvu)
        if not parts:
            continue
        year = (rvu.effective_from or date(2024, 1, 1)).year
        span = window_words(rvu.effective_from, rvu.effective_to)
        text = (
            f"The Medicare physician fee schedule national payment amount (rate) for {rvu.code}"
            f"{_unit_words(b, rvu.code)} in the year {year} ({span}) is "
            + ", and ".join(parts)
            + f". Total RVUs for {rvu.code} in {year}: {rvu.total_nonfacility:.2f} non-facility and "
            f"{rvu.total_facility:.2f} facility (work {rvu.work:.2f}, practice expense {rvu.pe_nonfacility:.2f} "
            f"non-facility / {rvu.pe_facility:.2f} facility, malpractice {rvu.mp:.2f}; CMS file {rvu.release}); "
            "the local payment differs by the geographic adjustment (GPCI)."
        )
        b.add("fee", fee_entry(rvu), [text], sources=rvu.sources, window=(rvu.effective_from, rvu.effective_to),
              codes=[rvu.code], topics=["payment", "rvu"])


def counted(threshold: Threshold) -> str:
    """ " (97550-97552 and G0541-G0543)": the codes whose lines count toward a KX threshold, when the knowledge says."""
    return f" ({threshold.counts})" if threshold.counts else ""


def _rates(b: Builder) -> None:
    fees = b.kb.fees
    for cf in fees.conversion_factors:
        variant = {"standard": "", "non_qp": " for non-qualifying APM participants (non-QP)",
                   "qp": " for qualifying APM participants (QP)"}[cf.variant]
        b.add("fee", tagged("cf", cf.id),
              [f"The Medicare physician fee schedule conversion factor{variant} is ${cf.amount:.4f} "
               f"{window_words(cf.effective_from, cf.effective_to)}."],
              sources=cf.sources, window=(cf.effective_from, cf.effective_to), topics=["payment", "conversion_factor"])
    for t in fees.kx_thresholds:
        year = t.effective_from.year if t.effective_from else ""
        b.add("fee", tagged("kx", t.id),
              [f"The therapy KX modifier threshold for {year} is {money(t.amount, cents=False)} ({t.applies_to}), "
               f"{window_words(t.effective_from, t.effective_to)}: caregiver training lines{counted(t)} billed under "
               "a therapy plan count toward it, and lines above it need the KX modifier to attest medical necessity."],
              sources=t.sources, window=(t.effective_from, t.effective_to), codes=["KX"], topics=["kx", "threshold"])
    b.add("fee", "assistant-rate",
          ["When a physical therapist assistant (PTA) or occupational therapy assistant (OTA) furnishes the service, "
           f"the CQ or CO modifier applies and Medicare pays {fees.assistant_payment_rate:.0%} of the fee schedule "
           "amount."],
          sources=fees.assistant_sources, codes=["CQ", "CO"], topics=["assistant", "payment"])
    b.add("fee", "coinsurance",
          [f"Patient cost-sharing: caregiver training is subject to the Part B deductible and {fees.coinsurance:.0%} "
           "coinsurance; Medicare pays the rest."],
          sources=fees.assistant_sources, topics=["coinsurance", "payment"])
    for s in fees.sequestration:
        b.add("fee", tagged("sequestration", s.id),
              [f"Sequestration: Medicare's payment is reduced by {s.rate:.0%} (CO-253) "
               f"{window_words(s.effective_from, s.effective_to)}; the reduction applies to Medicare's share after "
               "the deductible and coinsurance, not to the patient's coinsurance."],
              sources=s.sources, window=(s.effective_from, s.effective_to), codes=["253"],
              topics=["sequestration", "payment"])


def _redundant(note: str, text: str) -> bool:
    words = {w.strip(".,:;()").lower() for w in note.split()}
    have = {w.strip(".,:;()").lower() for w in text.split()}
    return not words or len(words & have) / len(words) >= 0.7


def _telehealth(b: Builder) -> None:
    fees = b.kb.fees
    for tp in fees.telehealth:
        when = window_words(tp.effective_from, tp.effective_to)
        year = tp.effective_from.year if tp.effective_from else ""
        text = f"Telehealth in {year} ({when}): caregiver training codes are {_TELEHEALTH[tp.status]}."
        if tp.note and not _redundant(tp.note, text):
            text += " " + sentence(tp.note)
        b.add("fee", tagged("telehealth", tp.id), [text], sources=tp.sources,
              window=(tp.effective_from, tp.effective_to), topics=["telehealth"])
    for w in fees.therapist_waivers:
        b.add("fee", tagged("waiver", w.id),
              ["Telehealth waiver: physical therapists, occupational therapists and speech-language pathologists "
               f"may furnish Medicare telehealth {window_words(w.effective_from, w.effective_to)}."
               + (f" {sentence(w.note)}" if w.note else "")],
              sources=w.sources, window=(w.effective_from, w.effective_to), topics=["telehealth", "waiver"])


def fees(b: Builder) -> None:
    _fee_passages(b)
    _rates(b)
    _telehealth(b)
    _units(b)


# the timed families whose units follow the CPT mid-point rule: a 30-minute primary and its 15-minute add-on
# (behaviour management: G0539/+G0540, the family's individual codes; its group codes 96202/+96203 count their own time)
UNIT_FAMILIES = ("cts", "direct_care", "behavior")


def unit_bands(codes: tuple[str, str], *, up_to: int = 112) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """(first minute, last minute, lines) for each band of total minutes of (primary, add-on), from `billing`."""
    bands: list[tuple[int, int, list[tuple[str, int]]]] = []
    for minutes in range(up_to + 1):
        lines = supported_lines_for_minutes(minutes, codes=codes)
        if bands and bands[-1][2] == lines:
            bands[-1] = (bands[-1][0], minutes, lines)
        else:
            bands.append((minutes, minutes, lines))
    return bands


def lines_words(lines: list[tuple[str, int]]) -> str:
    return " and ".join(f"{code} x{units}" for code, units in lines) if lines else "nothing reportable"


def _units(b: Builder) -> None:
    rule = b.kb.rules.get("units")
    if rule is None:
        return
    for family in UNIT_FAMILIES:
        try:
            primary, addon, group = b.kb.family_codes(family)
        except KnowledgeError:
            continue
        bands = "; ".join(f"{lo}-{hi} minutes: {lines_words(lines)}" for lo, hi, lines in unit_bands((primary, addon)))
        text = (
            f"Units of {primary}/{addon} by total face-to-face caregiver training minutes for one patient "
            f"(CPT mid-point rule, reportable from {MIDPOINT_MINIMUM} minutes): {bands}; each further 15 minutes "
            f"adds one {addon}. Payers that require the full time need {STRICT_MINIMUM} minutes for {primary} and "
            f"a further full 15 minutes for each {addon}."
            + (f" {group} is untimed: one unit per represented patient." if group else "")
        )
        b.add("units", family, [text], sources=rule.sources, codes=[primary, addon, group],
              topics=["units", "time", "midpoint"])


_FROM_LEVEL = {
    1: "the initial determination",
    2: "the redetermination decision",
    3: "the reconsideration decision",
    4: "the ALJ decision",
    5: "the Medicare Appeals Council decision",
}
_PAYERS = {"medicare": "Medicare", "medicare_advantage": "Medicare Advantage", "commercial": "commercial",
           "medicaid": "Medicaid", "other": "other"}


def _limit_words(route: AppealRoute, receipt_days: int) -> str:
    span = f"{route.filing_days} days" if route.filing_days else f"{route.filing_months} months"
    if route.counts_from == "receipt":
        previous = _FROM_LEVEL.get(route.level or 0, "the decision")
        presumed = f"receipt is presumed {receipt_days} days after the notice date"
        return f"within {span} from receipt of {previous} ({presumed})"
    if route.counts_from == "notice":
        return f"within {span} from the date of the notice"
    if route.counts_from == "service":
        return f"within {span} from the date of service"
    return "by the payer's own filing limit"


def appeals(b: Builder) -> None:
    rules = b.kb.appeals
    for route in rules.routes:
        if not route.sources:
            continue
        payers = ", ".join(_PAYERS[p] for p in route.payer_types if _PAYERS[p] not in route.title)
        level = f"appeal level {route.level}" if route.level else ""
        about = f" ({'; '.join(x for x in (payers, level) if x)})" if payers or level else ""
        form = f", on form {route.form} or a letter with the same content" if route.form else ""
        note = f" ({route.limit_note})" if route.limit_note else ""
        within = f" within {route.decision_days} days of receiving the request" if route.decision_days else ""
        text = (f"{route.title}{about}: decided by {route.decided_by}{within}; file it "
                f"{_limit_words(route, rules.presumed_receipt_days)}{note}{form}.")
        if route.use_when:  # when the route is the right one: "what's next after ...", "appeal or reopen?"
            text += f" {sentence(route.use_when)}"
        b.add("appeal", route.id, [text], sources=route.sources, topics=["appeal", "deadline", route.id])
    titles = {r.id: r.title for r in rules.routes}
    for aic in rules.amount_in_controversy:
        what = {"alj": "an Administrative Law Judge (ALJ) hearing", "federal_court": "federal district court review"}
        name = what.get(aic.route, titles.get(aic.route, aic.route))
        year = aic.effective_from.year if aic.effective_from else ""
        b.add("appeal", aic_entry(aic),
              [f"The amount in controversy needed for {name} is {money(aic.amount, cents=False)} in {year} "
               f"({window_words(aic.effective_from, aic.effective_to)})."],
              sources=aic.sources, window=(aic.effective_from, aic.effective_to),
              topics=["appeal", "amount_in_controversy", aic.route])
