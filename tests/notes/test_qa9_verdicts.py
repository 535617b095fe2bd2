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
    assert ("expected Medicare allowed amount" in out) == ("READY TO BILL" in out and "NOT READY" not in out)


PRESENT_FOR_PART = (
    "DOS 2025-04-08. Patient present for the first 10 minutes, then left the room; caregiver training with wife "
    "(unpaid) continued without the patient. 10:00-10:40.\nConsent: patient gave verbal consent. Need: mod A "
    "transfers; POC goal 2. Taught stand pivot transfers; hands-on correction. Wife return-demonstrated x2.\n"
    "Billing: {billed}. Ann Bye, PT\n"
)


@pytest.mark.parametrize("billed", ["97550 x1 GP", "97550 x1 GP, 97551 x1 GP", "97550 x3 GP"])
def test_units_message_agrees_with_empty_lines_when_the_patient_was_present(billed: str) -> None:
    import assistant

    report = assistant.check_note(PRESENT_FOR_PART.format(billed=billed))
    units = next(c for c in report.checks if c.id == "units")
    assert report.billing.lines == []
    assert units.status == "problem" and "supports no caregiver training line" in units.message
    assert "minutes support" not in units.message.split(":", 1)[1]


DIRECT_CARE = (
    "DOS {dos}. Patient not present. Wife (unpaid) trained in pressure injury prevention and wound care; written "
    "consent signed. Need: pt bedbound, POC goal intact skin. Wife return demo correct after hands-on correction. "
    "Time 14:00-14:40 (40 min). Billing {billed} GP. Fay Hart, PT\n"
)


@pytest.mark.parametrize(
    ("dos", "billed", "says"),
    [
        ("2024-11-12", "G0541x1 G0542x1", "G0541, G0542 did not exist before 2025-01-01"),
        ("2025-11-12", "97550x1 97551x1", "the training content supports G0541×1 + G0542×1"),
    ],
)
def test_a_code_not_yet_in_force_is_named_not_called_supported_by_the_content(dos: str, billed: str, says: str) -> None:
    import assistant

    units = next(c for c in assistant.check_note(DIRECT_CARE.format(dos=dos, billed=billed)).checks if c.id == "units")
    assert units.status == "problem" and says in units.message
    if dos < "2025":
        assert "content supports" not in units.message
