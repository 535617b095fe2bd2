"""Query expansion (`retrieval/query.py`): the cost-sharing words are added for the patient's share, not a wage."""

from __future__ import annotations

from assistant.retrieval.query import expand


def test_out_of_pocket_asks_the_patients_share() -> None:
    assert "coinsurance" in expand("will the family have to pay out of pocket for the training?")


def test_a_helpers_wage_is_not_the_patients_share() -> None:
    assert "coinsurance" not in expand("the family pays her $22/hr out of pocket; can she be trained?")
