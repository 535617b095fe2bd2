from __future__ import annotations

import pytest

from assistant.retrieval.bm25 import LexicalIndex, tokenize
from assistant.retrieval.fusion import normalise_code, query_codes
from assistant.retrieval.store import where_clause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denied CO-50", {"co-50", "co", "50"}),
        ("billed 97551 with GP", {"97551", "gp"}),
        ("RARC N657 and KX", {"n657", "kx"}),
        ("G0541 direct care", {"g0541"}),
        ("CARC CO 16", {"co-16"}),
    ],
)
def test_codes_survive_tokenizing(text: str, expected: set[str]) -> None:
    assert expected <= set(tokenize(text))


def test_stemming_and_stop_words() -> None:
    tokens = tokenize("The caregivers were training with the patients")
    assert "the" not in tokens and "caregiv" in tokens and "train" in tokens


def test_query_codes() -> None:
    assert query_codes("CO-50 N657 pr-119 97551 without 97550, KX and GP, CO-B15") == [
        "50",
        "N657",
        "119",
        "97551",
        "97550",
        "KX",
        "GP",
        "B15",
    ]
    assert query_codes("can the patient be in the room") == []
    assert normalise_code("co-50") == "50" and normalise_code("n657") == "N657" and normalise_code("CO") == "CO"


def test_exact_code_ranks_first(tmp_path) -> None:
    texts = ["CARC 50 (CO-50): not medically necessary.", "RARC N657: bill with the right code.", "Caregiver training."]
    index = LexicalIndex.build(texts)
    index.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25")
    assert int(loaded.scores("N657").argmax()) == 1
    assert int(loaded.scores("denied co-50").argmax()) == 0
    assert not loaded.scores("zzz unknown").any()


def test_where_clause() -> None:
    assert where_clause(dos_n=None, authorities=None, codes=None) is None
    assert where_clause(dos_n=None, authorities=["cms"], codes=None) == {"authority": {"$in": ["cms"]}}
    clause = where_clause(dos_n=20240501, authorities=None, codes=["97550", "97551"])
    assert clause == {
        "$and": [
            {"from_n": {"$lte": 20240501}},
            {"to_n": {"$gte": 20240501}},
            {"$or": [{"code_97550": True}, {"code_97551": True}]},
        ]
    }
