"""The appeals scorer against a configured endpoint (the local fake): same bar, every fault grounded."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.service import Assistant
from assistant.settings import Settings
from evals.suites import appeals
from tests.llm.fake_openai import FakeOpenAI


def endpoint_assistant(server: FakeOpenAI) -> Assistant:
    a = Assistant(Settings(ASSISTANT_LLM_BASE_URL=server.base_url, llm_timeout=10.0, llm_max_retries=0))
    a.search = lambda *args, **kw: []  # type: ignore[method-assign]  # retrieval index not needed here
    return a


@pytest.mark.parametrize(("mode", "outcome"), [("good", "grounded"), ("obey_injection", "offline_fallback")])
def test_scorer_runs_against_an_endpoint(fake_openai: FakeOpenAI, mode: str, outcome: str) -> None:
    fake_openai.script(mode)
    a = endpoint_assistant(fake_openai)
    result: dict[str, Any] = appeals.run(a)
    assert result["recommendation_accuracy"] >= 0.9
    assert result["citation_validity"] == 1.0 and result["quote_validity"] == 1.0
    assert result["forbidden_content"] == 0, result["details"]
    assert result["letters_grounded"] == 1.0
    items = appeals.load_scenarios()
    item = next(i for i in items if i["expected"]["recommendation"] == "appeal")
    res = a.draft_appeal(item["denial"], item["note"], claim=item["claim"])
    assert res.grounding.outcome == outcome
