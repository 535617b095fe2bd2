"""Known names (patient, caregiver, clinician) matched accent-folded in any case, and whole words.

    finder = known_names_finder(["Bao Tran", "Delores Johnson"])
    finder("PCP: Bảo Trần ... JOHNSON, DELORES")   # spans of "Bảo Trần", "JOHNSON", "DELORES"

A part of a name that is a common English word ("Rose", "Grace") is matched only where it is
capitalised or stands in a person's place, so "BP rose" stays. `whole_word` widens a span that
would cut a word, so a placeholder never leaves half a name behind ("Mr. <PERSON_1>śniewski").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.phi import patterns as p
from assistant.phi.fold import fold, fold_word
from assistant.phi.lexicon import get_lexicon
from assistant.phi.names import CLINICAL, COMMON, EPONYM_HEAD, NEXT_SLOT, PREV_SLOT, VERY_COMMON, WORD_RE, Span, words


def whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that starts or ends inside a word (letters on both sides of the cut) to the
    whole word, hyphen- and apostrophe-joined parts included: a name is never cut mid-word."""

    def inside(i: int) -> bool:
        if 0 < i < len(text) and _letter(text[i - 1]) and _letter(text[i]):
            return True
        return 1 < i < len(text) - 1 and text[i] in "-'’" and _letter(text[i - 1]) and _letter(text[i + 1])

    def joined_left(i: int) -> bool:
        return i > 1 and text[i - 1] in "-'’" and _letter(text[i - 2])

    def joined_right(i: int) -> bool:
        return i + 1 < len(text) and text[i] in "-'’" and _letter(text[i + 1])

    while start > 0 and (inside(start) or joined_left(start)):
        start -= 2 if joined_left(start) else 1
    while end < len(text) and (inside(end) or joined_right(end)):
        end += 2 if joined_right(end) else 1
    return start, end


def _letter(ch: str) -> bool:
    return ch.isalpha()


def _parts(names: Iterable[str]) -> tuple[set[str], set[str]]:
    fulls: set[str] = set()
    parts: set[str] = set()
    for raw in names:
        words = WORD_RE.findall(str(raw))
        if not words:
            continue
        fulls.add(" ".join(fold_word(w).lower() for w in words))
        for word in words:
            for part in {word, *re.split(r"['’\-]", word)}:
                if len(part) >= 2 and part.lower() not in p.NOT_NAMES:
                    parts.add(fold_word(part).lower())
    return fulls, parts


def known_names_finder(names: Iterable[str], *, score: float = 0.85):  # type: ignore[no-untyped-def]
    """Finder for given names: whole names and each part, ASCII-folded and in any case; a part that is
    a common English word ("Rose", "Grace") only where it is capitalised or stands in a person's place."""
    fulls, parts = _parts(names)
    if not parts and not fulls:
        return None
    lex = get_lexicon()
    alternation = "|".join(
        [r"\s+".join(map(re.escape, f.split())) for f in sorted(fulls, key=len, reverse=True)]
        + [re.escape(x) for x in sorted(parts, key=len, reverse=True)]
    )
    regex = re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])")

    def find(text: str) -> list[Span]:
        folded, index = fold(text)
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
        out: list[Span] = []
        for m in regex.finditer(low):
            start, end = index[m.start()], index[m.end() - 1] + 1
            original = text[start:end]
            if m.group() in CLINICAL and (not original[:1].isupper() or EPONYM_HEAD.match(text, end)):
                continue  # a known "Katz" is scrubbed; the "Katz ADL index" stays
            zipf = lex.zipf(m.group()) if " " not in m.group() else 0.0
            if (
                zipf >= COMMON
                and not original[:1].isupper()
                and (zipf >= VERY_COMMON or not _slot_at(text, start, end))
            ):
                continue  # "rose" the verb, "will" the modal
            if zipf >= COMMON and _WORD_SENSE_NEXT.match(text, end):
                continue  # the word, not the person, before an article or a bare verb: "May cause", "Mark the HEP"
            start, end = whole_word(text, start, end)
            out.append((start, end, "PERSON", score))
        return out

    return find


# Words around a lower-case common word that do not make it a person: "trained to park the wheelchair",
# "lock and park", "the park was closed". A person's place needs a stronger neighbour ("with rose", "rose reports").
_WEAK_PREV = words("to and & for from by per")
_WEAK_NEXT = words("and & was is has had did does today return returns demo able unable")


# A word after a name that is also a common word, which makes it the word (a modal, an imperative, a month before a
# verb's object), never the person: "May cause dizziness", "Mark the HEP", "Will be seen". A person's own verbs
# ("Mark reports", "May stood") are not here.
_WORD_SENSE_NEXT = re.compile(r"[ \t]+(?:the|a|an|cause|causes|be|not|occur|result|include|each|every|all|any|your)\b")


def _slot_at(text: str, start: int, end: int) -> bool:
    before = WORD_RE.findall(text[max(0, start - 20) : start])
    after = WORD_RE.findall(text[end : end + 20])
    prev = before[-1].lower() if before else ""
    nxt = after[0].lower() if after else ""
    return (prev in PREV_SLOT and prev not in _WEAK_PREV) or (nxt in NEXT_SLOT and nxt not in _WEAK_NEXT)
