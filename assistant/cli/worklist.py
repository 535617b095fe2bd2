"""`assistant worklist`: the denial queue of the practice (ASSISTANT_PRACTICE, `default` unless set).

assistant worklist [--due 14d] [--status new] [--payer NAME] [--sort due|recovery] [--format text|json|csv]
assistant worklist show ID
assistant worklist draft ID --note NOTE [--out letter.docx]      (several IDs: bulk, with their attached notes)
assistant worklist set ID --status submitted [--reason TEXT] [--recovered 120] [--assignee NAME]
assistant worklist stats
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from assistant.cli.common import echo, fail, json_errors, report, spreadsheet_cell, write_letter
from assistant.errors import AssistantError, InputError, InvalidDateError
from assistant.parsing import CLAIM_DATE_FORMS, parse_claim_date

worklist_app = typer.Typer(add_completion=False, help="The denial worklist: list, show, draft, set, stats.")
T = TypeVar("T")
CSV_FIELDS = (
    "id",
    "status",
    "due_date",
    "days_left",
    "overdue",
    "payer",
    "payer_type",
    "claim_number",
    "patient_control_number",
    "service_date",
    "procedure",
    "denial",
    "denied",
    "expected_recovery",
    "pattern_id",
    "action",
    "route",
    "level",
    "assignee",
    "attention",
)


def _run(call: Callable[[], T]) -> T:
    """Call the library; bad input → exit 2 with the message, other failures → exit 1."""
    try:
        return call()
    except InputError as exc:
        report(exc)
        raise typer.Exit(2) from None
    except AssistantError as exc:
        report(exc)
        raise typer.Exit(1) from None


def _assistant() -> Any:
    from assistant.service import Assistant

    return Assistant()


REVERSED = "/rev: the payer reversed the claim and a correction is expected; file nothing on it until it comes"

ATTENTION = "!: the payer changed a decided line or denied a service again under a new claim; see worklist show ID"


def _row(item: Any) -> str:
    due = item.due_date.isoformat() if item.due_date else "-"
    left = "OVERDUE" if item.overdue else (f"{item.days_left}d" if item.days_left is not None else "-")
    mods = f":{'/'.join(item.modifiers)}" if item.modifiers else ""
    status = f"{item.status}/rev" if item.reversed else item.status  # the payer pulled the claim: file nothing
    status += "!" if item.attention else ""  # look again: see `worklist show`
    return (
        f"{item.id:>6}  {due:<10} {left:>7}  {status:<13} {item.payer[:28]:<28} {item.claim_number[:16]:<16} "
        f"{item.service_date or '-'!s:<10} {item.procedure + mods:<11} {item.denial[:22]:<22} "
        f"{item.denied:>9.2f} {item.expected_recovery:>9.2f}  {item.action}/{item.route or '-'}"
    )


def _print_page(page: Any, fmt: str) -> None:
    if fmt == "json":
        typer.echo(page.model_dump_json(indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for item in page.items:
            writer.writerow({k: spreadsheet_cell(v) for k, v in item.model_dump(mode="json").items()})
        sys.stdout.write(buf.getvalue())
    else:
        echo(
            f"{'ID':>6}  {'DUE':<10} {'LEFT':>7}  {'STATUS':<13} {'PAYER':<28} {'CLAIM':<16} {'DOS':<10} "
            f"{'CODE':<11} {'DENIAL':<22} {'DENIED':>9} {'EXPECTED':>9}  ACTION/ROUTE"
        )
        for item in page.items:
            echo(_row(item))
        if any(item.reversed for item in page.items):
            echo(REVERSED)
        if any(item.attention for item in page.items):
            echo(ATTENTION)
        if page.undated_left_out:
            echo(f"{page.undated_left_out} more open item(s) have no deadline yet and are not in this due "
                       "window: enter the payer's deadline (worklist set ID --payer-deadline YYYY-MM-DD)")
        echo(
            f"{len(page.items)} of {page.total} items (page {page.page}, sorted by {page.sort}); "
            f"{page.other_code_denials} other codes' denials counted in all imported files, not listed"
        )


@worklist_app.callback(invoke_without_command=True)
def worklist(
    ctx: typer.Context,
    due: Annotated[str | None, typer.Option(help="Due within this window, overdue included: 14d, 2w.")] = None,
    status: Annotated[list[str] | None, typer.Option(help="Status (repeatable); open items when omitted.")] = None,
    payer: Annotated[str | None, typer.Option(help="Payer name (part of it) or payer id.")] = None,
    assignee: Annotated[str | None, typer.Option(help="Assignee (part of the name, any case).")] = None,
    sort: Annotated[str, typer.Option(help="due (default) or recovery (denied amount x overturn rate).")] = "due",
    page: Annotated[
        int | None, typer.Option(min=1, help="Page (default 1; csv without --page exports every item).")
    ] = None,
    per_page: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    fmt: Annotated[str, typer.Option("--format", help="text, json or csv")] = "text",
) -> None:
    """List the worklist (open items, soonest due first)."""
    if ctx.invoked_subcommand is not None:
        return
    json_errors(fmt)
    if fmt not in ("text", "json", "csv"):
        fail(f"unknown --format {fmt[:20]!r}", "use one of: text, json, csv")
    statuses = [s for value in status or [] for s in value.split(",") if s]
    assistant = _assistant()

    def fetch(number: int, size: int) -> Any:
        return _run(lambda: assistant.worklist(due=due, status=statuses or None, payer=payer, assignee=assignee,
                                               sort=sort, page=number, per_page=size))

    if fmt == "csv" and page is None:  # an export holds every item, not the first page (hostile17 #15)
        _print_page(_every_page(fetch), fmt)
        return
    result = fetch(page or 1, per_page)
    if fmt == "csv" and len(result.items) < result.total:
        echo(f"page {result.page}: {len(result.items)} of {result.total} items; omit --page to export every item",
             err=True)
    _print_page(result, fmt)


def _every_page(fetch: Callable[[int, int], Any]) -> Any:
    """All matching items as one page, read 1,000 at a time."""
    first = fetch(1, 1000)
    items, number = list(first.items), 1
    while len(items) < first.total:
        number += 1
        more = fetch(number, 1000).items
        if not more:  # the queue shrank while it was read
            break
        items += more
    return first.model_copy(update={"items": items})


def _print_detail(item: Any, fmt: str) -> None:
    if fmt == "json":
        typer.echo(item.model_dump_json(indent=2))
        return
    echo(_row(item))
    if item.reversed:
        echo(f"  {REVERSED}")
    if item.attention:
        echo(f"  ! {item.attention}")
    echo(
        f"  patient {item.patient} ({item.member_id}); claim {item.claim_number} / {item.patient_control_number}; "
        f"{item.payer} ({item.payer_type})"
    )
    for code in item.codes:
        amount = f" ${code.amount:.2f}" if code.amount is not None else ""
        label = f"{code.group}-{code.code}" if code.group else code.code
        echo(f"  {label}{amount}: {code.meaning or '(not in the knowledge base)'}")
    echo(f"  deadline: {item.deadline_title or '-'}: {item.deadline_basis}")
    echo(
        f"  pattern {item.pattern_id or '-'}; overturn rate used {item.overturn_rate:.0%}; "
        f"note {'attached' if item.note_attached else 'not attached'}"
        + (f"; draft: {item.draft.recommendation}" if item.draft else "")
    )
    for event in item.history:
        echo(f"  {event.at:%Y-%m-%d %H:%M} {event.actor}: {history_words(event)}".rstrip())


def history_words(event: Any) -> str:
    """What happened, the action named once: a detail that already opens with it ("note attached (598 characters)",
    "assigned to dana") is said alone; a status change as "from -> to" after the action."""
    if not event.to_status and event.detail.startswith(f"{event.action} "):
        return str(event.detail)
    change = f" {event.from_status or '-'} -> {event.to_status}" if event.to_status else ""
    return f"{event.action}{change} {event.detail}"


@worklist_app.command("show")
def show(item_id: int, fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text") -> None:
    """One item: codes with meanings, amounts, deadline, note and draft state, full history."""
    json_errors(fmt)
    _print_detail(_run(lambda: _assistant().worklist_item(item_id)), fmt)


def _read(path: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        echo(f"error: cannot read {path}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None


@worklist_app.command("draft")
def draft(
    item_ids: Annotated[list[int], typer.Argument(help="Item id(s); several ids draft each with its attached note.")],
    note: Annotated[str | None, typer.Option("--note", help="Note file (or -) to attach to a single item.")] = None,
    denial_text: Annotated[str | None, typer.Option("--denial-text", help="The payer's own words.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write the letter as DOCX (single item).")] = None,
) -> None:
    """Draft the appeal (or corrected-claim advice) with the same drafting as `assistant appeal`."""
    from assistant.drafting.render import render_appeal

    assistant = _assistant()
    if len(item_ids) > 1:
        if note or out:
            echo("error: --note and --out take a single item id", err=True)
            raise typer.Exit(2)
        results = _run(lambda: assistant.draft_worklist_items(item_ids))
        for r in results:
            echo(f"{r.id}: " + (f"drafted ({r.recommendation})" if r.drafted else f"not drafted: {r.message}"))
        if not any(r.drafted for r in results):  # a script must see that nothing was drafted (hostile17 #22)
            echo(f"error: none of the {len(results)} items was drafted", err=True)
            raise typer.Exit(1)
        return
    text = _read(note) if note else None
    shown = _run(lambda: assistant.worklist_item(item_ids[0])) if text is None else None
    if shown is not None and not shown.note_attached and shown.action != "no_appeal":  # else: nothing to file
        fail(f"item {item_ids[0]} has no note attached",
             f"pass the note for its date of service: assistant worklist draft {item_ids[0]} --note FILE")
    detail, result = _run(lambda: assistant.draft_worklist_item(item_ids[0], note=text, denial_text=denial_text))
    if out is not None:
        write_letter(result, out, f"item {detail.id}: {result.recommendation}")
        return
    echo(render_appeal(result))


@worklist_app.command("set")
def set_item(
    item_id: int,
    status: Annotated[
        str | None, typer.Option(help="drafted, submitted, won, partially_won, lost, corrected, written_off, new")
    ] = None,
    reason: Annotated[str | None, typer.Option(help="Why (required for corrected and written_off).")] = None,
    assignee: Annotated[str | None, typer.Option(help="Who works the item.")] = None,
    recovered: Annotated[
        float | None, typer.Option(help="Amount recovered (won / partially_won), at most the denied amount.")
    ] = None,
    decided_on: Annotated[
        str | None, typer.Option(help="Decision date, YYYY-MM-DD or MM/DD/YYYY (outcomes; default today).")
    ] = None,
    submitted_on: Annotated[
        str | None, typer.Option(help="Day the request was sent, YYYY-MM-DD (with --status submitted; default today).")
    ] = None,
    payer_deadline: Annotated[
        str | None, typer.Option(help="The payer's appeal deadline, YYYY-MM-DD (commercial / Medicaid appeals).")
    ] = None,
) -> None:
    """Change an item's status (recording an outcome updates the statistics), assignee or deadline."""
    change = {
        "status": status,
        "reason": reason,
        "assignee": assignee,
        "recovered": recovered,
        "decided_on": _date(decided_on, "--decided-on"),
        "submitted_on": _date(submitted_on, "--submitted-on"),
        "payer_deadline": _date(payer_deadline, "--payer-deadline"),
    }
    detail = _run(
        lambda: _assistant().update_worklist_item(item_id, {k: v for k, v in change.items() if v is not None})
    )
    _print_detail(detail, "text")


def _date(value: str | None, option: str) -> date | None:
    """A worklist date in the forms claim files accept (hostile15 #13); an error names the option."""
    if value is None:
        return None
    try:
        found = parse_claim_date(value)
    except InvalidDateError:
        found = None
    if found is None:
        echo(f"error: {option} is not a date (use {CLAIM_DATE_FORMS})", err=True)
        raise typer.Exit(2)
    return found


@worklist_app.command("stats")
def stats(fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text") -> None:
    """Overturn rate, amounts recovered and median days to decision per denial pattern, payer and route."""
    json_errors(fmt)
    result = _run(lambda: _assistant().worklist_stats())
    if fmt == "json":
        typer.echo(result.model_dump_json(indent=2))
        return
    repeats = (f" ({result.open_redenials} re-denials of an open item counted with it)"
               if result.open_redenials else "")
    echo(f"open items: {result.open_items}, denied ${result.open_denied:,.2f}{repeats}")
    echo(
        f"{'BY':<8} {'KEY':<34} {'DECIDED':>7} {'WON':>4} {'PART':>4} {'LOST':>4} {'RATE':>6} "
        f"{'DENIED':>10} {'RECOVERED':>10} {'MEDIAN DAYS':>11}"
    )
    for r in result.rows:
        rate = f"{r.overturn_rate:.0%}" if r.overturn_rate is not None else "-"
        days = f"{r.median_days_to_decision:g}" if r.median_days_to_decision is not None else "-"
        echo(
            f"{r.dimension:<8} {r.key[:34]:<34} {r.decided:>7} {r.won:>4} {r.partially_won:>4} {r.lost:>4} "
            f"{rate:>6} {r.denied:>10.2f} {r.recovered:>10.2f} {days:>11}"
        )
    echo(result.prior)


def register(app: typer.Typer) -> None:
    app.add_typer(worklist_app, name="worklist")
