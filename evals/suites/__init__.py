"""Eval suites. Each module exposes ``NAME`` and ``run() -> dict`` (metric → float, plus ``details``)."""
