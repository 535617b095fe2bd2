"""Families of phrasings (round 18, gaps found with the round-11 development set): a paid helper named in a family's
words ("we pay a lady from an agency"); a code rejected as an invalid procedure code for its date; two payments for
one code that differ; codes offered as alternatives ("97552, G0543 or 96202?") answered by what was taught; a code
dictated in words; which CARC/RARC a situation gets; years compared with an arrow; an assistant doing part of the
session; an FAQ's short closing qualifier. Wordings are not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # a paid helper in a family's words: CMS's caregiver is unpaid
        ("my sister and I help dad, and we also hired a woman from a home care agency - can the OT train her too?",
         None, ["unpaid"], "faq:paid_aide"),
        # rejected as an invalid code for the date: the code's validity window
        ("97551 DOS 11/30/2023 rejected invalid proc code. new CPT for 2024 so eff 1/1/24 right?",
         None, ["2024-01-01"], "code:97551"),
        # two payments for one code that differ: the two 2024 conversion factors
        ("mom had 97551 on Jan 10 2024 and again May 6 2024, medicare paid slightly different amounts?? error?",
         None, ["25.87", "26.30"], "fee:97551-RVU24A"),
        # codes offered as alternatives: the one whose family is what was taught, a group code for a group
        ("class for caregivers of 5 residents on behaviour management, 97552 or 96202?", date(2026, 2, 2),
         ["96202"], "code:96202"),
        ("group of four families learning pressure ulcer prevention in 2026 - 97552 or G0543?", None,
         ["G0543"], "code:G0543"),
        # which CARC/RARC a situation gets: the denial pattern naming them leads
        ("G0542 x2 billed alone on 4/2/2026, the G0541 went on another claim. what CARC and RARC should we expect?",
         None, ["N122"], "denial:addon_without_primary"),
        ("97552-GO on 10/1/2025, the OT spending this year is already past the threshold and the line had no KX. "
         "expected group code + CARC?", None, ["PR-119", "2,410"], "denial:kx_threshold"),
        # years compared with an arrow while a day of one of them is passed: each year's amount
        ("97551 facility amounts 2024->2025, did they go down?", date(2025, 3, 1), ["23.94", "24.30"], None),
        # an assistant furnishing part of the session: CQ/CO on that line
        ("our PTA handled half of the caregiver session and I did the rest - CQ still on the line?", None,
         ["in whole or in part"], "faq:cq_in_part"),
        # an FAQ's short closing qualifier is quoted with its answer
        ("does my PT need to be in the building when I, the PTA, do 97550 in private practice in 2026?", None,
         ["general supervision", "State law"], "faq:assistant_supervision_by_year"),
        # a year named beside the date asked about: its telehealth status follows the date's own
        ("boss says no video for 97550 because of the 2024 policy - we have one booked 3/10/2026, ok?", None,
         ["2024", "2027"], None),
        # a patient under a home health plan of care: not billable
        ("pt is under a home health agency plan of care, can our outpatient OT bill 97550 with the son?", None,
         ["cannot be billed"], "faq:home_health_hospice"),
        # a code's MUE stated in passing by a passage found: that sentence answers
        ("how many units is the MUE on G0540?", None, ["MUE is 2"], "denial:mue_exceeded"),
        # a denial code with the threshold named and what to do asked: the fix, not the amount
        ("Got PR-119 on 97551-GO, patient way past the therapy threshold. Therapist says it was needed. Next step?",
         None, ["reopening"], None),
        # the notice's own date named beside a date of service: the filing limit counts from the notice
        ("EOB dated 10/05/2026 denied 97550 for DOS 09/20/2026 - last day for the redetermination?", None,
         ["2027-02-07"], "appeal:redetermination"),
        # a SNF resident in a covered Part A stay: consolidated billing, not billed separately
        ("skilled nursing resident on a Part A stay, can rehab bill 97550 for the wife's training?", None,
         ["consolidated billing"], "faq:snf_part_a"),
        # two days compared, the year written only with the first
        ("97551 on march eighth twenty twenty four vs march ninth, same pay?", None, ["25.87", "26.30"], None),
        # the units of each line written: their sum
        ("97550 and 2 units of 97551 in 2026 non-facility - total medicare allowed?", None, ["104.87"], None),
        # the patient away in a family's words
        ("can my wife's OT teach me her bed transfers while she is at dialysis, and bill for it?", None, ["Yes"],
         "faq:patient_not_present_ok"),
        # CMS's definition of a caregiver asked for
        ("what definitions of 'caregiver' does CMS use for these codes? need them for a staff in-service", None,
         ["significant relationship", "unpaid"], "faq:who_counts_as_caregiver"),
        # a level's decision letter is the notice a filing limit counts from, not a decision time asked about
        ("QIC decision letter dated 8/3/2026 - last day to request the ALJ hearing?", None, ["2026-10-07"],
         "appeal:alj"),
        # a telehealth modifier named on a date the codes were not on the list
        ("is 97550 with POS 11 and modifier 95 on 9/9/2024 payable?", None, ["2024"], "fee:telehealth-2024"),
        # the caregiver's return demonstration asked about
        ("does the caregiver's teach-back have to be written in the 97550 note?", None, ["recommended"],
         "faq:return_demonstration"),
        # caregiver training beside a patient-present code the same day: separate, non-overlapping blocks
        ("did 97110 with the patient at 9, then 97550 with the husband at 10 the same day - can both go on the claim?",
         None, ["do not overlap"], "faq:same_day_other_service"),
        # an FAQ's later sentence that names a word of the question its opening leaves out follows the opening
        ("12th caregiver training visit for one patient this plan of care - do we have to justify every visit?", None,
         ["reasonable and necessary"], "faq:frequency_limits"),
        # claims held back: the timely-filing limit follows
        ("PT video sessions in early Feb 2026 during the lapse - we held the claims. can we release them?", None,
         ["retroactive", "12 months"], None),
        # whether a group code counts minutes, with an aide minding the children (no paid caregiver trained)
        ("97552 billed per 15 min or per 30? our parent group runs 60 min while the kids wait with an aide", None,
         ["untimed"], "faq:group_units"),
        # a code and a year dictated in words
        ("what does medicare pay for ninety seven five fifty one in twenty twenty six", None, ["26.05"],
         "fee:97551-RVU26C"),
        ("is G zero five four two billable in twenty twenty four", None, ["2025-01-01"], "code:G0542"),
    ],
)
def test_phrasing(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


def test_a_dictated_date_is_said_back_without_digits_the_question_never_wrote(dated: Assistant) -> None:
    answer = dated.answer("is g zero five four one billable on december twelfth twenty twenty four")
    assert "on the date asked" in answer.text and "2024" not in answer.text, answer.text
