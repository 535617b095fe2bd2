"""Minutes told of code families in one question: each stretch's family, or none when a stretch names nothing taught."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.retrieval.segments import family_minutes, stretches
from assistant.retrieval.understand import understand


@pytest.mark.parametrize(
    ("question", "dos", "expected"),
    [
        # what was taught before its minutes, or after them
        (
            "taught wife ostomy bag changes (20 min) and then car transfers (25 min)",
            date(2026, 3, 3),
            [("direct_care", 20), ("cts", 25)],
        ),
        ("20 min of bed mobility then 35 min of wound care teaching", None, [("cts", 20), ("direct_care", 35)]),
        ("trach care 30 min, then gait training 20 min", None, [("direct_care", 30), ("cts", 20)]),
        # before 2025 direct care is trained in the 97550 family
        ("wound care 20 min and transfers 25 min", date(2024, 6, 6), [("cts", 20), ("cts", 25)]),
        # one family: stretches, but no split
        ("bathing 20 min and stairs 25 min", None, [("cts", 20), ("cts", 25)]),
        # a stretch that names nothing taught, a code named, or one figure: no stretches
        ("wound care 20 min in the am and 25 min in the pm", None, []),
        ("G0541 20 min and 97550 25 min", None, []),
        ("wound care for 40 min", None, []),
    ],
)
def test_stretches(question: str, dos: date | None, expected: list[tuple[str, int]]) -> None:
    assert stretches(understand(question, dos), cached_knowledge()) == expected


@pytest.mark.parametrize(
    ("question", "split"),
    [
        ("taught wife ostomy bag changes (20 min) and then car transfers (25 min)", True),
        ("bathing 20 min and stairs 25 min", False),
    ],
)
def test_family_minutes_only_for_two_families(question: str, split: bool) -> None:
    assert bool(family_minutes(understand(question), cached_knowledge())) is split
