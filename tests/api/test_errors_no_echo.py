"""Error bodies never echo input: a PHI-bearing invalid request gets a problem that names the field
and the problem only (real library behind the service; the name below is synthetic)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.errors import safe_errors, withheld
from api.security import hash_key
from tests.api.conftest import KEY, NOTE

NAME = "Margaret Okonkwo-Lind"
HEADERS = {"X-API-Key": KEY}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    from assistant import Assistant, Settings

    data_dir = tempfile.mkdtemp(prefix="cts-api-echo-")
    assistant = Assistant(Settings(embedder="hash", data_dir=Path(data_dir), api_keys=[hash_key(KEY)],
                                   rate_limit_per_minute=1_000_000))  # fmt: skip
    with TestClient(create_app(assistant.settings, assistant=assistant)) as c:
        yield c
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/check", {"text": NOTE, "profile": NAME}),
        ("/v1/check", {"text": NOTE, "dos": f"{NAME} 1941"}),
        ("/v1/check", {"text": NOTE, "billed": f"{NAME}x1"}),
        ("/v1/check", {"text": NOTE, "billed": [{"code": NAME, "units": 1}]}),
        ("/v1/check", {"text": NOTE, "billed": [{"code": "97550", "units": NAME}]}),
        ("/v1/check", {"text": NOTE, NAME: "extra"}),
        ("/v1/check", {"text": [NAME]}),
        ("/v1/appeals", {"text": NOTE, "denial": f"CO-50 {NAME}"}),
        ("/v1/appeals", {"text": NOTE, "denial": "CO-50", "claim": {"lines": [{"code": NAME}]}}),
        ("/v1/rewrite", {"text": NOTE, "dos": NAME}),
    ],
)
def test_invalid_request_never_echoes_input(client: TestClient, path: str, body: dict[str, Any]) -> None:
    resp = client.post(path, json=body, headers=HEADERS)
    assert 400 <= resp.status_code < 500, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert "Margaret" not in resp.text and "Okonkwo" not in resp.text
    assert resp.json()["detail"]


def test_validation_error_names_the_field_and_the_problem() -> None:
    errors = [
        {"type": "extra_forbidden", "loc": ("body", NAME), "msg": "Extra inputs are not permitted", "input": "x"},
        {"type": "string_type", "loc": ("body", "text"), "msg": "Input should be a valid string", "input": [NAME]},
        {"type": "literal_error", "loc": ("body", "profile"), "msg": f"Input should be 'medicare', not '{NAME}'"},
    ]
    safe = safe_errors(errors)
    assert [e["loc"] for e in safe] == [["body", "*"], ["body", "text"], ["body", "profile"]]
    assert safe[0]["msg"] == "unknown field (name withheld): Extra inputs are not permitted"
    assert safe[1]["msg"] == "Input should be a valid string"
    assert NAME not in str(safe) and "input" not in safe[0]


def test_known_names_and_fhir_patient_reach_the_drafting_call() -> None:
    from tests.api.conftest import settings as make_settings
    from tests.api.fakes import FakeAssistant

    fake = FakeAssistant(make_settings())
    patient = {"resourceType": "Patient", "name": [{"given": ["Ngozi", "A"], "family": "Eze"}],
               "contact": [{"name": {"text": "Olufemi Eze"}}]}  # fmt: skip
    with TestClient(create_app(fake.settings, assistant=fake)) as c:  # type: ignore[arg-type]
        resp = c.post("/v1/appeals", json={"text": NOTE, "denial": "CO-50", "known_names": ["Tamsin Hollis"],
                                           "patient": patient})  # fmt: skip
    assert resp.status_code == 200, resp.text
    assert fake.last_appeal["known_names"] == ["Tamsin Hollis", "Ngozi A Eze", "Olufemi Eze"]


def test_an_unknown_field_that_looks_like_a_field_name_is_named(client: TestClient) -> None:
    """qa6 L3: `{"text": ..., "dose": ...}` names `dose` (as claim errors name theirs); a key that could be
    a name ("Margaret Okonkwo-Lind") stays withheld (test above)."""
    resp = client.post("/v1/check", json={"text": NOTE, "dose": "2025-03-04"}, headers=HEADERS)
    assert resp.status_code == 422
    [error] = resp.json()["errors"]
    assert error["loc"] == ["body", "dose"] and error["type"] == "extra_forbidden"
    assert "unknown field dose" in error["msg"] and "2025-03-04" not in resp.text


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("textt", True),  # a typo of a field: named, so the caller can fix it
        ("billedLines", True),
        ("Zelphira", False),  # a capitalised word may be a patient's name (outside tester)
        ("Walter Smith", False),
        ("MRN", False),
    ],
)
def test_unknown_key_named_only_when_it_looks_like_a_field(key: str, shown: bool) -> None:
    safe = safe_errors([{"type": "extra_forbidden", "loc": ("body", key), "msg": "Extra inputs are not permitted"}])
    assert (key in str(safe)) is shown


@pytest.mark.parametrize(("message", "shown"), [
    # hostile13 #3: the apostrophes of "claim's" and "note's" were read as a quotation and the dates between swallowed
    ("the claim's date of service (2024-06-01) is not the note's date (2025-03-04)",
     "the claim's date of service (2024-06-01) is not the note's date (2025-03-04)"),
    ("Billed item 1: 'ZXQPHI' is not a modifier.", "Billed item 1: (value withheld) is not a modifier."),
    ("unknown 'O'Brien' here", "unknown (value withheld) here"),  # an apostrophe inside the quoted value
    ('named "Walter Smith" here', "named (value withheld) here"),
])
def test_quoted_values_are_withheld_and_possessives_are_not_quotes(message: str, shown: str) -> None:
    assert withheld(message) == shown
