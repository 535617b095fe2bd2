"""Query understanding for the round-10 voices (compliance, EHR build, physician office, second-language typists):
a locality set aside as "no GPCI adjustment" or "GPCI 1.0" asks the national amount; "what's G0539 for" and "how's it
different from 96202" ask the codes' descriptors. Wordings are our own, not those of any eval set."""

from __future__ import annotations

import pytest

from assistant.retrieval.understand import understand
from assistant.retrieval.wording import normalise


@pytest.mark.parametrize(
    ("question", "locality"),
    [
        # the locality set aside: the national amount is asked
        ("national 97550 amount for a 3/1/2024 claim, no GPCI adjustment", False),
        ("what is 97551 in 2025 with no locality adjustment?", False),
        ("audit sheet: 97552 at GPCI 1.0 for 2026", False),
        ("97550 rate 2026, all GPCIs = 1", False),
        # a locality asked for, or a locality's own GPCI
        ("97550 in manhattan (NY locality 1) for 2025?", True),
        ("what is 97550 with a work GPCI of 1.05 in 2026", True),
        ("97550 with the locality GPCIs applied, 2026", True),
    ],
)
def test_locality_set_aside(question: str, locality: bool) -> None:
    assert understand(question).locality is locality


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        ("what's G0541 for?", True),
        ("whats 96202 used for", True),
        ("how is G0539 different from 96202?", True),
        ("G0541, how does it differ from 97550", True),
        # a fee for a year, and people who differ, are not a descriptor asked
        ("what's 97550 for 2026?", False),
        ("caregivers of 2 different patients, 97552 or 97550?", False),
    ],
)
def test_meaning_asked(question: str, meaning: bool) -> None:
    assert understand(question).asks_meaning is meaning


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "worth" of a code is its amount; "worth appealing" is whether to bother
        ("what is 97550 worth in 2026?", "fee"),
        ("video visit 5/6/2024 billed 97550 95, denied - worth appealing?", "appeal"),
        ("97551 denied in march, is it even worth it to appeal?", "appeal"),
    ],
)
def test_worth(question: str, kind: str) -> None:
    assert understand(question).kind == kind


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("EHR wants a hard stop when the dx is not on a list", "EHR wants a rule when the dx is not on a list"),
        ("should we hard-stop the 97551 charge?", "should we rule the 97551 charge?"),
        # a session's start and stop times stay as written
        ("does the note need start and stop times?", "does the note need start and stop times?"),
    ],
)
def test_hard_stop(question: str, expected: str) -> None:
    assert normalise(question) == expected


@pytest.mark.parametrize(
    ("question", "minutes"),
    [
        # time around the visit is no session's minutes
        ("I was in there from 1:00 to 2:00 by the clock on the wall. Parking ticket says 2 hours but I sat in the "
         "lobby a long while first. Is 3 charges right for one hour?", (60,)),
        ("drove 45 min each way, trained the wife 40 min, units?", (40,)),
        ("waited 20 minutes in the lobby then 35 min with the son", (35,)),
        ("the drive is long so we did 45 min", (45,)),
    ],
)
def test_time_around_the_visit_is_not_the_session(question: str, minutes: tuple[int, ...]) -> None:
    assert understand(question).minutes == minutes
