"""`assistant check`: one note, or a day's notes as JSONL with --batch."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from assistant.cli.common import fail, json_errors, read_input
from assistant.errors import InputError
from assistant.models import Report
from assistant.parsing import parse_billed, parse_date, parse_profile
from assistant.settings import Settings

STATUS_ORDER = ("problem", "missing", "unclear", "met", "not_applicable")
STATUS_STYLE = {
    "problem": "bold red",
    "missing": "yellow",
    "unclear": "magenta",
    "met": "green",
    "not_applicable": "dim",
}
STATUS_LABEL = {"problem": "PROBLEM", "missing": "MISSING", "unclear": "UNCLEAR", "met": "MET", "not_applicable": "N/A"}


def register(app: typer.Typer) -> None:
    app.command("check")(check)


def check(
    note: Annotated[str | None, typer.Argument(help="Note file, or - for standard input.")] = None,
    dos: Annotated[str | None, typer.Option(help="Date of service, YYYY-MM-DD (default: the note's own date).")] = None,
    billed: Annotated[str | None, typer.Option(help="Billed lines, e.g. 97550x1,97551x2:GP.")] = None,
    profile: Annotated[str, typer.Option(help="Payer profile: medicare or strict.")] = "medicare",
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    batch: Annotated[str | None, typer.Option(
        help='JSONL file (or - for standard input): one {"id", "text", "dos"?, "billed"?, "profile"?} '
             'per line.')] = None,
    workers: Annotated[int | None, typer.Option(min=1, max=256,
                                                help="Processes for --batch (default: one per core).")] = None,
) -> None:
    """Check a caregiver-training note against every required element."""
    from assistant.service import Assistant

    json_errors(fmt)
    if fmt not in ("text", "json"):
        fail(f"Unknown format {fmt!r}.", "Use --format text or --format json.")
    assistant = Assistant(Settings())
    if batch is not None:
        from assistant.cli.batch import run_batch

        given = [name for name, value in (("a note file", note), ("--dos", dos), ("--billed", billed)) if value]
        if given:  # each line of the batch carries its own; silently ignoring these would lose a note
            fail(f"--batch checks the lines of its file; {', '.join(given)} cannot be given with it.",
                 'Put each note on its own line: {"id": ..., "text": ..., "dos": ..., "billed": ...}.')

        raise typer.Exit(run_batch(assistant, batch, profile=profile, fmt=fmt, workers=workers))
    if note is None:
        fail("No note given.", "Pass a file path, or - to read the note from standard input.")
    try:
        report = assistant.check_note(
            read_input(note), dos=parse_date(dos), billed=parse_billed(billed), profile=parse_profile(profile)
        )
    except InputError as exc:
        fail(exc.message, exc.hint)
    if fmt == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        print_report(report)


SEVERITY_LABEL = {"block": "blocking", "warn": "warning", "info": "information"}


def print_report(report: Report) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(highlight=False, soft_wrap=True)
    for status in STATUS_ORDER:
        group = [c for c in report.checks if c.status == status]
        if not group:
            continue
        console.print(f"\n[{STATUS_STYLE[status]}]{STATUS_LABEL[status]} ({len(group)})[/]")
        for c in group:
            sev = "" if status in ("met", "not_applicable") else f" [{SEVERITY_LABEL[c.severity]}]"
            console.print(f"  [{STATUS_STYLE[status]}]{c.id}[/]{escape(sev)}: {escape(c.message)}")
            for e in c.evidence[:3] if status != "not_applicable" else []:
                console.print(f'      "{escape(e.quote)}" [dim](chars {e.start}-{e.end})[/]')
            if c.fix and status in ("problem", "missing", "unclear"):
                console.print(f"      [bold]Add/fix:[/] {escape(c.fix)}")
    if report.meta.decoded_from:
        console.print(f"\n[yellow]The note file is not UTF-8; it was read as {report.meta.decoded_from} text.[/]")
    _print_ignored(console, report)
    _print_added_later(console, report)
    _print_billing(console, report)


def _print_ignored(console: Any, report: Report) -> None:
    from rich.markup import escape

    if not report.meta.ignored:
        return
    console.print(f"\n[magenta]NOT USED AS EVIDENCE ({len(report.meta.ignored)})[/]")
    for item in report.meta.ignored:
        label = escape(f"[{SEVERITY_LABEL[item.severity]}]")
        console.print(f"  {item.kind} {label}: {escape(item.message)}")
        console.print(f'      "{escape(item.quote[:160])}" [dim](chars {item.start}-{item.end})[/]')


def _print_added_later(console: Any, report: Report) -> None:
    """Elements only a later-dated late entry documents: information the biller sees; the statuses stay."""
    from rich.markup import escape

    for item in report.meta.added_later:
        label = escape(f"[{SEVERITY_LABEL[item.severity]}]")
        console.print(f"\n[cyan]ADDED BY A LATE ENTRY {label}[/]: {escape(item.message)}")
        console.print(f'      "{escape(item.quote)}" [dim](chars {item.start}-{item.end})[/]')


def _line_text(line: Any) -> str:
    return f"{line.code} x{line.units}{(' ' + '-'.join(line.modifiers)) if line.modifiers else ''}"


def _print_other_lines(console: Any, report: Report) -> None:
    """Same-day services are kept as billed (they only feed distinct_time); unknown codes are named."""
    b = report.billing
    if b.same_day:
        console.print(f"  other services, not checked: {', '.join(_line_text(line) for line in b.same_day)}")
    if b.unknown_codes:
        console.print(f"  [yellow]not in the knowledge base (check the code):[/] {', '.join(b.unknown_codes)}")


def _print_billing(console: Any, report: Report) -> None:
    from rich.markup import escape

    t = report.time
    console.print("\n[bold]Time[/]")
    console.print(f"  {t.basis or 'no caregiver-training minutes documented'}")
    b = report.billing
    lines = ", ".join(_line_text(line) for line in b.lines)
    # conventions keep the lines under a blocking date, consent or caregiver problem: they are not billable as it stands
    held = " once the blocking problems are fixed" if lines and report.summary.blocking else ""
    console.print(f"[bold]Supported by the documentation{held}[/] ({b.rule} rule): {lines or 'no CTS units'}")
    for d in b.dropped_modifiers:
        console.print(f"  [yellow]{escape(d.modifier)} left off {', '.join(d.codes)}:[/] {escape(d.reason)}")
    _print_other_lines(console, report)
    s = report.summary
    # a payment is only shown for a note that can be billed as it stands
    if b.payment and s.ready_to_bill:
        p = b.payment
        console.print(f"  expected Medicare allowed amount ${p.total:.2f} (CF ${p.conversion_factor}, {p.note})")
        console.print(f"  of which Medicare pays ${p.medicare_share:.2f} (80% less ${p.sequestration:.2f} "
                      f"sequestration); patient coinsurance ${p.patient_coinsurance:.2f}")
    if report.meta.patients_named > 1:
        console.print(f"  [red]The note names {report.meta.patients_named} patients:[/] check one patient's note at a "
                      "time (two notes pasted together are read as one session)")
    verdict = "[green]READY TO BILL[/]" if s.ready_to_bill else "[red]NOT READY TO BILL[/]"
    console.print(f"\n{verdict}: {s.blocking} blocking, {s.warnings} warnings, {s.unclear} unclear")
    for c in report.meta.conflicts:
        console.print(f"  [dim]Note: '{c.claim}' ({c.claimed_by}) is not followed: {c.followed}[/]")
