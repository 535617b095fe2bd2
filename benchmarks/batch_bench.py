"""`assistant check --batch` on 1 worker and on N, side by side (issue #11: >= 1.8x on 2 cores).

    python benchmarks/batch_bench.py [--notes 10000] [--workers 1,2]

Writes a JSONL file of synthetic ~2 KB notes (distinct per line, no PHI), runs the real command
(`python -m assistant.cli check --batch FILE --workers N`) once per worker count, checks that the
outputs are identical, and prints notes/s, the speed-up and the CPU the run used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bench import prioritize, synthetic_note

ROOT = Path(__file__).resolve().parents[1]


def write_notes(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps({"id": f"n{i}", "text": synthetic_note(i), "dos": "2025-03-04"}) + "\n")


def run(path: Path, workers: int) -> dict[str, float | str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "check", "--batch", str(path), "--workers",
                          str(workers), "--format", "json"], cwd=ROOT, capture_output=True, check=False,
                         env={**os.environ, "ASSISTANT_EMBEDDER": "hash"})
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in (0, 2):
        raise RuntimeError(out.stderr.decode()[-2000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "digest": hashlib.sha256(out.stdout).hexdigest()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--nice", type=int, default=0,
                        help="run at this niceness (e.g. -10 as root) on a shared machine")
    args = parser.parse_args(argv)
    prioritize(args.nice)
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "notes.jsonl")
        write_notes(path, args.notes)
        results = {w: run(path, w) for w in counts}
    base = results[counts[0]]
    print(f"assistant check --batch: {args.notes} notes of ~2 KB, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    for w, r in results.items():
        rate = args.notes / float(r["seconds"])
        speed = float(base["seconds"]) / float(r["seconds"])
        same = "identical" if r["digest"] == base["digest"] else "DIFFERS"
        print(f"  --workers {w}: {float(r['seconds']):6.1f} s  {rate:7.0f} notes/s  x{speed:.2f}  "
              f"CPU {float(r['cpu_seconds']):6.1f} s  output {same}")
    return 0 if all(r["digest"] == base["digest"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
