"""GET /v1/codes/{code}: paraphrased descriptor, RVUs and national payment for a date of service."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import AssistantDep
from api.errors import ApiError, responses
from api.schemas import CodeDetail, CodePayment, CodePeriod, CodeRVU, IsoDate
from assistant.knowledge.schema import ConversionFactor

router = APIRouter(tags=["codes"])


@router.get(
    "/codes/{code}",
    response_model=CodeDetail,
    responses=responses(404),
    summary="Describe a CTS code and its payment on a date of service",
    description="422 when the date of service is outside the fee tables (for example in a future year whose "
    "fee schedule is not in the knowledge base) or the code was not in effect that day.",
)
def code_detail(
    assistant: AssistantDep,
    code: Annotated[str, Path(pattern=r"^[A-Za-z0-9]{5}$", description="CPT or HCPCS code, e.g. 97550 or G0541.",
                                examples=["97550", "97551", "G0541"])],
    dos: Annotated[IsoDate | None, Query(description="Date of service; today (or the latest fee period) when absent.")] = None,
) -> CodeDetail:
    kb = assistant.knowledge
    info = kb.codes.get(code.upper())
    if info is None:
        raise ApiError(404, "unknown_code", "This code is not in the knowledge base (CTS and related codes only).")
    fees = kb.fees
    day, note = _pick_day(fees.conversion_factors, dos)
    if not info.in_force(day):
        raise ApiError(422, "code_not_in_effect", f"{info.code} was not in effect on {day.isoformat()} "
                         f"(effective from {info.effective_from}).")
    cfs = [cf for cf in fees.conversion_factors if cf.in_force(day)]
    rows = sorted((r for r in fees.rvus if r.code == info.code and r.in_force(day)),
                  key=lambda r: (r.effective_from or date.min, r.release))
    rvu = rows[-1] if rows else None
    payments = []
    if rvu is not None:
        for cf in cfs:
            nonfac = round(rvu.total_nonfacility * cf.amount, 2)
            payments.append(CodePayment(
                conversion_factor_id=cf.id, variant=cf.variant, non_facility=nonfac,
                facility=round(rvu.total_facility * cf.amount, 2),
                non_facility_assistant=round(nonfac * fees.assistant_payment_rate, 2)))
    elif not note:
        note = "No RVUs are published for this code on this date."
    return CodeDetail(
        **info.model_dump(include={"code", "short_descriptor", "paraphrase", "family", "kind", "timed", "minutes",
                                   "primary", "effective_from", "effective_to", "sources"}),
        dos=day,
        rvu=CodeRVU(**rvu.model_dump(include=set(CodeRVU.model_fields))) if rvu else None,
        periods=[CodePeriod(conversion_factor_id=cf.id, conversion_factor=cf.amount, variant=cf.variant,
                            effective_from=cf.effective_from, effective_to=cf.effective_to) for cf in cfs],
        payments=payments,
        note=note,
    )


def _pick_day(cfs: list[ConversionFactor], dos: date | None) -> tuple[date, str]:
    """The date whose fee period applies; 422 when an explicit DOS is outside the fee tables."""
    starts = [cf.effective_from for cf in cfs if cf.effective_from]
    ends = [cf.effective_to for cf in cfs]
    first = min(starts) if starts else date.min
    last = None if any(e is None for e in ends) else max(e for e in ends if e)
    if dos is None:
        today = date.today()
        if any(cf.in_force(today) for cf in cfs) or not cfs:
            return today, ""
        latest = max(cfs, key=lambda cf: cf.effective_from or date.min)
        day = latest.effective_to or latest.effective_from or today
        return day, f"No date of service given; showing the latest fee period in the knowledge base ({latest.id})."
    if any(cf.in_force(dos) for cf in cfs):
        return dos, ""
    if last is not None and dos > last:
        raise ApiError(422, "dos_beyond_fee_tables",
                         f"No fee schedule for {dos.isoformat()}: the knowledge base covers dates of service "
                         f"{first.isoformat()} to {last.isoformat()}. Update the fee tables for later years.")
    raise ApiError(422, "dos_outside_fee_tables",
                     f"No fee schedule for {dos.isoformat()}: the knowledge base starts at {first.isoformat()}.")
