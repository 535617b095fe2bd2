"""GET /worklist: the biller's worklist page (static HTML/JS/CSS in `api/static`, no build, no CDN)."""

from __future__ import annotations

import html
import json
from functools import lru_cache

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import SettingsDep
from api.routes.sidebar import STATIC

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _template() -> str:
    return (STATIC / "worklist.html").read_text(encoding="utf-8")


@router.get("/worklist", response_class=HTMLResponse, name="worklist_page")
async def worklist_page(settings: SettingsDep) -> HTMLResponse:
    # Configuration reaches the script through a data attribute (the CSP forbids inline scripts).
    config = {"keyRequired": bool(settings.api_keys)}
    return HTMLResponse(_template().replace("{{CONFIG}}", html.escape(json.dumps(config), quote=True)))
