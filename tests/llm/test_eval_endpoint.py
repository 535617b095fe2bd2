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


@pytest.mark.slow
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


@pytest.mark.slow
def test_faithful_paraphrase_passes_the_gate_on_every_dev_scenario(fake_openai: FakeOpenAI) -> None:
    """A gate that rejects faithful prose is a defect too: reworded, reordered, summarised letters pass first time."""
    fake_openai.script("paraphrase")
    a = endpoint_assistant(fake_openai)
    result: dict[str, Any] = appeals.run(a)
    for prefix in ("", "rw."):
        assert result[f"{prefix}model_grounded_rate"] == 1.0, result["details"]
        assert result[f"{prefix}forbidden_content"] == 0, result["details"]
        assert result[f"{prefix}recommendation_accuracy"] == 1.0
    assert fake_openai.requests, "the letters went through the endpoint"


@pytest.mark.slow
def test_faithful_paraphrase_of_rewrites_passes(fake_openai: FakeOpenAI) -> None:
    from evals.suites import rewrite

    fake_openai.script("paraphrase")
    result = rewrite.run(endpoint_assistant(fake_openai))
    assert result["errors"] == 0 and result["model_grounded_rate"] == 1.0, result["details"]
    assert result["sentences_kept"] == 1.0


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["invented_minutes", "invented_citation", "invented_name", "obey_injection"])
def test_every_fault_falls_back_in_the_rates(fake_openai: FakeOpenAI, mode: str) -> None:
    fake_openai.script(mode)
    path = appeals.RW_DATASET
    result = appeals.run(endpoint_assistant(fake_openai), path=path)
    assert result["model_grounded_rate"] == 0.0 and result["model_fallback_rate"] == 1.0, result["details"]
    assert result["forbidden_content"] == 0
