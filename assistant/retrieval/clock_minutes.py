"""Minutes a question gives only as clock times (pure): "her log says 1:08 to 2:02", "she joined 14:02, I ended
14:19". The asker did not write the total, so the answer works it out and says how ("1:08 to 2:02 is 54 minutes").

Times are read on the 12-hour dial, as the answer gate reads them (`gate.SPAN`): 14:19 and 2:19 are the same time,
and a range that passes 12 o'clock wraps. Linear in the text: one pass of each pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOCK = r"(\d{1,2}):([0-5]\d)"
_AMPM = r"\s*(?:[ap]\.?m\.?)?"
# "1:08 to 2:02", "8:05-8:41", "11:00–11:45am"
RANGE = re.compile(r"(?<![\w:.])" + _CLOCK + _AMPM + r"\s*(?:-|–|to|until|till)\s*" + _CLOCK + r"(?![\w:])", re.I)
# "she joined 14:02, I ended 14:19", "started at 9:10 ... stopped 9:40": a start and a stop told apart, close together
START_STOP = re.compile(r"\b(?:joined|started|began|logged (?:on|in)|signed (?:on|in)|start(?:ed)? at)\s+(?:at\s+)?"
                        + _CLOCK + r"(?![\w:])" + r"[^.?!\n]{0,40}?\b(?:ended|stopped|finished|logged (?:off|out)"
                        r"|signed (?:off|out)|hung up|wrapped up|ended it)\s+(?:at\s+)?" + _CLOCK + r"(?![\w:])",
                        re.I)
# "keep writing times like 8:05-8:41", "e.g. 9:00-9:30": a range given as an example of how to write one, no session
_EXAMPLE = re.compile(r"(?:\blike|\be\.?g\.?,?|\bfor example,?|\bsuch as)\s*$", re.I)
LONGEST = 240  # minutes: a longer range is no one session of caregiver training


@dataclass(frozen=True)
class Clocked:
    """A session's minutes worked out from its clock times, where the question writes them."""

    start: int  # offset of the first clock time in the text
    end: int
    minutes: int
    first: str  # the clock times as written ("1:08", "2:02")
    last: str


def _minutes(h1: str, m1: str, h2: str, m2: str) -> int:
    start, stop = (int(h) % 12 * 60 + int(m) for h, m in ((h1, m1), (h2, m2)))
    return (stop - start) % 720


def clocked(text: str) -> list[Clocked]:
    """The clock ranges of `text` (in text order) that make a session of 1 to 240 minutes."""
    out: list[Clocked] = []
    for rx in (RANGE, START_STOP):
        for m in rx.finditer(text):
            if _EXAMPLE.search(text[max(0, m.start() - 20):m.start()]):
                continue
            minutes = _minutes(*m.groups())
            if 0 < minutes <= LONGEST:
                out.append(Clocked(m.start(), m.end(), minutes, f"{m.group(1)}:{m.group(2)}",
                                   f"{m.group(3)}:{m.group(4)}"))
    return sorted(out, key=lambda c: c.start)


def said(found: Clocked) -> str:
    """ "1:08 to 2:02 is 54 minutes": the working, in the words the answer gate checks."""
    return f"{found.first} to {found.last} is {found.minutes} minutes"
