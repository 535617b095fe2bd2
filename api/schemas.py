"""Request and response bodies of the HTTP API.

Responses reuse the library's models (`assistant.models.Report`, `Passage`, the drafting
results), so the Python API and the HTTP API return the same JSON. Requests accept what an
EHR has: plain text, or a FHIR R4 DocumentReference; for appeals a FHIR ClaimResponse.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from assistant.errors import InvalidDateError
from assistant.models import BilledLine, Passage
from assistant.parsing import (
    CLAIM_DATE_FORMS,
    MAX_QUESTION_CHARS,
    MIN_QUESTION_CHARS,
    names_from_fhir_patient,
    parse_claim_date,
    shown_name,
)

NoteText = str  # documented on each field; size is limited by ASSISTANT_MAX_NOTE_BYTES


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    # Dates are ISO strings; pydantic would otherwise read a number as a Unix timestamp.
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    raise ValueError("dates are ISO strings, e.g. 2025-03-04")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _claim_form_date(value: Any) -> Any:
    # A worklist date reads the forms claim files accept (YYYY-MM-DD, MM/DD/YYYY, MM/DD/YY, YYYYMMDD: hostile15
    # #13); a number is still refused, since pydantic would read it as a Unix timestamp.
    if isinstance(value, date):
        return value
    try:
        found = parse_claim_date(value) if isinstance(value, str) else None
    except InvalidDateError:
        found = None  # its message quotes the text, and errors never echo input
    if found is None:
        raise ValueError(f"not a date; use {CLAIM_DATE_FORMS}")
    return found


ClaimFormDate = Annotated[date, BeforeValidator(_claim_form_date)]


def _folded(value: Any) -> Any:
    # A name from a fixed set is read in any case, as the CLI reads it ("STRICT" is "strict").
    return value.strip().lower() if isinstance(value, str) else value


class In(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        # Optional fields are omitted, never null (the OpenAPI schema says so too).
        if isinstance(data, dict):
            nulls = [k for k, v in data.items() if v is None]
            if nulls:
                named = ", ".join(shown_name(k, "(a field)") for k in nulls)[:100]
                raise ValueError(f"omit optional fields instead of sending null: {named}")
        return data


_ONE_NOTE: dict[str, Any] = {"oneOf": [{"required": ["text"]}, {"required": ["document"]}]}
_ONE_DENIAL: dict[str, Any] = {"anyOf": [{"required": ["denial"]}, {"required": ["claim_response"]}]}


class NoteInput(In):
    """A note: exactly one of `text` or `document`."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_ONE_NOTE)

    # no min_length: an empty or blank note is the library's `empty_note` error, as in the CLI
    text: str | SkipJsonSchema[None] = Field(default=None, description="The note as plain text.")
    document: dict[str, Any] | SkipJsonSchema[None] = Field(
        default=None,
        description="A FHIR R4 DocumentReference whose `content[].attachment` carries the note "
        "(`contentType` text/plain, base64 `data`).",
        json_schema_extra={"example": {"resourceType": "DocumentReference", "status": "current",
                                       "content": [{"attachment": {"contentType": "text/plain", "data": "Tm90ZQ=="}}]}},
    )
    dos: IsoDate | SkipJsonSchema[None] = Field(
        default=None, description="Date of service; the note's own date is used when absent."
    )

    @model_validator(mode="after")
    def _one_note(self) -> NoteInput:
        if (self.text is None) == (self.document is None):
            raise ValueError("send exactly one of `text` or `document`")
        return self


class CheckRequest(NoteInput):
    """What `/v1/check` accepts."""

    billed: list[BilledLine] | str | SkipJsonSchema[None] = Field(
        default=None,
        description='Billed lines as objects, or the CLI shorthand "97550x1,97551x2:GP".',
        examples=["97550x1,97551x1:GP"],
    )
    profile: Annotated[Literal["medicare", "strict"], BeforeValidator(_folded)] = Field(
        default="medicare", description="Payer profile of the rule pack (any case, as in the CLI).")


class KnownNames(In):
    """Names known from the EHR or the claim, scrubbed wherever they occur before text leaves the machine."""

    known_names: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=50,
        description="Patient, caregiver and clinician names (any order or case; accents optional).",
    )
    patient: dict[str, Any] | SkipJsonSchema[None] = Field(
        default=None, description="A FHIR R4 Patient; its names and its contacts' names count as known names.")

    def all_known_names(self) -> list[str]:
        return [*self.known_names, *names_from_fhir_patient(self.patient)]


class RewriteRequest(NoteInput, KnownNames):
    """What `/v1/rewrite` accepts."""


class AppealRequest(NoteInput, KnownNames):
    """What `/v1/appeals` accepts: the denial as codes or as a FHIR ClaimResponse, plus the note."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"allOf": [_ONE_NOTE, _ONE_DENIAL]})

    denial: str | SkipJsonSchema[None] = Field(
        default=None, min_length=1, max_length=4000,
        description='CARC/RARC codes as the remittance shows them, e.g. "CO-50 N115", or the denial as pasted: 835 '
                    'segments (CLP/SVC/CAS/LQ/MOA), EOB lines, a decision letter.')
    claim_response: dict[str, Any] | SkipJsonSchema[None] = Field(
        default=None, description="A FHIR R4 ClaimResponse whose adjudication reasons carry the CARC/RARC codes.")
    denial_text: str | SkipJsonSchema[None] = Field(
        default=None, max_length=4000, description="The payer's own words, if any."
    )
    claim: dict[str, Any] | SkipJsonSchema[None] = Field(
        default=None, description="The claim as billed (lines, DOS), if known."
    )

    @model_validator(mode="after")
    def _one_denial(self) -> AppealRequest:
        if self.denial is None and self.claim_response is None:
            raise ValueError("send `denial` codes or a `claim_response`")
        return self


class SearchResponse(BaseModel):
    passages: list[Passage]


class AnswerRequest(In):
    """What `/v1/answer` accepts: a question in plain words and, optionally, the date of service it is about."""

    question: str = Field(min_length=MIN_QUESTION_CHARS, max_length=MAX_QUESTION_CHARS,
                          description="The question, in plain words.",
                          examples=["is G0541 billable in 2024?"])
    dos: IsoDate | SkipJsonSchema[None] = Field(default=None, description="Date of service the question is about.")
    k: int = Field(default=5, ge=1, le=20, description="How many passages to return after the answer.")


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ready", "warming", "degraded", "starting"]
    components: dict[str, str] = Field(description="Each part (knowledge, index, backend) and its state.")
    knowledge_version: str = ""


