"""Round 7 shapes: month/day dates without a year told from scores by their context (a weekday among the words
before, a bracket after an event, a padded month or day, a billed code after it on a log line, "+" between two
dates, a follow-up after a determiner), a dotted month.day after a date label, form dates with spaced slashes, a
misread date with a short year. Keep rows: scores, ratios and amounts beside the same words. Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

_LOG = (
    "Visits:\n  #1  03/03   97550 x1   31 min\n  #2  3/10    97550, 97551 x1   47 min\n"
    "  #7  14/04   97552 x1   60 min\n"
)

SCRUB = [
    # month/day by context
    ("my dad fell again sat 2/8 in the bathroom at home", "2/8"),
    ("mom fell again Saturday night (2/7), no injury.", "2/7"),
    ("tues: wife came for 4/9 training", "4/9"),
    ("Bring his hearing aids to the 1/7 follow-up at the clinic", "1/7"),
    ("Next: confirm with the PT before scheduling 9/10.", "9/10"),
    ("Hoyer lift w/ full-body sling delivered 6/12.", "6/12"),
    (_LOG, "03/03"),
    (_LOG, "3/10"),
    (_LOG, "14/04"),
    ("2) acct / DOS 8/26+8/28 - CO-16 M77", "8/28"),
    ("1) acct / DOS 08.19 - CO-50, N115", "08.19"),
    # form and OCR dates
    ("Patient signature: /s/ Q. Orn.       Date: 1 / 13 / 2026", "1 / 13 / 2026"),
    ("Physician signature: [illegible]    Date: l0/03/25", "l0/03/25"),
]
KEEP = [
    ("Strength 4/5 RLE; MMT 3/5; return demo 2/3 trials.", ["4/5", "3/5", "2/3"]),
    ("Pain decreased from 6/10 to 3/10 97550 x1.", ["6/10", "3/10"]),
    ("tues: walked 1/2 mile with wife; pt sat 1/2 hour", ["1/2 mile", "1/2 hour"]),
    ("Fri: pain 3/10 after 2/3 trials", ["3/10", "2/3"]),
    ("wound 1/2 in deep; 3/4 of the time", ["1/2", "3/4"]),
    ("Grade 4/5+ hip flexion; 5/5 strength", ["4/5+", "5/5"]),
    ("on 1.5 L O2; dose 2.5 mg", ["1.5 L", "2.5 mg"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
