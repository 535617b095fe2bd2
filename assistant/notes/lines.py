"""Line lookups in O(log n): where a line starts and ends, which line a position is on.

Why: heuristics ask "what else is on this line?" for every match. `str.rfind`/`find` per match
is quadratic on a note with few line breaks (dictation, a pasted export), so the line starts are
indexed once, and a "line" is clipped to `RADIUS` characters either side of the match: no rule
looks further than that, and the clip keeps every per-match scan bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

RADIUS = 240
# A note states a few dozen times, dates, codes or presence phrases at most. Past this many of one
# kind the text is not a note (a pasted log, a flood), and reading on cannot change the verdict: the
# cap keeps the cost per character bounded on any input.
MAX_MENTIONS = 400


class LineIndex:
    """Line starts of one text, built in one pass."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find, pos = text.find, text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts

    def number(self, pos: int) -> int:
        """0-based line number of `pos`."""
        return bisect_right(self.starts, pos) - 1

    def bounds(self, start: int, end: int | None = None, radius: int = RADIUS) -> tuple[int, int]:
        """Start and end of the line around text[start:end], clipped to `radius` characters either side."""
        n = self.number(start)
        line_start = self.starts[n]
        last = self.number(end if end is not None else start)
        line_end = self.starts[last + 1] - 1 if last + 1 < len(self.starts) else len(self.text)
        return max(line_start, start - radius), min(line_end, (end if end is not None else start) + radius)

    def line(self, start: int, end: int | None = None, radius: int = RADIUS) -> str:
        a, b = self.bounds(start, end, radius)
        return self.text[a:b]

    def before(self, pos: int, radius: int = RADIUS) -> str:
        """The text of the line before `pos` (clipped)."""
        return self.text[max(self.starts[self.number(pos)], pos - radius) : pos]

    def line_span(self, n: int) -> tuple[int, int]:
        """Start and end (without the line break) of line `n`."""
        end = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.text)
        return self.starts[n], end


class Mentions:
    """Start and end offsets of matches, sorted by end, for range questions in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans, key=lambda s: (s[1], s[0]))
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    @classmethod
    def of(cls, text: str, *patterns: re.Pattern[str] | None) -> Mentions:
        return cls([m.span() for p in patterns if p is not None for m in p.finditer(text)])

    def last_end(self, a: int, b: int) -> int:
        """End of the last match inside text[a:b], or -1."""
        i = bisect_right(self.ends, b) - 1
        return self.ends[i] if i >= 0 and self.starts[i] >= a else -1

    def first_start(self, a: int, b: int) -> int | None:
        """Start of the first match inside text[a:b], or None (matches sorted by end start in order
        unless they overlap, which the patterns here do not)."""
        i = bisect_left(self.ends, a)
        while i < len(self.ends) and self.starts[i] < a:
            i += 1
        return self.starts[i] if i < len(self.starts) and self.ends[i] <= b else None


# every byte that is not a-z becomes a space (UTF-8 bytes of other characters too: none is a-z)
_NOT_A_TO_Z = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=4)
def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a text (runs of a-z): one pass, so costly patterns can be skipped when
    none of the words they need occur (most notes have no group, no dictated times, no instructions).
    Split after a byte translation: a third of the cost of finding every word with a pattern."""
    return frozenset(text.lower().encode("utf-8", "surrogatepass").translate(_NOT_A_TO_Z).decode("ascii").split())


# a word a fax or a scan broke across a line with a hyphen: "Pt NOT pres-\nent (at cardiology)"
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\n([ \t]*)([a-z]+)")


# ... a credential in capitals a PDF's hard wrap broke: "Tamsin Okereke-Lind, CO-\nTA/L"
_CAPITALS_BREAK = re.compile(r"(?<=[A-Z])-\n([ \t]*)([A-Z]+)")


def join_hyphenated_capitals(text: str) -> str:
    """`join_hyphenated` for words in capitals (credentials): same length, offsets those of the note."""
    if "-\n" not in text:
        return text
    return _CAPITALS_BREAK.sub(lambda m: m[2] + "\n" + " " * (len(m[1]) + 1), text)


def join_hyphenated(text: str) -> str:
    """The broken word joined before its line break, the line kept (same length: offsets stay those of the note)."""
    if "-\n" not in text:
        return text
    return _HYPHEN_BREAK.sub(lambda m: m[2] + "\n" + " " * (len(m[1]) + 1), text)
