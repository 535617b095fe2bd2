"""What an 835 says, as domain models: payments (one per ST/SE), claims (CLP loops), service lines (SVC).

Amounts are `Decimal` exactly as sent (reversals carry negative amounts). Positions are
1-based segment numbers counted from the ISA, so an error can point at the segment without
quoting it. Patient names and member ids are PHI: they live in these models and in the
worklist database, never in messages or logs.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

ZERO = Decimal("0")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Adjustment(_Model):
    """One CAS triplet: group (CO, PR, OA, PI, CR), reason (CARC) and amount."""

    group: str
    reason: str
    amount: Decimal
    quantity: Decimal | None = None

    @property
    def label(self) -> str:
        return f"{self.group}-{self.reason}"


class ServiceLine(_Model):
    """Loop 2110: one adjudicated service line."""

    position: int
    procedure: str
    qualifier: str = "HC"
    modifiers: list[str] = Field(default_factory=list)
    charge: Decimal
    paid: Decimal
    units: Decimal = Decimal("1")
    original_units: Decimal | None = None
    service_date: date | None = None
    adjustments: list[Adjustment] = Field(default_factory=list)
    remarks: list[str] = Field(default_factory=list, description="LQ*HE remark codes (RARC).")
    control_number: str | None = Field(default=None, description="REF*6R line item control number.")
    allowed: Decimal | None = Field(default=None, description="AMT*B6 allowed amount.")
    submitted_procedure: str | None = Field(
        default=None, description="SVC06: the procedure as submitted, when the payer adjudicated another code."
    )
    submitted_modifiers: list[str] = Field(default_factory=list, description="SVC06's modifiers.")


class Claim(_Model):
    """Loop 2100: one claim payment (CLP) with its lines."""

    position: int
    patient_control_number: str
    status: str = Field(description="CLP02: 1/2/3 processed, 4 denied, 22 reversal of a previous payment, ...")
    charge: Decimal
    paid: Decimal
    patient_responsibility: Decimal = ZERO
    filing_indicator: str = Field(default="", description="CLP06: MB Medicare Part B, 16 Medicare Advantage HMO, ...")
    payer_claim_number: str = Field(default="", description="CLP07: the payer's claim control number (ICN/DCN).")
    frequency: str = ""
    patient_last: str = ""
    patient_first: str = ""
    member_id: str = ""
    rendering_npi: str = ""
    original_reference: str = Field(default="", description="REF*F8: the claim number this one corrects.")
    received_date: date | None = None
    adjustments: list[Adjustment] = Field(default_factory=list, description="Claim-level CAS.")
    remarks: list[str] = Field(default_factory=list, description="MOA/MIA claim payment remark codes.")
    lines: list[ServiceLine] = Field(default_factory=list)

    @property
    def is_reversal(self) -> bool:
        return self.status == "22"

    @property
    def patient_name(self) -> str:
        return ", ".join(p for p in (self.patient_last, self.patient_first) if p)


class ProviderAdjustment(_Model):
    """One PLB adjustment: reason (WO overpayment recovery, L6 interest, FB forwarding balance...) and amount."""

    position: int
    provider_id: str
    fiscal_date: date | None = None
    reason: str
    reference: str = ""
    amount: Decimal


class Payment(_Model):
    """One transaction set (ST/SE): a payment or notice from one payer to one payee."""

    position: int
    control_number: str
    interchange_control: str = ""
    group_control: str = ""
    payer_name: str
    payer_id: str = Field(default="", description="TRN03 / REF*2U payer identifier.")
    payee_name: str = ""
    payee_npi: str = ""
    amount: Decimal
    method: str = ""
    trace_number: str = ""
    payment_date: date | None = None
    production_date: date | None = None
    claims: list[Claim] = Field(default_factory=list)
    provider_adjustments: list[ProviderAdjustment] = Field(default_factory=list)

    @property
    def payer_key(self) -> str:
        """A stable payer identity: the payer identifier when sent, else the name."""
        return self.payer_id or self.payer_name.upper()

    @property
    def notice_date(self) -> date | None:
        """The date of the remittance notice: production date (DTM*405), else the payment date (BPR16)."""
        return self.production_date or self.payment_date


class Problem(_Model):
    """Something in the file that was skipped; the rest was read."""

    position: int
    segment: str
    transaction: str = ""
    message: str


class Remittance(_Model):
    """A whole 835 file: its payments and what could not be read."""

    sha256: str
    segments: int
    payments: list[Payment] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)

    @property
    def claims(self) -> int:
        return sum(len(p.claims) for p in self.payments)
