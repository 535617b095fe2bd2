"""Families of phrasings (round 24 of these tables; the causes behind the round-16 first-contact answers): a notice
day the question corrects itself to, or writes after two names of the notice; a count that passes a leap day; a
plan's deadline asked in words that read like a fee question; clock minutes corrected later or set beside a longer
visit; a code asked about before it began. Wordings are not those of any eval set; the clock is fixed at 2026-12-03.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.answer.expect import dated_assistant, holds_answer


@pytest.fixture(scope="module")
def december(assistant: Assistant, data_dir: Path) -> Assistant:
    return dated_assistant(data_dir, date(2026, 12, 3))


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # the day after the correction is the notice's, not the first one written
        ("the envelope I opened is dated 8/20 -- sorry, I had the wrong letter. The Medicare notice is dated "
         "September 2, 2026. when is the redetermination due?", ["2027-01-05"]),
        # two names of the one notice before its date; the count passes 29 February
        ("MAC initial determination notice dated 2024-01-25 for 97550. what was the last day for the redetermination?",
         ["2024-05-29", "leap year"]),
        # a plan's refusal to pay, asked as "time left": the plan's own first level, counted from its letter
        ("Mom's Medicare Advantage plan mailed a letter dated October 20, 2026 refusing to pay for the caregiver "
         "lesson (97550). Is there time left to fight it?", ["2026-12-24", "Reconsideration"]),
    ],
)
def test_deadlines(december: Assistant, question: str, holds: list[str]) -> None:
    holds_answer(december.answer(question), holds, None)


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # a clock range whose stop the question corrects later
        ("log says 2:00-2:30 for the caregiver session with the son, but correction: the PT actually finished at 2:41."
         " units?", ["41 minutes", "97551 x1"]),
        # a clock range beside the longer visit around it
        ("I sat with the therapist from 10:15 to 11:00 while my husband stayed home; with check-in the whole visit "
         "took 90 minutes. how many units is that?", ["10:15 to 11:00 is 45 minutes", "97551 x1"]),
    ],
)
def test_minutes_settled(december: Assistant, question: str, holds: list[str]) -> None:
    holds_answer(december.answer(question), holds, None)


def test_a_code_asked_before_it_began_did_not_exist_yet(december: Assistant) -> None:
    answer = december.answer("could we have billed 97552 for a family class held 11/02/2023?")
    holds_answer(answer, ["97552 was not yet in effect", "2024-01-01"], None)


def test_a_distance_in_hours_is_no_session(december: Assistant) -> None:
    answer = december.answer("son lives 2 hrs away so the neighbor does the transfers; can the PT train the neighbor "
                             "under 97550?")
    assert "97551 x" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        # the place-of-service code of an in-person site, asked with two codes to pick from
        "caregiver class held in a church basement, pos code 99 or 11?",
    ],
)
def test_refused(december: Assistant, question: str) -> None:
    answer = december.answer(question)
    assert not answer.answered, answer.text


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # a denial's meaning and the year's KX amount in one question: both parts
        ("two things: our 97551 line from 2025 came back PR-119, what does that code mean; and what dollar amount "
         "does the patient pass before KX is needed that year?", ["CARC 119", "$2,410"]),
        # the same asked the other way round: the threshold pinned, the code's meaning added
        ("two things: PR-119 came back on our 97551 line, meaning? and how much can therapy reach in 2025 before "
         "the KX threshold applies?", ["CARC 119", "$2,410"]),
        # both amounts in controversy asked for the year, with last year's figures quoted: the asked ones first
        ("for hearings requested in 2026 what are the ALJ and federal court thresholds? my notes say $190 and $1,900",
         ["$200", "$1,960"]),
    ],
)
def test_both_parts(december: Assistant, question: str, holds: list[str]) -> None:
    holds_answer(december.answer(question), holds, None)


def test_a_diagnosis_asked_before_it_began_names_the_code_then(december: Assistant) -> None:
    answer = december.answer("ok to put G35.C2 on a 97550 claim for 06/10/2025?")
    holds_answer(answer, ["G35.C2 is not yet in the code set", "ICD-10-CM G35, billable"], None)


def test_a_wage_is_no_fee_to_share(december: Assistant) -> None:
    # the companion's hourly pay is no amount whose coinsurance is asked
    answer = december.answer("the son pays a companion $19/hr out of pocket to sit with dad; can the OT train the "
                             "companion under 97550?")
    assert "coinsurance:" not in answer.text and "× $" not in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "present"),
    [
        # the patient taking part throughout: a patient-present service, not caregiver training's units
        ("Caregiver training w/ husband 45 min on car transfers. Pt was napping at first, but then the patient came "
         "out and took part in every trial for the whole session. Billed 97550 + 97551, does it hold up?", True),
        # the caregiver practicing throughout with the patient away: units as usual
        ("45 min caregiver training w/ husband on car transfers, pt stayed home; he practiced every trial for the "
         "whole session. billed 97550 + 97551, ok?", False),
    ],
)
def test_patient_present_throughout(december: Assistant, question: str, present: bool) -> None:
    answer = december.answer(question)
    assert ("97550 x1 and 97551 x1" in answer.text) is not present, answer.text


def test_several_caregivers_of_one_patient_share_the_minutes(december: Assistant) -> None:
    answer = december.answer("both sons sat in for 40 min of stair training for their father (he was at adult day "
                             "care). the OT wants one unit per son - 2x 97550 + 97551?")
    holds_answer(answer, ["Do not multiply the minutes", "40 minutes"], None)
    assert not answer.text.startswith("Neither."), answer.text


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # a group named by whose families came ("families of 4 SNF residents"), not by its code
        ("Tuesday education hour for the families of 4 SNF residents (9 relatives came), residents not there. "
         "how many units and on whose claims?", ["4 units", "each of the 4 patients' claims"]),
        # a contract paid at a share of the Medicare rate, for plan members
        ("our contract pays 120% of the 2026 Medicare national non-facility rate for 97552; the class had caregivers "
         "of 2 members. contracted amount per unit?", ["120% × $22.04 = $26.45"]),
    ],
)
def test_group_and_contract_share(december: Assistant, question: str, holds: list[str]) -> None:
    holds_answer(december.answer(question), holds, None)


def test_claim_lines_listed_with_a_rule_asked(december: Assistant) -> None:
    # the lines of the claim listed, codes without fee figures among them: the rule asked is answered, not refused
    answer = december.answer("Billing office asks: claim lines 97140 x1 and 97112 x2 (PT) plus 97550 x1 furnished by "
                             "our OTA, modifiers GO CO. Is the 85% assistant rate taken off the whole claim or only "
                             "off the CO line?")
    holds_answer(answer, ["85%", "per line"], None)


def test_two_codes_mue_each_answered(december: Assistant) -> None:
    # two codes' MUEs asked one after the other: neither pairing nor one code's value alone answers
    answer = december.answer("setting up unit edits: MUE for +G0540? and is a published MUE out there for 97551?")
    holds_answer(answer, ["MUE is 2", "were not found"], None)
    assert "billed only together" not in answer.text, answer.text
