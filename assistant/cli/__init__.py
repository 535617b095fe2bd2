"""The `assistant` command. Thin: each sub-module registers its commands on the one Typer app."""

from __future__ import annotations

import typer

from assistant.cli import ask, check, draft, search, serve

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Caregiver training services documentation and appeal assistant.")
for module in (check, search, ask, draft, serve):
    module.register(app)


def main() -> None:
    app()
