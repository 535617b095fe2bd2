"""The `assistant` command. Thin: each sub-module registers its commands on the one Typer app."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli import ask, check, draft, era, search, serve, worklist
from assistant.cli.common import json_errors

app = typer.Typer(
    no_args_is_help=True, add_completion=False,
    help="Caregiver training services documentation and appeal assistant.",
)
for module in (check, search, ask, draft, serve, era, worklist):
    module.register(app)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"cts-assistant {version('cts-assistant')}")
        except PackageNotFoundError:
            typer.echo("cts-assistant (not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False,
) -> None:
    """Caregiver training services documentation and appeal assistant."""
    json_errors("text")  # each command says again whether its errors are JSON (one process can run many)


def main() -> None:
    app()
