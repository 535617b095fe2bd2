"""CDS Hooks 2.0: discovery, a patient-view card opening the sidebar, an order-sign check of CTS orders.

There is no "note-sign" hook in the CDS Hooks library, so the sidebar itself is the main
integration (a SMART app); `patient-view` offers it, and `order-sign` checks a draft
caregiver-training ServiceRequest (or ChargeItem) when the EHR represents the service that way.
Cards follow the spec: summary under 140 characters, indicator, source; optional JSON is omitted.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from api.cds_cards import CardsResponse, HookRequest, Link, Out, card
from api.deps import OffloadDep, SettingsDep
from api.errors import ApiError, responses

router = APIRouter(prefix="/cds-services", tags=["cds-hooks"])

class Service(Out):
    hook: str
    id: str
    title: str | None = None
    description: str
    prefetch: dict[str, str] | None = None
    usageRequirements: str | None = None  # noqa: N815 - CDS Hooks field name


class Discovery(Out):
    services: list[Service]


SERVICES = {
    "cts-sidebar": Service(
        hook="patient-view", id="cts-sidebar", title="Caregiver training documentation check",
        description="Offers the CTS documentation sidebar (SMART app) for checking a caregiver-training note.",
        usageRequirements="Register the sidebar as a SMART app; no prefetch is requested."),
    "cts-order-check": Service(
        hook="order-sign", id="cts-order-check", title="Caregiver training order check",
        description="Checks draft caregiver-training orders or charges (97550/97551/97552, G0539/G0540, "
        "G0541/G0542/G0543): add-on pairing, group units, code family by date, and each order's attached note, with "
        "the ordered lines compared with what the notes support."),
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
        cards = CardsResponse(cards=[card(
            "Check a caregiver-training note before you sign it.", "info",
            "Open the sidebar to see every required element, the units the minutes support and the payment.",
            [link])])
        return Response(cards.model_dump_json(exclude_none=True), media_type="application/json")
    _require(body.context, "patientId", "draftOrders")
    payload = {"body": body.model_dump(), "link": link.model_dump()}
    size = int(request.headers.get("content-length") or 0)
    return Response(await offload.run_cpu("order_cards", payload, size=size), media_type="application/json")


def _require(context: dict[str, Any], *names: str) -> None:
    # present but of the wrong type (draftOrders: []) is not missing: the reader of its value says what is wrong
    missing = [n for n in names if context.get(n) is None or context.get(n) == ""]
    if missing:
        raise ApiError(422, "missing_context", f"context is missing {', '.join(missing)}.")


def _sidebar_link(request: Request, body: HookRequest, *, smart: bool) -> Link:
    url = str(request.url_for("sidebar_page"))
    ctx = {k: body.context[k] for k in ("patientId", "encounterId") if isinstance(body.context.get(k), str)}
    if smart:
        return Link(label="Open CTS documentation check", url=url, type="smart", appContext=json.dumps(ctx))
    return Link(label="Open CTS documentation check", url=url, type="absolute")


