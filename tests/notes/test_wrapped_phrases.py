"""Presence phrases broken over an indented line (a template's hanging indent, a log's continuation line):
the phrase matcher reads the break and its indentation as a token, so they are looked up across it."""

from __future__ import annotations

import pytest

from assistant.notes.nlp import wrapped_phrases

CASES = [
    ("9:45 CTS with daughter. Pt remained in the\n           room and watched.", "PRESENCE", "remained in the"),
    ("CTS w/ wife 14:00-14:55, pt not\n   present (home with son).", "ABSENCE", "not\n   present"),
    ("Husband trained; pt stayed in the\n\tcar during the session.", "ABSENCE", "stayed in the\n\tcar"),
]


@pytest.mark.parametrize(("text", "label", "quoted"), CASES)
def test_a_phrase_broken_over_an_indented_line_is_found(text: str, label: str, quoted: str) -> None:
    found = wrapped_phrases(text)
    assert [c.label for c in found] == [label]
    assert found[0].text.startswith(quoted.split("\n")[0]) and found[0].text == text[found[0].start : found[0].end]


@pytest.mark.parametrize(
    "text",
    [
        "Pt remained in the room.",  # one line: the phrase matcher's, not this
        "Wife trained in the\n   kitchen; pt at dialysis.",  # no phrase across the break
        "Daughter trained.\n   Room set up for transfers.",  # the next line opens a sentence
    ],
)
def test_no_phrase_across_a_break_is_found(text: str) -> None:
    assert wrapped_phrases(text) == []
