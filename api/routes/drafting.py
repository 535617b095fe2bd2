"""POST /v1/rewrite and POST /v1/appeals: drafts, as JSON or as a DOCX download (`?format=docx`)."""

from __future__ import annotations

import importlib
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from api.deps import OffloadDep
from api.downloads import DOCX
from api.errors import responses
from api.offload import Offload
from api.schemas import AppealRequest, RewriteRequest
from assistant.service import refuse_oversized_note

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


@router.post("/rewrite", response_model=_result_model("RewriteResult"), responses=_docx_response("rewrite"),
             summary="Rewrite a note so it documents every element it can, without inventing facts")
async def rewrite(body: RewriteRequest, offload: OffloadDep, format: Format = "json") -> Response:
    return await _drafted(offload, "rewrite", body, format)


async def _drafted(offload: Offload, task: str, body: BaseModel, fmt: str) -> Response:
    """Drafting runs in the drafting lane (worker processes: its CPU never competes with the event loop)."""
    text = getattr(body, "text", None)
    if isinstance(text, str):  # before the drafting lane: an over-limit note is 413 at once
        refuse_oversized_note(text, max_bytes=offload.settings.max_note_bytes)
    payload = {"body": body.model_dump(exclude_unset=True), "format": fmt}
    content, media_type, headers = await offload.run_lane("drafting", task, payload)
    return Response(content, media_type=media_type, headers=headers)


@router.post("/appeals", response_model=_result_model("AppealResult"), responses=_docx_response("appeal"),
             summary="Recommend appeal / corrected claim / no appeal, and draft a grounded letter")
async def appeal(body: AppealRequest, offload: OffloadDep, format: Format = "json") -> Response:
    return await _drafted(offload, "appeal", body, format)
