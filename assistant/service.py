"""The library surface: `Assistant(settings)`, the one door through which the CLI and the HTTP API
reach the core.

Methods take parsed values (`date`, `list[BilledLine]`); `assistant.parsing` turns what a person
typed into those at the edge. Expensive parts (knowledge, retrieval index, language-model backend)
are built lazily once per `Assistant` and reused across calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from assistant.knowledge.loader import Knowledge, cached_knowledge
from assistant.limits import Limit, LimitStore, MemoryStore, per_minute
from assistant.models import Answer, BilledLine, CodeDetail, OrderFinding, Passage, Payment, Report
from assistant.settings import Settings

# A synthetic note whose check loads everything a check needs (knowledge, pipeline, patterns): a
# process that will check many notes runs it first, so no real note pays the loading cost.
WARM_NOTE = "Caregiver training warm-up. Patient not present. Total 20 minutes."


def refuse_oversized_note(text: str, *, max_bytes: int) -> None:
    """The check's note-size limit, for an edge that must apply it before queueing work (HTTP: 413 at once)."""
    from assistant.notes.inputs import refuse_oversized

    refuse_oversized(text, max_bytes=max_bytes)

__all__ = ["Assistant", "Limit", "LimitStore", "MemoryStore", "limit_store", "per_minute"]

if TYPE_CHECKING:
    from assistant.drafting.deps import DraftingDeps
    from assistant.drafting.models import AppealResult, RewriteResult
    from assistant.llm.base import Backend
    from assistant.retrieval.retriever import Retriever
    from assistant.worklist.queue import Worklist
    from assistant.worklist.store import Store
    from assistant.worklist_models import BulkDraftResult, ImportSummary, ItemDetail, ItemUpdate, Page, Stats



def claim_with_response(claim: dict[str, Any] | None, claim_response: dict[str, Any]) -> dict[str, Any]:
    """The claim an appeal is drafted with when the denial comes as a FHIR ClaimResponse: its insurer and date
    created fill what the claim leaves out (assistant.drafting.claims.with_claim_response)."""
    from assistant.drafting.claims import with_claim_response

    return with_claim_response(claim, claim_response)

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

    def fetch_url(self, url: str, *, max_bytes: int, timeout: float = 5.0) -> tuple[int, bytes]:
        """(status, body) of a GET under the model's egress policy (`ASSISTANT_LLM_ALLOW_REMOTE`): with
        remote calls refused only loopback is contacted; the metadata address never is."""
        from assistant.llm.guard import fetch_limited
        from assistant.phi.egress import EgressPolicy

        policy = EgressPolicy(allow_remote=self.settings.llm_allow_remote)
        return fetch_limited(url, policy, timeout=timeout, max_bytes=max_bytes)

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

        return Retriever(self.settings, self.knowledge, clock=self.clock)

    def search(self, query: str, *, k: int = 5, dos: date | None = None, **filters: Any) -> list[Passage]:
        from assistant.errors import InputError

        query, dos = self._question(query, dos)
        unknown = self.retriever.unknown_codes(filters.get("codes") or ())
        if unknown:  # an empty result would read as "no rule applies"; the filter itself is wrong
            raise InputError(f"unknown code filter {str(unknown[0])[:12]!r}: no passage is about that code",
                             hint="leave the code filter out, or use a code the knowledge base describes "
                                  "(97550, G0541, CO-50 ...)")
        return self.retriever.search(query, k=k, dos=dos, **filters)

    def _question(self, question: str, dos: date | None) -> tuple[str, date | None]:
        """A question as every edge hands it on: valid text. Its date may lie ahead ("can SLPs still bill telehealth
        in 2028?" plans for it): the answer, not the input check, says what the knowledge cannot tell of it."""
        from assistant.parsing import parse_text

        text = parse_text(question, what="question") if isinstance(question, str) else question
        return text, dos

    def answer(self, question: str, *, dos: date | None = None, k: int = 5) -> Answer:
        """One to three cited sentences that answer `question`, then the passages (`docs/retrieval.md`).
        Written by the configured model through the answer gate, or offline when none is configured."""
        from assistant.answer import answer_question

        question, dos = self._question(question, dos)
        backend = self.backend if self.settings.llm_configured else None
        answer = answer_question(question, retriever=self.retriever, dos=dos, k=k, backend=backend)
        # the question as asked (the answer may have read it in another language, or reworded it)
        return answer.model_copy(update={"question": question.strip()})

    # --- drafting ----------------------------------------------------------------------------
    @cached_property
    def backend(self) -> Backend:
        import assistant.drafting.offline  # noqa: F401  registers the `offline` backend
        from assistant.llm.registry import backend_from_settings

        return backend_from_settings(self.settings)

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
            today=self.clock,
        )

    def draft_appeal(
        self,
        denial: str,
        note: str | bytes,
        claim: dict[str, Any] | None = None,
        denial_text: str | None = None,
        *,
        dos: date | None = None,
        known_names: Sequence[str] = (),
    ) -> AppealResult:
        """``known_names``: patient, caregiver and clinician names (from the claim or a FHIR Patient),
        scrubbed wherever they occur before any text leaves the machine."""
        from assistant.drafting.appeal import draft_appeal
        from assistant.llm.guard import deadline
        from assistant.parsing import parse_text

        if isinstance(denial_text, str):
            denial_text = parse_text(denial_text, what="denial text")

        with deadline(self.settings.llm_deadline):  # one budget for every model call of this draft
            return draft_appeal(
                self.drafting_deps(), denial=denial, note=note, claim=claim, denial_text=denial_text, dos=dos,
                known_names=known_names,
            )  # fmt: skip

    @staticmethod
    def claim_template() -> dict[str, Any]:
        """An example claim file (docs/claims.md describes every field and the names also accepted)."""
        from assistant.drafting.claim_docs import CLAIM_TEMPLATE

        return CLAIM_TEMPLATE

    def warm_drafting(self) -> None:
        """Build what the first draft for a configured model would build (the de-identifier and its
        recognizers, and one pass over a synthetic sentence), so that cost is paid at start-up."""
        if self.settings.llm_configured:
            from assistant.phi.engine import get_deidentifier

            get_deidentifier().deidentify("Caregiver training with the patient's wife on 03/04/2025.")

    def rewrite_note(
        self, text: str | bytes, *, dos: date | None = None, known_names: Sequence[str] = ()
    ) -> RewriteResult:
        """``known_names`` as for `draft_appeal`."""
        from assistant.drafting.rewrite import rewrite_note
        from assistant.llm.guard import deadline

        with deadline(self.settings.llm_deadline):
            return rewrite_note(self.drafting_deps(), text, dos=dos, known_names=known_names)

    # --- remittances and the denial worklist -------------------------------------------------
    # `practice` scopes every call (the HTTP layer passes the caller's); `actor` is recorded in
    # the item's history; `today` is the clock (tests pass it in).
    @cached_property
    def store(self) -> Store:
        from assistant.worklist.store import Store

        return Store(self.settings.worklist_url)

    @cached_property
    def _worklist(self) -> Worklist:
        from assistant.worklist.queue import Worklist

        return Worklist(self.store, self.knowledge)

    def _scope(self, practice: str | None, actor: str | None, today: date | None) -> tuple[str, str, date]:
        return practice or self.settings.practice, actor or self.settings.user, today or self.clock()

    def import_era(self, data: bytes | str, *, filename: str = "", practice: str | None = None,
                   actor: str | None = None, today: date | None = None) -> ImportSummary:
        """Read an 835 and put every denied or underpaid caregiver-training line on the worklist."""
        from assistant.remittance import parse_835
        from assistant.worklist.importer import import_remittance

        practice, actor, today = self._scope(practice, actor, today)
        return import_remittance(self.store, self.knowledge, parse_835(data), practice=practice, filename=filename,
                                 actor=actor, today=today)

    def worklist(self, *, due: str | int | None = None, status: Sequence[str] | None = None, payer: str | None = None,
                 assignee: str | None = None, pattern: str | None = None, sort: str = "due", page: int = 1,
                 per_page: int = 50, practice: str | None = None, today: date | None = None) -> Page:
        from assistant.worklist.queue import Filters, parse_due, parse_sort, parse_statuses

        practice, _, today = self._scope(practice, None, today)
        filters = Filters(parse_due(due), parse_statuses(list(status) if status else None), payer, assignee, pattern)
        return self._worklist.list(practice, filters, sort=parse_sort(sort), page=page, per_page=per_page,
                                   today=today)

    def worklist_item(self, item_id: int, *, practice: str | None = None, today: date | None = None) -> ItemDetail:
        practice, _, today = self._scope(practice, None, today)
        return self._worklist.show(practice, item_id, today=today)

    def update_worklist_item(self, item_id: int, change: ItemUpdate | dict[str, Any], *, practice: str | None = None,
                             actor: str | None = None, today: date | None = None) -> ItemDetail:
        """Change status (with reason / outcome), assignee or the payer's deadline; recorded in the history."""
        from pydantic import ValidationError

        from assistant.errors import InputError
        from assistant.parsing import invalid_fields
        from assistant.worklist_models import ItemUpdate

        practice, actor, today = self._scope(practice, actor, today)
        try:
            update = change if isinstance(change, ItemUpdate) else ItemUpdate.model_validate(change)
        except ValidationError as exc:
            raise InputError(f"invalid change: {invalid_fields(exc)}",
                             hint="see `assistant worklist set --help`") from None
        return self._worklist.update(practice, item_id, update, actor=actor, today=today)

    def attach_worklist_note(self, item_id: int, note: str | bytes, *, practice: str | None = None,
                             actor: str | None = None, today: date | None = None) -> ItemDetail:
        """Attach the note of the item's date of service; a note dated for another session is refused."""
        from assistant.notes.api import note_session_dates
        from assistant.notes.inputs import validate_note

        practice, actor, today = self._scope(practice, actor, today)
        text = validate_note(note, max_bytes=self.settings.max_note_bytes)
        return self._worklist.attach_note(practice, item_id, text, note_dates=note_session_dates(text), actor=actor,
                                          today=today)

    def draft_worklist_item(self, item_id: int, *, note: str | bytes | None = None, denial_text: str | None = None,
                            practice: str | None = None, actor: str | None = None,
                            today: date | None = None) -> tuple[ItemDetail, AppealResult]:
        """Attach the note (when given) and draft with the same `draft_appeal` as `assistant appeal`. A note dated
        for another session than the item's is refused before anything changes."""
        from assistant.errors import InputError
        from assistant.notes.api import note_session_dates
        from assistant.worklist.queue import refuse_other_session

        practice, actor, today = self._scope(practice, actor, today)
        if note is not None:
            self.attach_worklist_note(item_id, note, practice=practice, actor=actor, today=today)
        denial, text, claim, dos = self._worklist.draft_inputs(practice, item_id)
        if not text and self._worklist.show(practice, item_id, today=today).action == "no_appeal":
            raise InputError(f"item {item_id} has nothing to file for its denial ({denial}), so there is nothing to "
                             "draft", hint="mark it written_off with the reason; draft it with its note only when the "
                                           "payer's words or the note may show otherwise")
        if not text:
            raise InputError(f"item {item_id} has no note attached",
                             hint="attach the note for the date of service first")
        if note is None:  # a note attached before notes of another session were refused
            refuse_other_session(item_id, dos, note_session_dates(text))
        result = self.draft_appeal(denial, text, claim=claim, denial_text=denial_text, dos=dos)
        return self._worklist.record_draft(practice, item_id, result, actor=actor, today=today), result

    def draft_worklist_items(self, item_ids: Sequence[int], *, practice: str | None = None, actor: str | None = None,
                             today: date | None = None) -> list[BulkDraftResult]:
        """Bulk drafting: each item with its attached note; items that cannot be drafted say why."""
        from assistant.errors import InputError
        from assistant.worklist_models import BulkDraftResult

        out = []
        for item_id in dict.fromkeys(item_ids):
            try:
                _, result = self.draft_worklist_item(item_id, practice=practice, actor=actor, today=today)
                out.append(BulkDraftResult(id=item_id, drafted=True, recommendation=result.recommendation))
            except InputError as exc:
                out.append(BulkDraftResult(id=item_id, drafted=False, message=str(exc)))
        return out

    def worklist_draft(self, item_id: int, *, practice: str | None = None) -> AppealResult | None:
        """The last draft of an item (for the letter download), or None."""
        from assistant.drafting.models import AppealResult

        raw = self._worklist.draft_json(practice or self.settings.practice, item_id)
        return AppealResult.model_validate_json(raw) if raw else None

    def worklist_stats(self, *, practice: str | None = None) -> Stats:
        """Overturn rate, amounts recovered and median days to decision per pattern, payer and route."""
        return self._worklist.stats(practice or self.settings.practice)


def limit_store(settings: Settings) -> LimitStore:
    """Where the HTTP service keeps rate limits and one-time tokens: this process's memory, or the
    database shared by every worker (ASSISTANT_DATABASE_URL, else a SQLite file in the data directory)."""
    if settings.rate_limit_store == "memory":
        return MemoryStore()
    from assistant.worklist.limits import SqlStore, store_url

    return SqlStore(store_url(settings.database_url, settings.data_dir))
