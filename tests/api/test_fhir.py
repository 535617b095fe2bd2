"""FHIR parsing: DocumentReference → note, ClaimResponse → denial codes."""

from __future__ import annotations

from datetime import date

import pytest

from api.errors import ApiError
from api.fhir import claim_response_denial, document_note
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
        {"category": {"coding": [{"code": "denialreason"}]}, "reason": {"coding": [{"code": "CO-50"}, {"code": "N115"}]}},
        processNote=[{"text": "See remark MA130."}],
    )
    found = claim_response_denial(denial)
    assert found.codes == "PR-204 CO-50 N115 MA130"
    assert found.text == "See remark MA130."


def test_claim_response_errors() -> None:
    with pytest.raises(ApiError) as info:
        claim_response_denial(claim_response({"category": {"coding": [{"code": "submitted"}]}}))
    assert info.value.status == 422
    with pytest.raises(ApiError):
        claim_response_denial({"resourceType": "ClaimResponse", "status": "active"})
