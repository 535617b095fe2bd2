"""A worker factory for the process-pool tests: the fake assistant, except that a note starting
with "SPIN <seconds>" burns that much CPU (a stand-in for a pathological note)."""

from __future__ import annotations

import time
from typing import Any

from assistant.settings import Settings
from tests.api.fakes import FakeAssistant


class SpinningAssistant(FakeAssistant):
    def check_note(self, text: str | bytes, **kwargs: Any) -> Any:
        words = (text.decode() if isinstance(text, bytes) else text).split(maxsplit=2)
        if len(words) > 1 and words[0] == "SPIN":
            until = time.monotonic() + float(words[1])
            while time.monotonic() < until:  # CPU-bound on purpose, like a slow extractor
                sum(range(1000))
        return super().check_note(text, **kwargs)


def make(settings: Settings) -> SpinningAssistant:
    return SpinningAssistant(settings)


def make_slow_to_start(settings: Settings) -> SpinningAssistant:
    """A worker that takes longer to start than a request's budget (imports on a loaded machine)."""
    time.sleep(3.0)
    return SpinningAssistant(settings)
