"""Every response of two servers is byte-identical: a change to the service layer must not change one byte.

    python benchmarks/same_bodies.py --baseline /work/main [--candidate .] [--sets 'evals/datasets/**/notes*.yaml']

Starts `uvicorn --factory api.app:create_app` from each checkout (the same settings, an API key,
the rate limit out of the way), posts every note of the notes sets to POST /v1/check on both
(text, dos, billed, profile as labelled; the date of service also left out, so the note's own
date is read), plus the error shapes of docs/api.md (invalid JSON, a body that does not validate,
a lone surrogate, an over-limit body, no key, a wrong key, another content type), and compares
status, content type and body byte for byte. Prints the count and every difference; exit 1 on any.
Notes are the synthetic evaluation notes (no PHI).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.api_bench import KEY, free_port, start_server, stop_server, wait_ready


def requests_from(pattern: str) -> list[tuple[str, bytes, dict[str, str]]]:
    """(label, body, headers) for every note of the sets, with and without its labelled inputs."""
    json_headers = {"Content-Type": "application/json", "X-API-Key": KEY}
    out: list[tuple[str, bytes, dict[str, str]]] = []
    for path in sorted(glob.glob(pattern, recursive=True)):
        items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                continue
            full: dict[str, Any] = {"text": item["text"]}
            for field in ("dos", "billed", "profile"):
                if item.get(field) is not None:
                    full[field] = str(item[field]) if field == "dos" else item[field]
            label = f"{Path(path).name}:{item.get('id', '?')}"
            out.append((label, json.dumps(full).encode(), json_headers))
            out.append((label + " (text only)", json.dumps({"text": item["text"]}).encode(), json_headers))
    return out


def error_shapes() -> list[tuple[str, bytes, dict[str, str]]]:
    json_headers = {"Content-Type": "application/json", "X-API-Key": KEY}
    return [
        ("invalid json", b'{"text": ', json_headers),
        ("not an object", b'["a note"]', json_headers),
        ("does not validate", b'{"text": 5, "profile": "nope"}', json_headers),
        ("lone surrogate", b'{"text": "Caregiver training \\ud800 35 min"}', json_headers),
        ("empty note", b'{"text": ""}', json_headers),
        ("bad billed", b'{"text": "Caregiver training 35 min", "billed": "97550x0"}', json_headers),
        ("over the body limit", b'{"text": "' + b"a" * 2_100_000 + b'"}', json_headers),
        ("no key", b'{"text": "a note"}', {"Content-Type": "application/json"}),
        ("wrong key", b'{"text": "a note"}', {"Content-Type": "application/json", "X-API-Key": "wrong"}),
        ("text/plain", b'{"text": "a note"}', {"Content-Type": "text/plain", "X-API-Key": KEY}),
        ("charset json", b'{"text": "a note"}', {"Content-Type": "application/json; charset=utf-8", "X-API-Key": KEY}),
    ]


def answer(client: httpx.Client, base: str, body: bytes, headers: dict[str, str]) -> tuple[int, str, bytes]:
    resp = client.post(base + "/v1/check", content=body, headers=headers)
    return resp.status_code, resp.headers.get("content-type", ""), resp.content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="checkout whose server is the reference (e.g. /work/main)")
    parser.add_argument("--candidate", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--sets", default="evals/datasets/**/notes*.yaml")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    root = Path(args.candidate).resolve()
    os.environ.pop("ASSISTANT_DATA_DIR", None)  # each server its own data directory (index, rate limits)
    cases = requests_from(str(root / args.sets)) + error_shapes()
    servers = []
    with tempfile.TemporaryDirectory() as data_a, tempfile.TemporaryDirectory() as data_b:
        try:
            for checkout, data_dir in ((args.baseline, data_a), (args.candidate, data_b)):
                port = free_port()
                proc = start_server(port, args.workers, data_dir, root=Path(checkout).resolve())
                servers.append((f"http://127.0.0.1:{port}", proc))
            for base, proc in servers:
                wait_ready(base, proc)
            differences = 0
            with httpx.Client(timeout=120) as client:
                for label, body, headers in cases:
                    got = [answer(client, base, body, headers) for base, _ in servers]
                    if got[0] != got[1]:
                        differences += 1
                        print(f"DIFFERENT {label}: {got[0][:2]} {len(got[0][2])} bytes vs {got[1][:2]} "
                              f"{len(got[1][2])} bytes")
        finally:
            for _, proc in servers:
                stop_server(proc)
    print(f"{len(cases)} requests, {differences} different (baseline {args.baseline}, candidate {args.candidate}; "
          f"load {os.getloadavg()[0]:.1f})")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
