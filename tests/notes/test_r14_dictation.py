"""Unpunctuated dictation typed all in lower case: start and end said as labels, modifiers and diagnosis codes
spelt letter by letter, credentials spelt out."""

from __future__ import annotations

import pytest

import assistant
from assistant.notes.dictated import spoken_codes, spoken_icd10
from assistant.notes.spoken import spoken_start_stop
from assistant.notes.times import parse_times


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("start one oh five end one forty", (1 * 60 + 5, 1 * 60 + 40)),
        ("start time eleven twenty end eleven forty eight", (11 * 60 + 20, 11 * 60 + 48)),
        ("time in nine oh two time out nine forty two", (9 * 60 + 2, 9 * 60 + 42)),
    ],
)
def test_spoken_start_and_end_labels(text: str, minutes: tuple[int, int]) -> None:
    assert [r[:2] for r in spoken_start_stop(text)] == [minutes]


def test_spoken_stop_before_start_is_reversed_not_dropped() -> None:
    parsed = parse_times("fed me three trials\nstart time two fifty stop time two twenty total thirty minutes\n")
    assert parsed.segments == []
    assert [(s.start_minute, s.end_minute) for s in parsed.reversed_segments] == [(170, 140)]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("diagnosis i six nine point three five one", ["I69.351"]),
        ("diagnosis z nine six point six four one", ["Z96.641"]),
        ("diagnosis g three five point a", ["G35.A"]),
        ("diagnosis g twenty", ["G20"]),
        # a lower-case letter inside the clause with no "point" is a word, not a code
        ("diagnosis is a stroke i think a twenty year history", []),
    ],
)
def test_lower_case_spoken_icd10(text: str, codes: list[str]) -> None:
    assert [c for c, _ in spoken_icd10(text)] == codes


@pytest.mark.parametrize(
    ("text", "mods"),
    [
        ("bill nine seven five five zero one unit modifiers g n and nine three", ("GN", "93")),
        ("billing ninety seven five fifty g o one unit", ("GO",)),
        ("charge ninety seven five fifty G P one unit", ("GP",)),
    ],
)
def test_lower_case_spoken_modifiers(text: str, mods: tuple[str, ...]) -> None:
    (line,) = spoken_codes(text, frozenset({"97550", "97551"}))
    assert (line.code, line.units, line.modifiers) == ("97550", 1, mods)


NOTE = (
    "o t caregiver training august twenty fifth twenty twenty six patient at her sister's not here for this\n"
    "caregiver is her daughter kimberly unpaid consent patient gave verbal consent july thirtieth for kimberly\n"
    "need plan of care goal toilet transfers with grab bar with supervision of daughter\n"
    "taught grab bar technique she did one practice with me playing her mom and needed a reminder\n"
    "start three ten end three forty\n"
    "billing ninety seven five fifty g o one unit\n"
    "diagnosis z nine six point six four one\n"
    "jocelyn marchetti o t r l\n"
)


def test_dictated_note_reads_provider_codes_and_time() -> None:
    report = assistant.check_note(NOTE)
    status = {c.id: c.status for c in report.checks}
    assert status["provider"] == "met"
    assert status["diagnosis_codes"] == "met"
    assert status["therapy_modifier"] == "met"
    assert report.time.total_minutes == 30
    assert [(ln.code, ln.units, ln.modifiers) for ln in report.billing.lines] == [("97550", 1, ["GO"])]


def test_time_in_and_out_said_aloud_in_a_whole_note() -> None:
    spoken = "time in two ten time out two fifty five"
    report = assistant.check_note(NOTE.replace("start three ten end three forty", spoken))
    assert report.time.total_minutes == 45


def test_bare_spoken_diagnosis_letter_is_read_in_a_whole_note() -> None:
    report = assistant.check_note(NOTE.replace("z nine six point six four one", "g twenty"))
    assert next(c.status for c in report.checks if c.id == "diagnosis_codes") == "problem"  # G20 is a header now
