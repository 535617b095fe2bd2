"""/v1/era and /v1/worklist over the real library: practices by API key, changes, notes, drafts, problems."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from fastapi.testclient import TestClient

from api.app import create_app
from api.security import hash_key
from assistant import Assistant, Settings
from tests.api.conftest import document_reference
from tests.docx_text import docx_text
from tests.worklist.test_draft import NOTE

ERA = Path(__file__).resolve().parents[1] / "remittance" / "fixtures" / "medicare_partb.835"
KEY_A, KEY_B, KEY_A2 = "practice-a-key-000000", "practice-b-key-000000", "practice-a-second-key"
NOTE_45 = NOTE.replace("Total 32 minutes", "Total 45 minutes")

# Every test builds the real library and app (lifespan, warm-up, an 835 import): about a second each.
pytestmark = pytest.mark.slow


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        embedder="hash",
        data_dir=tmp_path,
        rate_limit_per_minute=100_000,
        api_keys=[hash_key(k) for k in (KEY_A, KEY_B, KEY_A2)],
        practice_keys={hash_key(KEY_A): "clinic-a", hash_key(KEY_A2): "clinic-a"},
    )
    with TestClient(create_app(settings, assistant=Assistant(settings))) as c:
        yield c


def h(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def upload(client: TestClient, key: str = KEY_A, *, recent: bool = False) -> dict[str, object]:
    """Upload the fixture remittance; `recent`: dated today, so the item's notice date leaves the appeal in time."""
    content = ERA.read_bytes()
    if recent:
        today = date.today().strftime("%Y%m%d").encode()
        content = content.replace(b"20250416", today).replace(b"20250418", today)
    resp = client.post(
        "/v1/era?filename=era.835", content=content, headers={**h(key), "Content-Type": "application/edi-x12"}
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_upload_list_and_practices(client: TestClient) -> None:
    summary = upload(client)
    assert summary["items_created"] == 6 and summary["other_denials"] == 1
    assert upload(client)["already_imported"] is True
    page = client.get("/v1/worklist?due=200d&sort=due", headers=h(KEY_A)).json()
    assert page["total"] == 6 and page["other_code_denials"] == 1
    assert client.get("/v1/worklist", headers=h(KEY_A2)).json()["total"] == 6  # same practice, other key
    assert client.get("/v1/worklist", headers=h(KEY_B)).json()["total"] == 0  # another practice
    item_id = page["items"][0]["id"]
    for method, path in (("GET", f"/v1/worklist/{item_id}"), ("GET", f"/v1/worklist/{item_id}/draft")):
        resp = client.request(method, path, headers=h(KEY_B))
        assert resp.status_code == 404 and resp.headers["content-type"] == "application/problem+json"
    resp = client.patch(f"/v1/worklist/{item_id}", json={"assignee": "x"}, headers=h(KEY_B))
    assert resp.status_code == 404


@pytest.mark.parametrize("item_id", ["0", "-1", "2147483648", "99999999999999999999"])
def test_an_id_no_item_can_have_is_the_same_404(client: TestClient, item_id: str) -> None:
    # hostile15 #16: -1 missed the route (a generic "Not Found"), 0 failed the schema (422)
    upload(client)
    for method, path in (("GET", f"/v1/worklist/{item_id}"), ("GET", f"/v1/worklist/{item_id}/draft"),
                         ("PATCH", f"/v1/worklist/{item_id}")):
        resp = client.request(method, path, headers=h(KEY_A), json={"assignee": "x"} if method == "PATCH" else None)
        assert resp.status_code == 404 and resp.json()["detail"].startswith("no worklist item"), (method, path)


@pytest.mark.parametrize("written", ["12/01/2026", "12/01/26", "20261201", "2026-12-01"])
def test_worklist_dates_read_the_forms_claims_accept(client: TestClient, written: str) -> None:
    upload(client)  # hostile15 #13: only YYYY-MM-DD was read
    item_id = client.get("/v1/worklist", headers=h(KEY_A)).json()["items"][0]["id"]
    resp = client.patch(f"/v1/worklist/{item_id}", json={"status": "submitted", "submitted_on": written},
                        headers=h(KEY_A))
    assert resp.status_code == 200 and resp.json()["submitted_on"] == "2026-12-01", resp.text


@pytest.mark.parametrize("written", ["13/45/2026", "soon", 20261201])
def test_a_worklist_date_that_is_none_names_the_field_and_forms(client: TestClient, written: object) -> None:
    upload(client)
    item_id = client.get("/v1/worklist", headers=h(KEY_A)).json()["items"][0]["id"]
    resp = client.patch(f"/v1/worklist/{item_id}", json={"submitted_on": written}, headers=h(KEY_A))
    said = str(resp.json()["errors"])
    assert resp.status_code == 422 and "submitted_on" in said and "MM/DD/YYYY" in said
    assert "soon" not in resp.text and "13/45" not in resp.text


def test_patch_history_and_conflict(client: TestClient) -> None:
    upload(client)
    item_id = client.get("/v1/worklist", headers=h(KEY_A)).json()["items"][0]["id"]
    resp = client.patch(f"/v1/worklist/{item_id}", json={"status": "won"}, headers=h(KEY_A))
    assert resp.status_code == 409 and resp.json()["code"] == "invalid_transition"
    detail = client.patch(f"/v1/worklist/{item_id}", json={"status": "submitted"}, headers=h(KEY_A)).json()
    assert detail["status"] == "submitted" and detail["history"][-1]["actor"] == f"key:{hash_key(KEY_A)[:8]}"
    resp = client.patch(f"/v1/worklist/{item_id}", json={"status": "won", "recovered": 100}, headers=h(KEY_A2))
    assert resp.json()["recovered"] == 100
    stats = client.get("/v1/worklist/stats", headers=h(KEY_A)).json()
    assert any(r["won"] == 1 for r in stats["rows"])
    assert client.get("/v1/worklist/stats", headers=h(KEY_B)).json()["rows"] == []


def test_note_document_reference_and_draft_docx(client: TestClient) -> None:
    upload(client, recent=True)
    items = client.get("/v1/worklist?pattern=medical_necessity", headers=h(KEY_A)).json()["items"]
    item_id = items[0]["id"]
    assert client.post(f"/v1/worklist/{item_id}/draft", json={}, headers=h(KEY_A)).status_code == 422  # no note yet
    resp = client.put(f"/v1/worklist/{item_id}/note", json={"document": document_reference(NOTE_45)}, headers=h(KEY_A))
    assert resp.status_code == 200 and resp.json()["note_attached"]
    reply = client.post(f"/v1/worklist/{item_id}/draft", json={}, headers=h(KEY_A)).json()
    assert reply["item"]["status"] == "drafted" and reply["result"]["recommendation"] == "appeal"
    letter = client.get(f"/v1/worklist/{item_id}/draft?format=docx", headers=h(KEY_A))
    assert letter.status_code == 200 and letter.headers["content-type"].startswith("application/vnd.openxml")
    text = docx_text(Document(io.BytesIO(letter.content)))
    assert "2225077123450" in text


def test_bulk_draft(client: TestClient) -> None:
    upload(client)
    items = client.get("/v1/worklist", headers=h(KEY_A)).json()["items"]
    claim = [i["id"] for i in items if i["procedure"] in ("97550", "97551") and i["denial"].startswith("CO-50")]
    other = next(i["id"] for i in items if i["denial"].startswith("PR-119"))
    client.put(f"/v1/worklist/{claim[0]}/note", json={"text": NOTE_45}, headers=h(KEY_A))
    results = client.post("/v1/worklist/draft", json={"ids": [*claim, other]}, headers=h(KEY_A)).json()["results"]
    # the claim's two lines of one date share the note (as in the CLI); another claim's line has none
    assert [r["drafted"] for r in results] == [True, True, False]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"", 422, "bad_remittance"),
        (b"ISA*00*garbage", 422, "bad_remittance"),
        (ERA.read_bytes().replace(b"SE*81*0001~", b"SE*80*0001~"), 422, "bad_remittance"),
    ],
)
def test_bad_uploads_are_problems_without_content(client: TestClient, body: bytes, status: int, code: str) -> None:
    resp = client.post("/v1/era", content=body, headers={**h(KEY_A), "Content-Type": "text/plain"})
    assert resp.status_code == status and resp.json()["code"] == code
    assert "TESTPATIENT" not in resp.text


def test_unknown_key_and_page(client: TestClient) -> None:
    assert client.get("/v1/worklist", headers=h("nope")).status_code == 401
    page = client.get("/worklist")
    assert (
        page.status_code == 200
        and "static/worklist.js" in page.text
        and "script-src 'self'" in page.headers["content-security-policy"]
    )


@pytest.mark.parametrize("due", ["banana", "-5d", "14x"])
def test_a_bad_due_window_says_the_expected_form(client: TestClient, due: str) -> None:
    """qa10b #12: the refusal says how to write the window, as the CLI does, and never quotes the value."""
    resp = client.get(f"/v1/worklist?due={due}", headers=h(KEY_A))
    assert resp.status_code == 422 and "14d, 2w" in resp.json()["detail"] and due not in resp.text
