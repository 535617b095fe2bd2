"""POST /v1/check: the skilled-service check of one note (spec/checks.md's report)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import OffloadDep
from api.errors import responses
from api.schemas import CheckRequest
from assistant.models import Report

router = APIRouter(tags=["check"])


@router.post(
    "/check",
    response_model=Report,
    responses=responses(),
    summary="Check a caregiver-training note",
    description="Every element of the check contract met / missing / problem / not_applicable / unclear, "
    "with evidence spans into the submitted text, the time summary, supported units and expected payment.",
)
async def check(body: CheckRequest, request: Request, offload: OffloadDep) -> Response:
    # Parsing the document, the check and the serialisation all run in a worker process; the
    # report comes back as JSON bytes, serialised once (pydantic-core) and never re-validated.
    payload = {"text": body.text, "document": body.document, "dos": body.dos, "billed": body.billed,
               "profile": body.profile}
    size = len(body.text) if body.text is not None else int(request.headers.get("content-length") or 0)
    report_json: bytes = await offload.run_cpu("check", payload, size=size)
    return Response(report_json, media_type="application/json")
