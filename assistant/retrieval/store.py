"""The only module that touches chromadb.

Embedded `PersistentClient` by default (one folder per index version), `HttpClient` when
``settings.chroma_url`` is set. Every collection carries our registered embedding function, so
Chroma's default one (which downloads an ONNX model) is never used; vectors are computed by our
`Embedder` and passed in explicitly.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.config import Settings as ChromaSettings
from chromadb.utils.embedding_functions import register_embedding_function

from assistant.errors import IndexError_
from assistant.retrieval.embedders import Embedder

EF_NAME = "cts_assistant"


@register_embedding_function
class AssistantEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's view of our `Embedder` (offline; never Chroma's default EF)."""

    def __init__(self, embedder: Embedder | None = None, embedder_name: str = "hash") -> None:
        self._embedder = embedder
        self._name = embedder.name if embedder is not None else embedder_name

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:  # rebuilt from a stored config: default settings
            from assistant.retrieval.embedders import get_embedder
            from assistant.settings import Settings

            self._embedder = get_embedder(Settings(), self._name)
        return self._embedder

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.embed_documents(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return [self.embedder.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return EF_NAME

    def default_space(self) -> Any:
        return "cosine"

    def supported_spaces(self) -> list[Any]:
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self._name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> AssistantEmbeddingFunction:
        return AssistantEmbeddingFunction(embedder_name=str(config.get("embedder", "hash")))


def _chroma_settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


class ChromaStore:
    """One collection of passages: add vectors, query with `where` filters."""

    def __init__(self, client: Any, embedder: Embedder) -> None:
        self._client = client
        self._ef = AssistantEmbeddingFunction(embedder)
        self._collection: Any = None

    @classmethod
    def embedded(cls, path: Path, embedder: Embedder) -> ChromaStore:
        return cls(chromadb.PersistentClient(path=str(path), settings=_chroma_settings()), embedder)

    @classmethod
    def remote(cls, url: str, embedder: Embedder) -> ChromaStore:
        parsed = urlparse(url)
        if not parsed.hostname:
            raise IndexError_(f"bad Chroma URL {url!r}", hint="e.g. http://localhost:8000")
        ssl = parsed.scheme == "https"
        port = parsed.port or (443 if ssl else 8000)
        try:
            client = chromadb.HttpClient(host=parsed.hostname, port=port, ssl=ssl, settings=_chroma_settings())
        except Exception as exc:
            raise IndexError_(f"cannot reach the Chroma server at {url}: {type(exc).__name__}") from exc
        return cls(client, embedder)

    # --- build ---------------------------------------------------------------------------------
    def create(self, name: str) -> None:
        with contextlib.suppress(Exception):
            self._client.delete_collection(name)
        self._collection = self._client.create_collection(
            name=name, embedding_function=self._ef, configuration={"hnsw": {"space": "cosine"}}
        )

    def add(
        self, ids: Sequence[str], texts: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]]
    ) -> None:
        self._collection.add(ids=list(ids), documents=list(texts), embeddings=vectors, metadatas=list(metadatas))

    def rename(self, name: str) -> None:
        with contextlib.suppress(Exception):
            self._client.delete_collection(name)
        self._collection.modify(name=name)

    def prune(self, prefix: str, keep: set[str]) -> None:
        """Delete this index's old collections on a server (names starting with `prefix`)."""
        for collection in self._client.list_collections():
            name = collection if isinstance(collection, str) else collection.name
            if name.startswith(prefix) and name not in keep:
                with contextlib.suppress(Exception):
                    self._client.delete_collection(name)

    # --- read ----------------------------------------------------------------------------------
    def open(self, name: str) -> None:
        try:
            self._collection = self._client.get_collection(name=name, embedding_function=self._ef)
        except Exception as exc:
            raise IndexError_(f"index collection {name!r} cannot be opened: {type(exc).__name__}: {exc}") from exc

    def count(self) -> int:
        return int(self._collection.count())

    def ids(self) -> list[str]:
        return list(self._collection.get(include=[])["ids"])

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """The stored vector of each of `ids`, in that order (a row of zeros for an id the collection lacks)."""
        got = self._collection.get(include=["embeddings"])
        by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
        width = len(next(iter(by_id.values()))) if by_id else 0
        zero = np.zeros(width, dtype=np.float32)
        return np.array([np.asarray(by_id.get(i, zero), dtype=np.float32) for i in ids], dtype=np.float32).reshape(
            len(ids), width)

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(passage id, cosine distance) nearest first."""
        if n <= 0:
            return []
        result = self._collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=n,
            where=where or None,
            include=["distances"],
        )
        return list(zip(result["ids"][0], result["distances"][0], strict=True))


def where_clause(
    *, dos_n: int | None, authorities: Sequence[str] | None, codes: Sequence[str] | None
) -> dict[str, Any] | None:
    """A Chroma `where` for: in force on `dos_n` (yyyymmdd), any of `authorities`, any of `codes`."""
    parts: list[dict[str, Any]] = []
    if dos_n is not None:
        parts += [{"from_n": {"$lte": dos_n}}, {"to_n": {"$gte": dos_n}}]
    if authorities:
        parts.append({"authority": {"$in": list(authorities)}})
    if codes:
        flags = [{f"code_{c}": True} for c in codes]
        parts.append(flags[0] if len(flags) == 1 else {"$or": flags})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}
