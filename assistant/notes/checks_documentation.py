"""Checks of the documentation elements: who, what, consent, presence, need, skill, date."""

from __future__ import annotations

import re
from datetime import date

from assistant.notes.context import Context, Outcome
from assistant.notes.extract import consent_kind
from assistant.notes.inputs import EARLIEST_DOS

VERBAL_CONSENT_FROM = date(2025, 1, 1)
_CAREGIVER_NAME = re.compile(r"\b(?:caregiver|cg|c/g)\s*(?:name)?\s*[:(\-]?\s*(?:is\s+)?(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
_PAST = re.compile(r"\b(?:previously|formerly|no longer|used to|prior|in the past|not a|is not|isn't|not an?)\b", re.I)
# "<caregiver> demonstrated ... " is a return demonstration; "PT demonstrated" is teaching.
_CAREGIVER_DEMO = re.compile(
    r"\b(?:caregivers?|cgs?|c/g|wife|husband|spouse|son|daughter|dtr|mother|mom|father|dad|parents?|partner|friend|neighbou?r|"
    r"aide|cna|sister|brother|both|each caregiver|family)\b[^.;\n]{0,25}?\b(?:demonstrated|demo'd|demonstrates|performed|completed)\b",
    re.I,
)
_NOT_BEFORE = re.compile(r"\b(?:not|no|never|unable to|did not|didn't)\s+(?:\w+\s+)?$", re.I)
_RD_QUALIFIED = re.compile(r"\b(?:correctly|safely|accurately|properly|fully|independently|without (?:cues|assistance|errors))\b", re.I)


def date_of_service(ctx: Context) -> Outcome:
    if ctx.dos is None:
        return Outcome("missing", "No date of service was found in the note.")
    evidence = [ctx.dos_span] if ctx.dos_span else []
    if ctx.dos_from_note and ctx.dos > ctx.today:
        return Outcome("problem", f"The date of service {ctx.dos.isoformat()} is in the future.", evidence)
    if ctx.dos_from_note and ctx.dos < EARLIEST_DOS:
        return Outcome("problem", f"The date {ctx.dos.isoformat()} is before the CTS codes took effect (2024-01-01).", evidence)
    return Outcome("met", f"Date of service {ctx.dos.isoformat()}.", evidence)


def patient_absent(ctx: Context) -> Outcome:
    if ctx.presence and ctx.absence:
        return Outcome("unclear", "The note says both that the patient was and was not present.", ctx.absence + ctx.presence)
    if ctx.presence:
        return Outcome("problem", "The note says the patient was present during the training.", ctx.presence)
    if ctx.absence:
        return Outcome("met", "The note says the patient was not present.", ctx.absence)
    return Outcome("missing", "Nothing says whether the patient was present.")


def consent(ctx: Context) -> Outcome:
    mentions = ctx.ex.of("CONSENT")
    given = [c for c in mentions if not c.negated]
    refused = [c for c in mentions if c.negated]
    if given:
        kinds = {consent_kind(ctx.ex, c) for c in given}
        evidence = [(c.start, c.end) for c in given]
        if ctx.dos is not None and ctx.dos < VERBAL_CONSENT_FROM and kinds == {"verbal"}:
            return Outcome("problem", "Only verbal consent is documented; CMS accepts verbal consent from 2025.", evidence)
        return Outcome("met", "Consent to train the caregiver is documented.", evidence)
    if refused:
        return Outcome("problem", "The note says consent was not obtained or was declined.", [(c.start, c.end) for c in refused])
    return Outcome("missing", "No consent for training the caregiver is documented.")


def caregiver(ctx: Context) -> Outcome:
    ex = ctx.ex
    unpaid_sentences = {(c.sent_start, c.sent_end) for c in ex.of("UNPAID", negated=False)}
    paid = [
        c for c in ex.of("PAID_CAREGIVER", negated=False)
        if (c.sent_start, c.sent_end) not in unpaid_sentences
        and not _PAST.search(ex.text[max(c.sent_start, c.start - 30) : c.start])
    ]
    if paid:
        return Outcome("problem", "The person trained is paid staff, not an unpaid caregiver.", [(c.start, c.end) for c in paid])
    family = [(c.start, c.end) for c in ex.of("RELATIONSHIP", negated=False)]
    named = [(m.start("name"), m.end("name")) for m in _CAREGIVER_NAME.finditer(ex.text)]
    if family or named:
        return Outcome("met", "The caregiver is identified.", (family + named)[:3])
    return Outcome("missing", "The caregiver is not identified by name or relationship.")


def need_and_goal(ctx: Context) -> Outcome:
    goals = ctx.ex.of("GOAL", negated=False)
    needs = ctx.ex.of("NEED", negated=False)
    if goals and needs:
        return Outcome("met", "The need for training and its plan-of-care goal are stated.",
                       [(needs[0].start, needs[0].end), (goals[0].start, goals[0].end)])
    if goals:
        return Outcome("missing", "A goal is named, but not why the caregiver needs training.", [(goals[0].start, goals[0].end)])
    if needs:
        return Outcome("missing", "A need is described, but it is not tied to a plan-of-care goal.", [(needs[0].start, needs[0].end)])
    return Outcome("missing", "Neither the need for training nor a plan-of-care goal is stated.")


def skills_taught(ctx: Context) -> Outcome:
    ex = ctx.ex
    skills = ex.of("SKILL_FUNCTIONAL", negated=False) + ex.of("SKILL_DIRECT_CARE", negated=False)
    teaching = {(c.sent_start, c.sent_end) for c in ex.of("TEACHING", negated=False) + ex.of("RETURN_DEMO")}
    taught = [c for c in skills if (c.sent_start, c.sent_end) in teaching]
    general = ex.of("GENERAL_EDUCATION", negated=False)
    if taught or (skills and not general):
        chosen = taught or skills
        return Outcome("met", "Specific techniques taught are documented.", [(c.start, c.end) for c in chosen[:4]])
    if general or skills or ex.of("TEACHING", negated=False):
        spans = [(c.start, c.end) for c in (general or skills or ex.of("TEACHING", negated=False))[:3]]
        return Outcome("problem", "Only general education is documented, not specific techniques.", spans)
    return Outcome("missing", "No strategies or techniques taught are documented.")


def return_demo(ctx: Context) -> Outcome:
    ex = ctx.ex
    documented = []
    for c in ex.of("RETURN_DEMO"):
        after = ex.text[c.end : c.sent_end]
        if not c.negated or _RD_QUALIFIED.search(after[:60]):
            documented.append((c.start, c.end))
    if not documented:
        for m in _CAREGIVER_DEMO.finditer(ex.text):
            verb_start = m.end() - len(m.group(0).split()[-1])
            if not _NOT_BEFORE.search(ex.text[max(0, verb_start - 25) : verb_start]):
                documented.append((m.start(), m.end()))
    if documented:
        return Outcome("met", "The caregiver's return demonstration or teach-back is documented.", documented[:3])
    negated = [(c.start, c.end) for c in ex.of("RETURN_DEMO", negated=True)]
    if negated:
        return Outcome("missing", "The note says no return demonstration was done.", negated)
    return Outcome("missing", "No return demonstration or teach-back is documented.")


def skilled_need(ctx: Context) -> Outcome:
    found = ctx.ex.of("SKILLED", negated=False)
    if found:
        return Outcome("met", "The note shows why a therapist's skill was needed.", [(c.start, c.end) for c in found[:3]])
    return Outcome("missing", "Nothing shows why a therapist's skill was needed (risk, precautions, correction, feedback).")


def provider(ctx: Context) -> Outcome:
    slpa = [span for role, span in ctx.roles if role == "SLPA"]
    if slpa:
        return Outcome("problem", "The service was furnished by an SLP assistant, whom Medicare does not recognise.", slpa)
    if ctx.roles:
        names = ", ".join(sorted(ctx.role_names))
        return Outcome("met", f"Furnished by: {names}.", [span for _, span in ctx.roles][:3])
    return Outcome("missing", "Who furnished the service, with credentials, is not documented.")
