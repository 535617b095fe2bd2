"""spaCy (vocabulary, Cython tokenizer, phrase matcher; no model download) + negspacy over the phrase lists.

`concepts(text)` returns every vocabulary phrase found, with its character span, its sentence,
and whether NegEx judges it negated. Two NegEx termsets apply: the general one, and one for
return demonstration, where a failed attempt ("unable to return demonstrate") is still a
documented demonstration.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from types import SimpleNamespace
from typing import NamedTuple

import numpy as np
from negspacy.negation import Negex
from negspacy.termsets import termset
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.lang.xx import MultiLanguage
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab, create_vocab

from assistant.notes.cues import Cues, add_cues, can_share, split_cues
from assistant.notes.scan import may_contain
from assistant.notes.vocabulary import (
    CONCEPTS,
    EXTRA_FOLLOWING,
    EXTRA_PRECEDING,
    EXTRA_TERMINATION,
    PREDICATE_NEGATED,
    RD_FOLLOWING,
    RD_PRECEDING,
)


class Concept(NamedTuple):
    """A vocabulary phrase found in the note (a NamedTuple: hundreds are built per note)."""

    label: str
    start: int
    end: int
    text: str
    negated: bool
    sent_start: int
    sent_end: int


def _termset(
    preceding: tuple[str, ...], following: tuple[str, ...], drop: tuple[str, ...] = ()
) -> dict[str, list[str]]:
    ts = termset("en_clinical")  # type: ignore[no-untyped-call]
    ts.add_patterns(  # type: ignore[no-untyped-call]
        {
            "preceding_negations": list(preceding),
            "following_negations": list(following),
            "termination": list(EXTRA_TERMINATION),
        }
    )
    patterns: dict[str, list[str]] = ts.get_patterns()  # type: ignore[no-untyped-call]
    patterns["preceding_negations"] = [p for p in patterns["preceding_negations"] if p not in drop]
    patterns["following_negations"] = [p for p in patterns["following_negations"] if p not in drop]
    return patterns


def _rd_termset() -> dict[str, list[str]]:
    base = _termset(RD_PRECEDING, RD_FOLLOWING)
    # A failed or cued attempt is documented: these must not negate a return demonstration.
    keep_out = {
        "cannot",
        "can't",
        "cant",
        "couldn't",
        "couldnt",
        "unable to",
        "did not",
        "didn't",
        "didnt",
        "not demonstrate",
        "was not",
        "were not",
        "wasn't",
        "wasnt",
        "weren't",
        "werent",
        "doesn't",
        "doesnt",
        "don't",
        "dont",
    }
    base["preceding_negations"] = [p for p in base["preceding_negations"] if p not in keep_out]
    base["following_negations"] = [p for p in base["following_negations"] if p not in keep_out]
    return base


# Labels whose negation must sit next to them: a "not" elsewhere in a long sentence ("pt not present:
# 09:30-10:10 with daughter") is about something else. Presence and consent keep the sentence scope.
NEAR_BEFORE, NEAR_AFTER = 5, 2  # tokens
NEAR_LABELS = frozenset(
    {"RELATIONSHIP", "SKILL_FUNCTIONAL", "SKILL_DIRECT_CARE", "SKILLED", "TEACHING", "GOAL", "NEED"}
)
# Labels that a "not" closed by its own predicate ("she is not paid", "he was not here") never negates:
# dictation has no full stops, so "... not paid the patient gave verbal consent" is one sentence.
OPEN_CUE_LABELS = frozenset({"CONSENT"})
# A dictated note without full stops is one "sentence" of hundreds of words: there a cue negates only what
# is near it (NegEx's own window is a few words), not everything to the end of the note.
LONG_SCOPE, LONG_BEFORE, LONG_AFTER = 40, 8, 3  # tokens
# "she does not get paid": the verb between the cue and the predicate it closes on
_LINKING = frozenset({"get", "gets", "getting", "got", "being", "be"})


class _Scope:
    """NegEx scope for one document, in O(n log n).

    negspacy supplies the termsets (their cues are found with the concepts: cues.py); the scope
    rule is upstream's: a preceding cue negates what follows
    it, a following cue what precedes it, within one sentence up to a termination cue.
    Why not the component itself: it builds a Span object per match and rescans every span
    per boundary, which is quadratic and dominated the cost of a check.
    """

    def __init__(self, cues: Cues, lower: list[int], sentence_starts: list[int]) -> None:
        preceding, following, terminating = cues
        # "declined to wait in the lobby", "refused to come in": a cue followed by "to" negates the act after it, not
        # what went before ("Pt was in the room the whole session -- declined to wait in the lobby")
        following = [cue for cue in following if not (cue[2] < len(lower) and lower[cue[2]] == _TO_ID)]
        self.bounds = sorted(set(sentence_starts) | {t[1] for t in terminating} | {0})
        self.sentences = sorted(set(sentence_starts) | {0})
        self.first_pre: dict[int, int] = {}
        self.last_fol: dict[int, int] = {}
        for _, start, _end in preceding:
            b = bisect_right(self.bounds, start) - 1
            self.first_pre[b] = min(start, self.first_pre.get(b, start))
        for _, start, end in following:
            b = bisect_right(self.bounds, start) - 1
            self.last_fol[b] = max(end, self.last_fol.get(b, end))
        self.pre_ends = sorted(end for _, _start, end in preceding)
        self.fol_starts = sorted(start for _, start, _end in following)
        self.n_tokens = len(lower)
        # the same scope without the cues that negate only the word after them ("not paid")
        self.open_pre: dict[int, int] = {}
        self.open_fol: dict[int, int] = {}
        for _, start, end in preceding:
            if not _closed(lower, end):
                b = bisect_right(self.bounds, start) - 1
                self.open_pre[b] = min(start, self.open_pre.get(b, start))
        for _, start, end in following:
            if not _closed(lower, end):
                b = bisect_right(self.bounds, start) - 1
                self.open_fol[b] = max(end, self.open_fol.get(b, end))
        self.open_pre_ends = sorted(end for _, _start, end in preceding if not _closed(lower, end))
        self.open_fol_starts = sorted(start for _, start, end in following if not _closed(lower, end))

    def negated(self, start: int, end: int) -> bool:
        b = bisect_right(self.bounds, start) - 1
        limit = self.bounds[b + 1] if b + 1 < len(self.bounds) else self.n_tokens
        if end > limit:
            return False  # a match crossing a boundary is left alone, as upstream does
        if not (self.first_pre.get(b, end) < start or self.last_fol.get(b, start) > end):
            return False
        return self._sentence_length(start) <= LONG_SCOPE or self._near(start, end, LONG_BEFORE, LONG_AFTER)

    def _sentence_length(self, start: int) -> int:
        i = bisect_right(self.sentences, start) - 1
        return (self.sentences[i + 1] if i + 1 < len(self.sentences) else self.n_tokens) - self.sentences[i]

    def _near(self, start: int, end: int, before: int, after: int) -> bool:
        i = bisect_right(self.pre_ends, start) - 1
        if i >= 0 and start - self.pre_ends[i] <= before:
            return True
        j = bisect_right(self.fol_starts, end - 1)
        return j < len(self.fol_starts) and self.fol_starts[j] - end <= after

    def negated_open(self, start: int, end: int) -> bool:
        """Negated by a cue that is not closed by its own predicate ("not paid", "not here")."""
        if not self.negated(start, end):
            return False
        b = bisect_right(self.bounds, start) - 1
        if not (self.open_pre.get(b, end) < start or self.open_fol.get(b, start) > end):
            return False
        if self._sentence_length(start) <= LONG_SCOPE:
            return True
        # in a dictated run-on "sentence" the open cue itself must be near ("... is not paid consent was signed")
        i = bisect_right(self.open_pre_ends, start) - 1
        if i >= 0 and start - self.open_pre_ends[i] <= LONG_BEFORE:
            return True
        j = bisect_right(self.open_fol_starts, end - 1)
        return j < len(self.open_fol_starts) and self.open_fol_starts[j] - end <= LONG_AFTER

    def negated_near(self, start: int, end: int) -> bool:
        """Negated by a cue at most `reach` tokens away ("no family caregiver", "daughter, not paid")."""
        return self.negated(start, end) and self._near(start, end, NEAR_BEFORE, NEAR_AFTER)


# the lower-case forms as spaCy's LOWER attribute holds them (string hashes): no Token object per question
_LINKING_IDS = frozenset(get_string_id(word) for word in _LINKING)
_TO_ID = get_string_id("to")
_PREDICATE_IDS = frozenset(get_string_id(word) for word in PREDICATE_NEGATED)


def _closed(lower: list[int], cue_end: int) -> bool:
    """A cue followed by a predicate it negates on its own: "not paid", "no pay", "not here"."""
    if cue_end < len(lower) - 1 and lower[cue_end] in _LINKING_IDS:
        cue_end += 1
    return cue_end < len(lower) and lower[cue_end] in _PREDICATE_IDS


_LONG_RUN = re.compile(r"\S{64,}")
# Any run `_LONG_RUN` finds is also a run of these characters (each whitespace here is \s): one RE2 search,
# ~1 µs, tells whether the costlier scan (every position tried, ~25 µs per 2 KB) has anything to blank. Asked
# through may_contain: the binding's own search on the note's bytes, not a match object built for a str.
_LONG_RUN_CANDIDATE = r"[^ \t\n\x0b\x0c\r]{64,}"
_BREAK_CHARS = re.compile(r"[.!?;\n]")
_IS_BREAK_BYTE = np.zeros(256, dtype=bool)
_IS_BREAK_BYTE[list(b".!?;\n")] = True


def minimal_tokenizer(vocab: Vocab) -> Tokenizer:
    """Words and single punctuation marks (apostrophes stay inside words), in spaCy's Cython
    tokenizer with its cache. Why not the language rules: their prefix/suffix/special-case
    search was half the cost of a check, and the phrase lists only need words and punctuation
    split the same way in patterns and notes."""
    punct = r"[^\w\s'’]"
    return Tokenizer(
        vocab,
        prefix_search=re.compile(rf"^{punct}").search,
        suffix_search=re.compile(rf"{punct}$").search,
        infix_finditer=re.compile(punct).finditer,
    )


def sentence_starts(text: str, token_start: np.ndarray) -> list[int]:
    """Token indices that begin a sentence: after . ! ? ; or a line break (vectorised: the number of
    break characters before each token, from one scan and a binary search per token)."""
    if text.isascii():  # byte offsets are character offsets: look the bytes up in one vector operation
        breaks = np.flatnonzero(_IS_BREAK_BYTE[np.frombuffer(text.encode("ascii"), dtype=np.uint8)])
    else:
        breaks = np.fromiter((m.start() for m in _BREAK_CHARS.finditer(text)), dtype=np.int64)
    at = np.searchsorted(breaks, token_start, side="left")
    return [0, *(np.flatnonzero(at[1:] > at[:-1]) + 1).tolist()]


class ConceptFinder:
    """spaCy Doc and PhraseMatcher (blank, no model) over the project phrase lists, two NegEx scopes."""

    def __init__(self) -> None:
        # No Language object: creating one imports every "spacy_factories" entry point (presidio's
        # pulls in transformers and torch). A vocabulary with the language-neutral lexical
        # attributes (LOWER for the phrase matcher) and the tokenizer are all this needs.
        vocab = create_vocab("xx", MultiLanguage.Defaults)
        nlp = SimpleNamespace(vocab=vocab, tokenizer=minimal_tokenizer(vocab))
        self.nlp = nlp
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        patterns = {label: [nlp.tokenizer(phrase) for phrase in phrases] for label, phrases in CONCEPTS.items()}
        for label, docs in patterns.items():
            self.matcher.add(label, docs)
        self.labels = {vocab.strings[label]: label for label in CONCEPTS}
        self.rd_id = vocab.strings["RETURN_DEMO"]
        general = _termset(EXTRA_PRECEDING, EXTRA_FOLLOWING, drop=("cannot", "can't", "cant"))
        # negspacy only uses .vocab and .tokenizer of the pipeline it is given
        self.general = Negex(nlp, "negex_general", general)  # type: ignore[arg-type]
        self.return_demo = Negex(
            nlp,  # type: ignore[arg-type]
            "negex_return_demo",
            _rd_termset(),
            extension_name="rd_negex",
        )
        termsets = {"general": self.general, "return_demo": self.return_demo}
        # one pass over the tokens finds concepts and cues, unless sharing would reorder concept matches
        self.cue_matcher = self.matcher if can_share(patterns, termsets) else PhraseMatcher(vocab, attr="LOWER")
        self.cue_keys = add_cues(self.cue_matcher, termsets)

    def __call__(self, text: str) -> list[Concept]:
        # spaCy's tokenizer strips affixes one character at a time: quadratic on a long run without
        # spaces (a pasted separator, 1 MB of brackets or emoji). No phrase is that long: blank the run.
        if may_contain(_LONG_RUN_CANDIDATE, text):
            text = _LONG_RUN.sub(lambda m: " " * len(m.group(0)), text)
        doc = self.nlp.tokenizer(text)
        if not len(doc):
            return []
        arr = doc.to_array([IDX, LENGTH, LOWER])
        token_start, token_len, lower = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 2].tolist()
        sent_tokens = sentence_starts(text, arr[:, 0])
        sent_chars = [token_start[i] for i in sent_tokens]
        found = self.matcher(doc)
        cue_matches = found if self.cue_matcher is self.matcher else self.cue_matcher(doc)
        labels = self.labels
        matches = [m for m in found if m[0] in labels]
        cues = split_cues(cue_matches, self.cue_keys, ("general", "return_demo"))
        general = _Scope(cues["general"], lower, sent_tokens)
        # the return-demonstration scope only when such a phrase is there
        rd_id = self.rd_id
        has_rd = any(m[0] == rd_id for m in matches)
        return_demo = _Scope(cues["return_demo"], lower, sent_tokens) if has_rd else None
        out: list[Concept] = []
        append, n_sent, n_text = out.append, len(sent_chars), len(text)
        general_negated = general.negated
        for match_id, start, end in matches:
            label = labels[match_id]
            if label == "RETURN_DEMO" and return_demo is not None:
                negated = return_demo.negated(start, end)
            elif label in NEAR_LABELS:
                negated = general.negated_near(start, end)
            elif label in OPEN_CUE_LABELS:
                negated = general.negated_open(start, end)
            else:
                negated = general_negated(start, end)
            char_start, char_end = token_start[start], token_start[end - 1] + token_len[end - 1]
            s = bisect_right(sent_chars, char_start) - 1
            sent_end = sent_chars[s + 1] if s + 1 < n_sent else n_text
            append(Concept(label, char_start, char_end, text[char_start:char_end], negated, sent_chars[s], sent_end))
        out.sort(key=lambda c: (c.start, -c.end))
        return _drop_contained(out)


@lru_cache(maxsize=1)
def finder() -> ConceptFinder:
    """Built once per process (~0.3 s)."""
    return ConceptFinder()


def concepts(text: str) -> list[Concept]:
    found = finder()(text)
    wrapped = wrapped_phrases(text)
    return _drop_contained(sorted(found + wrapped, key=lambda c: (c.start, -c.end))) if wrapped else found


# Presence is the one element a wrapped phrase decides alone ("Pt remained in the\n           room"): the phrase
# matcher reads a line break and its indentation as a token of their own, so these phrases are matched again with
# a line break between their words. One scan of the note; the negation a word or two before is read directly.
WRAPPED_LABELS = ("PRESENCE", "ABSENCE")
_NEGATION_BEFORE = re.compile(r"\b(?:not|no|never|n't|without)\s+(?:\w+\s+)?$", re.I)


@lru_cache(maxsize=1)
def _wrapped_table() -> dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...], str]]]:
    """(last word on the line, first word on the next) → the multi-word PRESENCE/ABSENCE phrases broken there:
    (their words before the break, after it, label)."""
    table: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
    for label in WRAPPED_LABELS:
        for phrase in CONCEPTS[label]:
            words = tuple(phrase.lower().split())
            for i in range(1, len(words)):
                table.setdefault((words[i - 1], words[i]), []).append((words[:i], words[i:], label))
    return table


# a line break, its next line indented and going on in lower case (without indentation, extract.py joins the lines)
_INDENTED_WRAP = re.compile(r"\n[ \t]+(?=[a-z])")
_WORD = re.compile(r"\S+")
_TRAILING = ".,;:!?)"
WRAP_REACH = 60  # characters read either side of a line break: more than the longest phrase


def wrapped_phrases(text: str) -> list[Concept]:
    """PRESENCE/ABSENCE phrases broken over an indented line ("remained in the\n   room"), with their sentence.
    Each such line break is looked up once by the words either side of it: linear in the note."""
    if "\n " not in text and "\n\t" not in text:
        return []
    table = _wrapped_table()
    out: list[Concept] = []
    for m in _INDENTED_WRAP.finditer(text):
        line_start = text.rfind("\n", max(0, m.start() - WRAP_REACH), m.start()) + 1
        before = list(_WORD.finditer(text, max(line_start, m.start() - WRAP_REACH), m.start()))
        after = list(_WORD.finditer(text, m.end(), m.end() + WRAP_REACH))
        if not before or not after:
            continue
        key = (before[-1].group(0).lower(), after[0].group(0).lower().rstrip(_TRAILING))
        # the longest phrase first: "remained in the room" over "in the room"
        for head, tail, label in sorted(table.get(key, ()), key=lambda e: -len(e[0]) - len(e[1])):
            if len(head) > len(before) or len(tail) > len(after):
                continue
            said_before = tuple(w.group(0).lower() for w in before[-len(head) :])
            said_after = tuple(w.group(0).lower() for w in after[: len(tail)])
            if said_before == head and said_after[:-1] == tail[:-1] and said_after[-1].rstrip(_TRAILING) == tail[-1]:
                a, b = before[-len(head)].start(), after[len(tail) - 1].start() + len(tail[-1])
                out.append(_wrapped_concept(text, a, b, label))
                break
    return out


def _wrapped_concept(text: str, a: int, b: int, label: str) -> Concept:
    negated = _NEGATION_BEFORE.search(text, max(0, a - 20), a) is not None
    starts = [text.rfind(ch, max(0, a - SENTENCE_REACH), a) for ch in ".!?;\n"]
    stops = [i for i in (text.find(ch, b, b + SENTENCE_REACH) for ch in ".!?;") if i != -1]
    return Concept(label, a, b, text[a:b], negated, max(starts) + 1, min(stops) if stops else len(text))


SENTENCE_REACH = 240


def _drop_contained(items: list[Concept]) -> list[Concept]:
    """Within one label keep the longest match ("return demonstration of" over "return demonstration")."""
    kept: list[Concept] = []
    last_end: dict[str, int] = {}
    for item in items:
        if last_end.get(item.label, -1) >= item.end:
            continue
        kept.append(item)
        last_end[item.label] = item.end
    return kept
