"""The ``openai`` embedder: an OpenAI-compatible ``/v1/embeddings`` endpoint under the egress policy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.errors import IndexError_
from assistant.retrieval.vectors import normalise as _normalise


class OpenAIEmbedder:
    """An OpenAI-compatible embeddings endpoint (OpenAI, Azure, vLLM, Ollama, llama.cpp).

    Under the one egress policy (`assistant.phi.egress`): with ``allow_remote=False`` an endpoint
    that is not loopback is refused before anything is sent; a search question for an endpoint
    beyond loopback is de-identified first (knowledge-base passages carry no PHI).
    """

    name = "openai"
    MAX_ANSWER_BYTES = 64_000_000  # 64 vectors of a few thousand floats, as JSON

    def __init__(
        self,
        base_url: str,
        api_key: str,
        model: str,
        timeout: float = 30.0,
        max_retries: int = 2,
        *,
        allow_remote: bool = True,
        deidentify: str = "remote",
    ) -> None:
        self.base_url, self.api_key, self.model = base_url, api_key, model
        self.timeout, self.max_retries = timeout, max_retries
        self.allow_remote, self.deidentify = allow_remote, deidentify
        self.dim = 0  # known after the first call
        self._client: Any = None
        self._local: bool | None = None

    def fingerprint(self) -> str:
        return f"openai-{self.model}@{self.base_url}"

    def _policy(self) -> Any:
        from assistant.phi.egress import EgressPolicy

        if self._local is None:
            self._local = EgressPolicy(allow_remote=self.allow_remote).is_local(self.base_url)
        if not self._local and not self.allow_remote:
            raise IndexError_(
                "the embeddings endpoint is not on this machine and ASSISTANT_LLM_ALLOW_REMOTE=false",
                hint="use a loopback endpoint or a local embedder (model2vec, minilm)",
            )
        return EgressPolicy(allow_remote=self.allow_remote, local_only=self._local)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        policy = self._policy()
        if self._client is None:
            from openai import OpenAI

            from assistant.llm.guard import guarded_client

            client = guarded_client(policy, timeout=self.timeout, max_bytes=self.MAX_ANSWER_BYTES)
            self._client = OpenAI(
                base_url=self.base_url, api_key=self.api_key, timeout=self.timeout, max_retries=self.max_retries,
                http_client=client,
            )  # fmt: skip
        try:
            response = self._client.embeddings.create(model=self.model, input=list(texts))
        except Exception as exc:  # the SDK's error tree; surface as ours
            raise IndexError_(f"embeddings endpoint failed: {type(exc).__name__}") from exc
        vectors = _normalise(np.array([d.embedding for d in response.data], dtype=np.float32))
        self.dim = vectors.shape[1]
        return vectors

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        out = [self._embed(texts[i : i + 64]) for i in range(0, len(texts), 64)]
        return np.concatenate(out) if out else np.zeros((0, self.dim), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        self._policy()
        if not self._local or self.deidentify == "always":
            from assistant.phi import get_deidentifier

            text = get_deidentifier().deidentify(text).text  # a question can name the patient
        vector: np.ndarray = self._embed([text])[0]
        return vector
