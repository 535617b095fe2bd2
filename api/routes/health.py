"""GET /healthz (the process answers) and GET /readyz (knowledge, index and backend are built)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.schemas import Health, Readiness

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness")
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="Readiness",
    description="200 when the knowledge base loaded (the check works); `degraded` when the retrieval index or "
    "the language-model backend could not be built (search or drafting will fail); 503 while starting or "
    "when the knowledge base is unusable.",
    responses={503: {"description": "Not ready", "model": Readiness}},
)
async def readyz(request: Request) -> JSONResponse:
    components: dict[str, str] = dict(request.app.state.components)
    version = request.app.state.knowledge_version
    if components.get("knowledge") != "ok":
        status, code = "starting" if not components else "degraded", 503
    else:
        status = "ready" if all(v == "ok" for v in components.values()) else "degraded"
        code = 200
    body = Readiness(status=status, components=components, knowledge_version=version)
    return JSONResponse(body.model_dump(), status_code=code)

