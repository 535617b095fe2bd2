"""Lines a typed denial names with their modifiers, read when no claim file gives them (round 15)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.paste.typed import part_of_claim, typed_lines
from assistant.service import Assistant


@pytest.mark.parametrize(("text", "lines"), [
    ("97550-GP denied CO-4, OT billed GP; 97551-GP denied CO-4",
     [("97550", None, ["GP"], True), ("97551", None, ["GP"], True)]),
    # units beside the modifiers, and a paid line (the round-3 real-world note's shape must keep its units)
    ("line 2 97551 x2-GP - information submitted does not support this many services. Line 1 97550-GP paid.",
     [("97551", 2, ["GP"], True), ("97550", None, ["GP"], False)]),
    ("G0541-GP-KX x1 denied", [("G0541", 1, ["GP", "KX"], True)]),
    # codes without modifiers, money and dates are not billed lines
    ("CO-50 N115", []),
    ("payer suggests 97535 instead; $97.55 allowed on 09/17/2024", []),
    ("", []),
])
def test_typed_lines(text: str, lines: list[tuple[str, int | None, list[str], bool | None]]) -> None:
    assert [(ln.code, ln.units, ln.modifiers, ln.denied) for ln in typed_lines(text)] == lines


NOTE = """OT caregiver training 10/20/2026. Pt not present (at adult day program).
Caregiver: wife Yolanda (unpaid). Consent: pt signed consent naming Yolanda 10/06/2026.
Need: mod cues for dressing; POC goal 2 dressing with wife's set-up by 12/15.
1:03-1:45 (42 min): taught clothes laid out in order, 1-step commands. Return demo: Yolanda ran the sequence, correct
on 2nd run. Skilled: apraxia, fall risk; OT corrected cue level. Billing 97550 x1, 97551 x1 GO.
C. Ferreira, OTR/L"""


def test_a_typed_denial_naming_the_wrong_modifier_is_a_corrected_claim() -> None:
    a = Assistant()
    a.clock = lambda: date(2026, 12, 3)
    result = a.draft_appeal("97550-GP denied CO-4, OT billed GP; 97551-GP denied CO-4", NOTE)
    assert result.recommendation == "corrected_claim"
    assert [(ln.code, ln.modifiers) for ln in result.corrected_lines] == [("97550", ["GO"]), ("97551", ["GO"])]


@pytest.mark.parametrize(("text", "partial"), [
    ("line 2 97551-GO denied", True),  # line 1 (the primary) was on the claim too
    ("Ln #3 97551-GO x2 denied", True),
    ("line 2 97551 x2-GP denied. Line 1 97550-GP paid.", False),  # both lines named
    ("97551-GO denied", False),
])
def test_part_of_claim(text: str, partial: bool) -> None:
    assert part_of_claim(text, len(typed_lines(text))) is partial


def test_a_typed_later_line_is_not_an_addon_alone() -> None:
    # round 17: "line 2 97551-GO denied" names one line of a claim that also had 97550 (the note bills both)
    a = Assistant()
    a.clock = lambda: date(2026, 12, 3)
    result = a.draft_appeal("CO-50", NOTE, denial_text="line 2 97551-GO denied")
    assert result.recommendation == "appeal"
