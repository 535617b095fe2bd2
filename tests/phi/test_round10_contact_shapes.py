"""Round 10 (outside QA #8): a local phone number without its area code, dotted or spaced, and an e-mail address
spelled out in words, reached the remote model. Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    ("Ph (555) 555-0142 / cell 555.0187", "555.0187"),
    ("Pt phone 555 0142, alt 5550187", "555 0142"),
    ("Daughter's email cnguyen at example dot com.", "cnguyen at example dot com"),
    ("write to q.vexley (at) quornmail (dot) org today", "q.vexley (at) quornmail (dot) org"),
    ("son's e-mail: Quorn77 AT mail DOT example DOT net", "Quorn77 AT mail DOT example DOT net"),
]

KEEP = [
    # billing lines, blood pressure, a decimal code and a time are no phone numbers
    ("97550 x1 GP, 97551 x2 GP", ["97550 x1 GP", "97551 x2 GP"]),
    ("BP 120 80 after training; 45 min total", ["BP 120 80", "45 min"]),
    ("Dx I69.351, 10:00-10:40", ["I69.351", "10:00-10:40"]),
    ("trained the wife at home with the walker", ["at home with the walker"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
