"""Sentences and clauses as clinicians write them: abbreviations, initials, codes, wrapped lines (pure).

    sentence_spans(text)                 -> [(start, end), ...] in order, whitespace trimmed
    sentence_spans(text, clauses=True)   -> also split at ";" (a quote's unit)

A period ends a sentence only when whitespace follows and it is not a title ("Mr.", "Dr."), an
initial before a name ("B. Sandoval"), or a short form before lower-case text ("pt. at home",
"min. assist"); "G20.A2", "3.5" and "2:10" never split. A line break ends a sentence unless the
next line continues it in lower case or the line stops on a word no sentence ends on ("in the"):
notes wrapped at a fixed width. A label ("Time:") always ends its line.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "p.o"})  # "P.O. Box" is an address
# Short forms that end a sentence only when a capital letter or a digit follows.
_SOFT = frozenset(
    {
        "pt",
        "pts",
        "e.g",
        "i.e",
        "vs",
        "approx",
        "etc",
        "a.m",
        "p.m",
        "am",
        "pm",
        "min",
        "mins",
        "wk",
        "wks",
        "hr",
        "hrs",
        "yo",
        "y/o",
        "cont",
        "w",
        "b/l",
        "no",
        "fig",
        "max",
        "mod",
        "asst",
        "dtr",
    }
)
# Words a sentence cannot end on: a line that stops on one is wrapped ("documented in the\n08/12/2026 …").
_NEVER_LAST = frozenset({"the", "a", "an", "of", "in", "to", "for", "with", "by", "on", "at", "from", "and", "or",
                         "his", "their"})
_UNITS = frozenset({"min", "mins", "hr", "hrs", "wk", "wks", "x"})
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z./]*)$")
TOKEN_REACH = 64  # characters back from a period to its word: a bound keeps the scan linear (no title is longer)
_NEXT_WORD = re.compile(r"\s+(\S)")
_NEXT_ON_LINE = re.compile(r"[ \t]*(\S)")
_CLOSERS = re.compile("[\"')\\]”’]*")


def _period_ends(text: str, i: int) -> bool:
    """Does the period at text[i] end a sentence? (A closing quote or bracket right after it ends it too.)"""
    j = i + 1
    while j < len(text) and text[j] in "\"')]”’":
        j += 1
    nxt = _NEXT_WORD.match(text, j)
    if j < len(text) and not text[j].isspace():
        return False  # G20.A2, 3.5, e.g.
    if nxt is None:
        return True
    token = m.group(1) if (m := _TOKEN_BEFORE.search(text, max(0, i - TOKEN_REACH), i)) else ""
    low, following = token.lower(), nxt.group(1)
    if low in _TITLES:
        return False
    if len(token) == 1 and token.isupper() and following.isupper():
        return False  # an initial: "B. Sandoval"
    if low in _UNITS and re.search(r"\d\s*" + re.escape(token) + r"$", text[max(0, i - len(token) - 4) : i]):
        return True  # "35 min. pt gave …": a measured amount ends the statement
    if low in _SOFT:
        return following.isupper() or following.isdigit()
    return True


def _newline_ends(text: str, i: int) -> bool:
    """Does the line break at text[i] end a sentence? Not when the next line continues it in lower case."""
    nxt = _NEXT_ON_LINE.match(text, i + 1)
    if nxt is None:
        return True
    line_start = text.rfind("\n", 0, i) + 1
    line = text[line_start:i].rstrip()
    if line.endswith(":"):
        return True
    last = line.rsplit(None, 1)[-1].lower() if line else ""
    # a line that stops on an article or preposition ("documented in the") is continued whatever follows
    return not (nxt.group(1).islower() or last in _NEVER_LAST)


def boundaries(text: str, *, clauses: bool = False) -> list[int]:
    """Positions just after each sentence end (the end of the text included)."""
    ends = [0]
    enders = "!?;" if clauses else "!?"
    for i, ch in enumerate(text):
        if ch == "." and _period_ends(text, i):
            ends.append(_CLOSERS.match(text, i + 1).end())
        elif ch in enders or (ch == "\n" and _newline_ends(text, i)):
            ends.append(i + 1)
    ends.append(len(text))
    return sorted(set(ends))


def sentence_spans(text: str, *, clauses: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, empty pieces dropped."""
    return list(_index(text, clauses)[0])


def _spans(text: str, clauses: bool) -> tuple[tuple[int, int], ...]:
    out = []
    marks = boundaries(text, clauses=clauses)
    for a, b in itertools.pairwise(marks):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead and re.search(r"[A-Za-z0-9]", piece):
            out.append((a + lead, a + trail))
    return tuple(out)


# a letter quotes the note sentence by sentence: the note's spans are cut once, not once per quote (quadratic)
@lru_cache(maxsize=4)
def _index(text: str, clauses: bool) -> tuple[tuple[tuple[int, int], ...], list[int], list[int]]:
    spans = _spans(text, clauses)
    return spans, [a for a, _ in spans], [b for _, b in spans]


def enclosing(text: str, start: int, end: int, *, clauses: bool = True) -> tuple[int, int]:
    """The span of the clauses (or sentences) that contain text[start:end]."""
    spans, starts, ends = _index(text, clauses)
    # the spans are in order and do not overlap: the ones that meet [start, end) are a run found by bisection
    first, last = bisect_right(ends, start), bisect_left(starts, end)
    if first >= last:
        return start, end
    return spans[first][0], spans[last - 1][1]
