"""`assistant search QUESTION` and `assistant index`: thin layers over `Retriever`."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from assistant.cli.common import json_errors, report
from assistant.errors import AssistantError, InputError
from assistant.parsing import parse_date


def _assistant(embedder: str | None = None) -> Any:
    from assistant.cli.common import settings
    from assistant.service import Assistant

    return Assistant(settings(embedder))


def _fail(exc: AssistantError, code: int) -> typer.Exit:
    report(exc)
    return typer.Exit(code)


def _as_json(passages: list[Any]) -> str:
    results = [
        {"id": p.id, "text": p.text, "score": p.score, "source": p.source.model_dump(mode="json"),
         "effective_from": p.effective_from.isoformat() if p.effective_from else None,
         "effective_to": p.effective_to.isoformat() if p.effective_to else None}
        for p in passages
    ]
    return json.dumps({"results": results}, indent=2, ensure_ascii=False)


def _print_text(query: str, passages: list[Any]) -> None:
    from rich.console import Console
    from rich.panel import Panel

    console = Console()
    if not passages:
        console.print(f"No passage found for: {query}")
        return
    for rank, p in enumerate(passages, 1):
        s = p.source
        window = f"in force {p.effective_from or '…'} → {p.effective_to or 'today'}"
        cite = f"[bold]{s.title}[/bold] — {s.publisher} · {s.authority} · {window}\n[link={s.url}]{s.url}[/link]"
        console.print(
            Panel(
                f"{p.text}\n\n{cite}",
                title=f"{rank}. {p.id}",
                subtitle=f"score {p.score:.4f}",
                title_align="left",
                subtitle_align="right",
            )
        )


def search(
    query: Annotated[str, typer.Argument(help="A billing question, e.g. 'can the patient be in the room?'")],
    k: Annotated[int, typer.Option("--k", "-k", help="How many passages.")] = 5,
    dos: Annotated[str | None, typer.Option("--dos", help="Date of service YYYY-MM-DD: only rules in force.")] = None,
    code: Annotated[
        list[str] | None, typer.Option("--code", help="Only passages about this code (repeatable).")
    ] = None,
    authority: Annotated[
        list[str] | None, typer.Option("--authority", help="cpt|cms|mac|professional|secondary|vendor (repeatable).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    embedder: Annotated[str | None, typer.Option("--embedder", help="Override ASSISTANT_EMBEDDER.")] = None,
) -> None:
    """Answer a billing question with the knowledge-base passages, each with its source."""
    json_errors(fmt)
    if fmt not in ("text", "json"):
        raise _fail(InputError(f"unknown format {fmt!r}", hint="text or json"), 2)
    try:
        passages = _assistant(embedder).search(query, k=k, dos=parse_date(dos), codes=code, authority=authority)
    except InputError as exc:
        raise _fail(exc, 2) from exc
    except AssistantError as exc:
        raise _fail(exc, 1) from exc
    if fmt == "json":
        typer.echo(_as_json(passages))
    else:
        _print_text(query, passages)


def index(
    force: Annotated[bool, typer.Option("--force/--if-stale", help="Rebuild even when up to date.")] = True,
    embedder: Annotated[str | None, typer.Option("--embedder", help="Override ASSISTANT_EMBEDDER.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Rebuild the retrieval index (it also builds itself on first use)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    try:
        retriever = _assistant(embedder).retriever
        if quiet or not sys.stderr.isatty():
            info = retriever.build(force=force)
        else:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
            ) as bar:
                tasks: dict[str, Any] = {}

                def report(stage: str, done: int, total: int) -> None:
                    if stage not in tasks:
                        label = {"embed": "embedding passages", "bm25": "BM25 index"}.get(stage, stage)
                        tasks[stage] = bar.add_task(label, total=total)
                    bar.update(tasks[stage], completed=done, total=total)

                info = retriever.build(force=force, progress=report)
    except InputError as exc:
        raise _fail(exc, 2) from exc
    except AssistantError as exc:
        raise _fail(exc, 1) from exc
    verb = "built" if info["built"] else "up to date"
    console.print(
        f"index {verb}: {info['passages']} passages, embedder {info['embedder']}, "
        f"version {info['version']} ({info['build_seconds']} s)"
    )


def register(app: typer.Typer) -> None:
    app.command("search")(search)
    app.command("index")(index)


if __name__ == "__main__":  # `python -m assistant.cli.search QUERY`: works without the other commands
    standalone = typer.Typer(add_completion=False)
    register(standalone)
    standalone()
