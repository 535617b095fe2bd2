"""Families of phrasings (round 22 of these tables; the causes behind the round-15 outside tester's `ask` findings):
a denial code between "denied" and its day; a person's wage told with the question; another payer's timely-filing
denial; diagnosis codes told as what was used; the behaviour-management codes' units by minutes; a service date before
the patient's death. Wordings are not those of any eval set; the clock is fixed at 2026-12-03.
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
        # the denial code between "denied" and its day: the day is the notice's, and the last day is worked out
        ("Denied CO-50 on 11/20/2026, what is the deadline to file redetermination?", ["2027-03-25"], None),
        ("got a denial PR-96 on 10/01/2026 - last day for the redetermination?", ["2027-02-03"], None),
        # a person's wage told with the question: who the caregiver is, not the code's fee
        ("Can a paid home health aide be trained under 97550 if the family pays her $18/hour?",
         ["Not under Medicare's definition"], "faq:paid_aide"),
        ("our aide gets $20/hr from the son - is she a caregiver for 97550?", ["Not under Medicare's definition"],
         None),
        # another payer's timely-filing denial: appealed under the plan's process with proof of timely filing
        ("Can we appeal a CO-29 from BCBS?", ["277CA", "appealed"], "denial:timely_filing"),
        ("cigna sent back CO-29 on our 97550 claim, is it appealable?", ["277CA", "appealed"], None),
        # Traditional Medicare's has no appeal rights
        ("can we appeal a CO-29 from medicare?", ["no appeal rights"], "denial:timely_filing"),
        # diagnosis codes told as what was used: whether any diagnosis is required is answered
        ("Does caregiver training need a diagnosis code; we used Z63.6 and F03.90?",
         ["not limited to a diagnosis list"], None),
        ("is a specific dx required for 97550? we billed F84.0", ["not limited to a diagnosis list"], None),
        # the behaviour-management codes' units by minutes, by the same mid-point bands as 97550/97551
        ("How many units of G0539 can I bill for 90 minutes of behavior management training to one caregiver?",
         ["G0539 x1 and G0540 x4"], "units:behavior"),
        ("is G0540 billed per 15 minutes after G0539, session 75 min on 3/3/2025?", ["G0539 x1 and G0540 x3"], None),
        ("G0539 40 min, units?", ["G0539 x1 and G0540 x1"], None),
    ],
)
def test_answers(december: Assistant, question: str, holds: list[str], first: str | None) -> None:
    holds_answer(december.answer(question), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # a diagnosis code asked about that no passage names is still not answered
        "is F84.0 billable for autism?",
        "we used F84.0 for 97550, is that ok?",
        # a patient's death: the sources hold nothing on billing after it, so no passage's "Yes" answers it
        "The patient died on 10/22/2026; can we still bill training done with the daughter on 10/21/2026?",
        "pt passed away last week, can we still bill the 97550 from the week before?",
    ],
)
def test_not_answered(december: Assistant, question: str) -> None:
    answer = december.answer(question)
    assert not answer.answered, answer.text
