"""Families of phrasings (round 19 of these tables; the causes behind the round-12 sealed set's misses): dated figures
for every period the question names (the KX threshold of each year, both 2024 conversion factors for a year or two of
its months); who consents for a patient who cannot; a patient who came in part-way; the patient away in shorthand or a
family's words; a PTA whose patient "stayed home"; a session count the payer is said to allow; a self-described
student; a diagnosis subcode asked by a description the sources do not hold; a group of residents' caregivers; a group
note's own elements; caregivers of one patient named with the patient's condition. Wordings are not those of any eval
set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # several years named: each year's threshold, in year order
        ("kx amounts 2024 vs 2025?", None, ["$2,330", "$2,410"], "fee:kx-2024"),
        ("kx thresholds 2025 and 2026 for our OT caseload?", date(2026, 2, 1), ["$2,410", "$2,480"], "fee:kx-2025"),
        # a year, or two of its months, asked with a date of service inside: each conversion factor of the span
        ("what did 97550 pay in 2024", date(2024, 7, 1), ["52.06", "52.93"], "fee:97550-RVU24A"),
        ("why did 97551 pay differently in feb 2024 than in june 2024?", date(2024, 6, 15), ["25.87", "26.30"],
         "fee:97551-RVU24A"),
        # who consents for a patient who cannot
        ("my husband has aphasia and can't sign anything - who can consent so the OT can train our son?", None,
         ["representative"], "faq:consent_representative"),
        ("I have guardianship of my brother; can I give the consent for his caregiver training?", None,
         ["representative"], "faq:consent_representative"),
        # the patient came in part-way: the patient-present FAQ, no units worked from the joint minutes
        ("trained the daughter, then the patient walked in and we worked on transfers together for 25 min - all 97550?",
         None, ["97530"], "faq:patient_briefly_present"),
        # the patient away, in shorthand or a family's words
        ("ok to bill 97550 w/o pt?", None, ["Yes"], "faq:patient_not_present_ok"),
        ("my mom's OT wants me to come in alone to learn her transfers, will medicare pay for that?", None, ["Yes"],
         "faq:patient_not_present_ok"),
        # "pt stayed home" is the patient away; a worked sum is a dated fee figure, not a reason to refuse
        ("PTA here, 45 min with the son while pt stayed home, billing 97550 and 97551 - modifiers and rate?", None,
         ["CQ", "85"], None),
        ("as a COTA I did 50 min of caregiver training today, patient stayed home; billed 97550 and 97551 x2. what "
         "modifiers, and do I get paid less?", None, ["CO", "85%"], None),
        # a session count the payer is said to allow
        ("the clinic says medicare only covers 2 of these caregiver sessions, true?", None, ["no fixed limit"],
         "faq:frequency_limits"),
        # a diagnosis code picked by a description the knowledge does hold
        ("which code is for fall risk, R29.6 or Z91.81?", None, ["Z91.81"], None),
        # a group of residents' caregivers taught direct care: the direct-care group code and its unit
        ("education night for the families of 8 residents on wound care, what code and how many units?", None,
         ["G0543", "each represented patient"], None),
        # a group note's own elements
        ("what goes in the documentation for a G0543 group so it passes review?", None,
         ["at least two different patients"], "faq:group_documentation"),
        # caregivers of one patient, the patient named with a condition
        ("two sons of one dementia patient trained together, 97552?", None, ["97550"],
         "faq:several_caregivers_one_patient"),
        # the FAQ names what it is about
        ("is the caregiver's return demo mandatory?", None, ["return demonstration"], "faq:return_demonstration"),
    ],
)
def test_phrasing(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


def test_joint_minutes_after_the_patient_came_in_are_worked_into_no_units(dated: Assistant) -> None:
    answer = dated.answer("pt showed up halfway and joined us for the last 20 min, do I bill 97550 for it?")
    assert answer.answered and "supports 97550" not in answer.text, answer.text


def test_a_patient_arriving_after_the_session_leaves_its_minutes_counted(dated: Assistant) -> None:
    answer = dated.answer("when the patient arrives for her own treatment afterwards, can I bill 97550 for the 30 min "
                          "training before?")
    assert "30 minutes of caregiver training supports 97550 x1" in answer.text, answer.text


def test_who_signs_a_plan_is_no_consent_question(dated: Assistant) -> None:
    answer = dated.answer("who signs the plan of care for caregiver training?")
    assert answer.passages[0].id.split("#")[0] != "faq:consent_representative", answer.text


@pytest.mark.parametrize(
    "question",
    [
        "I'm an SLP grad student - can I lead the caregiver training and have it billed?",
        "which G20 code is parkinson's with fluctuations?",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text
