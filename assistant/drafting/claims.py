"""The denied claim as billers have it: one documented model, common field names, strict about the rest.

    parse_claim({"claim_id": "A-1", "dos": "03/04/2025", "mbi": "1EG4-TE5-MK72", "lines": [...]}) -> Claim
    parse_claim(fhir_claim_or_eob_dict)  # FHIR R4 Claim, ClaimResponse, ExplanationOfBenefit, or a Bundle of them

Every field is optional. Each accepts the names in `ALIASES` (`dos` for `date_of_service`, `icn`
and `claim_id` for `claim_number`, `mbi` for `member_id` …); a field the model does not know is an
error that names it, so a typo never silently drops a date or an identifier. Lines take any CPT or
HCPCS code: caregiver-training lines are checked against the note, the others are kept as billed.
The JSON Schema (`claim_json_schema`, checked in as docs/claim.schema.json) and docs/claims.md
describe the format; `assistant appeal --claim-template` prints an example.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import ClaimError, InputError, InvalidDateError
from assistant.knowledge.schema import PAYER_TYPES, PayerType
from assistant.models import BilledLine, split_modifiers
from assistant.parsing import DATE_FORMS, MAX_UNITS, code_of, modifier_of, parse_amount, parse_claim_date, shown_name
from assistant.parsing import parse_date as edge_date

# Canonical name -> other names billers and clearinghouses use for it.
ALIASES: dict[str, tuple[str, ...]] = {
    "claim_number": ("claim_id", "claim_no", "claim_num", "patient_control_number", "pcn"),
    "icn": ("internal_control_number", "dcn", "payer_claim_number", "payer_claim_id"),
    "payer": ("payer_name", "insurer", "plan", "plan_name"),
    "payer_type": ("payer_kind", "coverage_type", "insurance_type"),
    "payer_address": ("appeals_address", "payer_appeals_address"),
    "patient_name": ("patient", "beneficiary", "beneficiary_name", "member_name"),
    "member_id": ("mbi", "medicare_number", "medicare_id", "subscriber_id", "member_number", "policy_number"),
    "date_of_service": ("dos", "service_date", "from_date"),
    "notice_date": ("denial_date", "remittance_date", "determination_date", "eob_date", "ra_date", "decision_date"),
    "payer_deadline": ("appeal_deadline", "appeal_by", "deadline"),
    "provider_name": ("rendering_provider", "provider", "billing_provider", "practice_name"),
    "npi": ("rendering_npi", "billing_npi", "provider_npi"),
    "ptan": ("provider_ptan",),
    "billed_amount": ("charge", "total_charge", "total_billed", "amount"),
    "prior_level": ("appeal_level", "last_decision", "decision_level"),
    "diagnosis_codes": ("icd10", "icd10_codes", "dx", "diagnoses"),
    "place_of_service": ("pos",),
    "date_received": ("received_date", "receipt_date"),
    "good_cause": ("good_cause_reason", "late_filing_reason", "reason_late"),
}
LINE_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("cpt", "hcpcs", "cpt_code", "hcpcs_code", "procedure_code", "procedure"),
    "units": ("quantity", "qty", "unit_count", "service_units"),
    "modifiers": ("modifier", "mods"),
    "charge": ("amount", "billed", "billed_amount", "line_charge"),
    "date_of_service": ("dos", "service_date"),
    "denied": ("is_denied",),
}
_PAYER_TYPE_WORDS = {
    "medicare": "medicare",
    "medicare_part_b": "medicare",
    "part_b": "medicare",
    "traditional_medicare": "medicare",
    "original_medicare": "medicare",
    "medicare_ffs": "medicare",
    "ffs": "medicare",
    "medicare_advantage": "medicare_advantage",
    "ma": "medicare_advantage",
    "part_c": "medicare_advantage",
    "commercial": "commercial",
    "private": "commercial",
    "employer": "commercial",
    "medicaid": "medicaid",
    "other": "other",
}
PRIOR_LEVELS = ("initial", "redetermination", "reconsideration")


def _alias(name: str, table: dict[str, tuple[str, ...]]) -> Any:
    return AliasChoices(name, *table.get(name, ()))


def parse_date(value: Any) -> date | None:
    """A claim date (`assistant.parsing.parse_claim_date`): text that is no date is a ValueError for the model."""
    try:
        return parse_claim_date(value)
    except InvalidDateError:
        raise ValueError(f"not a date: {str(value)[:30]!r}") from None


def amount(value: Any) -> str | None:
    """A claim amount, kept as written ("$1,240.50"); text that is not an amount is an error, never dropped."""
    try:
        return None if parse_amount(value) is None else str(value).strip()
    except InputError:
        raise ValueError(f"not a dollar amount: {str(value)[:20]!r}") from None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


# A claim line is a BilledLine plus what a claim adds (charge, line date, denied). Codes and modifiers
# are read by the edge parser's functions, so a claim and `--billed` accept exactly the same ones.
class ClaimLine(BilledLine):
    """One line of the claim: any CPT or HCPCS code, its units and modifiers."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)

    code: str = Field(validation_alias=_alias("code", LINE_ALIASES), description="CPT or HCPCS code, e.g. 97550.")
    # 0 is allowed here (and only here): a line sent with no units is what an MA130 denial is about.
    units: int = Field(default=1, ge=0, le=MAX_UNITS, validation_alias=_alias("units", LINE_ALIASES))
    modifiers: list[str] = Field(
        default_factory=list,
        validation_alias=_alias("modifiers", LINE_ALIASES),
        description='List, or one string such as "GP,KX".',
    )
    charge: str | None = Field(default=None, validation_alias=_alias("charge", LINE_ALIASES))
    date_of_service: date | None = Field(default=None, validation_alias=_alias("date_of_service", LINE_ALIASES))
    denied: bool | None = Field(
        default=None,
        validation_alias=_alias("denied", LINE_ALIASES),
        description="True for the line(s) the denial is about, when the remittance says.",
    )

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> str:
        code = code_of(value)
        if code is None:
            raise ValueError(f"not a CPT or HCPCS code: {str(value).strip()[:12]!r}")
        return code

    @field_validator("modifiers", mode="before")
    @classmethod
    def _modifiers(cls, value: Any) -> list[str]:
        if value is not None and not isinstance(value, str | list | tuple):
            raise ValueError(f"modifiers must be a list of codes or text such as GP,KX, not {type(value).__name__}")
        items = split_modifiers(value) if isinstance(value, str) else list(value or [])
        mods = [m for m in items if str(m).strip()]
        bad = [str(m) for m in mods if modifier_of(m) is None]
        if bad:
            raise ValueError(f"not a modifier: {bad[0].strip()[:8]!r}")
        return list(dict.fromkeys(str(modifier_of(m)) for m in mods))

    @field_validator("charge", mode="before")
    @classmethod
    def _charge(cls, value: Any) -> str | None:
        return amount(value)

    @field_validator("date_of_service", mode="before")
    @classmethod
    def _date(cls, value: Any) -> date | None:
        return parse_date(value)

    def billed(self) -> BilledLine:
        """The line as the check and the corrected claim see it (code, units, modifiers)."""
        return BilledLine(code=self.code, units=self.units, modifiers=list(self.modifiers))


_DOUBLED_BRACKETS = re.compile(r"\[{2,}|\]{2,}")


class Claim(_Strict):
    """The denied claim, as the biller knows it. Every field is optional."""

    claim_number: str | None = Field(
        default=None,
        validation_alias=_alias("claim_number", ALIASES),
        description="The practice's or payer's claim number.",
    )
    icn: str | None = Field(
        default=None,
        validation_alias=_alias("icn", ALIASES),
        description="Medicare's internal control number of the processed claim.",
    )
    payer: str | None = Field(default=None, validation_alias=_alias("payer", ALIASES))
    payer_type: PayerType | None = Field(
        default=None,
        validation_alias=_alias("payer_type", ALIASES),
        description="medicare (Part B), medicare_advantage, commercial, medicaid, other.",
    )
    payer_address: str | None = Field(default=None, validation_alias=_alias("payer_address", ALIASES))
    patient_name: str | None = Field(default=None, validation_alias=_alias("patient_name", ALIASES))
    member_id: str | None = Field(
        default=None,
        validation_alias=_alias("member_id", ALIASES),
        description="Medicare number (MBI) or the plan's member id.",
    )
    date_of_service: date | None = Field(default=None, validation_alias=_alias("date_of_service", ALIASES))
    notice_date: date | None = Field(
        default=None,
        validation_alias=_alias("notice_date", ALIASES),
        description="Date of the denial notice (remittance, EOB, MSN); deadlines count from it.",
    )
    later_decision_date: date | None = Field(
        default=None,
        description="A later decision that is not an appeal level's (a reopening answered or dismissed): it does not "
        "move the appeal deadline, which counts from notice_date.",
    )
    payer_deadline: date | None = Field(
        default=None,
        validation_alias=_alias("payer_deadline", ALIASES),
        description="Deadline stated by a non-Medicare payer: its appeal deadline, or for a corrected or new claim "
        "its own filing limit.",
    )
    provider_name: str | None = Field(default=None, validation_alias=_alias("provider_name", ALIASES))
    npi: str | None = Field(default=None, validation_alias=_alias("npi", ALIASES))
    ptan: str | None = Field(default=None, validation_alias=_alias("ptan", ALIASES))
    billed_amount: str | None = Field(default=None, validation_alias=_alias("billed_amount", ALIASES))
    diagnosis_codes: list[str] = Field(
        default_factory=list,
        validation_alias=_alias("diagnosis_codes", ALIASES),
        description="ICD-10-CM codes on the claim, as billed.",
    )
    place_of_service: str | None = Field(
        default=None, validation_alias=_alias("place_of_service", ALIASES), description="Place-of-service code."
    )
    date_received: date | None = Field(
        default=None, validation_alias=_alias("date_received", ALIASES),
        description="When the payer received the claim (timely filing).",
    )
    good_cause: str | None = Field(
        default=None,
        validation_alias=_alias("good_cause", ALIASES),
        description="Why a request filed after its limit has good cause (late notice, disaster, …); in the letter.",
    )
    prior_level: str | None = Field(
        default=None,
        validation_alias=_alias("prior_level", ALIASES),
        description="The last decision on this claim: initial, redetermination or reconsideration.",
    )
    denial_codes: str | None = Field(
        default=None,
        validation_alias=AliasChoices("denial_codes", "denial", "carc_rarc"),
        description='CARC/RARC codes when the file carries them, e.g. "CO-50 N115".',
    )
    lines: list[ClaimLine] = Field(
        default_factory=list, validation_alias=AliasChoices("lines", "service_lines", "items")
    )

    @field_validator(
        "date_of_service", "notice_date", "later_decision_date", "payer_deadline", "date_received", mode="before"
    )
    @classmethod
    def _dates(cls, value: Any) -> date | None:
        return parse_date(value)

    @field_validator("payer_type", mode="before")
    @classmethod
    def _payer_type(cls, value: Any) -> str | None:
        if value in (None, ""):
            return None
        key = re.sub(r"[^a-z]+", "_", str(value).lower()).strip("_")
        if key not in _PAYER_TYPE_WORDS:
            raise ValueError(f"unknown payer type {str(value)[:30]!r}; use one of {', '.join(PAYER_TYPES)}")
        return _PAYER_TYPE_WORDS[key]

    @field_validator("prior_level", mode="before")
    @classmethod
    def _prior(cls, value: Any) -> str | None:
        if value in (None, ""):
            return None
        level = str(value).strip().lower().replace(" ", "_")
        if level not in PRIOR_LEVELS:
            raise ValueError(f"unknown prior level {str(value)[:30]!r}; use one of {', '.join(PRIOR_LEVELS)}")
        return level

    @field_validator("claim_number", "icn", "member_id", "npi", "ptan", mode="before")
    @classmethod
    def _text(cls, value: Any) -> str | None:
        return None if value in (None, "") else str(value)

    @field_validator("billed_amount", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> str | None:
        return amount(value)

    @model_validator(mode="after")
    def _no_placeholders(self) -> Claim:
        """Text from the claim is the biller's data, never the letter's own "[[...]]" placeholder syntax: doubled
        brackets in it ("Zed ]] [[Signature]]") are made single, so no value reads as, or hides, a placeholder."""
        for name, value in self:
            if isinstance(value, str) and ("[[" in value or "]]" in value):
                object.__setattr__(self, name, _DOUBLED_BRACKETS.sub(lambda m: m.group(0)[0], value))
        return self

    @property
    def number(self) -> str | None:
        """The number a payer knows the claim by: the ICN when given, else the claim number."""
        return self.icn or self.claim_number

    @property
    def identifiers(self) -> frozenset[str]:
        """The numbers a file may name this claim by: ICN, claim number, member id (a remittance of several claims
        and a work-queue note are both read for this claim's part by them)."""
        return frozenset(i.strip() for i in (self.icn, self.claim_number, self.member_id) if i and i.strip())

    def billed_lines(self) -> list[BilledLine]:
        # A line sent with no units (MA130 "missing units") bills nothing: the check sees it as not billed.
        return [line.billed() for line in self.lines if line.units > 0]

    def amount_in_dispute(self) -> float | None:
        """The charges still in dispute: the denied lines' charges when the claim flags and prices them, else the
        claim's total charge; None when neither is given (the amount in controversy cannot be judged)."""
        denied = self.denied_charges()
        return denied if denied is not None else _money(self.billed_amount)

    def denied_charges(self) -> float | None:
        denied = [_money(line.charge) for line in self.lines if line.denied]
        if denied and None not in denied:
            return sum(d for d in denied if d is not None)
        return None


def _money(text: str | None) -> float | None:
    """ "$1,240.50" -> 1240.5; None for no amount or text that is not one."""
    found = re.fullmatch(r"\s*\$?\s*(\d[\d,]*(?:\.\d+)?)\s*(?:USD)?\s*", text or "")
    return float(found.group(1).replace(",", "")) if found else None


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(shown_name(part) for part in loc)


def _names(*fields: str) -> frozenset[str]:
    """The fields and every alias they are accepted under (an error names the one the file used)."""
    return frozenset(n for f in fields for n in (f, *ALIASES.get(f, ()), *LINE_ALIASES.get(f, ())))


_DATE_FIELDS = _names("date_of_service", "notice_date", "payer_deadline", "date_received")
_AMOUNT_FIELDS = _names("billed_amount", "charge")


def _errors_text(exc: ValidationError) -> tuple[list[str], list[str], list[str]]:
    """Unknown fields, invalid fields (with why), and a hint for each kind of field that failed."""
    unknown, invalid, hints = [], [], {}
    for err in exc.errors():
        where = _field_path(err["loc"])
        if err["type"] == "extra_forbidden":
            unknown.append(where)
            continue
        invalid.append(f"{where} ({err['msg'].removeprefix('Value error, ')})")
        names = {str(part) for part in err["loc"]} | {shown_name(part) for part in err["loc"]}
        if names & _DATE_FIELDS:
            hints["date"] = f"dates: {DATE_FORMS}, YYYYMMDD"
        elif names & _AMOUNT_FIELDS:
            hints["amount"] = 'amounts: a number of dollars, such as 150, 150.00 or "$1,240.50"'
        elif err["loc"] and err["loc"][0] in ("lines", "service_lines", "items"):
            hints["line"] = "lines need a CPT/HCPCS code, whole units and two-character modifiers"
    return unknown, invalid, list(hints.values())


# The date of the last decision on the claim: beside a notice date it is a later decision, not the same date twice.
_LATER_DECISION = "decision_date"


def _later_decision(claim: dict[str, Any]) -> dict[str, Any]:
    """A notice date and a different `decision_date`: the decision is a later one. An appeal level's decision (the
    claim's prior level is one) is the notice its next level counts from; any other (a reopening answered or
    dismissed) is kept apart as `later_decision_date`: it has no appeal rights and does not move the appeal deadline
    (domain facts §11)."""
    notices = [n for n in ("notice_date", *ALIASES["notice_date"]) if n in claim and n != _LATER_DECISION]
    if _LATER_DECISION not in claim or not notices or repr(claim[notices[0]]) == repr(claim[_LATER_DECISION]):
        return claim
    out = dict(claim)
    if _not_after(claim[_LATER_DECISION], claim[notices[0]]):
        # decided on or before the notice's date: the same decision, mailed later; its notice is what counts
        del out[_LATER_DECISION]
        return out
    levels = [out[n] for n in ("prior_level", *ALIASES["prior_level"]) if out.get(n)]
    if any(str(level).strip().lower() not in ("initial", "none") for level in levels):
        for name in notices:
            del out[name]
        return out
    out["later_decision_date"] = out.pop(_LATER_DECISION)
    return out


def _not_after(first: Any, second: Any) -> bool:
    """Whether the date `first` is on or before `second` (False when either cannot be read: validation says so)."""
    try:
        a, b = edge_date(first), edge_date(second)
    except InputError:
        return False
    return a is not None and b is not None and a <= b


def _one_name_each(claim: dict[str, Any]) -> dict[str, Any]:
    """A field given under two of its names once: the same value twice is kept once; two different values are an
    error naming both keys (never the values, which may be a patient's)."""
    out = _later_decision(dict(claim))
    for field, names in ALIASES.items():
        given = [n for n in (field, *names) if n in out]
        if len(given) < 2:
            continue
        if len({repr(out[n]) for n in given}) > 1:
            raise ClaimError(f"the claim gives {field} twice, as {' and '.join(given[:3])}, with different values",
                             hint=f"keep the one the claim means by {field} (docs/claims.md lists the names)")
        for n in given[1:]:
            del out[n]
    return out


def parse_claim(claim: Claim | dict[str, Any] | None) -> Claim:
    """A `Claim` from a dict in this project's format or a FHIR R4 resource; `ClaimError` names what is wrong."""
    if claim is None:
        return Claim()
    if isinstance(claim, Claim):
        return claim
    if not isinstance(claim, dict):
        raise ClaimError(
            "the claim must be a JSON object", hint="run `assistant appeal --claim-template` for an example"
        )
    if "resourceType" in claim:
        from assistant.drafting.fhir_claims import claim_from_fhir

        claim = claim_from_fhir(claim)
    claim = _one_name_each(claim)
    try:
        return Claim.model_validate(claim)
    except ValidationError as exc:
        unknown, invalid, hints = _errors_text(exc)
        if unknown:
            raise ClaimError(
                f"the claim has unknown field(s): {', '.join(unknown[:8])}",
                hint="see docs/claims.md, or run `assistant appeal --claim-template`",
            ) from None
        raise ClaimError(
            f"the claim has invalid field(s): {'; '.join(invalid[:5])}",
            hint="; ".join(hints) or "see docs/claims.md, or run `assistant appeal --claim-template`",
        ) from None


#: How a warning about an impossible claim date starts; shown beside the deadline, which it puts in doubt.
DATE_WARNING = "claim date: "


def amount_warnings(claim: Claim) -> list[str]:
    """A claim total below its own denied lines' charges cannot be right: one of the two amounts is wrong, and the
    amount in controversy (which decides whether an ALJ hearing can be asked) is counted from the denied lines."""
    denied, total = claim.denied_charges(), _money(claim.billed_amount)
    if denied is None or total is None or total >= denied:
        return []
    return [
        f"claim amount: billed_amount ${total:,.2f} is less than the denied lines' charges (${denied:,.2f}); the "
        f"amount in controversy is counted from the denied lines' charges (${denied:,.2f}): check both amounts"
    ]


def date_warnings(claim: Claim, service_date: date | None, today: date) -> list[str]:
    """Dates on the claim that cannot be right, named by field: the deadlines counted from them would be wrong."""
    out = []
    notice = claim.notice_date
    if notice is not None and notice > today:
        out.append(
            f"{DATE_WARNING}notice_date {notice.isoformat()} is after today ({today.isoformat()}): a denial notice "
            "cannot be dated in the future; check the date, the deadline is counted from it"
        )
    if notice is not None and service_date is not None and notice < service_date:
        out.append(
            f"{DATE_WARNING}notice_date {notice.isoformat()} is before the date of service {service_date.isoformat()}: "
            "a denial cannot come before the service; check both dates, the deadline is counted from the notice date"
        )
    return out


def with_claim_response(claim: dict[str, Any] | None, claim_response: dict[str, Any]) -> dict[str, Any]:
    """The claim to draft with. A ClaimResponse also carries the payer (`insurer`) and the notice date (`created`),
    which decide the appeal route and its deadline (docs/claims.md), so it fills what the sent claim leaves out;
    what the claim gives wins."""
    if claim is None:
        return claim_response
    if claim.get("resourceType") == "Bundle":
        return {**claim, "entry": [*(claim.get("entry") or []), {"resource": claim_response}]}
    if "resourceType" in claim:
        return {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [{"resource": claim}, {"resource": claim_response}],
        }
    from assistant.drafting.fhir_claims import claim_from_fhir

    out = dict(claim)
    for key, value in claim_from_fhir(claim_response).items():
        if not any(name in claim for name in (key, *ALIASES.get(key, ()))):
            out[key] = value
    return out
