"""POST /v1/check: the skilled-service check of one note (spec/checks.md's report)."""

from __future__ import annotations

import functools

from fastapi import APIRouter, Response
from starlette.concurrency import run_in_threadpool

from api.deps import AssistantDep
from api.errors import responses
from api.fhir import resolve_note
from api.schemas import CheckRequest
from assistant.models import Report
from assistant.parsing import parse_billed

router = APIRouter(tags=["check"])

# Below this size the check takes about a millisecond: running it on the event loop is cheaper
# than a threadpool hop. Larger notes go to the threadpool so they never stall other requests.
_INLINE_CHARS = 20_000


@router.post(
    "/check",
    response_model=Report,
    responses=responses(),
    summary="Check a caregiver-training note",
    description="Every element of the check contract met / missing / problem / not_applicable / unclear, "
    "with evidence spans into the submitted text, the time summary, supported units and expected payment.",
)
async def check(body: CheckRequest, assistant: AssistantDep) -> Response:
    text, dos = resolve_note(body)
    billed = parse_billed(body.billed)
    run = functools.partial(assistant.check_note, text, dos=dos, billed=billed, profile=body.profile)
    report = run() if len(text) <= _INLINE_CHARS else await run_in_threadpool(run)
    # Serialise once (pydantic-core), skipping FastAPI's re-validation of the response model.
    return Response(report.model_dump_json(), media_type="application/json")
