"""Knowledge → passages, with stable ids and the metadata the filters need.

A passage id is ``<kind>:<entry-id>#<n>`` (for example ``rule:patient_absent#0``): the same
knowledge gives the same ids on every build, and an edit changes the passage's ``hash`` (in its
metadata) but not its id. ``entry`` (``rule:patient_absent``) is what evals score against, so
scoring does not depend on how an entry is split.

Every passage is written to be quoted: whole sentences, no template placeholders, no internal
identifiers, and the same sentence is not repeated inside a passage. The wording of each kind
lives in `chunk_text` (FAQs, rules, denials, codes, sources) and `chunk_facts` (fees, thresholds,
telehealth periods, appeal routes: the dated facts, with amounts computed by `assistant.billing`).

Pure code: takes a `Knowledge`, returns `Chunk`s. No I/O, no model.
"""

from __future__ import annotations

from assistant.knowledge.loader import Knowledge
from assistant.retrieval import chunk_facts, chunk_text
from assistant.retrieval.chunk_base import (  # noqa: F401 - the passage vocabulary, re-exported
    CHUNKER_VERSION,
    Builder,
    Chunk,
    _split,
    money,
    sentence,
    sentences,
    window_words,
)

__all__ = ["CHUNKER_VERSION", "Builder", "Chunk", "chunk_knowledge", "money", "sentence", "sentences", "window_words"]


def chunk_knowledge(kb: Knowledge) -> list[Chunk]:
    """Every passage of the knowledge base, in a stable order, with unique ids."""
    b = Builder(kb)
    for part in (chunk_text.faqs, chunk_text.rules, chunk_text.denials, chunk_text.codes, chunk_facts.fees,
                 chunk_facts.appeals, chunk_text.sources):
        part(b)
    ids = [c.id for c in b.chunks]
    if len(ids) != len(set(ids)):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate passage ids: {dupes[:5]}")
    return b.chunks
