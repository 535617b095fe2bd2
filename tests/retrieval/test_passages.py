"""Every passage of the shipped knowledge (and of the test fixture) reads as a quotable sentence:
no template placeholders or internal identifiers, no repeated boilerplate, a cited source with a
URL, and a consistent effective window."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest

from assistant.knowledge.loader import Knowledge, cached_knowledge, load_knowledge
from assistant.retrieval.chunking import Chunk, chunk_knowledge, sentences
from tests.retrieval.conftest import FIXTURE_KNOWLEDGE

PLACEHOLDER = re.compile(r"\{[^{}]*\}|\[\[|\]\]")
IDENTIFIER = re.compile(r"(?<![/\w])[a-z]+(?:_[a-z0-9]+)+\b")  # claim_identifiers, not a repository name


def _chunks(which: str) -> tuple[Knowledge, list[Chunk]]:
    kb = cached_knowledge() if which == "shipped" else load_knowledge(FIXTURE_KNOWLEDGE)
    return kb, chunk_knowledge(kb)


def _no_placeholder(kb: Knowledge, c: Chunk) -> bool:
    return not PLACEHOLDER.search(c.text)


def _no_identifier(kb: Knowledge, c: Chunk) -> bool:
    return not IDENTIFIER.search(c.text)


def _sentence_shape(kb: Knowledge, c: Chunk) -> bool:
    text = c.text
    titled = c.kind == "source" and text.startswith(kb.sources[c.source_id].title)  # a citation prefix
    return (text == " ".join(text.split()) and (titled or text[0] in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"$")
            and text.rstrip("\")").endswith((".", "?", "!")) and " ." not in text and ".." not in text)


def _no_repeat_inside(kb: Knowledge, c: Chunk) -> bool:
    long = [s for s in sentences(c.text) if len(s.split()) >= 6]
    return len(long) == len(set(long))


def _cited(kb: Knowledge, c: Chunk) -> bool:
    src = kb.sources[c.source_id]
    return src.url.startswith(("https://", "http://")) and bool(src.publisher and src.title)


def _window(kb: Knowledge, c: Chunk) -> bool:
    return not (c.effective_from and c.effective_to and c.effective_to < c.effective_from)


CHECKS: dict[str, Callable[[Knowledge, Chunk], bool]] = {
    "no template placeholder": _no_placeholder,
    "no internal identifier": _no_identifier,
    "one clean sentence or more": _sentence_shape,
    "no sentence repeated inside": _no_repeat_inside,
    "cites a source with a URL": _cited,
    "effective window in order": _window,
}


@pytest.mark.parametrize("which", ["shipped", "fixture"])
@pytest.mark.parametrize("check", sorted(CHECKS))
def test_every_passage(which: str, check: str) -> None:
    kb, chunks = _chunks(which)
    bad = [f"{c.id}: {c.text[:100]}" for c in chunks if not CHECKS[check](kb, c)]
    assert not bad, f"{len(bad)} passage(s) fail '{check}':\n" + "\n".join(bad[:10])


@pytest.mark.parametrize("which", ["shipped", "fixture"])
def test_no_boilerplate_across_passages(which: str) -> None:
    """A sentence of eight words or more appears in at most three passages."""
    _kb, chunks = _chunks(which)
    counts = Counter(s for c in chunks for s in set(sentences(c.text)) if len(s.split()) >= 8)
    repeated = {s: n for s, n in counts.items() if n > 3}
    assert not repeated, repeated


@pytest.mark.parametrize(
    ("entry", "phrases"),
    [
        ("code:G0541", ["G0541 is valid from 2025-01-01", "did not exist before"]),
        ("fee:97551-RVU26C", ["97551", "in the year 2026", "$26.05 non-facility", "$21.04 facility",
                              "non-QP conversion factor $33.4009", "$26.18 non-facility"]),
        ("fee:97550-RVU24A", ["$52.06 non-facility", "from 2024-01-01 through 2024-03-08", "$52.93 non-facility"]),
        ("fee:kx-2025", ["$2,410", "2025"]),
        ("units:cts", ["16-37 minutes: 97550 x1", "38-52 minutes: 97550 x1 and 97551 x1", "0-15 minutes: nothing"]),
        ("appeal:redetermination", ["120 days", "Redetermination", "receipt of the initial determination"]),
        ("appeal:aic-alj-2025", ["$190", "2025"]),
        ("fee:telehealth-2024", ["not on the Medicare Telehealth Services List", "in person"]),
        ("rule:patient_absent", ["without the patient present"]),
    ],
)
def test_shipped_passages_state_their_facts(entry: str, phrases: list[str]) -> None:
    texts = " ".join(c.text for c in chunk_knowledge(cached_knowledge()) if c.entry == entry)
    assert texts, f"no passage for {entry}"
    for phrase in phrases:
        assert phrase in texts, (entry, phrase)
