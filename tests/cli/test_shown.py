"""Text output is shown without controls a terminal acts on (hostile14 #16: a U+202E from an 835 name reordered the
line as displayed)."""

from __future__ import annotations

import pytest

from assistant.cli.common import shown


@pytest.mark.parametrize(("text", "out"), [
    ("NICK\u202eKCIN RTL", "NICKKCIN RTL"),
    ("a\u202ab\u202bc\u202cd\u202de", "abcde"),
    ("\u2066iso\u2067late\u2068d\u2069", "isolated"),
    ("esc\x1b[31mred", "esc[31mred"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("José Núñez — 97550", "José Núñez — 97550"),
])
def test_shown(text: str, out: str) -> None:
    assert shown(text) == out
