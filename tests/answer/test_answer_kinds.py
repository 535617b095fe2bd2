"""Answers by the kind of question (shipped knowledge, default embedder): what a code is, an add-on
billed alone, a diagnosis code that changes after the date asked, payment reductions, telehealth for
therapists, and refusals grounded in what the passages hold."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        ("what is G0541?", None, ["direct", "2025-01-01"], "code:G0541"),
        ("can I bill G0540 on its own?", None, ["add-on", "G0539"], "code:G0540"),
        ("is G20 ok for a patient seen on 2023-09-15?", date(2023, 9, 15), ["G20", "2023-10-01"], "dx:G20"),
        ("does sequestration reduce what medicare pays for 97552 in 2026?", None, ["2%"], "fee:sequestration-2pct"),
        ("what does 97551 pay in 2025 when an OTA furnishes it?", None, ["85%", "$25.55"], "fee:assistant-rate"),
        ("OT did caregiver training by video on 2026-02-01, is that payable?", date(2026, 2, 1),
         ["retroactively", "2027"], "fee:therapist-waiver-2025-2027"),
        ("why are there two conversion factors in 2024?", None, ["$32.7442", "$33.2875"], "faq:payment_2024"),
        ("can I bill 97550 twice for one patient on the same day?", None, ["once per patient per date"],
         "faq:once_per_date"),
    ],
)
def test_answers(assistant: Assistant, question: str, dos: date | None, holds: list[str], first: str) -> None:
    answer = assistant.answer(question, dos=dos)
    assert answer.answered, answer.text
    for words in holds:
        assert words in answer.text, answer.text
    assert answer.sentences[0].passage_id is not None
    assert answer.sentences[0].passage_id.split("#")[0] == first, answer.sentences


@pytest.mark.parametrize(
    "question",
    [
        "does Cigna require prior authorization for 97552?",  # another payer's own policy
        "what is the Humana timely filing limit?",
        "which ICD-10 code for cerebral palsy goes with caregiver training?",  # nothing found names it
        "what's the MUE for 97552?",  # the sources say it was not found
        "what's the best recipe for lasagna?",  # nothing of the field at all, whatever a passage shares
        "who won the world cup in 2022?",
    ],
)
def test_refuses(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question)
    assert not answer.answered, answer.text
    assert answer.text.startswith("I can't answer this from the knowledge base")


@pytest.mark.parametrize(
    "question",
    [
        "found a stack of unbilled 97550s from 14 months ago... too late?",
        "ALJ amount in controversy 2025?",
        "N640",
        "can my wife be trained if I'm not in the room?",
    ],
)
def test_questions_of_the_field_are_not_refused_as_out_of_scope(assistant: Assistant, question: str) -> None:
    assert "not this question" not in assistant.answer(question).text


def test_named_payer_denial_code_still_answers(assistant: Assistant) -> None:
    """A CARC means the same at every payer: naming the payer does not stop the meaning."""
    answer = assistant.answer("Aetna denied 97550 with CO-50, what does that mean?")
    assert answer.answered and "50" in answer.text
