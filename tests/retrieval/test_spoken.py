"""Codes, years and days spoken into dictation, written back as digits (retrieval/spoken.py)."""


import pytest

from assistant.retrieval.spoken import spell_codes
from assistant.retrieval.understand import understand


@pytest.mark.parametrize("spoken, written", [
    ("pay for nine seven five five too non facility", "pay for 97552 non facility"),
    ("ninety seven five fifty with the wife", "97550 with the wife"),
    ("ninety-seven five fifty-one", "97551"),
    ("nine seven five five oh", "97550"),
    ("is G zero five forty one billable", "is G0541 billable"),
    ("gee oh five four three", "G0543"),
    ("in twenty twenty four", "in 2024"),
    ("in two thousand and twenty five", "in 2025"),
    ("after march ninth", "after march 9"),
    ("on october thirty-first", "on october 31"),
    ("C O fifty and N one fifteen", "CO-50 and N115"),
    ("PR one nineteen", "PR-119"),
    ("nine seven five five one, nine seven five five two", "97551, 97552"),
    ("what does the modifier c q mean", "what does the modifier CQ mean"),
    ("k x threshold for an a l j", "KX threshold for an ALJ"),
    ("is a p t a allowed", "is a PTA allowed"),
    ("is the code g twenty still valid question mark", "is the code G20 still valid?"),
    ("z ninety one point eight one comma r twenty nine point six", "Z91.81, R29.6"),
    ("g thirty five point a", "G35.A"),
])
def test_spoken_codes_are_written_as_digits(spoken: str, written: str) -> None:
    assert spell_codes(spoken) == written


@pytest.mark.parametrize("text", [
    "seven residents and eleven family members",
    "forty five minutes of training",  # minutes are read (and echoed) as written elsewhere
    "one two three",
    "I was on the phone too long",
    "twenty first century",
    "nine seven. Five five one",  # a run never crosses a full stop
    "no numbers here at all",
    "a twenty minute session",  # an article is no diagnosis letter
    "vitamin d and a b",
    "plan B or plan A",
    "I'm forty five minutes into the session",  # the "m" of "I'm" is no diagnosis letter
    "I\u2019m twenty six and my dad is ninety",
])
def test_other_number_words_are_left_as_written(text: str) -> None:
    assert spell_codes(text) == text


def test_a_dictated_question_is_understood() -> None:
    intent = understand("what does medicare pay for nine seven five five too non facility in twenty twenty four "
                        "after march ninth")
    assert intent.kind == "fee"
    assert intent.procedure_codes == ("97552",)
    assert intent.period is not None and intent.period[0].isoformat() == "2024-03-09"


def test_spoken_minutes_with_any_units_digit() -> None:
    assert understand("ninety seven five fifty for thirty eight minutes").minutes == (38,)


def test_long_runs_of_number_words_are_read_whole() -> None:
    # (linear time on such runs is a benchmark's to show: `python benchmarks/scaling_bench.py --target spoken`)
    assert spell_codes("word " * 40000) == "word " * 40000
    assert spell_codes("nine " * 2000 + "seven " * 2000).count("seven") == 2000
