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
        ("uid=kquorn-vex sess=A1; Logged in as: rvexley (Chicago)", "kquorn-vex"),
        ("Logged in as: rvexley (Chicago)", "rvexley"),
        # bare logins shaped from names: an initial and a surname, a first name and an initial, a title
        ("Dispatcher: rgonzalez / 555-0100", "rgonzalez"),
        ("| RN out | mvanwyk2 |  RN in | t.quornby |", "mvanwyk2"),
        ("| RN out | mvanwyk2 |  RN in | t.quornby |", "t.quornby"),
        ("bill.m       10:15  I called his son", "bill.m"),
        ("dao.thi.thu  10:20  fyi he had a balance", "dao.thi.thu"),
        ("audit: uid=dr.whitman act=chart.open", "dr.whitman"),
        ("-- c.vandermolen MS CCC-SLP", "c.vandermolen"),
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
        # an unknown word in running text is as often another language's
        ("Podemos marcar o treino de transferência; manejo de la sonda Foley", ["treino", "sonda"]),
        (
            "e.g. a.m. p.o. b.i.d. report.pdf 2.5 mg; sit.stand; follow.up; ok.now; preview; ptosis",
            ["e.g.", "a.m.", "p.o.", "b.i.d.", "report.pdf", "sit.stand", "follow.up", "ok.now", "preview", "ptosis"],
        ),
    ],
)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
