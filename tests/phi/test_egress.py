"""One egress policy: only loopback is local; with remote calls refused, no connection leaves the machine."""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

from assistant.drafting.appeal import draft_appeal
from assistant.errors import BackendRefusedError, IndexError_
from assistant.llm.openai_compat import OpenAICompatBackend
from assistant.phi.egress import EgressPolicy, kind
from assistant.retrieval.openai_embedder import OpenAIEmbedder
from assistant.settings import Settings
from tests.drafting.stubs import GOOD_NOTE, StubAssistant
from tests.llm.fake_openai import FakeOpenAI

# Names a test resolves: what getaddrinfo answers for them (nothing else is ever resolved).
FAKE_DNS = {"evil.localhost": "10.0.0.5", "meta.example": "169.254.169.254", "good.localhost": "127.0.0.1"}


@pytest.fixture(scope="module")
def fake_openai() -> Any:
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Sockets patched: loopback connects go through, any other connect is recorded and blocked."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if self.family == socket.AF_UNIX or ipaddress.ip_address(host).is_loopback:
            return real_connect(self, address)
        attempts.append(address)
        raise OSError(f"network blocked in test: {address!r}")

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in FAKE_DNS:
            return real_getaddrinfo(FAKE_DNS[host], port, *args, **kwargs)
        try:
            ipaddress.ip_address(host)
        except ValueError:
            if host != "localhost":
                raise socket.gaierror(f"no DNS in tests: {host!r}") from None
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: connect(self, address))
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"),
        ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("169.254.169.254", "metadata"),
        ("169.254.10.1", "link-local"), ("100.64.0.1", "carrier-grade NAT"), ("fd12::1", "private"),
        ("fe80::1", "link-local"), ("::ffff:10.0.0.1", "private"), ("fd00:ec2::254", "metadata"), ("8.8.8.8", "public"),
    ],
)  # fmt: skip
def test_address_kinds(address: str, expected: str) -> None:
    assert kind(ipaddress.ip_address(address)) == expected


@pytest.mark.parametrize(
    "host", ["10.0.0.5", "172.20.1.1", "192.168.0.10", "169.254.169.254", "100.64.1.1", "fd00::5", "fe80::1",
             "evil.localhost", "meta.example", "nowhere.invalid"],
)  # fmt: skip
def test_only_loopback_passes_when_remote_is_refused(network: list[Any], host: str) -> None:
    with pytest.raises(BackendRefusedError):
        EgressPolicy(allow_remote=False).check(host, 443)
    assert network == []


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "good.localhost"])
def test_loopback_is_local(network: list[Any], host: str) -> None:
    policy = EgressPolicy(allow_remote=False)
    assert policy.check(host, 80).is_loopback
    assert policy.is_local(f"http://{'[::1]' if host == '::1' else host}:8000/v1")


def test_metadata_refused_even_when_remote_is_allowed(network: list[Any]) -> None:
    with pytest.raises(BackendRefusedError, match="metadata"):
        EgressPolicy(allow_remote=True).check("169.254.169.254", 80)


@pytest.mark.parametrize(
    "url", ["http://10.0.0.5:8000/v1", "http://169.254.169.254/v1", "http://evil.localhost:8000/v1",
            "http://[fd00::5]:8000/v1", "https://api.example.com/v1"],
)  # fmt: skip
def test_model_call_refused_sees_no_connection(network: list[Any], url: str) -> None:
    b = OpenAICompatBackend(Settings(ASSISTANT_LLM_BASE_URL=url, llm_allow_remote=False, llm_max_retries=0))
    result = draft_appeal(StubAssistant(b).deps(), denial="CO-50 N115", note=GOOD_NOTE)
    assert result.grounding.outcome == "offline_fallback"
    assert "refused" in result.grounding.attempts[0].reasons[0] or "disabled" in result.grounding.attempts[0].reasons[0]
    assert network == []


def test_embedder_refused_sees_no_connection(network: list[Any]) -> None:
    embedder = OpenAIEmbedder("http://10.0.0.5:8000/v1", "k", "m", allow_remote=False, max_retries=0)
    with pytest.raises(IndexError_, match="ALLOW_REMOTE"):
        embedder.embed_query("Does Maria Lopez need a new session?")
    assert network == []


def test_a_name_that_turns_remote_after_the_check_is_refused_at_connect(
    network: list[Any], monkeypatch: pytest.MonkeyPatch, fake_openai: FakeOpenAI
) -> None:
    """DNS rebinding: judged loopback (so nothing de-identified), then resolving elsewhere: never contacted."""
    fake_openai.script("good")
    b = OpenAICompatBackend(Settings(ASSISTANT_LLM_BASE_URL=f"http://good.localhost:{fake_openai.port}/v1",
                                     llm_allow_remote=True, llm_max_retries=0))  # fmt: skip
    assert b.is_local
    monkeypatch.setitem(FAKE_DNS, "good.localhost", "10.0.0.5")
    result = draft_appeal(StubAssistant(b).deps(), denial="CO-50 N115", note=GOOD_NOTE)
    assert result.grounding.outcome == "offline_fallback"
    assert "refused" in result.grounding.attempts[0].reasons[0]
    assert network == [] and fake_openai.requests == []


def test_connection_goes_to_the_checked_address(network: list[Any], fake_openai: FakeOpenAI) -> None:
    fake_openai.script("good")
    b = OpenAICompatBackend(Settings(ASSISTANT_LLM_BASE_URL=f"http://good.localhost:{fake_openai.port}/v1",
                                     llm_allow_remote=False, llm_max_retries=0))  # fmt: skip
    result = draft_appeal(StubAssistant(b).deps(), denial="CO-50 N115", note=GOOD_NOTE)
    assert result.grounding.outcome == "grounded", result.grounding
    assert len(fake_openai.requests) == 1 and network == []


def test_search_question_to_a_remote_embedder_is_deidentified(network: list[Any], fake_openai: FakeOpenAI) -> None:
    fake_openai.script("good")
    embedder = OpenAIEmbedder(fake_openai.base_url, "k", "m", allow_remote=True, deidentify="always", max_retries=0)
    embedder.embed_query("Can Margaret O'Connell's daughter Karen be trained without her?")
    wire = str(fake_openai.requests)
    assert "Margaret" not in wire and "Karen" not in wire and "daughter" in wire
