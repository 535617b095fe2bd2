"""Families of phrasings (issue #13, fourth development set): relative dates read against a fixed clock, topics an
FAQ answers however they are worded, bundled asks, several diagnosis codes at once, and values the sources do not
hold. Wordings are not those of any eval set; "today" is 2025-06-15 so no row leans on the set's own today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.answer.expect import dated_assistant, holds_answer


@pytest.fixture(scope="module")
def dated(assistant: Assistant, data_dir: Path) -> Assistant:
    """This table's clock is 2025-06-15 (its relative words were written against it)."""
    return dated_assistant(data_dir, date(2025, 6, 15))


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # relative dates: "last april" is April 2025, "next november" November 2025, "this year" 2025, "last year" 2024
        ("what did 97551 pay last april in an office?", ["April 2025", "$25.55"], "fee:97551-RVU25D"),
        ("is G35 ok as the dx for a session next november?", ["No", "November 2025", "G35.A"], "dx:G35"),
        ("amount in controversy for an ALJ hearing this year", ["$190"], "appeal:aic-alj-2025"),
        ("KX threshold last year?", ["$2,330"], "fee:kx-2024"),
        # a late claim, however asked: the timely filing limit
        ("we just found a 97552 visit nobody ever billed from 14 months ago, is it too late to submit?",
         ["12 months"], "faq:timely_filing"),
        # how consent is given and recorded
        ("does the parent have to sign a consent form before I train her?", ["verbal", "document"],
         "faq:consent_verbal"),
        # who may bill a code the question names
        ("our OT wants to bill G0543, can an OT bill that or is it physician only?", ["GO", "G0541-G0543"],
         "faq:gp_go_gn"),
        # two asks in one: the amount in controversy and the time to file
        ("how much money must be in dispute for a federal court appeal in 2025 and how many days do we have to file",
         ["$1,900", "60 days"], "appeal:aic-federal_court-2025"),
        # too few minutes, with the minimum stated
        ("session lasted 11 minutes, can 97550 go out with modifier 52?", ["16 minutes"], None),
        # several diagnosis codes: each answered
        ("are Z96.64 and G20 still fine to use in 2025?", ["Z96.65", "G20.A1"], None),
        # an add-on on another date than its primary code
        ("97551 denied with N122 because 97550 was on a different day, why", ["same date"], None),
    ],
)
def test_phrasings(dated: Assistant, question: str, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        "what's the maximum number of caregivers allowed per 97552 group",  # a minimum is stated, no maximum
        "which hcpcs do we use for kinesio taping",  # a code for something no passage names
        "what cpt should i use for cupping",
    ],
)
def test_says_it_cannot_answer(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text


def test_the_clock_dates_relative_words(dated: Assistant) -> None:
    """The same relative question under another clock names another year: the clock, not the words, dates it."""
    later = Assistant(dated.settings, clock=lambda: date(2026, 6, 15))
    assert "$2,410" in later.answer("KX threshold last year?").text
