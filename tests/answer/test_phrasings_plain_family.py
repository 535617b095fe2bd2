"""Families writing in plain words (adult children, spouses): "why does Dad have to sign", "will we be charged for
each of us at the class", "she says it has to be a full half hour", "he's using his rehab days in the nursing home",
"I'm his stepson" reach the FAQ that answers them. Wordings are not those of any eval set; the clock is fixed at
2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # why the patient consents to someone else's training
        (
            "the PT had my father sign a form saying my sister can be trained. why does he have to give permission "
            "if he isn't the one being taught?",
            ["consent", "record"],
            "faq:consent_why",
        ),
        # a class with other families: one unit on the patient's claim, however many of the family come
        (
            "we were asked to join a caregiver class with several other families. is my wife billed per person "
            "if both our kids come along?",
            ["one unit"],
            "faq:group_units",
        ),
        # "a full half hour": the mid-point rule's 16 minutes
        (
            "the session ended after 18 minutes when I got a call from work. my aunt says it had to be at least a "
            "half hour to count. is she right?",
            ["16 minutes"],
            None,
        ),
        # a covered nursing-home stay told in plain words: consolidated billing
        (
            "my husband is in a skilled nursing place using his medicare days after his surgery in the hospital. "
            "can the therapist there bill for teaching me?",
            ["consolidated billing"],
            "faq:snf_part_a",
        ),
        # family by marriage, unpaid: CMS's caregiver
        (
            "I'm his stepson and help him every day, I'm not paid for it. can I be the caregiver they train?",
            ["significant relationship"],
            "faq:who_counts_as_caregiver",
        ),
        # no diagnosis list: the need and the plan of care
        (
            "dad only has memory problems, no stroke. does he need a particular diagnosis for me to get trained?",
            ["diagnosis list", "plan of care"],
            "faq:diagnosis_codes_vendor",
        ),
    ],
)
def test_plain_words_answered(dated: Assistant, question: str, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # a paid helper is still paid staff, whatever the family tie
        "the stepdaughter is paid by the agency to look after him, can we bill 97550 for training her?",
    ],
)
def test_paid_stepfamily_is_not_the_caregiver_route(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert answer.passages[0].id.split("#")[0] != "faq:who_counts_as_caregiver", [p.id for p in answer.passages[:3]]


def test_which_rate_for_an_outpatient_setting(dated: Assistant) -> None:
    """An analyst's "facility or non-facility for our outpatient rehab clinics?" asks which rate applies (the FAQ's
    hedged answer), not the two amounts."""
    answer = dated.answer("our outpatient rehab clinics bill 97550 institutionally: do we load the facility or the "
                          "non-facility amount into the fee table?", dos=date(2026, 6, 15))
    holds_answer(answer, ["non-facility", "not verified"], "faq:facility_vs_nonfacility")


def test_two_amounts_without_a_setting_stay_a_fee_question(dated: Assistant) -> None:
    answer = dated.answer("97550 facility vs non-facility amount in 2025?")
    assert answer.passages[0].id.split("#")[0] != "faq:facility_vs_nonfacility", [p.id for p in answer.passages[:3]]


def test_which_rate_with_a_year_and_a_figure_gives_the_amounts(dated: Assistant) -> None:
    answer = dated.answer("hospital outpatient claim, 2026: facility or non-facility on 97550? billing says $40")
    assert answer.passages[0].id.split("#")[0] == "fee:97550-RVU26C", [p.id for p in answer.passages[:3]]
