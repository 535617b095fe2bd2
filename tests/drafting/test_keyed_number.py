"""A document number the claim carried mis-keyed (round 15: an authorization with two digits swapped)."""

from __future__ import annotations

import pytest

from assistant.drafting.keyed_number import transposed_numbers
from assistant.drafting.remedy import pattern_remedy
from assistant.knowledge.loader import load_knowledge

WORDS = ["auth", "authorization", "auth number"]


@pytest.mark.parametrize(("text", "pair"), [
    ("Line 1 Denied CO-15 Auth UBH-260941-5521 not found.\nAuth UBH-260914-5521 -- APPROVED 09/01-02/28",
     ("UBH-260941-5521", "UBH-260914-5521")),
    ("authorization # 88123 invalid; authorization number 81823 on file", ("88123", "81823")),
    # two different authorizations, not a swap
    ("Auth A-1234 expired; new auth A-5678 approved", None),
    # one number said twice
    ("Auth UBH-1 260914 not found. Auth UBH-260914 approved, auth UBH-260914", None),
    ("Auth not found for member", None),
    ("", None),
])
def test_two_numbers_with_the_same_characters(text: str, pair: tuple[str, str] | None) -> None:
    assert transposed_numbers(WORDS, text) == pair


def test_a_swapped_authorization_number_is_a_corrected_claim() -> None:
    kb = load_knowledge()
    pattern = kb.denial_patterns["authorization"]
    text = "CO-15 Auth UBH-260941-5521 not found for member. (UM portal) Auth UBH-260914-5521 -- APPROVED"
    assert pattern_remedy(pattern, "medicaid", text, ()).remedy == "corrected_claim"
    alone = "CO-15 Auth UBH-260941-5521 not found for member."
    assert pattern_remedy(pattern, "medicaid", alone, ()).remedy == "appeal"
