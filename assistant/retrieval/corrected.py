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


def after_correction(text: str, found: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`found` ((start, minutes) in text order) from the last figure a correction cue introduces on."""
    last = None
    for i, (start, _) in enumerate(found):
        if i and CORRECTION.search(text[max(0, start - _WINDOW):start]):
            last = i
    return list(found[last:]) if last is not None else list(found)
