from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.knowledge.loader import load_knowledge
from assistant.retrieval.chunking import Chunk, chunk_knowledge, sentences
from assistant.yamlio import load_yaml


def test_ids_are_unique_and_stable(kb) -> None:
    first = chunk_knowledge(kb)
    second = chunk_knowledge(load_knowledge(kb.root))
    assert [c.id for c in first] == [c.id for c in second]
    assert [c.hash for c in first] == [c.hash for c in second]
    assert len({c.id for c in first}) == len(first)
    for c in first:
        assert c.id.startswith(f"{c.entry}#")
        assert c.entry.split(":", 1)[0] == c.kind


def test_every_kind_is_indexed(kb) -> None:
    kinds = {c.kind for c in chunk_knowledge(kb)}
    assert kinds == {"faq", "rule", "denial", "reason", "code", "dx", "fee", "source", "appeal", "units"}


def test_edit_keeps_id_changes_hash(kb_copy: Path) -> None:
    before = {c.id: c.hash for c in chunk_knowledge(load_knowledge(kb_copy))}
    path = kb_copy / "faq" / "general.yaml"
    data = load_yaml(path.read_text())
    data["faqs"][0]["answer"] += " Document where the patient was."
    path.write_text(yaml.safe_dump(data))
    after = {c.id: c.hash for c in chunk_knowledge(load_knowledge(kb_copy))}
    assert before.keys() == after.keys()
    changed = [i for i in before if before[i] != after[i]]
    assert changed == ["faq:patient_in_room#0"]


def test_metadata(kb) -> None:
    chunks = {c.id: c for c in chunk_knowledge(kb)}
    faq = chunks["faq:patient_in_room#0"]
    assert faq.source_id == "cpt_2024"  # highest authority of its sources wins over the vendor
    assert "97550" in faq.codes
    reason = chunks["reason:50#0"]
    assert "CO-50" in reason.text and "50" in reason.codes
    fee = chunks["fee:97550-RVU25D#0"]
    assert "$52.08 non-facility" in fee.text and "$44.64 facility" in fee.text
    assert str(fee.effective_from) == "2025-01-01"
    assert chunks["faq:telehealth_2026#0"].in_force(None)
    assert not chunks["faq:telehealth_2026#0"].in_force(__import__("datetime").date(2024, 5, 1))


def test_long_text_is_split_at_sentences() -> None:
    from assistant.retrieval.chunking import _split

    text = " ".join(f"Sentence number {i} says something useful here." for i in range(80))
    pieces = _split(text, max_words=60)
    assert len(pieces) > 1
    assert all(len(p.split()) <= 60 for p in pieces)
    assert " ".join(pieces) == " ".join(text.split())


@pytest.mark.parametrize(
    ("on", "expected"),
    [(None, True), (date(2024, 12, 31), False), (date(2025, 1, 1), True), (date(2025, 6, 30), True),
     (date(2025, 7, 1), False)],
)
def test_chunk_in_force(on: date | None, expected: bool) -> None:
    chunk = Chunk(id="a:b#0", entry="a:b", kind="a", text="t", source_id="s",
                  effective_from=date(2025, 1, 1), effective_to=date(2025, 6, 30))
    assert chunk.in_force(on) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bill 97550 GP CQ, e.g. 97550 GP CQ; Medicare pays 85%. No. Next.", ["Bill 97550 GP CQ, e.g. 97550 GP CQ; "
         "Medicare pays 85%.", "No.", "Next."]),
        ("Not recognized (MBPM ch. 15 §230.3.C), so no. Done.", ["Not recognized (MBPM ch. 15 §230.3.C), so no.",
                                                                 "Done."]),
        ("One sentence only", ["One sentence only"]),
    ],
)
def test_sentences_keep_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
