"""GET /v1/codes/{code}: paraphrased descriptor, RVUs and national payment for a date of service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import AssistantDep
from api.errors import responses
from api.schemas import IsoDate
from assistant.models import CodeDetail

router = APIRouter(tags=["codes"])


@router.get(
    "/codes/{code}",
    response_model=CodeDetail,
    responses=responses(404),
    summary="Describe a CTS code and its payment on a date of service",
    description="422 when the date of service is outside the fee tables (for example in a future year whose "
    "fee schedule is not in the knowledge base) or the code was not in effect that day.",
)
def code_detail(
    assistant: AssistantDep,
    code: Annotated[str, Path(pattern=r"^[A-Za-z0-9]{5}$", description="CPT or HCPCS code, e.g. 97550 or G0541.",
                                examples=["97550", "97551", "G0541"])],
    dos: Annotated[
        IsoDate | None, Query(description="Date of service; today (or the latest fee period) when absent.")
    ] = None,
) -> CodeDetail:
    return assistant.code_detail(code, dos)
