"""Billers' shorthand and Spanish-English questions, rewritten into the words query understanding reads."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.retrieval.understand import understand
from assistant.retrieval.wording import is_spanish, normalise


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        ("what's the allowed amt for 97551, non-fac", ["allowed amount", "non-facility"]),
        ("cg trained thru the afternoon", ["caregiver", "through"]),
        ("pt has medicare adv, denied", ["medicare advantage"]),
        ("med adv plan wants auth", ["medicare advantage plan"]),
        ("¿cuánto paga medicare por G0541?", ["how much", "G0541"]),
        ("el paciente estaba presente, ¿puedo facturar 97550?", ["patient was present", "can I bill 97550"]),
        ("capacitación con la esposa el 3 de abril de 2025", ["training with the wife", "April 3, 2025"]),
        ("modificador GO o GP para la cuidadora?", ["modifier GO or GP", "caregiver"]),
    ],
)
def test_normalise(question: str, holds: list[str]) -> None:
    out = normalise(question)
    for words in holds:
        assert words in out, out


@pytest.mark.parametrize("question", ["can I bill 97550 en route to the clinic?", "is sin a dx?", "la la land"])
def test_english_stays_english(question: str) -> None:
    assert not is_spanish(question)
    assert normalise(question) == question


@pytest.mark.parametrize(
    ("question", "kind", "period"),
    [
        ("cuánto paga medicare por 97550 el año pasado", "fee", (date(2025, 1, 1), date(2025, 12, 31))),
        ("¿es válido G0541 en diciembre de 2024?", "code_validity", (date(2024, 12, 1), date(2024, 12, 31))),
        ("97551 allowed amt for dos 2/20/24", "fee", (date(2024, 2, 20), date(2024, 2, 20))),
        ("pago de 97552 en 2026", "fee", (date(2026, 1, 1), date(2026, 12, 31))),
        ("G0541 valido before 2025?", "code_validity", (date(2024, 1, 1), date(2024, 12, 31))),
        ("97550 rate after 2024", "fee", (date(2025, 1, 1), date(2025, 12, 31))),
    ],
)
def test_read_after_rewriting(question: str, kind: str, period: tuple[date, date]) -> None:
    intent = understand(question, today=date(2026, 6, 1))
    assert (intent.kind, intent.period) == (kind, period)


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # a family's plain words (the vocabulary table, knowledge/vocabulary/words.yaml)
        ("only paid for certain sicknesses, like stroke, from a list", ["certain diagnoses"]),
        ("a letter saying no to paying for the caregiver training", ["a letter denying the caregiver training"]),
        ("will they turn us down?", ["will they deny us?"]),
        ("My father has strong memory sickness and he cannot give his agreement",
         ["has strong dementia", "cannot consent"]),
        ("the teaching could not be made over the computer", ["made by video"]),
        # settings' jargon
        ("Long-stay res, Part A benefit exhausted", ["Long-stay resident"]),
        ("for our 2026 rate cards", ["2026 fee schedules"]),
        ("IDT huddle: dtr is primary cg", ["interdisciplinary team huddle", "daughter is primary caregiver"]),
    ],
)
def test_vocabulary(question: str, holds: list[str]) -> None:
    out = normalise(question)
    for words in holds:
        assert words in out, out


@pytest.mark.parametrize("question", ["resident in a SNF", "the HHA aide", "resubmit the claim", "address on file"])
def test_vocabulary_keeps_whole_words(question: str) -> None:
    assert normalise(question) == question
