"""The library surface: `Assistant(settings)` and what the module-level functions delegate to.

Expensive parts (knowledge, retrieval index, language-model backend) are built lazily once per
`Assistant` and reused across calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from assistant.knowledge.loader import Knowledge, cached_knowledge
from assistant.models import Answer, BilledLine, Passage, Report
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.drafting.models import AppealResult, RewriteResult
    from assistant.llm.base import Backend
    from assistant.retrieval.retriever import Retriever


class Assistant:
    """Everything the CLI, the HTTP service and callers need, configured once."""

    def __init__(self, settings: Settings | None = None, *, knowledge: Knowledge | None = None) -> None:
        self.settings = settings or Settings()
        self._knowledge = knowledge

    @property
    def knowledge(self) -> Knowledge:
        if self._knowledge is None:
            self._knowledge = cached_knowledge()
        return self._knowledge

    # --- the deterministic check ----------------------------------------------------------
    def check_note(
        self,
        text: str | bytes,
        *,
        dos: str | date | None = None,
        billed: Sequence[BilledLine | dict[str, Any]] | str | None = None,
        profile: str = "medicare",
        today: date | None = None,
    ) -> Report:
        from assistant.notes.api import check_note

        return check_note(
            text,
            knowledge=self.knowledge,
            dos=dos,
            billed=billed,
            profile=profile,
            max_bytes=self.settings.max_note_bytes,
            today=today,
        )

    # --- retrieval ---------------------------------------------------------------------------
    @cached_property
    def retriever(self) -> Retriever:
        from assistant.retrieval.retriever import Retriever

        return Retriever(self.settings, self.knowledge)

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        dos: str | date | None = None,
        codes: Sequence[str] | None = None,
        authority: Sequence[str] | None = None,
    ) -> list[Passage]:
        """Passages that answer `query`, best first; `dos`, `codes` and `authority` filter them."""
        return self.retriever.search(query, k=k, dos=dos, codes=codes, authority=authority)

    def answer(self, question: str, *, dos: date | None = None, k: int = 5) -> Answer:
        """One to three cited sentences that answer `question`, then the passages (`docs/retrieval.md`).
        Written by the configured model through the answer gate, or offline when none is configured."""
        from assistant.answer import answer_question

        backend = self.backend if self.settings.llm_configured else None
        return answer_question(question, retriever=self.retriever, dos=dos, k=k, backend=backend)

    def build_index(self, *, force: bool = False, progress: Any = None) -> dict[str, Any]:
        """Build (or reuse) the retrieval index; returns its manifest plus `built`."""
        return self.retriever.build(force=force, progress=progress)

    # --- drafting ----------------------------------------------------------------------------
    @cached_property
    def backend(self) -> Backend:
        from assistant.llm.registry import backend_from_settings

        return backend_from_settings(self.settings)

    def draft_appeal(
        self,
        denial: str,
        note: str | bytes,
        claim: dict[str, Any] | None = None,
        denial_text: str | None = None,
        *,
        dos: str | date | None = None,
    ) -> AppealResult:
        from assistant.drafting.appeal import draft_appeal

        return draft_appeal(self, denial=denial, note=note, claim=claim, denial_text=denial_text, dos=dos)

    def rewrite_note(self, text: str | bytes, *, dos: str | date | None = None) -> RewriteResult:
        from assistant.drafting.rewrite import rewrite_note

        return rewrite_note(self, text, dos=dos)
