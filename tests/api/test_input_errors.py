"""Every odd input of issue #11 is a clear input error: HTTP 4xx problem+json, CLI exit 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from assistant.cli import app as cli
from assistant.service import Assistant
from tests.api.conftest import NOTE, document_reference, settings


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    s = settings(data_dir=tmp_path_factory.mktemp("data"))
    with TestClient(create_app(s, assistant=Assistant(s))) as client:
        yield client


BODIES: dict[str, tuple[bytes | dict[str, object], int, str]] = {
    "lone surrogate in the note": (b'{"text": "\\ud800"}', 422, "not_text"),
    "lone surrogate in a long note": (b'{"text": "Caregiver training \\ud800 patient not present 30 min 97550 x1 GP"}',
                                      422, "not_text"),
    "lone surrogate in billed": (b'{"text": "x", "billed": "\\udfff"}', 422, "bad_billed_line"),
    "billed is a number": ({"text": NOTE, "billed": 123}, 422, "bad_billed_line"),
    "profile is a number": ({"text": NOTE, "profile": 5}, 422, "invalid_request"),
    "100 units": ({"text": NOTE, "billed": [{"code": "97550", "units": 100}]}, 422, "bad_billed_line"),
    "0 units": ({"text": NOTE, "billed": [{"code": "97550", "units": 0}]}, 422, "bad_billed_line"),  # QA10 #18
    "units true": ({"text": NOTE, "billed": [{"code": "97550", "units": True}]}, 422, "bad_billed_line"),  # hostile #17
    "unreadable dos": ({"text": NOTE, "dos": "2025-02-30"}, 422, "invalid_date"),  # QA10 #18
    "100 units, shorthand": ({"text": NOTE, "billed": "97550x100"}, 422, "bad_billed_line"),
    "partial document date": ({"document": document_reference(context={"period": {"start": "2025-03"}})},
                              422, "invalid_documentreference"),
    "null attachment": ({"document": document_reference(content=[{"attachment": None}])},
                        422, "invalid_documentreference"),
    "5,000-digit number": (b'{"text": "x", "billed": [{"code": "97550", "units": ' + b"9" * 5000 + b"}]}",
                           400, "malformed_request"),
    "deep nesting": (b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", 400, "malformed_request"),
    "deep object nesting": (b'{"x": ' + b'{"a": ' * 5_000 + b"1" + b"}" * 5_000 + b"}", 400, "malformed_request"),
    "invalid UTF-8": (b'{"text": "DOS 2025-03-04 \xff\xfe patient"}', 400, "malformed_request"),
}
SAYS = {
    "5,000-digit number": "too many digits",
    "deep nesting": "nests JSON arrays or objects too deeply",
    "deep object nesting": "nests JSON arrays or objects too deeply",
    "invalid UTF-8": "not valid UTF-8 text (byte 26)",  # the 26th byte is 0xff
}


@pytest.mark.parametrize("case", BODIES, ids=list(BODIES))
def test_http_input_errors_are_problems(real: TestClient, case: str) -> None:
    body, status, code = BODIES[case]
    if isinstance(body, bytes):
        response = real.post("/v1/check", content=body, headers={"content-type": "application/json"})
    else:
        response = real.post("/v1/check", json=body)
    assert (response.status_code, response.headers["content-type"]) == (status, "application/problem+json")
    assert response.json()["code"] == code
    if case in SAYS:  # an unreadable body says why, never "Malformed request" alone (QA9 F21)
        assert SAYS[case] in response.json()["detail"]
    if case in ("0 units", "unreadable dos"):  # QA10 #18: the field's own error, no "should be None" of a branch
        assert [e["type"] for e in response.json()["errors"]] not in ([], ["none_required"])
        assert all(e["type"] != "none_required" and not e["type"].endswith("_type") for e in response.json()["errors"])
    if "surrogate in" in case and "note" in case:  # qa6 L7: short or long, the same clear message
        assert "lone surrogate" in response.json()["detail"] and "binary" not in response.json()["detail"]


@pytest.mark.parametrize(("body", "says"), [
    ({"text": NOTE, "denial": "CO-50 " * 1000}, "text should have at most 4000 characters, not 6000"),
    ({"text": NOTE, "denial": ""}, "text should have at least 1 character"),
])
def test_a_text_length_limit_is_said_in_characters(real: TestClient, body: dict[str, object], says: str) -> None:
    """pydantic words the limit of an optional text field as "items after validation" (QA9)."""
    response = real.post("/v1/appeals", json=body)
    assert response.status_code == 422 and response.json()["errors"][0]["msg"] == says and "items" not in response.text


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded", "application/xml"])
def test_a_body_that_is_not_sent_as_json_is_415(real: TestClient, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = real.post("/v1/check", content=NOTE.encode(), headers=headers)
    assert (response.status_code, response.json()["code"]) == (415, "unsupported_media_type")
    assert "application/json" in response.json()["detail"] and "wife" not in response.text


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"dos": "2025-03-04"}, "send exactly one of `text` or `document`"),
        ({"text": NOTE, "dos": None}, "instead of sending null: dos"),
        ({"text": NOTE, "Walter Smith DOB 1/2/40": None}, "instead of sending null: (a field)"),
    ],
)
def test_schema_errors_say_what_is_wrong(real: TestClient, body: dict[str, object], says: str) -> None:
    response = real.post("/v1/check", json=body)
    assert response.status_code == 422
    assert says in response.json()["errors"][0]["msg"] and "Walter" not in response.text


@pytest.mark.parametrize(("args", "words"), [
    (["--billed", "123"], "not CODExUNITS"),
    (["--billed", "97550x100"], "from 1 to 99"),
    (["--profile", "5"], "Unknown payer profile"),
    (["--dos", "2025-03"], "Cannot read the date of service"),
])
def test_cli_input_errors_exit_2(tmp_path: Path, args: list[str], words: str) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    result = CliRunner().invoke(cli, ["check", str(note), *args])
    assert result.exit_code == 2 and words in result.stderr


def test_cli_note_that_is_not_utf8_exits_2(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(b"Caregiver \xed\xa0\x81 training")  # an encoded lone surrogate, and 0x81 is not Windows-1252
    result = CliRunner().invoke(cli, ["check", str(note)])
    assert result.exit_code == 2 and "not UTF-8 text (undecodable byte at offset 10), nor Windows-1252" in result.stderr


def test_cli_reads_a_windows_1252_note_and_says_so(tmp_path: Path) -> None:
    """Word's "plain text" on Windows: not UTF-8, but every byte a Windows-1252 character (é, an en dash)."""
    note = tmp_path / "note.txt"
    note.write_bytes(NOTE.replace("Caregiver", "Caregiver (Mar\u00eda) \u2013").encode("cp1252"))
    result = CliRunner().invoke(cli, ["check", str(note), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["meta"]["decoded_from"] == "windows-1252"
    text = CliRunner().invoke(cli, ["check", str(note)]).stdout
    assert "it was read as windows-1252 text" in text
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(NOTE.replace("Caregiver", "Caregiver (Mar\u00eda) \u2013"), encoding="utf-8")
    assert json.loads(CliRunner().invoke(cli, ["check", str(utf8), "--format", "json"]).stdout)["meta"][
        "decoded_from"] is None


CLAIM = {"date_of_service": "2025-03-04", "payer": "Medicare Part B", "lines": [{"code": "97550", "units": 1}]}
APPEALS: dict[str, tuple[bytes | dict[str, object], int, str, str]] = {
    "modifiers is a number": ({"text": NOTE, "denial": "CO-50",
                               "claim": {**CLAIM, "lines": [{"code": "97550", "units": 1, "modifiers": 7}]}},
                              422, "bad_claim", "modifiers must be a list"),
    "lone surrogate in the denial text": (b'{"text": "x", "denial": "CO-50", "denial_text": "no \\udc80"}',
                                          422, "not_text", "denial text is not valid text: character 4"),
    "empty note": ({"text": "", "denial": "CO-50"}, 422, "empty_note", "The note is empty"),
}


@pytest.mark.parametrize("case", APPEALS, ids=list(APPEALS))
def test_appeal_input_errors_are_problems_not_500(real: TestClient, case: str) -> None:
    body, status, code, words = APPEALS[case]
    if isinstance(body, bytes):
        response = real.post("/v1/appeals", content=body, headers={"content-type": "application/json"})
    else:
        response = real.post("/v1/appeals", json=body)
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert words in response.json()["detail"]


@pytest.mark.parametrize("text", ["", "   \n"])
def test_an_empty_note_is_empty_note_as_in_the_cli(real: TestClient, text: str) -> None:
    response = real.post("/v1/check", json={"text": text})
    assert (response.status_code, response.json()["code"]) == (422, "empty_note")


def test_profile_in_any_case_as_in_the_cli(real: TestClient) -> None:
    assert real.post("/v1/check", json={"text": NOTE, "profile": "STRICT"}).json() == real.post(
        "/v1/check", json={"text": NOTE, "profile": "strict"}).json()


@pytest.mark.parametrize(("method", "path", "kwargs", "allowed"), [
    ("POST", "/v1/check", {"json": {"text": NOTE, "profile": "lenient"}}, "must be one of: medicare or strict"),
    ("POST", "/v1/rewrite?format=pdf", {"json": {"text": NOTE}}, "must be one of: json or docx"),
    ("GET", "/v1/worklist", {"params": {"status": "bogus"}}, "must be one of: new, drafted, submitted"),
    ("GET", "/v1/worklist", {"params": {"sort": "bogus"}}, "must be one of: due or recovery"),
])
def test_a_value_outside_a_set_names_the_set(real: TestClient, method: str, path: str, kwargs: dict[str, object],
                                             allowed: str) -> None:
    response = real.request(method, path, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 422 and response.json()["errors"][0]["msg"].startswith(allowed)
    assert "lenient" not in response.text


def test_one_question_limit_for_cli_and_api(real: TestClient) -> None:
    from assistant.parsing import MAX_QUESTION_CHARS

    spec = real.get("/openapi.json").json()
    answer = spec["components"]["schemas"]["AnswerRequest"]["properties"]["question"]
    search = next(p for p in spec["paths"]["/v1/search"]["get"]["parameters"] if p["name"] == "q")
    assert answer["maxLength"] == search["schema"]["maxLength"] == MAX_QUESTION_CHARS
    too_long = real.post("/v1/answer", json={"question": "x" * (MAX_QUESTION_CHARS + 1)})
    assert too_long.status_code == 422 and f"at most {MAX_QUESTION_CHARS}" in too_long.text
    result = CliRunner().invoke(cli, ["ask", "x" * (MAX_QUESTION_CHARS + 1)])
    assert result.exit_code == 2 and f"at most {MAX_QUESTION_CHARS}" in result.stderr


def test_the_answer_returns_the_question_as_asked(real: TestClient) -> None:
    question = "¿Puedo facturar 97550 si el paciente estuvo presente?"
    assert real.post("/v1/answer", json={"question": question}).json()["question"] == question


def test_a_future_dos_is_answered_for_what_the_knowledge_can_tell(real: TestClient) -> None:
    """A note dated ahead is checked, with the date as its `date_of_service` problem (docs/CONVENTIONS.md), and a
    question may plan ahead: the answer says what the knowledge cannot tell of a later date instead of calling a
    code valid then, and answers what it can (the waiver's end)."""
    check = real.post("/v1/check", json={"text": NOTE, "dos": "2031-01-01"})
    assert check.status_code == 200
    assert {c["id"]: c["status"] for c in check.json()["checks"]}["date_of_service"] == "problem"
    valid = real.post("/v1/answer", json={"question": "is 97550 billable?", "dos": "2031-01-01"}).json()
    assert "no end date as of today" in valid["text"] and "in effect on 2031" not in valid["text"]
    waiver = real.post("/v1/answer", json={"question": "can our SLPs still bill caregiver training by telehealth in "
                                                       "2028?"}).json()
    assert waiver["answered"] and "2027-12-31" in waiver["text"]


def test_fees_beyond_the_tables_speak_to_a_user(real: TestClient) -> None:
    detail = real.get("/v1/codes/97550", params={"dos": "2031-01-01"}).json()["detail"]
    assert "updated release" in detail and ".yaml" not in detail and "knowledge/" not in detail


@pytest.mark.parametrize("modifiers", ["GP", "GP,KX", ["GP", "KX"]])
def test_check_reads_billed_modifiers_as_a_claim_file_does(real: TestClient, modifiers: object) -> None:
    """docs/claims.md: modifiers are a list or one string ("GP,KX"); /v1/check's billed lines take the same shape."""
    response = real.post("/v1/check", json={"text": NOTE, "billed": [{"code": "97550", "units": 1,
                                                                        "modifiers": modifiers}]})
    assert response.status_code == 200, response.text
