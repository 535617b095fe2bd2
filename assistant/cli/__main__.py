"""`python -m assistant.cli ...`: the same commands as the `assistant` console script."""

from assistant.cli import main

main()
