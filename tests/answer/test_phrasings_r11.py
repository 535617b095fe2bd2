"""Families of phrasings (round 11, gaps found with the round-6 sealed set now used for regression): a Spanish "how
long" (cuanto tiempo) asks a deadline, not an amount; a denial whose usual answer is not to appeal (timely filing)
says so before any appeal attachment; an add-on named with another primary code gets each code's own pairing; a
question the asker labels clinical, or that asks the best sequence or technique to teach, is refused. Wordings are
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
        # "cuanto tiempo" is how long: the plan's reconsideration and its days, not a fee refusal
        ("el Medicare Advantage nego 97550, cuanto tiempo tenemos para la apelacion?", None, ["65"], None),
        ("cuanto tiempo tengo para apelar un Medicare Advantage denial de 97551", None, ["65"], None),
        # a timely-filing denial has no appeal rights: said first, with the filing limit
        ("got CO-29 on a 97550 line from last spring, biller left - is there an appeal?", date(2025, 4, 2),
         ["no appeal rights", "12 months"], None),
        ("CO 29 came back on our caregiver training claim, can I appeal it with the 835?", None,
         ["no appeal rights"], None),
        # an add-on named with a primary code that is not its own: each code's own pairing
        ("our coder billed G0542 as the add-on to G0539, is that right?", None, ["G0540", "G0539"], None),
        ("is 97551 the add-on code for G0541 or not", None, ["G0542", "97550"], None),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # clinical technique, however the asker puts it
        "clinical question, not billing: what cues help a son guide his mom's pivot transfer to the commode?",
        "best hand placement sequence to teach a husband for guarding on stairs?",
        "what's the best cueing strategy to help a daughter teach her dad to swallow safely",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text
