"""Schemas of the curated knowledge files under ``knowledge/``.

Every file is YAML; every model rejects unknown keys, so a typo fails loudly on load with
the file and the entry id (see `loader`). Dates are ISO dates; ``effective_to`` is inclusive
and ``None`` means "still in force".
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.models import PROFILES, Profile

Authority = Literal["cpt", "cms", "mac", "professional", "secondary", "vendor"]
# Higher number = higher authority; used to settle conflicts between sources.
AUTHORITY_RANK: dict[str, int] = {
    "cpt": 6,
    "cms": 5,
    "mac": 4,
    "professional": 3,
    "secondary": 2,
    "vendor": 1,
}
Confidence = Literal["high", "medium", "low"]
PayerType = Literal["medicare", "medicare_advantage", "commercial", "medicaid", "other"]
PAYER_TYPES: tuple[str, ...] = ("medicare", "medicare_advantage", "commercial", "medicaid", "other")
# Claim adjustment group codes (X12): contractual, patient responsibility, other, payer-initiated, correction.
DENIAL_GROUPS: tuple[str, ...] = ("CO", "PR", "OA", "PI", "CR")
CheckStatusName = Literal["met", "missing", "problem", "not_applicable", "unclear"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Window(Strict):
    effective_from: date | None = None
    effective_to: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if self.effective_from and self.effective_to and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self

    def in_force(self, on: date | None) -> bool:
        if on is None:
            return True
        if self.effective_from and on < self.effective_from:
            return False
        return not (self.effective_to and on > self.effective_to)


class Source(Window):
    """A document a rule rests on. CPT text is paraphrased; only short key phrases are quoted."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str
    publisher: str
    url: str
    authority: Authority
    confidence: Confidence
    summary: str = Field(description="What this source says that matters here, in our words.")
    passages: list[str] = Field(default_factory=list, description="Paraphrased points for retrieval.")
    codes: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    verified: bool = Field(default=True, description="False when only secondary summaries were read.")


class RuleConflict(Strict):
    """A lower-authority claim the rule does not follow, shown to users rather than dropped."""

    claim: str
    claimed_by: str  # source id
    followed: str  # what the rule does instead
    followed_sources: list[str]
    # the check statuses the claim speaks to: a report shows the conflict only then ("PT/OT only" is about a clinician
    # the rule does not accept, not about a note that names no clinician at all)
    shown_when: list[Literal["missing", "problem", "unclear"]] = ["missing", "problem", "unclear"]


FailingStatus = Literal["missing", "problem"]


class Finding(Strict):
    """One kind of problem a check can report beside others (a line's therapy modifier, 59 with an X
    modifier): its own fix, and its own severity where it differs from the rule's."""

    severity: Literal["block", "warn", "info"] | None = Field(
        default=None, description="The same under every payer profile; none: the rule's severity for the profile."
    )
    fix: str = Field(min_length=1)


class Rule(Window):
    """One check of spec/checks.md: severity per payer profile, sources, messages and fixes.

    ``messages`` and ``fixes`` are keyed by status; they may use ``{placeholders}`` that the
    check engine fills (for example ``{minutes}``, ``{minimum}``).
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    order: int = Field(ge=1, description="Position of the check in every report (spec/checks.md order).")
    label: str = Field(description="Short name shown in reports and the sidebar.")
    shows: str = Field(description="What a met check shows, in letter language ('the patient's consent to ...').")
    keywords: list[str] = Field(default_factory=list, description="Words by which an argument point refers to it.")
    gap: str = Field(default="", description="Placeholder wording when the element is missing (no digits).")
    rewrite_section: str = Field(default="", description="Heading of the rewritten-note section its evidence goes to.")
    statuses: list[CheckStatusName] = Field(min_length=1, description="Statuses this check can take.")
    blocks_claim_when: list[CheckStatusName] = Field(
        default_factory=list, description="Statuses meaning the service cannot be billed as CTS, whatever the payer."
    )
    correctable: bool = Field(default=False, description="A failure is a claim error fixed by correcting the claim.")
    training_only: bool = Field(
        default=False,
        description="A requirement of caregiver training itself (the need for it, the caregiver, their consent): a "
        "session the patient took part in, billed with a patient-present code instead, does not need it.",
    )
    settled_by_lines: list[CheckStatusName] = Field(
        default_factory=list,
        description="Statuses the supported billing lines already resolve (a stated total that disagrees with the "
        "clock: the lines use the lower figure); they weaken the record but do not decide an appeal.",
    )
    params: dict[str, date | int | float | str] = Field(
        default_factory=dict, description="Dated or numeric parameters."
    )
    rationale: str
    severity: dict[str, Literal["block", "warn", "info"]]
    sources: list[str] = Field(min_length=1)
    messages: dict[Literal["met", "missing", "problem", "not_applicable", "unclear"], str]
    fixes: dict[Literal["missing", "problem", "unclear"], str] = Field(default_factory=dict)
    conflicts: list[RuleConflict] = Field(default_factory=list)
    findings: dict[str, Finding] = Field(
        default_factory=dict,
        description="Problems a check names by id: the report joins their fixes and takes the gravest severity.",
    )
    codes: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    denial_advice: dict[FailingStatus, str] = Field(
        default_factory=dict, description="By status: what a biller should know when this check decides a denial."
    )

    @model_validator(mode="after")
    def _known(self) -> Rule:
        if "met" not in self.statuses or not set(self.blocks_claim_when) | set(self.settled_by_lines) <= set(
            self.statuses
        ):
            raise ValueError("statuses must include met and every status in blocks_claim_when and settled_by_lines")
        if not set(self.denial_advice) <= set(self.statuses):
            raise ValueError("denial_advice is only for statuses this check can take")
        if any(ch.isdigit() for ch in self.gap):
            raise ValueError("gap wording carries no digits: a placeholder states no fact")
        missing = set(PROFILES) - set(self.severity)
        if missing:
            raise ValueError(f"severity missing for profile(s): {sorted(missing)}")
        if set(self.severity) - set(PROFILES):
            raise ValueError(f"unknown profile(s) in severity: {sorted(set(self.severity) - set(PROFILES))}")
        return self


class DatedText(Window):
    text: str


class CodeInfo(Window):
    """A billing code the product knows: paraphrased descriptor and how it is billed."""

    code: str
    family: Literal["cts", "direct_care", "behavior", "patient_present", "related"]
    kind: Literal["primary", "addon", "group", "other"]
    timed: bool
    minutes: int | None = None  # nominal minutes of one unit (30 for 97550, 15 for add-ons)
    primary: str | None = None  # the primary code an add-on must accompany
    short_descriptor: str  # CMS short descriptor (public), as it reads now
    previous_descriptors: list[DatedText] = Field(default_factory=list, description="Earlier short descriptors.")
    paraphrase: str  # our paraphrase of the CPT/HCPCS descriptor
    sources: list[str] = Field(min_length=1)
    disciplines: list[Literal["PT", "OT", "SLP"]] = Field(
        default_factory=list, description="The therapy disciplines that bill the code (patient-present codes)."
    )

    def descriptor_on(self, on: date | None) -> str:
        """The CMS short descriptor in force on a date (the current one without a date)."""
        return next((d.text for d in self.previous_descriptors if on is not None and d.in_force(on)),
                    self.short_descriptor)


class Modifier(Strict):
    """A claim-line modifier the checks interpret (others are accepted and kept as written)."""

    code: str = Field(pattern=r"^[A-Z0-9]{2}$")
    kind: Literal["therapy", "assistant", "threshold", "distinct", "telehealth", "liability", "other"]
    discipline: Literal["PT", "OT", "SLP"] | None = None
    meaning: str
    never_with: list[str] = Field(
        default_factory=list, description="Modifiers that must never be on the same line as this one."
    )
    dropped: str = Field(
        default="", description="Why the lines the documentation supports do not carry it when it was billed."
    )
    sources: list[str] = Field(min_length=1)


class ConversionFactor(Window):
    id: str
    amount: float = Field(gt=0)
    variant: Literal["standard", "non_qp", "qp"] = "standard"
    sources: list[str] = Field(min_length=1)


class RVU(Window):
    code: str
    release: str  # e.g. "RVU25D"
    work: float
    pe_nonfacility: float
    pe_facility: float
    mp: float
    total_nonfacility: float
    total_facility: float
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _totals(self) -> RVU:
        for total, pe, label in (
            (self.total_nonfacility, self.pe_nonfacility, "non-facility"),
            (self.total_facility, self.pe_facility, "facility"),
        ):
            if abs(self.work + pe + self.mp - total) > 0.015:
                raise ValueError(f"{self.code} {self.release}: {label} total {total} != work+pe+mp")
        return self


class Threshold(Window):
    id: str
    amount: float
    applies_to: str
    counts: str = Field(default="", description="The caregiver-training codes whose therapy lines count toward it "
                                                "(facts §11: G0541-G0543 as well as 97550-97552).")
    sources: list[str] = Field(min_length=1)
    confidence: Confidence


class TelehealthPeriod(Window):
    id: str
    status: Literal["not_listed", "provisional", "permanent"]
    sources: list[str] = Field(min_length=1)
    note: str = ""
    codes: list[str] = Field(default_factory=list, description="Caregiver-training codes on the list in this period.")


class Sequestration(Window):
    """The mandatory reduction of Medicare's payment (CARC 253)."""

    id: str
    rate: float = Field(ge=0, lt=1)
    sources: list[str] = Field(min_length=1)


class WaiverLapse(Window):
    """Days the waiver had expired before Congress restored it retroactively: inside the window all the same."""

    restored: str = Field(description="How and when it was restored, in words.")


class WaiverWindow(Window):
    """A period in which PT/OT/SLP may furnish Medicare telehealth (statutory waiver)."""

    id: str
    sources: list[str] = Field(min_length=1)
    note: str = ""
    lapses: list[WaiverLapse] = Field(default_factory=list)

    def lapse_on(self, on: date | None) -> WaiverLapse | None:
        """The retroactively restored lapse `on` falls in, if any (a payer may still read it as expired)."""
        return next((lapse for lapse in self.lapses if on is not None and lapse.in_force(on)), None)


class FeeSchedule(Strict):
    conversion_factors: list[ConversionFactor]
    rvus: list[RVU]
    kx_thresholds: list[Threshold]
    telehealth: list[TelehealthPeriod]
    therapist_waivers: list[WaiverWindow]
    audio_only: list[WaiverWindow] = Field(default_factory=list, description="When audio-only telehealth is payable.")
    sequestration: list[Sequestration] = Field(default_factory=list)
    assistant_payment_rate: float = Field(gt=0, le=1)
    assistant_sources: list[str] = Field(min_length=1)
    coinsurance: float = Field(gt=0, lt=1)


class DiagnosisChange(Window):
    """A date-bound validity fact the ICD-10-CM package cannot express by itself."""

    code: str
    billable: bool
    replacement: str = ""
    sources: list[str] = Field(min_length=1)


class ReasonCode(Strict):
    """A CARC or RARC code, with our short paraphrase of its meaning."""

    code: str
    kind: Literal["carc", "rarc"]
    meaning: str
    sources: list[str] = Field(min_length=1)
    #: Medicare returns the claim as unprocessable (CARC 16, RARC MA130): no appeal rights, a new claim.
    unprocessable: bool = False
    #: Another payer is responsible (coordination of benefits, a managed care plan, another contractor): the new
    #: claim goes to that payer, and the route says so rather than calling the claim unprocessable.
    another_payer: bool = False
    #: A remark that informs (appeal rights, a crossover to another insurer) and says nothing of why the line
    #: was denied (MA01, MA18): its meaning is shown, but it never selects or ranks a denial pattern.
    informational: bool = False


def _every_payer_type() -> list[PayerType]:
    return ["medicare", "medicare_advantage", "commercial", "medicaid", "other"]


class PayerStatement(Strict):
    """Another answer to a denial, opened when the payer's own words say something (read as data, never obeyed).

    A plan's coding edit that states a modifier is allowed turns a bundling appeal into a corrected claim
    with XE; the payer's acknowledgement of an earlier claim makes a plan's timely-filing denial appealable.
    """

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    words: list[str] = Field(
        default_factory=list,
        description="Phrases in the payer's text (whole words, any case); none: the payer type alone opens it.",
    )
    unless: list[str] = Field(
        default_factory=list,
        description="Phrases that close it again: the file says the opposite of what `words` suggest "
        "(\"the auth number was on the claim (box 23)\").",
    )
    payer_types: list[PayerType] = Field(default_factory=_every_payer_type)
    another_service: bool = Field(
        default=False,
        description="The words say the denied line is another service than the paid one it was matched to (a "
        "separate session): tried before the earlier claim's payment closes the case.",
    )
    remedy: Literal["appeal", "corrected_claim", "no_appeal"]
    remedy_reason: str = Field(min_length=1)
    add_modifiers: list[str] = Field(
        default_factory=list, description="Modifiers every corrected caregiver-training line carries (XE)."
    )
    requires_met: list[str] = Field(
        default_factory=list, description="Check ids that must be met for this answer (distinct_time for XE)."
    )
    sources: list[str] = Field(default_factory=list)


class PayerPoint(Strict):
    """A reason the payer states in words, answered in its own terms whatever the denial's codes (read as data).

    "Limited to one session per beneficiary" is answered by the frequency rule whether it comes as CO-151 or
    CO-50; the answer names the issue as the payer did, and quotes the note's sentences that bear on it.
    """

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    words: list[str] = Field(min_length=1, description="Phrases in the payer's text (whole words, any case).")
    unless: list[str] = Field(
        default_factory=list, description="Phrases that show the payer means something else (whole words, any case)."
    )
    answer: str = Field(min_length=1, description="The rule that answers the point, naming the issue.")
    requires_met: list[str] = Field(
        default_factory=list, description="Check ids that must be met: the note has to bear the answer out."
    )
    note_words: list[str] = Field(
        default_factory=list, description="Phrases of a note sentence that supports the answer: it is quoted."
    )
    quote_checks: list[str] = Field(
        default_factory=list,
        description="Check ids whose supporting note sentence is quoted with the answer (where the patient was), "
        "when no `note_words` sentence is.",
    )
    sources: list[str] = Field(min_length=1)


class DenialPattern(Strict):
    """What a CARC/RARC denial of a CTS line usually means and how to answer it."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    carcs: list[str] = Field(default_factory=list)
    rarcs: list[str] = Field(default_factory=list)
    edit_modifier: str = Field(
        default="",
        description="The distinct-service modifier a payer's same-day edit answers (XE): a bundling denial shows the "
        "edit applies, so lines without it are corrected with it and lines that carry one are appealed.",
    )
    record_words: list[str] = Field(
        default_factory=list,
        description="Phrases by which the note records what the denial says is missing (an authorization and its "
        "number): the appeal quotes the first sentence that holds one, after `record_said` (whole words, any case).",
    )
    record_unless: list[str] = Field(
        default_factory=list, description="Phrases that make a sentence no such record (\"authorization pending\")."
    )
    record_said: str = Field(default="", description="The words that introduce that quote in the appeal's reasons.")
    edit_note_words: list[str] = Field(
        default_factory=list,
        description="Phrases by which the note itself records a separate encounter (\"separate encounter\"): only "
        "then is the edit answered by adding `edit_modifier` (whole words, any case).",
    )
    edit_payer_types: list[PayerType] = Field(
        default_factory=list,
        description="Payer types whose bundling denial is a published edit (a MAC applies NCCI) that `edit_modifier` "
        "answers by a correction; other payers' own edits are argued on the record.",
    )
    rejections: list[str] = Field(
        default_factory=list,
        description="277CA claim status categories (A7 …) this pattern answers: a front-end rejection, not a denial.",
    )
    situation: str
    argument: list[str] = Field(min_length=1, description="Points of the appeal argument, in order.")
    evidence_checks: list[str] = Field(description="Check ids whose `met` status supports the appeal.")
    blocking_checks: list[str] = Field(
        default_factory=list,
        description="Check ids whose failure means the note does not support the service as billed.",
    )
    corrected_claim_when: list[str] = Field(
        default_factory=list, description="Check ids whose failure is a claim error fixed by a corrected claim."
    )
    required_sections: list[str] = Field(min_length=1)
    attachments: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    codes: list[str] = Field(default_factory=list)
    rarc_led: bool = Field(
        default=False,
        description="Answers only a denial that carries one of its RARCs (CO-97 with N70: a bundle of another "
        "provider's, where CO-97 alone is a same-day edit).",
    )
    alone: bool = Field(
        default=False, description="Answers a denial only when it carries no other CARC (adjustments: CO-45, CO-253)."
    )
    remedy: Literal["appeal", "corrected_claim", "no_appeal"] = Field(
        default="appeal",
        description="The usual answer when the note supports the service: appeal it, correct the claim, or neither.",
    )
    remedy_reason: str = Field(default="", description="Why this remedy, in the biller's words (shown with the route).")
    records_decide: bool = Field(
        default=False,
        description="The payer's own records decide the denial, not the claim's lines (an authorization the plan "
        "holds but did not match): when the answer is an appeal, what the claim's lines or codes get wrong is noted "
        "beside it and never turns it into a corrected claim, which would deny again for the same reason.",
    )
    check_first: str = Field(
        default="", description="What the biller verifies before filing this pattern's answer (the rendering "
        "provider's enrolment on the date of service, for CO-170/CO-B7), shown as the first action of a filing.",
    )
    add_modifiers: list[str] = Field(
        default_factory=list, description="Modifiers the corrected therapy lines carry (KX for PR-119)."
    )
    arguments_when: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Points argued only for a payer type (medicare_advantage), when the denial has a code (N115) "
        "or a group and code (PR-50: the patient is liable, usually under an ABN).",
    )
    payer_finds_present: list[str] = Field(
        default_factory=list,
        description="Phrases by which the payer states it read the patient as present (whole words, any case): with a "
        "note silent on presence, that reading stands and the session goes to a patient-present code.",
    )
    payer_finds_present_unless: list[str] = Field(
        default_factory=list, description="Phrases that make the payer's words a question, not a finding (whether).",
    )
    when_payer_says: list[PayerStatement] = Field(
        default_factory=list, description="Other answers the payer's own words open, tried in order."
    )
    decided_in_words: list[str] = Field(
        default_factory=list,
        description="Phrases by which a written decision that names no code (a redetermination notice) gives this "
        "pattern's reason (whole words, any case); the one the decision states first is taken.",
    )
    earlier_claim_words: list[str] = Field(
        default_factory=list,
        description="Phrases by which the payer's notice names the earlier claim's number (\"original claim ICN\"): "
        "the answer names that claim, the one to correct.",
    )
    earlier_claim_paid: str = Field(
        default="",
        description="Why nothing is filed when the payer's notice says the earlier claim it names was paid.",
    )
    primary_paid_elsewhere: str = Field(
        default="",
        description="What to do when the file shows the denied add-on's primary paid on another claim for the same "
        "date (a visit split over two claims).",
    )
    effective_date_words: list[str] = Field(
        default_factory=list,
        description="Phrases after which the payer's words state the rendering provider's enrolment or credentialing "
        "effective date (\"effective date of\"): compared with the date of service.",
    )
    effective_context_words: list[str] = Field(
        default_factory=list,
        description="Words one of which the sentence of an effective date must hold for it to be the provider's "
        "(\"reassignment\", \"network\"): a policy's or a waiver's effective date is not an enrolment's.",
    )
    effective_after_service: str = Field(
        default="",
        description="Why nothing is filed when every effective date the file states falls after the date of service.",
    )
    stay_ended_words: list[str] = Field(
        default_factory=list,
        description="Phrases after which the note or the file states the end of the other provider's stay or period "
        "(\"discharged home from ... on\"): compared with the date of service.",
    )
    stay_ended_context_words: list[str] = Field(
        default_factory=list,
        description="Words one of which the sentence of an end date must hold (\"care center\", \"SNF\"): a "
        "hospital discharge that began a home health period ended no bundle.",
    )
    stay_ended_before_service: str = Field(
        default="",
        description="Why the denial is appealed when every end date the note or the file states falls before the "
        "date of service: the payer's dates of the stay are wrong.",
    )
    keyed_number_words: list[str] = Field(
        default_factory=list,
        description="Phrases after which the file states the number of a document the claim must carry (\"auth\"): "
        "two such numbers with the same characters in another order mean the claim carried the right one mis-keyed.",
    )
    keyed_number_wrong: str = Field(
        default="",
        description="What to do when the claim carried a mis-keyed copy of the document's number (a corrected claim).",
    )
    responsible_payer_words: list[str] = Field(
        default_factory=list,
        description="Phrases by which the payer's words name the payer responsible (\"Medicare Advantage\", \"primary "
        "payer\"), in order of preference (whole words, any case): the answer quotes that sentence, so the biller "
        "knows whom to bill.",
    )

    @model_validator(mode="after")
    def _argument_keys(self) -> DenialPattern:
        if not self.carcs and not self.rejections:
            raise ValueError("a pattern answers at least one CARC or one 277CA rejection category")
        grouped = {f"{group}-{carc}" for group in DENIAL_GROUPS for carc in self.carcs}
        unknown_keys = set(self.arguments_when) - set(PAYER_TYPES) - set(self.carcs) - set(self.rarcs) - grouped
        if unknown_keys:
            raise ValueError(f"arguments_when: not a payer type or a code of this pattern: {sorted(unknown_keys)}")
        return self

    def check_refs(self) -> list[str]:
        """Every check id the pattern names (the loader verifies them against the rules)."""
        said = [cid for st in self.when_payer_says for cid in st.requires_met]
        return [*self.evidence_checks, *self.blocking_checks, *self.corrected_claim_when, *said]


class Faq(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    question: str
    answer: str
    sources: list[str] = Field(min_length=1)
    codes: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    effective_from: date | None = None
    effective_to: date | None = None


class LateFiling(Strict):
    """What is still open once a route's filing limit has passed (domain facts §11: reopenings, good cause)."""

    text: str = Field(description="What to do instead, in the biller's words; `{until}` is the window's end.")
    window_months: int | None = Field(default=None, gt=0, description="A further window counted from the notice date.")
    after_window: str = Field(default="", description="What is left once that window has passed too.")
    good_cause_only: bool = Field(
        default=False, description="The further window opens only for good cause (a reopening after 1 year)."
    )
    sources: list[str] = Field(default_factory=list)


class AppealRoute(Strict):
    """One way to contest or correct a denial, with how its filing limit is counted."""

    id: str
    title: str
    payer_types: list[PayerType] = Field(min_length=1)
    level: int | None = None  # appeal level (1-5); None for reopenings and new claims
    decided_by: str
    decision_days: int | None = Field(default=None, gt=0, description="Days to decide from receipt.")
    filing_days: int | None = Field(default=None, gt=0)
    filing_months: int | None = Field(default=None, gt=0)
    # forwarded: nothing is filed by the provider (an upheld MA plan reconsideration goes to the IRE on its own)
    counts_from: Literal["receipt", "notice", "service", "payer", "forwarded"]
    payer_deadline_for: list[PayerType] = Field(
        default_factory=list,
        description="Payer types whose own limit, entered on the claim (payer_deadline), replaces the count above.",
    )
    form: str = ""
    sources: list[str] = Field(default_factory=list)
    use_when: str = Field(default="", description="When this route is the right one, in the biller's words.")
    limit_note: str = Field(default="", description="An exception to the filing limit, in a few words.")
    use_when_unprocessable: str = Field(
        default="", description="Why, when a Medicare claim came back unprocessable (no appeal rights)."
    )
    use_when_another_payer: str = Field(
        default="", description="Why, when the denial says another payer is responsible for the claim."
    )
    when_late: LateFiling | None = Field(default=None, description="The alternative once the limit has passed.")
    recipient: str = Field(
        default="", description="Who the request is addressed to when not the claim's payer (QIC, OMHA ...)."
    )
    recipient_address: str = Field(
        default="", description="Placeholder label for that recipient's address, where the biller finds it."
    )
    notice_appealed: str = Field(
        default="denial notice", description="The notice whose decision this request contests, in words."
    )
    filed_with: list[str] = Field(
        default_factory=list,
        description="Words naming the contractor that decides this level (\"mac\", a MAC's name): a request sent to it "
                    "is this level, whatever the question calls it.",
    )

    @model_validator(mode="after")
    def _one_limit(self) -> AppealRoute:
        not_exactly_one = (self.filing_days is None) == (self.filing_months is None)
        if self.counts_from not in ("payer", "forwarded") and not_exactly_one:
            raise ValueError("give exactly one of filing_days or filing_months")
        return self


class AmountInControversy(Window):
    route: str
    amount: float = Field(gt=0)
    sources: list[str] = Field(min_length=1)


class PayerHint(Strict):
    """Words in a payer's name (or the remittance text) that tell its type, tried in file order."""

    payer_type: PayerType
    words: list[str] = Field(min_length=1)


class TimeRuleHint(Strict):
    """A payer's written time rule, told by its words: a plan that pays only full units (30, then 15 more each)."""

    profile: Profile
    payer_types: list[PayerType] = Field(min_length=1)
    words: list[str] = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)


class LateEntryRule(Strict):
    """Entries written after the fact that are not documentation of the service for an appeal (facts §11)."""

    headers: list[str] = Field(min_length=1, description="Words that open an entry written later (\"Addendum\").")
    payment_purpose: list[str] = Field(
        default_factory=list, description="Words that say the entry was made for payment, not for care."
    )
    payer_refused: list[str] = Field(
        default_factory=list,
        description="Words in which the payer's review, naming a late entry by its header, says it set the entry "
        "aside (\"created after the initial review and cannot be considered\").",
    )
    sources: list[str] = Field(min_length=1)


class RecoupmentRule(Strict):
    """A Medicare overpayment demand: a redetermination received within `days` stops recoupment (42 CFR 405.379)."""

    words: list[str] = Field(min_length=1, description="Words that make the notice an overpayment demand.")
    days: int = Field(gt=0, description="Days from the demand letter within which a request stops recoupment.")
    sources: list[str] = Field(min_length=1)


class GoodCauseRule(Strict):
    """How the file's own words show good cause for a request filed after its limit (facts §11; 42 CFR 405.942)."""

    words: list[str] = Field(
        min_length=1, description="Circumstances outside the practice's control that a reviewer accepts (a disaster, "
        "records destroyed, a notice never received)."
    )
    not_good_cause: list[str] = Field(
        default_factory=list,
        description="The practice's own matters that are no good cause (an office move, staff turnover, an EHR error).",
    )
    sources: list[str] = Field(min_length=1)


class AppealRules(Strict):
    presumed_receipt_days: int = Field(ge=0)
    presumed_receipt_sources: list[str] = Field(min_length=1)
    routes: list[AppealRoute]
    amount_in_controversy: list[AmountInControversy]
    payer_hints: list[PayerHint] = Field(default_factory=list)
    line_denial_stands_for: list[PayerType] = Field(
        default_factory=list,
        description="Payer types whose denial of a line the note does not support at all is final as it stands "
        "(nothing to correct); other payers take a replacement claim without the line.",
    )
    line_denial_sources: list[str] = Field(default_factory=list)
    time_rule_hints: list[TimeRuleHint] = Field(
        default_factory=list, description="Payer words that set the time rule the note is checked by."
    )
    late_entries: LateEntryRule | None = None
    good_cause: GoodCauseRule | None = None
    recoupment: RecoupmentRule | None = None
    independent_review_words: list[str] = Field(
        default_factory=list,
        description="Words naming the Medicare Advantage Independent Review Entity: its reconsideration decided, the "
        "next level is an ALJ hearing (42 CFR 422.600).",
    )
    independent_review_unless: list[str] = Field(
        default_factory=list,
        description="Words saying the case only goes to the IRE (\"forwarded to\"): the IRE has not decided yet.",
    )
    record_review_words: list[str] = Field(
        default_factory=list,
        description="Payer words saying the denial was decided on a review of the record (a pre-payment review, an "
        "ADR): such a decision is an initial determination with appeal rights, not a claim returned unprocessed.",
    )
    reopening_words: list[str] = Field(
        default_factory=list,
        description="Payer or practice words saying a reopening was already asked for (a reopening response, a "
        "dismissed reopening request): the appeal then says the reopening did not move its deadline.",
    )
    reopening_said: str = Field(default="", description="What an appeal says when a reopening was already asked for.")
    reopening_sources: list[str] = Field(default_factory=list)
    referenced_records: list[str] = Field(
        default_factory=list,
        description="Kinds of record a note may point to for an element (\"documented in the 08/12 re-evaluation\"): "
        "an appeal encloses the record it names.",
    )

    def route(self, route_id: str) -> AppealRoute:
        for route in self.routes:
            if route.id == route_id:
                return route
        raise KeyError(route_id)
