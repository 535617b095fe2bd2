"""Benchmark of the deterministic note check (issues: foundation, #8).

Reports warm latency p50/p99 on ~2 KB notes beside spaCy's blank English tokenization of the same
notes (target: the check within 1.5x of it), the same on development notes each checked once (fresh: no cache has
met them, as a therapist's paste), cost at 100 KB, 200 KB and 1 MB (linear), single-core
throughput, and the cold start of `assistant check`. The check and spaCy run interleaved note by
note, so load from other processes hits both alike. Figures, not asserts.

    python benchmarks/check_bench.py [--runs 300] [--json] [--no-cold]
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


def fresh_notes() -> list[str]:
    """Every development note (no sealed set), each padded to ~2 KB with its own text: notes the process has not
    checked before, as a therapist's paste is. The repeated benchmark notes above are the warm case (caches of the
    tokenizer, the vocabulary and the RE2 automata have met them); these are the cold one."""
    import yaml

    notes = []
    for path in sorted((ROOT / "evals" / "datasets").glob("notes_*.yaml")):
        for item in yaml.safe_load(path.read_text()):
            text = item["text"]
            while len(text.encode()) < 1900:
                text += "\n" + item["text"]
            notes.append(text[:2100])
    return list(dict.fromkeys(notes))


def fresh_side_by_side(notes: list[str]) -> tuple[list[float], list[float]]:
    """Latencies (ms) of the check and of spaCy's blank English pipeline on notes each meets once (after 20 to warm)."""
    return side_by_side(notes, len(notes) - 20, start=20)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def side_by_side(notes: list[str], runs: int, start: int = 0) -> tuple[list[float], list[float]]:
    """Latencies (ms) of the check and of spaCy's blank English pipeline, interleaved on the same notes (from note
    `start` on, cycling: `start` past the 20 warm-up notes makes every timed note a first meeting)."""
    import spacy

    import assistant

    nlp = spacy.blank("en")
    for note in notes[:20]:
        assistant.check_note(note)  # warm: pipeline, knowledge, code set, compiled patterns
        nlp(note)
    check, tokenize = [], []
    for i in range(start, start + runs):
        note = notes[i % len(notes)]
        t0 = time.perf_counter()
        assistant.check_note(note)
        t1 = time.perf_counter()
        nlp(note)
        t2 = time.perf_counter()
        check.append((t1 - t0) * 1000)
        tokenize.append((t2 - t1) * 1000)
    return check, tokenize


def large(notes: list[str]) -> dict[str, float]:
    import assistant

    base = "\n".join(notes)
    out = {}
    for size in (100_000, 200_000, 1_000_000):
        text = (base * (size // len(base) + 1))[:size]
        text = text.encode("utf-8")[:size].decode("utf-8", errors="ignore")  # the input limit is in bytes
        t0 = time.perf_counter()
        assistant.check_note(text)
        out[f"note_{size // 1000}kb_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    return out


def fresh_figures() -> dict[str, float]:
    check, tokenize = fresh_side_by_side(fresh_notes())
    return {
        "fresh_notes": len(check),
        "fresh_note_2kb_p50_ms": round(percentile(check, 0.50), 2),
        "fresh_spacy_blank_en_2kb_p50_ms": round(percentile(tokenize, 0.50), 2),
        "fresh_check_over_spacy_p50": round(percentile(check, 0.50) / percentile(tokenize, 0.50), 2),
    }


def cold_start() -> list[float]:
    cold = []
    example = str(ROOT / "examples" / "note_ready.txt")
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "assistant.cli", "check", example, "--format", "json"],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        cold.append(time.perf_counter() - t0)
    return cold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-cold", action="store_true")
    args = parser.parse_args()

    import assistant

    notes = two_kb_notes()
    check, tokenize = side_by_side(notes, args.runs)
    t0 = time.perf_counter()
    count = 0
    while time.perf_counter() - t0 < 5:
        assistant.check_note(notes[count % len(notes)])
        count += 1
    figures = {
        "note_2kb_p50_ms": round(percentile(check, 0.50), 2),
        "note_2kb_p99_ms": round(percentile(check, 0.99), 2),
        "spacy_blank_en_2kb_p50_ms": round(percentile(tokenize, 0.50), 2),
        "check_over_spacy_p50": round(percentile(check, 0.50) / percentile(tokenize, 0.50), 2),
        "check_over_spacy_median_of_pairs": round(
            statistics.median(c / t for c, t in zip(check, tokenize, strict=True)), 2
        ),
        "throughput_notes_per_s_one_core": round(count / (time.perf_counter() - t0), 1),
        **fresh_figures(),
        **large(notes),
    }
    if not args.no_cold:
        cold = cold_start()
        figures["cold_start_check_median_s"] = round(statistics.median(cold), 2)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:36} {value}")


if __name__ == "__main__":
    main()
