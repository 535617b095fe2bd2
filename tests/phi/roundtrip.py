"""What a PHI shape table asserts, row by row: the secret is gone and the text comes back whole; the kept words
survive. One place for the round-by-round shape tables (tests/phi/test_round6*_shapes.py)."""

from __future__ import annotations

from assistant.phi import Deidentifier


def assert_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    out = deid.deidentify(text)
    assert secret not in out.text, out.text
    assert out.reidentify(out.text) == text


def assert_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    out = deid.deidentify(text).text
    assert [w for w in words if w not in out] == [], out
