"""ASCII folding with an offset map, so a name given as "Bao Tran" is found as "Bảo Trần".

``fold(text)`` returns the folded text and, for every folded character, the index of the
original character it came from (plus one trailing entry for the end), so a match in the folded
text maps back to an exact span of the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into a base letter plus marks.
_SPECIAL = {
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th",
    "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H", "’": "'",
}  # fmt: skip


def fold_char(ch: str) -> str:
    if ch.isascii():
        return ch
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base or ch


def fold(text: str) -> tuple[str, list[int]]:
    """(folded text, original index of each folded character + [len(text)])."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        rep = fold_char(ch)
        out.append(rep)
        index.extend([i] * len(rep))
    index.append(len(text))
    return "".join(out), index


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    return "".join(fold_char(ch) for ch in word)
