"""`Annotated[..., Depends()]` aliases used by the route modules (one place, one name each)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.errors import ApiError
from api.offload import Offload
from api.security import Principal, authenticate
from assistant.service import Assistant
from assistant.settings import Settings


# async on purpose: a sync dependency costs a threadpool hop per request.
async def get_assistant(request: Request) -> Assistant:
    assistant: Assistant | None = getattr(request.app.state, "assistant", None)
    if assistant is None:  # the lifespan has not run (yet)
        raise ApiError(503, "starting", "The service is starting; retry in a few seconds.",
                       headers={"Retry-After": "5"})
    return assistant


async def get_offload(request: Request) -> Offload:
    offload: Offload | None = getattr(request.app.state, "offload", None)
    if offload is None:
        raise ApiError(503, "starting", "The service is starting; retry in a few seconds.",
                       headers={"Retry-After": "5"})
    return offload


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_practice(request: Request, principal: Annotated[Principal, Depends(authenticate)]) -> str:
    """The caller's practice (tenant): mapped from the API key, a practice of its own for an unmapped key,
    the configured practice for keyless loopback use. Worklist data never crosses practices."""
    settings: Settings = request.app.state.settings
    if not principal.digest:
        return settings.practice
    return settings.practice_keys.get(principal.digest) or f"key-{principal.digest[:16]}"


async def get_actor(principal: Annotated[Principal, Depends(authenticate)]) -> str:
    """Who is recorded in an item's history: the API key id (never the key)."""
    return "local" if principal.key_id == "open" else f"key:{principal.key_id}"


AssistantDep = Annotated[Assistant, Depends(get_assistant)]
PracticeDep = Annotated[str, Depends(get_practice)]
ActorDep = Annotated[str, Depends(get_actor)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
OffloadDep = Annotated[Offload, Depends(get_offload)]
CallerDep = Annotated[Principal, Depends(authenticate)]
