"""What the worklist returns: items, their history, pages, import summaries and outcome statistics.

`assistant.worklist` fills these models; the CLI and the API render them (and import them from
here, never from the worklist package).

These are the shapes of the CLI's JSON and of the HTTP API (`/v1/era`, `/v1/worklist...`).
Amounts are in dollars with cents (floats rounded to 2 places); dates are ISO dates.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["new", "drafted", "submitted", "won", "partially_won", "lost", "corrected", "written_off"]
STATUSES: tuple[str, ...] = ("new", "drafted", "submitted", "won", "partially_won", "lost", "corrected", "written_off")
OPEN_STATUSES: tuple[str, ...] = ("new", "drafted", "submitted")
Sort = Literal["due", "recovery"]
SORTS: tuple[str, ...] = ("due", "recovery")
Action = Literal["appeal", "corrected_claim", "no_appeal"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ImportProblem(_Model):
    """A part of an 835 that was skipped (never quotes the file's content)."""

    position: int = Field(description="1-based segment number from the ISA.")
    segment: str
    transaction: str = ""
    message: str


class ImportSummary(_Model):
    """What one 835 import found and did."""

    file_id: int
    filename: str = ""
    already_imported: bool = Field(default=False, description="The same file was imported before; nothing changed.")
    payments: int = 0
    claims: int = 0
    cts_denials: int = Field(default=0, description="Denied or underpaid caregiver-training lines found.")
    other_denials: int = Field(default=0, description="Denied lines of other codes: counted, not listed.")
    items_created: int = 0
    items_updated: int = Field(default=0, description="Existing items carried to the payer's reprocessed claim.")
    items_closed: int = Field(default=0, description="Items closed because the reprocessed claim paid the line.")
    reversals: int = Field(default=0, description="Claims reversed by the payer (CLP02 = 22).")
    problems: list[ImportProblem] = Field(default_factory=list)


class ReasonView(_Model):
    """A CARC (with its group and amount) or a RARC, with its meaning from the knowledge base."""

    code: str
    kind: Literal["carc", "rarc"]
    group: str | None = None
    amount: float | None = None
    meaning: str = Field(description="Our paraphrase; empty when the code is not in the knowledge base.")


class ItemSummary(_Model):
    """One row of the worklist."""

    id: int
    status: Status
    payer: str
    payer_type: str
    claim_number: str = Field(description="The payer's claim control number (ICN).")
    patient_control_number: str
    patient: str
    service_date: date | None
    procedure: str
    modifiers: list[str]
    units: int
    charge: float
    paid: float
    denied: float
    denial: str = Field(description='Group-CARC and RARC codes, e.g. "CO-50 N115".')
    pattern_id: str | None
    action: Action
    route: str | None
    level: int | None
    due_date: date | None
    days_left: int | None
    overdue: bool
    expected_recovery: float = Field(description="Denied amount x the overturn rate for this pattern and payer.")
    assignee: str | None
    reversed: bool = Field(description="The payer reversed the claim; a correction is expected.")
    attention: str = Field(default="", description="Why the item needs a second look: the payer reversed or paid the "
                           "line after it was decided, or denied the same service again under another claim number.")


class EventView(_Model):
    at: datetime
    actor: str
    action: str
    from_status: str | None = None
    to_status: str | None = None
    detail: str = ""


class DraftInfo(_Model):
    recommendation: str
    has_letter: bool
    route: str | None = None


class ItemDetail(ItemSummary):
    """An item with its codes, deadline basis, claim lines, note and draft state, and its full history."""

    member_id: str
    rendering_npi: str
    codes: list[ReasonView]
    claim_lines: list[dict[str, object]]
    deadline_title: str = ""
    deadline_basis: str = ""
    deadline_sources: list[str] = Field(default_factory=list)
    overturn_rate: float
    status_reason: str = ""
    note_attached: bool
    draft: DraftInfo | None = None
    payer_deadline: date | None = None
    submitted_on: date | None = None
    decided_on: date | None = None
    recovered: float | None = None
    next_statuses: list[str] = Field(description="The statuses this item may move to next.")
    history: list[EventView]


class Page(_Model):
    items: list[ItemSummary]
    total: int
    page: int
    per_page: int
    sort: Sort
    today: date
    other_code_denials: int = Field(description="Denied lines of other codes in the imported files (not listed).")
    undated_left_out: int = Field(
        default=0,
        description="With a due window: open items left out because no deadline is known yet (a commercial or "
        "Medicaid appeal whose deadline is the payer's: enter it).",
    )


class StatRow(_Model):
    dimension: Literal["pattern", "payer", "route"]
    key: str
    decided: int
    won: int
    partially_won: int
    lost: int
    overturn_rate: float | None = Field(description="(won + partially won) / decided; null before any decision.")
    denied: float
    recovered: float
    median_days_to_decision: float | None


class Stats(_Model):
    rows: list[StatRow]
    open_items: int
    open_denied: float
    open_redenials: int = Field(
        default=0, description="Open re-denials of a service another open item holds: left out of open_items and "
        "open_denied, which count each service once.")
    prior: str = Field(description="How expected recovery is estimated (before and after outcomes exist).")


class BulkDraftResult(_Model):
    id: int
    drafted: bool
    recommendation: str | None = None
    message: str = ""


class ItemUpdate(_Model):
    """A change to an item. Outcomes (won / partially_won / lost) may carry the amount recovered and the
    decision date."""

    status: Status | None = None
    reason: str | None = Field(default=None, max_length=500)
    assignee: str | None = Field(default=None, max_length=120)
    recovered: float | None = Field(default=None, ge=0, le=10_000_000, allow_inf_nan=False)
    decided_on: date | None = None
    #: The day the request went out, when it is recorded later (with the status submitted); today when omitted.
    submitted_on: date | None = None
    payer_deadline: date | None = None
