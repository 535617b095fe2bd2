"""Families of phrasings (round 9, gaps found with the round-6c development set): whether a code existed on a date said
in other words ("was it even a thing", "on the books", "was there a ... back then"), several caregivers of one patient
called a "group" (97550, not 97552), a dated telehealth claim closing on "ok?" (the period's status first), and the
conversion factor of a qualifying APM participant (the QP variant first). Wordings are not those of any eval set; the
clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # whether a code existed then, in other words
        ("was 97551 even a thing in march 2024? billing flagged a claim", None, ["Yes", "2024-01-01"], "code:97551"),
        ("was G0541 a real code yet in october 2024?", None, ["No", "2025-01-01"], "code:G0541"),
        ("97550 on the books in 2023?", None, ["No", "2024-01-01"], "code:97550"),
        ("was there even a G0543 back in 2024", None, ["No", "2025-01-01"], "code:G0543"),
        ("is 97552 legit for this one, payer questioned it", date(2024, 5, 7), ["Yes", "2024-01-01"], "code:97552"),
        # several caregivers of one patient, called a group: 97550/97551, not the group code
        ("front office here - OT says she ran a group with the patient's 2 sons. do we use 97552?", None,
         ["97550", "two different patients"], "faq:several_caregivers_one_patient"),
        ("caregiver class for mr diaz's wife and daughter only, is that the group code 97552?", None,
         ["97550", "two different patients"], "faq:several_caregivers_one_patient"),
        ("group session, but all three caregivers were family of one pt. 97552 ok?", None,
         ["97550", "two different patients"], "faq:several_caregivers_one_patient"),
        ("did a group w/ the client's kids and grandkids, bill it as a group?", None,
         ["97550"], "faq:several_caregivers_one_patient"),
        # caregivers of several patients are a group: the group code's rule
        ("ran a group with the kids of three different patients, 97552?", None, ["each represented patient"],
         "faq:group_units"),
        ("group class, mrs lee's daughter plus caregivers from 4 other families - do I bill 97552?", None,
         ["each represented patient"], "faq:group_units"),
        # a dated telehealth claim that closes on whether it is allowed: the period's status leads
        ("video caregiver session 9/9/24, mom at home, 97550 + 95 + POS 10 ok??", None, ["2024", "in person"],
         "fee:telehealth-2024"),
        ("zoom 97551 with modifier 95 on 4/4/2024 - allowed?", None, ["in person"], "fee:telehealth-2024"),
        # a qualifying APM participant's conversion factor: the QP variant first
        ("we are QPs this year, which conversion factor applies for 2026?", None, ["33.5675"], "fee:cf-2026-qp"),
        ("our practice is in an advanced APM - 2026 CF?", None, ["33.5675"], "fee:cf-2026-qp"),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        # caregivers of several patients are a group: not told to bill 97550
        ("ran a group with the kids of three different patients, 97552?", "Several caregivers of one patient"),
        ("group class, mrs lee's daughter plus caregivers from 4 other families - do I bill 97552?",
         "Several caregivers of one patient"),
        # a code named for what it is a code for is no question whether it existed
        ("is 97550 a code for the caregiver or the patient?", "is in effect"),
    ],
)
def test_not_said(dated: Assistant, question: str, absent: str) -> None:
    answer = dated.answer(question)
    assert absent not in answer.text, answer.text


def test_non_qp_first_when_not_asked(dated: Assistant) -> None:
    answer = dated.answer("conversion factor for 2026, non-QP please")
    assert answer.passages[0].id.startswith("fee:cf-2026-non-qp#"), [p.id for p in answer.passages]
