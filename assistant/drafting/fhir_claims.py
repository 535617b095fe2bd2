"""FHIR R4 claims into this project's claim fields: Claim, ClaimResponse, ExplanationOfBenefit, Bundle.

The resource is validated with fhir.resources (R4B models, R4-compatible for these resources; loaded
only on this path), then read as plain JSON. What each resource contributes:

- Claim: its identifier, patient, insurer, provider (NPI), billable period, total and items;
- ClaimResponse: the payer's identifier (ICN), the request's identifier, the date created (the
  notice date) and the CARC/RARC codes of its adjudications;
- ExplanationOfBenefit: all of the above in one resource;
- Bundle: its Claim, ClaimResponse and ExplanationOfBenefit entries merged, the claim's lines first.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from assistant.errors import ClaimError

_MODELS = {
    "Claim": "fhir.resources.R4B.claim:Claim",
    "ClaimResponse": "fhir.resources.R4B.claimresponse:ClaimResponse",
    "ExplanationOfBenefit": "fhir.resources.R4B.explanationofbenefit:ExplanationOfBenefit",
    "Bundle": "fhir.resources.R4B.bundle:Bundle",
}
_NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi"


def _validate(resource: dict[str, Any]) -> None:
    kind = resource["resourceType"]
    module, _, name = _MODELS[kind].partition(":")
    try:
        getattr(importlib.import_module(module), name).model_validate(resource)
    except ValidationError as exc:
        where = sorted({".".join(str(p) for p in e["loc"]) for e in exc.errors()})[:5]
        raise ClaimError(f"the FHIR {kind} is not valid R4: {', '.join(where)}") from None
    except (TypeError, ValueError):
        raise ClaimError(f"the FHIR {kind} is not valid R4") from None


def _first(items: Any) -> dict[str, Any]:
    return items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else {}


def _ident(ref: dict[str, Any] | None) -> str | None:
    ident = (ref or {}).get("identifier") or {}
    return ident.get("value") if isinstance(ident, dict) else None


def _code(concept: dict[str, Any] | None) -> str | None:
    return _first((concept or {}).get("coding")).get("code")


def _npi(provider: dict[str, Any] | None) -> str | None:
    ident = (provider or {}).get("identifier") or {}
    return ident.get("value") if ident.get("system", _NPI_SYSTEM) == _NPI_SYSTEM else None


def _lines(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        code = _code(item.get("productOrService"))
        if not code:
            continue
        line: dict[str, Any] = {"code": code, "units": int((item.get("quantity") or {}).get("value", 1))}
        line["modifiers"] = [c for c in (_code(m) for m in item.get("modifier") or []) if c]
        if item.get("servicedDate"):
            line["date_of_service"] = item["servicedDate"]
        if (item.get("net") or {}).get("value") is not None:
            line["charge"] = str(item["net"]["value"])
        out.append(line)
    return out


def _denial_codes(resource: dict[str, Any]) -> str | None:
    """CARC/RARC codes of every adjudication and error, in order, without repeats."""
    codes: list[str] = []
    adjudications = list(resource.get("adjudication") or [])
    for item in resource.get("item") or []:
        adjudications += item.get("adjudication") or []
    for adj in adjudications:
        codes += [c["code"] for c in (adj.get("reason") or {}).get("coding") or [] if c.get("code")]
    for err in resource.get("error") or []:
        codes += [c["code"] for c in (err.get("code") or {}).get("coding") or [] if c.get("code")]
    return " ".join(dict.fromkeys(codes)) or None


def _common(resource: dict[str, Any]) -> dict[str, Any]:
    out = {
        "patient_name": (resource.get("patient") or {}).get("display"),
        "payer": (resource.get("insurer") or {}).get("display"),
        "provider_name": (resource.get("provider") or {}).get("display"),
        "npi": _npi(resource.get("provider")),
        "date_of_service": (resource.get("billablePeriod") or {}).get("start"),
        "member_id": _ident(_first(resource.get("insurance")).get("coverage")),
    }
    return out


def _claim(resource: dict[str, Any]) -> dict[str, Any]:
    out = _common(resource)
    out["claim_number"] = _first(resource.get("identifier")).get("value")
    out["billed_amount"] = str(resource["total"]["value"]) if (resource.get("total") or {}).get("value") else None
    out["lines"] = _lines(resource.get("item") or [])
    return out


def _claim_response(resource: dict[str, Any]) -> dict[str, Any]:
    out = _common(resource)
    out["icn"] = _first(resource.get("identifier")).get("value")
    out["claim_number"] = _ident(resource.get("request"))
    out["notice_date"] = resource.get("created")
    out["denial_codes"] = _denial_codes(resource)
    out["lines"] = _lines(resource.get("addItem") or [])
    return out


def _eob(resource: dict[str, Any]) -> dict[str, Any]:
    out = _claim(resource)
    out["icn"], out["claim_number"] = out.pop("claim_number"), _ident(resource.get("claim"))
    out["notice_date"] = resource.get("created")
    out["denial_codes"] = _denial_codes(resource)
    return out


_READERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "Claim": _claim,
    "ClaimResponse": _claim_response,
    "ExplanationOfBenefit": _eob,
}


def _bundle(resource: dict[str, Any]) -> dict[str, Any]:
    parts = [e.get("resource") or {} for e in resource.get("entry") or []]
    parts = [p for p in parts if p.get("resourceType") in _READERS]
    if not parts:
        raise ClaimError("the FHIR Bundle holds no Claim, ClaimResponse or ExplanationOfBenefit")
    # The submitted claim's own lines and identifiers first; the payer's response fills the rest.
    parts.sort(key=lambda p: list(_READERS).index(p["resourceType"]))
    merged: dict[str, Any] = {}
    for part in parts:
        for key, value in _READERS[part["resourceType"]](part).items():
            if value and not merged.get(key):
                merged[key] = value
    return merged


def claim_from_fhir(resource: dict[str, Any]) -> dict[str, Any]:
    """The claim fields a FHIR R4 Claim, ClaimResponse, ExplanationOfBenefit or Bundle carries."""
    kind = resource.get("resourceType")
    if kind not in _MODELS:
        raise ClaimError(
            f"FHIR {str(kind)[:40]} is not a claim resource",
            hint="send a Claim, ClaimResponse, ExplanationOfBenefit, or a Bundle of them",
        )
    _validate(resource)
    fields = _bundle(resource) if kind == "Bundle" else _READERS[str(kind)](resource)
    return {k: v for k, v in fields.items() if v not in (None, "", [])}
