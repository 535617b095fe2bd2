"""What an EHR sends, as FHIR R4 (fhir.resources R4B models): notes and denials.

- DocumentReference → the note text (and a date of service when the document has one).
- ClaimResponse → the CARC/RARC codes of its adjudications ("CO-50 N115") and the payer's words.

fhir.resources does not enforce code bindings or 1..* cardinality, so status and content are
checked here. Errors are `ApiError`s (422) naming the field, never quoting its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from api.errors import ApiError, safe_errors

_DOC_STATUSES = {"current", "superseded"}
_GROUP_CODES = {"CO", "PR", "OA", "PI", "CR"}
_CARC = re.compile(r"^(?:(CO|PR|OA|PI|CR)[-\s]?)?([A-Z]?\d{1,3})$")
_RARC = re.compile(r"^(?:M|N|MA)\d{1,3}$")


@dataclass(frozen=True)
class FhirNote:
    text: str
    dos: date | None


@dataclass(frozen=True)
class FhirDenial:
    codes: str
    text: str | None


def _invalid(resource: str, detail: str, errors: list[dict[str, Any]] | None = None) -> ApiError:
    return ApiError(422, f"invalid_{resource.lower()}", detail, errors=errors)


def _parse(model: Any, data: dict[str, Any], resource: str) -> Any:
    if data.get("resourceType") != resource:
        raise _invalid(resource, f"Expected a FHIR {resource} (resourceType).")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [{**e, "loc": [resource, *e["loc"]]} for e in safe_errors(exc.errors())]
        raise _invalid(resource, f"The {resource} is not valid FHIR R4; see `errors`.", errors) from None
    except (TypeError, ValueError):
        raise _invalid(resource, f"The {resource} is not valid FHIR R4.") from None


def document_note(data: dict[str, Any]) -> FhirNote:
    """The note carried by a DocumentReference: the first text/plain attachment with inline data."""
    from fhir.resources.R4B.documentreference import DocumentReference

    doc = _parse(DocumentReference, data, "DocumentReference")
    if doc.status not in _DOC_STATUSES:
        raise _invalid("DocumentReference", "DocumentReference.status must be current or superseded.")
    if doc.docStatus is not None and doc.docStatus == "entered-in-error":
        raise _invalid("DocumentReference", "DocumentReference.docStatus is entered-in-error.")
    if not doc.content:
        raise _invalid("DocumentReference", "DocumentReference.content needs at least one attachment.")
    for content in doc.content:
        att = content.attachment
        ctype = (att.contentType or "text/plain").lower()
        if not ctype.startswith("text/plain"):
            continue
        if att.data is None:
            if att.url:
                raise _invalid("DocumentReference", "Attachments by URL are not fetched; send the note inline in `data`.")
            continue
        charset = "utf-8"
        match = re.search(r"charset=([\w-]+)", ctype)
        if match:
            charset = match.group(1)
        raw = att.data if isinstance(att.data, bytes) else str(att.data).encode()
        try:
            text = raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise _invalid("DocumentReference", "The attachment is not text in its declared charset.") from None
        return FhirNote(text=text, dos=_document_dos(doc))
    raise _invalid("DocumentReference", "No text/plain attachment with inline data was found.")


def _document_dos(doc: Any) -> date | None:
    period = getattr(doc.context, "period", None) if doc.context else None
    for value in (getattr(period, "start", None), doc.date):
        if value is not None:
            return value if type(value) is date else value.date()
    return None


def claim_response_denial(data: dict[str, Any]) -> FhirDenial:
    """CARC/RARC codes from item[].adjudication[] (and header adjudication), group code first."""
    from fhir.resources.R4B.claimresponse import ClaimResponse

    cr = _parse(ClaimResponse, data, "ClaimResponse")
    adjudications: list[Any] = list(cr.adjudication or [])
    for item in cr.item or []:
        adjudications += list(item.adjudication or [])
        for detail in item.detail or []:
            adjudications += list(detail.adjudication or [])
    for add in cr.addItem or []:
        adjudications += list(add.adjudication or [])
    codes: list[str] = []
    for adj in adjudications:
        group = "CO"
        for coding in getattr(adj.category, "coding", None) or []:
            if (coding.code or "").upper() in _GROUP_CODES:
                group = coding.code.upper()
        for coding in getattr(adj.reason, "coding", None) or []:
            code = (coding.code or "").strip().upper()
            carc = _CARC.match(code)
            if _RARC.match(code):
                found = code
            elif carc:
                found = f"{carc.group(1) or group}-{carc.group(2)}"
            else:
                continue
            if found not in codes:
                codes.append(found)
    for note in cr.processNote or []:
        for token in re.findall(r"\b(?:M|N|MA)\d{1,3}\b", note.text or ""):
            if token not in codes:
                codes.append(token)
    if not codes:
        raise _invalid("ClaimResponse", "The ClaimResponse carries no CARC/RARC reason codes in its adjudications.")
    words = [cr.disposition or "", *[(n.text or "") for n in cr.processNote or []]]
    text = " ".join(w for w in words if w).strip() or None
    return FhirDenial(codes=" ".join(codes), text=text[:4000] if text else None)


def resolve_note(body: Any) -> tuple[str, date | None]:
    """Text and date of service of a `NoteInput`: the explicit `dos` wins over the document's."""
    if body.document is not None:
        note = document_note(body.document)
        return note.text, body.dos or note.dos
    return body.text, body.dos
