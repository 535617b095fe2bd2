"""Kin words families write ("Papa", Somali "Aabo", "Hooyo") and kin abbreviations of rosters and HL7 role codes
("SIL", "DIL", "GRNDDAU") reach the model; the names beside them do not. Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier

CASES = [
    ("we do the night shift with Papa. Please call back.", "Papa", None),
    ('Subject: "Aabo\'s training" from Idil Warfa', "Aabo", "Idil Warfa"),
    ("Hooyo needs help on the stairs, said Ayan Jama.", "Hooyo", "Ayan Jama"),
    ("Caregivers: Mara Kell (dtr); Oren Kell (SIL)", "SIL", "Oren Kell"),
    ("Caregivers: Tovin Ashe (son); Lira Ashe (DIL)", "DIL", "Lira Ashe"),
    ('{"code": "GRNDDAU"}, "name": "Pele Kaawa"', "GRNDDAU", "Pele Kaawa"),
]


@pytest.mark.parametrize(("text", "kept", "secret"), CASES)
def test_kin_words_stay_and_names_go(deid: Deidentifier, text: str, kept: str, secret: str | None) -> None:
    out = deid.deidentify(text).text
    assert kept in out
    assert secret is None or secret not in out
