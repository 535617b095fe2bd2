"""The caregiver's names in the subject-verb-result pattern (demo.py): a note whose names never open a match is read
with the pattern of the caregiver words alone (compiled once), and finds what the pattern of its names finds."""

from __future__ import annotations

import re

import pytest

from assistant.notes import demo
from assistant.notes.scan import sparse_search

CASES = [
    # (note, names, whether a name may open a match)
    ("Wife Pamela present. She demonstrated the transfer correctly after 1 cue.", {"Pamela"}, False),
    ("Pamela demonstrated the transfer correctly after 1 cue.", {"Pamela"}, True),
    ("PAMELA then performed the sit to stand safely.", {"Pamela"}, True),  # any case, as the pattern reads it
    ("Caregiver: son Konrad. Konrad's wife called. He did well.", {"Konrad"}, False),
    ("Then Konrad\nperformed the slide board transfer independently", {"Konrad"}, True),  # across a hard wrap
    ("Trained daughter (Ana). Ana-Maria asked about the bath bench.", {"Ana"}, False),
    ("Rosa. Rosa, Rosa and Rosa: no verb anywhere near.", {"Rosa"}, False),
    ("", set(), False),
]


@pytest.mark.parametrize(("text", "names", "acts"), CASES)
def test_names_act_where_the_pattern_of_the_names_matches_after_them(text: str, names: set[str], acts: bool) -> None:
    assert demo._names_act(text, frozenset(names)) is acts


def _matches(pattern: re.Pattern[str], head: str, text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    while (m := sparse_search(pattern, text, head, pos)) is not None:
        out.append((m.start(), m.end(), m["verb"]))
        pos = m.end("verb")
    return out


@pytest.mark.parametrize(("text", "names", "acts"), CASES)
def test_caregiver_words_alone_find_the_same_matches_when_no_name_acts(text: str, names: set[str], acts: bool) -> None:
    named = _matches(*demo._subject_pattern(frozenset(names)), text)
    if not acts:
        assert _matches(*demo._caregiver_subject(), text) == named
    else:  # the names' own pattern finds a match the caregiver words do not
        assert named != _matches(*demo._caregiver_subject(), text)


def test_names_beyond_ascii_or_too_many_take_the_pattern_of_the_names() -> None:
    assert demo._names_act("Zoë watched.", frozenset({"Zoë"}))
    assert demo._names_act("Ana watched. Café.", frozenset({"Ana"}))
    many = frozenset(f"Name{chr(97 + i)}" for i in range(demo.MAX_NAMES_READ + 1))
    assert demo._names_act("Nobody here.", many)
