from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.security import hash_key
from assistant.settings import Settings
from tests.api.fakes import FakeAssistant

NOTE = (
    "Date of service: 03/04/2025. Caregiver training with the patient's wife; patient was not present. "
    "Verbal consent obtained from the patient. Taught sit-to-stand transfer with gait belt; "
    "wife completed return demonstration with two verbal cues. Total 32 minutes. Jane Doe, PT, DPT."
)
KEY = "test-key-0123456789"


def settings(**overrides: object) -> Settings:
    base: dict[str, object] = {"embedder": "hash", "rate_limit_per_minute": 10_000, "rate_limit_store": "memory"}
    base.update(overrides)
    return Settings(**base)  # type: ignore[arg-type]


@pytest.fixture
def fake() -> FakeAssistant:
    return FakeAssistant(settings())


@pytest.fixture
def client(fake: FakeAssistant) -> Iterator[TestClient]:
    with TestClient(create_app(fake.settings, assistant=fake)) as c:  # type: ignore[arg-type]
        yield c


@pytest.fixture
def keyed_client() -> Iterator[TestClient]:
    fake = FakeAssistant(settings(api_keys=[hash_key(KEY)]))
    with TestClient(create_app(fake.settings, assistant=fake)) as c:  # type: ignore[arg-type]
        yield c


def document_reference(text: str = NOTE, **over: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "resourceType": "DocumentReference",
        "status": "current",
        "date": "2025-03-04T10:00:00Z",
        "content": [{"attachment": {"contentType": "text/plain; charset=utf-8",
                                    "data": base64.b64encode(text.encode()).decode()}}],
    }
    doc.update(over)
    return doc
