"""The CPU-bound work of the routes, as plain functions of (assistant, payload).

They run in a worker process (`api.pool`) or, for an injected assistant, in a worker thread
(`api.offload`), never on the event loop. Payloads are plain data (picklable); results are
ready-to-send JSON bytes, so the report is serialised once, where it was computed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from api.fhir import resolve_note
from assistant.parsing import parse_billed, parse_profile
from assistant.service import WARM_NOTE


def warm(assistant: Any) -> None:
    """Load the knowledge and run one synthetic check, so the first real task pays no loading cost."""
    assistant.check_note(WARM_NOTE)


class _Body:
    """The fields of a note input, as `resolve_note` reads them."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self.text: str | None = payload.get("text")
        self.document: dict[str, Any] | None = payload.get("document")
        self.dos: date | None = payload.get("dos")


def check(assistant: Any, payload: dict[str, Any]) -> bytes:
    """POST /v1/check: the report as JSON bytes."""
    text, dos = resolve_note(_Body(payload))
    report = assistant.check_note(text, dos=dos, billed=parse_billed(payload.get("billed")),
                                  profile=parse_profile(payload.get("profile")))
    # the serializer's own bytes: `model_dump_json()` decodes them to str, which would be encoded again
    body: bytes = report.__pydantic_serializer__.to_json(report)
    return body


def order_cards(assistant: Any, payload: dict[str, Any]) -> bytes:
    """POST /cds-services/cts-order-check: the cards as JSON bytes."""
    from api.cds_cards import CardsResponse, HookRequest, Link, order_cards_for

    body = HookRequest.model_validate(payload["body"])
    cards = order_cards_for(body, assistant, Link.model_validate(payload["link"]))
    return CardsResponse(cards=cards).model_dump_json(exclude_none=True).encode()


def _drafted(kind: str, assistant: Any, payload: dict[str, Any]) -> tuple[bytes, str, dict[str, str]]:
    """POST /v1/rewrite and /v1/appeals: (body, media type, headers) of the response."""
    from api.drafts import draft_appeal, draft_rewrite
    from api.schemas import AppealRequest, RewriteRequest

    if kind == "rewrite":
        response = draft_rewrite(RewriteRequest.model_validate(payload["body"]), assistant, payload["format"])
    else:
        response = draft_appeal(AppealRequest.model_validate(payload["body"]), assistant, payload["format"])
    disposition = response.headers.get("content-disposition")
    return bytes(response.body), str(response.media_type), ({"Content-Disposition": disposition} if disposition else {})


def rewrite(assistant: Any, payload: dict[str, Any]) -> tuple[bytes, str, dict[str, str]]:
    return _drafted("rewrite", assistant, payload)


def appeal(assistant: Any, payload: dict[str, Any]) -> tuple[bytes, str, dict[str, str]]:
    return _drafted("appeal", assistant, payload)


TASKS: dict[str, Callable[[Any, Any], Any]] = {"check": check, "order_cards": order_cards, "rewrite": rewrite,
                                               "appeal": appeal}
