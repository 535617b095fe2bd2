"""Benchmark of the deterministic note check (issue: foundation).

Reports warm latency p50/p99 on ~2 KB notes and on a 200 KB note, single-core throughput,
and the cold start of `assistant check` from process start to output. Figures, not asserts.

    python benchmarks/check_bench.py [--runs 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def two_kb_notes() -> list[str]:
    import yaml

    items = yaml.safe_load((ROOT / "evals" / "datasets" / "notes_dev.yaml").read_text())
    notes = []
    for item in items:
        text = item["text"]
        while len(text.encode()) < 1900:
            text += "\n" + item["text"]
        notes.append(text[:2100])
    return notes


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import assistant

    notes = two_kb_notes()
    for note in notes[:20]:
        assistant.check_note(note)  # warm: pipeline, knowledge, code set
    latencies = []
    for i in range(args.runs):
        note = notes[i % len(notes)]
        t0 = time.perf_counter()
        assistant.check_note(note)
        latencies.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    count = 0
    while time.perf_counter() - t0 < 5:
        assistant.check_note(notes[count % len(notes)])
        count += 1
    throughput = count / (time.perf_counter() - t0)

    big = ("\n".join(notes) * 3)[:200_000]
    big_lat = []
    for _ in range(5):
        t0 = time.perf_counter()
        assistant.check_note(big)
        big_lat.append((time.perf_counter() - t0) * 1000)
    half = big[:100_000]
    t0 = time.perf_counter()
    assistant.check_note(half)
    half_ms = (time.perf_counter() - t0) * 1000

    cold = []
    exe = str(ROOT / ".venv" / "bin" / "assistant")
    example = str(ROOT / "examples" / "note_ready.txt")
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([exe, "check", example, "--format", "json"], check=True, capture_output=True)
        cold.append(time.perf_counter() - t0)

    figures = {
        "note_2kb_p50_ms": round(percentile(latencies, 0.50), 2),
        "note_2kb_p99_ms": round(percentile(latencies, 0.99), 2),
        "throughput_notes_per_s_one_core": round(throughput, 1),
        "note_200kb_median_ms": round(statistics.median(big_lat), 1),
        "note_100kb_ms": round(half_ms, 1),
        "cold_start_check_median_s": round(statistics.median(cold), 2),
        "cold_start_check_min_s": round(min(cold), 2),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:36} {value}")


if __name__ == "__main__":
    main()
