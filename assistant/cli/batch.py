"""`assistant check --batch notes.jsonl [--workers N]`: one report per line, then a summary.

Each output line is {"id", "line", "report"} or {"id", "line", "error"}, in input order; a bad
line is reported with its line number and every other line is still checked: nothing a line
holds (bad JSON, a 5,000-digit number, deep nesting, bytes that are not UTF-8) stops the run.
Lines are split on "\\n" only (U+2028 or U+0085 inside a note are text), a byte-order mark
and CRLF endings are accepted, and `--batch -` reads standard input.

The lines are checked on every core by default: a process pool whose workers each build the
`Assistant` once; each report is serialised to JSON once, in the worker. The summary goes to
standard error (and as a final {"summary": ...} line in JSON format). Exit 0 when every line
was checked, 2 if any line was bad input.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from assistant.cli.common import fail
from assistant.errors import InputError
from assistant.parsing import parse_billed, parse_date, parse_profile, shown_name
from assistant.service import WARM_NOTE, Assistant
from assistant.settings import Settings

CHUNK = 32  # lines per task sent to a worker: amortises the inter-process hop
MAX_DUPLICATES_SHOWN = 20  # ids used by several lines, named in the summary (the first ones)
_KEYS = ("id", "text", "dos", "billed", "profile")
_HINT = 'Each line must be {"id": ..., "text": ...}.'


@dataclass
class Outcome:
    """One line's output line (JSON, already encoded) and what it adds to the summary."""

    line: bytes
    ok: bool
    ready: bool = False
    blocking: list[str] = field(default_factory=list)
    at_risk: float = 0.0
    note_id: str = ""


def read_lines(source: Path | str, stdin: BinaryIO | None = None) -> list[bytes]:
    """The raw lines of a JSONL file or of standard input ('-'): split on b"\\n" only, the BOM and
    a trailing "\\r" removed. Decoding is per line, so one bad byte costs one line."""
    if str(source) == "-":
        data = (stdin or sys.stdin.buffer).read()
    else:
        path = Path(source)
        if not path.is_file():
            fail(f"No such file: {path}", "Pass a JSONL file with one note per line, or - for standard input.")
        data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # a file saved as UTF-16 with its byte-order mark (Windows Notepad's "Unicode"): read as the mark says; its
        # lines are then UTF-8 like any other's, so one bad character still costs one line (hostile13 #17)
        data = data.decode("utf-16", errors="surrogatepass").encode("utf-8", errors="surrogatepass")
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    return [ln[:-1] if ln.endswith(b"\r") else ln for ln in lines]


def _note_id(item: Any) -> str:
    value = item.get("id", "") if isinstance(item, dict) else ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    try:
        return str(value)
    except ValueError:  # an integer too long to print
        return ""


def _json(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (undecodable byte at column {exc.start + 1})",
                         hint="Save the JSONL file as UTF-8.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})", hint=_HINT) from None
    except (ValueError, RecursionError):  # numbers past the digit limit, nesting past the stack
        raise InputError("JSON too large to read (a number with too many digits, or too deep nesting)",
                         hint=_HINT) from None


def _validate(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise InputError(f"a line must be a JSON object, not a JSON {type(item).__name__}", hint=_HINT)
    if "id" in item and (isinstance(item["id"], bool) or not isinstance(item["id"], (str, int, float))):
        # an object, a list, true or null cannot be joined back to the note: never reported as id ""
        raise InputError(f'"id" must be a string or a number, not a JSON {_json_type(item["id"])}',
                         hint='Give each line its own id, e.g. "id": "visit-17".')
    if "text" not in item:
        raise InputError('missing "text"', hint=_HINT)
    unknown = sorted(shown_name(k) for k in item if k not in _KEYS)
    if unknown:
        raise InputError(f"unknown key(s) {', '.join(unknown)}", hint=f"Allowed keys: {', '.join(_KEYS)}.")
    return item


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", bool: "boolean", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def check_line(assistant: Assistant, raw: bytes, number: int, profile: str) -> Outcome:
    """One line's outcome; never raises (an unexpected failure is that line's error)."""
    item: Any = None
    try:
        item = _json(raw)  # kept before it is validated, so an error line still carries its id
        item = _validate(item)
        billed = parse_billed(item.get("billed"))
        report = assistant.check_note(item["text"], dos=parse_date(item.get("dos")), billed=billed,
                                      profile=parse_profile(item.get("profile", profile)))
    except InputError as exc:
        error = {"code": exc.code, "message": exc.message, "hint": exc.hint}
        return Outcome(_line(_note_id(item), number, "error", json.dumps(error)), ok=False)
    except Exception as exc:  # a bug must cost one line, not the run; the message may quote input
        error = {"code": "internal_error", "message": f"unexpected {type(exc).__name__}", "hint": None}
        return Outcome(_line(_note_id(item), number, "error", json.dumps(error)), ok=False)
    blocking = [c.id for c in report.checks if c.severity == "block" and c.status in ("missing", "problem")]
    # the serializer's own bytes, written as they are (`model_dump_json()` would decode them to be encoded again)
    return Outcome(_line(_note_id(item), number, "report", report.__pydantic_serializer__.to_json(report)), ok=True,
                   ready=report.summary.ready_to_bill, blocking=blocking,
                   at_risk=assistant.dollars_at_risk(report, billed), note_id=_note_id(item))


def _line(note_id: str, number: int, key: str, body: str | bytes) -> bytes:
    head = f'{{"id": {json.dumps(note_id)}, "line": {number}, "{key}": '.encode()
    return b"".join((head, body if isinstance(body, bytes) else body.encode(), b"}\n"))


# --- worker processes ------------------------------------------------------------------------
_worker: Assistant | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Assistant(settings)


@dataclass
class Checked:
    """Consecutive lines' outcomes: their output, joined, and what they add to the summary. A worker
    sends one per chunk, so the parent unpickles and writes a few large objects, not one per line."""

    data: bytes
    lines: int
    ok: int
    ready: int
    blocking: Counter[str]
    at_risk: list[float]  # per line, summed by the parent in input order (the same float as one by one)
    ids: list[tuple[str, int]] = field(default_factory=list)  # (id, line number) of the lines checked with an id


def check_chunk(assistant: Assistant, chunk: list[tuple[int, bytes]], profile: str) -> Checked:
    results = [check_line(assistant, raw, number, profile) for number, raw in chunk]
    blocking: Counter[str] = Counter()
    for outcome in results:
        blocking.update(outcome.blocking)
    return Checked(b"".join(o.line for o in results), len(results), sum(o.ok for o in results),
                   sum(o.ready for o in results), blocking, [o.at_risk for o in results],
                   [(o.note_id, number) for o, (number, _) in zip(results, chunk, strict=True) if o.note_id])


def _check_chunk(chunk: list[tuple[int, bytes]], profile: str) -> Checked:
    assert _worker is not None, "the pool initializer builds the worker's assistant"
    return check_chunk(_worker, chunk, profile)


def _chunks(rows: list[bytes]) -> Iterator[list[tuple[int, bytes]]]:
    numbered = [(n, raw) for n, raw in enumerate(rows, start=1) if raw.strip()]
    for start in range(0, len(numbered), CHUNK):
        yield numbered[start:start + CHUNK]


def outcomes(assistant: Assistant, rows: list[bytes], *, profile: str,
             pool: ProcessPoolExecutor | None) -> Iterator[Checked]:
    """Every non-blank line's outcome, chunk by chunk in input order: in `pool` when given, else here."""
    if pool is None:
        return (check_chunk(assistant, chunk, profile) for chunk in _chunks(rows))
    chunks = list(_chunks(rows))
    # Executor.map submits every chunk now, so the workers start before any other thread does.
    return pool.map(_check_chunk, chunks, [profile] * len(chunks))


def make_pool(assistant: Assistant, workers: int, lines: int) -> ProcessPoolExecutor | None:
    """A pool of `workers` processes (None when one process will do). Where processes fork, this
    process's assistant is warmed once and frozen out of the collector's reach first: every worker
    starts with the loaded knowledge, compiled patterns and pipeline, shared copy-on-write, and
    checks from its first line on (`release_pool` undoes the freeze). Elsewhere each worker builds its own."""
    global _worker
    if workers <= 1 or lines <= CHUNK:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(assistant.settings,))
    assistant.check_note(WARM_NOTE)
    gc.collect()
    gc.freeze()  # a collection in a worker would otherwise touch, and so copy, every shared page
    _worker = assistant
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def release_pool(pool: ProcessPoolExecutor | None) -> None:
    global _worker
    if pool is not None:
        pool.shutdown(cancel_futures=True)
        if _worker is not None:
            _worker = None
            gc.unfreeze()


def run_batch(assistant: Assistant, source: Path | str, *, profile: str, fmt: str, workers: int | None = None) -> int:
    rows = read_lines(source)
    pool = make_pool(assistant, workers or os.cpu_count() or 1, len(rows))
    try:
        results = outcomes(assistant, rows, profile=profile, pool=pool)
        summary = _write(results, _stdout(), total=len(rows))
    finally:
        release_pool(pool)
    if fmt == "json":
        _stdout().write(json.dumps({"summary": summary}).encode() + b"\n")
    sys.stdout.flush()
    sys.stderr.write(f"{summary['notes']} notes checked, {summary['ready_to_bill']} ready to bill, "
                     f"{summary['bad_lines']} bad line(s); ${summary['dollars_at_risk']:.2f} at risk\n")
    for check_id, count in summary["blocking_by_check"].items():
        sys.stderr.write(f"  {check_id}: {count} blocking\n")
    for note_id, lines in summary["duplicate_ids"].items():
        sys.stderr.write(f"warning: id {json.dumps(note_id)[:60]} is used by lines {', '.join(map(str, lines))}: "
                         "their reports share the id (join by line number, or give each note its own id)\n")
    return 2 if summary["bad_lines"] else 0


def _stdout() -> BinaryIO:
    return cast(BinaryIO, getattr(sys.stdout, "buffer", sys.stdout))  # bytes out: UTF-8 whatever the locale


def _write(results: Iterable[Checked], out: BinaryIO, *, total: int) -> dict[str, Any]:
    checked = bad = ready = 0
    blocking: Counter[str] = Counter()
    at_risk = 0.0
    lines_of: dict[str, list[int]] = {}
    progress = None
    if sys.stderr.isatty():
        from rich.progress import Progress

        progress = Progress(transient=True)
        task = progress.add_task("checking notes", total=total)
        progress.start()
    try:
        for chunk in results:
            out.write(chunk.data)
            checked, bad = checked + chunk.ok, bad + chunk.lines - chunk.ok
            ready += chunk.ready
            blocking.update(chunk.blocking)
            for amount in chunk.at_risk:
                at_risk += amount
            for note_id, number in chunk.ids:
                lines_of.setdefault(note_id, []).append(number)
            if progress is not None:
                progress.advance(task, chunk.lines)
    finally:
        if progress is not None:
            progress.stop()
    duplicates = {k: v for k, v in lines_of.items() if len(v) > 1}
    return {"notes": checked, "bad_lines": bad, "ready_to_bill": ready,
            "blocking_by_check": dict(blocking.most_common()), "dollars_at_risk": round(at_risk, 2),
            "duplicate_ids": dict(list(duplicates.items())[:MAX_DUPLICATES_SHOWN])}
