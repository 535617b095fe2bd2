"""POST /v1/answer: one to three cited sentences that answer a billing question, then the passages."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import AssistantDep, OffloadDep
from api.errors import responses
from api.schemas import AnswerRequest
from assistant.models import Answer

router = APIRouter(tags=["search"])


@router.post(
    "/answer",
    response_model=Answer,
    responses=responses(503),
    summary="Answer a billing question in one to three cited sentences",
    description="Each sentence names the passage (and source) it comes from; the passages follow. `answered` is "
    "false, and the text says so, when the knowledge base does not answer the question. With a language model "
    "configured the model writes the sentences through the answer gate (no number, code or date the cited "
    "passages do not hold); otherwise they are extracted offline.",
)
async def answer(assistant: AssistantDep, offload: OffloadDep, body: AnswerRequest) -> Answer:
    # Retrieval and, when configured, a model call: in the drafting lane, within the time budget.
    result: Answer = await offload.run_io("drafting", assistant.answer, body.question, dos=body.dos, k=body.k)
    return result
