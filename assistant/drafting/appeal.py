"""Appeal use case: denial + note (+ claim) → recommendation, route, deadline, reasons, actions and a letter.

The recommendation is code (`recommend.decide`) over the note check, the denial pattern and the
claim; the route (`route.choose_route`) and its deadline (`deadlines.deadline_for`) follow from
the payer type. A backend only writes the letter body, through the grounding gate (`pipeline`);
code writes everything around it (`letter`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from assistant.drafting.actions import (
    LATE_ENTRY_SOURCES,
    added_modifiers,
    appeal_actions,
    assistant_credential,
    correction_actions,
    no_appeal_actions,
    recode_text,
)
from assistant.drafting.brief import AppealBrief, PatternBrief, project_ids, project_texts
from assistant.drafting.case import Case, build_case
from assistant.drafting.claim_fields import without_instructions
from assistant.drafting.claims import Claim, amount_warnings, date_warnings, parse_claim
from assistant.drafting.context import Retrieved, note_text
from assistant.drafting.denial import code_meanings, reason_in_words
from assistant.drafting.deps import DraftingDeps
from assistant.drafting.duplicate import reopen_action
from assistant.drafting.evidence import evidence_items
from assistant.drafting.gate import AppealContext, check_letter, mask_injections, quote_in_note
from assistant.drafting.letter import GOOD_CAUSE_SOURCES, LetterFacts, build_letter, identifiers, placeholder, us_date
from assistant.drafting.lines import lines_text, requested_lines
from assistant.drafting.models import AppealResult, Denial, Letter, LetterDraft, Reason
from assistant.drafting.offline import OfflineDrafter
from assistant.drafting.offline_letter import closest_source, source_words
from assistant.drafting.pipeline import generate_grounded
from assistant.drafting.remedy import payer_points
from assistant.drafting.same_patient import same_patient
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import PayerPoint
from assistant.models import BilledLine

DEFAULT_SECTIONS = ("denial_summary", "service_description", "documentation_support", "request")
DEFAULT_EVIDENCE = (
    "patient_absent",
    "consent",
    "caregiver",
    "need_and_goal",
    "skills_taught",
    "return_demo",
    "total_time",
)
DEFAULT_ATTACHMENTS = (
    "The treating clinician's note for the date of service",
    "The plan of care with the caregiver-training goal",
)


def _actions(deps: DraftingDeps, case: Case) -> list[str]:
    kb, d = deps.knowledge, case.decision
    if case.route is None:
        return no_appeal_actions(d)
    why = f"Why this route: {case.route_reason}"
    first = [case.pattern.check_first] if case.pattern is not None and case.pattern.check_first else []
    return [*first, *_filing_actions(kb, case, why)]


def _filing_actions(kb: Knowledge, case: Case, why: str) -> list[str]:
    d = case.decision
    if d.recommendation == "corrected_claim":
        mods = added_modifiers(
            kb, case.claim.billed_lines(), d.corrected_lines, assistant_credential(case.report), case.service_date
        )
        # no corrected line computed: the patient took part, so the session is re-coded (in words)
        recode = "" if d.corrected_lines else recode_text(kb, case.claim.billed_lines())
        fix = correction_actions(
            kb, case.route, case.deadline, d.corrected_lines, d.corrected_diagnoses, case.payer_type, mods, recode,
            case.another_payer,
        )
        first = [reopen_action(case.original_claim or None)] if case.original_claim is not None else []
        return [*first, *fix, why]
    if d.appealed_lines:
        return [*appeal_actions(kb, case.route, case.deadline, d, d.appealed_lines, d.dropped_lines), why]
    return [*appeal_actions(kb, case.route, case.deadline, d, _requested(kb, case)), why]


def _requested(kb: Knowledge, case: Case) -> list[BilledLine]:
    """The claim's lines the request is for: its denied caregiver-training lines (`requested_lines`)."""
    denied = frozenset(ln.code for ln in case.claim.lines if ln.denied)
    return requested_lines(kb, case.claim.billed_lines(), denied)


def _retrieved(deps: DraftingDeps, case: Case) -> Retrieved:
    kb, pattern = deps.knowledge, case.pattern
    retrieved = Retrieved(kb, case.payer_type)
    retrieved.add(pattern.sources if pattern else [])
    for ref in [*case.denial.carcs, *case.denial.rarcs]:
        if (rc := kb.reason_codes.get(ref.code)) is not None:
            retrieved.add(rc.sources)
    for cid in pattern.evidence_checks if pattern else DEFAULT_EVIDENCE:
        retrieved.add(kb.rules[cid].sources if cid in kb.rules else [])
    retrieved.add([s for r in case.decision.reasons for s in r.source_ids])
    retrieved.add(case.deadline.sources if case.deadline else [])
    if case.deadline is not None and case.deadline.overdue:
        retrieved.add(GOOD_CAUSE_SOURCES.get(case.deadline.route, ()))
    if case.decision.blockers:
        retrieved.add(LATE_ENTRY_SOURCES)
    if case.decision.recommendation == "appeal" and not deps.backend.deterministic and pattern is not None:
        # A model may use passages beyond the pattern's own sources; templates would not.
        retrieved.search(deps.search, f"{pattern.title}. {pattern.situation}", case.service_date)
    return retrieved


def _code_reasons(case: Case, retrieved: Retrieved) -> list[Reason]:
    """For an appeal, what the denial's own codes add (the LCD it rests on …), citing the source closest to each."""
    if case.pattern is None or case.decision.recommendation != "appeal":
        return []
    words = {sid: source_words(text) for sid, text in retrieved.texts.items()}
    return [
        Reason(text=p, source_ids=closest_source(p, [s for s in case.pattern.sources if retrieved.citable(s)], words))
        for code in _code_keys(case.denial)
        for p in case.pattern.arguments_when.get(code, [])
    ]


def _code_keys(denial: Denial) -> list[str]:
    """The denial's codes as `arguments_when` keys: each CARC alone and with its group (PR-50), then the RARCs."""
    grouped = [f"{c.group or denial.group}-{c.code}" for c in denial.carcs if c.group or denial.group]
    return [*(c.code for c in denial.carcs), *grouped, *(r.code for r in denial.rarcs)]


def _grounded_reason(reason: Reason, note: str, retrieved: Retrieved) -> Reason:
    """Reasons come from the rule pack and the check's spans; keep only verifiable quotes and sources."""
    return reason.model_copy(
        update={
            "quotes": [q for q in reason.quotes if quote_in_note(q, note)],
            "source_ids": [s for s in reason.source_ids if s in retrieved.texts],
        }
    )


def draft_appeal(
    deps: DraftingDeps,
    *,
    denial: str,
    note: str | bytes,
    claim: Claim | dict[str, Any] | None = None,
    denial_text: str | None = None,
    dos: date | None = None,
    known_names: Iterable[str] = (),
) -> AppealResult:
    text = note_text(note, max_bytes=deps.limits.max_note_bytes)
    parsed, screened = without_instructions(parse_claim(claim))
    same_patient(text, parsed.patient_name, parsed.member_id)  # another patient's note: refused, like another date's
    case = build_case(deps, text, parsed, denial, denial_text, dos)
    case.warnings[:0] = [*date_warnings(parsed, case.service_date, deps.today()), *amount_warnings(parsed), *screened]
    retrieved = _retrieved(deps, case)
    # quoted from the note as the case reads it (another patient's part blanked)
    reasons = [_grounded_reason(r, case.note, retrieved)
               for r in [*_code_reasons(case, retrieved), *case.decision.reasons]]
    attachments = list(case.pattern.attachments) if case.pattern else list(DEFAULT_ATTACHMENTS)
    letter, grounding = None, None
    if case.decision.recommendation == "appeal":
        letter, grounding = _letter(deps, case, retrieved, attachments, tuple(known_names))
        if letter is None:
            case.warnings.append("no letter passed the grounding gate; the letter is withheld")
    cited = [s for r in reasons for s in r.source_ids] + (case.deadline.sources if case.deadline else [])
    if letter is not None:
        cited += [sid for sec in letter.sections for st in sec.statements for sid in st.source_ids]
    return AppealResult(
        recommendation=case.decision.recommendation,
        reasons=reasons,
        actions=_actions(deps, case),
        route=case.route,
        route_reason=case.route_reason,
        payer_type=case.payer_type,
        corrected_lines=case.decision.corrected_lines,
        corrected_diagnoses=case.decision.corrected_diagnoses,
        deadline=case.deadline,
        denial=case.denial,
        pattern_id=case.pattern.id if case.pattern else None,
        letter=letter,
        attachments=attachments,
        sources=retrieved.citations(cited),
        grounding=grounding,
        supported_lines=list(case.report.billing.lines),
        dropped_lines=case.decision.dropped_lines,
        claim_identifiers=_claim_identifiers(deps, case) if letter is None else {},
        warnings=[*case.warnings, *_beyond_support(deps.knowledge, case)],
    )


def _beyond_support(kb: Knowledge, case: Case) -> list[str]:
    """A claim that bills more than the note supports is appealed for the supported lines only: said, so a biller
    sees that the rest is dropped, not lost (hostile13 #9: 19 of 20 lines left only in `dropped_lines`). Billed units
    are the caregiver-training lines' only, the ones the note is checked for (hostile16 #13: a claim's 97110 x2 made
    "1 of the 4 billed units" in `appeal` and "1 of the 2" in the worklist, which drafts from those lines alone)."""
    dropped = case.decision.dropped_lines
    billed = [ln for ln in case.claim.billed_lines() if ln.code in kb.training_codes]
    if not dropped or case.decision.recommendation != "appeal":
        return []
    units = sum(ln.units for ln in dropped)
    return [f"{units} of the {sum(ln.units for ln in billed)} billed units are beyond what the note supports: the "
            f"request asks payment of {lines_text(case.decision.appealed_lines) or 'the supported lines'} only, and "
            "the rest is dropped (its denial stands)"]


def _heard(kb: Knowledge, case: Case) -> list[PayerPoint]:
    """The reasons the payer states in words that the note lets the appeal answer (frequency, absence …)."""
    met = {c.id for c in case.report.checks if c.status == "met"}
    return payer_points(kb, mask_injections(case.denial.text or ""), met)


def _argument(kb: Knowledge, case: Case) -> list[str]:
    """The pattern's points, plus those argued only for this denial's codes (N115 …) or payer type (MA …), then the
    answers to the reasons the payer states in words."""
    if case.pattern is None:
        return []
    keys = [*_code_keys(case.denial), case.payer_type]
    extra = [p for key in keys for p in case.pattern.arguments_when.get(key, [])]
    said = [" ".join(point.answer.split()) for point in _heard(kb, case)]
    return list(dict.fromkeys([*case.pattern.argument, *extra, *said]))


def _brief(deps: DraftingDeps, case: Case, retrieved: Retrieved, attachments: list[str]) -> AppealBrief:
    pattern, kb = case.pattern, deps.knowledge
    # The documented time always backs the statement of what the note supports.
    evidence_ids = [*(pattern.evidence_checks if pattern else DEFAULT_EVIDENCE), "total_time"]
    citable = {
        cid: [s for s in kb.rules[cid].sources if retrieved.citable(s)] for cid in evidence_ids if cid in kb.rules
    }
    assert case.route is not None
    point_sources = [sid for point in _heard(kb, case) for sid in point.sources]
    return AppealBrief(
        recommendation="appeal",
        route=case.route,
        letter_title=kb.appeals.route(case.route).title,
        denial=case.denial.label,
        denial_meanings=code_meanings(case.denial),
        denial_reason=reason_in_words(case.denial),
        payer_text=mask_injections(case.denial.text) if case.denial.text else None,
        service_date=us_date(case.service_date),
        billed_lines=[lines_text([ln]) for ln in case.claim.billed_lines()],
        pattern=PatternBrief(
            id=pattern.id,
            title=pattern.title,
            situation=pattern.situation,
            argument=_argument(kb, case),
            sources=[s for s in dict.fromkeys([*pattern.sources, *point_sources]) if retrieved.citable(s)],
            attachments=attachments,
        )
        if pattern
        else None,
        required_sections=list(pattern.required_sections) if pattern else list(DEFAULT_SECTIONS),
        evidence=evidence_items(kb, case.report, evidence_ids, case.note, citable),
        sources=retrieved.items(),
        supported_lines=[lines_text([ln]) for ln in case.report.billing.lines],
        appealed_lines=[lines_text([ln]) for ln in case.decision.appealed_lines or _fewer(deps.knowledge, case)],
    )


def _fewer(kb: Knowledge, case: Case) -> list[BilledLine]:
    """The requested lines when they are fewer than the claim's (a line-level denial): the request names them."""
    requested = _requested(kb, case)
    return requested if len(requested) < len(case.claim.billed_lines()) else []


def _inputs_text(case: Case, brief: AppealBrief) -> str:
    """Everything a letter may state facts from. The payer's free text is left out: its claims are not facts."""
    parts = [
        case.note,
        case.denial.raw,
        case.denial.label,
        *brief.denial_meanings,
        *brief.billed_lines,
        *brief.supported_lines,
        *brief.required_sections,
        brief.letter_title,
    ]
    if case.service_date:
        parts.append(f"{case.service_date.isoformat()} {us_date(case.service_date)}")
    if case.report.time.total_minutes is not None:
        parts.append(f"total {case.report.time.total_minutes} minutes")
    if case.pattern is not None:
        argument = brief.pattern.argument if brief.pattern else []
        parts += [case.pattern.title, case.pattern.situation, *argument, *case.pattern.attachments]
    parts += [f"{e.label} {e.message}" for e in brief.evidence]
    return "\n".join(parts)


def _letter(deps: DraftingDeps, case: Case, retrieved: Retrieved, attachments: list[str],
            known_names: tuple[str, ...] = ()) -> tuple[Letter | None, Any]:
    brief = _brief(deps, case, retrieved, attachments)
    ctx = AppealContext(
        note=case.note,
        inputs_text=_inputs_text(case, brief),
        source_texts=retrieved.letter_texts(),
        known_source_ids=frozenset(deps.knowledge.sources),
        required_sections=tuple(brief.required_sections),
    )
    prompt_vars = {
        "brief": brief.model_dump_json(indent=1),
        "note": mask_injections(case.note),  # defence in depth; the gate is the backstop
        "repair": "",
        "_phi_names": tuple(n for n in (case.claim.patient_name, case.claim.provider_name, *known_names) if n),
        "_phi_safe": project_texts(brief),
        "_phi_safe_ids": project_ids(brief),
    }
    draft, grounding = generate_grounded(
        deps.backend, OfflineDrafter(), "appeal", prompt_vars, LetterDraft, lambda d: check_letter(d, ctx)
    )
    if draft is None:
        return None, grounding
    return build_letter(deps.knowledge, draft, _letter_facts(deps, case, brief.letter_title), attachments), grounding


def _letter_facts(deps: DraftingDeps, case: Case, title: str) -> LetterFacts:
    return LetterFacts(
        title=title,
        payer_type=case.payer_type,
        claim=case.claim,
        practice=deps.practice,
        denial=case.denial,
        service_date=case.service_date,
        lines=_requested(deps.knowledge, case) or list(case.report.billing.lines),
        today=deps.today(),
        deadline=case.deadline,
        route=case.route,
    )


def _claim_identifiers(deps: DraftingDeps, case: Case) -> dict[str, str]:
    """A page without a letter (a correction) still names its claim: the letter's identifiers and the payer, each
    its value or a visible placeholder, never dropped and never guessed."""
    rows = identifiers(deps.knowledge, _letter_facts(deps, case, ""))
    return {**rows, "Payer": case.claim.payer or placeholder("Payer")}
