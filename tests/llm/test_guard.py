"""Model calls under one deadline, a byte budget and a bound on calls in flight (local fake server)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from assistant.drafting.appeal import draft_appeal
from assistant.drafting.models import LetterDraft
from assistant.errors import BackendBusyError, BackendError
from assistant.llm.guard import deadline, remaining
from assistant.llm.openai_compat import OpenAICompatBackend
from assistant.settings import Settings
from tests.drafting.stubs import GOOD_NOTE, StubAssistant
from tests.llm.fake_openai import FakeOpenAI

# Seconds allowed past the deadline (thread wake-up, the offline drafter, the gate), generous for a loaded
# 2-core CI machine: without the deadline a hung model holds the call for retries x timeout (over 60 s).
MARGIN = 8.0


def backend(server: FakeOpenAI, **extra: Any) -> OpenAICompatBackend:
    env = {"ASSISTANT_LLM_BASE_URL": server.base_url, "llm_timeout": 10.0, "llm_max_retries": 3, **extra}
    return OpenAICompatBackend(Settings(**env))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("modes", "settings", "reason"),
    [
        (["hang"], {"llm_deadline": 2.0}, "deadline"),
        (["trickle"], {"llm_deadline": 2.0, "llm_timeout": 1.0}, "deadline"),
        (["500"], {"llm_deadline": 1.5, "llm_max_retries": 10}, "HTTP 500"),
        (["429"], {"llm_deadline": 1.5, "llm_max_retries": 10}, "HTTP 429"),
        (["huge"], {"llm_max_response_bytes": 100_000, "llm_max_retries": 0}, "cut off"),
        (["malformed"], {}, "not valid"),
        (["ignore_schema"], {"llm_structured_method": "function_calling"}, "backend error"),
    ],
)
def test_appeal_falls_back_within_the_deadline_and_says_why(
    fake_openai: FakeOpenAI, modes: list[str], settings: dict[str, Any], reason: str
) -> None:
    fake_openai.script(*modes)
    b = backend(fake_openai, **settings)
    started = time.monotonic()
    result = draft_appeal(StubAssistant(b).deps(), denial="CO-50 N115", note=GOOD_NOTE)
    elapsed = time.monotonic() - started
    assert elapsed < b._settings.llm_deadline + MARGIN
    assert result.grounding.outcome == "offline_fallback", result.grounding
    assert result.grounding.backend == "offline" and result.letter is not None
    assert reason in " ".join(result.grounding.attempts[0].reasons)


@pytest.mark.slow
def test_hung_model_holds_a_call_for_the_deadline_only(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("hang")
    b = backend(fake_openai, llm_deadline=1.0, llm_timeout=30.0)
    started = time.monotonic()
    with pytest.raises(BackendError, match="deadline"):
        b.generate("appeal", {"brief": "{}", "note": "x", "repair": ""}, LetterDraft)
    assert time.monotonic() - started < 1.0 + MARGIN


@pytest.mark.slow
def test_excess_calls_fail_fast_while_others_hang(fake_openai: FakeOpenAI) -> None:
    fake_openai.script("hang")
    b = backend(fake_openai, llm_deadline=3.0, llm_max_concurrent=1)
    errors: list[Exception] = []

    def first_call() -> None:
        try:
            b.generate("appeal", {"brief": "{}", "note": "x", "repair": ""}, LetterDraft)
        except BackendError as exc:
            errors.append(exc)

    hung = threading.Thread(target=first_call)
    hung.start()
    time.sleep(0.5)  # the first call is now in flight
    started = time.monotonic()
    result = draft_appeal(StubAssistant(b).deps(), denial="CO-50 N115", note=GOOD_NOTE)
    assert time.monotonic() - started < 2.5  # well before the hung call's 3 s deadline: it did not wait
    assert result.grounding.outcome == "offline_fallback"
    assert "in flight" in result.grounding.attempts[0].reasons[0]
    hung.join()
    assert errors and "deadline" in str(errors[0])


def test_busy_error_is_a_backend_error() -> None:
    assert issubclass(BackendBusyError, BackendError)


@pytest.mark.parametrize(("outer", "inner", "expected"), [(5.0, 1.0, 1.0), (1.0, 5.0, 1.0), (None, 2.0, 2.0)])
def test_nested_deadlines_keep_the_earlier_end(outer: float | None, inner: float, expected: float) -> None:
    assert remaining() is None
    if outer is None:
        with deadline(inner):
            left = remaining()
    else:
        with deadline(outer), deadline(inner):
            left = remaining()
    assert left is not None and expected - 0.2 < left <= expected
    assert remaining() is None


def test_service_draft_returns_within_the_deadline(fake_openai: FakeOpenAI, tmp_path: Any) -> None:
    from assistant.service import Assistant

    fake_openai.script("hang")
    settings = Settings(ASSISTANT_LLM_BASE_URL=fake_openai.base_url, llm_deadline=2.0, llm_max_retries=3,
                        data_dir=tmp_path, embedder="hash")  # fmt: skip
    started = time.monotonic()
    result = Assistant(settings).draft_appeal("CO-50 N115", GOOD_NOTE)
    assert time.monotonic() - started < 2.0 + MARGIN + 2.0  # the note check and retrieval run too
    assert result.grounding is None or result.grounding.outcome in ("offline_fallback", "withheld")
