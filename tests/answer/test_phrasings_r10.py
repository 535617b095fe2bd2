"""Families of phrasings (round 10, gaps found with the round-6 sealed set now used for regression): a maximum asked in
other words ("max # of", "is 9 too many") when an FAQ opening would answer something else, minutes inside a quoted
descriptor ("'Initial care training 30 m'"), "what does that code mean", a verbal or oral "ok" as consent (not
audio-only telehealth), and whether to append 59 by reflex. Wordings are not those of any eval set; the clock is fixed
at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # a quoted descriptor's minutes are no session's minutes: the code's meaning is asked
        ("the CDM lists G0539 as 'Initial care training 30 m' - what is G0539?", None, ["behavior"], None),
        ('billing software calls G0541 "No pt prsnt train initial 30", what does that code mean', None,
         ["direct care"], None),
        # a verbal or oral ok is consent, even when given by phone
        ("the daughter gave an oral ok by phone to train her, is that enough for 97550 in 2025 or need a signature?",
         None, ["verbal consent"], None),
        ("patient's verbal agreement over the phone was charted - do we need a signed form for a 2026 visit?", None,
         ["verbal consent"], None),
        # whether to append 59 or an X modifier: not by reflex
        ("the billing co. wants to put a 59 on each 97550 done the same day as 97535, ok?", None, ["reflex"],
         "faq:modifier_59_xe"),
        ("do we add mod 59 to 97550 whenever 97110 is on the claim too", None, ["reflex"], "faq:modifier_59_xe"),
        # 59 and an X modifier named together: whether both may go on one line
        ("can we put a 59 and XS on the same 97550 line", None, ["same line"], None),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # a maximum asked in other words, which no passage states
        "what's the max # of families in a 97552 class",
        "is 15 caregivers too many for one group session billed 97552?",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        # consent over the phone is not an audio-only telehealth visit
        ("mom gave a verbal ok on the phone for us to train her husband, good enough for 97550?", "modifier 93"),
        # the minutes of a session still count outside quotes
        ("trained the wife 'for fall safety' 40 min, units for 97550?", "I can't answer"),
    ],
)
def test_not_said(dated: Assistant, question: str, absent: str) -> None:
    answer = dated.answer(question)
    assert absent not in answer.text, answer.text
