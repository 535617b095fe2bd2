"""CDS Hooks 2.0: discovery, a patient-view card opening the sidebar, an order-sign check of CTS orders.

There is no "note-sign" hook in the CDS Hooks library, so the sidebar itself is the main
integration (a SMART app); `patient-view` offers it, and `order-sign` checks a draft
caregiver-training ServiceRequest (or ChargeItem) when the EHR represents the service that way.
Cards follow the spec: summary under 140 characters, indicator, source; optional JSON is omitted.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from api.deps import OffloadDep, SettingsDep
from api.errors import ApiError, responses
from assistant.models import BilledLine
from assistant.service import Assistant

router = APIRouter(prefix="/cds-services", tags=["cds-hooks"])

SOURCE_LABEL = "CTS Documentation Assistant"


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Service(Out):
    hook: str
    id: str
    title: str | None = None
    description: str
    prefetch: dict[str, str] | None = None
    usageRequirements: str | None = None  # noqa: N815 - CDS Hooks field name


class Discovery(Out):
    services: list[Service]


class Source(Out):
    label: str
    url: str | None = None


class Link(Out):
    label: str
    url: str
    type: Literal["absolute", "smart"]
    appContext: str | None = None  # noqa: N815


class Card(Out):
    uuid: str | None = None
    summary: str = Field(max_length=139)
    detail: str | None = None
    indicator: Literal["info", "warning", "critical"]
    source: Source
    links: list[Link] | None = None


class CardsResponse(Out):
    cards: list[Card]


class HookRequest(BaseModel):
    """A CDS Hooks call. Extra keys are accepted: clients send extensions."""

    model_config = ConfigDict(extra="allow")
    hook: str
    hookInstance: str  # noqa: N815
    fhirServer: str | None = None  # noqa: N815
    fhirAuthorization: dict[str, Any] | None = None  # noqa: N815
    context: dict[str, Any]
    prefetch: dict[str, Any] | None = None


SERVICES = {
    "cts-sidebar": Service(
        hook="patient-view", id="cts-sidebar", title="Caregiver training documentation check",
        description="Offers the CTS documentation sidebar (SMART app) for checking a caregiver-training note.",
        usageRequirements="Register the sidebar as a SMART app; no prefetch is requested."),
    "cts-order-check": Service(
        hook="order-sign", id="cts-order-check", title="Caregiver training order check",
        description="Checks draft caregiver-training orders or charges (97550/97551/97552, G0541/G0542/G0543): "
        "add-on pairing, group units, code family by date, and the attached note when one is sent."),
}

ServiceId = Annotated[
    str, Path(description="A service id from discovery.", examples=["cts-sidebar", "cts-order-check"])
]


@router.get("", response_model=Discovery, response_model_exclude_none=True, summary="CDS Hooks discovery",
            responses=responses())
async def discovery() -> Discovery:
    return Discovery(services=list(SERVICES.values()))


@router.post("/{service_id}", response_model=CardsResponse, response_model_exclude_none=True,
             summary="Call a CDS service", responses=responses(404))
async def call_service(service_id: ServiceId, body: HookRequest, request: Request,
                       offload: OffloadDep, settings: SettingsDep) -> Response:
    service = SERVICES.get(service_id)
    if service is None:
        raise ApiError(404, "unknown_service", "No CDS service with this id; see GET /cds-services.")
    if body.hook != service.hook:
        raise ApiError(422, "wrong_hook", f"Service {service.id} answers the {service.hook} hook only.")
    link = _sidebar_link(request, body, smart=bool(settings.smart_client_id))
    if service.hook == "patient-view":
        _require(body.context, "patientId", "userId")
        cards = CardsResponse(cards=[_card(
            "Check a caregiver-training note before you sign it.", "info",
            "Open the sidebar to see every required element, the units the minutes support and the payment.",
            [link])])
        return Response(cards.model_dump_json(exclude_none=True), media_type="application/json")
    _require(body.context, "patientId", "draftOrders")
    payload = {"body": body.model_dump(), "link": link.model_dump()}
    size = int(request.headers.get("content-length") or 0)
    return Response(await offload.run_cpu("order_cards", payload, size=size), media_type="application/json")


def _require(context: dict[str, Any], *names: str) -> None:
    missing = [n for n in names if not context.get(n)]
    if missing:
        raise ApiError(422, "missing_context", f"context is missing {', '.join(missing)}.")


Indicator = Literal["info", "warning", "critical"]


def _card(summary: str, indicator: Indicator, detail: str | None = None, links: list[Link] | None = None) -> Card:
    return Card(uuid=str(uuid.uuid4()), summary=summary[:139], indicator=indicator, detail=detail,
                source=Source(label=SOURCE_LABEL), links=links)


def _sidebar_link(request: Request, body: HookRequest, *, smart: bool) -> Link:
    url = str(request.url_for("sidebar_page"))
    ctx = {k: body.context[k] for k in ("patientId", "encounterId") if isinstance(body.context.get(k), str)}
    if smart:
        return Link(label="Open CTS documentation check", url=url, type="smart", appContext=json.dumps(ctx))
    return Link(label="Open CTS documentation check", url=url, type="absolute")


def _orders(bundle: Any) -> list[dict[str, Any]]:
    if not isinstance(bundle, dict) or not isinstance(bundle.get("entry", []), list):
        raise ApiError(422, "bad_draft_orders", "context.draftOrders must be a FHIR Bundle.")
    out = []
    for entry in bundle.get("entry", []):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict) and resource.get("resourceType") in {"ServiceRequest", "ChargeItem"}:
            out.append(resource)
    return out


def _cts_lines(resource: dict[str, Any], training: frozenset[str]) -> list[tuple[str, int]]:
    code: dict[str, Any] = resource["code"] if isinstance(resource.get("code"), dict) else {}
    codings: list[Any] = code["coding"] if isinstance(code.get("coding"), list) else []
    qty = resource.get("quantityQuantity") or resource.get("quantity") or {}
    units = qty.get("value", 1) if isinstance(qty, dict) else 1
    units = int(units) if isinstance(units, (int, float)) and 0 < units < 100 else 1
    return [(str(c["code"]).upper(), units) for c in codings
            if isinstance(c, dict) and str(c.get("code", "")).upper() in training]


def _order_date(resource: dict[str, Any]) -> date | None:
    for key in ("occurrenceDateTime", "authoredOn", "enteredDate"):
        value = resource.get(key)
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def order_cards_for(body: HookRequest, assistant: Assistant, link: Link) -> list[Card]:
    """The cards of an order-sign call (runs in a worker: api.tasks.order_cards)."""
    lines: list[tuple[str, int]] = []
    notes: list[str] = []
    dos: date | None = None
    for resource in _orders(body.context.get("draftOrders")):
        found = _cts_lines(resource, assistant.knowledge.training_codes)
        if found:
            lines += found
            dos = dos or _order_date(resource)
            notes += [n["text"] for n in resource.get("note", []) if isinstance(resource.get("note"), list)
                      and isinstance(n, dict) and isinstance(n.get("text"), str)]
    if not lines:
        return []  # nothing about caregiver training: no card
    cards = [_card(f.text, f.indicator) for f in assistant.order_findings(lines, dos)]
    if notes:
        billed = [BilledLine(code=c, units=u) for c, u in lines]
        report = assistant.check_note("\n".join(notes), dos=dos, billed=billed)
        s = report.summary
        indicator: Indicator = "critical" if s.blocking else "warning" if s.warnings else "info"
        supported = ", ".join(f"{ln.code} x{ln.units}" for ln in report.billing.lines) or "no CTS units"
        cards.append(_card(f"CTS note: {s.blocking} blocking, {s.warnings} warnings; "
                           f"documentation supports {supported}.",
                           indicator, "Open the sidebar to see each element and its evidence.", [link]))
    elif not cards:
        cards.append(_card("Caregiver training ordered: document consent, caregiver, skills, return demo and minutes.",
                           "info", None, [link]))
    return cards
