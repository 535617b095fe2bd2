"""Families of phrasings (round 23 of these tables; the causes behind the round-15 first-contact answers): minutes
given only as clock times (or a figure denied after it was said); a video session's minutes; a patient away until a
time; a stated figure judged against the fee, KX threshold or amount in controversy; a GPCI the asker ignores; the MA
plan's reconsideration; the first level in plain words; a notice with two slash-joined names; "still open". Wordings
are not those of any eval set; the clock is fixed at 2026-12-03.
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
    ("question", "holds", "first"),
    [
        # minutes given only as clock times: worked out, the working shown for the gate
        ("I wrote 45 min for the wife's training but the log says 2:10 to 3:03, so it's not 45. units?",
         ["2:10 to 3:03 is 53 minutes", "97551 x2"], "units:cts"),
        ("phone check-in aside, video session w/ the son: he logged on 9:05 and we hung up 9:22, enough for 97550?",
         ["9:05 to 9:22 is 17 minutes", "97550 x1"], "units:cts"),
        # a patient away until a time, then in: only the minutes before count
        ("session w/ daughter 1:00-1:50; the pt was in the garden until 1:30, then walked in for the rest. "
         "how do I bill it?", ["1:00 to 1:30 is 30 minutes", "97550 x1"], None),
        # a stated figure judged: another year's fee, another year's threshold, the asker's own amount
        ("a payer grid shows 97551 at $26.30 as the 2026 Medicare national rate, is that right?",
         ["$26.05", "$26.30 is not the amount asked about", "2024-03-09"], "fee:97551-RVU26C"),
        ("case has $195 left in dispute after the QIC; our binder says the ALJ floor is $180. enough for a hearing "
         "in 2026?", ["$200", "$195 is below", "$180 is the amount"], None),
        # the local adjustment set aside is no locality asked
        ("national only please, ignore GPCI: 97550 on 02/20/2024, was it $52.06 or $52.93?", ["$52.06"], None),
    ],
)
def test_answers_stated(december: Assistant, question: str, holds: list[str], first: str | None) -> None:
    holds_answer(december.answer(question), holds, first)


@pytest.mark.parametrize(
    ("question", "dos", "holds"),
    [
        # the plan's reconsideration is an MA plan's first level, 65 days from its notice
        ("plan's notice dated 10/01/2026 for the 97550 denial; when is the plan reconsideration due?",
         date(2026, 10, 1), ["2026-12-05", "65 days"]),
        # "look at it again" in plain words is the first level
        ("Medicare sent me a letter dated September 20, 2026, they won't pay for the visit. how long do I have to ask "
         "them "
         "to look at it again?", date(2026, 9, 20), ["2027-01-23"]),
        # a notice with two names joined by a slash, and "still open"
        ("97550 CO-50, DOS 07/01/2026, EOB/remit date 09/01/2026, posted 09/04/2026. is the redetermination window "
         "still open?", date(2026, 9, 1), ["2027-01-04", "still open"]),
    ],
)
def test_deadlines(december: Assistant, question: str, dos: date, holds: list[str]) -> None:
    holds_answer(december.answer(question, dos=dos), holds, None)


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # a premise about a cited LCD judged: contractors are bound by it
        ("CO-50 N386 on 97550. the consultant wants to argue the NCD is only a guideline the MAC can ignore - ok?",
         ["are bound", "criteria"], "faq:lcd_binding"),
        # changing a figure of the note, or dating a paper back, after a denial: the late-entry rule
        ("97550 denied B12, note says 18 min; can the OT go into the note and change 18 to 40 for the appeal?",
         ["may not be changed", "dated when written"], "faq:late_entry_after_denial"),
        ("After Medicare turned down the visit, the clinic wants me to sign a paper saying Mom agreed back in June, "
         "and to put the June date on it. OK?",
         ["may not be changed"], "faq:late_entry_after_denial"),
        # a plan set against Original Medicare, and what a plan may not do: the MA plan's duty
        ("caller says our plan has to pay for 97550 because Original Medicare covers it; can we use our own criteria?",
         ["422.101", "only where"], "faq:ma_own_criteria"),
        ("MA plan denied 97551 as not a benefit; the clinic says MA plans can't just exclude a Part B service. right?",
         ["must cover"], "faq:ma_own_criteria"),
        # after the plan upholds its denial at reconsideration: the IRE
        ("if the plan upholds its denial at reconsideration for 97552, what level comes next?",
         ["Independent Review Entity"], "appeal:independent_review"),
        # first-level with a hyphen, asked under level 2's name
        ("our SOP sends first-level Medicare appeals as reconsiderations to the QIC, who actually gets the "
         "first-level request?", ["redetermination", "MAC"], "appeal:redetermination"),
    ],
)
def test_answers_judged(december: Assistant, question: str, holds: list[str], first: str | None) -> None:
    holds_answer(december.answer(question), holds, first)


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # a rule asked with a date whose fees the knowledge holds: the rule's passage answers, not "no fee figures"
        # a year named before the code existed: no fee because there was no code
        ("need 97550 national payment for 2023 and 2024 for a report, where is 2023?", ["did not exist in 2023"],
         None),
        # caregiver coaching during the patient's own session: the patient-present service, no CTS units
        ("dad stayed the whole 40 min of the session and I showed him the cues while his son practiced; bill that part "
         "as 97550?", ["without the patient present", "No."], None),
        # minutes the family was charged for, asked in plain words: the units rule, not a fee
        ("the statement says 30 min of training but it was only about 20 minutes; am I paying for 10 minutes I didn't "
         "get?", ["mid-point"], None),
        # the MUE asked as a unit limit
        ("G0540 x4 denied CO-151 N362 on 10/05/2026, what is the unit limit on G0540?", ["MUE is 2"], None),
        # the patient's share asked in plain words
        ("my wife is the one being trained, will we have to pay for it ourselves?", ["deductible", "20% coinsurance"],
         "faq:cost_sharing"),
    ],
)
def test_answers_rules(december: Assistant, question: str, holds: list[str], first: str | None) -> None:
    holds_answer(december.answer(question), holds, first)


def test_a_request_that_reached_the_mac_is_compared_with_the_last_day(december: Assistant) -> None:
    answer = december.answer("redetermination notice dated 03/02/2026 and our request reached the MAC 07/06/2026 - "
                             "was it late?", dos=date(2026, 3, 2))
    holds_answer(answer, ["2026-07-05", "so it was late"], None)


def test_a_rule_asked_on_a_priced_date_is_answered(december: Assistant) -> None:
    # the date the question is about has fee figures: the passage on the rule answers, not "no fee figures"
    answer = december.answer("Remit variance, rehab agency, DOS 2026-05-04. L1 97550-GP-CQ -- PTA ran the caregiver "
                             "block (pt at home). L2 97110-GP -- PT, same day, pt present. Our expected-payment model "
                             "knocked BOTH lines to 85% because there is a CQ on the claim. MAC paid 97110 in full. "
                             "Does the assistant reduction hit the whole claim or just the line?", dos=date(2026, 5, 4))
    holds_answer(answer, ["per line", "85%"], "faq:cq_per_line")
