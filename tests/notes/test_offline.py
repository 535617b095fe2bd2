"""The check (and the offline appeal built on it) runs with the network blocked, in a fresh
process so that nothing loaded earlier by another test can hide a download."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.knowledge.loader import cached_knowledge

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = r"""
import json, socket
attempts = []
def refuse(*args, **kwargs):
    attempts.append(repr(args)[:80])
    raise OSError("network blocked by test")
real_connect = socket.socket.connect
def connect(self, address):
    host = address[0] if isinstance(address, tuple) else str(address)
    if host not in ("127.0.0.1", "::1", "localhost"):
        refuse(address)
    return real_connect(self, address)
socket.socket.connect = connect
socket.getaddrinfo = lambda host, *a, **k: refuse(host) if host not in ("127.0.0.1", "::1", "localhost") else [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", a[0] if a else 0))]
socket.create_connection = lambda address, *a, **k: refuse(address)

import assistant
note = open(NOTE).read()
report = assistant.check_note(note, billed="97550x1:GP")
appeal = assistant.draft_appeal("CO-50 N115", note)
print(json.dumps({"ready": report.summary.ready_to_bill, "checks": len(report.checks),
                  "recommendation": appeal.recommendation, "attempts": attempts}))
"""  # noqa: E501 (a one-line lambda inside the program)


@pytest.mark.slow
def test_check_and_offline_appeal_with_network_blocked(tmp_path: Path) -> None:
    program = PROGRAM.replace("NOTE", repr(str(ROOT / "examples" / "note_ready.txt")))
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=300, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["checks"] == len(cached_knowledge().check_ids)
    assert out["ready"] is True
    assert out["recommendation"] == "appeal"
    assert out["attempts"] == []  # nothing even tried to reach the network
