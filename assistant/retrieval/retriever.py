"""`Retriever`: hybrid search (Chroma dense + BM25) over the knowledge, with filters.

    retriever = Retriever(settings, knowledge)
    retriever.search("can I bill 97550 if the patient sat in?", k=5, dos="2025-03-04")

The index is opened (or built, or rebuilt when the knowledge changed) on first use and kept
in memory; later calls only embed the query and rank.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import IndexError_, InputError
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import AUTHORITY_RANK
from assistant.models import Passage, SourceRef
from assistant.parsing import MAX_QUESTION_CHARS, MIN_QUESTION_CHARS, parse_date
from assistant.retrieval import index as index_mod
from assistant.retrieval.ask import asked
from assistant.retrieval.embedders import Embedder, get_embedder
from assistant.retrieval.fusion import DEFAULT_WEIGHTS, FusionWeights, fuse, normalise_code
from assistant.retrieval.pin import Pin
from assistant.retrieval.query import expand
from assistant.retrieval.routing import Topics, leading, phrase_bonus, phrases, pins, plain, priors
from assistant.retrieval.understand import Intent, understand
from assistant.retrieval.vectors import normalise

MAX_QUERY_CHARS = MAX_QUESTION_CHARS  # one limit for every edge (assistant.parsing)
MAX_K = 50


def parse_dos(dos: str | date | None) -> date | None:
    return parse_date(dos)


class _Loaded:
    """An opened index version: passages, filter arrays, the BM25 model, the Chroma store."""

    def __init__(self, folder: Path, settings: Any, embedder: Embedder) -> None:
        from assistant.retrieval.bm25 import LexicalIndex
        from assistant.retrieval.store import ChromaStore

        self.folder = folder
        manifest = index_mod.read_manifest(folder)
        if manifest is None:
            raise IndexError_(f"index at {folder} has no manifest", hint="run `assistant index`")
        self.manifest = manifest
        try:
            self.records: list[dict[str, Any]] = json.loads((folder / "passages.json").read_text(encoding="utf-8"))
            self.lexical = LexicalIndex.load(folder / "bm25")
        except (OSError, ValueError, KeyError) as exc:
            raise IndexError_(f"index at {folder} is broken: {exc}", hint="run `assistant index`") from exc
        if manifest.get("chroma_url"):
            self.store = ChromaStore.remote(manifest["chroma_url"], embedder)
        else:
            self.store = ChromaStore.embedded(folder / "chroma", embedder)
        self.store.open(manifest["collection"])
        self._matrix: np.ndarray | None = None  # the stored vectors, read on the first search
        self.position = {r["id"]: i for i, r in enumerate(self.records)}
        self.from_n = np.array([index_mod.date_n(_d(r["effective_from"])) or 0 for r in self.records])
        self.to_n = np.array([index_mod.date_n(_d(r["effective_to"])) or index_mod.FAR_FUTURE for r in self.records])
        self.authority = np.array([r["source"]["authority"] for r in self.records])
        self.codes = [frozenset(r["codes"]) for r in self.records]
        self.all_codes: frozenset[str] = frozenset().union(*self.codes)
        self.topics = Topics([frozenset(r["topics"]) for r in self.records])
        self.plain = [plain(r["text"]) for r in self.records]
        self.kinds = np.array([r["kind"] for r in self.records])
        self.entries = np.array([r["entry"] for r in self.records])
        self.is_source = self.kinds == "source"
        self.sources = [SourceRef.model_validate(r["source"]) for r in self.records]

    def nearest(self, vector: np.ndarray, depth: int, allowed: np.ndarray) -> list[int]:
        """The `depth` allowed passages nearest to `vector` by cosine, nearest first: exact over the stored vectors
        (a few hundred rows), so the dense channel is the same from run to run, unlike the approximate HNSW graph,
        which now and then left a near passage out of its top 40."""
        if self._matrix is None:
            self._matrix = normalise(self.store.vectors([r["id"] for r in self.records]))
        scores = self._matrix @ np.asarray(vector, dtype=np.float32).ravel()
        scores = np.where(allowed, scores, -np.inf)
        order = np.argsort(-scores, kind="stable")[:depth]
        return [int(i) for i in order if allowed[i]]

    def passage(self, idx: int, score: float) -> Passage:
        record = self.records[idx]
        return Passage(
            id=record["id"],
            text=record["text"],
            score=round(float(score), 6),
            source=self.sources[idx],
            kind=record["kind"],
            codes=record["codes"],
            topics=record["topics"],
            effective_from=_d(record["effective_from"]),
            effective_to=_d(record["effective_to"]),
        )


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Retrieval:
    """One search: what the question asks, the entries that hold the answer, the passages found."""

    intent: Intent
    pins: list[Pin]
    passages: list[Passage]


class Retriever:
    """Hybrid retrieval over the knowledge base; cheap to call once loaded."""

    def __init__(
        self,
        settings: Any,
        knowledge: Knowledge,
        *,
        embedder: Embedder | None = None,
        weights: FusionWeights = DEFAULT_WEIGHTS,
        max_per_entry: int = 1,
        clock: Callable[[], date] = date.today,
    ) -> None:
        self.settings = settings
        self.knowledge = knowledge
        self.clock = clock  # dates "last March" or "this year" in a question; passed in so tests fix today
        self._embedder = embedder
        self.weights = weights
        self.max_per_entry = max_per_entry
        self._loaded: _Loaded | None = None
        self._lock = threading.Lock()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.settings)
        return self._embedder

    # --- lifecycle ----------------------------------------------------------------------------
    def build(self, force: bool = False, progress: index_mod.Progress | None = None) -> dict[str, Any]:
        """Build (or reuse) the index; `force` rebuilds even when it is up to date."""
        with self._lock:
            located = index_mod.ensure(self.settings, self.knowledge, self.embedder, force=force, progress=progress)
            self._loaded = _Loaded(located.folder, self.settings, self.embedder)
            return {**self._loaded.manifest, "built": located.built}

    def _ready(self) -> _Loaded:
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:
            if self._loaded is None:
                located = index_mod.ensure(self.settings, self.knowledge, self.embedder)
                self._loaded = _Loaded(located.folder, self.settings, self.embedder)
            return self._loaded

    def status(self) -> dict[str, Any]:
        root = index_mod.index_root(self.settings, self.embedder)
        key = index_mod.index_key(self.knowledge, self.embedder, self.settings.chroma_url)
        pointer = index_mod.read_pointer(root)
        manifest = index_mod.read_manifest(root / pointer["version"]) if pointer else None
        return {
            "root": str(root),
            "embedder": self.embedder.name,
            "expected_key": key,
            "current": pointer,
            "up_to_date": bool(pointer and pointer["key"] == key and manifest),
            "manifest": manifest,
        }

    # --- search -------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        k: int = 5,
        dos: str | date | None = None,
        codes: Sequence[str] | None = None,
        authority: Sequence[str] | None = None,
    ) -> list[Passage]:
        """The `k` passages that best answer `query`; `dos` keeps only passages in force that day
        (a code's own validity passage stays, so a question about a code not yet in effect is answered)."""
        return self.retrieve(query, k=k, dos=dos, codes=codes, authority=authority).passages

    def retrieve(
        self,
        query: str,
        *,
        k: int = 5,
        dos: str | date | None = None,
        codes: Sequence[str] | None = None,
        authority: Sequence[str] | None = None,
    ) -> Retrieval:
        """`search`, plus the question's intent and the entries pinned for it."""
        query = _check_query(query)
        if not 1 <= int(k) <= MAX_K:
            raise InputError(f"k must be between 1 and {MAX_K}", hint=f"got {k}")
        on = parse_dos(dos)
        authorities = _check_authority(authority)
        wanted_codes = [normalise_code(c) for c in codes] if codes else None
        intent = understand(query, on, self.clock())
        pinned = pins(intent, self.knowledge)
        loaded = self._ready()
        allowed = self._mask(loaded, on, authorities, wanted_codes, pinned)
        if not allowed.any():
            return Retrieval(intent, pinned, [])
        ranked = self._rank(loaded, intent.query, intent, pinned, allowed, on, authorities, wanted_codes)
        return Retrieval(intent, pinned, self._passages(loaded, ranked, k))

    def _rank(
        self, loaded: _Loaded, query: str, intent: Intent, pinned: list[Pin], allowed: np.ndarray,
        on: date | None, authorities: list[str] | None, codes: list[str] | None,
    ) -> list[tuple[int, float]]:
        depth = min(self.weights.depth, int(allowed.sum()))
        expanded = expand(query)
        dense = loaded.nearest(self.embedder.embed_query(expanded), depth, allowed)
        fused = dict(fuse(
            dense, loaded.lexical.scores(expanded), allowed, loaded.codes, query, loaded.is_source, self.weights
        ))
        question = asked(query)
        if question is not None:  # the sentences that ask, searched on their own, so a long question's rest does not
            # outweigh them (`ask.py`)
            short = expand(question)
            alone = fuse(loaded.nearest(self.embedder.embed_query(short), depth, allowed), loaded.lexical.scores(short),
                         allowed, loaded.codes, question, loaded.is_source, self.weights)
            for idx, score in alone:
                fused[idx] = fused.get(idx, 0.0) + self.weights.asked * score
        mult, bonus = priors(intent, loaded.kinds, loaded.entries, loaded.from_n, loaded.to_n, pinned, loaded.topics,
                             loaded.codes)
        # Strong pins state the fact asked for: they lead, in their own order, even when no channel found them.
        lead = set(np.flatnonzero(
            leading(intent, loaded.entries, loaded.from_n, loaded.to_n, pinned, loaded.topics) & allowed).tolist())
        for idx in lead:
            fused.setdefault(idx, 0.0)
        wording = phrases(query)
        scored = [(idx, score * mult[idx] + bonus[idx] + phrase_bonus(wording, loaded.plain[idx]))
                  for idx, score in fused.items()]
        lift = max((s for i, s in scored if i not in lead), default=0.0)
        scored = [(i, s + lift if i in lead else s) for i, s in scored]
        return sorted(scored, key=lambda item: (-item[1], item[0]))

    def _mask(
        self, loaded: _Loaded, on: date | None, authorities: list[str] | None, codes: list[str] | None,
        pinned: Sequence[Pin] = (),
    ) -> np.ndarray:
        mask = np.ones(len(loaded.records), dtype=bool)
        if on is not None:
            n = index_mod.date_n(on)
            in_force = (loaded.from_n <= n) & (loaded.to_n >= n)
            # (a code's validity, and a dated figure pinned for a period the question names: "the KX thresholds for
            # 2024, 2025 and 2026" asked on a 2026 date of service)
            validity = np.isin(loaded.entries, [p.entry for p in pinned if p.what in ("code", "dx")
                                                or (p.strong and p.what in ("kx", "fee", "cf"))])
            mask &= in_force | validity
        if authorities:
            mask &= np.isin(loaded.authority, authorities)
        if codes:
            wanted = set(codes)
            mask &= np.array([bool(wanted & c) for c in loaded.codes])
        return mask

    def _passages(self, loaded: _Loaded, ranked: list[tuple[int, float]], k: int) -> list[Passage]:
        out: list[Passage] = []
        per_entry: dict[str, int] = {}
        for idx, score in ranked:
            record = loaded.records[idx]
            if per_entry.get(record["entry"], 0) >= self.max_per_entry:
                continue
            per_entry[record["entry"]] = per_entry.get(record["entry"], 0) + 1
            out.append(loaded.passage(idx, score))
            if len(out) == k:
                break
        return out

    def passages(self, entries: Sequence[str]) -> dict[str, list[Passage]]:
        """Every passage of each entry ("fee:97551-RVU26C"), in passage order; unknown entries are left out."""
        loaded = self._ready()
        out: dict[str, list[Passage]] = {}
        for entry in entries:
            found = [loaded.passage(int(i), 0.0) for i in np.flatnonzero(loaded.entries == entry)]
            if found:
                out[entry] = found
        return out

    def unknown_codes(self, codes: Sequence[str]) -> list[str]:
        """The codes no passage is about (a code filter naming one can only come back empty)."""
        known = self._ready().all_codes
        return [c for c in codes if normalise_code(c) not in known]

    def warm(self) -> float:
        """Open the index and load the model now; returns the seconds it took."""
        started = time.perf_counter()
        loaded = self._ready()
        loaded.nearest(self.embedder.embed_query("warm up"), 1, np.ones(len(loaded.records), dtype=bool))
        return time.perf_counter() - started


def _check_query(query: Any) -> str:
    if not isinstance(query, str) or not query.strip():
        raise InputError("the question is empty", hint="ask a billing question, e.g. 'can the patient be present?'")
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"the question is too long ({len(query)} characters)", hint=f"at most {MAX_QUERY_CHARS}")
    if len(query.strip()) < MIN_QUESTION_CHARS:
        raise InputError("the question is too short", hint=f"at least {MIN_QUESTION_CHARS} characters")
    return query.strip()


def _check_authority(authority: Sequence[str] | None) -> list[str] | None:
    if not authority:
        return None
    values = [a.strip().lower() for a in authority]
    unknown = [a for a in values if a not in AUTHORITY_RANK]
    if unknown:
        raise InputError(f"unknown authority {unknown}", hint=f"choose from {sorted(AUTHORITY_RANK)}")
    return values
