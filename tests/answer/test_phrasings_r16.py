"""Families of phrasings (round 16, kinds found with the round-9 sealed set, now a regression set): the first add-on
unit named when the add-on is asked about and the minutes do not reach it; a denial corrected rather than appealed
(PR-119), asked what to do, gets Medicare's clerical-error reopening; "which group code" asks for a code, and
"pressure-injury" or "decubitus" is direct care; the IRE's filing limit, which no route holds, is refused; a national
fee asked "before the locality adjustment" or "without GPCI" is answered, not refused as a locality rate; a payer
that wants "the full stated time" is the full-time rule; an SLP assistant, an inpatient stay under the DRG, the
multiple-procedure payment reduction, a caregiver the consent does not name, one patient's caregivers' time
multiplied by their number and a limit per patient per year are each the subject of the question, whatever minutes,
code or date it also names. The facility gap of each year a question
compares. Wordings are not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # the locality set aside: the national amount
        ("solo OT, no APM: national 97550 office rate for 2026 without the GPCI please", None, ["52.77"], None),
        ("what's medicare's 97551 non-facility amount in 2026 before any locality adjustment?", None, ["26.05"],
         None),
        # "the full listed time": the full-time count
        ("a commercial payer says we need the full listed time per unit. 50 min caregiver training, how many units?",
         None, ["45"], None),
        # the add-on asked about and not supported: where its first unit starts
        ("did 33 min with the daughter, pt not there. 97550 and one 97551?", None, ["97550 x1", "needs 38 minutes"],
         "units:cts"),
        ("22 min of ostomy training w/ spouse - G0541 + G0542 ok?", None, ["G0541 x1", "G0542 unit needs 38"], None),
        # a denial corrected rather than appealed, asked what to do: Medicare's clerical-error reopening
        ("got PR-119 back on our 97551 line, what do we do now?", None, ["Clerical Error Reopening", "KX"], None),
        # a code asked for by its kind ("which group code"), chosen by what was taught ("pressure-injury", "decubitus")
        ("Feb 2025: taught decubitus prevention to the wives of 3 different patients in one class, none present. what "
         "group code?", None, ["G0543"], None),
        ("which group code for a pressure-injury class with caregivers of 4 different pts in 2026?", None, ["G0543"],
         None),
        # the facility gap of each year named
        ("owner: how did the facility vs non-facility gap for 97551 change from 2025 to 2026?", None,
         ["$5.01 per unit", "$1.61 per unit"], None),
        # an SLP assistant furnished it, whatever the minutes
        ("SLPA did 35 min of swallow training with the daughter, can the SLP bill 97550 to medicare?", None,
         ["not recognized"], "faq:slpa"),
        # an inpatient under the DRG
        ("pt admitted on the rehab floor under a DRG, can OT bill 97550 for teaching the husband transfers?", None,
         ["DRG"], "faq:inpatient"),
        # the multiple-procedure payment reduction
        ("does MPPR knock down 97551 when billed with 97530 on one claim?", None, ["multiple-procedure"],
         "faq:mppr"),
        # a caregiver the consent does not name
        ("we have consent for the husband, but his sister came in for training today. can we train her and bill?",
         None, ["consent"], "faq:consent_declined"),
        # one patient's caregivers: one block of time
        ("trained 3 of the pt's kids together 40 min, do I chart 120 min since there were three caregivers?", None,
         ["97550"], "faq:several_caregivers_one_patient"),
        # ... unless the question gives one total and asks its units: the units answer leads
        ("both sons of one pt trained together 50 min. units? do we double it?", None, ["97551 x1"], "units:cts"),
        # a count over a span of time
        ("PRN OT: does medicare only allow 97550 once a year for each beneficiary?", None, ["no fixed limit"],
         "faq:frequency_limits"),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize("question", ["33 min with the daughter, pt not there, units?", "50 min: 97550 and 97551?"])
def test_the_first_addon_unit_is_named_only_when_asked_and_not_supported(dated: Assistant, question: str) -> None:
    assert "unit needs" not in dated.answer(question).text


def test_a_denial_asked_only_for_its_meaning_names_no_reopening(dated: Assistant) -> None:
    assert "Clerical Error Reopening" not in dated.answer("what does PR-119 mean on a 97551 line?").text


@pytest.mark.parametrize(
    "question",
    [
        # a locality still asked for, beside a word that sets another one aside
        "97550 rate in my county before the deductible in 2026",
        # the filing limit of a level no route holds (the IRE after an MA plan's reconsideration)
        "MA plan upheld its denial of 97551 on reconsideration. deadline to request the independent review entity?",
    ],
)
def test_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text
