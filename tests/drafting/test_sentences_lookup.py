"""The drafter's position lookups (sentences around a span, dates around a number, facts of a sentence) are bisections
over spans found once; they must agree with the plain definitions they replaced (a note of many sentences was
quadratic: an outside tester's 10 KB note took over a minute to draft an appeal for)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.drafting import facts, rewrite_plan
from assistant.drafting.sentences import enclosing, sentence_spans

PIECES = ["Wife trained. ", "Pt. at home; ", "10:15-10:47 ", "03/11/2025 ", "97550 x1 ", "\n", "Mr. A. Lee ", "min. "]
notes = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(notes, st.data())
def test_enclosing_is_the_run_of_sentences_met(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for clauses in (False, True):
        inside = [s for s in sentence_spans(text, clauses=clauses) if s[0] < end and start < s[1]]
        expected = (inside[0][0], inside[-1][1]) if inside else (start, end)
        assert enclosing(text, start, end, clauses=clauses) == expected


@settings(max_examples=200, deadline=None)
@given(notes)
def test_outside_dates_and_clock_times(text: str) -> None:
    rx = (facts.DATE_ISO, facts.DATE_NUMERIC, facts.DATE_WORDS, facts.CLOCK)
    spans = [m.span() for r in rx for m in r.finditer(text)]
    found = facts._Spans(text)
    for pos in range(len(text) + 1):
        assert found.outside(pos) == (not any(a <= pos < b for a, b in spans))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=8), st.integers(0, 70), st.integers(1, 12))
def test_skip_overlap(raw: list[tuple[int, int]], start: int, length: int) -> None:
    skip = [(a, a + n) for a, n in raw]
    merged = rewrite_plan._merged(skip)
    ends = [b for _, b in merged]
    end = start + length
    assert rewrite_plan._overlaps(merged, ends, start, end) == any(a < end and start < b for a, b in skip)
