"""Round 6 regression shapes: a login built from a person's name (by its key in a log or JSON export, or after
"exported by"), an age answer in a questionnaire, and the kept side: kinship words and titles in German,
Portuguese, Spanish and Hawaiian, "Mum", a surname equal to an eponym kept in "Xs disease" / "X catheter" when
only the full name is known, and an Arjo stand aid. Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    ("AUDIT 2024-01-02T08:00:00Z user=tquorvald(Tova Quorvald, PT) VIEW chart", "tquorvald"),
    ('{"session":"s-1","therapist":"bxendrik3","minutes":40}', "bxendrik3"),
    ('{"claim":"C-9","user":"mparvelle","payer":"X"}', "mparvelle"),
    ("=== Note Export === (exported 2024-05-06 10:02 by ovantrask)", "ovantrask"),
    ('{"linkId":"4","text":"Patient age","answer":[{"valueInteger":93}]}', "93"),
]

KEEP = [
    ("Voss;Elke;97550;Jorin Voss (Ehemann);+1 (402) 555-0100", ["Ehemann"]),
    ("Greta + Timo (Tochter/Sohn);;68000", ["Tochter/Sohn"]),
    ("Olá Dra. Quelvia, aqui é a filha da Dona Iracema Quorvalo. Meu irmão veio.", ["Dra.", "Dona", "irmão"]),
    ("Doña Remedios tiene 93 años.\nLcda. Yaretzi Quorvalo, PT", ["Doña", "Lcda."]),
    ("return demo 4/4. Tūtū asked for written steps.", ["Tūtū"]),
    ("Subject: RE: Mum's sessions", ["Mum"]),
    ("stand-pivot with a gait belt and the Sara Stedy, unsafe before", ["Sara Stedy"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pt Wren Parkinson, Parkinson's disease stage 3.", ["Parkinson's disease"]),
        ("reviewed Foley catheter bag, per nurse Ines Foley, RN", ["Foley catheter"]),
    ],
)
def test_eponym_kept_beside_a_known_full_name(deid: Deidentifier, text: str, words: list[str]) -> None:
    name = "Parkinson, Wren" if "Parkinson" in text else "Foley, Ines"
    out = deid.deidentify(text, extra_names=[name]).text
    assert all(w in out for w in words), out


@pytest.mark.parametrize("login", ["sys.fax", "system"])
def test_system_account_not_a_person(deid: Deidentifier, login: str) -> None:
    out = deid.deidentify(f"AUDIT user={login} FAX sent pages=4").text
    assert login in out, out
