"""Families of phrasings (round 7): an answer quoted only from a passage about the code asked (else refused), the
passage naming the thing a code is asked for first, a telehealth line's modifier and place of service, what a note must
hold, a Medicare Advantage plan's duty to cover what Medicare covers, a modifier the knowledge does not hold (refused),
which code for a group, one date's sessions added into one total, and an assistant's discipline modifier. Wordings are
not those of any eval set."""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # the code a thing is asked for: the passage naming the thing answers, not an FAQ that shares "therapy"
        ("what cpt code for pool therapy", ["97113"], "code:97113"),
        ("cpt for aquatic therapy??", ["97113"], "code:97113"),
        ("which code do i use for neuromuscular reeducation", ["97112"], "code:97112"),
        # a telehealth line's modifier and place of service, whatever year the question names
        ("telehealth modifier for 97550 in 2026 and pos?", ["95", "02"], "faq:telehealth_modifier"),
        ("what modifier do i put on a 2025 telehealth 97551 claim, and the place of service", ["95"],
         "faq:telehealth_modifier"),
        ("tele mod + POS for G0541 this yr", ["95"], "faq:telehealth_modifier"),
        ("que modificadores para 97550 por telesalud y lugar de servicio?", ["95"], "faq:telehealth_modifier"),
        # what a note must hold
        ("what do I need in the note for 97551", ["consent", "minutes"], "faq:documentation_elements"),
        ("documentation requirments for G0541?", ["consent"], "faq:documentation_elements"),
        ("what should go in my daily note for caregiver training?", ["consent"], "faq:documentation_elements"),
        ("que necesito en la nota para 97550?", ["consent"], "faq:documentation_elements"),
        # a Medicare Advantage plan's duty (42 CFR 422.101), not "it varies"
        ("do medicare advantage plans have to pay for 97550 same as original medicare", ["422.101"],
         "faq:ma_own_criteria"),
        ("can the MA plan refuse to cover caregiver training that medicare covers", ["422.101"],
         "faq:ma_own_criteria"),
        ("el plan advantage tiene que cubrir 97550 como medicare regular?", ["422.101"], "faq:ma_own_criteria"),
        ("is an advantage plan required to pay G0541 if traditional medicare does", ["422.101"],
         "faq:ma_own_criteria"),
        # which code for a group: the group code's own descriptor
        ("which code for a caregiver class with 5 families", ["97552"], "code:97552"),
        ("group training for three patients' caregivers, what cpt", ["97552"], "code:97552"),
        ("que codigo para una clase de grupo con 4 familias?", ["97552"], "code:97552"),
        ("grp wound care class for 3 families in 2025 which hcpcs", ["G0543"], "code:G0543"),
        # one patient's sessions on one date: one total, written out
        ("20 min am + 25 pm, two 97550?", ["45", "97551"], None),
        ("15 min in the morning and 20 min in the afternoon same pt, how do i bill", ["35", "97550 x1"], None),
        ("did 30 min w/ son then another 25 with the wife later same day, 1 pt", ["55", "97551"], None),
        # an assistant's line: the discipline modifier with CQ/CO
        ("our cota ran the 97550 on 4/2/2025, what modifiers and what does it pay", ["GO", "85"],
         "faq:pta_ota_cq_co"),
        ("OTA furnished G0541, modifier?", ["GO", "CO"], "faq:pta_ota_cq_co"),
        ("pta did 97551 - mods and rate", ["GP", "CQ"], "faq:pta_ota_cq_co"),
    ],
)
def test_phrasing(dated: Assistant, question: str, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # the only passages found list other codes: nothing says this about the code asked
        "can our OT bill G0539 with GO as therapy",
        "can a PT bill G0540 with the GP modifier as a therapy service",
        "is G0540 a sometimes-therapy code that takes GN?",
        # a modifier the knowledge does not hold
        "when do I use the FQ modifier",
        "whats modifier FR for",
        "do we need FQ on an audio only 97550?",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        # caregivers of one patient are not a group
        ("son and daughter came for their dad's training together, which code?", "97552 (Group"),
        # minutes that already name their total are not added again
        ("20 min transfers + 20 min wound care w/ the wife, bill 97550 + 97551 for the 40 min?", "80 minutes"),
    ],
)
def test_not_said(dated: Assistant, question: str, absent: str) -> None:
    answer = dated.answer(question)
    assert absent not in answer.text, answer.text
