"""Short answers that must not say more than the knowledge holds (QA10 #3, #5, #14, #23): a code's validity in a year
past the last one the knowledge reaches. The clock is fixed at 2026-06-15 (`dated`)."""

from __future__ import annotations

import pytest

from assistant.service import Assistant


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # past the knowledge's last dated figure (2027): not "in effect in 2031"
        ("is 97550 billable in 2031?", "not published"),
        ("can we still bill G0541 in 2030", "not published"),
        # next year (2027) is within what the knowledge reaches: still answered yes
        ("is 97551 valid in 2027?", "Yes: 97551 is in effect in 2027"),
    ],
)
def test_validity_beyond_the_knowledge(dated: Assistant, question: str, said: str) -> None:
    answer = dated.answer(question)
    assert said in answer.text, answer.text
    assert "in effect in 203" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Is 92507 billable for caregiver training with the patient absent in 2025?",
        "Is 97535 billable in 2025 when I train the wife alone without the patient?",
        "can I bill 97530 for caregiver training in 2026 when the patient stays home?",
    ],
)
def test_patient_present_code_without_the_patient(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert answer.text.startswith("No: "), answer.text
    assert "Yes" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "can I bill 97550 and G0541 for the same 30 minutes in 2025?",
        "97535 and 97550 for the same time in 2026, ok?",
    ],
)
def test_same_minutes_two_families_no_yes(dated: Assistant, question: str) -> None:
    assert "Yes" not in dated.answer(question).text


@pytest.mark.parametrize(
    ("question", "leads"),
    [
        ("Can 97550 be billed via telehealth in 2024?", "No. "),
        ("could we do 97551 over telehealth back in 2024", "No. "),
    ],
)
def test_one_verdict_first(dated: Assistant, question: str, leads: str) -> None:
    answer = dated.answer(question)
    assert answer.text.startswith(leads), answer.text
    assert answer.text.count("No.") == 1, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Does a Medicare Advantage plan have to cover 97550 in 2025?",
        "Does Medicare Advantage have to pay for caregiver training 97550 in 2026?",
    ],
)
def test_ma_coverage_leads_with_the_rule(dated: Assistant, question: str) -> None:
    # the rule (MA plans follow Traditional Medicare's criteria) first; the exception is not the answer's opening
    answer = dated.answer(question)
    assert answer.text.startswith("Medicare Advantage plans must cover"), answer.text


@pytest.mark.parametrize(
    "question",
    ["can a student PT furnish 97550?", "our OT intern ran the caregiver session, can we bill 97550?"],
)
def test_trainee_furnisher_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text


def test_trainee_named_beside_the_question_answered(dated: Assistant) -> None:
    # a student who documented the minutes is not asked about as the one who furnishes: the minutes are answered
    answer = dated.answer("my student wrote down 38 minutes with the pt's son, no pt present - 97550 only?")
    assert answer.answered, answer.text


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("is G0539 billable in 2025 by a physical therapist?", False),
        ("can an SLP bill G0539 in 2026", False),
        ("is G0539 valid in 2025?", True),
    ],
)
def test_qhp_code_asked_for_a_therapist(dated: Assistant, question: str, answered: bool) -> None:
    answer = dated.answer(question)
    assert answer.answered is answered, answer.text
    assert answered or "Yes" not in answer.text, answer.text
