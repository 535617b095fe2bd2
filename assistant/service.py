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
from assistant.models import BilledLine, Passage, Report
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.drafting.deps import DraftingDeps
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

    def search(self, query: str, *, k: int = 5, dos: str | date | None = None) -> list[Passage]:
        return self.retriever.search(query, k=k, dos=dos)

    # --- drafting ----------------------------------------------------------------------------
    @cached_property
    def backend(self) -> Backend:
        import assistant.drafting.offline  # noqa: F401  registers the `offline` backend
        from assistant.llm.registry import backend_from_settings

        return backend_from_settings(self.settings)

    @staticmethod
    def _dos(dos: str | date | None) -> date | None:
        """A date-of-service argument parsed once, here at the edge, by the check's own rules."""
        from assistant.notes.inputs import parse_dos

        return parse_dos(dos, today=date.today())

    def drafting_deps(self) -> DraftingDeps:
        """The drafting use cases' dependencies, typed; built per call so replaced parts are seen."""
        from assistant.drafting.deps import DraftingDeps, Limits, Practice

        return DraftingDeps(
            knowledge=self.knowledge,
            backend=self.backend,
            check=self.check_note,
            search=self.search,
            limits=Limits(max_note_bytes=self.settings.max_note_bytes),
            practice=Practice(
                name=self.settings.practice_name,
                address=self.settings.practice_address,
                phone=self.settings.practice_phone,
                npi=self.settings.practice_npi,
                ptan=self.settings.practice_ptan,
                signer=self.settings.letter_signer,
            ),
        )

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

        return draft_appeal(
            self.drafting_deps(), denial=denial, note=note, claim=claim, denial_text=denial_text, dos=self._dos(dos)
        )

    def rewrite_note(self, text: str | bytes, *, dos: str | date | None = None) -> RewriteResult:
        from assistant.drafting.rewrite import rewrite_note

        return rewrite_note(self.drafting_deps(), text, dos=self._dos(dos))
