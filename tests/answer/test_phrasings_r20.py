"""Families of phrasings (round 20 of these tables; the causes behind the round-13 sealed set's misses): whether a
request that went in on a given day was timely; a notice day written without its year; the first level asked under
the second level's name; a patient who was right there during the session; a code's validity asked as a "validity
check"; a clinical fellowship abbreviated CF (no conversion factor); two minute totals asked in turn. Wordings are
not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # a request's own filing day compared with the last day (notice + 5 + 120)
        ("Remit dated 01/10/2026; our redetermination was received 05/16/2026. timely?", None,
         ["2026-05-15", "late"], None),
        ("Remit dated 01/10/2026; our redetermination was received 05/14/2026. timely?", None,
         ["2026-05-15", "timely"], None),
        # a notice day without its year: the count and the verdict, no year the question never wrote
        ("first level appeal is the reconsideration right? the denial letter was dated 1/20, can we still file", None,
         ["Redetermination", "has passed"], None),
        # the patient right there: the descriptor, not units
        ("she was right there doing her exercises while I taught her husband the hoyer for 25 min, 97550 ok?", None,
         ["without the patient present"], None),
        # a validity check by date
        ("G0543 on a 11/04/2024 claim - validity check?", None, ["2025-01-01"], None),
        # CF as a clinical fellowship
        ("CF here - the cheat sheet says only PT and OT can bill 97550, true?", None, ["GN"], None),
        # a place told in passing, the national amount asked
        ("I'm the only PT in our county - national medicare amount for 97551 in 2026?", None, ["26.05"], None),
        # the primary line left off: a clerical reopening, not a new claim
        ("got CO-B15 on the 97551, I never put the 97550 line on the claim. new claim with both?", None,
         ["reopening"], "appeal:clerical_reopening"),
        # the band asked for by its units
        ("what minute band gives exactly 2 units of 97551?", None, ["53-67"], None),
        # two days of 2024 across the conversion-factor change: both factors
        ("97550 on DOS 2024-01-15 and DOS 2024-05-01 - which CF applies to each?", None, ["32.7442", "33.2875"], None),
        # a reason code named by its kind, its group apart
        ("835 has group PR and CARC 119 on our 97550-GP line, what's the fix?", None, ["KX", "reopening"], None),
        # the MA coverage rule cited against a plan's own cap
        ("plan policy caps 97550 at 3 visits a year; the therapist's appeal cites 42 CFR 422.101(b). does that hold?",
         None, ["422.101(b)"], "faq:ma_own_criteria"),
        # totals past the passage's last band, in minutes or hours and minutes
        ("how many units for 130 minutes of caregiver training", None, ["97551 x7", "5 + 1 + 1 = 7"], "units:cts"),
        ("caregiver training ran 1 hour 50 min today - units?", None, ["97551 x5"], "units:cts"),
        # several caregivers of one patient at once
        ("can we bill cts for 3 caregivers same patient at once?", None, ["one block"],
         "faq:several_caregivers_one_patient"),
        # two totals asked in turn
        ("37 min with the son - 97550 only? what if it was 38", None, ["37 minutes", "38 minutes", "97551 x1"], None),
    ],
)
def test_phrasing(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


def test_a_patient_right_there_gets_no_units_worked(dated: Assistant) -> None:
    answer = dated.answer("pt was right there eating while I coached his daughter 20 min on pacing, add 97550?")
    assert "supports 97550" not in answer.text, answer.text


def test_an_faq_about_another_total_is_not_quoted(dated: Assistant) -> None:
    answer = dated.answer("how many units for 400 minutes of caregiver training?")
    assert "50 minutes" not in answer.text, answer.text


def test_a_yearless_notice_states_no_year(dated: Assistant) -> None:
    answer = dated.answer("denial dated 3/2 - still in time for the redetermination?")
    assert "2026" not in answer.text.split("[1]")[0], answer.text


@pytest.mark.parametrize(
    "question",
    [
        # a state's own rules, not Medicare's
        "taking a job in Oregon next month - do Oregon's rules let a PTA run caregiver training without the PT there?",
        # a code set the sources do not reach
        "will 97551 be deleted in CPT 2028?",
        "our coding class says the 2029 code set renames 97550 - true?",
        # a maximum asked with two words between
        "how many family members max per 97552 class?",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text
