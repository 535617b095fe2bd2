"""With the network blocked, a fresh Deidentifier builds and scrubs a note without any connection attempt.

Presidio's default engine downloads a spaCy model and its e-mail recognizer makes tldextract
fetch the public suffix list; both must stay off.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

from assistant.phi import Deidentifier


def _is_loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", None):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost: resolving it is already a network call


@pytest.fixture
def network_blocked(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    attempts: list[Any] = []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX or _is_loopback(address):
            return real_connect(self, address)
        attempts.append(address)
        raise OSError(f"network blocked in test: connect to {address!r}")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if _is_loopback(host):
            return real_getaddrinfo(host, *args, **kwargs)
        attempts.append(host)
        raise socket.gaierror(f"network blocked in test: resolve {host!r}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: connect(self, address))
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


def test_fresh_deidentifier_works_offline(network_blocked: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    import tldextract
    import tldextract.tldextract as tx

    # Start from tldextract's network-fetching configuration (no cache), as a fresh process would.
    monkeypatch.setattr(tx, "TLD_EXTRACTOR", tldextract.TLDExtract(cache_dir=None))
    deid = Deidentifier(extra_names=["Margaret O'Connell"])
    note = (
        "Patient Margaret O'Connell, DOB 03/14/1941, MRN: 00482913. Caregiver: daughter Karen O'Connell, "
        "k.oconnell@example.com, (217) 555-0143. 97550 x1 GP, 32 min, 10:15 AM."
    )
    result = deid.deidentify(note)

    assert network_blocked == []
    for secret in ("Margaret O'Connell", "03/14/1941", "00482913", "Karen", "k.oconnell@example.com", "555-0143"):
        assert secret not in result.text
    for kept in ("97550 x1 GP", "32 min", "10:15 AM"):
        assert kept in result.text
    assert result.reidentify(result.text) == note


def test_blocker_really_blocks(network_blocked: list[Any]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 443), timeout=1)
    assert network_blocked
