"""The claim format, documented from the model itself: JSON Schema and an example to start from.

    claim_json_schema()  -> dict  (checked in as docs/claim.schema.json; a test keeps them equal)
    CLAIM_TEMPLATE       -> dict  (`assistant appeal --claim-template`)

Every alias (`dos`, `claim_id`, `icn`, `mbi` …) is listed as its own property pointing at the
canonical one, so an editor that validates against the schema accepts what `parse_claim` accepts.
"""

from __future__ import annotations

import copy
from typing import Any

from assistant.drafting.claims import ALIASES, LINE_ALIASES, Claim
from assistant.knowledge.schema import PAYER_TYPES
from assistant.parsing import CLAIM_DATE_FORMS

_DATE_TEXT = f"A date: {CLAIM_DATE_FORMS}."
_EXTRA_ALIASES = {"denial_codes": ("denial", "carc_rarc"), "lines": ("service_lines", "items")}

CLAIM_TEMPLATE: dict[str, Any] = {
    "claim_number": "[claim number or ICN]",
    "payer": "Medicare Part B (your MAC)",
    "payer_type": "medicare",
    "payer_address": "[appeals address from the remittance]",
    "patient_name": "[beneficiary name]",
    "member_id": "[Medicare number (MBI) or member id]",
    "date_of_service": "2025-03-04",
    "notice_date": "2025-03-20",
    "provider_name": "[practice or rendering provider]",
    "npi": "[10-digit NPI]",
    "ptan": "[Medicare PTAN]",
    "lines": [
        {"code": "97550", "units": 1, "modifiers": ["GP"]},
        {"code": "97551", "units": 1, "modifiers": ["GP"]},
    ],
}


def _dates_as_text(schema: dict[str, Any]) -> None:
    for prop in schema.get("properties", {}).values():
        options = prop.get("anyOf", [prop])
        if any(o.get("format") == "date" for o in options):
            prop.pop("anyOf", None)
            prop.pop("format", None)
            prop.update(
                {"type": ["string", "null"], "description": (prop.get("description", "") + " " + _DATE_TEXT).strip()}
            )


def _add_aliases(schema: dict[str, Any], aliases: dict[str, tuple[str, ...]]) -> None:
    props = schema["properties"]
    for name, names in aliases.items():
        for alias in names:
            props[alias] = {**copy.deepcopy(props[name]), "description": f"Same as `{name}`."}
    schema["additionalProperties"] = False
    # A required field may come under any of its names.
    required = schema.pop("required", [])
    if required:
        schema["allOf"] = [{"anyOf": [{"required": [n]} for n in (name, *aliases.get(name, ()))]} for name in required]


def _modifiers_as_text_too(line: dict[str, Any]) -> None:
    line["properties"]["modifiers"] = {
        "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}],
        "description": 'Two-character modifiers: a list, or one string such as "GP,KX".',
    }


def _lenient_fields(schema: dict[str, Any], line: dict[str, Any]) -> None:
    """Fields the model normalises: the schema must not reject what `parse_claim` accepts."""
    kind = schema["properties"]["payer_type"]
    schema["properties"]["payer_type"] = {
        "type": ["string", "null"],
        "description": kind.get("description", "") + " Written any way billers do: Part B, MA, Medicare Advantage …",
        "examples": list(PAYER_TYPES),
    }
    for part, name in ((schema, "billed_amount"), (line, "charge")):
        part["properties"][name] = {"type": ["string", "number", "null"], "description": "An amount, e.g. 412.00."}


def claim_json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of the claim file, aliases included; FHIR R4 resources are accepted besides."""
    schema = Claim.model_json_schema(mode="validation")
    line = schema["$defs"]["ClaimLine"]
    for part in (schema, line):
        _dates_as_text(part)
    _modifiers_as_text_too(line)
    _lenient_fields(schema, line)
    _add_aliases(schema, {**ALIASES, **_EXTRA_ALIASES})
    _add_aliases(line, LINE_ALIASES)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://cts-assistant.invalid/claim.schema.json",
        **schema,
        "title": "Claim",
        "description": (
            "The denied claim for `assistant appeal --claim` and POST /v1/appeals. Every field is optional; unknown "
            "fields are an error. A FHIR R4 Claim, ClaimResponse, ExplanationOfBenefit or a Bundle of them "
            "(any object with `resourceType`) is accepted instead. See docs/claims.md."
        ),
    }
