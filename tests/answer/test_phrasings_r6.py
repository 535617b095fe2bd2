"""Families of phrasings (round 6): a group code's units whatever the session's length, "tele" and "telepractice" as
telehealth, the SLP assistant's exclusion only when an assistant is named, paid staff as trainees, a diagnosis list,
an ABN after an MUE or bundling denial, how late a reopening may be asked for, how long a level takes to decide, a
filing limit named by its length; refusals for a decision time the knowledge does not hold and a code asked for a
two-word thing no passage names. Wordings are not those of any eval set."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # a group code is untimed: one unit per represented patient, however long the class ran
        ("the G0543 class went 75 minutes, do we add units?", date(2025, 4, 2), ["untimed"], "faq:group_units"),
        ("how many units of 97552 for a two hour caregiver class", None, ["one unit"], "faq:group_units"),
        # "tele", "telepractice": a telehealth visit; a therapist's date turns on the waiver
        ("OT did a tele visit for 97550 on 3/10/2026, payable?", None, ["waiver", "2027"],
         "fee:therapist-waiver-2025-2027"),
        ("speech therapist telepractice 97551 in feb 2026 ok?", None, ["2027"], None),
        # paid staff are not CMS caregivers (not a question of whether the code exists)
        ("our SNF wants me to train their nursing home staff on transfers, billable under 97550?", None, ["unpaid"],
         "faq:paid_aide"),
        ("the group home sends a paid worker to learn the hoyer lift, can that be caregiver training", None,
         ["unpaid"], "faq:paid_aide"),
        # no diagnosis list
        ("does caregiver training only apply to specific diagnoses like parkinsons?", None, ["not limited"],
         "faq:diagnosis_codes_vendor"),
        # an ABN after an MUE or NCCI denial
        ("97551 units got cut for MUE, would an ABN have let us bill the family?", None, ["ABN"],
         "faq:mue_whole_line"),
        # how late a reopening may be asked for
        ("found a GP missing on a 2024 line, is it too late to reopen?", None, ["good cause"], None),
        ("a claim paid 3 years ago needs a change, can we still reopen it", None, ["good cause"],
         "faq:reopening_time_limits"),
        # the decision time the knowledge holds
        ("how long will the MAC take on our redetermination", None, ["60 days"], "appeal:redetermination"),
        # a filing limit named by its length
        ("does the 120 days count from the date printed on the notice?", None, ["5 days"], "appeal:redetermination"),
    ],
)
def test_phrasing(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        "how long does the QIC have to decide a reconsideration?",
        "how long does the ALJ take to rule?",
        "which ICD-10 code goes in the mother's own record for compassion fatigue?",
        "what hcpcs code do we use for wheelchair cushions",
    ],
)
def test_refused(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question)
    assert not answer.answered, answer.text


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        # an SLP (not an assistant) asking about telehealth is not told about SLP assistants
        ("SLP tele session for 97550 on 2/2/2026, is it covered?", "assistant"),
        # two daughters of one patient: the code question, not the group code's unit
        ("trained both sons of one patient together 40 min, that's 97552 right?", "Per patient"),
    ],
)
def test_not_said(dated: Assistant, question: str, absent: str) -> None:
    answer = dated.answer(question)
    assert absent not in answer.text, answer.text
