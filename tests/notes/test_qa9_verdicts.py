"""One verdict per report (QA9): a line the minutes support is not shown as billable while a blocking problem holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app as cli

BASE = (
    "DOS 2025-06-10. Patient not present. {who} trained in stand-pivot transfers with gait belt; hands-on correction "
    "of body mechanics, fall risk. Consent: patient gave verbal consent for the training. Need: mod A transfers; "
    "POC goal 2 safe transfers. Return-demonstrated x2. 10:00-10:40 (40 min).\nBilling: 97550 x1 GP, 97551 x1 GP\n"
    "Ann Bye, PT\n"
)


@pytest.mark.parametrize(
    ("who", "header"),
    [
        ("Pt's agency home health aide (paid, scheduled by the agency)", "once the blocking problems are fixed"),
        ("Wife (unpaid)", "Supported by the documentation (midpoint rule)"),
    ],
)
def test_supported_lines_are_held_while_a_blocking_problem_stands(tmp_path: Path, who: str, header: str) -> None:
    note = tmp_path / "note.txt"
    note.write_text(BASE.format(who=who))
    out = CliRunner().invoke(cli, ["check", str(note)]).stdout
    assert header in out
    assert ("expected Medicare payment" in out) == ("READY TO BILL" in out and "NOT READY" not in out)
