"""GET /v1/search: knowledge-base passages that answer a billing question."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AssistantDep, OffloadDep
from api.errors import responses
from api.schemas import IsoDate, SearchResponse
from assistant.parsing import MAX_QUESTION_CHARS, MIN_QUESTION_CHARS

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=SearchResponse,
    responses=responses(503),
    summary="Search the billing knowledge base",
)
async def search(
    assistant: AssistantDep,
    offload: OffloadDep,
    q: Annotated[str, Query(min_length=MIN_QUESTION_CHARS, max_length=MAX_QUESTION_CHARS,
                            description="The question, in plain words.")],
    k: Annotated[int, Query(ge=1, le=20, description="How many passages.")] = 5,
    dos: Annotated[IsoDate | None, Query(description="Date of service: only rules in force that day.")] = None,
) -> SearchResponse:
    passages = await offload.run_io("search", assistant.search, q, k=k, dos=dos)
    return SearchResponse(passages=passages)
