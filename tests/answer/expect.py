"""What an answer to a phrasing test must show: answered, the tokens, and (when given) the first passage."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from assistant.service import Assistant
from assistant.settings import Settings


def holds_answer(answer: Any, holds: list[str], first: str | None) -> None:
    assert answer.answered, answer.text
    for token in holds:
        assert token in answer.text, (token, answer.text)
    if first is not None:
        assert answer.passages[0].id.split("#")[0] == first, [p.id for p in answer.passages[:3]]


def dated_assistant(data_dir: Path, on: date) -> Assistant:
    """The shipped index (already built by `assistant`) behind a clock fixed at `on`."""
    return Assistant(Settings(data_dir=data_dir, embedder="model2vec", chroma_url=None), clock=lambda: on)
