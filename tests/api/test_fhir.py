"""FHIR parsing: DocumentReference → note, ClaimResponse → denial codes."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from api.errors import ApiError
from api.fhir import claim_response_denial, document_note
from assistant.drafting.claims import parse_claim
from assistant.service import claim_with_response
from tests.api.conftest import NOTE, document_reference


def claim_response(*adjudications: dict, **over: object) -> dict:
    base = {"resourceType": "ClaimResponse", "status": "active", "type": {"coding": [{"code": "professional"}]},
            "use": "claim", "patient": {"reference": "Patient/1"}, "created": "2025-04-01",
            "insurer": {"display": "MAC"}, "outcome": "complete",
            "item": [{"itemSequence": 1, "adjudication": list(adjudications)}]}
    base.update(over)
    return base


def test_document_note_and_dos() -> None:
    note = document_note(document_reference(context={"period": {"start": "2025-02-03"}}))
    assert note.text == NOTE and note.dos == date(2025, 2, 3)
    assert document_note(document_reference()).dos == date(2025, 3, 4)


def test_document_charset() -> None:
    import base64

    doc = document_reference()
    doc["content"] = [{"attachment": {"contentType": "text/plain; charset=latin-1",
                                      "data": base64.b64encode("Café wife".encode("latin-1")).decode()}}]
    assert document_note(doc).text == "Café wife"


def test_claim_response_codes_with_group() -> None:
    denial = claim_response(
        {"category": {"coding": [{"code": "PR"}]}, "reason": {"coding": [{"code": "204"}]}},
        {
            "category": {"coding": [{"code": "denialreason"}]},
            "reason": {"coding": [{"code": "CO-50"}, {"code": "N115"}]},
        },
        processNote=[{"text": "See remark MA130."}],
    )
    found = claim_response_denial(denial)
    assert found.codes == "PR-204 CO-50 N115 MA130"
    assert found.text == "See remark MA130."


@pytest.mark.parametrize(("training", "codes"), [
    (frozenset({"97550"}), "CO-96"),  # the caregiver-training line's own adjudication
    (frozenset(), "CO-96"),  # no line named as training: the provider-liability line, which an appeal answers
])
def test_claim_response_lines_under_different_groups(training: frozenset[str], codes: str) -> None:
    """hostile16 #19: PR-204 on the claim's item, CO-96 on the added 97550 line was refused as two denials (422)."""
    submitted = {"category": {"coding": [{"code": "submitted"}]}}
    denial = claim_response(
        item=[{"itemSequence": 1, "adjudication": [submitted], "detail": [{"detailSequence": 1, "adjudication": [
            {"category": {"coding": [{"code": "PR"}]}, "reason": {"coding": [{"code": "204"}]}}]}]}],
        addItem=[{"productOrService": {"coding": [{"code": "97550"}]}, "adjudication": [
            {"category": {"coding": [{"code": "CO"}]}, "reason": {"coding": [{"code": "96"}]}}]}],
    )
    assert claim_response_denial(denial, training).codes == codes


def test_claim_response_errors() -> None:
    with pytest.raises(ApiError) as info:
        claim_response_denial(claim_response({"category": {"coding": [{"code": "submitted"}]}}))
    assert info.value.status == 422
    with pytest.raises(ApiError):
        claim_response_denial({"resourceType": "ClaimResponse", "status": "active"})


def _attachment(data: bytes, ctype: str) -> list[dict[str, object]]:
    import base64

    return [{"attachment": {"contentType": ctype, "data": base64.b64encode(data).decode()}}]


BAD_DOCUMENTS = {
    "partial period start": ({"context": {"period": {"start": "2025-03"}}}, "partial date"),
    "year-only period start": ({"context": {"period": {"start": "2025"}}}, "partial date"),
    "null attachment": ({"content": [{"attachment": None}]}, "No text/plain attachment"),
    "codec that is not a charset": ({"content": _attachment(b"Note", "text/plain; charset=rot13")}, "charset"),
    "idna": ({"content": _attachment(b"Note", "text/plain; charset=idna")}, "charset"),
    "utf-7": ({"content": _attachment(b"+2AA-", "text/plain; charset=utf-7")}, "charset"),
    "unknown charset": ({"content": _attachment(b"Note", 'text/plain; charset="klingon"')}, "charset"),
    "lone surrogate in UTF-16": (
        {"content": _attachment(b"\x00\xd8a\x00", "text/plain; charset=utf-16-le")},
        "not text in its declared charset",
    ),
    "bytes that are not UTF-8": ({"content": _attachment(b"caf\xe9", "text/plain")}, "not text in its declared"),
    # hostile14 #13: undecodable data was read as an empty note
    "data that is not base64": ({"content": [{"attachment": {"contentType": "text/plain", "data": "@@@"}}]},
                                "not valid base64"),
    "base64 cut short": ({"content": [{"attachment": {"contentType": "text/plain", "data": "V2lmZQ="}}]},
                         "not valid base64"),
}


def test_every_text_attachment_is_read() -> None:
    # hostile14 #13: a note and its addendum sent as two attachments; the second was dropped without a word
    content = [*_attachment(b"Wife trained 10:00-10:20.", "text/plain"), *_attachment(b"<p>x</p>", "text/html"),
               *_attachment(b"ADDENDUM 03/05/2025: consent verbal.", "text/plain")]
    text = document_note(document_reference(content=content)).text
    assert text == "Wife trained 10:00-10:20.\n\nADDENDUM 03/05/2025: consent verbal."


def test_base64_with_line_breaks_is_base64() -> None:
    content = [{"attachment": {"contentType": "text/plain", "data": "V2lm\nZSB0\r\ncmFpbmVk"}}]
    assert document_note(document_reference(content=content)).text == "Wife trained"


@pytest.mark.parametrize("case", BAD_DOCUMENTS, ids=list(BAD_DOCUMENTS))
def test_odd_documents_are_clear_input_errors(case: str) -> None:
    over, words = BAD_DOCUMENTS[case]
    with pytest.raises(ApiError) as raised:
        document_note(document_reference(**over))
    assert raised.value.status == 422 and words in raised.value.detail


@pytest.mark.parametrize(
    ("ctype", "encoding"),
    [
        ('text/plain; charset="UTF-8"', "utf-8"),
        ("text/plain;charset=utf-16", "utf-16"),
        ("text/plain; charset=windows-1252", "cp1252"),
    ],
)
def test_declared_charsets_are_honoured(ctype: str, encoding: str) -> None:
    doc = document_reference(content=_attachment("Café wife".encode(encoding), ctype))
    assert document_note(doc).text == "Café wife"


@pytest.mark.parametrize("data", [
    "Café wife".encode("utf-16"),  # the platform's BOM and byte order (hostile15 #29)
    codecs.BOM_UTF16_BE + "Café wife".encode("utf-16-be"),
    codecs.BOM_UTF8 + "Café wife".encode(),
    "Café wife".encode("utf-32"),
])
def test_a_byte_order_mark_says_the_encoding_when_no_charset_is_declared(data: bytes) -> None:
    doc = document_reference(content=_attachment(data, "text/plain"))
    assert document_note(doc).text == "Café wife"


def test_a_partial_document_date_is_not_needed_when_dos_is_sent(client: object) -> None:
    doc = document_reference(context={"period": {"start": "2025-03"}})
    response = client.post("/v1/check", json={"document": doc, "dos": "2025-03-04"})  # type: ignore[attr-defined]
    assert response.status_code == 200


_LINE = {"code": "97550", "units": 1, "modifiers": ["GP"]}
_FHIR_CLAIM = {
    "resourceType": "Claim",
    "status": "active",
    "type": {"coding": [{"code": "professional"}]},
    "use": "claim",
    "patient": {"display": "Test Patient"},
    "created": "2026-11-04",
    "provider": {"display": "Clinic"},
    "priority": {"coding": [{"code": "normal"}]},
    "insurance": [{"sequence": 1, "focal": True, "coverage": {"display": "Plan"}}],
    "item": [{"sequence": 1, "productOrService": {"coding": [{"code": "97550"}]}, "quantity": {"value": 1}}],
}


@pytest.mark.parametrize(
    ("claim", "payer"),
    [
        (None, "Example Medicare Advantage PPO"),
        ({"lines": [_LINE]}, "Example Medicare Advantage PPO"),
        ({"lines": [_LINE], "payer_name": "Other Plan"}, "Other Plan"),
        (_FHIR_CLAIM, "Example Medicare Advantage PPO"),
    ],
)
def test_claim_response_fills_payer_and_notice_date(claim: dict | None, payer: str) -> None:
    """QA10 #1: the insurer and `created` of a ClaimResponse reach the claim; what the claim gives wins."""
    response = claim_response(
        {"category": {"coding": [{"code": "CO"}]}, "reason": {"coding": [{"code": "50"}]}},
        insurer={"display": "Example Medicare Advantage PPO"},
        created="2026-11-20",
    )
    parsed = parse_claim(claim_with_response(claim, response))
    assert parsed.payer == payer
    assert str(parsed.notice_date) == "2026-11-20"
