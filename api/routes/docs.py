"""GET /docs: the API documentation as one self-contained page, rendered from the OpenAPI document.

Swagger UI and ReDoc load scripts from a CDN, which the CSP (and an offline EHR network) forbids,
so this page is plain HTML built on the server: every operation with its summary, description,
parameters and responses, and a link to /openapi.json for tools.
"""

from __future__ import annotations

import html
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    esc = html.escape
    params = "".join(f"<li><code>{esc(p.get('name', ''))}</code> ({esc(p.get('in', ''))}) "
                     f"{esc(p.get('description', ''))}</li>" for p in op.get("parameters", []))
    statuses = ", ".join(esc(code) for code in op.get("responses", {}))
    return (f"<section><div><span class='m'>{esc(method.upper())}</span><code>{esc(path)}</code> "
            f"{esc(op.get('summary', ''))}</div><p>{esc(op.get('description', ''))}</p>"
            + (f"<ul>{params}</ul>" if params else "") + f"<small>responses: {statuses}</small></section>")


@router.get("/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    body = "".join(_operation(path, method, op) for path, ops in schema.get("paths", {}).items()
                   for method, op in ops.items() if isinstance(op, dict))
    title = html.escape(schema.get("info", {}).get("title", "API"))
    page = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            "<link rel='stylesheet' href='static/docs.css'></head>"
            f"<body><h1>{title}</h1>"
            f"<p>Machine-readable: <a href='openapi.json'>openapi.json</a>. Errors are "
            f"<code>application/problem+json</code>.</p>{body}</body></html>")
    return HTMLResponse(page)
