"""E-mail quoting: how deep a line sits in quoted replies ("> ...", ">> ...").

A thread pasted as the note carries earlier messages under the newest one: an earlier session's clock times, or the
note as first typed before the author's reply corrected it. The newest words are the shallowest: when the training
has clock times at a shallower depth, the deeper ones are the earlier messages' (docs/CONVENTIONS.md).
"""

from __future__ import annotations

import re

from assistant.notes.lines import LineIndex

# the quote marks that open a line, spaces between them allowed ("> > text", ">>text")
_MARKS = re.compile(r"[ \t]*(?:>[ \t]?)+")


def depth(lines: LineIndex, pos: int) -> int:
    """How many quote marks open the line of `pos` (0: not quoted)."""
    start, end = lines.line_span(lines.number(pos))
    m = _MARKS.match(lines.text, start, end)
    return m.group(0).count(">") if m else 0


def deeper(lines: LineIndex, positions: list[int]) -> set[int]:
    """The positions quoted deeper than the shallowest of them: the earlier messages' (none when all share a depth,
    as in a note forwarded whole under one quote mark)."""
    if ">" not in lines.text:
        return set()
    by_pos = {pos: depth(lines, pos) for pos in positions}
    newest = min(by_pos.values(), default=0)
    return {pos for pos, d in by_pos.items() if d > newest}
