"""Logins found by what stands before them (`assistant.phi.logins`). Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Reporter: Dana Quorn   Assignee: vexo.q   Created: 27/Nov/26", "vexo.q"),
        ("Comment (tquornby-qa): repro'd on staging with a fake pt", "tquornby-qa"),
        ("Comment (vexo.q): can't repro w/ test pt", "vexo.q"),
        ("Coll: 2026-11-30 07:42  by jquornby\nTest: BMP", "jquornby"),
        ("<!-- exported by jvexley @ 198.51.100.23 -->", "jvexley"),
        ("Label printed by kquornby at 08:10", "kquornby"),
        ("user=lwojcik opened the chart", "lwojcik"),
    ],
)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("called back 10:30 by phone; signed by the team", ["by phone", "by the team"]),
        ("Assignee: unassigned; Comment (see below): ok", ["unassigned", "see below"]),
        ("reviewed by follow-up call", ["follow-up"]),
    ],
)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
