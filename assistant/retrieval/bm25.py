"""The lexical channel: BM25 (bm25s) over a tokenizer that keeps billing codes whole.

"CO-50", "97551", "N657", "G0541", "KX" and "GP" must match exactly, so a hyphenated or
alphanumeric code is kept as one token (and also split into its parts, so "CO-50" matches
"CARC 50"). Words are lower-cased and Snowball-stemmed (PyStemmer); stop words are dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "should",
        "so",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)
_GROUPS = ("co", "pr", "oa", "pi", "cr")
_CODE_RANGE = re.compile(r"(?:\d{5}|g0\d{3})-(?:\d{5}|g0\d{3})")
# British spellings in the sources meet American ones in questions.
_SPELLING = {"neighbour": "neighbor", "neighbours": "neighbors", "behaviour": "behavior", "recognise": "recognize",
             "recognised": "recognized", "recognises": "recognizes", "authorisation": "authorization",
             "organisation": "organization", "centre": "center", "programme": "program", "licence": "license"}


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    stem = _stemmer().stemWord
    out: list[str] = []
    for raw in _TOKEN.findall(text):
        low = raw.lower()
        if low in _STOP:
            continue
        low = _SPELLING.get(low, low)
        has_digit = any(ch.isdigit() for ch in low)
        if has_digit or ("-" in low) or (raw.isupper() and 2 <= len(raw) <= 5):
            out.append(low)  # a code or an abbreviation: exact
            if "-" in low and low[0].isalpha():  # "co-50", "non-facility"; not dates like 2025-01-01
                parts = [p for p in low.split("-") if p and p not in _STOP]
                out.extend(p if any(ch.isdigit() for ch in p) else stem(p) for p in parts)
            elif "." in low and not has_digit:
                out.extend(low.split("."))
            elif _CODE_RANGE.fullmatch(low):  # "97550-97552", "g0541-g0543": each end is a code too
                out.extend(low.split("-"))
        else:
            out.append(stem(low))
    # "CARC 50" and "CO-50" should meet: add the grouped form for a bare CARC after a group code
    for i, tok in enumerate(out[:-1]):
        if tok in _GROUPS and out[i + 1].isdigit():
            out.append(f"{tok}-{out[i + 1]}")
    return out


class LexicalIndex:
    """BM25 scores for a fixed list of passages (same order as the passage list)."""

    def __init__(self, model, size: int) -> None:  # type: ignore[no-untyped-def]
        self._model = model
        self.size = size

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75)
        corpus = [tokenize(t) or ["_empty_"] for t in texts]
        model.index(corpus, show_progress=False)
        return cls(model, len(texts))

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._model.save(str(directory), show_progress=False)
        (directory / "size.json").write_text(json.dumps({"size": self.size}))

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        import bm25s

        model = bm25s.BM25.load(str(directory), load_corpus=False)
        size = json.loads((directory / "size.json").read_text())["size"]
        return cls(model, size)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for `query` (zeros when no query term is known)."""
        vocab = self._model.vocab_dict
        ids = [vocab[t] for t in tokenize(query) if t in vocab]
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores_from_ids(ids), dtype=np.float32)
