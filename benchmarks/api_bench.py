"""Throughput and latency of POST /v1/check on loopback.

    python benchmarks/api_bench.py [--workers N] [--duration 15] [--concurrency 16] [--tool auto|wrk|httpx]

Starts `uvicorn --factory api.app:create_app --workers N` (by default the web workers `assistant
serve` starts on this machine) on a free 127.0.0.1 port as a subprocess (an API key configured,
so authentication is measured too; the rate limit raised out of the way), waits for /readyz and
for its processes to finish starting (their start-up is not charged to the run), drives it for a
fixed duration with synthetic ~2 KB notes, then prints requests/s, p50/p99 latency, the CPU per
request of the server's processes and of the load generator, and the CPU of the same check task
run in this process before and after (so what serving adds is measured under the same load), and
stops the server.

Load generator: `wrk` when installed (a Lua script rotates 64 distinct notes), else a bounded
async httpx client (N concurrent connections in one process; it shares the CPU with the server,
so its figures are a lower bound). Notes are synthetic: no PHI.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from assistant.cli.serve import default_web_workers

ROOT = Path(__file__).resolve().parents[1]
KEY = "bench-key-not-a-secret"
CAREGIVERS = ["wife", "husband", "daughter", "son", "neighbor", "friend"]
SKILLS = [
    "sit-to-stand transfers with a gait belt", "bed mobility and repositioning", "safe tub transfer with a bench",
    "dressing strategies for hemiparesis", "feeding and swallow precautions with chin tuck", "cueing for memory aids",
]


def synthetic_note(i: int, size: int = 2048) -> str:
    """A plausible synthetic CTS note of about `size` bytes (distinct per i)."""
    rng = random.Random(i)
    who, skill = rng.choice(CAREGIVERS), rng.choice(SKILLS)
    start_h, start_m = rng.randint(8, 15), rng.choice([0, 5, 10, 15, 20, 30])
    minutes = rng.randint(20, 55)
    end_m = start_h * 60 + start_m + minutes
    parts = [
        f"Date of service: 0{rng.randint(1, 9)}/1{rng.randint(0, 9)}/2025.",
        f"Caregiver training session with the patient's {who}; the patient was not present for this session.",
        f"Verbal consent for training the {who} was obtained from the patient on the prior visit.",
        "Need: the patient requires assistance for transfers at home; plan of care goal is safe transfers "
        "with caregiver assistance within 4 weeks.",
        f"Skills taught: {skill}, with demonstration by the therapist and hands-on correction of body mechanics.",
        f"The {who} completed a return demonstration with two verbal cues for hand placement.",
        "Skilled need: high fall risk and hip precautions required therapist judgment and feedback.",
        f"Start {start_h:02d}:{start_m:02d}, stop {end_m // 60:02d}:{end_m % 60:02d}, total {minutes} minutes.",
        "Provided by Alex Rivera, PT, DPT.",
    ]
    filler = ("Education reviewed home setup, clear pathways, lighting, and the use of the gait belt during "
              "every transfer; the caregiver verbalized understanding of each step. ")
    note = " ".join(parts)
    while len(note.encode()) < size:
        note += " " + filler
    return note[:size]


def prioritize(nice: int, pid: int | str = "self") -> None:
    """Give a process's whole session `nice` (Linux autogroup, root): on a machine shared with other
    sessions the scheduler splits the cores between sessions first, so the process's own niceness
    alone cannot keep others' load out of the measurement."""
    if not nice:
        return
    if pid == "self":
        os.nice(nice)
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/autogroup").write_text(str(nice))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, data_dir: str, root: Path = ROOT) -> subprocess.Popen[bytes]:
    """`root`'s server (another checkout: its own code, for side-by-side runs)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "ASSISTANT_API_KEYS": json.dumps([hashlib.sha256(KEY.encode()).hexdigest()]),
        "ASSISTANT_RATE_LIMIT_PER_MINUTE": "100000000",
        "ASSISTANT_EMBEDDER": os.environ.get("ASSISTANT_EMBEDDER", "hash"),  # /v1/check does not use the index
        "ASSISTANT_WEB_WORKERS": str(workers),
        "ASSISTANT_DATA_DIR": os.environ.get("ASSISTANT_DATA_DIR", data_dir),
        # uvicorn's supervisor leaves a semaphore to the resource tracker on SIGTERM: harmless noise
        "PYTHONWARNINGS": "ignore::UserWarning:multiprocessing.resource_tracker",
    }
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app", "--host", "127.0.0.1", "--port",
           str(port), "--workers", str(workers), "--no-access-log", "--log-level", "warning"]
    return subprocess.Popen(cmd, cwd=root, env=env, start_new_session=True)


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 600) -> None:
    """Until every worker reports `ready` (index and backend warmed), then a few warm-up checks."""
    deadline = time.monotonic() + timeout
    streak = 0
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            status = httpx.get(base + "/readyz", timeout=5).json().get("status")
        except (httpx.HTTPError, ValueError):
            status = None
        streak = streak + 1 if status == "ready" else 0
        if streak >= 10:  # requests land on either worker: a streak means all of them are ready
            for i in range(20):
                httpx.post(base + "/v1/check", json={"text": synthetic_note(i)}, headers={"X-API-Key": KEY}, timeout=60)
            return
        time.sleep(0.2 if streak else 0.5)
    raise RuntimeError("server did not become ready")


def _tree(pid: int, depth: int = 0) -> list[tuple[int, int]]:
    """(pid, depth) of a process and its descendants: 0 the supervisor, 1 web workers, 2 check workers."""
    out = [(pid, depth)]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                out += _tree(int(child), depth + 1)
    except OSError:
        pass
    return out


def server_cpu_seconds(pid: int, workers: int = 2) -> dict[int, float]:
    """User + system CPU of the server's process tree by role (Linux /proc): 0 the supervisor, 1 web
    workers, 2 check workers, to express the cost per request independently of other load on the
    machine. With one web worker uvicorn runs no supervisor: the process started is the web worker."""
    tick = os.sysconf("SC_CLK_TCK")
    shift = 1 if workers == 1 else 0
    total: dict[int, float] = {}
    for p, depth in _tree(pid):
        role = min(depth + shift, 2)
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total[role] = total.get(role, 0.0) + (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            continue
    return total


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def wait_quiet(pid: int, workers: int, timeout: float = 180.0) -> None:
    """Until the server's processes stop growing in number and CPU (every worker process started, the
    index built): what start-up costs is not charged to the requests measured after it."""
    deadline = time.monotonic() + timeout
    before = server_cpu_seconds(pid, workers)
    count = len(_tree(pid))
    while time.monotonic() < deadline:
        time.sleep(1.0)
        after, now = server_cpu_seconds(pid, workers), len(_tree(pid))
        if now == count and sum(after.values()) - sum(before.values()) < 0.05:
            return
        before, count = after, now


def inprocess_check_ms(notes: list[bytes], rounds: int = 3) -> float:
    """CPU per check of the route's task (`api.tasks.check`: the check and its JSON) in this process, on
    the same notes: measured in the same run as the server, so both see the same load on the machine."""
    from datetime import date

    from api.tasks import check, warm
    from assistant.service import Assistant

    assistant = Assistant()
    warm(assistant)
    payloads = [{**json.loads(n), "dos": date(2025, 3, 4)} for n in notes]
    for payload in payloads:
        check(assistant, payload)
    started = time.process_time()
    for _ in range(rounds):
        for payload in payloads:
            check(assistant, payload)
    return (time.process_time() - started) * 1000 / (rounds * len(payloads))


# --- httpx load generator ------------------------------------------------------------------------
async def httpx_load(base: str, duration: float, concurrency: int, notes: list[bytes]) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"X-API-Key": KEY, "Content-Type": "application/json"}
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30, headers=headers) as client:
        end = time.perf_counter() + duration

        async def worker(w: int) -> None:
            nonlocal errors
            i = w
            while time.perf_counter() < end:
                started = time.perf_counter()
                resp = await client.post("/v1/check", content=notes[i % len(notes)])
                latencies.append(time.perf_counter() - started)
                if resp.status_code != 200:
                    errors += 1
                i += concurrency

        started = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies), "errors": errors, "seconds": elapsed, "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000, "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    }


# --- wrk -------------------------------------------------------------------------------------------
WRK_LUA = """
local bodies = {}
local n = 0
for line in io.lines("%(path)s") do n = n + 1; bodies[n] = line end
local i = 0
request = function()
  i = i %% n + 1
  return wrk.format("POST", "/v1/check", {["Content-Type"]="application/json", ["X-API-Key"]="%(key)s"}, bodies[i])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%f %%f %%f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def wrk_load(base: str, duration: float, concurrency: int, notes: list[bytes], threads: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        bodies = Path(tmp, "bodies.txt")
        bodies.write_bytes(b"\n".join(notes) + b"\n")
        script = Path(tmp, "check.lua")
        script.write_text(WRK_LUA % {"path": bodies, "key": KEY})
        out = subprocess.run(["wrk", "-t", str(threads), "-c", str(concurrency), "-d", f"{int(duration)}s",
                              "--latency", "-s", str(script), base + "/v1/check"],
                             capture_output=True, text=True, check=True).stdout
    match = re.search(r"RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)", out)
    if not match:
        raise RuntimeError("could not read wrk output:\n" + out)
    requests, errors, seconds, p50, p99 = match.groups()
    return {"requests": int(requests), "errors": int(errors), "seconds": float(seconds),
            "rps": int(requests) / float(seconds), "p50_ms": float(p50), "p99_ms": float(p99)}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=default_web_workers(os.cpu_count() or 1),
                        help="web workers (default: as `assistant serve`)")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds of load (at most 20)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--note-bytes", type=int, default=2048)
    parser.add_argument("--tool", choices=["auto", "wrk", "httpx"], default="auto")
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--server-root", type=Path, default=ROOT,
                        help="checkout whose server to measure (another one's, for runs alternated with a baseline)")
    parser.add_argument("--no-inprocess", action="store_true", help="skip the in-process check measured alongside")
    parser.add_argument("--nice", type=int, default=0, help="run the benchmark (server and clients) at this "
                        "niceness, e.g. -10 as root, to measure apart from other load on a shared machine")
    return parser


def _measure(args: argparse.Namespace, notes: list[bytes], tool: str) -> dict[str, Any]:
    """One server: started, warmed, left to finish starting, then loaded for the run's duration."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as data_dir:
        proc = start_server(port, args.workers, data_dir, root=args.server_root.resolve())
        prioritize(args.nice, proc.pid)  # the server runs in a session of its own
        try:
            wait_ready(base, proc)
            wait_quiet(proc.pid, args.workers)
            cpu_before = server_cpu_seconds(proc.pid, args.workers)
            client_before = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk, once it has been reaped
            if tool == "wrk":
                result: dict[str, Any] = wrk_load(base, min(args.duration, 20.0), args.concurrency, notes,
                                                  args.wrk_threads)
            else:
                result = asyncio.run(httpx_load(base, min(args.duration, 20.0), args.concurrency, notes))
            cpu_after = server_cpu_seconds(proc.pid, args.workers)
            client_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        finally:
            stop_server(proc)
    per = {d: (cpu_after.get(d, 0.0) - cpu_before.get(d, 0.0)) * 1000 / max(1, result["requests"]) for d in (1, 2)}
    cpu_ms = per[1] + per[2]
    result["server_cpu_ms_per_request"] = cpu_ms
    result["web_cpu_ms_per_request"], result["worker_cpu_ms_per_request"] = per[1], per[2]
    client = (client_after.ru_utime - client_before.ru_utime) + (client_after.ru_stime - client_before.ru_stime)
    result["client_cpu_ms_per_request"] = client * 1000 / max(1, result["requests"])  # 0 for httpx (in-process)
    # what the same server would sustain with every core to itself
    result["projected_rps_idle_cores"] = (os.cpu_count() or 1) * 1000 / cpu_ms if cpu_ms > 0 else 0
    return result


def _print(result: dict[str, Any], args: argparse.Namespace, tool: str) -> None:
    print(f"POST /v1/check  {tool}, {args.workers} workers, {result['cpus']} CPUs, concurrency {args.concurrency}, "
          f"{args.note_bytes}-byte notes, {result['seconds']:.1f} s")
    print(f"  {result['requests']} requests, {result['errors']} errors")
    print(f"  {result['rps']:.0f} req/s   p50 {result['p50_ms']:.1f} ms   p99 {result['p99_ms']:.1f} ms")
    print(f"  server CPU {result['server_cpu_ms_per_request']:.2f} ms/request: "
          f"web workers {result['web_cpu_ms_per_request']:.2f}, "
          f"check workers {result['worker_cpu_ms_per_request']:.2f} "
          f"(~{result['projected_rps_idle_cores']:.0f} req/s if the {result['cpus']} CPUs were the server's alone)")
    if "inprocess_check_cpu_ms" in result:
        print(f"  the same check in-process {result['inprocess_check_cpu_ms']:.2f} ms: serving adds "
              f"{result['server_cpu_ms_per_request'] - result['inprocess_check_cpu_ms']:.2f} ms/request")
    if tool == "wrk":
        print(f"  load generator (wrk) CPU {result['client_cpu_ms_per_request']:.2f} ms/request, on the same CPUs")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    prioritize(args.nice)
    tool = ("wrk" if shutil.which("wrk") else "httpx") if args.tool == "auto" else args.tool
    notes = [json.dumps({"text": synthetic_note(i, args.note_bytes), "dos": "2025-03-04"}).encode() for i in range(64)]
    inprocess = [] if args.no_inprocess else [inprocess_check_ms(notes)]
    result = _measure(args, notes, tool)
    if not args.no_inprocess:  # before and after the run: the machine's load drifts
        result["inprocess_check_cpu_ms"] = (inprocess[0] + inprocess_check_ms(notes)) / 2
    result.update(server_root=str(args.server_root), tool=tool, workers=args.workers, concurrency=args.concurrency,
                  note_bytes=args.note_bytes, cpus=os.cpu_count() or 0)
    if args.json:
        print(json.dumps(result))
    else:
        _print(result, args, tool)
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
