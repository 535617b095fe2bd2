"""Each sentence is searched once for "no written consent", however many refusals it holds.

An outside tester's note on one line ("... without consent ..." repeated, no stops) is one sentence: searching
it once per refusal made the check quadratic (100 KB took 28 s).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

import assistant
from assistant.notes import checks_documentation


class _Counting:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, *args: Any) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.search(*args)


@pytest.mark.parametrize("repeats", [1, 40])
def test_one_search_per_sentence(monkeypatch: pytest.MonkeyPatch, repeats: int) -> None:
    counting = _Counting(checks_documentation._NO_WRITTEN_FORM)
    monkeypatch.setattr(checks_documentation, "_NO_WRITTEN_FORM", counting)
    note = ("DOS 03/04/2025 CTS with wife, pt not present. Consent: patient gave verbal consent on 02/28/2025 for "
            "his wife to receive caregiver training. ")
    note += "patient not present without consent 10:15-10:47 97550x1 " * repeats
    assistant.check_note(note)
    assert counting.calls == 1
