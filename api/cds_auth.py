"""CDS Hooks client authentication: the EHR's signed JWT, verified as the specification requires.

Every call carries `Authorization: Bearer <JWT>`, signed with the CDS Client's private key. The
service accepts it only when:
  - `iss` is on the allow-list (`ASSISTANT_CDS_CLIENTS`), and `sub` too when the client lists them;
  - the header names an allowed algorithm (ES384/RS384 by default; never `none` or HMAC) and a
    `kid` found in that issuer's JWK Set: inline, or fetched from its `jwks_url` through the
    facade's guarded fetch (the model's egress policy; 5 s, 64 KB, no redirects) and cached (an hour; an unknown `kid`
    refetches at most once a minute); a `jku` header must be that same URL;
  - the signature verifies; `aud` is the endpoint called ({public_url}/cds-services/{id});
    `exp`, `iat` and `jti` are present, `iat` is not in the future and the token lives at most
    five minutes (60 s leeway for clock skew);
  - its `jti` was never seen before from that issuer (replay protection, in the shared store).
Verification does network and CPU work: the API runs it in a worker thread.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import jwt
from fastapi import Request

from api.security import Principal, auth_failed, authenticate, client_address, refuse_failing_address, take_request
from assistant.errors import BackendRefusedError
from assistant.settings import CdsClient

LEEWAY = 60
MAX_LIFETIME = 300
MAX_JWKS_BYTES = 64_000
_FORBIDDEN_ALGS = {"none", "HS256", "HS384", "HS512"}


class TokenError(Exception):
    """Why a JWT was refused (safe to return: never quotes the token)."""


def fetch_jwks(url: str, get: Callable[..., tuple[int, bytes]]) -> dict[str, Any]:
    """GET a JWK Set with ``get`` (the facade's `fetch_url`: the model's egress policy, 5 s, at most 64 KB,
    no redirects); https, or http on loopback."""
    parts = urlsplit(url)
    loopback = parts.hostname in {"localhost"} or _is_loopback(parts.hostname or "")
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        raise TokenError("the issuer's jwks_url must be https")
    try:
        status, body = get(url, max_bytes=MAX_JWKS_BYTES, timeout=5.0)
    except BackendRefusedError:
        raise TokenError("the issuer's JWK Set is not reachable under ASSISTANT_LLM_ALLOW_REMOTE=false; "
                         "configure its keys inline (jwks)") from None
    except OSError as exc:
        raise TokenError(f"the issuer's JWK Set could not be fetched ({exc})") from None
    if status != 200:
        raise TokenError(f"the issuer's JWK Set answered HTTP {status}")
    try:
        data = json.loads(body)
    except ValueError:
        raise TokenError("the issuer's JWK Set is not JSON") from None
    if not isinstance(data, dict):
        raise TokenError("the issuer's JWK Set is not a JSON object")
    return data


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Jwks:
    """Each issuer's keys by `kid`, from its inline JWK Set or its URL (cached)."""

    def __init__(self, fetch: Callable[[str], dict[str, Any]], *, ttl: float = 3600.0,
                 refetch_after: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch, self._ttl, self._refetch_after, self._clock = fetch, ttl, refetch_after, clock
        self._cache: dict[str, tuple[dict[str, jwt.PyJWK], float]] = {}
        self._lock = threading.Lock()

    def key(self, client: CdsClient, kid: str) -> jwt.PyJWK | None:
        if client.jwks is not None:
            return _keys(client.jwks).get(kid)
        assert client.jwks_url is not None  # CdsClient requires one of the two
        now = self._clock()
        with self._lock:
            keys, fetched = self._cache.get(client.iss, ({}, -1e18))
        stale = now - fetched > self._ttl or (kid not in keys and now - fetched > self._refetch_after)
        if stale:
            keys = _keys(self._fetch(client.jwks_url))
            with self._lock:
                self._cache[client.iss] = (keys, now)
        return keys.get(kid)


def _keys(jwks: dict[str, Any]) -> dict[str, jwt.PyJWK]:
    out: dict[str, jwt.PyJWK] = {}
    for entry in jwks.get("keys", []) if isinstance(jwks.get("keys"), list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("kid"), str) or entry.get("use", "sig") != "sig":
            continue
        try:
            out[entry["kid"]] = jwt.PyJWK(entry)
        except (jwt.PyJWTError, ValueError, TypeError, KeyError):
            continue  # a key this library cannot use is skipped, not fatal
    return out


def verify(token: str, *, clients: list[CdsClient], jwks: Jwks, audience: str, algorithms: list[str],
           first_use: Callable[[str, float], bool]) -> dict[str, Any]:
    """The verified claims of a CDS Client's JWT, or `TokenError` saying which rule it broke."""
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise TokenError("the bearer token is not a JWT") from None
    alg, kid = header.get("alg"), header.get("kid")
    if alg not in algorithms or alg in _FORBIDDEN_ALGS:
        raise TokenError(f"the JWT algorithm must be one of {', '.join(algorithms)}")
    if not isinstance(kid, str):
        raise TokenError("the JWT header has no kid")
    client = next((c for c in clients if c.iss == unverified.get("iss")), None)
    if client is None:
        raise TokenError("the JWT issuer is not a trusted CDS client")
    if "jku" in header and header["jku"] != client.jwks_url:
        raise TokenError("the JWT jku is not the issuer's registered JWK Set URL")
    key = jwks.key(client, kid)
    if key is None:
        raise TokenError("no key of the issuer matches the JWT kid")
    try:
        claims: dict[str, Any] = jwt.decode(
            token, key, algorithms=[alg], audience=audience, issuer=client.iss, leeway=LEEWAY,
            options={"require": ["iss", "aud", "exp", "iat", "jti"]})
    except jwt.ExpiredSignatureError:
        raise TokenError("the JWT has expired") from None
    except jwt.InvalidAudienceError:
        raise TokenError("the JWT aud is not this service endpoint") from None
    except jwt.MissingRequiredClaimError as exc:  # named like the other refusals, not by the library's class
        raise TokenError(f"the JWT has no {exc.claim} claim (iss, aud, exp, iat and jti are required)") from None
    except jwt.PyJWTError as exc:
        raise TokenError(f"the JWT is invalid ({type(exc).__name__})") from None
    _check_claims(claims, client)
    if not first_use(f"jti:{client.iss}:{claims['jti']}", float(claims["exp"]) + LEEWAY):
        raise TokenError("the JWT was already used (jti replay)")
    return claims


def _check_claims(claims: dict[str, Any], client: CdsClient) -> None:
    if not isinstance(claims.get("jti"), str) or not claims["jti"]:
        raise TokenError("the JWT jti must be a non-empty string")
    if float(claims["exp"]) - float(claims["iat"]) > MAX_LIFETIME:
        raise TokenError(f"the JWT lives longer than {MAX_LIFETIME} seconds")
    if client.sub and claims.get("sub") not in client.sub:
        raise TokenError("the JWT sub is not an accepted client id of this issuer")


async def authenticate_cds(request: Request) -> Principal:
    """The caller of a /cds-services route: a verified CDS Client JWT when `ASSISTANT_CDS_CLIENTS` is
    configured (401 / 429 otherwise), else the API keys as on every other route."""
    settings = request.app.state.settings
    if not settings.cds_clients:
        return await authenticate(request)
    address = client_address(request)
    await refuse_failing_address(request, address)
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        await auth_failed(request, address, "missing_token",
                          "CDS Hooks calls need Authorization: Bearer <JWT> signed by the CDS client.")
    audience = (settings.public_url or str(request.base_url)).rstrip("/") + request.url.path
    try:
        claims = await request.app.state.offload.run_io(
            "auth", verify, token.strip(), clients=settings.cds_clients, jwks=request.app.state.jwks,
            audience=audience, algorithms=settings.cds_jwt_algorithms, first_use=request.app.state.limiter.once)
    except TokenError as exc:
        await auth_failed(request, address, "invalid_token", f"The CDS Hooks JWT was refused: {exc}.")
    principal = Principal("iss-" + hashlib.sha256(str(claims["iss"]).encode()).hexdigest()[:8])
    await take_request(request, principal.key_id)
    return principal
