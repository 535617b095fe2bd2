"""Worked sums (`assistant.answer.calc`): money questions answered with the arithmetic written out, each figure cited
to the passage that holds it. One table of questions; each row names the sum the answer must show."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer.calc import worked
from assistant.knowledge.loader import load_knowledge
from assistant.retrieval.understand import understand
from assistant.service import Assistant

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("question", "shows", "cites"),
    [
        ("55 mins of caregiver training this past April, non-QP, what's the total national Medicare allowed?",
         "$52.77 + 2 × $26.05 = $104.87", {"fee:97550-RVU26C", "fee:97551-RVU26C", "units:cts"}),
        ("PTA did the whole 97550 session, 30 min, in 2025. what does medicare allow?",
         "85% × $52.08 = $44.27", {"fee:assistant-rate", "fee:97550-RVU25D", "units:cts"}),
        ("what's her share for 97550 in 2025, deductible met?", "20% × $52.08 = $10.42",
         {"fee:coinsurance", "fee:97550-RVU25D"}),
        ("97550 in 2026 non-facility: what's the actual number medicare pays after the 2 percent sequestration?",
         "$42.22 − 2% × $42.22 = $41.38", {"fee:sequestration-2pct", "fee:coinsurance", "fee:97550-RVU26C"}),
        ("97552 class on 6/12/2025 for caregivers of 4 different patients, total Medicare allowed?",
         "4 × $22.00 = $88.00", {"units:cts", "fee:97552-RVU25D"}),
        ("97550 in 2026: facility rate and how big is the gap to the office rate?", "$52.77 − $39.75 = $13.02",
         {"fee:97550-RVU26C"}),
        ("stroke class 4/2/2026, 7 caregivers of 5 different pts: how many 97552 units?", "5 units of 97552",
         {"units:cts"}),
        # a filing limit counted from the notice date, by the payer's own route
        ("remit for the denied 97550 is dated August 14, 2026. what's the last day for the first appeal?",
         "2026-08-14 + 5 days (presumed receipt) + 120 days = 2026-12-17", {"appeal:redetermination"}),
        ("MA plan denial letter dated 10/1/2026, deadline for the appeal?", "2026-10-01 + 65 days = 2026-12-05",
         {"appeal:plan_reconsideration"}),
        ("redetermination letter dated Oct 9 2026 upheld it. by when does the QIC request need to go in?",
         "2026-10-09 + 5 days (presumed receipt) + 180 days = 2027-04-12", {"appeal:reconsideration"}),
    ],
)
def test_worked_sum(assistant: Assistant, question: str, shows: str, cites: set[str]) -> None:
    answer = Assistant(assistant.settings, clock=lambda: TODAY).answer(question)
    assert answer.answered and shows in answer.text, answer.text
    sentence = next(s for s in answer.sentences if shows in s.text)
    assert {i.split("#")[0] for i in sentence.passage_ids} == cites
    assert {i for i in sentence.passage_ids} <= {p.id for p in answer.passages}


@pytest.mark.parametrize(
    "question",
    [
        "do families have to pay out of pocket for caregiver training?",  # whether, not how much
        "what code, 97552 or G0543, for a class of caregivers of 4 different pts?",  # which code, not a count
        "what does Aetna allow for 97550 at 55 minutes in 2026?",  # another payer's amounts are not Medicare's
        "how many units for 55 minutes of 97550?",  # units, not money
        "70 mins total training the wife and daughter together, units?",  # a total of minutes, not of money
    ],
)
def test_no_sum_asked(question: str) -> None:
    assert worked(understand(question, today=TODAY), load_knowledge()) == []


def test_a_date_of_service_is_not_counted_as_a_notice(assistant: Assistant) -> None:
    """Only a notice's date starts a filing limit: a date of service named instead gives the route's rule, no count."""
    answer = Assistant(assistant.settings, clock=lambda: TODAY).answer("DOS 3/4/2026, when is the deadline to appeal?")
    assert answer.answered and "days =" not in answer.text, answer.text
