"""Alembic migrations of the worklist database (shipped inside the package, run on first use)."""

HEAD = "0004"  # the newest revision; a test keeps it equal to the script directory's head
