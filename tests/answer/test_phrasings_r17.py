"""Families of phrasings (round 17, gaps found with the round-9 sealed set, now a regression set): a fee compared on two
days of one year with one of them passed as the date of service; the next level's deadline counted from the decision
letter's date when a date of service is passed too, with words between the level and its outcome; minutes of two code
families in one session, each counted on its own units (one family's stretches add up); a diagnosis code named beside a
procedure code leads; a therapist's telehealth decided by the statutory waiver leads with the waiver; whether a
reopening stops the appeal clock; an MA plan's own limits; a first Medicare denial asked about by a later level's name;
whether a code takes a therapy modifier, and G0539/G0540's therapy status, which no source settles (refused). Wordings
are not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # two days of one year compared, one passed as the date of service: both amounts
        (
            "is 97550's national rate the same for 3/1/2024 and 3/20/2024? billing wants one price",
            date(2024, 3, 20),
            ["52.06", "52.93"],
            None,
        ),
        (
            "97551 priced on 2/12/24 and 3/12/24 - should they match?",
            date(2024, 2, 12),
            ["25.87", "26.30"],
            "fee:97551-RVU24A",
        ),
        # the next level's deadline from the decision letter's date, not the date of service passed
        (
            "redetermination on our 97550 came back denied, letter dated May 1 2026 - deadline for the next level?",
            date(2026, 2, 10),
            ["180 days = 2026-11-02", "Reconsideration"],
            "appeal:reconsideration",
        ),
        (
            "QIC reconsideration for the 97551 line was unfavorable, decision dated 4/20/2026, too late for the ALJ?",
            None,
            ["2026-06-24", "not passed yet"],
            "appeal:alj",
        ),
        # two code families in one session: each on its own minutes
        (
            "taught the son trach care for 25 min, then wheelchair transfers for 30 min, pt at dialysis. codes?",
            None,
            ["25 minutes of direct-care", "G0541 x1", "30 minutes of functional", "97550 x1"],
            "units:direct_care",
        ),
        (
            "20 min of bed mobility then 35 min of wound care teaching w/ daughter on 3/3/2026, what do we bill",
            None,
            ["20 minutes of functional", "97550 x1", "G0541 x1"],
            "units:cts",
        ),
        # ... one family's stretches add up; before 2025 direct care is in the 97550 family
        (
            "trained wife on bathing 20 min and stairs 25 min, which code",
            None,
            ["20 + 25 = 45", "97551 x1"],
            "units:cts",
        ),
        (
            "on 6/6/2024 taught catheter care 20 min and transfers 20 min - codes?",
            None,
            ["20 + 20 = 40", "97551 x1"],
            "units:cts",
        ),
        # a diagnosis code beside a procedure code: its dated change leads
        ("pt's referral has G20 on the 97551 line for 2/2/2026, ok?", None, ["G20.A1"], "dx:G20"),
        (
            "coder swapped G35 for G35.A on a 97550 claim dated 9/15/2025, right call?",
            None,
            ["G35 is billable", "2025-10-01"],
            "dx:G35",
        ),
        # a therapist's telehealth decided by the waiver: the waiver leads
        (
            "can our SLPs still bill caregiver training by video in march 2028?",
            None,
            ["2027-12-31"],
            "fee:therapist-waiver-2025-2027",
        ),
        (
            "OT did 97550 by zoom on 11/3/2025 with modifier 95 - wasn't the waiver lapsed then?",
            None,
            ["retroactively"],
            "fee:therapist-waiver-2025-2027",
        ),
        # whether a reopening stops the appeal clock
        (
            "does asking for a reopening pause the appeal deadline on our 97550 denial?",
            None,
            ["does not extend"],
            "faq:reopening_time_limits",
        ),
        # an MA plan's own limits
        (
            "the advantage plan says its own rules cap 97550 at 3 visits and denied #4, can they?",
            None,
            ["422.101"],
            "faq:ma_own_criteria",
        ),
        # a first Medicare denial asked about by the second level's name
        (
            "just got our first denial on 97551 from the MAC, do we file a reconsideration?",
            None,
            ["Redetermination", 'not a "reconsideration"'],
            "appeal:redetermination",
        ),
        # a code not in force on the date, asked with a therapy modifier: it was not in force
        (
            "can an OT bill G0541 with GO on 12/3/2024?",
            None,
            ["No: G0541 was not yet in effect", "2025-01-01"],
            "code:G0541",
        ),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # filing the first level for a denied line is no lost level
        ("how do I file a redetermination for the denied 97550 line?", "appeal:redetermination"),
        # the level named is asked after the one that was lost
        ("how many days to request a reconsideration after the redetermination is denied?", "appeal:reconsideration"),
    ],
)
def test_no_later_level(dated: Assistant, question: str, first: str) -> None:
    assert dated.answer(question).passages[0].id.split("#")[0] == first


@pytest.mark.parametrize(
    ("question", "dos"),
    [
        # whether G0539/G0540 are therapy codes: no source settles it
        ("our SLP wants to bill G0540 with GN under the plan of care in 2026, allowed?", None),
        ("is G0539 a therapy code, should a PT put GP on it", None),
        ("OT here - G0539 w/ GO for behavior training with the mom, ok?", date(2026, 3, 3)),
    ],
)
def test_refused(dated: Assistant, question: str, dos: date | None) -> None:
    answer = dated.answer(question, dos=dos)
    assert not answer.answered, answer.text
    assert "No source was found on whether G0539/G0540 are therapy codes" in answer.text


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # a code asked about on a date before it existed: its dates answer, not its units
        (
            "ran a wound care group for 4 families on 10/10/24, G0543 on every claim ok?",
            ["No: G0543 was not yet in effect"],
            "code:G0543",
        ),
        # who may furnish a code under a therapy plan
        ("can an OTA furnish G0542 under the OT plan of care in 2026?", ["sometimes therapy", "CO"], "faq:gp_go_gn"),
        # another service that day is no second caregiver session
        (
            "97163 eval in the am, caregiver training w/ the daughter in the pm - 59 on the 97550?",
            ["XE"],
            "faq:modifier_59_xe",
        ),
        # a caregiver added to the one consented for
        (
            "consent is on file for the husband; his sister is also helping now, train her next week - anything new?",
            ["consent"],
            "faq:consent_declined",
        ),
    ],
)
def test_premise_and_subject(dated: Assistant, question: str, holds: list[str], first: str) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # a maximum of the thing counted, which no passage states: refused
        ("what's the max number of families allowed in one 97552 group class?", False),
        ("is there a cap on the number of caregivers at a G0543 class, could we have 15?", False),
        # how often: the sessions' absence of a limit answers it
        ("is there a max number of 97550 visits per year for one patient?", True),
    ],
)
def test_maximum_of_the_thing_counted(dated: Assistant, question: str, answered: bool) -> None:
    answer = dated.answer(question)
    assert answer.answered is answered, answer.text


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # "Medicare pts there" is a place, not the patient in the room
        (
            "travel OT, starting a contract in Ohio in Feb 2027 - telehealth 97550 ok for the medicare pts there?",
            ["2027-12-31"],
            "fee:therapist-waiver-2025-2027",
        ),
        # an EHR build asks what the note must hold
        (
            "EHR analyst: which fields should our 97550 caregiver training template capture?",
            ["consent"],
            "faq:documentation_elements",
        ),
        ("building a G0541 flowsheet, what required fields do we need?", ["consent"], "faq:documentation_elements"),
        # a discipline asking its modifier
        (
            "SLP here, 40 min teaching the wife safe swallow strategies, what do I bill and with what modifier?",
            ["GN", "97551 x1"],
            "faq:gp_go_gn",
        ),
    ],
)
def test_new_voices(dated: Assistant, question: str, holds: list[str], first: str) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # a code's window asked of a relative date in the past: said in the question's words (the clock is 2026-06-15)
        ("G0542 rate two years ago?", ["No: G0542 was not yet in effect two years ago", "2025-01-01"], "code:G0542"),
        ("could we bill G0543 two years ago", ["No: G0543 was not yet in effect two years ago"], "code:G0543"),
        ("was G0541 billable last year?", ["Yes: G0541 was in effect last year"], "code:G0541"),
    ],
)
def test_relative_date_of_the_past(dated: Assistant, question: str, holds: list[str], first: str) -> None:
    holds_answer(dated.answer(question), holds, first)


def test_medicaid_as_secondary_is_refused(dated: Assistant) -> None:
    answer = dated.answer("does medicaid as secondary pick up the 20% coinsurance on 97551?")
    assert not answer.answered and "Medicaid" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # typed as in a second language: no article, no verb
        (
            "my english not so good. caregiver trainning 97550 patient not in room, can bill? date 2025 may 3",
            ["Yes", "without the patient present"],
            "faq:patient_not_present_ok",
        ),
        ("patient absent, only daughter trained 97550, is ok for medicare?", ["Yes"], "faq:patient_not_present_ok"),
        # "allowed" said of the code and a month
        ("is G0541 allowed in january 2025 for OT?", ["Yes: G0541 is in effect in January 2025"], "code:G0541"),
        ("is 97550 allowed on 12/15/2023?", ["No: 97550 was not yet in effect"], "code:97550"),
    ],
)
def test_second_language_and_allowed(dated: Assistant, question: str, holds: list[str], first: str) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # a duration in words or hours, said back as written (its figure is in no passage)
        ("an hour with the caregiver, what do I put on the claim", ["An hour of caregiver training", "97551 x2"]),
        ("trained the son for half an hour, pt at daycare, units?", ["97550 x1"]),
        ("session lasted ten minutes, anything billable?", ["Ten minutes is not reportable", "16 minutes"]),
        ("forty five minutes with the daughter, what codes", ["Forty five minutes", "97551 x1"]),
        ("1.5 hrs caregiver training w/ wife, how many 97551?", ["97551 x4"]),
    ],
)
def test_duration_in_words(dated: Assistant, question: str, holds: list[str]) -> None:
    holds_answer(dated.answer(question), holds, "units:cts")


@pytest.mark.parametrize(
    "question",
    [
        "compliance: do we need a signed ABN before billing 97550 to Medicare?",
        "should the front desk have every caregiver training patient sign an advance beneficiary notice?",
    ],
)
def test_abn(dated: Assistant, question: str) -> None:
    holds_answer(dated.answer(question), ["non-coverage is expected"], "faq:abn")
