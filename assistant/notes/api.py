"""`check_note`: validate the inputs, extract, check, report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from assistant.errors import BilledLineError
from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine, Report
from assistant.notes.context import build_context
from assistant.notes.engine import build_report
from assistant.notes.extract import extract
from assistant.notes.inputs import parse_billed, parse_dos, parse_profile, validate_note


def check_note(
    text: str | bytes,
    *,
    knowledge: Knowledge,
    dos: str | date | None = None,
    billed: Sequence[BilledLine | dict[str, Any]] | str | None = None,
    profile: str = "medicare",
    max_bytes: int = 1_000_000,
    today: date | None = None,
) -> Report:
    """Check a CTS note against every element of spec/checks.md (pure apart from the clock)."""
    today = today or date.today()
    note = validate_note(text, max_bytes=max_bytes)
    profile_name = parse_profile(profile)
    service_date = parse_dos(dos, today=today)
    lines = parse_billed(billed)
    if lines is not None:
        unknown = [line.code for line in lines if line.code not in knowledge.codes]
        if unknown:
            raise BilledLineError(
                f"Unknown billing code(s): {', '.join(unknown)}.",
                hint="This assistant checks CTS codes 97550, 97551, 97552 and G0541-G0543 (and related codes it knows).",
            )
    ex = extract(note)
    ctx = build_context(ex, knowledge=knowledge, profile=profile_name, today=today, dos=service_date, billed=lines)
    return build_report(ctx)
