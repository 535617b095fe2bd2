"""spaCy (blank English, no model download) + negspacy over the project's phrase lists.

`concepts(text)` returns every vocabulary phrase found, with its character span, its sentence,
and whether negspacy judges it negated. Two negex components run: the general one, and one
for return demonstration, where a failed attempt ("unable to return demonstrate") is still a
documented demonstration.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import spacy
from negspacy.negation import Negex  # registers the "negex" factory
from negspacy.termsets import termset
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from assistant.notes.vocabulary import (
    CONCEPTS,
    EXTRA_FOLLOWING,
    EXTRA_PRECEDING,
    EXTRA_TERMINATION,
    RD_FOLLOWING,
    RD_PRECEDING,
)

SPAN_KEY = "cts"


@dataclass(frozen=True)
class Concept:
    label: str
    start: int
    end: int
    text: str
    negated: bool
    sent_start: int
    sent_end: int


@Language.factory("cts_concepts")
def _make_concepts(nlp: Language, name: str) -> Any:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, phrases in CONCEPTS.items():
        matcher.add(label, list(nlp.tokenizer.pipe(phrases)))

    def component(doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
        return doc

    return component


class LinearNegex(Negex):
    """negspacy's NegEx with the same scope rules, computed in O(n log n).

    Why: upstream scans every span for every sub-sentence boundary, which is quadratic in
    note length (a 200 KB paste would take minutes).
    """

    def negex(self, doc: Doc) -> Doc:
        preceding, following, terminating = self.process_negations(doc)
        starts = sorted(set(_sentence_starts(doc)) | {t[1] for t in terminating} | {0})
        by_boundary_pre: dict[int, list[Any]] = {}
        by_boundary_fol: dict[int, list[Any]] = {}
        for match in preceding:
            by_boundary_pre.setdefault(bisect_right(starts, match[1]) - 1, []).append(match)
        for match in following:
            by_boundary_fol.setdefault(bisect_right(starts, match[1]) - 1, []).append(match)
        for key in self.span_keys:
            for span in _safe_spans(doc, key):
                index = bisect_right(starts, span.start) - 1
                limit = starts[index + 1] if index + 1 < len(starts) else len(doc)
                if span.end > limit:
                    continue  # spans crossing a boundary are left alone, as upstream does
                self._apply_negation(span, by_boundary_pre.get(index, []), by_boundary_fol.get(index, []))
        return doc


def _sentence_starts(doc: Doc) -> list[int]:
    """Token indices that start a sentence (vectorised: iterating doc.sents is slow)."""
    flags = doc.to_array("SENT_START")
    return [0, *(int(i) for i in np.flatnonzero(flags == 1) if i)]


def _safe_spans(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans[key]) if key in doc.spans else []


@Language.factory(
    "cts_negex",
    default_config={"neg_termset": {}, "ent_types": [], "extension_name": "negex", "span_keys": [SPAN_KEY]},
)
def _make_negex(
    nlp: Language, name: str, neg_termset: dict[str, list[str]], ent_types: list[str], extension_name: str, span_keys: list[str]
) -> LinearNegex:
    return LinearNegex(nlp, name, neg_termset, ent_types=ent_types, extension_name=extension_name, span_keys=span_keys)


def _termset(preceding: tuple[str, ...], following: tuple[str, ...], drop: tuple[str, ...] = ()) -> dict[str, list[str]]:
    ts = termset("en_clinical")
    ts.add_patterns(
        {
            "preceding_negations": list(preceding),
            "following_negations": list(following),
            "termination": list(EXTRA_TERMINATION),
        }
    )
    patterns = ts.get_patterns()
    patterns["preceding_negations"] = [p for p in patterns["preceding_negations"] if p not in drop]
    patterns["following_negations"] = [p for p in patterns["following_negations"] if p not in drop]
    return patterns


@contextmanager
def _without_entry_point_factories() -> Iterator[None]:
    # Why: every spaCy Language() imports all "spacy_factories" entry points, and
    # presidio-analyzer registers one that imports transformers and torch (~6 s of CPU).
    # This pipeline uses none of them, so skip the scan while it is built.
    registry = spacy.util.registry._entry_point_factories
    saved = registry.entry_points
    registry.entry_points = False
    try:
        yield
    finally:
        registry.entry_points = saved


@lru_cache(maxsize=1)
def pipeline() -> Language:
    with _without_entry_point_factories():
        return _build()


def _build() -> Language:
    nlp = spacy.blank("xx")  # language-neutral tokenizer: builds 3x faster than "en", same spans for our phrases
    nlp.max_length = 5_000_000
    # Notes break sentences at newlines and semicolons as often as at full stops.
    from spacy.pipeline.sentencizer import Sentencizer

    punct = [*Sentencizer.default_punct_chars, ";", *("\n" * n for n in range(1, 6))]
    nlp.add_pipe("sentencizer", config={"punct_chars": punct})
    nlp.add_pipe("cts_concepts")
    general = [label for label in CONCEPTS if label != "RETURN_DEMO"]
    nlp.add_pipe(
        "cts_negex",
        name="negex_general",
        config={
            "neg_termset": _termset(EXTRA_PRECEDING, EXTRA_FOLLOWING, drop=("cannot", "can't", "cant")),
            "ent_types": general,
            "span_keys": [SPAN_KEY],
            "extension_name": "negex",
        },
    )
    nlp.add_pipe(
        "cts_negex",
        name="negex_return_demo",
        config={
            "neg_termset": _rd_termset(),
            "ent_types": ["RETURN_DEMO"],
            "span_keys": [SPAN_KEY],
            "extension_name": "rd_negex",
        },
    )
    return nlp


def _rd_termset() -> dict[str, list[str]]:
    base = _termset(RD_PRECEDING, RD_FOLLOWING)
    # A failed or cued attempt is documented: these must not negate a return demonstration.
    keep_out = {"cannot", "can't", "cant", "couldn't", "couldnt", "unable to", "did not", "didn't", "didnt", "not demonstrate",
                "was not", "were not", "wasn't", "wasnt", "weren't", "werent", "doesn't", "doesnt", "don't", "dont"}
    base["preceding_negations"] = [p for p in base["preceding_negations"] if p not in keep_out]
    base["following_negations"] = [p for p in base["following_negations"] if p not in keep_out]
    return base


def concepts(text: str) -> list[Concept]:
    doc = pipeline()(text)
    token_starts = _sentence_starts(doc)
    starts = [doc[i].idx for i in token_starts]
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    out: list[Concept] = []
    for span in doc.spans[SPAN_KEY]:
        negated = span._.rd_negex if span.label_ == "RETURN_DEMO" else span._.negex
        sent_start, sent_end = bounds[bisect_right(starts, span.start_char) - 1]
        out.append(
            Concept(
                label=span.label_,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                negated=bool(negated),
                sent_start=sent_start,
                sent_end=sent_end,
            )
        )
    out.sort(key=lambda c: (c.start, -c.end))
    return _drop_contained(out)


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
