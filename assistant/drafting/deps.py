"""What the drafting use cases need, passed in typed (after pydantic-ai's dependencies).

    deps = DraftingDeps(knowledge, backend, check, search, limits, practice, today)
    draft_appeal(deps, denial=..., note=...); rewrite_note(deps, text)

`assistant.service.Assistant` builds one per call from its settings; tests build their own with a
scripted check and a fake backend. Drafting never reaches back into the facade: the note check,
retrieval and the clock are the callables given here, so an import contract and a trace can
follow every dependency.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from assistant.knowledge.loader import Knowledge
from assistant.llm.base import Backend
from assistant.models import BilledLine, Passage, Profile, Report


class CheckNote(Protocol):
    """The deterministic note check (`Assistant.check_note`)."""

    def __call__(
        self, text: str, *, dos: date | None = ..., billed: list[BilledLine] | None = ..., profile: Profile = ...
    ) -> Report: ...


class Search(Protocol):
    """Retrieval over the knowledge index (`Assistant.search`); may raise when no index exists."""

    def __call__(self, query: str, *, k: int = ..., dos: date | None = ...) -> list[Passage]: ...


@dataclass(frozen=True)
class Limits:
    """Input limits shared with the note check."""

    max_note_bytes: int = 1_000_000


@dataclass(frozen=True)
class Practice:
    """The billing practice as it appears on letters: letterhead, identifiers, signer.

    Any field left empty is printed as a visible placeholder, never guessed.
    """

    name: str = ""
    address: str = ""
    phone: str = ""
    npi: str = ""
    ptan: str = ""
    signer: str = ""


def _no_search(query: str, *, k: int = 5, dos: date | None = None) -> list[Passage]:
    return []


@dataclass(frozen=True)
class DraftingDeps:
    knowledge: Knowledge
    backend: Backend
    check: CheckNote
    search: Search = _no_search
    limits: Limits = field(default_factory=Limits)
    practice: Practice = field(default_factory=Practice)
    #: The clock, passed in so deadlines are testable: days left are counted from today().
    today: Callable[[], date] = date.today
