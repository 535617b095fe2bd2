"""CDS Hooks: the client's signed JWT is verified as the specification requires (keys made here)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from fastapi.testclient import TestClient
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from api.app import create_app
from api.cds_auth import Jwks
from assistant.settings import CdsClient
from tests.api.conftest import settings
from tests.api.fakes import FakeAssistant

ISS = "https://ehr.example.org"
SERVICE = "https://cts.example.org"
AUD = f"{SERVICE}/cds-services/cts-sidebar"
EC_KEY = ec.generate_private_key(ec.SECP384R1())
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = ec.generate_private_key(ec.SECP384R1())


def jwk_set() -> dict[str, Any]:
    ec_jwk = {**ECAlgorithm.to_jwk(EC_KEY.public_key(), as_dict=True), "kid": "ec-1", "alg": "ES384"}
    rsa_jwk = {**RSAAlgorithm.to_jwk(RSA_KEY.public_key(), as_dict=True), "kid": "rsa-1", "alg": "RS384"}
    return {"keys": [ec_jwk, rsa_jwk]}


def token(claims: dict[str, Any] | None = None, *, key: Any = EC_KEY, alg: str = "ES384", kid: str = "ec-1",
          headers: dict[str, Any] | None = None, drop: tuple[str, ...] = ()) -> str:
    now = int(time.time())
    body = {"iss": ISS, "sub": "ehr-client", "aud": AUD, "iat": now, "exp": now + 120, "jti": str(uuid.uuid4())}
    body.update(claims or {})
    for name in drop:
        body.pop(name)
    return jwt.encode(body, key, algorithm=alg, headers={"kid": kid, "typ": "JWT", **(headers or {})})


CALL = {"hook": "patient-view", "hookInstance": str(uuid.uuid4()), "context": {"patientId": "p1", "userId": "u1"}}


def app_with(client: CdsClient) -> TestClient:
    s = settings(cds_clients=[client], public_url=SERVICE, auth_failures_per_minute=10_000)
    return TestClient(create_app(s, assistant=FakeAssistant(s)))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def ehr() -> Iterator[TestClient]:
    with app_with(CdsClient(iss=ISS, jwks=jwk_set(), sub=["ehr-client"])) as client:
        yield client


def call(client: TestClient, bearer: str | None) -> Any:
    headers = {"Authorization": f"Bearer {bearer}"} if bearer is not None else {}
    return client.post("/cds-services/cts-sidebar", json=CALL, headers=headers)


@pytest.mark.parametrize(("alg", "key", "kid"), [("ES384", EC_KEY, "ec-1"), ("RS384", RSA_KEY, "rsa-1")])
def test_a_signed_call_is_answered(ehr: TestClient, alg: str, key: Any, kid: str) -> None:
    response = call(ehr, token(key=key, alg=alg, kid=kid))
    assert response.status_code == 200 and response.json()["cards"]


def test_discovery_takes_its_own_url_as_audience(ehr: TestClient) -> None:
    bearer = token({"aud": SERVICE + "/cds-services"})
    response = ehr.get("/cds-services", headers={"Authorization": f"Bearer {bearer}"})
    assert response.status_code == 200


REFUSED: dict[str, dict[str, Any]] = {
    "no token": {"bearer": None},
    "not a JWT": {"bearer": "not-a-jwt"},
    "expired": {"claims": {"iat": int(time.time()) - 400, "exp": int(time.time()) - 100}},
    "issued in the future": {"claims": {"iat": int(time.time()) + 600, "exp": int(time.time()) + 700}},
    "lives too long": {"claims": {"exp": int(time.time()) + 3600}},
    "another audience": {"claims": {"aud": f"{SERVICE}/cds-services/cts-order-check"}},
    "untrusted issuer": {"claims": {"iss": "https://evil.example"}},
    "sub not accepted": {"claims": {"sub": "someone-else"}},
    "no jti": {"drop": ("jti",)},
    "no exp": {"drop": ("exp",)},
    "no iat": {"drop": ("iat",)},
    "unknown kid": {"kid": "ec-9"},
    "signed by another key": {"key": OTHER_KEY},
    "HMAC with the public key": {"alg": "HS384", "key": "secret-shared-by-nobody-0123456789abcdef0123456789ab"},
    "algorithm not allowed": {"alg": "ES256", "key": ec.generate_private_key(ec.SECP256R1())},
    "jku not registered": {"headers": {"jku": "https://evil.example/jwks.json"}},
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_call_breaking_a_rule_is_refused(ehr: TestClient, case: str) -> None:
    spec = dict(REFUSED[case])
    bearer = spec.pop("bearer") if "bearer" in spec else token(**spec)
    response = call(ehr, bearer)
    assert response.status_code == 401 and response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] in {"invalid_token", "missing_token"}


def test_alg_none_is_refused(ehr: TestClient) -> None:
    unsigned = jwt.encode({"iss": ISS, "aud": AUD, "iat": int(time.time()), "exp": int(time.time()) + 60,
                           "jti": "x"}, None, algorithm="none", headers={"kid": "ec-1"})
    assert call(ehr, unsigned).status_code == 401


def test_a_replayed_token_is_refused(ehr: TestClient) -> None:
    once = token()
    assert call(ehr, once).status_code == 200
    replay = call(ehr, once)
    assert replay.status_code == 401 and "replay" in replay.json()["detail"]


class _JwksServer(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        body = json.dumps(jwk_set()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        return None


def test_keys_are_fetched_from_the_jwks_url_and_cached() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _JwksServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/jwks.json"
    try:
        with app_with(CdsClient(iss=ISS, jwks_url=url)) as client:
            assert [call(client, token(headers={"jku": url})).status_code for _ in range(3)] == [200, 200, 200]
    finally:
        server.shutdown()
    assert _JwksServer.hits == 1


def test_an_unknown_kid_refetches_at_most_once_a_minute() -> None:
    fetched: list[str] = []
    now = [0.0]
    jwks = Jwks(lambda url: fetched.append(url) or jwk_set(), clock=lambda: now[0])
    client = CdsClient(iss=ISS, jwks_url="https://ehr.example.org/jwks")
    assert jwks.key(client, "ec-1") is not None and jwks.key(client, "new") is None
    now[0] += 30
    assert jwks.key(client, "new") is None
    now[0] += 31
    assert jwks.key(client, "new") is None
    assert len(fetched) == 2


@pytest.mark.parametrize("url", ["http://ehr.example.org/jwks", "ftp://127.0.0.1/jwks"])
def test_a_jwks_url_must_be_https_or_loopback(url: str) -> None:
    with app_with(CdsClient(iss=ISS, jwks_url=url)) as client:
        response = call(client, token())
    assert response.status_code == 401 and "https" in response.json()["detail"]


@pytest.mark.parametrize(
    ("url", "allow_remote"),
    [("https://10.0.0.5/jwks", False), ("https://169.254.169.254/jwks", True), ("https://[fe80::1]/jwks", False)],
)
def test_a_jwks_url_goes_through_the_egress_policy(url: str, allow_remote: bool) -> None:
    s = settings(cds_clients=[CdsClient(iss=ISS, jwks_url=url)], public_url=SERVICE, auth_failures_per_minute=10_000,
                 llm_allow_remote=allow_remote)
    with TestClient(create_app(s, assistant=FakeAssistant(s))) as client:  # type: ignore[arg-type]
        response = call(client, token())
    assert response.status_code == 401
    assert "JWK Set" in response.json()["detail"]


def test_the_api_doc_says_the_jwt_is_verified() -> None:
    """qa10b #14: the doc said JWT verification was "not implemented yet" next to how it is verified."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    section = doc.split("## CDS Hooks", 1)[1].split("\n## ", 1)[0]
    assert "ASSISTANT_CDS_CLIENTS" in section and "not implemented" not in section


@pytest.mark.parametrize("claim", ["jti", "exp", "iat"])
def test_a_missing_claim_is_named(ehr: TestClient, claim: str) -> None:
    """qa10b #13: the refusal names the missing claim, as the other refusals name their rule."""
    response = call(ehr, token(drop=(claim,)))
    assert response.status_code == 401 and f"has no {claim} claim" in response.json()["detail"]
