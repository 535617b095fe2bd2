"""Round 16: a hand-off note with a section per discipline: the caregiver training is billed by the discipline whose
section header stands over its clock range, not by whoever signs the last section."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.notes.api import check_note

NOTE = (
    "Visit 01/21/2025 -- two-discipline handoff\nPt: Ignatius Brandvold   Caregiver: Solveig, wife (unpaid)\n\n"
    "{first}\n2:00-2:30 caregiver training with Solveig only; pt not present (in the lobby with transport).\n"
    "Consent: pt's written consent for Solveig on file 1/14/2025.\n"
    "Need: new R BKA; POC goal 1: w/c<->bed transfers w/ min A of trained spouse.\n"
    "Taught: slide-board transfer, limb protector. Return demo: Solveig did 3 transfers, corrected once.\n"
    "Skilled: fresh incision, fall risk; hands-on correction.\n\n"
    "{second}\n2:35-3:05 self-care training WITH pt: kitchen transfers. 97535 x2 GO.\n"
)


@pytest.mark.parametrize(("first", "second", "modifier"), [
    (">> PT -- Kofi Mensah, PT", ">> OT -- Priyanka Sethi, OTR/L", "GP"),
    (">> OT -- Priyanka Sethi, OTR/L", ">> PT -- Kofi Mensah, PT", "GO"),
])
def test_the_trainings_section_names_its_discipline(first: str, second: str, modifier: str) -> None:
    report = check_note(NOTE.format(first=first, second=second), knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert [ln.modifiers for ln in report.billing.lines] == [[modifier]]
