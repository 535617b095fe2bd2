"""Caregivers introduced by kinship and first name ("granddaughter Kayla", "son, Vikram", "CG: wife Halina").

Used where a name must be told apart from the patient's: whom a consent names, whom a pronoun refers to.
A representative who consents (POA, guardian) is not introduced as a trainee by that word.
"""

from __future__ import annotations

import calendar
import re

from assistant.notes.scan import sparse_finditer
from assistant.notes.vocabulary import CONCEPTS

_KIN = "|".join(
    re.escape(w)
    for w in sorted(CONCEPTS["RELATIONSHIP"], key=len, reverse=True)
    if w.replace("-", "").isalpha() and w not in ("poa", "guardian", "family member", "family members", "parent")
)
KIN_NAME_SOURCE = rf"\b(?i:{_KIN})\b,?[ \t]+(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+)\b"
# "son Mr. ...", "wife Anna's": a title or a possessive names no one by that
KIN_NAME = re.compile(KIN_NAME_SOURCE + r"(?![.'’])")
# where a match can start: the kinship word and the name after it, without the lookahead (RE2 finds them; the pattern
# is tried only there, not at every position, nor at every kinship word: most name no one)
_KIN_STARTS = KIN_NAME_SOURCE
NOT_GIVEN_NAMES = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name) | {"Mr", "Mrs", "Ms", "Miss", "Dr"}


def kin_names(text: str) -> set[str]:
    """First names the note gives caregivers right after a kinship word (one scan of the note)."""
    return {m["name"] for m in sparse_finditer(KIN_NAME, text, _KIN_STARTS)} - NOT_GIVEN_NAMES
