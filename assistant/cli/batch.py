"""`assistant check --batch notes.jsonl`: one report per line, then a summary.

Each output line is {"id", "line", "report"} or {"id", "line", "error"}; a bad line is reported
with its line number and the other lines are still checked. The summary goes to standard error
(and as a final {"summary": ...} line in JSON format). Exit 0 when every line was checked, 2 if
any line was bad input.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.cli.common import fail
from assistant.errors import InputError
from assistant.models import Report
from assistant.parsing import parse_billed, parse_date, parse_profile
from assistant.service import Assistant


def _lines(path: Path) -> list[str]:
    if not path.exists():
        fail(f"No such file: {path}", "Pass a JSONL file with one note per line.")
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        fail(f"{path} is not UTF-8 text.", "Save the JSONL file as UTF-8.")


def _check_line(assistant: Assistant, raw: str, profile: str) -> tuple[str, Report]:
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", hint='Each line must be {"id": ..., "text": ...}.') from exc
    if not isinstance(item, dict) or "text" not in item:
        raise InputError('missing "text"', hint='Each line must be {"id": ..., "text": ...}.')
    unknown = set(item) - {"id", "text", "dos", "billed", "profile"}
    if unknown:
        raise InputError(f"unknown key(s) {sorted(unknown)}", hint='Allowed keys: id, text, dos, billed, profile.')
    report = assistant.check_note(item["text"], dos=parse_date(item.get("dos")), billed=parse_billed(item.get("billed")),
                                  profile=parse_profile(item.get("profile", profile)))
    return str(item.get("id", "")), report


def _at_risk(assistant: Assistant, report: Report, billed: Any) -> float:
    try:
        lines = parse_billed(billed) if billed else None
    except InputError:
        lines = None
    return assistant.dollars_at_risk(report, lines)


def run_batch(assistant: Assistant, path: Path, *, profile: str, fmt: str) -> int:
    rows = _lines(path)
    ready = checked = bad = 0
    blocking: Counter[str] = Counter()
    at_risk = 0.0
    progress = None
    if sys.stderr.isatty():
        from rich.progress import Progress

        progress = Progress(transient=True)
        task = progress.add_task("checking notes", total=len(rows))
        progress.start()
    out = sys.stdout
    try:
        for number, raw in enumerate(rows, start=1):
            if progress is not None:
                progress.advance(task)
            if not raw.strip():
                continue
            try:
                note_id, report = _check_line(assistant, raw, profile)
            except InputError as exc:
                bad += 1
                note_id = _peek_id(raw)
                out.write(json.dumps({"id": note_id, "line": number, "error": {"code": exc.code, "message": exc.message, "hint": exc.hint}}) + "\n")
                continue
            checked += 1
            ready += report.summary.ready_to_bill
            for c in report.checks:
                if c.severity == "block" and c.status in ("missing", "problem"):
                    blocking[c.id] += 1
            at_risk += _at_risk(assistant, report, json.loads(raw).get("billed"))
            out.write(json.dumps({"id": note_id, "line": number, "report": json.loads(report.model_dump_json())}) + "\n")
    finally:
        if progress is not None:
            progress.stop()
    summary = {"notes": checked, "bad_lines": bad, "ready_to_bill": ready, "blocking_by_check": dict(blocking.most_common()),
               "dollars_at_risk": round(at_risk, 2)}
    if fmt == "json":
        out.write(json.dumps({"summary": summary}) + "\n")
    sys.stderr.write(
        f"{checked} notes checked, {ready} ready to bill, {bad} bad line(s); ${summary['dollars_at_risk']:.2f} at risk\n"
    )
    for check_id, count in blocking.most_common():
        sys.stderr.write(f"  {check_id}: {count} blocking\n")
    return 2 if bad else 0


def _peek_id(raw: str) -> str:
    try:
        item = json.loads(raw)
        return str(item.get("id", "")) if isinstance(item, dict) else ""
    except json.JSONDecodeError:
        return ""
