"""Quality gate: the note check must keep its development-set scores (issue: foundation).

A regression in extraction or in a rule shows up here as a failing test, not only as a
worse number in `python -m evals.run`.
"""

from __future__ import annotations

import pytest

from evals.suites import notes


@pytest.mark.slow
def test_notes_dev_set_meets_the_bar() -> None:
    result = notes.run()
    assert result["check_accuracy"] >= 0.95, result.get("details", [])[:10]
    assert result["billing_exact"] >= 0.95, result.get("details", [])[:10]
    assert result["errors"] == 0
