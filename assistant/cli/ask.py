"""`assistant ask QUESTION [--dos DATE]`: a short cited answer, then the passages it rests on."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from assistant.cli.common import json_errors, report, settings
from assistant.errors import AssistantError, InputError
from assistant.models import Answer
from assistant.parsing import parse_date
from assistant.service import Assistant


def _window(start: date | None, end: date | None) -> str:
    return f"{start or '…'} → {end or 'today'}"


def print_answer(answer: Answer) -> None:
    from rich.console import Console
    from rich.panel import Panel

    console = Console()
    number = {p.id: i for i, p in enumerate(answer.passages, 1)}
    lines = [s.text + "".join(f" [{number[i]}]" for i in s.passage_ids or [s.passage_id or ""] if i in number)
             for s in answer.sentences]
    title = "Answer" if answer.answered else "No answer"
    console.print(Panel(" ".join(lines), title=title, title_align="left"))
    for i, p in enumerate(answer.passages, 1):
        s = p.source
        cite = (f"[bold]{s.title}[/bold] — {s.publisher} · {s.authority} · in force "
                f"{_window(p.effective_from, p.effective_to)}\n[link={s.url}]{s.url}[/link]")
        console.print(Panel(f"{p.text}\n\n{cite}", title=f"[{i}] {p.id}", title_align="left"))
    if answer.method != "offline":
        console.print(f"[dim]written by: {answer.method}{'; ' + '; '.join(answer.notes) if answer.notes else ''}[/dim]")


def ask(
    question: Annotated[str, typer.Argument(help="A billing question, e.g. 'is G0541 billable in 2024?'")],
    dos: Annotated[str | None, typer.Option("--dos", help="Date of service YYYY-MM-DD the question is about.")] = None,
    k: Annotated[int, typer.Option("--k", "-k", help="How many passages to show.")] = 5,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    embedder: Annotated[str | None, typer.Option("--embedder", help="Override ASSISTANT_EMBEDDER.")] = None,
) -> None:
    """Answer a billing question in one to three cited sentences, followed by the passages."""
    json_errors(fmt)
    try:
        if fmt not in ("text", "json"):
            raise InputError(f"unknown format {fmt!r}", hint="text or json")
        answer = Assistant(settings(embedder)).answer(question, dos=parse_date(dos), k=k)
    except InputError as exc:  # the quoted value is withheld like every other command's (hostile17 #22)
        report(exc)
        raise typer.Exit(2) from None
    except AssistantError as exc:
        report(exc)
        raise typer.Exit(1) from None
    if fmt == "json":
        typer.echo(answer.model_dump_json(indent=2))
    else:
        print_answer(answer)


def register(app: typer.Typer) -> None:
    app.command("ask")(ask)


if __name__ == "__main__":  # `python -m assistant.cli.ask QUESTION`: works without the other commands
    standalone = typer.Typer(add_completion=False)
    register(standalone)
    standalone()
