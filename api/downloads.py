"""DOCX downloads of drafts: the drafting package's renderer when it has one, else a plain layout."""

from __future__ import annotations

import importlib
import io
import re
from typing import Any

from pydantic import BaseModel

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_TITLES = {"appeal": "Appeal letter", "rewrite": "Rewritten note"}
# Characters XML 1.0 (and so DOCX) cannot hold: C0 controls other than tab/newline/CR, surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Fields shown first, as body text rather than as a labelled section.
_BODY_KEYS = ("letter", "text", "rewritten", "note")


def render_docx(result: Any, kind: str) -> bytes:
    """The drafting package's layout for appeal results (the letter, or without one the recommendation); a
    plain layout otherwise (rewrites)."""
    module: Any = None
    models: Any = None
    try:
        module = importlib.import_module("assistant.drafting.docx")
        models = importlib.import_module("assistant.drafting.models")
    except ImportError:
        pass
    result = _xml_safe(result)
    renderer = getattr(module, f"{kind}_docx", None)
    expected = getattr(models, {"appeal": "AppealResult", "rewrite": "RewriteResult"}.get(kind, ""), None)
    if callable(renderer) and expected is not None and isinstance(result, expected):
        try:
            out = renderer(result)
            return out if isinstance(out, bytes) else _to_bytes(out)
        except ValueError:  # e.g. a no-appeal result has no letter
            pass
    return _plain(result, kind)


def _xml_safe(value: Any) -> Any:
    """The same result with characters DOCX cannot store removed from every string."""
    if isinstance(value, BaseModel):
        return type(value).model_validate(_xml_safe(value.model_dump()))
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {k: _xml_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_xml_safe(v) for v in value]
    return value


def _to_bytes(document: Any) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _plain(result: Any, kind: str) -> bytes:
    import docx

    data = result.model_dump(mode="json") if isinstance(result, BaseModel) else dict(result)
    document = docx.Document()
    document.add_heading(_TITLES.get(kind, kind.title()), level=1)
    for key in _BODY_KEYS:
        value = data.pop(key, None)
        if isinstance(value, dict):
            value = value.get("text") or value.get("body")
        if isinstance(value, str) and value.strip():
            for para in value.split("\n"):
                document.add_paragraph(para)
    for key, value in data.items():
        if value in (None, "", [], {}):
            continue
        document.add_heading(key.replace("_", " ").capitalize(), level=2)
        _add(document, value)
    return _to_bytes(document)


def _add(document: Any, value: Any) -> None:
    if isinstance(value, list):
        for item in value:
            document.add_paragraph(_line(item), style="List Bullet")
    elif isinstance(value, dict):
        for k, v in value.items():
            document.add_paragraph(f"{k.replace('_', ' ')}: {_line(v)}")
    else:
        document.add_paragraph(str(value))


def _line(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, "", [], {}))
    return str(value)
