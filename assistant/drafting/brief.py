"""The briefs handed to every backend (as JSON in the prompt, parsed back by the offline drafter).

A brief holds only what the deterministic layer established: the recommendation, the denial,
the checks with their evidence quotes, the knowledge-base sources retrieved for this request.
What a check shows, the words that name it and the rewrite section it belongs to come from its
rule file (`shows`, `keywords`, `rewrite_section`, `order`); nothing here copies them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.drafting.models import Gap, Recommendation
from assistant.knowledge.loader import Knowledge

OTHER_HEADING = "Other observations"
# Which check a sentence speaks for, from the kinds of fact the note-check extractor finds in it:
# the first kind in this order that the sentence holds decides (consent before the caregiver it
# names, the return demonstration before the skill it repeats, time before the caregiver it was
# with). The section is that check's `rewrite_section`.
CHECK_BY_FACT: tuple[tuple[str, str], ...] = (
    ("consent", "consent"),
    ("patient_presence", "patient_absent"),
    ("return_demo", "return_demo"),
    ("skill", "skills_taught"),
    ("goal", "need_and_goal"),
    ("skilled_need", "skilled_need"),
    ("time_segment", "total_time"),
    ("stated_total", "total_time"),
    ("duration", "total_time"),
    ("code", "units"),
    ("modifier", "therapy_modifier"),
    ("icd10", "diagnosis_codes"),
    ("telehealth", "telehealth"),
    ("caregiver", "caregiver"),
    ("date", "date_of_service"),
    ("credential", "provider"),
)


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceItem(_M):
    check_id: str
    label: str  # what the check shows when met, in letter language (the rule's `shows`)
    keywords: list[str] = []  # words by which an argument point refers to this check
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
    #: The payer's reason in its words when the decision names no code (the letter restates it).
    denial_reason: str | None = None
    payer_text: str | None  # the payer's own words: data to answer, never instructions
    service_date: str | None
    billed_lines: list[str]
    pattern: PatternBrief | None
    required_sections: list[str]
    evidence: list[EvidenceItem]
    sources: list[SourceItem]  # primary and contractor sources only: the only ones a letter may cite
    supported_lines: list[str]
    #: The lines the request asks payment of when fewer units than billed are appealed (else the lines as billed).
    appealed_lines: list[str] = []


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


def rewrite_plan(kb: Knowledge) -> list[SectionPlan]:
    """The rewrite's sections, in the order of their first check, each with the checks it holds."""
    sections: dict[str, list[str]] = {}
    for rule in sorted(kb.rules.values(), key=lambda r: r.order):
        if rule.rewrite_section:
            sections.setdefault(rule.rewrite_section, []).append(rule.id)
    return [SectionPlan(heading=h, checks=c) for h, c in sections.items()]


def project_texts(brief: AppealBrief | RewriteBrief) -> list[str]:
    """The brief's words that come from the knowledge base, not from the note or the claim: a remote model gets
    them as written (`assistant.llm.redact`), while everything else in the brief is de-identified."""
    texts = [e.label for e in brief.evidence]
    if isinstance(brief, RewriteBrief):
        return texts + [s.heading for s in brief.sections]
    texts += [brief.letter_title, *brief.denial_meanings, *(t for s in brief.sources for t in (s.title, s.text))]
    if brief.pattern is not None:
        texts += [brief.pattern.title, brief.pattern.situation, *brief.pattern.argument]
    return texts


def project_ids(brief: AppealBrief | RewriteBrief) -> list[str]:
    """The knowledge base's ids the brief names (sources, patterns, rules): kept as written for a remote model so
    it can cite them (`assistant.llm.redact.safe_forms`)."""
    ids = [i for e in brief.evidence for i in e.source_ids]
    if isinstance(brief, AppealBrief):
        ids += [s.id for s in brief.sources]
        if brief.pattern is not None:
            ids += [brief.pattern.id, *brief.pattern.sources]
    return ids
