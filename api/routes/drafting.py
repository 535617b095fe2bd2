"""POST /v1/rewrite and POST /v1/appeals: drafts, as JSON or as a DOCX download (`?format=docx`)."""

from __future__ import annotations

import importlib
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from api.deps import OffloadDep
from api.downloads import DOCX, render_docx
from api.errors import responses
from api.fhir import claim_response_denial, resolve_note
from api.offload import Offload
from api.schemas import AppealRequest, RewriteRequest
from assistant.service import Assistant

router = APIRouter(tags=["drafting"])


def _result_model(name: str) -> Any:
    """The library's result model when the drafting package provides it, else a free-form object."""
    try:
        return getattr(importlib.import_module("assistant.drafting.models"), name)
    except (ImportError, AttributeError):
        return dict[str, Any]


Format = Annotated[Literal["json", "docx"], Query(description="`docx` returns a Word document to download.")]


def _docx_response(kind: str) -> dict[int | str, dict[str, Any]]:
    out = responses(502, 503)
    out[200] = {"content": {DOCX: {"schema": {"type": "string", "format": "binary"}}},
                "description": f"The {kind} as JSON, or as DOCX with `format=docx`."}
    return out


def _reply(result: Any, fmt: str, kind: str) -> Response:
    if fmt == "docx":
        return Response(render_docx(result, kind), media_type=DOCX,
                        headers={"Content-Disposition": f'attachment; filename="{kind}.docx"'})
    if isinstance(result, BaseModel):
        return Response(result.model_dump_json(), media_type="application/json")
    import json

    return Response(json.dumps(result, default=str), media_type="application/json")


@router.post("/rewrite", response_model=_result_model("RewriteResult"), responses=_docx_response("rewrite"),
             summary="Rewrite a note so it documents every element it can, without inventing facts")
async def rewrite(body: RewriteRequest, offload: OffloadDep, format: Format = "json") -> Response:
    return await _drafted(offload, "rewrite", body, format)


async def _drafted(offload: Offload, task: str, body: BaseModel, fmt: str) -> Response:
    """Drafting runs in the drafting lane (worker processes: its CPU never competes with the event loop)."""
    payload = {"body": body.model_dump(exclude_unset=True), "format": fmt}
    content, media_type, headers = await offload.run_lane("drafting", task, payload)
    return Response(content, media_type=media_type, headers=headers)


def draft_rewrite(body: RewriteRequest, assistant: Assistant, fmt: str) -> Response:
    text, dos = resolve_note(body)
    return _reply(assistant.rewrite_note(text, dos=dos, known_names=body.all_known_names()), fmt, "rewrite")


@router.post("/appeals", response_model=_result_model("AppealResult"), responses=_docx_response("appeal"),
             summary="Recommend appeal / corrected claim / no appeal, and draft a grounded letter")
async def appeal(body: AppealRequest, offload: OffloadDep, format: Format = "json") -> Response:
    return await _drafted(offload, "appeal", body, format)


def draft_appeal(body: AppealRequest, assistant: Assistant, fmt: str) -> Response:
    text, dos = resolve_note(body)
    denial, denial_text = body.denial, body.denial_text
    if body.claim_response is not None:
        found = claim_response_denial(body.claim_response)
        denial = " ".join(x for x in (denial, found.codes) if x)
        denial_text = denial_text or found.text
    assert denial is not None  # AppealRequest requires denial or claim_response
    result = assistant.draft_appeal(denial, text, claim=body.claim, denial_text=denial_text, dos=dos,
                                    known_names=body.all_known_names())
    return _reply(result, fmt, "appeal")
