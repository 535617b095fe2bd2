"""Query understanding: codes, dates, payers, minutes and the kind of answer a question wants."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.retrieval.understand import understand

Y2024 = (date(2024, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize(
    ("question", "kind", "codes", "period"),
    [
        ("is G0541 billable in 2024?", "code_validity", ("G0541",), Y2024),
        ("can we bill G0541 for a 2024 date of service?", "code_validity", ("G0541",), Y2024),
        ("how much does medicare pay for 97551 in 2026?", "fee", ("97551",), (date(2026, 1, 1), date(2026, 12, 31))),
        ("medicare rate for 97550 non facility on a 2/15/2024 DOS?", "fee", ("97550",),
         (date(2024, 2, 15), date(2024, 2, 15))),
        ("can I bill 97550 by telehealth for a March 2024 visit?", "telehealth", ("97550",),
         (date(2024, 3, 1), date(2024, 3, 31))),
        ("was G35 still valid in November 2025?", "code_validity", ("G35",), (date(2025, 11, 1), date(2025, 11, 30))),
        ("G20.A1 ok as dx for pt seen 12/2023?", "code_validity", ("G20.A1",), (date(2023, 12, 1), date(2023, 12, 31))),
        ("what does CO-50 mean on a 97550 denial?", "denial", ("97550", "50"), None),
        ("claim came back CO-16 MA130, should we appeal?", "denial", ("16", "MA130"), None),
        ("how long do I have to appeal a CO-50?", "appeal", ("50",), None),
        ("ALJ amount in controversy 2025?", "appeal", (), (date(2025, 1, 1), date(2025, 12, 31))),
        ("KX threshold 2025 for 97550 billed w/ GP?", "threshold", ("97550", "KX", "GP"),
         (date(2025, 1, 1), date(2025, 12, 31))),
        ("how many 97551 for 52 minutes?", "units", ("97551",), None),
        ("does the 8 minute rule apply to 97550", "units", ("97550",), None),
        ("PTA did the caregiver training, which modifier goes on the line?", "modifier", (), None),
        ("teaching the son wound care, which code", "code_choice", (), None),
        ("which group code for a wound care class?", "code_choice", (), None),
        ("can the patient be in the room while I train the wife?", "rule", (), None),
        ("should I put modifier 59 on 97550 with the eval (97162)?", "modifier", ("97550", "97162", "59"), None),
        # a post-payment or prepayment review is a kind of review, not an amount asked
        ("post-payment review of a 97550 video visit in 2025: was telehealth allowed?", "telehealth", ("97550",),
         (date(2025, 1, 1), date(2025, 12, 31))),
        ("prepayment review on our telehealth 97550 lines, 2025", "telehealth", ("97550",),
         (date(2025, 1, 1), date(2025, 12, 31))),
        ("what payment does 97550 get in 2025?", "fee", ("97550",), (date(2025, 1, 1), date(2025, 12, 31))),
    ],
)
def test_understand(question: str, kind: str, codes: tuple[str, ...], period: tuple[date, date] | None) -> None:
    intent = understand(question)
    assert (intent.kind, intent.codes, intent.period) == (kind, codes, period)


@pytest.mark.parametrize(
    ("question", "minutes"),
    [
        ("how many 97551 for 52 minutes?", (52,)),
        ("16 min caregiver trng", (16,)),
        ("the 8-minute rule", ()),
        ("a 30-minute code", ()),
        # a duration in words or hours
        ("an hour with the wife", (60,)),
        ("half an hour with the son", (30,)),
        ("an hour and a half of training", (90,)),
        ("2 hrs caregiver training", (120,)),
        ("forty-five minutes with mom", (45,)),
        ("the eight minute rule", ()),
        ("ten minute units", ()),
    ],
)
def test_minutes(question: str, minutes: tuple[int, ...]) -> None:
    assert understand(question).minutes == minutes


@pytest.mark.parametrize(
    ("question", "payer", "named", "locality"),
    [
        ("texas medicaid fee for 97550", "medicaid", None, True),
        ("does aetna require prior auth", "commercial", "aetna", False),
        ("Medicare Advantage plan denied 97552", "medicare_advantage", None, False),
        ("what does medicare pay in california", "medicare", None, True),
        ("do commercial plans cover 97550", "commercial", None, False),
        ("what does medicare pay nationally for 97550, before the locality adjustment?", "medicare", None, False),
        ("national 97551 rate without GPCI", None, None, False),
        ("97550 rate not adjusted for locality in 2026", None, None, False),
        ("97550 rate for my locality, before the deductible", None, None, True),
        ("before the locality adjustment, what does 97550 pay in Ohio?", None, None, True),
    ],
)
def test_payers(question: str, payer: str, named: str | None, locality: bool) -> None:
    intent = understand(question)
    assert (intent.payer, intent.named_payer, intent.locality) == (payer, named, locality)


def test_date_of_service_overrides_dates_in_the_text() -> None:
    intent = understand("was G35 valid in 2024?", date(2025, 11, 10))
    assert intent.period == (date(2025, 11, 10), date(2025, 11, 10)) and intent.year == 2025


@pytest.mark.parametrize(
    ("question", "dos", "period"),
    [
        # the date of service is one of the days the question compares: no one of them is the period asked about
        ("same 97550 rate for 3/8/2024 and 3/9/2024?", date(2024, 3, 9), None),
        # ... one day named, or the date of service not among them: the date of service
        ("97550 rate on 3/8/2024?", date(2024, 3, 9), (date(2024, 3, 9), date(2024, 3, 9))),
        ("same 97550 rate for 3/8/2024 and 3/9/2024?", date(2025, 1, 2), (date(2025, 1, 2), date(2025, 1, 2))),
        # months of one year are no days compared
        ("over the threshold in oct 2025, sessions in nov 2025 need KX?", date(2025, 11, 6),
         (date(2025, 11, 6), date(2025, 11, 6))),
    ],
)
def test_days_compared_beside_a_date_of_service(question: str, dos: date, period: tuple[date, date] | None) -> None:
    intent = understand(question, dos)
    assert intent.period == period
    assert len(intent.periods) >= 1


def test_the_family_stands_for_its_primary_code() -> None:
    assert understand("were the caregiver training codes around in 2023?").procedure_codes == ("97550",)


@pytest.mark.parametrize(
    ("question", "kind", "meaning", "alone", "why"),
    [
        ("what is G0541?", "code_validity", True, False, False),
        ("what's 97552 and when did it start", "code_validity", True, False, False),
        ("what does G0543 cover", "code_validity", True, False, False),
        ("what's 97550 pay in 2026?", "fee", False, False, False),  # a fee question, not the descriptor
        ("what's the MUE for 97551?", "rule", False, False, False),
        ("can i bill 97551 w/o 97550?", "rule", False, True, False),
        ("can I bill G0540 on its own in 2025?", "code_validity", False, True, False),
        ("can I bill 97551 without the patient present?", "rule", False, False, False),  # not an add-on alone
        ("left KX off after the 2025 threshold, how do I fix it", "denial", False, False, False),
        ("what is the KX threshold for 2025?", "threshold", False, False, False),
        ("why does 2024 have two conversion factors?", "fee", False, False, True),
        ("wrote a 40 min note for the wife, what do I need to document?", "rule", False, False, False),
        ("how many units for a 40 min session?", "units", False, False, False),
        # two codes set side by side: their descriptors answer
        ("what's the difference between 96202 and 97552?", "code_validity", True, False, False),
        ("97550 vs G0541 for teaching a wife wound care", "code_validity", True, False, False),
        ("is 97530 different compared to 97550", "code_validity", True, False, False),
        ("difference between the 97550 and 97551 fee in 2026", "fee", False, False, False),  # amounts compared
        ("97550 vs 97552?", "code_validity", True, False, False),
        ("what's the difference vs the other one for 97552", "rule", False, False, False),  # one code: nothing compared
    ],
)
def test_asks(question: str, kind: str, meaning: bool, alone: bool, why: bool) -> None:
    intent = understand(question)
    assert (intent.kind, intent.asks_meaning, intent.alone, intent.asks_why) == (kind, meaning, alone, why)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "ok" said of the consent, not of the code
        ("for 97550 sessions back in 2024 we only had verbal consent. was verbal ok then?", "rule"),
        ("verbal consent ok for a 97550 session in march 2024?", "rule"),
        ("is 97550 still ok to bill in 2026?", "code_validity"),
        ("can we bill G0541 for a 2024 date of service?", "code_validity"),
        # submitting a code on a date is billing it then
        ("can we still submit G0541 for a visit on 12/20/2024?", "code_validity"),
        ("ok to submit 97550 for march 2023?", "code_validity"),
        # a modifier named as a code
        ("using G0541 in jan 2025, does it need GP like 97550 does?", "modifier"),
        # the amount in controversy asked for as a sum in dispute
        ("QIC upheld it; to go to an ALJ in 2026 how much has to be in dispute", "appeal"),
        ("how much does 97550 pay in 2026?", "fee"),
        # a price is an amount
        ("the estimator priced 97550 the same for 3/8/2024 and 3/9/2024, right?", "fee"),
        # a therapy modifier or plan of care named with the code: billed as therapy or not, whatever date is named
        ("slp here, can i bill G0539 w GN under my POC in 2026", "modifier"),
        ("can our OT bill G0540 as a therapy service on 3/3/2026?", "modifier"),
        # ... unless its dates are asked in so many words
        ("was G0541 with GO valid on 12/20/2024?", "code_validity"),
    ],
)
def test_kind_by_what_is_said_of_the_code(question: str, kind: str) -> None:
    assert understand(question).kind == kind


@pytest.mark.parametrize(
    ("question", "action", "clerical"),
    [
        ("97551 came back CO-B15 with N122, what does that mean and how do i fix", True, False),
        ("CO-29 timely filing on a caregiver training claim, can we appeal", True, False),
        ("forgot the GO on a 97550 line and it denied", True, True),
        ("resubmitted a new claim for the 97551 line that was missing GP and now got CO-18???", False, True),
        ("wrong units on 97551 and it denied", False, True),
        # the slip already fixed on a new claim, which then denied as a duplicate
        ("rebilled 97551 with the units corrected and got CO-18 on it", False, True),
        ("added the GP and sent a new claim, now denied as duplicate", False, True),
        ("with GO added to 97550, do we also need KX?", False, False),  # a modifier added is no slip by itself
        ("what does CO-50 mean?", False, False),
        ("no consent documented, is that a problem?", False, False),
        # an appeal asked for in other words
        ("CO-50 on 97550, how do we fight this?", True, False),
        ("can we contest the CO-50 or write it off", True, False),
        ("is a fight over CO-50 worth it", False, False),
    ],
)
def test_action_and_clerical_slips(question: str, action: bool, clerical: bool) -> None:
    intent = understand(question)
    assert (intent.asks_action, intent.clerical) == (action, clerical)


@pytest.mark.parametrize(
    ("question", "likened"),
    [
        ("does G0541 need GP like 97550 does?", ("97550",)),
        ("is G0543 untimed, same as 97552?", ("97552",)),
        ("as with 97550, do we add GO to G0539?", ("97550",)),
        ("like 97550, does 97551 need a modifier", ("97550",)),
        ("does 97550 need GO?", ()),  # one code: it is the one asked about
        ("like 97550 or 97551, does G0541 need GP?", ()),  # a list is no single likeness
        ("G0541 like 97550", ("97550",)),
        ("would 97550 work like that?", ()),
    ],
)
def test_a_code_named_as_the_likeness_is_not_asked_about(question: str, likened: tuple[str, ...]) -> None:
    assert understand(question).likened == likened


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # amounts said as "payments" or "paid the same" are a fee question
        ("why did our 97550 payments go up in march 2024?", "fee"),
        ("G0541 vs 97550 in 2026, are they paid exactly the same?", "fee"),
        ("does G0541 pay more than 97550", "fee"),
        ("is G0541 valid in 2026", "code_validity"),
        # the session's clock times are no code's start
        ("does the note need start and stop times for 97550", "rule"),
        ("start/stop required on 97551?", "rule"),
        ("when did 97550 start", "code_validity"),
        # a validity word said of a setting, not of a date
        ("is 97550 billable under hospice", "rule"),
        ("is 97552 billable in a snf", "rule"),
        ("is 97550 billable on 3/3/24", "code_validity"),
        ("is G0539 valid for PT", "code_validity"),
    ],
)
def test_kind_by_the_words_around_the_code(question: str, kind: str) -> None:
    assert understand(question).kind == kind


@pytest.mark.parametrize(
    ("question", "modifiers"),
    [
        ("is 97550-59-XE ok?", ("59", "XE")),
        ("billed 97550-GP-CQ and 97551-GP-CQ", ("GP", "CQ")),
        ("97550-97552 on the claim", ()),  # a range of codes, no modifier
        ("CO-50 on 97550", ()),  # a group code and reason, no modifier
    ],
)
def test_modifiers_written_onto_the_code(question: str, modifiers: tuple[str, ...]) -> None:
    assert understand(question).modifiers == modifiers


@pytest.mark.parametrize(
    ("question", "full_time"),
    [
        ("One commercial plan says timed codes need the full stated time. 40 minutes?", True),
        ("our payer requires the full 30 minutes for 97550", True),
        ("the plan needs the full listed time before billing 97551", True),
        ("40 minutes of caregiver training, how many units?", False),
        ("does the plan need the full name of the caregiver?", False),
    ],
)
def test_full_time_payer(question: str, full_time: bool) -> None:
    assert understand(question).full_time is full_time
