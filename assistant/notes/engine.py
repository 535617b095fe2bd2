"""Run every check of spec/checks.md and assemble the Report (pure).

A check function decides status, a specific detail sentence and evidence spans; the rule pack
(knowledge/rules/<id>.yaml) supplies severity for the payer profile, the plain-language message,
the fix and the sources. A rule not in force on the date of service is reported not_applicable.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from assistant.billing import payment_for, rule_terms
from assistant.errors import KnowledgeError
from assistant.knowledge.schema import Rule
from assistant.models import (
    BilledLine,
    BilledVisit,
    Billing,
    CheckResult,
    Conflict,
    DroppedModifier,
    IgnoredText,
    LateAddition,
    Payment,
    Report,
    ReportMeta,
    Summary,
    TimeSegment,
    TimeSummary,
)

# Importing the check modules registers their functions.
from assistant.notes import checks_claim, checks_documentation, checks_time  # noqa: F401
from assistant.notes.context import Context, Outcome
from assistant.notes.late_additions import added_later
from assistant.notes.patients import patients_named
from assistant.notes.patterns import impossible_dos
from assistant.notes.registry import CHECKS
from assistant.notes.times import Segment


class _Detail(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


MAX_EVIDENCE = 8
_WORD = re.compile(r"[a-z0-9]{3,}")
_DIGIT = re.compile(r"\d")
_EMPTY_DETAIL = re.compile(r"\s*:\s*\{detail\}\s*")
_SPACES = re.compile(r"\s{2,}")
_DOUBLE_STOP = re.compile(r"\.\s*\.(?!\.)")


@lru_cache(maxsize=512)
def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


@lru_cache(maxsize=2048)
def _message(template: str | None, detail: str, status: str) -> str:
    """The report sentence for a status: the rule pack's message with the check's detail (the same few
    sentences recur note after note, so each is composed once)."""
    if template and detail:
        # the rule pack's message and a generic detail often say the same thing: say it once
        words = _words(detail)
        if words and not _DIGIT.search(detail) and len(words & _words(template)) >= 0.6 * len(words):
            detail = ""
    if template and not detail:
        # "...during the training: {detail} Caregiver codes..." with nothing to say ends the sentence instead
        template = _EMPTY_DETAIL.sub(". ", template).replace("{detail}", "")
    message = template.format_map(_Detail(detail=detail)).strip() if template else detail
    if template and "{detail}" not in template and detail and status in ("missing", "problem", "unclear"):
        message = f"{message} {detail}"
    message = message.strip()
    if message.endswith(":"):  # a template whose detail came out empty
        message = message[:-1].rstrip() + "."
    return _DOUBLE_STOP.sub(".", _SPACES.sub(" ", message))


@lru_cache(maxsize=512)
def _fix(template: str, rule: str, primary: str, addon: str) -> str:
    return template.format_map(_Detail(rule_terms(rule, (primary, addon))))


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sorted, distinct `spans` that no other one contains: one inside another starts no earlier,
    so it is inside an earlier span that reaches as far, or shares its start with the next one."""
    kept, reach = [], -1
    for i, (a, b) in enumerate(spans):
        if reach < b and not (i + 1 < len(spans) and spans[i + 1][0] == a):
            kept.append((a, b))
        reach = max(reach, b)
    return kept


_GRAVITY = {"info": 0, "warn": 1, "block": 2}


def _fix_and_severity(outcome: Outcome, rule: Rule, ctx: Context) -> tuple[str, str]:
    """The fix and severity of a result: the rule's for the status, or those of the findings the check named
    (their fixes joined, the gravest severity)."""
    failing = outcome.status in ("missing", "problem", "unclear")
    found = [rule.findings[f] for f in outcome.findings if f in rule.findings] if failing else []
    if found:
        fix = " ".join(dict.fromkeys(f.fix for f in found))
        severity = max((f.severity or rule.severity[ctx.profile] for f in found), key=_GRAVITY.__getitem__)
    else:
        fix = rule.fixes.get(outcome.status, "") if failing else ""  # type: ignore[call-overload]
        severity = rule.severity[ctx.profile]
    fix = _fix(fix, ctx.rule, *ctx.knowledge.family_codes(ctx.family)[:2]) if fix else ""
    # A status the rule says makes the service unbillable as CTS blocks under every profile.
    return fix, "block" if outcome.status in rule.blocks_claim_when else severity


def _result(check_id: str, outcome: Outcome, rule: Rule, ctx: Context) -> CheckResult:
    message = _message(rule.messages.get(outcome.status), outcome.detail, outcome.status)  # type: ignore[call-overload]
    fix, severity = _fix_and_severity(outcome, rule, ctx)
    # a handful of quotes proves an element; more only clutters the report
    spans = sorted({(a, b) for a, b in outcome.evidence if 0 <= a < b <= len(ctx.ex.text)})[:MAX_EVIDENCE]
    # "present" inside "not present" is the same evidence twice
    if len(spans) > 1:
        spans = _outermost(spans)
    # one validation in pydantic-core builds the result and its evidence spans from plain values: a `Span(...)`
    # per quote would enter Python's model __init__ once each (the values and the models are the same)
    return CheckResult.model_validate(
        {
            "id": check_id,
            "label": rule.label,
            "status": outcome.status,
            "severity": severity,
            "message": message,
            "fix": fix,
            "findings": list(outcome.findings),
            "evidence": [{"start": a, "end": b, "quote": ctx.ex.quote(a, b)} for a, b in spans],
            "sources": list(rule.sources),
        }
    )


def run_checks(ctx: Context) -> list[CheckResult]:
    unruled = sorted(set(CHECKS) - set(ctx.knowledge.rules))
    if unruled:  # a check without its rule file would vanish from reports silently
        raise KnowledgeError(f"{ctx.knowledge.root / 'rules'}: no rule file for check id(s) {unruled}")
    results: list[CheckResult] = []
    # Before 2024 no CTS rule is in force; date_of_service reports that, the others still run.
    on = max(ctx.dos or ctx.today, ctx.knowledge.training_codes_from)
    for check_id in ctx.knowledge.check_ids:
        rule = ctx.knowledge.rules[check_id]
        check = CHECKS.get(check_id)
        if check is None:
            raise KnowledgeError(f"rules/{check_id}.yaml: no check function registered for this id (assistant/notes)")
        outcome = (
            check(ctx)
            if rule.in_force(on)
            else Outcome("not_applicable", f"This rule is not in force on {on.isoformat()}.")
        )
        results.append(_result(check_id, outcome, rule, ctx))
    return results


def supported_lines(ctx: Context, results: dict[str, CheckResult]) -> list[BilledLine]:
    """billing.lines: what the documentation supports (docs/CONVENTIONS.md)."""
    if _nothing_billable(ctx, results):
        return []
    mods = ctx.modifiers()
    if ctx.is_group:  # behaviour management for a group is 96202, not caregiver training: no line
        group = ctx.knowledge.family_codes(ctx.family)[2]
        return [BilledLine(code=group, units=1, modifiers=mods)] if group else []
    return [BilledLine(code=code, units=units, modifiers=list(mods)) for code, units in ctx.minute_lines()]


def _nothing_billable(ctx: Context, results: dict[str, CheckResult]) -> bool:
    """The documentation supports no CTS line whatever the minutes: patient present, SLPA, telehealth not allowed."""
    return results["patient_absent"].status == "problem" or ctx.slpa or results["telehealth"].status == "problem"


def _units_when_nothing_billable(ctx: Context, results: list[CheckResult], lines: list[BilledLine]) -> None:
    """Billed CTS lines are wrong when the documentation supports no line at all (patient present, SLPA, telehealth
    not allowed): `units` compares billed with supported lines, and none is, so it says that, not what the minutes
    alone would support (a message counting minutes the patient was present for contradicts the empty lines)."""
    if lines or not ctx.billed_cts or not _nothing_billable(ctx, {r.id: r for r in results}):
        return
    at = next((i for i, r in enumerate(results) if r.id == "units" and r.status in ("met", "problem")), None)
    if at is None:
        return
    billed = ", ".join(f"{line.code}×{line.units}" for line in ctx.billed_cts)
    outcome = Outcome(
        "problem",
        f"{billed} billed, but the documentation supports no caregiver training line for this session.",
        list(ctx.billed_spans[:3]),
        findings=("nothing_billable",),
    )
    results[at] = _result("units", outcome, ctx.knowledge.rules["units"], ctx)


def _two_patients(ctx: Context, results: list[CheckResult], lines: list[BilledLine],
                  patients: int) -> list[BilledLine]:
    """Two patients' notes pasted together (patient field lines naming two people) are not one session: their minutes
    were added up and read as more units (hostile17 #3: 52 + 20 minutes said "bill 97551 x3"). Units say so and no
    line is supported until each note is checked apart. A group session names several patients and keeps its lines."""
    group = next((r for r in results if r.id == "group_session"), None)
    if patients <= 1 or (group is not None and group.status != "not_applicable"):
        return lines
    at = next((i for i, r in enumerate(results) if r.id == "units" and r.status in ("met", "problem")), None)
    if at is not None:
        billed = ", ".join(f"{line.code}×{line.units}" for line in ctx.billed_cts)
        outcome = Outcome(
            "problem",
            f"{billed} billed, but the note names {patients} patients: their minutes are not one session's.",
            list(ctx.billed_spans[:3]),
            findings=("two_patients",),
        )
        results[at] = _result("units", outcome, ctx.knowledge.rules["units"], ctx)
    return []


def _summary(results: list[CheckResult], lines: list[BilledLine], patients: int) -> Summary:
    failing = [r for r in results if r.status in ("missing", "problem")]
    blocking = sum(1 for r in failing if r.severity == "block")
    warnings = sum(1 for r in failing if r.severity == "warn")
    unclear = sum(1 for r in results if r.status == "unclear")
    blocking_unclear = any(r.status == "unclear" and r.severity == "block" for r in results)
    return Summary(
        ready_to_bill=blocking == 0 and not blocking_unclear and bool(lines) and patients <= 1,
        blocking=blocking,
        warnings=warnings,
        unclear=unclear,
    )


def _conflicts(ctx: Context, results: dict[str, CheckResult]) -> list[Conflict]:
    """Source conflicts behind the checks that did not pass, so a user sees why a tip is not followed; each only for
    the statuses it speaks to (its `shown_when`)."""
    return [
        Conflict(
            rule=rule.id,
            claim=c.claim,
            claimed_by=c.claimed_by,
            followed=c.followed,
            followed_sources=c.followed_sources,
        )
        for rule in ctx.knowledge.rules.values()
        for c in rule.conflicts
        if results[rule.id].status in c.shown_when
    ]


NOT_INTERPRETED = "Not a modifier the checks interpret: keep it on the claim only if the payer requires it."


def _dropped(ctx: Context, lines: list[BilledLine]) -> list[DroppedModifier]:
    """Billed modifiers the supported lines leave off, with the reason from codes/modifiers.yaml: a supported
    line never loses a modifier silently."""
    if not lines:
        return []  # no line is supported: the checks say why
    kept = {m for line in lines for m in line.modifiers}
    carried: dict[str, list[str]] = {}
    for line in ctx.billed_cts:
        for mod in line.modifiers:
            if mod not in kept and line.code not in carried.setdefault(mod, []):
                carried[mod].append(line.code)
    table = ctx.knowledge.modifiers
    return [
        DroppedModifier(
            modifier=mod, codes=codes, reason=(table[mod].dropped if mod in table else "") or NOT_INTERPRETED
        )
        for mod, codes in carried.items()
    ]


def _billing(ctx: Context, lines: list[BilledLine], payment: Payment | None) -> Billing:
    same_day = ctx.same_day_lines()
    unknown = sorted({line.code for line in same_day if line.code not in ctx.knowledge.codes})
    return Billing(
        rule=ctx.rule,
        lines=lines,
        dropped_modifiers=_dropped(ctx, lines),
        payment=payment,
        same_day=same_day,
        unknown_codes=unknown,
    )


def _added_later(ctx: Context, results: list[CheckResult]) -> list[LateAddition]:
    rule = ctx.knowledge.appeals.late_entries
    sources = list(rule.sources) if rule is not None else []
    return added_later(ctx.ex.text, ctx.ex.original, ctx.ex.dates, ctx.dos, results, sources)


def build_report(ctx: Context) -> Report:
    results = run_checks(ctx)
    by_id = {r.id: r for r in results}
    lines = supported_lines(ctx, by_id)
    _units_when_nothing_billable(ctx, results, lines)
    patients = patients_named(ctx.ex.text)
    lines = _two_patients(ctx, results, lines, patients)
    by_id["units"] = next(r for r in results if r.id == "units")
    on: date = ctx.dos or ctx.today
    # a written date of service that is no calendar day ("DOS: 02/30/2025") leaves the fee period unknown: no
    # payment, as for a date outside every fee period (hostile12 #12); a note with no date at all uses today's
    unreadable = ctx.dos is None and impossible_dos(ctx.ex.text) is not None
    payment = payment_for(lines, ctx.knowledge.fees, on) if lines and not unreadable else None
    if payment is not None and ctx.dos is None:
        payment.note += f" No date of service documented: amounts use the fee schedule for {on.isoformat()}."
    time = TimeSummary(
        total_minutes=ctx.ex.time.reported,
        stated_total_minutes=ctx.stated_minutes,
        segments=[
            TimeSegment(start=Segment.clock(s.start_minute), end=Segment.clock(s.end_minute), minutes=s.minutes)
            for s in ctx.ex.cts_segments
        ],
        basis="; ".join(
            part for part in (ctx.ex.time.basis, f"the visit of {ctx.visit.day.isoformat()} only" if ctx.visit else "")
            if part
        ),
        patient_present=[
            TimeSegment(start=Segment.clock(s.start_minute), end=Segment.clock(s.end_minute), minutes=s.minutes)
            for s in ctx.ex.time.present
        ],
    )
    meta = ReportMeta(
        dos=ctx.dos,
        dos_source="note" if ctx.dos_from_note else ("argument" if ctx.dos else "none"),
        note_dos=ctx.note_dos,
        visit=BilledVisit(date=ctx.visit.day, start=ctx.visit.start, end=ctx.visit.end) if ctx.visit else None,
        profile=ctx.profile,
        code_family=ctx.family,
        knowledge_version=ctx.knowledge.version,
        conflicts=_conflicts(ctx, by_id),
        ignored=[
            IgnoredText(
                kind=s.kind,
                severity=s.severity,
                start=s.start,
                end=s.end,
                quote=ctx.ex.original[s.start : s.end],
                message=s.message,
            )
            for s in ctx.ex.screened
        ],
        patients_named=patients,
        added_later=_added_later(ctx, results),
    )
    return Report(
        checks=results,
        time=time,
        billing=_billing(ctx, lines, payment),
        summary=_summary(results, lines, meta.patients_named),
        meta=meta,
    )
