"""Shared CLI helpers: reading NOTE|- and failing with exit code 2 and a clear message."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer

from assistant.errors import AssistantError, withheld

MAX_READ = 50_000_000  # read at most this much; the note-size limit itself is enforced by the check

# what a terminal would act on rather than show: C0 controls but tab and newline (ESC opens a terminal sequence) and
# the bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069), which reorder the rest of the line
# as displayed (hostile14 #16: a U+202E in a patient's name from an 835 was printed as is)
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """`text` as printed: without controls a terminal would act on."""
    return _UNSHOWN.sub("", text)


def error_line(exc: AssistantError) -> str:
    """An error as the CLI prints it: the message with its quoted values withheld, then our own hint."""
    return f"error: {withheld(exc.message)}" + (f" ({exc.hint})" if exc.hint else "")


class _Errors:
    #: set by a command run with `--format json` (reset by the root callback for every command): its errors are
    #: also written to standard output as one JSON object, so a script reading JSON gets JSON (hostile17 #22)
    as_json = False


def json_errors(fmt: str) -> None:
    _Errors.as_json = fmt == "json"


def _json_error(message: str, hint: str | None, code: str) -> None:
    if _Errors.as_json:
        body = {"error": {"code": code, "detail": withheld(message), "hint": hint}}
        sys.stdout.write(json.dumps(body) + "\n")


def report(exc: AssistantError) -> None:
    """Print a library error: its line on standard error (and the JSON object when JSON output was asked for)."""
    typer.echo(shown(error_line(exc)), err=True)
    _json_error(exc.message, exc.hint, exc.code)


def echo(text: str, err: bool = False) -> None:
    """Print a line of text output, without controls (JSON output is data and is printed as is)."""
    typer.echo(shown(text), err=err)


def fail(message: str, hint: str | None = None, *, code: int = 2) -> NoReturn:
    # the value the message quotes is withheld, as the API does (hostile14 #17); the hint is our own words
    sys.stderr.write(shown(f"error: {withheld(message)}\n"))
    if hint:
        sys.stderr.write(f"  hint: {hint}\n")
    _json_error(message, hint, "invalid_input" if code == 2 else "failed")
    raise typer.Exit(code)


def settings(embedder: str | None = None) -> Any:
    """The settings of a command (the environment, `--embedder` over it); a bad value is a one-line error."""
    from pydantic import ValidationError

    from assistant.parsing import invalid_fields
    from assistant.settings import Settings

    try:
        built = Settings(embedder=embedder) if embedder else Settings()
    except ValidationError as exc:
        fail(f"invalid setting: {invalid_fields(exc, names={'embedder': '--embedder'})}",
             "an option overrides its ASSISTANT_* environment variable; see the command's --help")
    problem = built.embedder_problem()
    if problem:
        fail(problem, "set ASSISTANT_LLM_BASE_URL (or OPENAI_BASE_URL), or choose --embedder model2vec, minilm or hash")
    return built


def read_input(source: str) -> bytes:
    """The raw bytes of a note file or of standard input ('-'); decoding is the check's job."""
    if source == "-":
        return sys.stdin.buffer.read(MAX_READ)
    path = Path(source)
    if not path.exists():
        fail(f"No such file: {source}", "Pass the path of a note file, or - to read standard input.")
    if path.is_dir():
        fail(f"{source} is a folder, not a note file.", "Use --batch FILE.jsonl to check many notes.")
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_READ)
    except OSError as exc:
        fail(f"Cannot read {source}: {exc.strerror}.")


# A cell a spreadsheet would read as a formula (OWASP "CSV injection"): payer and patient names in an 835 come from
# outside the practice, and "=HYPERLINK(...)" or "@SUM(...)" must stay text when a biller opens the export.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A text value a spreadsheet would evaluate, prefixed with ' so it is shown as text; numbers (a negative
    days-left too) and every other value unchanged. Every CSV/TSV the CLI writes passes its cells through here."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def write_output(path: Path, data: bytes | str) -> None:
    """Write a letter or report; an unwritable path is a one-line error, not a traceback."""
    try:
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {path}: {exc.strerror or exc}.", "Choose a folder you can write to.")


def write_letter(result: Any, out: Path, done: str) -> None:
    """The appeal letter as DOCX at `out`; a result without a letter (corrected claim, no appeal, a letter the
    grounding gate withheld) writes the recommendation, why and what to do there instead, and says so."""
    from assistant.drafting.docx import appeal_docx

    write_output(out, appeal_docx(result))
    if result.letter is not None:
        typer.echo(f"{done}; letter written to {out}")
    else:
        typer.echo(f"{done}; no letter to send: the recommendation, why and what to do written to {out}")
