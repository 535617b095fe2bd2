"""GET /sidebar: the EHR sidebar page (static HTML/JS/CSS shipped in `api/static`, no build, no CDN)."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import SettingsDep

router = APIRouter(include_in_schema=False)
STATIC = Path(__file__).resolve().parent.parent / "static"


@lru_cache(maxsize=1)
def _template() -> str:
    return (STATIC / "sidebar.html").read_text(encoding="utf-8")


@router.get("/sidebar", response_class=HTMLResponse, name="sidebar_page")
async def sidebar_page(settings: SettingsDep) -> HTMLResponse:
    # Configuration reaches the script through data attributes (the CSP forbids inline scripts).
    config = {
        "smartClientId": settings.smart_client_id or "",
        "smartScope": "launch openid fhirUser patient/Patient.rs patient/DocumentReference.rs",
        "keyRequired": bool(settings.api_keys),
        # Host pages allowed to post a note into the sidebar (window.postMessage).
        "allowedOrigins": [a for a in settings.frame_ancestors if a.startswith(("https://", "http://"))],
    }
    page = _template().replace("{{CONFIG}}", html.escape(json.dumps(config), quote=True))
    return HTMLResponse(page)
