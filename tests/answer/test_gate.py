"""The answer gate: should-flag and should-pass cases, run by one parametrized test each."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer.gate import Cited, check_answer, facts, ungrounded

FEE = ("The Medicare national payment amount (rate) for 97551 in the year 2026 (from 2026-01-01 through 2026-12-31) "
       "is $26.05 non-facility and $21.04 facility per unit with the non-QP conversion factor $33.4009.")
REASON = "CARC 119 (CO-119, PR-119): The benefit maximum for the period or occurrence has been reached."
DX = "ICD-10-CM G35 is not billable from 2025-10-01. Use G35.A, G35.B0, G35.B1 or G35.D instead."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$26.05 for 97551 (conversion factor $33.4009)", {"num:26.05", "code:97551", "num:33.4009"}),
        ("PR-119 and the $2,410 KX threshold", {"code:119", "num:2410", "mod:KX"}),
        ("from 1 January 2025 or October 1, 2025 or 10/1/2025", {"date:2025-01-01", "date:2025-10-01"}),
        ("97550 x1 and 97551 x2; 85%", {"code:97550", "code:97551", "num:1", "num:2", "num:85"}),
        ("G20.A1, Z96.64x, MA130, N115, CO-16", {"code:G20.A1", "code:Z96.64X", "code:MA130", "code:N115",
                                                 "code:16"}),
        ("no numbers here", set()),
    ],
)
def test_facts(text: str, expected: set[str]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("sentence", "cited", "question"),
    [
        ("In 2026 Medicare pays $26.05 non-facility for 97551.", [FEE], "what does 97551 pay in 2026?"),
        ("PR-119 means the benefit maximum was reached.", [REASON], "got PR-119"),
        ("No: G35 is not billable on 2025-11-10; use G35.A instead.", [DX], "was G35 valid on 2025-11-10?"),
        ("G0541 was not in effect in 2024.", ["G0541 is valid from 2025-01-01."], "is G0541 billable in 2024?"),
        ("Verbal consent is accepted when documented.", ["Verbal consent is accepted."], "is verbal ok?"),
        # worked sums: the result is grounded when every operand is and the arithmetic holds to the cent
        ("55 minutes: $52.77 + 2 × $26.05 = $104.87.", ["97550 $52.77", "97551 $26.05; 97550 x1 and 97551 x2"],
         "55 min"),
        ("85% × $52.08 = $44.27.", ["pays 85% of the fee", "97550 $52.08"], "pta"),
        ("$52.77 − 20% × $52.77 = $42.22, then $42.22 − 2% × $42.22 = $41.38.", ["$52.77", "20% coinsurance",
                                                                                 "reduced by 2%"], "net?"),
        ("$52.77 - $39.75 = $13.02 per unit.", ["$52.77 non-facility and $39.75 facility"], "gap"),
        ("20 + 25 = 45 minutes.", ["20 min", "25 min"], "total"),
        # a last day counted from the question's notice date with the route's day counts
        ("2026-08-14 + 5 days (presumed receipt) + 120 days = 2026-12-17.",
         ["within 120 days from receipt (receipt is presumed 5 days after the notice date)"], "dated 8/14/2026"),
        # minutes between two clock times the question writes (across the hour, and past 12 on the 12-hour dial)
        ("1:00 to 1:35 is 35 minutes, which supports 97550 x1.", ["97550 x1"], "1:00-1:50, pt in at 1:35"),
        ("9:50 to 10:32 is 42 minutes.", [], "9:50-10:40, patient came in at 10:32"),
        ("12:40 to 1:05 is 25 minutes.", [], "12:40-1:30, pt joined at 1:05"),
    ],
)
def test_should_pass(sentence: str, cited: list[str], question: str) -> None:
    assert check_answer([Cited(sentence, cited)], question) == []


@pytest.mark.parametrize(
    ("sentence", "cited", "question", "reason"),
    [
        ("In 2026 Medicare pays $26.50 for 97551.", [FEE], "what does 97551 pay in 2026?", "26.5"),
        ("97551 pays $26.05 and 97552 pays $22.04.", [FEE], "97551 fee", "97552"),
        ("PR-119 needs KX.", [REASON], "got PR-119", "KX"),
        ("G35 is not billable from 2025-09-01.", [DX], "G35?", "2025-09-01"),
        ("The patient owes $5.21.", [FEE], "copay?", "5.21"),
        ("Appeal within 120 days.", [], "how long to appeal", "120"),
        # a worked sum with a wrong result, an operand no passage holds, or an operator the checker does not read
        ("$52.77 + 2 × $26.05 = $105.87.", ["$52.77", "$26.05 x2"], "q", "105.87"),
        ("$52.77 + 3 × $26.05 = $130.92.", ["$52.77", "$26.05 x2"], "q", "130.92"),
        ("90% × $52.08 = $46.87.", ["85%", "$52.08"], "q", "46.87"),
        ("$52.08 / 2 = $26.04.", ["$52.08"], "q", "26.04"),
        ("2026-08-14 + 5 days + 120 days = 2026-12-18.", ["within 120 days (presumed 5 days)"], "dated 8/14/2026",
         "2026-12-18"),
        ("2026-08-14 + 5 days + 130 days = 2026-12-27.", ["within 120 days (presumed 5 days)"], "dated 8/14/2026",
         "130"),
        # a clock span whose difference is wrong, or whose clock time neither the question nor a passage writes
        ("9:50 to 10:32 is 44 minutes.", [], "9:50-10:40, patient came in at 10:32", "44"),
        ("9:50 to 10:35 is 45 minutes.", [], "9:50-10:40, patient came in at 10:32", "45"),
    ],
)
def test_should_flag(sentence: str, cited: list[str], question: str, reason: str) -> None:
    reasons = check_answer([Cited(sentence, cited)], question)
    assert reasons and reason in reasons[0], reasons


def test_known_miss_word_numbers() -> None:
    """Known miss: numbers written as words are not checked ("two units")."""
    assert check_answer([Cited("Bill two units.", [FEE])], "how many?") == []


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "no sentence"), (4, "at most 3")],
)
def test_sentence_count(count: int, expected: str) -> None:
    reasons = check_answer([Cited("Yes.", ["Yes."])] * count, "q")
    assert any(expected in r for r in reasons)


def test_question_and_date_of_service_may_be_repeated() -> None:
    assert ungrounded("G0541 was not in effect on 2024-06-01.", ["G0541 is valid from 2025-01-01."],
                      "is G0541 billable?", date(2024, 6, 1)) == set()
