"""`python -m assistant.cli` runs the `assistant` command."""

from assistant.cli import main

main()
