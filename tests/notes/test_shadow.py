"""The ASCII stand-in RE2's gates read for a note beyond ASCII (shadow.py): its shape, when none is made, which
patterns may read one. That a gate on the stand-in finds what Python's `re` finds in the note is checked per
pattern on generated texts in test_scan.py (`*_stand_in_*`)."""

from __future__ import annotations

import re

import pytest

from assistant.notes import scan, shadow


def test_folds_to_ascii_lists_every_character_python_matches_to_an_ascii_letter() -> None:
    folding = {
        chr(cp)
        for cp in range(0x80, 0x110000)
        if not 0xD800 <= cp <= 0xDFFF and re.fullmatch(r"[a-z]", chr(cp), re.IGNORECASE)
    }
    assert folding == set(shadow.FOLDS_TO_ASCII)


def test_stand_in_keeps_ascii_and_offsets_and_the_kind_of_each_other_character() -> None:
    text = "José — pt\u00a0away ☐ 😀²."
    made = shadow.stand_in(text)
    assert made == b"Jos_ \x01 pt\x1faway \x01 \x01_."
    assert len(made) == len(text)
    assert shadow.stand_in("plain ascii") == b"plain ascii"


@pytest.mark.parametrize("text", ["Kelvin \u212a", "dotless \u0131", "long \u017f", "digit \u0663"])
def test_no_stand_in_for_letters_folding_to_ascii_or_digits_beyond_ascii(text: str) -> None:
    assert shadow.stand_in(text) is None


@pytest.mark.parametrize(
    ("source", "ok"),
    [
        (r"\b(?:wife|husband)\b[^.\n]{0,40}", True),
        (r"[^a-z0-9]+", True),
        (r"\w+\s+\d", True),
        (r"[^_a-z]", False),  # a negated class names the word stand-in
        (r"[^\x00-\x1f]", False),  # ... or holds the space and other stand-ins in a range
        (r"[^_]", False),
        (r"caf\xe9", False),  # a character beyond ASCII, written as an escape
        ("caf\u00e9", False),
        (r"[\u00e0-\u00ff]", False),
    ],
)
def test_usable_only_for_ascii_patterns_whose_negated_classes_name_no_stand_in(source: str, ok: bool) -> None:
    assert shadow.usable(source, re.IGNORECASE) is ok


def test_gates_read_the_stand_in_of_a_note_beyond_ascii() -> None:
    # before: any character beyond ASCII meant "may contain" (and a full scan by Python's re)
    assert not scan.may_contain(r"wife", "— husband trained")
    assert scan.may_contain(r"wife", "— wife trained")
    pattern = re.compile(r"\bwife\b", re.IGNORECASE)
    assert [m.span() for m in scan.finditer(pattern, "José’s WIFE — trained")] == [(7, 11)]
    assert list(scan.finditer(pattern, "José’s husband — trained")) == []
