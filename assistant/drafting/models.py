"""Structured inputs and outputs of the drafting use cases (note rewrite, appeal letter).

Two families:

- *drafts*: what a backend (LLM adapter, offline drafter, test fake) returns. They are the
  `schema` argument of `Backend.generate`; their docstrings and field descriptions become part
  of the JSON schema a model sees, so they describe the task, not the implementation.
- *results*: what callers get (`AppealResult`, `RewriteResult`), after the grounding gate.
"""

from __future__ import annotations

from datetime import date as date_type
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.drafting.claims import Claim, ClaimLine
from assistant.drafting.deadlines import Deadline
from assistant.models import BilledLine

Recommendation = Literal["appeal", "corrected_claim", "no_appeal"]
Outcome = Literal["grounded", "repaired", "offline_fallback", "withheld"]
#: How the denial is answered: the appeal level (by payer type), a reopening, or a new claim.
Route = Literal[
    "redetermination",
    "reconsideration",
    "plan_reconsideration",
    "independent_review",
    "clerical_reopening",
    "new_claim",
    "payer_appeal",
    "alj",
    "appeals_council",
    "federal_court",
]
__all__ = ["Claim", "ClaimLine", "Deadline"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- drafts (backend output) --------------------------------------------------------------
class Quote(_Model):
    """An exact excerpt of the clinical note, copied character for character."""

    text: str = Field(description="Verbatim text copied from the note; never paraphrased.")


class Statement(_Model):
    """One sentence of the letter and the evidence it rests on."""

    text: str = Field(description="The sentence. States only what the quotes and cited sources support.")
    quotes: list[Quote] = Field(description="Note excerpts supporting the sentence (may be empty).")
    source_ids: list[str] = Field(description="Ids of the provided knowledge-base sources cited (may be empty).")


class Section(_Model):
    """A titled part of the letter."""

    id: str = Field(description="Section id exactly as listed in the required sections.")
    heading: str = Field(description="Heading printed above the section.")
    statements: list[Statement]


class LetterDraft(_Model):
    """The argued body of an appeal letter, section by section."""

    sections: list[Section]


class RewriteSection(_Model):
    """One part of the restructured note."""

    heading: str
    text: str = Field(description="Sentences of the draft note, reordered; no new facts.")


class Gap(_Model):
    """A required element the draft does not document; the clinician must fill it in."""

    element: str = Field(description="Check id of the missing element, e.g. 'consent'.")
    placeholder: str = Field(description="Visible placeholder, e.g. '[[clinician to confirm: caregiver consent]]'.")


class RewriteDraft(_Model):
    """A payer-ready restructuring of a CTS note that keeps every fact of the draft and adds none."""

    sections: list[RewriteSection]
    gaps: list[Gap]


# --- inputs ---------------------------------------------------------------------------------
# The claim model lives with its parser (claims.py); it is re-exported here for callers.
class ReasonCodeRef(_Model):
    code: str
    kind: Literal["carc", "rarc"]
    known: bool
    meaning: str = ""
    #: An informational remark (MA01 appeal rights …): shown with its meaning, never matched to a pattern.
    informational: bool = False
    #: A remark that only says the claim was returned unprocessed (MA130): it ranks below one naming what to fix.
    unprocessable: bool = False
    #: The CARC's own group where the denial's words give it one that is not the denial's ("CO-253 and PR-2").
    group: str | None = None

    def label(self, denial_group: str | None = None) -> str:
        """The code as the denial writes it: "CO-24" with its group, else the bare code."""
        group = self.group or denial_group
        return f"{group}-{self.code}" if group else self.code


class Rejection(_Model):
    """A claim the payer's front end rejected (277CA claim acknowledgment): never adjudicated, so no determination."""

    #: STC01-1 claim status category (A3, A6, A7, A8: returned or rejected), the status code and the entity code.
    category: str
    status: str = ""
    entity: str = ""

    @property
    def label(self) -> str:
        """"277CA A7:164 (entity IL)": the acknowledgment as the clearinghouse reports it."""
        code = ":".join(c for c in (self.category, self.status) if c)
        return f"277CA {code}".strip() + (f" (entity {self.entity})" if self.entity else "")


class DeniedLine(_Model):
    """One service line as a pasted remittance, EOB or letter gives it: its code and units, and the payer's codes."""

    code: str
    units: int | None = None
    modifiers: list[str] = Field(default_factory=list)
    #: Group and CARC of each adjustment on the line ("CO-50", "PR-2"), in the paste's order.
    adjustments: list[str] = Field(default_factory=list)
    #: RARCs on the line (LQ*HE, or a remark printed beside it).
    remarks: list[str] = Field(default_factory=list)
    #: True when an adjustment other than a routine one (contractual, sequestration, deductible …) took the line;
    #: False when only routine ones did or it is shown paid; None when the paste does not say.
    denied: bool | None = None


class Denial(_Model):
    """A parsed denial: group code, CARCs, RARCs and the payer's own words."""

    raw: str
    group: str | None = None
    carcs: list[ReasonCodeRef]
    rarcs: list[ReasonCodeRef] = Field(default_factory=list)
    text: str | None = None
    #: The lines of a pasted remittance, EOB or letter, each with its own codes (empty when only codes were typed).
    lines: list[DeniedLine] = Field(default_factory=list)
    #: The appeal level a pasted decision letter decided (redetermination, reconsideration).
    level: str | None = None
    #: The date of the pasted notice (remittance, EOB, decision letter): deadlines count from it.
    notice_date: date_type | None = None
    #: The payer type a pasted 835's claim filing indicator (CLP06) names.
    payer_type: str | None = None
    #: A front-end rejection (277CA) given instead of a denial: the claim never reached adjudication.
    rejection: Rejection | None = None

    @property
    def label(self) -> str:
        """The codes as the payer gives them, "CO-50 N115"; a CARC without a group code (a decision letter rarely
        gives one) is named as what it is, "CARC 50, RARC N386", never as a bare number, and no group is presumed."""
        if self.rejection is not None and not self.carcs:
            return self.rejection.label
        if all(c.group or self.group for c in self.carcs):
            return " ".join([*(f"{c.group or self.group}-{c.code}" for c in self.carcs), *(r.code for r in self.rarcs)])
        carcs = [f"{c.group}-{c.code}" if c.group else f"CARC {c.code}" for c in self.carcs]
        return ", ".join([*carcs, *(f"RARC {r.code}" for r in self.rarcs)])


# --- results ----------------------------------------------------------------------------------
class Attempt(_Model):
    backend: str
    passed: bool
    reasons: list[str] = Field(default_factory=list)


class Grounding(_Model):
    """How the returned text came to be: which backend wrote it and what the gate said."""

    outcome: Outcome
    backend: str
    attempts: list[Attempt]


class Reason(_Model):
    """Why the recommendation is what it is, with the check and evidence behind it."""

    check_id: str | None = None
    text: str
    quotes: list[str] = Field(default_factory=list)
    source_ids: list[str] = Field(default_factory=list)


class SourceCitation(_Model):
    id: str
    title: str
    publisher: str
    url: str


class Letter(_Model):
    """A rendered-ready appeal letter: letterhead, title by level, identifiers, argued sections, enclosures.

    Every identifier the claim or the settings do not give is a visible placeholder such as
    `[[Medicare number (MBI)]]`, never left out and never guessed.
    """

    title: str = Field(default="Request for Appeal", description='By level, e.g. "Request for Redetermination".')
    date: date_type | None = Field(default=None, description="The day the letter was drafted.")
    letterhead: list[str] = Field(default_factory=list, description="Practice name, address, phone, NPI/PTAN.")
    recipient: str
    recipient_address: str = ""
    subject: str
    identifiers: dict[str, str]
    sections: list[Section]
    attachments: list[str]
    signature: str


class AppealResult(_Model):
    recommendation: Recommendation
    reasons: list[Reason]
    actions: list[str]
    route: Route | None = Field(default=None, description="None when there is nothing to appeal or correct.")
    route_reason: str = ""
    payer_type: str = "medicare"
    corrected_lines: list[BilledLine] = Field(
        default_factory=list, description="For corrected_claim: every line of the claim as it should be billed."
    )
    corrected_diagnoses: list[str] = Field(
        default_factory=list,
        description="For corrected_claim when a diagnosis code changes: every ICD-10-CM code as it should be billed.",
    )
    deadline: Deadline | None = None
    denial: Denial
    pattern_id: str | None
    letter: Letter | None
    attachments: list[str]
    sources: list[SourceCitation]
    grounding: Grounding | None
    supported_lines: list[BilledLine] = Field(default_factory=list)
    dropped_lines: list[BilledLine] = Field(
        default_factory=list,
        description="For an appeal of fewer units than billed: the billed units the note does not support (dropped).",
    )
    claim_identifiers: dict[str, str] = Field(
        default_factory=dict,
        description="Without a letter: the claim's identifiers (patient, member id, claim number, date of service, "
        "payer), each its value or a [[placeholder]], so a corrected-claim page can be tied to its claim.",
    )
    warnings: list[str] = Field(default_factory=list)


class RewriteResult(_Model):
    text: str
    sections: list[RewriteSection]
    gaps: list[Gap]
    grounding: Grounding
    warnings: list[str] = Field(default_factory=list)
