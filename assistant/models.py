"""Domain models shared by the Python API, the CLI, the HTTP service and the evals.

`Report` is the JSON contract of `shared/spec/checks.md`: top-level keys `checks`, `time`,
`billing`, `summary` (plus `meta`, an addition). Check ids and statuses are stable.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

CheckStatus = Literal["met", "missing", "problem", "not_applicable", "unclear"]
Severity = Literal["block", "warn", "info"]
Profile = Literal["medicare", "strict"]
PROFILES: tuple[str, ...] = ("medicare", "strict")



class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A piece of the submitted note: `text[start:end] == quote`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str


class Fact(Model):
    """One thing the extractor found in the note, with where it found it."""

    kind: str
    value: Any = None
    span: Span
    negated: bool = False
    attrs: dict[str, Any] = Field(default_factory=dict)


_MODIFIER_SEPARATORS = re.compile(r"[\s,;/+-]+")


def split_modifiers(value: Any) -> Any:
    """A line's modifiers as a list: one string such as "GP" or "GP,CQ" (as claim files write them) is split; any
    other value is left for the field's own validation. The one shape rule of every billed or claim line."""
    if isinstance(value, str):
        return [m for m in _MODIFIER_SEPARATORS.split(value) if m.strip()]
    return value


class BilledLine(Model):
    """One claim line: a code, its units and its modifiers."""

    code: str = Field(min_length=1, max_length=10, description="CPT or HCPCS code, e.g. 97550.")
    units: int = Field(default=1, ge=1, le=99)
    modifiers: list[str] = Field(default_factory=list, description='List, or one string such as "GP" or "GP,CQ".')

    @field_validator("modifiers", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return split_modifiers(value)

    @field_validator("units", mode="before")
    @classmethod
    def _no_boolean(cls, value: Any) -> Any:
        # JSON `true` is no unit count; pydantic's lax mode would read it as 1 (hostile12 #17)
        if isinstance(value, bool):
            raise ValueError("units must be a whole number from 1 to 99, not a boolean")
        return value


class CheckResult(Model):
    id: str
    label: str = ""  # the rule's short name, so no caller keeps its own copy
    status: CheckStatus
    severity: Severity
    message: str
    fix: str = ""
    evidence: list[Span] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    #: Ids of the rule's findings behind a failure (internal: the drafting decision weighs them; not serialised).
    findings: list[str] = Field(default_factory=list, exclude=True)


class TimeSegment(Model):
    start: str  # "HH:MM", 24-hour clock
    end: str
    minutes: int


class TimeSummary(Model):
    total_minutes: int | None = None
    stated_total_minutes: int | None = None
    segments: list[TimeSegment] = Field(default_factory=list)
    basis: str = Field(
        default="", description="How the minutes were counted, e.g. '35 min: 14:00-14:15 + 14:25-14:45'."
    )
    patient_present: list[TimeSegment] = Field(
        default_factory=list,
        description="Parts with the patient present, in their own clock ranges: kept apart from the training.",
    )


class PaymentLine(Model):
    code: str
    units: int
    unit_amount: float
    amount: float
    total_rvu: float


class Payment(Model):
    """Expected Medicare national payment (GPCI 1.0) for the supported lines."""

    period: str
    conversion_factor: float
    setting: Literal["non_facility", "facility"] = "non_facility"
    lines: list[PaymentLine] = Field(default_factory=list)
    total: float = 0.0
    assistant_reduction: bool = False
    medicare_share: float = 0.0
    #: Taken from Medicare's share by sequestration (2% since 2022-07-01, CARC 253); already out of medicare_share.
    sequestration: float = 0.0
    patient_coinsurance: float = 0.0
    sources: list[str] = Field(default_factory=list)
    note: str = ""


class DroppedModifier(Model):
    """A modifier billed on caregiver training lines that the supported lines leave off, and why."""

    modifier: str
    codes: list[str] = Field(default_factory=list, description="The billed lines that carried it.")
    reason: str


class Billing(Model):
    rule: str  # "midpoint" or "full_time"
    lines: list[BilledLine] = Field(default_factory=list)
    dropped_modifiers: list[DroppedModifier] = Field(
        default_factory=list,
        description="Modifiers on the billed caregiver training lines that `lines` do not carry, each with the reason.",
    )
    payment: Payment | None = None
    same_day: list[BilledLine] = Field(
        default_factory=list, description="Other services on the claim or in the note (97110, 92507 ...): not checked."
    )
    unknown_codes: list[str] = Field(
        default_factory=list, description="Well-formed codes on the claim that the knowledge base does not describe."
    )


class Summary(Model):
    ready_to_bill: bool
    blocking: int
    warnings: int
    unclear: int


class Conflict(Model):
    """Where sources disagree: what the lower authority said and what the rule follows."""

    rule: str
    claim: str
    claimed_by: str
    followed: str
    followed_sources: list[str]


class IgnoredText(Model):
    """Text of the note that is not documentation, so no check used it as evidence."""

    kind: Literal[
        "instruction", "template", "form_text", "checklist", "guideline", "copied", "struck", "after_the_fact"
    ]
    severity: Severity = Field(description="warn for instructions addressed to a tool or a model, info otherwise.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    message: str


class LateAddition(Model):
    """A late entry or addendum, dated after the date of service, that alone documents elements the checks found met
    (its time, its consent ...). The checks still count it (facts §11: a dated entry made for care is documentation);
    the biller is told, as an auditor looks for exactly this."""

    checks: list[str] = Field(description="The checks only this entry documents.")
    written: date = Field(description="The date the entry gives for itself.")
    severity: Severity = "info"
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    message: str
    sources: list[str] = Field(default_factory=list)


class BilledVisit(Model):
    """In a document that logs several dated visits, the one the date of service picks (character offsets of its
    part of the note): its minutes alone are counted."""

    date: date
    start: int
    end: int


class ReportMeta(Model):
    dos: date | None = None
    dos_source: Literal["argument", "note", "none"] = "none"
    #: The date the note itself gives for the session (None when it gives none), whatever date was passed.
    note_dos: date | None = None
    profile: str = "medicare"
    code_family: Literal["cts", "direct_care", "behavior", "unknown"] = "unknown"
    knowledge_version: str = ""
    conflicts: list[Conflict] = Field(default_factory=list)
    ignored: list[IgnoredText] = Field(default_factory=list)
    #: Elements only a later-dated late entry or addendum documents (information: the check statuses are unchanged).
    added_later: list[LateAddition] = Field(default_factory=list)
    # the character set a note sent as bytes was read in when it was not UTF-8 ("windows-1252": Word's plain text)
    decoded_from: str | None = None
    #: The billed visit of a note that logs several dated visits (None for a note of one visit).
    visit: BilledVisit | None = None
    #: How many different patients the note's patient fields name (0: none names one). More than one is two notes
    #: pasted together: the report is not ready to bill until they are checked apart.
    patients_named: int = 0


class Report(Model):
    checks: list[CheckResult]
    time: TimeSummary
    billing: Billing
    summary: Summary
    meta: ReportMeta = Field(default_factory=ReportMeta)

    def check(self, check_id: str) -> CheckResult:
        for result in self.checks:
            if result.id == check_id:
                return result
        raise KeyError(check_id)


class SourceRef(Model):
    """How a passage cites its knowledge-base source."""

    id: str
    title: str
    publisher: str
    url: str
    authority: str
    effective_from: date | None = None
    effective_to: date | None = None


class Passage(Model):
    """One retrieved passage of the knowledge base."""

    id: str
    text: str
    score: float
    source: SourceRef
    kind: str = ""
    codes: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    effective_from: date | None = Field(default=None, description="First day the passage's fact is in force.")
    effective_to: date | None = Field(default=None, description="Last day it is in force; none while still in force.")



class CodePeriod(Model):
    """The fee period picked by the date of service."""

    conversion_factor_id: str
    conversion_factor: float
    variant: str
    effective_from: date | None = None
    effective_to: date | None = None


class CodeRVU(Model):
    release: str
    work: float
    pe_nonfacility: float
    pe_facility: float
    mp: float
    total_nonfacility: float
    total_facility: float


class CodePayment(Model):
    """National Medicare payment for one unit (GPCI 1.0) under one conversion factor."""

    conversion_factor_id: str
    variant: str
    non_facility: float
    facility: float
    non_facility_assistant: float = Field(description="With the CQ/CO assistant reduction applied.")


class CodeDetail(Model):
    """A code's paraphrased descriptor, RVUs and payment for a date of service."""

    code: str
    short_descriptor: str
    paraphrase: str
    family: str
    kind: str
    timed: bool
    minutes: int | None = None
    primary: str | None = None
    effective_from: date | None = None
    effective_to: date | None = None
    sources: list[str]
    dos: date
    rvu: CodeRVU | None = None
    periods: list[CodePeriod] = Field(default_factory=list)
    payments: list[CodePayment] = Field(default_factory=list)
    note: str = ""


class OrderFinding(Model):
    """One finding on ordered caregiver-training lines (for CDS Hooks cards)."""

    text: str
    indicator: Literal["info", "warning", "critical"] = "warning"


class AnswerSentence(Model):
    """One sentence of a short answer, tied to the passage (and source) that states it."""

    text: str
    passage_id: str | None = Field(default=None, description="The passage the sentence comes from; none only "
                                   "for a sentence that says the question cannot be answered.")
    source: SourceRef | None = None
    passage_ids: list[str] = Field(default_factory=list, description="Every passage the sentence rests on, "
                                   "`passage_id` first: a worked sum cites the passage of each figure it uses.")


class Answer(Model):
    """A short answer (one to three sentences, each cited) followed by the passages it rests on."""

    question: str
    dos: date | None = None
    answered: bool = Field(description="False when the knowledge base does not answer the question; the text says so.")
    text: str = Field(description="The sentences, joined.")
    sentences: list[AnswerSentence]
    passages: list[Passage] = Field(description="The cited passages first, then the other passages found.")
    kind: str = Field(default="rule", description="What the question asks: fee, code_validity, threshold, "
                      "telehealth, denial, appeal, units, modifier, code_choice or rule.")
    method: Literal["offline", "model", "offline_fallback"] = "offline"
    notes: list[str] = Field(default_factory=list, description="Why a model's answer was not used, when it was not.")
