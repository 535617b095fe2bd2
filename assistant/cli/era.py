"""`assistant era import FILE...`: 835 remittances into the denial worklist.

A progress bar on standard error, a summary per file and in total on standard output. A file
that cannot be read is reported (with the segment position) and the others are still imported;
the exit code is then 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from assistant.errors import AssistantError, InputError

era_app = typer.Typer(no_args_is_help=True, add_completion=False, help="Electronic remittance advice (835) files.")
COUNTS = (
    "payments",
    "claims",
    "cts_denials",
    "other_denials",
    "items_created",
    "items_updated",
    "items_closed",
    "reversals",
)


def _count(n: object, noun: str) -> str:
    """'1 claim', '2 claims': the import line reads as a sentence whatever the counts."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _line(name: str, summary: dict[str, object]) -> str:
    if summary.get("already_imported"):
        return f"{name}: already imported (file {summary['file_id']}); nothing changed"
    other = summary["other_denials"]
    others = "other code's denial" if other == 1 else "other codes' denials"
    return (
        f"{name}: {_count(summary['claims'], 'claim')} in {_count(summary['payments'], 'payment')}; "
        f"{_count(summary['cts_denials'], 'caregiver-training denial')} "
        f"({_count(summary['items_created'], 'new item')}, "
        f"{summary['items_updated']} carried over, {summary['items_closed']} closed); "
        f"{other} {others} counted; "
        f"{_count(summary['reversals'], 'reversal')}"
    )


@era_app.command("import")
def import_files(
    files: Annotated[list[Path], typer.Argument(help="835 files (ASC X12 005010X221A1).")],
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Import 835 files: every denied or underpaid caregiver-training line becomes a worklist item."""
    from rich.console import Console
    from rich.progress import Progress

    from assistant.service import Assistant

    if fmt not in ("text", "json"):
        typer.echo("error: --format must be text or json", err=True)
        raise typer.Exit(2)
    assistant = Assistant()
    results: list[dict[str, object]] = []
    failed = 0
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("importing", total=len(files))
        for path in files:
            progress.update(task, description=f"importing {path.name}")
            try:
                data = path.read_bytes()
                summary = assistant.import_era(data, filename=path.name).model_dump(mode="json")
                results.append({"file": str(path), **summary})
            except OSError as exc:
                failed += 1
                results.append({"file": str(path), "error": f"cannot read the file: {exc.strerror}"})
            except AssistantError as exc:
                failed += 1
                results.append({"file": str(path), "error": str(exc)})
                if not isinstance(exc, InputError):
                    break
            progress.advance(task)
    _report(results, fmt)
    if failed:
        raise typer.Exit(2)


def _report(results: list[dict[str, object]], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps({"files": results, "total": _total(results)}, indent=2))
        return
    for r in results:
        if "error" in r:
            typer.echo(f"error: {r['file']}: {r['error']}", err=True)
            continue
        typer.echo(_line(str(r["file"]), r))
        for p in r.get("problems") or []:  # type: ignore[attr-defined]
            typer.echo(f"  problem: {p['message']}")
    total = _total(results)
    if len(results) > 1:
        typer.echo("total: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in total.items()))


def _total(results: list[dict[str, object]]) -> dict[str, int]:
    ok = [r for r in results if "error" not in r and not r.get("already_imported")]
    return {k: sum(int(r.get(k, 0)) for r in ok) for k in COUNTS}  # type: ignore[call-overload]


def register(app: typer.Typer) -> None:
    app.add_typer(era_app, name="era")
