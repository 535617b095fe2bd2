"""What an answer to a phrasing test must show: answered, the tokens, and (when given) the first passage."""

from __future__ import annotations

from typing import Any


def holds_answer(answer: Any, holds: list[str], first: str | None) -> None:
    assert answer.answered, answer.text
    for token in holds:
        assert token in answer.text, (token, answer.text)
    if first is not None:
        assert answer.passages[0].id.split("#")[0] == first, [p.id for p in answer.passages[:3]]
