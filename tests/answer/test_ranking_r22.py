"""Which passage comes first (round 22 of the phrasing tables; the causes behind the round-14 sealed set's ranking
misses): a code's own short descriptor quoted to be matched, and one quoted in passing that asks no code; the appeal
levels listed as a ladder; diagnosis codes offered as quiz choices; a claim never resubmitted asked as still
fileable; a past telehealth claim asked "was that ok"; a remittance code's meaning asked beside what is owed; the
patient who came in for the last minutes, whose FAQ now says "without the patient present".
Wordings are not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.retrieval.routing import offers_choices
from assistant.retrieval.understand import understand
from assistant.service import Assistant


@pytest.mark.parametrize(
    ("question", "dos", "first", "says"),
    [
        # a code's own short descriptor quoted, the code asked: that code first, whatever its words suggest
        ('flash card: "No pt prsnt train add 15" -- what code is it?', None, "code:G0542", "No pt prsnt train add 15"),
        ('which HCPCS has the short descriptor "Group train w/o patient"?', None, "code:G0543", "G0543"),
        # the ladder listed: the lower level's amount first, whatever order the question lists them in
        ("for my cheat sheet: federal court, reconsideration, ALJ, redetermination, appeals council - which levels "
         "have a dollar minimum in 2026?", date(2026, 3, 1), "appeal:aic-alj-2026", "$"),
        # a claim the clearinghouse rejected and nobody sent again
        ("97550 line from 03/04/2026 got rejected at the clearinghouse and was never resubmitted, still fileable?",
         None, "faq:timely_filing", "12 months"),
        # a past telehealth claim asked "was that legit" mid-question: that year's status leads, the modifier follows
        ("Looking back, our PT did a zoom session with a pt's wife in June 2024 and billed 97550 with the 95 modifier. "
         "was that legit? trying to learn the rules now vs then", None, "fee:telehealth-2024", "2024"),
        # a remittance code's meaning asked beside what the family owes: the meaning leads
        ("The clinic wrote that my mother's training visit came back PR-50 and we may be billed. I signed an ABN form "
         "before the visit. What does PR-50 mean and do we really owe it?", None, "reason:50", "PR-50"),
        # the patient came in for the last minutes: the FAQ says what the codes are for in findable words
        ("the pt joined for the last 10 min of his daughter's training, 97550 for all 40 min?", None,
         "faq:patient_briefly_present", "without the patient present"),
    ],
)
def test_first_passage(dated: Assistant, question: str, dos: date | None, first: str, says: str) -> None:
    found = dated.search(question, k=3, dos=dos)
    assert found[0].id.split("#")[0] == first, [p.id for p in found]
    assert says in found[0].text


@pytest.mark.parametrize(
    ("question", "not_first"),
    [
        # a statement line quoted by a family: why they owe, not which code
        ('the bill from the clinic says "Caregiver traing 1st 30 min" and we owe part of it, why?', "code:97550"),
        # the group code's descriptor said in passing with a fee question
        ("how much does Medicare pay for group caregiver training 97552 in 2026?", "code:97552"),
        # the ladder not listed: the level named first keeps its place
        ("amount in controversy for federal court in 2025 vs ALJ in 2025?", "appeal:aic-alj-2025"),
    ],
)
def test_not_first(dated: Assistant, question: str, not_first: str) -> None:
    found = dated.search(question, k=3)
    assert found[0].id.split("#")[0] != not_first, [p.id for p in found]


def test_quiz_choices_put_the_comparing_passage_first(dated: Assistant) -> None:
    """One option's own change (R26.8 is a header) is no answer to which code fits: the passage setting the options
    side by side leads."""
    found = dated.search('quiz q: code for "at risk for falling"? (a) R29.6 (b) Z91.81 (c) R26.8 (d) W19.XXXA', k=3)
    assert found[0].id.split("#")[0] != "dx:R26.8", [p.id for p in found]
    assert "Z91.81" in found[0].text


@pytest.mark.parametrize(
    ("question", "choices"),
    [
        ("a) R29.6   b) Z91.81   c) R26.8", True),
        ("MCQ: Z96.641 or Z96.651 for a left knee?", True),
        ("are G20.A1 and G20.B2 valid in 2024?", False),  # each code asked about, no quiz
        ("MCQ: is R26.8 billable?", False),  # one code is no choice
    ],
)
def test_offers_choices(question: str, choices: bool) -> None:
    assert offers_choices(understand(question)) is choices
