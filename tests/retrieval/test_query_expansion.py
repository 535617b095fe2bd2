"""Query expansion (`retrieval/query.py`): the cost-sharing words are added for the patient's share, not a wage."""

from __future__ import annotations

from assistant.retrieval.query import expand


def test_out_of_pocket_asks_the_patients_share() -> None:
    assert "coinsurance" in expand("will the family have to pay out of pocket for the training?")


def test_a_helpers_wage_is_not_the_patients_share() -> None:
    assert "coinsurance" not in expand("the family pays her $22/hr out of pocket; can she be trained?")


def test_a_wound_nurse_is_not_a_non_physician_practitioner() -> None:
    # ("wound nurse + OT ran the family education hour": a nurse, not an NP who bills)
    assert "NPP" not in expand("wound nurse + OT ran a family education hour for 3 residents' families")
    assert "NPP" in expand("can an NP bill 97550?")
