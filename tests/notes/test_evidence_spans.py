"""Evidence spans inside another evidence span are dropped (linear pass, same result as pairwise tests)."""

from __future__ import annotations

import random

from assistant.notes.engine import _outermost


def test_outermost_keeps_the_spans_no_other_contains() -> None:
    rng = random.Random(2)
    for _ in range(20000):
        spans = sorted({(a, a + rng.randint(1, 6)) for a in (rng.randint(0, 10) for _ in range(rng.randint(2, 8)))})
        expected = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
        assert _outermost(spans) == expected, spans
