"""Offline answers over the shipped knowledge: dated facts, extracted answers, and saying so when the
knowledge does not answer."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer.gate import Cited, check_answer
from assistant.service import Assistant


@pytest.mark.parametrize(
    ("question", "dos", "says"),
    [
        ("how many 97551 for 52 minutes?", None, ["97550 x1 and 97551 x1", "38-52"]),
        ("70 minutes with the husband, what do I bill?", None, ["97551 x3"]),
        ("12 minutes with the wife, anything billable?", None, ["not reportable"]),
        ("medicare rate for 97550 non facility on a 2/15/2024 DOS?", None, ["$52.06 non-facility"]),
        ("what did 97550 pay in 2024?", None, ["$52.06", "$52.93", "2024-03-09"]),
        ("KX threshold 2025?", None, ["$2,410"]),
        ("ALJ amount in controversy 2025?", None, ["$190"]),
        ("how long do I have to file a redetermination?", None, ["120 days"]),
        ("was G35 still valid in November 2025?", None, ["No", "G35.A", "2025-10-01"]),
        ("G20.A1 ok as dx?", date(2024, 7, 1), ["Yes", "G20.A1", "2023-10-01"]),
        ("can I bill 97550 by telehealth for a March 2024 visit?", None, ["2024", "in person"]),
        ("what does CO-50 mean?", None, ["medical necessity"]),
        ("conversion factor 2025?", None, ["$32.3465"]),
        # a dollar figure with KX asks the threshold, not a fee
        ("pt passed $2330 for PT in 2024, do later 97550 lines need KX", None, ["KX", "$2,330"]),
        ("we are at $2,410 PT/SLP in 2025 - KX on the 97551 lines now?", None, ["KX", "$2,410"]),
        # "desc" is a descriptor asked for
        ("short desc of 92507 in 2025?", None, ["Tx sp lang voice comm indiv"]),
        ("what's the long desc for 97530", None, ["Therapeutic activities"]),
    ],
)
def test_answers(assistant: Assistant, question: str, dos: date | None, says: list[str]) -> None:
    answer = assistant.answer(question, dos=dos)
    assert answer.answered, answer.text
    for phrase in says:
        assert phrase in answer.text, (phrase, answer.text)


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("texas medicaid fee for 97550 in 2025?", "Medicaid"),
        ("What's the KX threshold going to be in 2027?", "2027"),
        ("what is the medicare payment for 97550 in california in 2025", "locality"),
        ("97550 medicare rate in 2027?", "2027"),
        ("ALJ amount in controversy for 2027?", "2027"),
        ("what does aetna pay for 97551 in 2025?", "commercial"),
        ("can I bill 99213 with modifier 25?", "99213"),
        ("how much is a PT evaluation 97161 paid?", "97161"),
        ("what is 97112 paid in 2025, next to 97551?", "97112"),
        ("how much does 97550 pay vs 97535 in 2025", "97535"),
        ("97550 allowed amount for cook county 2026 with the gpcis", "locality"),
        ("if the son we trained drops dad at home, are we liable?", "legal"),
        ("can the family sue us if the wife we trained falls with him", "legal"),
        ("best way to teach a husband a slide board transfer with a TBI patient?", "clinical"),
        ("how should we cue a spouse during bed mobility after a stroke", "clinical"),
        ("what will 97551 pay in the LA localities in 2025?", "locality"),
    ],
)
def test_says_when_it_cannot_answer(assistant: Assistant, question: str, why: str) -> None:
    answer = assistant.answer(question)
    assert not answer.answered
    assert answer.text.startswith("I can't answer this from the knowledge base")
    assert why.lower() in answer.text.lower()
    assert answer.sentences[0].passage_id is None


@pytest.mark.parametrize(
    "question",
    ["is G0541 billable in 2024?", "how much does medicare pay for 97551 in 2026?", "got PR-119, how do I fix it",
     "can the patient be in the room?", "how many units for 70 minutes", "KX threshold 2026",
     "Medicare Advantage plan denied 97552 - how long to appeal?"],
)
def test_every_sentence_passes_the_gate_against_its_passage(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question)
    texts = {p.id: p.text for p in answer.passages}
    cited = [Cited(s.text, [texts[s.passage_id]]) for s in answer.sentences if s.passage_id]
    assert cited and check_answer(cited, question) == []
    assert answer.passages[0].id == answer.sentences[0].passage_id


@pytest.mark.parametrize("question", ["what does 97550 pay in 2025 when billed same day as 97530?",
                                      "97551 fee in 2025 after 97530 earlier that day",
                                      "how do we document 97550 so we are not liable in an audit",
                                      "best way to document the caregiver's return demonstration for 97550?",
                                      # "code for Jan 2026" asks when, not for a thing called "Jan" (round 12)
                                      "caregivers of 6 residents, pressure injury prevention, residents not in the "
                                      "room: which code for Jan 2026 and how many units?"])
def test_billing_questions_near_a_refusal_are_answered(assistant: Assistant, question: str) -> None:
    assert assistant.answer(question).answered


def test_passages_follow_the_cited_ones(assistant: Assistant) -> None:
    answer = assistant.answer("how much does medicare pay for 97551 in 2026?", k=4)
    ids = [p.id for p in answer.passages]
    assert len(ids) == 4 == len(set(ids))
    assert ids[0] == "fee:97551-RVU26C#0"


# National amounts from cts-facts §2.4 (computed there from the CMS files, not by this code).
PUBLISHED = {
    ("97550", "2024-02-01"): "$52.06", ("97550", "2024-06-01"): "$52.93", ("97550", "2025-06-01"): "$52.08",
    ("97550", "2026-06-01"): "$52.77", ("97551", "2024-02-01"): "$25.87", ("97551", "2024-06-01"): "$26.30",
    ("97551", "2025-06-01"): "$25.55", ("97551", "2026-06-01"): "$26.05", ("97552", "2024-02-01"): "$21.94",
    ("97552", "2024-06-01"): "$22.30", ("97552", "2025-06-01"): "$22.00", ("97552", "2026-06-01"): "$22.04",
}


@pytest.mark.parametrize(("code", "day"), sorted(PUBLISHED))
def test_fee_answers_match_the_published_amounts(assistant: Assistant, code: str, day: str) -> None:
    answer = assistant.answer(f"what does medicare pay for {code}?", dos=date.fromisoformat(day))
    assert answer.answered and PUBLISHED[(code, day)] in answer.text, answer.text


@pytest.mark.parametrize("code", ["G0539", "G0540", "G0541", "G0542", "G0543"])
@pytest.mark.parametrize("question", ["what does medicare pay for {code} in 2024?", "is {code} billable in 2024?"])
def test_g_codes_did_not_exist_in_2024(assistant: Assistant, code: str, question: str) -> None:
    answer = assistant.answer(question.format(code=code))
    assert answer.answered and answer.text.startswith("No") and "2025-01-01" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "says"),
    [("G20 ok in 2023 september?", ["Yes", "2023-09-30"]), ("G20 in 2023?", ["In part", "2023-09-30", "2023-10-01"]),
     ("G35.A billable in Sept 2025?", ["No", "2025-10-01"]), ("Z96.641 valid dx?", ["Yes", "Z96.641"]),
     ("how many minutes for one 97550", ["16-37"]), ("how many minutes do I need for 2 units of 97551", ["53-67"])],
)
def test_dates_and_codes_in_words(assistant: Assistant, question: str, says: list[str]) -> None:
    answer = assistant.answer(question)
    assert answer.answered and all(s in answer.text for s in says), answer.text
