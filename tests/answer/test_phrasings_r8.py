"""Families of phrasings (round 8, gaps found with the round-6b development set): "hearing" as a verb is no ALJ
hearing, a group code's amount with what it is paid for, a group code's minutes (untimed), caregiver minutes not pooled
with patient-present minutes, whether telehealth may be billed on a date (the period's status first), consent in other
words, how many sessions Medicare pays for, whether an edit exists when the knowledge says none was found (refused),
and a Medicaid program's coverage (refused). Wordings are not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # "hearing" told of rumours is no ALJ hearing: the fee is asked
        ("I keep hearing 97550 pays about $52 in 2025, what's the real number?", ["52.08"], "fee:97550-RVU25D"),
        ("been hearing the facility rate for 97551 dropped in 2026 - what is it", ["21.04"], "fee:97551-RVU26C"),
        ("we're hearing that 97550 pays $53 in 2026, true? non-facility and facility please", ["52.77", "39.75"],
         "fee:97550-RVU26C"),
        # a group code's amount, with what it is paid for
        ("97552 rate for 2025, is it per caregiver or per session?", ["22.00", "each represented patient"], None),
        ("what does G0543 pay in 2026 and is that per family or per class", ["each represented patient"], None),
        ("how much is 97552 in 2026 - one per group or each patient?", ["each represented patient"], None),
        # a group code's minutes: untimed, one unit per represented patient
        ("97552 class went 75 min with caregivers from 3 separate patients, do I bill by time?", ["untimed"],
         "faq:group_units"),
        ("ran G0543 for 90 minutes, 5 families. time based?", ["untimed"], "faq:group_units"),
        ("45 min 97552 group, four different pts represented - how to bill", ["untimed"], "faq:group_units"),
        # caregiver minutes are not pooled with patient-present minutes; the caregiver minutes alone count
        ("did 25 min 97530 with the patient then 12 min teaching the wife, can I pool them for 97550?",
         ["pool", "12 minutes", "16"], "faq:eight_minute_rule"),
        ("15 min of therex and 10 min caregiver training after, does the 8 minute rule let me bill 97550?",
         ["pool", "10 minutes", "16"], "faq:eight_minute_rule"),
        ("can i combine my caregiver minutes with 97110 minutes under the eight-minute rule", ["pool"],
         "faq:eight_minute_rule"),
        # whether telehealth may be billed on a date: the period's status leads
        ("can we bill 97551 with modifier 95 over video on 2/14/2024?", ["2024", "in person"], "fee:telehealth-2024"),
        ("could I bill 97550 w/ 95 for a zoom visit 10/02/2024", ["in person"], "fee:telehealth-2024"),
        ("may we bill 97550 with the 95 mod on a telehealth visit 6/3/2025", ["provisionally"],
         "fee:telehealth-2025"),
        # consent given in other words
        ("the patient gave the ok by phone on 3/3/25 for his wife to be trained, do I need a signed form?",
         ["verbal"], "faq:consent_verbal"),
        ("daughter got permission from mom verbally on 2/10/2025, is a written signature needed for 97550?",
         ["verbal"], "faq:consent_verbal"),
        ("pt agreed over the phone for us to train his son 4/1/25. do i need it in writing?", ["verbal"],
         "faq:consent_verbal"),
        # how many sessions Medicare pays for
        ("how many caregiver visits will medicare cover before they stop paying", ["no fixed limit"],
         "faq:frequency_limits"),
        ("is there a cap on the number of 97550 sessions per patient?", ["no fixed limit"], "faq:frequency_limits"),
        ("how often can we do caregiver training sessions for one pt", ["no fixed limit"], "faq:frequency_limits"),
    ],
)
def test_phrasing(dated: Assistant, question: str, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # whether an edit exists: the knowledge only says none published was found
        "is there an NCCI edit between 97551 and 97165 this quarter, yes or no",
        "are there any PTP edits pairing 97550 with the eval codes right now?",
        "does an NCCI pair between 97550 and 97162 exist for next quarter's claims",
        # a Medicaid program's coverage
        "does florida medicaid cover caregiver training 97550 for parents of kids?",
        "will medicaid pay for 97552 parent groups at our peds clinic",
        "is G0541 covered by medi-cal",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text
