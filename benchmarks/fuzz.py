"""Fuzz the edges in process: generated notes, billed strings, JSON bodies, FHIR resources and
batch lines, through the HTTP API (TestClient, the real `Assistant`) and the CLI's batch function.

    python benchmarks/fuzz.py [--total 100000] [--seed 0]

A crash is a 5xx response, an exception out of the app, or a batch line answered with
`internal_error`. Prints the inputs run and the crashes per kind; exit 1 on any crash.
tests/test_fuzz.py runs the same generators with a few thousand inputs.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NOTE = (ROOT / "examples" / "note_ready.txt").read_text()
WORDS = ["caregiver", "wife", "patient not present", "consent", "97550", "97551x2", "G0541", "total", "min",
         "10:15", "-", "11:47 AM", "PT", "DPT", "return demonstration", "Dx:", "I69.351", "03/04/2025", "\n",
         "\u2028", "\u0085", "\ufeff", "é", "\U0001f600", "\ud800", "\x00", "'", '"', "(", "[", "!", ":"]

text = st.text(max_size=400) | st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
billed_text = st.text(alphabet="0123456789GxX*×:,-+/ ABCDEFGP", max_size=40) | st.text(max_size=20)
json_leaf = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
             | st.text(max_size=30))
json_any = st.recursive(
    json_leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
fields = {"text": text, "document": json_any, "dos": st.text(max_size=12) | json_leaf, "billed": billed_text | json_any,
          "profile": st.sampled_from(["medicare", "strict", "MEDICARE", "", "x"]) | json_leaf}
check_body = st.fixed_dictionaries({}, optional=fields) | json_any


def _charset() -> st.SearchStrategy[str]:
    return st.sampled_from(["", "; charset=utf-8", "; charset=utf-16", "; charset=latin-1", "; charset=rot13",
                            "; charset=idna", '; charset="UTF-8"', "; charset=", "; charset=utf-7"])


attachment = st.fixed_dictionaries({}, optional={
    "contentType": st.tuples(st.sampled_from(["text/plain", "text/html", "application/pdf", ""]), _charset())
    .map("".join) | json_leaf,
    "data": st.binary(max_size=300).map(lambda b: base64.b64encode(b).decode()) | json_leaf,
    "url": st.text(max_size=20)})
document = st.fixed_dictionaries(
    {"resourceType": st.sampled_from(["DocumentReference", "DocumentReference", "Patient"])},
    optional={"status": st.sampled_from(["current", "superseded", "entered-in-error", "bogus"]) | json_leaf,
              "date": st.sampled_from(["2025-03-04T10:00:00Z", "2025-03", "2025", "x"]) | json_leaf,
              "context": st.fixed_dictionaries({}, optional={"period": st.fixed_dictionaries({}, optional={
                  "start": st.sampled_from(["2025-03-04", "2025-03", "2025", "2030-01-01"]) | json_leaf})}),
              "content": st.lists(st.fixed_dictionaries({}, optional={"attachment": attachment | st.none()}),
                                  max_size=3) | json_leaf})
batch_line = (st.builds(lambda b: json.dumps(b, ensure_ascii=False).encode("utf-8", "surrogatepass"), check_body)
              | st.binary(max_size=200)
              | st.builds(lambda n: b'{"id": 1, "text": "a", "billed": ' + b"9" * n + b"}", st.integers(1, 6000))
              | st.builds(lambda n: b'{"text": ' + b"[" * n + b"]" * n + b"}", st.integers(1, 5000)))


class Fuzzer:
    """Runs generated inputs against one app and one assistant, counting inputs and crashes by kind."""

    def __init__(self, client: Any, assistant: Any) -> None:
        self.client, self.assistant = client, assistant
        self.runs: Counter[str] = Counter()
        self.crashes: Counter[str] = Counter()
        self.examples: list[str] = []

    def _post(self, kind: str, path: str, **kwargs: Any) -> None:
        self.runs[kind] += 1
        try:
            status = self.client.post(path, **kwargs).status_code
        except Exception as exc:  # the app raised instead of answering
            where = exc.__traceback__
            while where is not None and where.tb_next is not None:
                where = where.tb_next
            line = f"{where.tb_frame.f_code.co_filename.rsplit('/', 2)[-1]}:{where.tb_lineno}" if where else "?"
            self._crash(kind, f"{type(exc).__name__} on {path} at {line}")
            return
        if status >= 500:
            self._crash(kind, f"HTTP {status} on {path}")

    def _crash(self, kind: str, what: str) -> None:
        self.crashes[kind] += 1
        if len(self.examples) < 20:
            self.examples.append(f"{kind}: {what}")

    def note(self, value: str) -> None:
        body = json.dumps({"text": value}, ensure_ascii=True).encode()  # ascii escapes carry lone surrogates
        self._post("notes", "/v1/check", content=body, headers={"content-type": "application/json"})

    def billed(self, value: str) -> None:
        self._post("billed strings", "/v1/check", json={"text": NOTE, "billed": value, "dos": "2025-03-04"})

    def body(self, value: Any) -> None:
        raw = json.dumps(value, ensure_ascii=True).encode()
        self._post("JSON bodies", "/v1/check", content=raw, headers={"content-type": "application/json"})

    def fhir(self, value: dict[str, Any]) -> None:
        self._post("FHIR resources", "/v1/check", json={"document": value})

    def batch(self, raw: bytes) -> None:
        from assistant.cli.batch import check_line

        self.runs["batch lines"] += 1
        outcome = check_line(self.assistant, raw.replace(b"\n", b" "), 1, "medicare")
        if b'"internal_error"' in outcome.line:
            self._crash("batch lines", outcome.line.decode("utf-8", "replace")[:200])


def run(fuzzer: Fuzzer, total: int, rng_seed: int = 0) -> None:
    """`total` inputs spread over the five kinds."""
    plan: list[tuple[Callable[[Any], None], st.SearchStrategy[Any]]] = [
        (fuzzer.note, text), (fuzzer.billed, billed_text), (fuzzer.body, check_body), (fuzzer.fhir, document),
        (fuzzer.batch, batch_line)]
    for target, strategy in plan:
        quota, done = total // len(plan), [0]
        while done[0] < quota:  # hypothesis may end a run early (it dedupes); keep going to the quota
            before = done[0]
            _run_once(target, strategy, quota - done[0], rng_seed, done)
            if done[0] == before:
                break
            rng_seed += 1


def _run_once(target: Callable[[Any], None], strategy: st.SearchStrategy[Any], count: int, rng_seed: int,
              done: list[int]) -> None:
    @seed(rng_seed)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def each(value: Any) -> None:
        done[0] += 1
        target(value)

    each()


def make_fuzzer(data_dir: Path) -> tuple[Fuzzer, Any]:
    """A fuzzer over a real app (offline, hash embedder); returns it and the TestClient to close."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from assistant.service import Assistant
    from assistant.settings import Settings

    s = Settings(embedder="hash", data_dir=data_dir, rate_limit_per_minute=100_000_000, rate_limit_store="memory",
                 cpu_workers=0)
    assistant = Assistant(s)
    client = TestClient(create_app(s, assistant=assistant))
    client.__enter__()
    return Fuzzer(client, assistant), client


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as data_dir:
        fuzzer, client = make_fuzzer(Path(data_dir))
        try:
            run(fuzzer, args.total, args.seed)
        finally:
            client.__exit__(None, None, None)
    print(f"fuzz: {sum(fuzzer.runs.values())} inputs in {time.perf_counter() - started:.0f} s, "
          f"{sum(fuzzer.crashes.values())} crashes (5xx or exceptions)")
    for kind, count in fuzzer.runs.items():
        print(f"  {kind:16} {count:7d} inputs  {fuzzer.crashes[kind]:4d} crashes")
    for example in fuzzer.examples:
        print("  e.g.", example)
    return 1 if fuzzer.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
