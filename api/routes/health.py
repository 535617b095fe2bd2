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
    description="200 once the knowledge base is loaded and the check runs: `ready` when everything is built, "
    "`warming` while the retrieval index or the language-model backend are still being built in the background, "
    "`degraded` when one of them failed (search or drafting will answer errors). 503 while starting or when the "
    "knowledge base is unusable.",
    responses={503: {"description": "Not ready", "model": Readiness}},
)
async def readyz(request: Request) -> JSONResponse:
    components: dict[str, str] = dict(request.app.state.components)
    offload = getattr(request.app.state, "offload", None)
    if offload is not None:  # every CPU lane has a worker ready
        stats = [lane.stats for lane in offload.cpu.values()]
        ready = all(s["ready"] for s in stats)
        failed = any(not s["ready"] and not s.get("starting", 1) for s in stats)
        components["workers"] = "ok" if ready else "failed: no worker process started" if failed else "warming"
    version = request.app.state.knowledge_version
    values = components.values()
    if components.get("knowledge") != "ok":
        failed = str(components.get("knowledge", "")).startswith("failed")
        status, code = ("degraded" if failed else "starting"), 503
    elif all(v == "ok" for v in values):
        status, code = "ready", 200
    elif any(str(v).startswith("failed") for v in values):
        status, code = "degraded", 200
    else:
        status, code = "warming", 200
    body = Readiness(status=status, components=components, knowledge_version=version)
    return JSONResponse(body.model_dump(), status_code=code)

