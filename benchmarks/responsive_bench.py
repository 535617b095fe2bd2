"""Does the service stay responsive under hostile load? (issue #11, "Done when" 4)

    python benchmarks/responsive_bench.py [--duration 15] [--workers N]

Starts the service (uvicorn, N web workers as `assistant serve` starts them, an API key, the
language model pointed at a local port that accepts connections and never answers), then keeps
in flight, for the whole run:
  - 20 adversarial ~20 KB notes on POST /v1/check (shapes that are slow for the extractors),
  - 45 appeals on POST /v1/appeals, each waiting on the hung model,
and meanwhile measures GET /healthz and POST /v1/check on a normal 2 KB note (4 clients each,
closed loop). Prints p50/p99 of both and what the hostile requests got (status counts). Only
loopback addresses are used; the run is bounded in time and stops everything it started.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import multiprocessing
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bench import KEY, free_port, prioritize, start_server, stop_server, synthetic_note, wait_ready

from assistant.cli.serve import default_web_workers

NOTE = Path(__file__).resolve().parents[1] / "examples" / "note_ready.txt"


def adversarial_notes(size: int = 20_000) -> list[str]:
    """Shapes reported slow in issue #11 (names that backtrack, repeated durations, time ranges,
    presence lines, headings, punctuation runs), each about `size` characters."""
    shapes = ["Ab" * 29 + "! PT\n", "15 min ", "10:00-10:15 ", "Patient not present. ", "SKILLS:\n",
              "!?" * 20 + " ", "\U0001f600" * 10 + " ", "é" * 30 + " "]
    notes = []
    for i in range(20):
        unit = shapes[i % len(shapes)]
        notes.append((unit * (size // len(unit) + 1))[:size])
    return notes


def hung_model_port() -> socket.socket:
    """A listening socket nobody accepts from: connections complete, requests never get an answer."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)
    return sock


async def hostile(client: httpx.AsyncClient, path: str, body: dict[str, object], end: float,
                  statuses: Counter[str]) -> None:
    while time.perf_counter() < end:
        try:
            response = await client.post(path, json=body, timeout=60)
            statuses[f"{path} {response.status_code}"] += 1
        except httpx.HTTPError as exc:
            statuses[f"{path} {type(exc).__name__}"] += 1


def probe_process(port: int, duration: float, out: Connection) -> None:
    """Closed-loop probes in their own process (so the hostile clients' work is not in their latency):
    4 threads on /healthz and 4 on /v1/check with a normal note, each one keep-alive connection."""
    end = time.perf_counter() + duration
    results: dict[str, list[float]] = {"healthz": [], "check": []}
    errors: Counter[str] = Counter()

    def loop(name: str, method: str, path: str, body: bytes | None) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"X-API-Key": KEY, "Content-Type": "application/json"}
        while time.perf_counter() < end:
            started = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            results[name].append(time.perf_counter() - started)
            if os.environ.get("BENCH_TRACE") and time.perf_counter() - started > 0.05:
                took = (time.perf_counter() - started) * 1000
                print(f"slow {name} at {started - end + duration:.2f}s: {took:.0f} ms", flush=True)
            if response.status != 200:
                errors[f"{path} {response.status}"] += 1
            time.sleep(0.01)
        conn.close()

    threads = [threading.Thread(target=loop, args=("healthz", "GET", "/healthz", None)) for _ in range(4)]
    threads += [threading.Thread(target=loop, args=("check", "POST", "/v1/check", json.dumps(
        {"text": synthetic_note(i), "dos": "2025-03-04"}).encode())) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.send((results, dict(errors)))


async def run(base: str, port: int, duration: float, notes: int = 20, appeals: int = 45) -> dict[str, object]:
    note = NOTE.read_text()
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    receive, send = multiprocessing.Pipe(duplex=False)
    async with httpx.AsyncClient(base_url=base, limits=limits, headers={"X-API-Key": KEY}) as client:
        end = time.perf_counter() + duration
        statuses: Counter[str] = Counter()
        tasks = [hostile(client, "/v1/check", {"text": t}, end, statuses) for t in adversarial_notes()[:notes]]
        tasks += [hostile(client, "/v1/appeals", {"text": note, "denial": "CO-50 N115"}, end, statuses)
                  for _ in range(appeals)]
        running = asyncio.gather(*tasks)
        await asyncio.sleep(2.0)  # the hostile requests are in flight before the probes start
        prober = multiprocessing.get_context("spawn").Process(target=probe_process, args=(port, duration - 4, send))
        prober.start()
        results, errors = await asyncio.to_thread(receive.recv)
        prober.join()
        await running
    return {"healthz": _figures(results["healthz"]), "check": _figures(results["check"]), "probe_errors": errors,
            "hostile": dict(sorted(statuses.items()))}


def _figures(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {"requests": len(ordered), "p50_ms": statistics.median(ordered) * 1000,
            "p99_ms": ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000, "max_ms": ordered[-1] * 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=default_web_workers(os.cpu_count() or 1),
                        help="web workers (default: as `assistant serve`)")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds (at most 60)")
    parser.add_argument("--notes", type=int, default=20, help="adversarial notes in flight (at most 20)")
    parser.add_argument("--appeals", type=int, default=45, help="appeals in flight against the hung model")
    parser.add_argument("--nice", type=int, default=0, help="run the benchmark (server and clients) at this "
                        "niceness, e.g. -10 as root, to measure apart from other load on a shared machine")
    args = parser.parse_args(argv)
    prioritize(args.nice)
    hung = hung_model_port()
    model = f"http://127.0.0.1:{hung.getsockname()[1]}/v1"
    os.environ.update(ASSISTANT_LLM_BASE_URL=model, ASSISTANT_LLM_API_KEY="bench-not-a-key",
                      ASSISTANT_LLM_ALLOW_REMOTE="false")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as data_dir:
        proc = start_server(port, args.workers, data_dir)
        prioritize(args.nice, proc.pid)
        try:
            wait_ready(base, proc)
            result = asyncio.run(run(base, port, max(6.0, min(args.duration, 60.0)), args.notes, args.appeals))
        finally:
            stop_server(proc)
            hung.close()
    print(f"While {args.notes} adversarial 20 KB notes and {args.appeals} appeals against a hung model were in flight "
          f"({args.workers} web workers, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}):")
    for name in ("healthz", "check"):
        f = result[name]
        assert isinstance(f, dict)
        print(f"  {'GET /healthz' if name == 'healthz' else 'POST /v1/check (2 KB)':24} {f['requests']:6d} requests  "
              f"p50 {f['p50_ms']:7.1f} ms  p99 {f['p99_ms']:7.1f} ms  max {f['max_ms']:7.1f} ms")
    print(f"  probe errors: {result['probe_errors'] or 'none'}")
    print(f"  hostile requests: {json.dumps(result['hostile'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
