"""What the biller is told to do for a correction, by route and payer type."""

from __future__ import annotations

import pytest

from assistant.drafting.actions import correction_actions
from assistant.knowledge.loader import cached_knowledge
from assistant.models import BilledLine

KB = cached_knowledge()
LINES = [BilledLine(code="97550", units=1, modifiers=["GP"])]


@pytest.mark.parametrize(("route", "payer_type", "says", "never"), [
    ("clerical_reopening", "medicare", "clerical-error reopening", "Submit"),
    ("new_claim", "medicare", "Submit a new claim with: 97550 x1 GP", "replacement"),
    ("new_claim", "commercial", "Submit a corrected (replacement) claim with: 97550 x1 GP", "new claim with"),
    ("new_claim", "medicare_advantage", "corrected (replacement) claim", "new claim with"),
])
def test_correction_actions(route: str, payer_type: str, says: str, never: str) -> None:
    text = " ".join(correction_actions(KB, route, None, LINES, payer_type=payer_type))
    assert says in text and never not in text


def test_corrected_diagnoses_are_named() -> None:
    text = " ".join(correction_actions(KB, "clerical_reopening", None, LINES, ["G20.A1", "R26.89"]))
    assert "with diagnosis codes G20.A1, R26.89" in text
