"""NegEx cue phrases of several termsets found in the same phrase-matcher pass as the concepts.

negspacy's `process_negations` runs one phrase matcher per termset over the note; the check uses two
termsets and the concept phrase lists, so the tokens were walked three times. Here every termset's
cues are added to the concept matcher under keys of their own, and one pass finds everything. The
pseudo-negation filter is negspacy's rule (a cue that starts inside a pseudo-negation such as "no
increase" is no cue), answered by binary search instead of a scan of every pseudo match.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import Any

from negspacy.negation import Negex
from spacy.matcher import PhraseMatcher

Match = tuple[int, int, int]  # (key id, first token, token after the last)
Cues = tuple[list[Match], list[Match], list[Match]]  # preceding, following, termination
_KINDS = ("pseudo", "preceding", "following", "termination")


def _phrases(negex: Negex) -> tuple[list[Any], ...]:
    return negex.pseudo_patterns, negex.preceding_patterns, negex.following_patterns, negex.termination_patterns


def can_share(concepts: dict[str, list[Any]], termsets: dict[str, Negex]) -> bool:
    """Whether cues may join the concept matcher without changing the order of concept matches: a
    phrase that is both a cue and a concept must have one concept label (the matcher lists the keys
    of one phrase in its hash table's order, which more keys may change)."""
    labels: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for label, docs in concepts.items():
        for doc in docs:
            labels[tuple(t.lower_ for t in doc)].add(label)
    cues = {tuple(t.lower_ for t in doc) for negex in termsets.values() for docs in _phrases(negex) for doc in docs}
    return all(len(labels[phrase]) <= 1 for phrase in cues if phrase in labels)


def add_cues(matcher: PhraseMatcher, termsets: dict[str, Negex]) -> dict[int, tuple[str, int]]:
    """Add every termset's cues to `matcher`; returns key id -> (termset name, kind index in _KINDS)."""
    keys = {}
    for name, negex in termsets.items():
        for kind, docs in enumerate(_phrases(negex)):
            key = f"negex_{name}_{_KINDS[kind]}"
            matcher.add(key, docs)
            keys[matcher.vocab.strings[key]] = (name, kind)
    return keys


def split_cues(matches: list[Match], keys: dict[int, tuple[str, int]], names: tuple[str, ...]) -> dict[str, Cues]:
    """Each termset's (preceding, following, termination) cues among `matches`, pseudo-negations applied."""
    found: dict[str, tuple[list[Match], ...]] = {name: ([], [], [], []) for name in names}
    for m in matches:
        where = keys.get(m[0])
        if where is not None:
            found[where[0]][where[1]].append(m)
    out = {}
    for name, (pseudo, *kinds) in found.items():
        if pseudo:
            inside = _inside_any(pseudo)
            kinds = [[m for m in ms if not inside(m[1])] for ms in kinds]
        out[name] = (kinds[0], kinds[1], kinds[2])
    return out


def _inside_any(spans: list[Match]) -> Any:
    """A test of whether a token index lies in one of `spans` [start, end] (both ends included, as
    negspacy has it)."""
    ordered = sorted((s, e) for _, s, e in spans)
    starts = [s for s, _ in ordered]
    reach, furthest = [], -1
    for _, e in ordered:
        furthest = max(furthest, e)
        reach.append(furthest)

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and reach[i] >= pos

    return inside
