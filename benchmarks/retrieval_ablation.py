"""What each ranking signal contributes, and whether a MiniLM reranker would pay for itself.

    python benchmarks/retrieval_ablation.py [--embedder model2vec] [--rerank]

Each row switches one signal of `assistant.retrieval.routing` off (pins, kind priors, the period
fit, topic field boost, phrase bonus) and scores search on the development set, the held-out set
and the answers development set (a passage is relevant when it holds the item's
`passage_must_contain`). `--rerank` adds rows that re-order the top ten passages by a blend of the
fused score and the MiniLM cosine (weights 0.5 and 1.0), with the warm per-query cost of embedding
the question with MiniLM (needs the `embed` extra: sentence-transformers and CPU torch).
Offline; builds its index in a temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.retrieval import routing  # noqa: E402

Ranks = list[int | None]


@contextlib.contextmanager
def switched(**values: Any) -> Iterator[None]:
    """Temporarily set module constants of `routing` (a signal off)."""
    saved = {k: getattr(routing, k) for k in values}
    for key, value in values.items():
        setattr(routing, key, value)
    try:
        yield
    finally:
        for key, value in saved.items():
            setattr(routing, key, value)


def figures(ranks: Ranks) -> str:
    n = len(ranks)
    r1 = sum(1 for r in ranks if r == 1) / n
    r3 = sum(1 for r in ranks if r is not None and r <= 3) / n
    mrr = sum(1 / r for r in ranks if r) / n
    return f"{r1:.3f} / {r3:.3f} / {mrr:.3f}"


def sets() -> list[tuple[str, list[tuple[str, Any, Callable[[str, str], bool]]]]]:
    from evals.suites.answers import holds, load_items
    from evals.suites.retrieval import DATASET, HOLDOUT, load_queries

    def by_entry(expected: list[str]) -> Callable[[str, str], bool]:
        return lambda pid, text: pid.split("#", 1)[0] in expected

    def by_text(must: list[list[str]]) -> Callable[[str, str], bool]:
        return lambda pid, text: holds(text, must)

    out = []
    for name, path in (("dev", DATASET), ("holdout", HOLDOUT)):
        out.append((name, [(q["query"], q.get("dos"), by_entry(q["expected"])) for q in load_queries(path)]))
    items = [i for i in load_items() if i["answerable"] and i["passage_must_contain"]]
    out.append(("answers_dev", [(i["question"], i.get("dos"), by_text(i["passage_must_contain"])) for i in items]))
    return out


def score(search: Callable[[str, Any], list[Any]], data: list[tuple[str, Any, Any]]) -> Ranks:
    ranks: Ranks = []
    for query, dos, relevant in data:
        hits = search(query, dos)
        ranks.append(next((i + 1 for i, p in enumerate(hits) if relevant(p.id, p.text)), None))
    return ranks


def reranker(retriever: Any, weight: float) -> tuple[Callable[[str, Any], list[Any]], list[float]]:
    import numpy as np

    from assistant.retrieval.embedders import get_embedder
    from assistant.settings import Settings

    minilm = get_embedder(Settings(embedder="minilm"))
    records = retriever._ready().records
    vectors = {r["id"]: v for r, v in zip(records, minilm.embed_documents([r["text"] for r in records]), strict=True)}
    costs: list[float] = []

    def search(query: str, dos: Any) -> list[Any]:
        hits = retriever.search(query, k=10, dos=dos)
        started = time.perf_counter()
        q = np.asarray(minilm.embed_query(query))
        costs.append(time.perf_counter() - started)
        top = max((h.score for h in hits), default=1.0) or 1.0
        return sorted(hits, key=lambda h: -(h.score / top + weight * float(np.dot(q, vectors[h.id]))))

    return search, costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="model2vec")
    parser.add_argument("--rerank", action="store_true")
    args = parser.parse_args()
    from assistant.knowledge.loader import load_knowledge
    from assistant.retrieval.retriever import Retriever
    from assistant.settings import Settings

    data_dir = Path(tempfile.mkdtemp(prefix="ablation-"))
    try:
        retriever = Retriever(Settings(data_dir=data_dir, embedder=args.embedder), load_knowledge())
        retriever.build()
        data = sets()

        def plain(query: str, dos: Any) -> list[Any]:
            return retriever.search(query, k=10, dos=dos)

        rows: list[tuple[str, dict[str, Any], Callable[[str, Any], list[Any]]]] = [
            ("shipped", {}, plain),
            ("no pins", {"PIN_BONUS": 0.0}, plain),
            ("no kind priors", {"KIND_PRIOR": {}}, plain),
            ("no period fit", {"OUT_OF_PERIOD": 1.0, "IN_PERIOD_BONUS": 0.0}, plain),
            ("no topic field boost", {"TOPIC_BOOST": 1.0}, plain),
            ("no phrase bonus", {"PHRASE_BONUS": 0.0}, plain),
            ("no unnamed-code prior", {"UNNAMED_CODE": 1.0}, plain),
        ]
        print("signal | " + " | ".join(f"{name} r@1 / r@3 / MRR" for name, _ in data))
        for label, off, search in rows:
            with switched(**off):
                print(f"{label} | " + " | ".join(figures(score(search, d)) for _, d in data))
        if args.rerank:
            for weight in (0.5, 1.0):
                search, costs = reranker(retriever, weight)
                cells = [figures(score(search, d)) for _, d in data]
                costs.sort()
                print(f"+ MiniLM rerank of top 10 (w={weight}) | " + " | ".join(cells)
                      + f" | query embedding p50 {1000 * costs[len(costs) // 2]:.1f} ms")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
