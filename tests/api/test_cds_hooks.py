"""CDS Hooks: discovery, patient-view card with a link to the sidebar, order-sign checks."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import NOTE, settings
from tests.api.fakes import FakeAssistant


def call(client: TestClient, service: str, hook: str, context: dict) -> dict:
    resp = client.post(
        f"/cds-services/{service}", json={"hook": hook, "hookInstance": str(uuid.uuid4()), "context": context}
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


def assert_card(card: dict) -> None:
    assert len(card["summary"]) < 140
    assert card["indicator"] in {"info", "warning", "critical"}
    assert card["source"]["label"]
    assert None not in card.values()


def order(code: str, units: int = 1, *, when: str = "2025-03-04", note: str | None = None) -> dict:
    resource = {
        "resourceType": "ServiceRequest",
        "status": "draft",
        "intent": "order",
        "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": code}]},
        "subject": {"reference": "Patient/1"},
        "quantityQuantity": {"value": units},
        "occurrenceDateTime": when,
    }
    if note:
        resource["note"] = [{"text": note}]
    return {"resource": resource}


def bundle(*entries: dict) -> dict:
    return {"resourceType": "Bundle", "type": "collection", "entry": list(entries)}


def test_discovery(client: TestClient) -> None:
    services = client.get("/cds-services").json()["services"]
    assert {s["hook"] for s in services} == {"patient-view", "order-sign"}
    for s in services:
        assert s["id"] and s["description"]
        assert None not in s.values()


def test_patient_view_card_links_to_sidebar(client: TestClient) -> None:
    cards = call(client, "cts-sidebar", "patient-view", {"userId": "Practitioner/1", "patientId": "1"})["cards"]
    assert len(cards) == 1
    assert_card(cards[0])
    link = cards[0]["links"][0]
    assert link["type"] == "absolute" and link["url"].endswith("/sidebar")


def test_patient_view_smart_link_when_configured() -> None:
    fake = FakeAssistant(settings(smart_client_id="cts"))
    with TestClient(create_app(fake.settings, assistant=fake)) as client:  # type: ignore[arg-type]
        card = call(
            client, "cts-sidebar", "patient-view", {"userId": "Practitioner/1", "patientId": "p1", "encounterId": "e1"}
        )["cards"][0]
    link = card["links"][0]
    assert link["type"] == "smart" and '"patientId": "p1"' in link["appContext"]


def test_order_sign_addon_alone(client: TestClient) -> None:
    cards = call(
        client,
        "cts-order-check",
        "order-sign",
        {"userId": "Practitioner/1", "patientId": "1", "draftOrders": bundle(order("97551"))},
    )["cards"]
    assert cards and cards[0]["indicator"] == "warning" and "97550" in cards[0]["summary"]
    for card in cards:
        assert_card(card)


def test_order_sign_direct_care_before_2025(client: TestClient) -> None:
    cards = call(
        client,
        "cts-order-check",
        "order-sign",
        {"userId": "Practitioner/1", "patientId": "1", "draftOrders": bundle(order("G0541", when="2024-06-01"))},
    )["cards"]
    assert any(c["indicator"] == "critical" for c in cards)


@pytest.mark.parametrize(
    ("orders", "critical", "one_family"),
    [
        # an outside tester's bundle: the 2024 G0543 order lost its critical card beside a 2025 order
        ((("97551", "2025-03-04"), ("G0543", "2024-06-01")), True, False),
        ((("G0543", "2024-06-01"), ("97551", "2025-03-04")), True, False),
        # the same minutes under two families: only orders of one date can be
        ((("97550", "2025-03-04"), ("G0541", "2025-03-04")), False, True),
        ((("97550", "2025-03-04"), ("G0541", "2025-03-05")), False, False),
    ],
)
def test_order_sign_reads_each_order_on_its_own_date(
    client: TestClient, orders: tuple[tuple[str, str], ...], critical: bool, one_family: bool
) -> None:
    draft = bundle(*(order(code, when=when) for code, when in orders))
    cards = call(client, "cts-order-check", "order-sign",
                 {"userId": "Practitioner/1", "patientId": "1", "draftOrders": draft})["cards"]
    assert any(c["indicator"] == "critical" for c in cards) is critical
    assert any("one code family only" in c["summary"] for c in cards) is one_family
    assert len({c["summary"] for c in cards}) == len(cards)


def test_order_sign_checks_an_attached_note(client: TestClient, fake: FakeAssistant) -> None:
    before = fake.calls.check
    cards = call(
        client,
        "cts-order-check",
        "order-sign",
        {"userId": "Practitioner/1", "patientId": "1", "draftOrders": bundle(order("97550", note=NOTE))},
    )["cards"]
    assert fake.calls.check == before + 1
    assert "97550 x1" in cards[-1]["summary"]
    assert_card(cards[-1])


def test_order_sign_ignores_other_orders(client: TestClient) -> None:
    result = call(
        client,
        "cts-order-check",
        "order-sign",
        {"userId": "Practitioner/1", "patientId": "1", "draftOrders": bundle(order("97110"))},
    )
    assert result == {"cards": []}


def test_cds_errors(client: TestClient) -> None:
    body = {
        "hook": "patient-view",
        "hookInstance": str(uuid.uuid4()),
        "context": {"patientId": "1", "userId": "Practitioner/1"},
    }
    assert client.post("/cds-services/nope", json=body).status_code == 404
    assert client.post("/cds-services/cts-order-check", json=body).status_code == 422
    missing = client.post("/cds-services/cts-order-check", json={**body, "hook": "order-sign"})
    assert missing.status_code == 422 and "draftOrders" in missing.json()["detail"]
    bad = client.post(
        "/cds-services/cts-order-check",
        json={**body, "hook": "order-sign", "context": {"patientId": "1", "draftOrders": {"entry": "x"}}},
    )
    assert bad.status_code == 422


@pytest.mark.parametrize(("value", "said"), [([], "must be a FHIR Bundle"), ("x", "must be a FHIR Bundle"),
                                             (None, "missing draftOrders")])
def test_draft_orders_of_the_wrong_type_are_not_called_missing(client: TestClient, value: object,
                                                                said: str) -> None:
    # hostile15 #30: draftOrders: [] was answered "context is missing draftOrders"
    body = {"hook": "order-sign", "hookInstance": str(uuid.uuid4()),
            "context": {"patientId": "1", "userId": "Practitioner/1", "draftOrders": value}}
    answer = client.post("/cds-services/cts-order-check", json=body)
    assert answer.status_code == 422 and said in answer.json()["detail"]


def _order_sign(client: TestClient, *entries: dict) -> list[dict]:
    return call(client, "cts-order-check", "order-sign",
                {"userId": "Practitioner/1", "patientId": "1", "draftOrders": bundle(*entries)})["cards"]


@pytest.mark.parametrize(("units", "said"), [
    (1e300, True), (-3, True), (2.5, True), ("x", True), (0, True), (100, True), (True, True),  # hostile13 #5
    (2, False), (2.0, False), (1, False),
])
def test_an_unreadable_order_quantity_is_said_never_read_as_one(client: TestClient, units: object,
                                                               said: bool) -> None:
    cards = _order_sign(client, order("97552", units))  # type: ignore[arg-type]
    assert any("Order quantity" in c["summary"] and c["indicator"] == "warning" for c in cards) is said


def test_an_order_date_that_is_no_calendar_day_is_said(client: TestClient) -> None:
    cards = _order_sign(client, order("G0541", when="2024-02-30"))
    assert any("not a calendar date" in c["summary"] for c in cards)


def test_a_code_written_with_blanks_is_the_code(client: TestClient) -> None:
    cards = _order_sign(client, order(" 97551 "))
    assert cards and "97550" in cards[0]["summary"]  # the add-on alone, as for "97551"


def test_one_note_on_two_orders_of_a_date_is_counted_once(client: TestClient, fake: FakeAssistant) -> None:
    """hostile16 #17: the same note attached to the 97550 and the 97551 order was counted twice ("supports 97550
    x2", and 97550 is once per date)."""
    before = fake.calls.check
    cards = _order_sign(client, order("97550", note=NOTE), order("97551", 2, note=NOTE))
    assert fake.calls.check == before + 1
    assert not any("97550 x2" in c["summary"] for c in cards)
