"""From validated x12sdk loop models to the domain models of `assistant.remittance.models`.

The values were validated by x12sdk against the TR3 (types, code lists, balance) and are typed
already, so the domain models are built without validating them a second time (`model_construct`).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from assistant.remittance.envelope import Delimiters, Segment
from assistant.remittance.models import Adjustment, Claim, Payment, ProviderAdjustment, ServiceLine


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = str(value)
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        return None


def adjustments(cas_segments: list[Any] | None) -> list[Adjustment]:
    out: list[Adjustment] = []
    for cas in cas_segments or []:
        group = text(cas.adjustment_group_code)
        for i in range(1, 7):
            reason = getattr(cas, f"adjustment_reason_code_{i}", None)
            amount = getattr(cas, f"monetary_amount_{i}", None)
            if reason and amount is not None:
                out.append(
                    Adjustment.model_construct(
                        group=group, reason=text(reason), amount=amount, quantity=getattr(cas, f"quantity_{i}", None)
                    )
                )
    return out


def _refs(ref_segments: list[Any] | None) -> dict[str, str]:
    return {text(r.reference_identification_qualifier): text(r.reference_identification) for r in ref_segments or []}


def service_line(model: Any, position: int, delims: Delimiters) -> ServiceLine:
    svc = model.svc_segment
    parts = text(svc.composite_medical_procedure_identifier_1).split(delims.component)
    # SVC06: the procedure as billed, sent only when the payer adjudicated the line under another code
    submitted = text(svc.composite_medical_procedure_identifier_2).split(delims.component)
    dates = {text(d.date_time_qualifier): as_date(d.production_date) for d in model.dtm_segment or []}
    allowed = next((a.monetary_amount for a in model.amt_segment or [] if text(a.amount_qualifier_code) == "B6"), None)
    return ServiceLine.model_construct(
        position=position,
        qualifier=parts[0],
        procedure=parts[1] if len(parts) > 1 else "",
        modifiers=[m for m in parts[2:6] if m],
        charge=svc.line_item_charge_amount,
        paid=svc.line_item_provider_payment_amount,
        units=svc.units_of_service_paid_count if svc.units_of_service_paid_count is not None else Decimal("1"),
        original_units=svc.original_units_of_service_count,
        service_date=dates.get("472") or dates.get("150"),
        adjustments=adjustments(model.cas_segment),
        remarks=[
            text(lq.form_identifier) for lq in model.lq_segment or [] if text(lq.code_list_qualifier_code) == "HE"
        ],
        control_number=_refs(model.ref_segment).get("6R"),
        allowed=allowed,
        submitted_procedure=submitted[1] if len(submitted) > 1 and submitted[1] else None,
        submitted_modifiers=[m for m in submitted[2:6] if m],
    )


def _claim_remarks(model: Any) -> list[str]:
    remarks: list[str] = []
    for segment in (model.moa_segment, model.mia_segment):
        if segment is None:
            continue
        for name, value in segment:
            if "remark_code" in name and value:
                remarks.append(text(value))
    return remarks


def claim(model: Any, position: int, line_positions: list[int], delims: Delimiters) -> Claim:
    clp = model.clp_segment
    people = {text(n.entity_identifier_code): n for n in model.nm1_segment or []}
    patient = people.get("QC")
    rendering = people.get("82")
    dates = {text(d.date_time_qualifier): as_date(d.production_date) for d in model.dtm_segment or []}
    claim_dates = (dates.get("232"),)
    lines = [service_line(m, p, delims) for m, p in zip(model.loop_2110 or [], line_positions, strict=True)]
    for line in lines:
        if line.service_date is None and claim_dates[0] is not None:
            line.service_date = claim_dates[0]  # the statement period applies when a line has no DTM*472
    return Claim.model_construct(
        position=position,
        patient_control_number=text(clp.patient_control_number),
        status=text(clp.claim_status_code),
        charge=clp.total_claim_charge_amount,
        paid=clp.claim_payment_amount,
        patient_responsibility=clp.patient_responsibility_amount or Decimal("0"),
        filing_indicator=text(clp.claim_filing_indicator_code),
        payer_claim_number=text(clp.payer_claim_control_number),
        frequency=text(clp.claim_frequency_type_code),
        patient_last=text(patient.name_last_or_organization_name) if patient else "",
        patient_first=text(patient.name_first) if patient else "",
        member_id=text(patient.identification_code) if patient else "",
        rendering_npi=text(rendering.identification_code) if rendering else "",
        original_reference=_refs(model.ref_segment).get("F8", ""),
        received_date=dates.get("050"),
        adjustments=adjustments(model.cas_segment),
        remarks=_claim_remarks(model),
        lines=lines,
    )


def provider_adjustments(plb: Any, seg: Segment, delims: Delimiters) -> list[ProviderAdjustment]:
    out = []
    for i in range(1, 7):
        code = getattr(plb, f"adjustment_reason_code_{i}", None)
        amount = getattr(plb, f"provider_adjustment_amount_{i}", None)
        if not code or amount is None:
            continue
        reason, _, reference = text(code).partition(delims.component)
        out.append(
            ProviderAdjustment(
                position=seg.position,
                provider_id=text(plb.provider_identifier),
                fiscal_date=as_date(plb.fiscal_period_date),
                reason=reason,
                reference=reference,
                amount=amount,
            )
        )
    return out


def payment(header: Any, payer: Any, payee: Any, position: int, control: tuple[str, str, str]) -> Payment:
    bpr, trn = header.bpr_segment, header.trn_segment
    dtm = header.dtm_segment
    payer_refs = _refs(payer.ref_segment)
    return Payment(
        position=position,
        interchange_control=control[0],
        group_control=control[1],
        control_number=control[2],
        payer_name=text(payer.n1_segment.name),
        payer_id=text(trn.originating_company_identifier)
        or payer_refs.get("2U", "")
        or text(payer.n1_segment.identification_code),
        payee_name=text(payee.n1_segment.name) if payee else "",
        payee_npi=text(payee.n1_segment.identification_code) if payee else "",
        amount=bpr.total_actual_provider_payment_amount,
        method=text(bpr.payment_method_code),
        trace_number=text(trn.reference_identification_1),
        payment_date=as_date(getattr(bpr, "eft_effective_date", None)),
        production_date=as_date(dtm.production_date)
        if dtm is not None and text(dtm.date_time_qualifier) == "405"
        else None,
    )
