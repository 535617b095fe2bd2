"""The asking sentences of a long question, searched on their own beside the whole question."""

from __future__ import annotations

import time

import pytest

from assistant.retrieval.ask import asked

_LONG_STORY = ("Client: Lakeshore Therapy. WQ item 88213. Line 97551-GO, DOS 09/22/2026, remit CO-16 M53 MA130, units "
               "field went out blank on that line. The agent wants to attach the OT note showing 47 minutes. ")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (_LONG_STORY + "Can we send a corrected claim instead of filing an appeal?",
         "Can we send a corrected claim instead of filing an appeal?"),
        (_LONG_STORY + "Right path?", None),  # too few words to say what is asked
        ("can the patient be in the room during 97550?", None),  # the whole question asks
        # a short question has no story to outweigh what it asks
        ("trained both sons together for 40 min, same pt. do I bill 40 min x2 caregivers = 80 min worth?", None),
        (_LONG_STORY, None),  # nothing asked in a question mark
        (_LONG_STORY + "Is 97551 billable alone?? Or do we need the 97550 line too?",
         "Is 97551 billable alone?? Or do we need the 97550 line too?"),
    ],
)
def test_asked(query: str, expected: str | None) -> None:
    assert asked(query) == expected


@pytest.mark.parametrize("query", ["word " * 20000 + "?", "a " * 40000, "?" * 40000, ("x. " * 20000) + "why?"])
def test_asked_is_linear_on_long_input(query: str) -> None:
    started = time.perf_counter()
    asked(query)
    assert time.perf_counter() - started < 1.0  # (quadratic scanning took far longer on these)
