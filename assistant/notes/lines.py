"""Line lookups in O(log n): where a line starts and ends, which line a position is on.

Why: heuristics ask "what else is on this line?" for every match. `str.rfind`/`find` per match
is quadratic on a note with few line breaks (dictation, a pasted export), so the line starts are
indexed once, and a "line" is clipped to `RADIUS` characters either side of the match: no rule
looks further than that, and the clip keeps every per-match scan bounded.
"""

from __future__ import annotations

from bisect import bisect_right

RADIUS = 240


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
