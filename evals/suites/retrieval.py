"""Retrieval suite: recall@1, recall@3, recall@5 and MRR on the development query set.

A query is a hit at k when one of its top-k passages belongs to an expected knowledge entry
(``faq:patient_in_room``, ``rule:patient_absent``...), so scores do not depend on chunking.
Uses the configured settings (``ASSISTANT_EMBEDDER``, ``ASSISTANT_DATA_DIR``); the index is
built on first use and reused.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from assistant.yamlio import load_yaml

NAME = "retrieval"
DATASET = Path(__file__).resolve().parents[1] / "datasets" / "retrieval_dev.yaml"
HOLDOUT = DATASET.with_name("retrieval_holdout.yaml")
DEPTH = 10


def load_queries(path: Path = DATASET) -> list[dict[str, Any]]:
    data = load_yaml(path.read_text(encoding="utf-8"))
    queries = data["queries"]
    ids = [q["id"] for q in queries]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate query ids")
    return queries


def evaluate(retriever: Any, queries: list[dict[str, Any]]) -> dict[str, Any]:
    """Score `retriever` (anything with `.search(query, k=, dos=)`) on `queries`."""
    details: list[dict[str, Any]] = []
    ranks: list[int | None] = []
    latencies: list[float] = []
    for q in queries:
        started = time.perf_counter()
        passages = retriever.search(q["query"], k=DEPTH, dos=q.get("dos"))
        latencies.append(time.perf_counter() - started)
        entries = [p.id.split("#", 1)[0] for p in passages]
        expected = set(q["expected"])
        rank = next((i + 1 for i, e in enumerate(entries) if e in expected), None)
        ranks.append(rank)
        details.append({"id": q["id"], "rank": rank, "top3": entries[:3], "expected": sorted(expected)})

    def recall(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)

    latencies.sort()
    return {
        "recall@1": round(recall(1), 4),
        "recall@3": round(recall(3), 4),
        "recall@5": round(recall(5), 4),
        "mrr": round(sum(1 / r for r in ranks if r) / len(ranks), 4),
        "query_p50_ms": round(1000 * latencies[len(latencies) // 2], 2),
        "queries": len(queries),
        "details": details,
    }


def run() -> dict[str, Any]:
    from assistant.knowledge.loader import cached_knowledge
    from assistant.retrieval.retriever import Retriever
    from assistant.settings import Settings

    settings = Settings()
    retriever = Retriever(settings, cached_knowledge())
    retriever.warm()
    result = evaluate(retriever, load_queries())
    result.pop("query_p50_ms")  # timing is for benchmarks, not for the baseline diff
    held = evaluate(retriever, load_queries(HOLDOUT))  # never used for tuning: the honest figure
    result.update({f"holdout_{m}": held[m] for m in ("recall@1", "recall@3", "mrr")})
    result["details"] = [*result["details"], *({**d, "set": "holdout"} for d in held["details"])]
    result["embedder"] = settings.embedder  # not a float: shown in details only
    return result
