"""A procedure code read digit by digit among billing words stays ("Code nine seven five five zero, one unit"); a
phone or an identifier read the same way, in other groups or with no billing word near, is still taken.
Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier

KEEP = [
    ("Code nine seven five five zero, one unit, plus nine seven five five one, one unit, G-N.",
     ["nine seven five five zero", "nine seven five five one"]),
    ("Billing: nine seven five five zero, nine seven five five one times one, G-P.",
     ["nine seven five five zero", "nine seven five five one times one"]),
    ("Forty-one minutes total, nine seven five five zero and nine seven five five one.",
     ["nine seven five five zero", "nine seven five five one"]),
    ("Codes nine seven five three oh plus nine seven five five zero.", ["nine seven five three oh"]),
]  # fmt: skip
SCRUB = [
    ("call her at nine seven three, five five five, oh one four four about the units billed", "five five five"),
    ("call her at nine seven three, five five five, oh one four four about the units billed", "nine seven three"),
    ("member ID four four seven nine two two one, billed one unit", "four four seven nine"),
    ("her member number is nine seven two oh one, please call back", "nine seven two oh one"),
]


@pytest.mark.parametrize(("text", "kept"), KEEP)
def test_codes_read_aloud_stay(deid: Deidentifier, text: str, kept: list[str]) -> None:
    out = deid.deidentify(text).text
    assert all(k in out for k in kept), out


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_numbers_read_aloud_are_taken(deid: Deidentifier, text: str, secret: str) -> None:
    assert secret not in deid.deidentify(text).text
