"""What an EHR sends, as FHIR R4 (fhir.resources R4B models): notes and denials.

- DocumentReference → the note text (and a date of service when the document has one).
- ClaimResponse → the CARC/RARC codes of its adjudications ("CO-50 N115") and the payer's words; its
  insurer and date created also fill the claim the appeal is drafted with.

fhir.resources does not enforce code bindings or 1..* cardinality, so status and content are
checked here. Errors are `ApiError`s (422) naming the field, never quoting its value.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date, datetime
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


def document_note(data: dict[str, Any], *, dates: bool = True) -> FhirNote:
    """The note carried by a DocumentReference: its text/plain attachments with inline data, in order (a note and
    its addendum sent as two attachments are one note; hostile14 #13: the second was dropped without a word), and
    its date of service, unless `dates` is false (the caller has one)."""
    from fhir.resources.R4B.documentreference import DocumentReference

    _check_base64(data)
    doc = _parse(DocumentReference, data, "DocumentReference")
    if doc.status not in _DOC_STATUSES:
        raise _invalid("DocumentReference", "DocumentReference.status must be current or superseded.")
    if doc.docStatus is not None and doc.docStatus == "entered-in-error":
        raise _invalid("DocumentReference", "DocumentReference.docStatus is entered-in-error.")
    if not doc.content:
        raise _invalid("DocumentReference", "DocumentReference.content needs at least one attachment.")
    texts = []
    for content in doc.content:
        att = content.attachment
        if att is None:
            continue
        ctype = (att.contentType or "text/plain").lower()
        if not ctype.startswith("text/plain"):
            continue
        if att.data is None:
            if att.url:
                raise _invalid("DocumentReference",
                               "Attachments by URL are not fetched; send the note inline in `data`.")
            continue
        texts.append(_decoded(att.data, ctype))
    if not texts:
        raise _invalid("DocumentReference", "No text/plain attachment with inline data was found.")
    return FhirNote(text="\n\n".join(texts), dos=_document_dos(doc) if dates else None)


_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def _check_base64(data: dict[str, Any]) -> None:
    """Attachment data that is not base64 is said to be so (the model decodes it leniently, to nothing, and the
    caller was told the note was empty)."""
    content = data.get("content")
    for item in content if isinstance(content, list) else []:
        att = item.get("attachment") if isinstance(item, dict) else None
        value = att.get("data") if isinstance(att, dict) else None
        if not isinstance(value, str):
            continue
        packed = "".join(value.split())
        if len(packed) % 4 or not _BASE64.fullmatch(packed):
            raise _invalid("DocumentReference", "An attachment's data is not valid base64.")


# Charsets a clinical note arrives in; anything else (codecs such as rot13, idna or utf-7) is refused.
_CHARSETS = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii",
             "latin-1", "iso8859-1", "iso8859-15", "cp1252"}
_CHARSET = re.compile(r"charset\s*=\s*\"?([\w.:-]{1,40})\"?")


# Byte-order marks, longest first (a UTF-32-LE mark begins with the UTF-16-LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decoded(data: Any, ctype: str) -> str:
    raw = data if isinstance(data, bytes) else str(data).encode()
    match = _CHARSET.search(ctype)
    # no charset declared: a byte-order mark says the encoding, as for note files on the command line
    # (hostile15 #29: Windows UTF-16 attachments with a BOM and plain "text/plain" were refused)
    bom = next((codec for mark, codec in _BOMS if raw.startswith(mark)), None) if match is None else None
    if bom:
        try:
            return raw.decode(bom)
        except UnicodeError:
            raise _invalid("DocumentReference", "The attachment is not text in its byte-order mark's "
                           "encoding.") from None
    name = match.group(1) if match else "utf-8"
    try:
        charset = codecs.lookup(name).name
    except LookupError:
        charset = ""
    if charset not in _CHARSETS:
        raise _invalid("DocumentReference", "The attachment's charset is not supported; send UTF-8 "
                       "(or UTF-16, UTF-32, ASCII, ISO-8859-1/15, windows-1252).")
    try:
        return raw.decode(charset)
    except UnicodeError:
        raise _invalid("DocumentReference", "The attachment is not text in its declared charset.") from None


def _document_dos(doc: Any) -> date | None:
    """The first full date of context.period.start and date; a partial date (2025, 2025-03) is refused
    rather than guessed (send `dos` to override the document's dates)."""
    period = getattr(doc.context, "period", None) if doc.context else None
    for value in (getattr(period, "start", None), doc.date):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if value is not None:
            raise _invalid("DocumentReference", "DocumentReference.context.period.start is a partial date; "
                           "send a full date, or the date of service as `dos`.")
    return None


def _adjudication_codes(adjudications: list[Any]) -> list[str]:
    """Group-CARC and RARC codes of some adjudications, in order, without repeats (a CARC's group: its category)."""
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
    return codes


_Line = tuple[str | None, list[str]]  # a line's procedure code (when it names one) and its reason codes


def _lines_codes(cr: Any) -> list[_Line]:
    """(the line's procedure code when it names one, its codes): the header, each item with its details, each
    addItem."""
    out: list[_Line] = [(None, _adjudication_codes(list(cr.adjudication or [])))]
    for item in cr.item or []:
        details = [a for detail in item.detail or [] for a in detail.adjudication or []]
        out.append((None, _adjudication_codes([*(item.adjudication or []), *details])))
    for add in cr.addItem or []:
        coding = getattr(add.productOrService, "coding", None) or []
        code = next((c.code for c in coding if c.code), None)
        out.append((code, _adjudication_codes(list(add.adjudication or []))))
    return [(code, codes) for code, codes in out if codes]


def _groups(codes: list[str]) -> set[str]:
    return {c.split("-")[0] for c in codes if "-" in c}


def _chosen(lines: list[_Line], training_codes: frozenset[str]) -> list[_Line]:
    """The lines whose codes make the denial. Lines adjudicated under different groups (PR-204 on one line, CO-96 on
    another) are different denials (hostile16 #19: the whole ClaimResponse was refused, 422): the caregiver-training
    line's when one names its code, else the provider-liability (CO) lines', which an appeal answers."""
    if len(set().union(*(_groups(codes) for _, codes in lines))) <= 1:
        return lines
    training = [line for line in lines if line[0] in training_codes]
    if training:
        return training
    return [line for line in lines if "CO" in _groups(line[1])] or lines[:1]


def claim_response_denial(data: dict[str, Any], training_codes: frozenset[str] = frozenset()) -> FhirDenial:
    """CARC/RARC codes from item[].adjudication[] (and header adjudication), group code first; of one line when the
    lines were adjudicated under different groups (`_chosen`)."""
    from fhir.resources.R4B.claimresponse import ClaimResponse

    cr = _parse(ClaimResponse, data, "ClaimResponse")
    codes = list(dict.fromkeys(c for _, line in _chosen(_lines_codes(cr), training_codes) for c in line))
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
        note = document_note(body.document, dates=body.dos is None)
        return note.text, body.dos or note.dos
    return body.text, body.dos
