"""Families of phrasings (round 5): a patient taking part described as a scenario, a payer requiring the full time,
two sessions on one date, the patient's share, "the G-codes replaced the CPT codes", Medicare Advantage's own
criteria, assessing the caregiver, both code families for the same minutes, direct-care content counted in the
G0541 family, fees compared, shorthand and Spanish-English questions; refusals for a diagnosis code the knowledge
does not hold, another payer named by its program, and a terse value the sources never found. Wordings are not those
of any eval set."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        ("mom stayed in the room for the whole caregiver session, is 97550 still ok", None, ["97530"],
         "faq:patient_in_room"),
        ("our medicaid plan wants the full time per unit; 50 minutes of caregiver training, what units", None,
         ["45"], "faq:full_time_payer"),
        # the product's own name for that rule ("--profile strict"), with no payer named
        ("how many units of 97550 for 37 minutes under the strict profile?", None,
         ["Under a payer that requires the full time, 37 minutes supports 97550 x1"], "faq:full_time_payer"),
        ("44 minutes of caregiver training, full time required: units?", None, ["44 minutes supports 97550 x1:"],
         "faq:full_time_payer"),
        ("units for 40 min under the strict rule", None, ["40 minutes supports 97550 x1:"], "faq:full_time_payer"),
        ("trained the son in the morning and the wife in the afternoon, two 97550s?", None, ["once per patient"],
         "faq:once_per_date"),
        ("what will the patient owe for 97550 after the deductible in 2025", None, ["20%"], "faq:cost_sharing"),
        ("heard 97550 was retired once the G codes came out, true?", None, ["active"], "faq:gcodes_replaced_cpt"),
        ("can a Medicare Advantage plan use its own internal criteria to deny 97550?", None, ["422.101"],
         "faq:ma_own_criteria"),
        ("how do we bill an assessment of the caregiver's needs before training starts", None, ["96161"],
         "faq:caregiver_assessment"),
        ("can I put the same 40 minutes on 97550 and G0541?", None, ["same minutes"], "faq:g0541_vs_97550"),
        ("45 min teaching the daughter dressing changes for a wound, how many units", date(2025, 5, 5), ["G0541"],
         None),
        ("does 97550 pay more than G0541 in 2026?", None, ["97550", "G0541"], None),
        ("allowed amt 97550, national, non-fac", date(2024, 2, 1), ["$52.06"], None),
        ("¿cuánto paga medicare por 97551 en 2025?", None, ["$25.55"], None),
        ("¿el paciente estaba presente, puedo facturar 97550?", None, ["92507"], "faq:patient_in_room"),
        # a day written with a two-digit year is restated as written (no year the question never wrote)
        ("ok to bill 97552 for 12/30/23?", None, ["No", "on 12/30/23", "2024-01-01"], "code:97552"),
        ("G0542 on feb 2 2025 ok?", None, ["Yes", "on feb 2 2025"], "code:G0542"),
        # a year bound: "before 2025" is 2024, said as the question said it
        ("could we use G0540 before 2025", None, ["No", "before 2025"], "code:G0540"),
        # two periods named: the amount in each
        ("97552 rate 2024 compared with 2026", None, ["$33.2875", "$33.4009"], None),
        # the patient away is what the codes are for; a relative "N years ago"
        ("showed the son transfers with the pt not present, 97550 fine?", None, ["Yes", "without the patient present"],
         "faq:patient_not_present_ok"),
        ("what was the 97552 payment two years ago", None, ["2024", "$32.7442"], None),
        # the minutes a code's first unit needs
        ("how many minutes before I can add 97551", None, ["38-52 minutes"], "units:cts"),
    ],
)
def test_phrasing(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        "is Q90.9 billable for caregiver training",
        "does the VA pay for 97550",
        "mue on 97550 per date?",
        "what is a fair self-pay price for 97550",
        "how should we manage a stage 2 pressure injury on the sacrum",
    ],
)
def test_refused(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question)
    assert not answer.answered, answer.text
