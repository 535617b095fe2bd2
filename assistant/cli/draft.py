"""`assistant rewrite` and `assistant appeal`: thin commands over the drafting use cases.

Exit 0 when the command ran (whatever it recommends), 2 with a message on bad input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.cli.common import json_errors, report, write_letter, write_output
from assistant.errors import InputError
from assistant.parsing import parse_date

FORMATS_REWRITE = ("text", "json")
FORMATS_APPEAL = ("text", "json", "docx")


def _read_note(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the note file {path!r}: {exc.strerror}") from None


#: A pasted denial read from a file is at most this long (an excerpt; a whole 835 goes to `assistant era import`).
MAX_DENIAL_CHARS = 100_000


def _read_denial(denial: str | None, path: str | None) -> str | None:
    """The denial as typed (--denial) or as pasted into a file (--denial-file, - for standard input)."""
    if path is None:
        return denial
    if denial is not None:
        raise InputError("give the denial once: --denial CODES or --denial-file FILE")
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the denial file {path!r}: {exc.strerror}") from None
    text = data.decode("utf-8-sig", errors="replace")
    if len(text) > MAX_DENIAL_CHARS:
        raise InputError(f"the denial file is over {MAX_DENIAL_CHARS:,} characters",
                         hint="paste the denied claim's segments or lines; import whole 835 files with `assistant era`")
    return text


def _read_claim(path: str | None) -> dict[str, Any] | None:
    if path is None:
        return None
    from assistant.errors import ClaimError

    try:  # bytes: json detects UTF-8 (with or without a BOM), UTF-16 and UTF-32
        data = json.loads(Path(path).read_bytes())
    except OSError as exc:
        raise ClaimError(f"cannot read the claim file {path!r}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise ClaimError(
            f"the claim file is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
            hint="a file cut short, or a missing comma or bracket; `assistant appeal --claim-template` shows one",
        ) from None
    except UnicodeDecodeError as exc:
        raise ClaimError(
            f"the claim file is not UTF-8 text (byte {exc.start + 1})", hint="save it as UTF-8 JSON"
        ) from None
    except ValueError:  # after its subclasses above: Python refuses to read an integer of over 4,300 digits
        raise ClaimError("the claim file holds a number with too many digits to be a claim's",
                         hint="units are 1 to 99 and amounts are dollars; see `assistant appeal --claim-template`",
                         ) from None
    except RecursionError:
        raise ClaimError("the claim file nests arrays or objects too deeply to be a claim",
                         hint="a claim is one object with a list of lines; see `assistant appeal --claim-template`",
                         ) from None
    if not isinstance(data, dict):
        raise ClaimError("the claim file must hold a JSON object")
    return data


def _fail(exc: InputError) -> None:
    report(exc)
    raise typer.Exit(code=2)


def _check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    json_errors(fmt)
    if fmt not in allowed:
        raise InputError(f"unknown format {fmt!r}", hint=f"use one of: {', '.join(allowed)}")


NAME_HELP = "A known name (patient, caregiver, clinician), scrubbed before text goes to a remote model; repeatable."


def rewrite(
    note: Annotated[str, typer.Argument(help="Note file, or - for standard input.")],
    dos: Annotated[str | None, typer.Option(help="Date of service (YYYY-MM-DD); the note's date when omitted.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    name: Annotated[list[str] | None, typer.Option("--name", help=NAME_HELP)] = None,
) -> None:
    """Restructure a CTS note for payers without adding any fact; gaps become placeholders."""
    from assistant.drafting.render import render_rewrite_result
    from assistant.service import Assistant

    try:
        _check_format(fmt, FORMATS_REWRITE)
        result = Assistant().rewrite_note(_read_note(note), dos=parse_date(dos), known_names=name or ())
    except InputError as exc:
        _fail(exc)
        return
    typer.echo(result.model_dump_json(indent=2) if fmt == "json" else render_rewrite_result(result))


def appeal(
    denial: Annotated[str | None, typer.Option(
        "--denial", help='CARC/RARC codes, e.g. "CO-50 N115", or the denial as pasted (835 segments, EOB lines, a '
        "decision letter).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Note file, or - for standard input.")] = None,
    claim: Annotated[
        str | None, typer.Option("--claim", help="Claim JSON file (docs/claims.md; FHIR R4 Claim/EOB accepted).")
    ] = None,
    denial_text: Annotated[str | None, typer.Option("--denial-text", help="The payer's own words.")] = None,
    denial_file: Annotated[str | None, typer.Option(
        "--denial-file", help="The denial as pasted (835 segments, EOB lines, a decision letter), or - for standard "
        "input; instead of --denial.")] = None,
    dos: Annotated[str | None, typer.Option(help="Date of service (YYYY-MM-DD).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text, json or docx")] = "text",
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file (required for docx).")] = None,
    claim_template: Annotated[
        bool, typer.Option("--claim-template", help="Print an example claim file and exit.")
    ] = False,
    name: Annotated[list[str] | None, typer.Option("--name", help=NAME_HELP)] = None,
) -> None:
    """Recommend appeal / corrected claim / no appeal for a denied CTS line; draft a grounded letter."""
    from assistant.drafting.render import render_appeal
    from assistant.service import Assistant

    if claim_template:
        typer.echo(json.dumps(Assistant.claim_template(), indent=2))
        return
    try:
        _check_format(fmt, FORMATS_APPEAL)
        json_errors(fmt if out is None else "text")  # the result goes to the file: standard output stays empty
        denial = _read_denial(denial, denial_file)
        if note is None or (denial is None and claim is None):  # a claim may name the codes (its denial_codes)
            raise InputError(
                "appeal needs --denial CODES (or --denial-file, or a --claim file whose denial_codes name them) "
                "and --note FILE",
                hint="or --claim-template for a claim example",
            )
        if fmt == "docx" and out is None:
            raise InputError("--format docx needs --out FILE.docx")
        result = Assistant().draft_appeal(
            denial or "", _read_note(note), claim=_read_claim(claim), denial_text=denial_text, dos=parse_date(dos),
            known_names=name or (),
        )
    except InputError as exc:
        _fail(exc)
        return
    if fmt == "docx":
        assert out is not None
        write_letter(result, out, result.recommendation)
        return
    text = result.model_dump_json(indent=2) if fmt == "json" else render_appeal(result)
    if out is not None:
        write_output(out, text)
    else:
        typer.echo(text)


def register(app: typer.Typer) -> None:
    app.command("rewrite")(rewrite)
    app.command("appeal")(appeal)
