"""`check_note`: validate the inputs, extract, check, report."""

from __future__ import annotations

from datetime import date

from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine, Report
from assistant.notes import visits
from assistant.notes.context import build_context
from assistant.notes.engine import build_report
from assistant.notes.extract import extract
from assistant.notes.inputs import read_note, validate_note


def check_note(
    text: str | bytes,
    *,
    knowledge: Knowledge,
    today: date,
    dos: date | None = None,
    billed: list[BilledLine] | None = None,
    profile: str = "medicare",
    max_bytes: int = 1_000_000,
) -> Report:
    """Check a CTS note against every element of the check contract (pure: `today` is passed in).

    `dos` and `billed` are already parsed (assistant.parsing); any CPT/HCPCS line may be billed:
    only caregiver-training lines are checked, the others are same-day services.
    """
    note, encoding = read_note(text, max_bytes=max_bytes)
    # a `dos` in the future or before the codes existed is a `date_of_service` finding, not an input error
    # a code on the claim names a same-day service even when the knowledge does not list it
    extra = frozenset(line.code for line in billed or []) - knowledge.training_codes - knowledge.same_day_codes
    other_codes = knowledge.same_day_codes | extra if extra else None
    ex = extract(note, other_codes=other_codes)
    # a log of several dated visits: the checks read the billed visit only (and the consent given at another)
    found = visits.split(ex.text, ex.lines, ex.dates, ex.times)
    chosen = visits.billed(found, dos)
    if chosen is not None:
        ex = extract(visits.billed_only(note, found, chosen), other_codes=other_codes)
        ex.original = note
    ctx = build_context(
        ex, knowledge=knowledge, profile=profile, today=today, dos=dos, billed=billed, split=(found, chosen)
    )
    report = build_report(ctx)
    report.meta.decoded_from = encoding
    return report


def note_session_dates(text: str | bytes, *, max_bytes: int = 1_000_000) -> list[date]:
    """The dates the note gives for its own session (see `session_dates`), in order, each once; empty when it
    gives none."""
    from assistant.notes.extract import session_dates

    note = validate_note(text, max_bytes=max_bytes)
    return list(dict.fromkeys(d.value for d in session_dates(extract(note))))
