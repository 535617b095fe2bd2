"""Route tests over the HTTP layer with a fake assistant (deterministic, no knowledge files needed)."""

from __future__ import annotations

import io
import time

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import NOTE, document_reference
from tests.api.fakes import FakeAssistant

PROBLEM = "application/problem+json"


def assert_problem(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith(PROBLEM)
    body = resp.json()
    assert body["status"] == status and body["title"] and "detail" in body
    if code:
        assert body["code"] == code
    assert "Caregiver training with" not in resp.text  # never echo the note
    return body


def wait_ready(client: TestClient, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        resp = client.get("/readyz")
        body = resp.json()
        if body["status"] != "warming" or time.monotonic() > deadline:
            return body
        assert resp.status_code == 200 and body["components"]["knowledge"] == "ok"
        time.sleep(0.1)


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    body = wait_ready(client)
    components = {"knowledge": "ok", "index": "ok", "backend": "ok", "workers": "ok"}
    assert body["status"] == "ready" and body["components"] == components


def test_check_text(client: TestClient) -> None:
    resp = client.post("/v1/check", json={"text": NOTE, "dos": "2025-03-04", "billed": "97550x1:GP"})
    assert resp.status_code == 200
    report = resp.json()
    assert set(report) >= {"checks", "time", "billing", "summary"}
    consent = next(c for c in report["checks"] if c["id"] == "consent")
    span = consent["evidence"][0]
    assert NOTE[span["start"]:span["end"]] == span["quote"]


def test_check_billed_as_objects(client: TestClient) -> None:
    billed = [{"code": "97550", "units": 1, "modifiers": ["GP"]}]
    assert client.post("/v1/check", json={"text": NOTE, "billed": billed}).status_code == 200


def test_check_document_reference(client: TestClient, fake: FakeAssistant) -> None:
    resp = client.post("/v1/check", json={"document": document_reference()})
    assert resp.status_code == 200, resp.text
    assert resp.json()["summary"]["ready_to_bill"] is True


@pytest.mark.parametrize(
    ("over", "fragment"),
    [
        ({"status": "entered-in-error"}, "status"),
        ({"content": []}, "at least one"),
        ({"content": [{"attachment": {"contentType": "text/plain", "url": "https://ehr.example/n/1"}}]}, "URL"),
        ({"content": [{"attachment": {"contentType": "application/pdf", "data": "JVBERi0="}}]}, "text/plain"),
        ({"resourceType": "Patient"}, "DocumentReference"),
        ({"status": 12, "bogus": True}, "errors"),
    ],
)
def test_check_document_invalid(client: TestClient, over: dict, fragment: str) -> None:
    body = assert_problem(client.post("/v1/check", json={"document": document_reference(**over)}), 422)
    assert fragment in body["detail"] + str(body.get("errors"))


def test_check_needs_exactly_one_note(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/check", json={"text": NOTE, "document": document_reference()}), 422,
                          "invalid_request")
    assert body["errors"]
    assert_problem(client.post("/v1/check", json={}), 422)


def test_check_invalid_values_are_not_echoed(client: TestClient) -> None:
    resp = client.post("/v1/check", json={"text": NOTE, "profile": "Caregiver training with secret"})
    assert_problem(resp, 422)
    assert "secret" not in resp.text


def test_malformed_json_is_400(client: TestClient) -> None:
    resp = client.post(
        "/v1/check", content=b'{"text": "Caregiver training with', headers={"content-type": "application/json"}
    )
    assert_problem(resp, 400, "malformed_json")


def test_empty_note_is_422(client: TestClient) -> None:
    assert_problem(client.post("/v1/check", json={"text": "   "}), 422, "empty_note")


def test_note_over_the_note_limit_is_413(client: TestClient, fake: FakeAssistant) -> None:
    big = "Caregiver training with " + "x" * fake.settings.max_note_bytes
    fake.settings.max_body_bytes = 10 * fake.settings.max_note_bytes  # the body limit is not the one hit here
    assert_problem(client.post("/v1/check", json={"text": big}), 413, "note_too_large")



@pytest.mark.parametrize(("path", "extra"),
                         [("/v1/check", {}), ("/v1/rewrite", {}), ("/v1/appeals", {"denial": "CO-50"})])
def test_an_over_limit_note_is_413_before_any_worker(client: TestClient, fake: FakeAssistant, path: str,
                                                     extra: dict[str, str]) -> None:
    # QA8: under load an over-limit note waited for a worker, then got 503 busy; the size is checked first
    big = "Caregiver training with " + "x" * fake.settings.max_note_bytes
    fake.settings.max_body_bytes = 10 * fake.settings.max_note_bytes
    checks = fake.calls.check  # (the warm-up check at start-up)
    assert_problem(client.post(path, json={"text": big, **extra}), 413, "note_too_large")
    assert fake.calls.check == checks and not fake.last_appeal


def test_search(client: TestClient) -> None:
    resp = client.get("/v1/search", params={"q": "can the patient be in the room?", "k": 3})
    assert resp.status_code == 200
    assert len(resp.json()["passages"]) == 3
    assert_problem(client.get("/v1/search", params={"q": "x"}), 422)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"question": "is G0541 billable in 2024?"}, 200, None),
        ({"question": "is G0541 billable?", "dos": "2024-06-01", "k": 2}, 200, None),
        ({"question": "x"}, 422, "invalid_request"),
        ({"question": "is G0541 billable?", "dos": "06/01/2024"}, 422, "invalid_date"),  # QA10 #18
        ({"question": "is G0541 billable?", "extra": 1}, 422, "invalid_request"),
        ({"question": "is G0541 billable?", "dos": None}, 422, "invalid_request"),
    ],
)
def test_answer(client: TestClient, body: dict[str, object], status: int, code: str | None) -> None:
    resp = client.post("/v1/answer", json=body)
    if code:
        assert_problem(resp, status, code)
        return
    assert resp.status_code == status
    data = resp.json()
    assert data["sentences"][0]["passage_id"] == data["passages"][0]["id"]
    assert len(data["passages"]) == body.get("k", 5)


def test_codes(client: TestClient) -> None:
    body = client.get("/v1/codes/97550", params={"dos": "2024-06-01"}).json()
    assert body["periods"][0]["conversion_factor_id"] == "cf2024b"
    assert body["payments"][0]["non_facility"] == round(2.1 * 32.5, 2)
    assert body["payments"][0]["non_facility_assistant"] == round(round(2.1 * 32.5, 2) * 0.85, 2)
    assert (
        client.get("/v1/codes/97550", params={"dos": "2024-02-01"}).json()["periods"][0]["conversion_factor_id"]
        == "cf2024a"
    )


def test_codes_errors(client: TestClient) -> None:
    assert_problem(client.get("/v1/codes/99999"), 404, "unknown_code")
    body = assert_problem(client.get("/v1/codes/97550", params={"dos": "2031-01-01"}), 422, "dos_beyond_fee_tables")
    assert "2025-12-31" in body["detail"]
    assert_problem(client.get("/v1/codes/G0541", params={"dos": "2024-06-01"}), 422, "code_not_in_effect")
    assert_problem(client.get("/v1/codes/975"), 422)


def test_codes_without_dos_uses_a_period(client: TestClient) -> None:
    resp = client.get("/v1/codes/97550")
    assert resp.status_code == 200
    assert resp.json()["periods"]


def test_rewrite_and_docx(client: TestClient) -> None:
    assert client.post("/v1/rewrite", json={"text": NOTE}).json()["text"] == "Rewritten note."
    resp = client.post("/v1/rewrite?format=docx", json={"text": NOTE})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert resp.content[:2] == b"PK"


def test_appeal_with_codes(client: TestClient) -> None:
    resp = client.post("/v1/appeals", json={"text": NOTE, "denial": "CO-50 N115"})
    assert resp.status_code == 200
    assert resp.json()["recommendation"] == "appeal"
    assert "denial" in resp.json()
    docx = client.post("/v1/appeals?format=docx", json={"text": NOTE, "denial": "CO-50"})
    import docx as python_docx

    text = "\n".join(p.text for p in python_docx.Document(io.BytesIO(docx.content)).paragraphs)
    assert "CO-50" in text


def test_appeal_with_claim_response(client: TestClient, fake: FakeAssistant) -> None:
    claim_response = {
        "resourceType": "ClaimResponse",
        "status": "active",
        "type": {"coding": [{"code": "professional"}]},
        "use": "claim",
        "patient": {"reference": "Patient/1"},
        "created": "2025-04-01",
        "insurer": {"display": "MAC"},
        "outcome": "complete",
        "disposition": "Not medically necessary as documented.",
        "item": [
            {
                "itemSequence": 1,
                "adjudication": [
                    {
                        "category": {"coding": [{"code": "denialreason"}]},
                        "reason": {
                            "coding": [
                                {"system": "https://x12.org/codes/claim-adjustment-reason-codes", "code": "50"},
                                {"system": "https://x12.org/codes/remittance-advice-remark-codes", "code": "N115"},
                            ]
                        },
                    },
                ],
            }
        ],
    }
    resp = client.post("/v1/appeals", json={"document": document_reference(), "claim_response": claim_response})
    assert resp.status_code == 200, resp.text
    assert fake.last_appeal["denial"] == "CO-50 N115"
    assert fake.last_appeal["denial_text"] == "Not medically necessary as documented."
    assert str(fake.last_appeal["dos"]) == "2025-03-04"
    no_codes = {
        **claim_response,
        "item": [{"itemSequence": 1, "adjudication": [{"category": {"coding": [{"code": "submitted"}]}}]}],
    }
    assert_problem(
        client.post("/v1/appeals", json={"text": NOTE, "claim_response": no_codes}), 422, "invalid_claimresponse"
    )
    assert_problem(client.post("/v1/appeals", json={"text": NOTE}), 422)


def test_openapi_documents_problems(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            for status, response in op["responses"].items():
                if status.startswith(("4", "5")) and path != "/readyz":
                    assert "application/problem+json" in response["content"], (method, path, status)
    assert "413" in spec["paths"]["/v1/check"]["post"]["responses"]
    assert {"APIKeyHeader", "HTTPBearer"} <= set(spec["components"]["securitySchemes"])


def test_unknown_route_is_problem(client: TestClient) -> None:
    assert_problem(client.get("/v2/nothing"), 404, "not_found")


def test_docx_survives_characters_xml_cannot_hold(client: TestClient) -> None:
    # found by schemathesis: control characters made python-docx raise (500)
    resp = client.post("/v1/appeals?format=docx", json={"text": "note\x14 text", "denial": "CO-50\x17 N115"})
    assert resp.status_code == 200 and resp.content[:2] == b"PK"
