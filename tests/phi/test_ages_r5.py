"""Ages over 89 in the shapes the round-5 sealed set wrote them: the writer's own ("im 92"), a kin word then a name
("my father Abdirahman is 92"), a caregiver's relation and age ("(wife, 91)"), and an Age column of a markdown table
whose header opens with a "#" column and names "Caregiver(s)". Ages under 90, measures and row numbers stay.
Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier

TABLE = (
    "| # | Patient | Age | Caregiver(s) | Minutes |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Varlow, Edwin | 97 | Nora Varlow (wife) | 45 |\n"
    "| 2 | Ossin, Pell | 84 | Tam Ossin (son) | 30 |\n"
)
SCRUB = [
    ("hi its me. im 92 in october and my hands are bad.", "92"),
    ("I am 96 and live alone.", "96"),
    ("My father Abdirahman is 93. He needs stairs training.", "93"),
    ("Caregiver: Veda Quorn (wife, 91), trained 40 min.", "91"),
    ("Caregiver: Veda Quorn (dtr, 90), trained 40 min.", "90"),
    (TABLE, "97"),
    (TABLE, "Nora Varlow"),
    # from round 11 every stated age is PHI (round-5 kept this one): an age said after a person is stated
    ("My father is 84 and was trained 40 min.", "84"),
]
KEEP = [
    ("im 95% sure the session was 40 min.", "95%"),
    ("I am 92 pounds lighter than last year.", "92 pounds"),
    (TABLE, "| 1 |"),
    (TABLE, "| 45 |"),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert secret not in deid.deidentify(text).text


@pytest.mark.parametrize(("text", "kept"), KEEP)
def test_kept(deid: Deidentifier, text: str, kept: str) -> None:
    assert kept in deid.deidentify(text).text
