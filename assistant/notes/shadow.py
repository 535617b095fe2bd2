"""An ASCII stand-in of a note for RE2's gates (scan.py), so a note with one character beyond ASCII keeps them.

Why: RE2 reads \\w, \\d, \\s, \\b and case as ASCII, Python's `re` as Unicode, so the gates were asked only of ASCII
text; one em dash, checkbox or accented name (12 % of the development notes) made every gated pattern scan the whole
note with Python's `re`, about three times the cost of the check.

The stand-in has the note's length (its offsets are the note's): every ASCII character kept, each other character
replaced by an ASCII one of the same kind for Python's `re`: a word character (`str.isalnum`) by "_", a space
(`str.isspace`) by \\x1f, any other by \\x01. A pattern written in ASCII that Python's `re` matches in the note then
matches the stand-in at the same places as RE2 reads it: each of its atoms that takes a character beyond ASCII
(`.`, \\w, \\W, \\s, \\S, \\D, a negated class) takes its stand-in, and \\b and \\B see the same word characters;
unless a negated class names a stand-in (`usable` says so). No stand-in is made (None) for characters Python folds
to an ASCII letter when ignoring case (İ ı ſ K) nor for decimal digits beyond ASCII (\\d takes them: no ASCII
stand-in for them is free of the classes that name digits).
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _parser  # type: ignore[attr-defined]
from typing import Any

WORD, SPACE, OTHER = "_", "\x1f", "\x01"
_STAND_INS = frozenset(map(ord, (WORD, SPACE, OTHER)))
# every character beyond ASCII that Python's `re` matches to an ASCII letter ignoring case (a test checks the list)
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_last: tuple[str | None, bytes | None] = (None, None)
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
FEW = 8  # different characters beyond ASCII replaced one by one (a pass each, ~1 µs per 2 KB); more in one pass


def stand_in(text: str) -> bytes | None:
    """The ASCII bytes of `text`'s stand-in (the text itself when ASCII), or None when none can be made. The last
    text's is kept: a note is asked by tens of gates in a row."""
    global _last
    if text.isascii():
        return text.encode("ascii")
    last_text, last_bytes = _last
    if last_text is text:
        return last_bytes
    beyond = set(_BEYOND_ASCII.findall(text))
    made: bytes | None = None
    if not any(c in FOLDS_TO_ASCII or c.isdecimal() for c in beyond):
        kinds = {c: WORD if c.isalnum() else SPACE if c.isspace() else OTHER for c in beyond}
        if len(kinds) <= FEW:
            shadow = text
            for c, kind in kinds.items():
                shadow = shadow.replace(c, kind)
        else:  # one pass, whatever the number of different characters (a text in another script): linear
            shadow = text.translate({ord(c): kind for c, kind in kinds.items()})
        made = shadow.encode("ascii")
    _last = (text, made)
    return made


@lru_cache(maxsize=512)
def usable(source: str, flags: int) -> bool:
    """Whether RE2 may read `source` (Python syntax, read with `flags`) on a stand-in: written in ASCII (escapes
    too), and no negated class names a stand-in."""
    if not source.isascii():
        return False
    try:
        tree = _parser.parse(source, flags & (re.IGNORECASE | re.MULTILINE))
    except re.error:
        return False
    return _plain(tree)


def _plain(items: Any) -> bool:
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL") and av > 0x7F:
            return False
        if name == "NOT_LITERAL" and av in _STAND_INS:
            return False
        if name == "IN" and not _plain_class(av):
            return False
        if not all(_plain(sub) for sub in _children(name, av)):
            return False
    return True


def _plain_class(items: list[tuple[Any, Any]]) -> bool:
    negated = bool(items) and str(items[0][0]) == "NEGATE"
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and (av > 0x7F or (negated and av in _STAND_INS)):
            return False
        if name == "RANGE" and (av[1] > 0x7F or (negated and any(av[0] <= s <= av[1] for s in _STAND_INS))):
            return False
    return True


def _children(name: str, av: Any) -> list[Any]:
    """The sub-patterns of one node of an sre parse tree."""
    if name == "SUBPATTERN":
        return [av[3]]
    if name == "BRANCH":
        return list(av[1])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return [av[2]]
    if name == "ATOMIC_GROUP":
        return [av]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if name == "GROUPREF_EXISTS":
        return [p for p in av[1:] if p is not None]
    return []
