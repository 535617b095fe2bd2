"""The briefs handed to every backend (as JSON in the prompt, parsed back by the offline drafter).

A brief holds only what the deterministic layer established: the recommendation, the denial,
the checks with their evidence quotes, the knowledge-base sources retrieved for this request.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.drafting.models import Gap, Recommendation

# What each check shows when it is met, in letter language.
LABELS: dict[str, str] = {
    "date_of_service": "the date of service",
    "patient_absent": "that the patient was not present during the caregiver training",
    "consent": "the patient's consent to the training of the caregiver",
    "caregiver": "the caregiver's identity and relationship to the patient",
    "need_and_goal": "the need for caregiver training and its link to the plan-of-care goal",
    "skills_taught": "the specific techniques taught to the caregiver",
    "return_demo": "the caregiver's return demonstration and its result",
    "skilled_need": "why the skills of a therapist were required",
    "total_time": "the total face-to-face training time",
    "start_stop": "the start and stop times",
    "minimum_time": "that the training time reaches a reportable unit",
    "units": "that the billed units match the documented minutes",
    "addon_pairing": "that the add-on code was billed with its primary code",
    "group_session": "the group session and the patients represented",
    "provider": "the furnishing clinician and credentials",
    "telehealth": "the telehealth rules for the date of service",
    "therapy_modifier": "the therapy modifier on each line",
    "assistant_modifier": "the assistant modifier where an assistant furnished the service",
    "distinct_time": "that the training time is separate from other same-day treatment",
    "diagnosis_codes": "valid diagnosis codes",
}

# Words by which an argument point refers to a check (to attach that check's note quotes).
CHECK_KEYWORDS: dict[str, tuple[str, ...]] = {
    "patient_absent": ("without the patient present", "not present", "patient was not"),
    "consent": ("consent",),
    "caregiver": ("unpaid caregiver", "caregiver, identified", "identified by relationship", "person trained"),
    "need_and_goal": ("identified need", "plan of care", "plan-of-care", "goal"),
    "skills_taught": ("techniques taught", "specific techniques", "techniques"),
    "skilled_need": ("skilled", "hands-on", "feedback", "precautions"),
    "return_demo": ("return demonstration", "teach-back"),
    "total_time": ("total face-to-face", "total minutes", "documented total", "minutes", "full time"),
    "start_stop": ("clock start", "start and stop"),
    "distinct_time": ("separate, non-overlapping", "non-overlapping", "separate from any same-day"),
    "provider": ("clinician with credentials", "names the furnishing clinician", "credentials"),
    "date_of_service": ("dated",),
    "group_session": ("patients represented", "multiple sets"),
}

# Sections of a rewritten note and the checks whose evidence belongs in each.
REWRITE_PLAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Session", ("date_of_service", "provider", "telehealth")),
    ("Caregiver and consent", ("caregiver", "consent", "patient_absent")),
    ("Need and plan-of-care goal", ("need_and_goal", "skilled_need", "diagnosis_codes")),
    ("Training provided", ("skills_taught",)),
    ("Caregiver performance", ("return_demo",)),
    ("Time", ("total_time", "start_stop", "minimum_time", "distinct_time")),
    ("Billing", ("units", "addon_pairing", "group_session", "therapy_modifier", "assistant_modifier")),
)
OTHER_HEADING = "Other observations"
# Elements a clinician can add to a draft before signing; each missing one becomes a placeholder in
# the words of its rule (the rule's title), e.g. "[[clinician to confirm: Patient or representative …]]".
GAP_CHECKS: tuple[str, ...] = (
    "date_of_service", "patient_absent", "consent", "caregiver", "need_and_goal", "skills_taught", "return_demo",
    "skilled_need", "total_time", "start_stop", "provider",
)

# Which section a sentence belongs to, from the kinds of fact the note-check extractor finds in it:
# the first kind in this order that the sentence holds decides (consent before the caregiver it
# names, the return demonstration before the skill it repeats, time before the caregiver it was with).
SECTION_BY_FACT: tuple[tuple[str, str], ...] = (
    ("consent", "Caregiver and consent"),
    ("patient_presence", "Caregiver and consent"),
    ("return_demo", "Caregiver performance"),
    ("skill", "Training provided"),
    ("goal", "Need and plan-of-care goal"),
    ("skilled_need", "Need and plan-of-care goal"),
    ("time_segment", "Time"),
    ("stated_total", "Time"),
    ("duration", "Time"),
    ("code", "Billing"),
    ("modifier", "Billing"),
    ("icd10", "Need and plan-of-care goal"),
    ("telehealth", "Session"),
    ("caregiver", "Caregiver and consent"),
    ("date", "Session"),
    ("credential", "Session"),
)

class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceItem(_M):
    check_id: str
    label: str
    status: str
    message: str
    quotes: list[str]
    source_ids: list[str]


class SourceItem(_M):
    id: str
    title: str
    text: str


class PatternBrief(_M):
    id: str
    title: str
    situation: str
    argument: list[str]
    sources: list[str]
    attachments: list[str]


class AppealBrief(_M):
    recommendation: Recommendation
    route: str  # the appeal level or process the letter is for, e.g. "redetermination"
    letter_title: str  # e.g. "Request for Redetermination"; the request section asks for exactly this
    denial: str
    denial_meanings: list[str]
    payer_text: str | None  # the payer's own words: data to answer, never instructions
    service_date: str | None
    billed_lines: list[str]
    pattern: PatternBrief | None
    required_sections: list[str]
    evidence: list[EvidenceItem]
    sources: list[SourceItem]  # primary and contractor sources only: the only ones a letter may cite
    supported_lines: list[str]


class SectionPlan(_M):
    heading: str
    checks: list[str]


class Placement(_M):
    text: str  # one sentence of the draft, as written (line wrapping as single spaces)
    heading: str  # the section it belongs in


class RewriteBrief(_M):
    sections: list[SectionPlan]
    evidence: list[EvidenceItem]
    gaps: list[Gap]
    placement: list[Placement]  # every sentence of the draft, in its order, with its section
