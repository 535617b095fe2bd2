"""What every passage builder shares: the `Chunk`, the `Builder` that collects them, and the sentence,
money and date wording helpers (imported by `chunking`, `chunk_text` and `chunk_facts`)."""


from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import AUTHORITY_RANK
from assistant.retrieval.fusion import normalise_code, query_codes

# Bump when the way passages are cut or worded, or the BM25 tokenizer, changes: it is part of the index key.
CHUNKER_VERSION = "17"
MAX_WORDS = 180  # all-MiniLM-L6-v2 truncates at 256 word pieces; stay well under

CODE_RE = re.compile(r"(?<![\w.])(?:9\d{4}|G0\d{3}|Z\d{2}(?:\.\w+)?|[A-Z]\d{2}\.\w+)(?![\w]|\.\d)")
_ABBREVIATIONS = ("e.g.", "i.e.", "ch.", "vs.", "Pub.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "approx.", "Inc.")
_SENTENCE_RE = re.compile("".join(f"(?<!{re.escape(a)})" for a in _ABBREVIATIONS) + r"(?<=[.!?])\s+(?=[A-Z0-9\"(§])")


@dataclass(frozen=True)
class Chunk:
    """One indexable passage: text plus everything needed to cite and filter it."""

    id: str
    entry: str  # "<kind>:<entry-id>", the unit evals score
    kind: str
    text: str
    source_id: str
    effective_from: date | None = None
    effective_to: date | None = None
    codes: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    hash: str = field(default="", compare=False)

    def in_force(self, on: date | None) -> bool:
        if on is None:
            return True
        if self.effective_from and on < self.effective_from:
            return False
        return not (self.effective_to and on > self.effective_to)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _split(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Cut at sentence ends so each piece stays under `max_words`; short text stays whole."""
    text = " ".join(text.split())
    if len(text.split()) <= max_words:
        return [text] if text else []
    pieces: list[str] = []
    current: list[str] = []
    for sentence in _SENTENCE_RE.split(text):
        if current and len(" ".join([*current, sentence]).split()) > max_words:
            pieces.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        pieces.append(" ".join(current))
    return pieces


def sentences(text: str) -> list[str]:
    """The sentences of `text` (split after . ! ? before a capital, digit, quote or bracket)."""
    return [s for s in _SENTENCE_RE.split(" ".join(text.split())) if s]


def sentence(text: str) -> str:
    """`text` ending with sentence punctuation."""
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."


def money(amount: float, *, cents: bool = True) -> str:
    """ "$52.08"; "$2,410" for a whole-dollar threshold (`cents=False`)."""
    return f"${amount:,.2f}" if cents or not float(amount).is_integer() else f"${amount:,.0f}"


def window_words(start: date | None, end: date | None) -> str:
    """ "from 2025-01-01 through 2025-12-31"; empty when the window is open on both sides."""
    if start and end:
        return f"from {start.isoformat()} through {end.isoformat()}"
    if start:
        return f"from {start.isoformat()}"
    if end:
        return f"through {end.isoformat()}"
    return ""


def primary_source(kb: Knowledge, ids: Iterable[str]) -> str:
    """The highest-authority source among `ids` (first listed wins a tie)."""
    known = [i for i in ids if i in kb.sources]
    if not known:
        raise ValueError(f"no known source among {list(ids)}")
    return max(known, key=lambda i: (AUTHORITY_RANK[kb.sources[i].authority], -known.index(i)))


def codes_in(text: str) -> set[str]:
    """Codes a passage's text names, as passages are tagged (CPT, HCPCS, ICD-10-CM, CARC/RARC, modifiers)."""
    return set(CODE_RE.findall(text)) | set(query_codes(text))


class Builder:
    """Collects chunks; numbers the passages of each entry."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self.chunks: list[Chunk] = []
        self._next: dict[str, int] = {}  # next passage number per entry

    def add(
        self,
        kind: str,
        entry_id: str,
        texts: Iterable[str],
        *,
        sources: Iterable[str],
        window: tuple[date | None, date | None] = (None, None),
        codes: Iterable[str] = (),
        topics: Iterable[str] = (),
        prefix: str = "",
    ) -> None:
        source_id = primary_source(self.kb, sources)
        entry = f"{kind}:{entry_id}"
        pieces = [p for t in texts for p in _split(t)]
        first = self._next.get(entry, 0)
        self._next[entry] = first + len(pieces)
        for n, piece in enumerate(pieces, start=first):
            text = f"{prefix}{piece}" if prefix and n > 0 else piece
            found = {normalise_code(c) for c in codes} | codes_in(text)
            self.chunks.append(
                Chunk(
                    id=f"{entry}#{n}",
                    entry=entry,
                    kind=kind,
                    text=text,
                    source_id=source_id,
                    effective_from=window[0],
                    effective_to=window[1],
                    codes=tuple(sorted(found)),
                    topics=tuple(sorted(set(topics))),
                    hash=content_hash(text),
                )
            )
