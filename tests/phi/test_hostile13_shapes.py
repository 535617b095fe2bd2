"""An outside tester's round-13 leaks (hostile13 #6, #7): a dotted MBI, coordinates ending a sentence, a social
handle built on the patient's surname; and a code range that is no identifier. Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    ("MBI 1EG4.TE5.MK73 on the card", "1EG4.TE5.MK73"),
    ("mbi 1eg4.te5.mk73, verified", "1eg4.te5.mk73"),
    ("Location 41.3712, -75.6331.", "41.3712, -75.6331"),
    ("Follow her on Instagram @bquillfeather for updates. Marta Quillfeather is the patient.", "@bquillfeather"),
    ("Patient Ilse Vorderbrugge; son posts as @vorderbrugge_ilse_fan", "@vorderbrugge_ilse_fan"),
]

KEEP = [
    ("Bill 97550/97551/97552 or G0541-G0543 by the training's content.", ["G0541-G0543", "97551"]),
    ("direct care codes G0541-G0542 with 97550 the same day", ["G0541-G0542"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
