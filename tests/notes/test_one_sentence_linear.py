"""A note without stops is one long sentence: what is read per sentence is read once, what is read per mention is
bounded. Shapes from an outside tester's one-line notes (each was quadratic: 100 KB took 20-50 s)."""

from __future__ import annotations

import re
from typing import Any

import pytest

import assistant
from assistant.notes import checks_claim, paid, presence

PREFIX = ("DOS 03/04/2025 CTS with wife, pt not present. Consent: patient gave verbal consent on 02/28/2025 for his "
          "wife to receive caregiver training. Need: falls. Goal: safe transfers. Return demo correct. 32 min. "
          "J. Ortiz, PT\n")


class _Counting:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls, self.read = pattern, 0, 0

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        self.calls += 1
        self.read += len(text)
        return self.pattern.search(text, *args)


@pytest.mark.parametrize("repeats", [1, 40])
def test_who_was_trained_is_asked_once_per_sentence(monkeypatch: pytest.MonkeyPatch, repeats: int) -> None:
    counting = _Counting(paid._TRAINED_HERE)
    monkeypatch.setattr(paid, "_TRAINED_HERE", counting)
    note = PREFIX + "the staff from the agency employed by the family through an agency " * repeats
    assistant.check_note(note)
    # one read of the one long sentence, then only the line windows (240 characters either side) around each of the
    # at most four mentions a repeat holds; read per mention, the sentence alone would be 4 * repeats * len(note)
    assert counting.read <= len(note) + 4 * repeats * 2 * 240


def test_a_clause_is_read_near_its_mention() -> None:
    text = "video visit by telehealth " * 2000
    mention = type("C", (), {"start": 26 * 1000, "sent_end": len(text)})()
    assert len(checks_claim._clause_around(text, mention)) <= 40 + checks_claim.CLAUSE_REACH


@pytest.mark.parametrize("piece", ["patient not present without consent 10:15-10:47 97550x1 ", "pt not\npresent with "])
def test_a_later_visit_is_looked_for_once_per_sentence(monkeypatch: pytest.MonkeyPatch, piece: str) -> None:
    counting = _Counting(presence._LATER_VISIT)
    monkeypatch.setattr(presence, "_LATER_VISIT", counting)
    note = PREFIX + piece * 100
    assistant.check_note(note)
    # every absence phrase of a sentence asks the same question of it: read once per sentence, never per phrase
    # (a one-sentence 100 KB note read its sentence whole 200 times, ~1 s)
    assert counting.read <= 2 * len(note), (counting.calls, counting.read)
