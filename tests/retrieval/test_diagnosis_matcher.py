"""An ICD-10-CM code asked about and a passage's code tag: one code or category (`routing.same_diagnosis`), for
many codes at once in time linear in the tag (`diagnosis_matcher`)."""

from __future__ import annotations

import random

import pytest

from assistant.retrieval.routing import diagnosis_matcher, same_diagnosis


@pytest.mark.parametrize(("asked", "tag", "same"), [
    ("R29.6", "R29.6", True), ("G20", "G20.A1", True), ("Z96.641", "Z96.64", True),
    ("G20.A1", "G20.A2", False), ("G35", "G20", False), ("I69.35", "I69.351", True), ("I6", "I69.351", True),
])
def test_same_diagnosis(asked: str, tag: str, same: bool) -> None:
    assert same_diagnosis(asked, tag) is same


def test_the_matcher_agrees_with_every_pair_compared() -> None:
    rng = random.Random(7)
    codes = [f"{rng.choice('GIRZ')}{rng.randint(0, 99):02d}" + rng.choice(["", ".1", ".A1", ".64", ".641"])
             for _ in range(300)]
    asked, tags = codes[:150], codes[150:]
    same = diagnosis_matcher(asked)
    for tag in tags:
        assert same(tag) == any(a.startswith(tag) or tag.startswith(a) for a in asked), tag
