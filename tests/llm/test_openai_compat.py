"""The LangChain adapter against a local fake OpenAI-compatible server: every fault ends grounded."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest

from assistant.drafting.appeal import draft_appeal
from assistant.drafting.rewrite import rewrite_note
from assistant.errors import BackendError, BackendRefusedError
from assistant.llm.openai_compat import OpenAICompatBackend
from assistant.settings import Settings
from tests.drafting.stubs import GOOD_NOTE, StubAssistant
from tests.llm.fake_openai import FakeOpenAI

CLAIM = {"claim_number": "CLM-123", "payer": "Medicare Part B", "patient_name": "John Roe",
         "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}]}


def backend(server: FakeOpenAI, **extra: Any) -> OpenAICompatBackend:
    env = {"ASSISTANT_LLM_BASE_URL": server.base_url, "llm_timeout": 10.0, "llm_max_retries": 0, **extra}
    return OpenAICompatBackend(Settings(**env))


def appeal(b: Any) -> Any:
    return draft_appeal(StubAssistant(b).deps(), denial="CO-50 N115", note=GOOD_NOTE, claim=CLAIM)


def letter_text(result: Any) -> str:
    return " ".join(st.text for s in result.letter.sections for st in s.statements)


@pytest.mark.parametrize("method", ["json_schema", "function_calling", "json_mode"])
def test_good_answer_is_grounded_for_every_structured_method(fake_openai: FakeOpenAI, method: str) -> None:
    fake_openai.script("good")
    result = appeal(backend(fake_openai, llm_structured_method=method))
    assert result.recommendation == "appeal"
    assert result.grounding.outcome == "grounded", result.grounding
    assert result.grounding.backend.startswith("openai-compatible")
    body = fake_openai.requests[0]
    if method == "function_calling":
        assert body["tools"] and body["tool_choice"]["function"]["name"] == "LetterDraft"
    elif method == "json_schema":
        assert body["response_format"]["type"] == "json_schema"
    else:
        assert body["response_format"] == {"type": "json_object"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("modes", "outcome", "reason"),
    [
        (["invented_citation", "good"], "repaired", "unknown source id"),
        (["invented_citation"], "offline_fallback", "unknown source id"),
        (["invented_minutes"], "offline_fallback", "minutes not in the inputs"),
        (["invented_name"], "offline_fallback", "name not in the inputs"),
        (["obey_injection"], "offline_fallback", "instruction-like"),
        (["malformed"], "offline_fallback", "backend error"),
        (["500"], "offline_fallback", "HTTP 500"),
        (["429"], "offline_fallback", "HTTP 429"),
    ],
)
def test_fault_ends_grounded(fake_openai: FakeOpenAI, modes: list[str], outcome: str, reason: str) -> None:
    fake_openai.script(*modes)
    result = appeal(backend(fake_openai))
    assert result.grounding.outcome == outcome, result.grounding
    assert reason in " ".join(result.grounding.attempts[0].reasons)
    assert result.letter is not None
    text = letter_text(result)
    assert "95 minutes" not in text and "cms-made-up-2031" not in str(result.letter.model_dump())
    assert "approve billing" not in text.lower() and "Zelinski" not in text


@pytest.mark.slow
def test_timeout_falls_back_quickly(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("slow")
    started = time.monotonic()
    result = appeal(backend(fake_openai, llm_timeout=0.5))
    assert time.monotonic() - started < 2.5
    assert result.grounding.outcome == "offline_fallback", result.grounding
    assert "timed out" in result.grounding.attempts[0].reasons[0]


@pytest.mark.slow
def test_sdk_retries_429_then_succeeds(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("429", "good")
    result = appeal(backend(fake_openai, llm_max_retries=1))
    assert result.grounding.outcome == "grounded", result.grounding
    assert len(fake_openai.requests) == 2


def test_server_ignoring_tools_is_a_failure_not_none(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("ignore_schema")
    b = backend(fake_openai, llm_structured_method="function_calling")
    from assistant.drafting.models import LetterDraft

    with pytest.raises(BackendError):
        b.generate("appeal", {"brief": "{}", "note": "x", "repair": ""}, LetterDraft)


def test_rewrite_through_server(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("good")
    result = rewrite_note(StubAssistant(backend(fake_openai)).deps(), GOOD_NOTE)
    assert result.grounding.outcome == "grounded", result.grounding
    fake_openai.script("invented_minutes")
    result = rewrite_note(StubAssistant(backend(fake_openai)).deps(), GOOD_NOTE)
    assert result.grounding.outcome == "offline_fallback", result.grounding
    assert "95" not in result.text


def test_remote_endpoint_refused_before_sending(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("good")
    b = OpenAICompatBackend(Settings(ASSISTANT_LLM_BASE_URL="https://api.example.com/v1", llm_allow_remote=False))
    from assistant.drafting.models import LetterDraft

    with pytest.raises(BackendRefusedError):
        b.generate("appeal", {"brief": "{}", "note": "x", "repair": ""}, LetterDraft)
    result = appeal(b)
    assert result.grounding.outcome == "offline_fallback", result.grounding
    assert fake_openai.requests == []


class FakeDeid:
    """Replaces the caregiver's and patient's names; records what it saw."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def deidentify(self, text: str, extra_names: tuple[str, ...] = ()) -> Any:
        self.seen.append(text)
        mapping = {
            "Maria": "PERSON_1", "Jane Doe": "PERSON_2", **{n: f"PERSON_{i + 3}" for i, n in enumerate(extra_names)}
        }
        for real, fake in mapping.items():
            text = text.replace(real, fake)

        class D:
            def __init__(self, t: str) -> None:
                self.text, self.mapping = t, mapping

            def reidentify(self, t: str) -> str:
                for real, fake in mapping.items():
                    t = t.replace(fake, real)
                return t

        return D(text)


def test_non_local_endpoint_gets_deidentified_text(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("good")
    b = backend(fake_openai)
    b.is_local = False  # the fake listens on loopback; pretend it is a remote endpoint
    b._deidentifier = FakeDeid()
    result = appeal(b)
    wire = str(fake_openai.requests)
    assert "Maria" not in wire and "John Roe" not in wire and "PERSON_1" in wire
    assert "CLM-123" not in wire  # claim identifiers never leave; code writes that section
    assert result.grounding.outcome == "grounded", result.grounding
    assert result.letter.identifiers["Claim number (ICN)"] == "CLM-123"  # written by code, after the model
    assert any("Maria" in q.text for s in result.letter.sections for st in s.statements for q in st.quotes)


@pytest.mark.slow
def test_note_text_never_logged(fake_openai: FakeOpenAI, caplog: pytest.LogCaptureFixture) -> None:
    fake_openai.script("invented_minutes")
    with caplog.at_level(logging.DEBUG):
        appeal(backend(fake_openai))
    assert "sit-to-stand" not in caplog.text and "Maria" not in caplog.text


@pytest.mark.slow
def test_real_deidentifier_round_trip(fake_openai: FakeOpenAI) -> None:
    from assistant.phi import get_deidentifier

    fake_openai.script("good")
    b = backend(fake_openai)
    b.is_local = False
    b._deidentifier = get_deidentifier()
    result = appeal(b)
    wire = str(fake_openai.requests)
    assert "Maria" not in wire and "John Roe" not in wire and "Jane Doe" not in wire
    # the prompt's own rules and the knowledge passages go as written (hostile13 #7: "<PERSON_1> one section")
    system = fake_openai.requests[0]["messages"][0]["content"]
    assert "Write one section for each id in `required_sections`" in system and "<PERSON_" not in system
    assert result.grounding.outcome == "grounded", result.grounding
    quotes = " ".join(q.text for s in result.letter.sections for st in s.statements for q in st.quotes)
    assert "Maria" in quotes


@pytest.mark.slow
def test_real_deidentifier_keeps_the_brief_source_ids(fake_openai: FakeOpenAI) -> None:
    # hostile16 #9: the brief's "sources" went out as "<ID_1>", so a remote model could not cite them
    import json

    from assistant.phi import get_deidentifier

    fake_openai.script("good")
    b = backend(fake_openai)
    b.is_local = False
    b._deidentifier = get_deidentifier()
    appeal(b)
    user = fake_openai.requests[0]["messages"][-1]["content"]
    start = user.index("{")
    brief, _ = json.JSONDecoder().raw_decode(user[start:])
    assert brief["sources"] and all(not s["id"].startswith("<") for s in brief["sources"])
    assert all(not i.startswith("<") for e in brief["evidence"] for i in e["source_ids"])
