"""A figure taken back later in the question (pure): "down for 45 min ... total was 35 min", "40 min, actually 34".

The asker's first figure was a plan or a slip; the one said after a correction cue is the session's. Figures
before the last corrected one are dropped, so the answer works from the figure the question settles on, never
from the sum of both. Linear in the text: one search per figure, over a short window before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# the words just before a figure that say it replaces an earlier one ("total was", "actually", "correction:",
# "turned out to be", "ended up", "really only")
CORRECTION = re.compile(r"(?:\btotal (?:was|is|came to|ended up(?: being| at)?)|\bactually(?: (?:was|is|only|just))?"
                        r"|\bin fact|\bcorrect(?:ion|ed)(?: to)?:?|\bturned out(?: to be)?|\bended up(?: being| at)?"
                        r"|\breally (?:was|only|just))\s*(?:only |just |about |~)?$", re.I)
_WINDOW = 40
# "her log says 1:08 to 2:02, so it's NOT 52": a figure said earlier and then denied is no figure of the session
RETRACTED = re.compile(r"\b(?:it'?s|it is|it was|that'?s|was|is)\s+not\s+(?:really\s+)?(\d{1,3})\b"
                       r"(?!\s*(?:%|units?|x\b))"
                       r"|\b(?:isn'?t|wasn'?t)\s+(?:really\s+)?(\d{1,3})\b(?!\s*(?:%|units?|x\b))", re.I)


def after_correction(text: str, found: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`found` ((start, minutes) in text order) from the last figure a correction cue introduces on."""
    last = None
    for i, (start, _) in enumerate(found):
        if i and CORRECTION.search(text[max(0, start - _WINDOW):start]):
            last = i
    return list(found[last:]) if last is not None else list(found)


def without_retracted(text: str, found: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`found` less the figures the question denies after saying them ("total 52 min ... so it's NOT 52"), as long as
    another figure is left to work from."""
    denied = [(m.start(), int(m.group(1) or m.group(2))) for m in RETRACTED.finditer(text)]
    kept = [(start, n) for start, n in found if not any(at > start and n == value for at, value in denied)]
    return kept if kept else list(found)
