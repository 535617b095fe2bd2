"""The library surface: `Assistant(settings)`, the one door through which the CLI and the HTTP API
reach the core.

Methods take parsed values (`date`, `list[BilledLine]`); `assistant.parsing` turns what a person
typed into those at the edge. Expensive parts (knowledge, retrieval index, language-model backend)
are built lazily once per `Assistant` and reused across calls.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from assistant.knowledge.loader import Knowledge, cached_knowledge
from assistant.models import Answer, BilledLine, CodeDetail, OrderFinding, Passage, Payment, Report
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.drafting.models import AppealResult, RewriteResult
    from assistant.llm.base import Backend
    from assistant.retrieval.retriever import Retriever


class Assistant:
    """Everything the CLI, the HTTP service and callers need, configured once."""

    def __init__(self, settings: Settings | None = None, *, knowledge: Knowledge | None = None,
                 clock: Callable[[], date] = date.today) -> None:
        self.settings = settings or Settings()
        self._knowledge = knowledge
        self.clock = clock  # passed in, not patched: tests fix "today"

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
        dos: date | None = None,
        billed: list[BilledLine] | None = None,
        profile: str = "medicare",
        today: date | None = None,
    ) -> Report:
        from assistant.notes.api import check_note

        return check_note(text, knowledge=self.knowledge, today=today or self.clock(), dos=dos, billed=billed,
                          profile=profile, max_bytes=self.settings.max_note_bytes)

    # --- codes and payment ---------------------------------------------------------------------
    def payment(self, lines: list[BilledLine], on: date) -> Payment | None:
        """Expected Medicare national payment of `lines` on date of service `on` (None outside the fee tables)."""
        from assistant.billing import payment_for

        return payment_for(lines, self.knowledge.fees, on)

    def dollars_at_risk(self, report: Report, billed: list[BilledLine] | None) -> float:
        """Expected payment of what was billed (or documented) on a note that is not ready to bill."""
        if report.summary.ready_to_bill or report.meta.dos is None:
            return 0.0
        training = self.knowledge.training_codes
        lines = [ln for ln in billed or [] if ln.code in training] or report.billing.lines
        payment = self.payment(lines, report.meta.dos) if lines else None
        return payment.total if payment else 0.0

    def code_detail(self, code: str, dos: date | None = None) -> CodeDetail:
        from assistant.codes import code_detail

        return code_detail(self.knowledge, code, dos, today=self.clock())

    def order_findings(self, lines: list[tuple[str, int]], dos: date | None) -> list[OrderFinding]:
        """What is wrong with ordered caregiver-training lines before any note exists."""
        from assistant.codes import order_findings

        return order_findings(self.knowledge, lines, dos)

    # --- retrieval ---------------------------------------------------------------------------
    @cached_property
    def retriever(self) -> Retriever:
        from assistant.retrieval.retriever import Retriever

        return Retriever(self.settings, self.knowledge)

    def search(self, query: str, *, k: int = 5, dos: date | None = None, **filters: Any) -> list[Passage]:
        return self.retriever.search(query, k=k, dos=dos, **filters)

    def answer(self, question: str, *, dos: date | None = None, k: int = 5) -> Answer:
        """One to three cited sentences that answer `question`, then the passages (`docs/retrieval.md`).
        Written by the configured model through the answer gate, or offline when none is configured."""
        from assistant.answer import answer_question

        backend = self.backend if self.settings.llm_configured else None
        return answer_question(question, retriever=self.retriever, dos=dos, k=k, backend=backend)

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
        dos: date | None = None,
    ) -> AppealResult:
        from assistant.drafting.appeal import draft_appeal

        return draft_appeal(self, denial=denial, note=note, claim=claim, denial_text=denial_text, dos=dos)

    def rewrite_note(self, text: str | bytes, *, dos: date | None = None) -> RewriteResult:
        from assistant.drafting.rewrite import rewrite_note

        return rewrite_note(self, text, dos=dos)
