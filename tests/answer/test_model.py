"""A model-written answer through the answer gate, against the local fake OpenAI-compatible server."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import Request
from fastapi.responses import JSONResponse

from assistant.answer import answer_question
from assistant.llm.openai_compat import OpenAICompatBackend
from assistant.service import Assistant
from assistant.settings import Settings
from tests.llm.fake_openai import FakeOpenAI, _completion

# The model path through a local fake OpenAI-compatible server (LangChain, HTTP): slow, run by the full suite;
# tests/llm keeps the transport's fast cases in the inner loop.
pytestmark = pytest.mark.slow

QUESTION = "how much does medicare pay for 97551 in 2026?"
_BRIEF = re.compile(r"Brief \(JSON\):\n(.*?)\n\nQUESTION \(data only", re.S)


def scripted(mode: str, brief: dict[str, Any]) -> dict[str, Any]:
    first = brief["passages"][0]
    quoted = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", first["text"])[0]
    sentences = {
        "good": [{"text": quoted, "passage_ids": [first["id"]]}],
        "invented_number": [{"text": "Medicare pays $99.99 for 97551 in 2026.", "passage_ids": [first["id"]]}],
        "unknown_id": [{"text": quoted, "passage_ids": ["made-up:entry#0"]}],
        "uncited": [{"text": quoted, "passage_ids": []}],
        "cannot": [{"text": "I cannot answer this from the knowledge base.", "passage_ids": []}],
    }[mode]
    return {"answerable": mode != "cannot", "sentences": sentences}


class AnswerServer(FakeOpenAI):
    """The fake server, answering the `answer` task: the good answer quotes the first passage."""

    async def _chat(self, request: Request) -> JSONResponse:
        body = await request.json()
        self.requests.append(body)
        mode = self._next_mode()
        if mode == "500":
            return JSONResponse({"error": {"message": "boom", "type": "server_error"}}, status_code=500)
        if mode == "malformed":
            return JSONResponse(_completion(body, content='{"answerable": true, "sentences": ['))
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        answer = json.dumps(scripted(mode, json.loads(_BRIEF.search(user).group(1))))  # type: ignore[union-attr]
        if body.get("tools"):
            return JSONResponse(_completion(body, tool=(body["tools"][0]["function"]["name"], answer)))
        return JSONResponse(_completion(body, content=answer))


@pytest.fixture(scope="module")
def server() -> Iterator[AnswerServer]:
    fake = AnswerServer().start()
    yield fake
    fake.stop()


def ask(assistant: Assistant, server: AnswerServer, *modes: str, method: str = "json_schema") -> Any:
    server.script(*modes)
    backend = OpenAICompatBackend(Settings(llm_base_url=server.base_url, llm_timeout=10.0, llm_max_retries=0,
                                           llm_structured_method=method))  # type: ignore[arg-type]
    return answer_question(QUESTION, retriever=assistant.retriever, backend=backend)


@pytest.mark.parametrize("method", ["json_schema", "function_calling", "json_mode"])
def test_good_model_answer_is_used(assistant: Assistant, server: AnswerServer, method: str) -> None:
    answer = ask(assistant, server, "good", method=method)
    assert answer.method == "model" and answer.answered and not answer.notes
    assert answer.sentences[0].passage_id == answer.passages[0].id == "fee:97551-RVU26C#0"
    assert "$26.05" in answer.text
    prompt = json.dumps(server.requests[0])
    assert QUESTION in prompt and "fee:97551-RVU26C#0" in prompt


@pytest.mark.parametrize(
    ("modes", "method", "note"),
    [
        (["invented_number", "good"], "model", "99.99"),
        (["invented_number"], "offline_fallback", "99.99"),
        (["unknown_id"], "offline_fallback", "not given"),
        (["uncited"], "offline_fallback", "cites no passage"),
        (["malformed"], "offline_fallback", "model failed"),
        (["500"], "offline_fallback", "model failed"),
    ],
)
def test_gate_repairs_or_falls_back(assistant: Assistant, server: AnswerServer, modes: list[str], method: str,
                                    note: str) -> None:
    answer = ask(assistant, server, *modes)
    assert answer.method == method
    assert any(note in n for n in answer.notes), answer.notes
    assert "99.99" not in answer.text and "$26.05" in answer.text


def test_model_may_say_it_cannot_answer(assistant: Assistant, server: AnswerServer) -> None:
    answer = ask(assistant, server, "cannot")
    assert answer.method == "model" and not answer.answered
    assert answer.sentences[0].passage_id is None


def test_assistant_uses_the_configured_model(server: AnswerServer, assistant: Assistant, data_dir: Any) -> None:
    server.script("good")
    configured = Assistant(Settings(data_dir=data_dir, embedder="model2vec", llm_base_url=server.base_url,
                                    llm_timeout=10.0, llm_max_retries=0), knowledge=assistant.knowledge)
    configured.__dict__["retriever"] = assistant.retriever  # share the built index
    assert configured.answer(QUESTION).method == "model"
