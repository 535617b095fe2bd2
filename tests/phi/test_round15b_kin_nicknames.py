"""Round 15 (hostile15 #31): a quoted nickname right after a kinship word is that relative's name, even when it is
a common word. Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    ('Caregiver trained: granddaughter "Bee" (Beatrix Quennell-Brandt), lives w/ pt; unpaid.', "Bee"),
    ('Trained son "Buddy" on transfers.', "Buddy"),
    ('Her sister-in-law, "Dot", helps on weekends.', "Dot"),
]

KEEP: list[tuple[str, list[str]]] = [
    # not after a kin word, or not a capitalised word: a device, a quoted instruction
    ('Wife used the "Hoyer" lift with cues.', ["Hoyer"]),
    ('Daughter was told to say "stop" when the pt leans.', ["stop"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
