"""Families of phrasings (round 15, kinds found with the round-8 sealed set, now a regression set): a fee compared
between two dates or two codes of one year; audio-only telehealth said as "phone-only", "no video", "flip phone"; a
family caregiver paid by a program is a caregiver question, not Medicaid coverage; a patient who does not want the
caregiver trained is consent declined; "how do we fight" a denial asks for the first appeal level; the assistant's
modifier and 85 % go per line; an assistant's supervision by date of service; 59 with an X modifier on one line
("97550-59-XE"); a value the sources never found (an MUE) or a commercial plan's coverage is refused. Voices: front
desk, compliance, new graduates, owners, PRN therapists, billing companies, phone-typed questions. Wordings are not
those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # one code's fee on two dates of one year: both amounts
        ("owner here - our 97550 payments were different on 1/15/24 and 4/2/24, what was the national payment each "
         "time?",
         None, ["$52.06", "$52.93"], "fee:97550-RVU24A"),
        # two codes' fees in one year, "paid the same?"
        ("billing co question: are G0541 and 97550 paid the same in 2026 or not", None, ["$53.11", "$52.77"], None),
        # audio-only in other words
        ("cg has no video at all, just a landline. can the OT do the caregiver training over a phone call in 2026?",
         None, ["93"], "faq:audio_only_telehealth"),
        ("pt wife flip phone only no video can we still do cts by phone", None, ["93"], "faq:audio_only_telehealth"),
        # a family caregiver paid by a public program: the caregiver definition answers, not Medicaid coverage
        ("son gets paid by medicaid to be his moms caregiver. does that make him a paid caregiver for 97550?", None,
         ["unpaid"], None),
        # the patient does not want the caregiver trained: consent
        ("front desk: pt told us she doesn't want her nephew trained but he keeps showing up. can the therapist still "
         "do the training and bill it?", None, ["consent"], "faq:consent_declined"),
        # "how do we fight it": the denial's meaning and the first appeal level
        ("CO-50 came back on our 97550 line, how do we fight this", None, ["Redetermination", "120 days"], None),
        ("compliance: can we contest the CO-50 on 97551 or just write it off?", None, ["Redetermination"], None),
        # the assistant's modifier and rate go per line
        ("PRN PTA did 15 of the 45 min, PT did the rest. does CQ go on every line and the whole claim get 85%?", None,
         ["per line"], "faq:cq_per_line"),
        # an assistant's supervision by date of service
        ("new grad PTA: does my PT have to be on site when I do caregiver training in private practice?", None,
         ["general supervision", "2025"], "faq:assistant_supervision_by_year"),
        ("our COTA did the 97550 on 6/3/24 while the OT was at another clinic. supervision ok?",
         date(2024, 6, 3), ["direct supervision"], "faq:assistant_supervision_by_year"),
        # "start and stop times" are the session's clock times, not a code's start
        ("auditor here - does the note need start and stop times for 97551?", None, ["not a Medicare requirement"],
         "faq:start_stop_required"),
        # what a note must hold, with a noun between "what" and its verb
        ("compliance: what documentation must be in the note to support 97550 if we get audited", None, ["consent"],
         "faq:documentation_elements"),
        # a group code for the caregivers of one family
        ("can we bill 97552 when only 1 family showed up", None, ["97550"], "faq:several_caregivers_one_patient"),
        # "medicare adv": the plan's own first level; a denial naming no code gets the first level, not a guess
        ("pt has medicare adv and they denied the 97550, what do i do", None, ["65 days"], None),
        ("medicare adv plan - how long do we have to appeal?", None, ["65 days"], "appeal:plan_reconsideration"),
        ("97551 got denied, now what?", None, ["Redetermination"], None),
        # a validity word said of a setting is not asked of a date
        ("is 97550 billable under hospice?", None, ["hospice"], "faq:home_health_hospice"),
        # a pasted denial: the FAQ about other codes (B15/N122 mentions CO-18) and another code's meaning are not quoted
        ("OA-18 Exact duplicate claim/service. 97551 - what do I do", None, ["Duplicate"], None),
        ("CO-151 information submitted does not support this many/frequency of services 97551 what do i do", None,
         ["CARC 151"], None),
        # phone-typed negations without the apostrophe: the patient away is what the codes are for
        ("can i bil 97551 if pt wasnt there", None, ["Yes"], "faq:patient_not_present_ok"),
        ("pt wasn't in the room, ok to bill 97550?", None, ["Yes"], "faq:patient_not_present_ok"),
        # "deny" as a verb is a denial
        ("medicare adv deny the 97550 what now", None, ["65 days"], None),
        # how often, said as "every visit"
        ("owner: can we bill 97550 every visit for the next month?", None, ["no fixed limit"], "faq:frequency_limits"),
        # 59 with an X modifier on one line, written as the claim line
        ("biller: 97550-59-XE on the same line ok?", None, ["Never put 59 and an X modifier"],
         "faq:modifier_59_with_x"),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # a value the sources say was not found, asked with a claim beside it
        "whats the MUE on 97552, can we bill two units for one pt if there were two groups that day",
        "MUE for 97552 per day? we run am and pm groups",
        # a commercial plan's own coverage
        "does Lakeshore Mutual (commercial HMO) cover 97550 for speech?",
        "pt has a private insurance plan as primary - will they cover caregiver training 97551?",
        # the place of service of an in-person session, which the knowledge does not hold (only telehealth's)
        "front desk: which place of service do we put for caregiver training in the clinic?",
        "97551 pos 11 or 12 for a home visit",
        # a maximum asked ("how many ... can be in"), which no passage states
        "how many caregivers can be in one 97552 group?",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("OA-18 Exact duplicate claim/service. 97551 - what do I do", "N122"),
        ("CO-151 information submitted does not support this many/frequency of services 97551 what do i do",
         "CARC 150"),
        ("97551 got denied, now what?", "N122"),
    ],
)
def test_no_other_denial_is_quoted(dated: Assistant, question: str, absent: str) -> None:
    answer = dated.answer(question)
    assert absent not in answer.text, answer.text


def test_a_value_not_found_for_other_codes_does_not_refuse(dated: Assistant) -> None:
    """ "MUE values for 97550-97552 were not found" says nothing of G0540's."""
    assert dated.answer("G0540 MUE?").answered


@pytest.mark.parametrize(
    "question",
    ["what pos for caregiver training over video at the pts house", "does POS change what 97550 pays in 2026?"],
)
def test_place_of_service_of_telehealth_or_payment_still_answers(dated: Assistant, question: str) -> None:
    assert dated.answer(question).answered


def test_one_x_modifier_is_not_answered_as_59_with_it(dated: Assistant) -> None:
    """The 59-with-X FAQ leads only when both are named."""
    answer = dated.answer("is XU ok on 97551?")
    assert answer.passages[0].id.split("#")[0] != "faq:modifier_59_with_x", [p.id for p in answer.passages[:3]]
