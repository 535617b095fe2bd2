"""Retrieval benchmark: index build time, warm query and answer p50/p99, cold start, per embedder.

    python benchmarks/retrieval_bench.py [--embedders hash,model2vec,minilm] [--rounds 3] [--json]

- build: a forced full rebuild of the index (chunk, embed, Chroma, BM25) into a fresh data dir;
- load: a fresh process opening the built index and loading the model (`Retriever.warm()`);
- warm query: every development query, `--rounds` times, after one warm-up pass;
- warm answer: the offline short answer (`assistant.answer.answer_question`: search, facts, gate)
  for every development query and every question of answers_rw_dev.yaml, `--rounds` times;
- cold start: wall time of `assistant search QUERY --format json` as a subprocess, index built.

Everything runs offline on the shipped knowledge. Numbers depend on the machine's load: run it
on an idle machine for figures worth committing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERY = "can I bill 97550 if the patient sat in on the session?"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def search_command() -> list[str]:
    """The installed `assistant` console script, or the module when the script is unusable."""
    script = Path(sys.executable).with_name("assistant")
    if script.exists():
        probe = subprocess.run([str(script), "--help"], capture_output=True, text=True)
        if probe.returncode == 0 and "search" in probe.stdout:
            return [str(script), "search"]
    return [sys.executable, "-m", "assistant.cli.search", "search"]


def cold_start(data_dir: Path, embedder: str, runs: int = 3) -> float:
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_EMBEDDER": embedder,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run(
            [*search_command(), QUERY, "--k", "3", "--format", "json"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        times.append(time.perf_counter() - started)
        if out.returncode != 0 or not json.loads(out.stdout)["results"]:
            raise RuntimeError(f"assistant search failed: {out.stderr[-500:]}")
    return statistics.median(times)


def load_time(data_dir: Path, embedder: str) -> float:
    code = (
        "import time; t=time.perf_counter();"
        "from assistant.settings import Settings; from assistant.knowledge.loader import load_knowledge;"
        "from assistant.retrieval.retriever import Retriever;"
        f"r=Retriever(Settings(data_dir={str(data_dir)!r}, embedder={embedder!r}), load_knowledge()); r.warm();"
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def bench(embedder: str, rounds: int) -> dict[str, float | str]:
    from assistant.answer import answer_question
    from assistant.knowledge.loader import load_knowledge
    from assistant.retrieval.retriever import Retriever
    from assistant.settings import Settings
    from evals.suites.answers import load_items
    from evals.suites.retrieval import load_queries

    data_dir = Path(tempfile.mkdtemp(prefix=f"bench-{embedder}-"))
    try:
        kb = load_knowledge()
        retriever = Retriever(Settings(data_dir=data_dir, embedder=embedder), kb)
        retriever.warm() if embedder != "minilm" else retriever.embedder.embed_query("load the model first")
        started = time.perf_counter()
        info = retriever.build(force=True)
        build = time.perf_counter() - started
        queries = load_queries()
        for q in queries:  # warm-up pass
            retriever.search(q["query"], k=5, dos=q.get("dos"))
        latencies = []
        for _ in range(rounds):
            for q in queries:
                t = time.perf_counter()
                retriever.search(q["query"], k=5, dos=q.get("dos"))
                latencies.append(time.perf_counter() - t)
        questions = [q["query"] for q in queries] + [item["question"] for item in load_items()]
        for question in questions:  # warm-up pass
            answer_question(question, retriever=retriever)
        answers = []
        for _ in range(rounds):
            for question in questions:
                t = time.perf_counter()
                answer_question(question, retriever=retriever)
                answers.append(time.perf_counter() - t)
        return {
            "embedder": embedder,
            "passages": info["passages"],
            "build_s": round(build, 2),
            "query_p50_ms": round(1000 * percentile(latencies, 50), 2),
            "query_p99_ms": round(1000 * percentile(latencies, 99), 2),
            "answer_p50_ms": round(1000 * percentile(answers, 50), 2),
            "answer_p99_ms": round(1000 * percentile(answers, 99), 2),
            "load_s": round(load_time(data_dir, embedder), 2),
            "cold_start_search_s": round(cold_start(data_dir, embedder), 2),
        }
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedders", default="hash,model2vec,minilm")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    rows = [bench(name.strip(), args.rounds) for name in args.embedders.split(",") if name.strip()]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    header = ["embedder", "passages", "build_s", "query_p50_ms", "query_p99_ms", "answer_p50_ms", "answer_p99_ms",
              "load_s", "cold_start_search_s"]
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(str(row[h]) for h in header))
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
