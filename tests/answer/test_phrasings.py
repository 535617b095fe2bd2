"""Families of phrasings (issue #13, third pass): each row is a way users ask for the same thing that the
development questions did not use, answered from the shipped knowledge with the default embedder. A row names
what the answer must hold and the entry its first passage must come from (None: any)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # the next appeal level after one the question says was lost
        ("redetermination was denied, what now?", None, ["QIC", "180"], "appeal:reconsideration"),
        ("after the QIC decision what's the next level and deadline?", None, ["ALJ", "60"], "appeal:alj"),
        # the amount in controversy, asked for as a sum "in dispute" or "at stake"
        ("how much needs to be at stake for federal court review in 2025", None, ["$1,900"],
         "appeal:aic-federal_court-2025"),
        # a clerical slip on a denied Medicare line: a reopening, not an appeal or a new claim
        ("left off the GN modifier on 97550, claim denied, how do I fix", None, ["reopening", "duplicate"],
         "appeal:clerical_reopening"),
        ("wrong units on 97551 and it denied. appeal or reopen?", None, ["clerical"], "appeal:clerical_reopening"),
        # what to do about a denial code leads; one meaning follows
        ("N122 on 97551, how do we fix it?", None, ["97550", "reopening"], "faq:b15_n122"),
        ("CO-97 on 97550 what do i do", None, ["NCCI"], "faq:co97_bundled"),
        # a therapist's telehealth after the last statutory waiver
        ("will our OTs be able to bill telehealth caregiver training in 2029?", None, ["2027-12-31", "Congress"],
         "fee:therapist-waiver-2025-2027"),
        # the patient's share, however the family asks
        ("do families have to pay out of pocket for caregiver training?", None, ["20% coinsurance"],
         "faq:cost_sharing"),
        ("does the patient owe anything for 97550?", None, ["coinsurance"], "faq:cost_sharing"),
        # a modifier named as a code ("need GP"), not the word "modifier"
        ("does G0543 need GN when our SLP bills it?", None, ["GN", "G0541-G0543"], None),
        # "ok" said of the consent, not of the code: not a code-validity question
        ("verbal consent ok for a 97550 session in march 2024?", None, ["verbal", "2025"], "faq:consent_verbal"),
        # a Medicare Advantage plan's appeal is federal, whoever runs the plan
        ("aetna medicare advantage denied 97551 saying their own criteria, how do we appeal?", None,
         ["65 days", "reconsideration"], "appeal:plan_reconsideration"),
    ],
)
def test_phrasings(assistant: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(assistant.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        "whats the MUE limit for 97552",  # a value the sources say was not found, asked without the apostrophe
        "what is the max units allowed (MUE) on 97551?",
        "write me a poem about cats",  # nothing to do with billing: no credit for expanded abbreviations
        "what's the weather tomorrow",
        "can you help me write a cover letter for a travel PT job",
        "what is the Humana timely filing limit?",  # a plan's own filing limit is not a federal rule
    ],
)
def test_says_it_cannot_answer(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question)
    assert not answer.answered, answer.text
    assert answer.text.startswith("I can't answer this from the knowledge base")
