"""The drafting work behind POST /v1/rewrite and /v1/appeals, run in the drafting lane's workers.

Apart from the route module so worker processes (api.tasks) import no routes.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Response
from pydantic import BaseModel

from api.downloads import DOCX, render_docx
from api.fhir import claim_response_denial, resolve_note
from api.schemas import AppealRequest, RewriteRequest
from assistant.service import Assistant, claim_with_response


def _reply(result: Any, fmt: str, kind: str) -> Response:
    if fmt == "docx":
        return Response(render_docx(result, kind), media_type=DOCX,
                        headers={"Content-Disposition": f'attachment; filename="{kind}.docx"'})
    if isinstance(result, BaseModel):
        return Response(result.model_dump_json(), media_type="application/json")
    return Response(json.dumps(result, default=str), media_type="application/json")


def draft_rewrite(body: RewriteRequest, assistant: Assistant, fmt: str) -> Response:
    text, dos = resolve_note(body)
    return _reply(assistant.rewrite_note(text, dos=dos, known_names=body.all_known_names()), fmt, "rewrite")



def draft_appeal(body: AppealRequest, assistant: Assistant, fmt: str) -> Response:
    text, dos = resolve_note(body)
    denial, denial_text, claim = body.denial, body.denial_text, body.claim
    if body.claim_response is not None:
        found = claim_response_denial(body.claim_response, assistant.knowledge.training_codes)
        denial = " ".join(x for x in (denial, found.codes) if x)
        denial_text = denial_text or found.text
        claim = claim_with_response(claim, body.claim_response)
    assert denial is not None  # AppealRequest requires denial or claim_response
    result = assistant.draft_appeal(
        denial, text, claim=claim, denial_text=denial_text, dos=dos, known_names=body.all_known_names()
    )
    return _reply(result, fmt, "appeal")
