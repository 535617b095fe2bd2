"""What the biller does next, in words: by recommendation, route and deadline (pure).

Actions never tell anyone to change a note after a denial. Where documentation is missing they say
so, and that nothing written into the record now makes a denied claim payable: Medicare accepts later
entries only when made for the patient's care (Program Integrity Manual ch. 3 §3.3.2.5).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.drafting.deadlines import Deadline
from assistant.drafting.decision import Decision
from assistant.drafting.lines import is_checked, lines_text
from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine, CheckResult, Report

# Never a recipe for adding to the record: an entry written now for the denied claim is made for payment.
LATE_ENTRY = (
    "A note may not be changed after a denial to support the claim: anything written into the record now, even "
    "dated and signed, does not make the denied claim payable (Medicare accepts later entries only when made for "
    "the patient's care)."
)
LATE_ENTRY_SOURCES = ["cms-mpim-ch3-3-3-2-5"]


def deadline_text(deadline: Deadline | None) -> list[str]:
    """The filing limit in one sentence: due date (ISO, never ambiguous) and days left, passed, or what is needed
    to count it."""
    if deadline is None:
        return []
    if deadline.due_date is None:
        return [f"Deadline: {deadline.basis}"]
    due = deadline.due_date.isoformat()
    if deadline.overdue:
        late = deadline.when_late or "A late request must show good cause."
        return [f"Deadline: {due} ({deadline.basis}); it has passed. {late}"]
    return [f"Deadline: file by {due}, {deadline.days_left} days left ({deadline.basis})."]


def _gaps(kb: Knowledge, checks: list[CheckResult]) -> list[str]:
    if not checks:
        return []
    named = ", ".join(kb.rules[c.id].shows if c.id in kb.rules else c.id for c in checks)
    return [f"The note does not document {named}; the letter does not argue it. {LATE_ENTRY}"]


_POINTS_TO = (
    r"\b(?:(?:documented|charted|recorded|signed|noted|on file|filed|kept)\s+(?:in|on|at|with)|see)\s+(?:the\s+)?"
)


def referenced_records(kb: Knowledge, decision: Decision) -> list[str]:
    """'Enclose the 08/12/2026 re-evaluation note …': records the quoted note points to for what the appeal argues."""
    kinds = "|".join(re.escape(k) for k in sorted(kb.appeals.referenced_records, key=len, reverse=True))
    if not kinds:
        return []
    found = re.compile(rf"{_POINTS_TO}(?P<doc>(?:\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\s+)?(?:{kinds}))\b", re.I)
    out: dict[str, str] = {}  # the record, and the first argued element the note points to it for
    for reason in decision.reasons:
        for quote in reason.quotes:
            for m in found.finditer(quote):
                out.setdefault(m.group("doc"), (reason.check_id or "").replace("_", " "))
    return [f"Enclose the {doc}: the note points to it" + (f" for {why}." if why else ".") for doc, why in out.items()]


def appeal_actions(
    kb: Knowledge, route: str, deadline: Deadline | None, decision: Decision, lines: Sequence[BilledLine] = (),
    dropped: Sequence[BilledLine] = (),
) -> list[str]:
    """What to file; `dropped` are billed units the note does not support: the request is for `lines` only."""
    spec = kb.appeals.route(route)
    billed = f" for {lines_text(lines)}" + ("" if dropped else " as billed") if lines else ""
    drop = [f"Do not appeal {lines_text(dropped)}: the note does not support it; drop it (its denial stands)."]
    out = [
        f"File a {spec.title} with {spec.decided_by}{billed}: send the letter with the enclosures.",
        *(drop if dropped else []),
        *referenced_records(kb, decision),
        *deadline_text(deadline),
    ]
    if deadline is not None and deadline.amount_in_controversy_threshold:
        out.append(f"This level needs at least ${deadline.amount_in_controversy_threshold:,.0f} in controversy.")
    return out + _gaps(kb, decision.advisory)


def assistant_credential(report: Report) -> str:
    """The PTA/OTA credential as the note writes it ("COTA/L"), from the assistant-modifier check's evidence."""
    found = next((c for c in report.checks if c.id == "assistant_modifier" and c.status != "not_applicable"), None)
    return next((e.quote.strip() for e in found.evidence if e.quote.strip()), "") if found else ""


def added_modifiers(
    kb: Knowledge, billed: Sequence[BilledLine], corrected: Sequence[BilledLine], credential: str = "",
    on: date | None = None,
) -> list[str]:
    """'Adds the CO modifier to 97550, 97551 (furnished in whole or in part by an occupational therapy assistant: the
    note's COTA/L)': each modifier the correction puts on a line the claim already billed, with its meaning
    (knowledge/codes/modifiers.yaml), for CQ/CO the assistant credential the note gives, and for KX the threshold in
    force on the date of service (knowledge/fees/schedule.yaml)."""
    before = {ln.code: set(ln.modifiers) for ln in billed}
    added: dict[str, list[str]] = {}
    for line in corrected:
        for mod in line.modifiers:
            if line.code in before and mod not in before[line.code]:
                added.setdefault(mod, []).append(line.code)
    out = []
    for mod, codes in added.items():
        info = kb.modifiers.get(mod)
        why = info.meaning[:1].lower() + info.meaning[1:] if info else ""
        if info is not None and info.kind == "assistant" and credential:
            why += f": the note's {credential}"
        if info is not None and info.kind == "threshold" and (limit := _threshold(kb, on)):
            why += f"; the {limit}"
        out.append(f"The correction adds the {mod} modifier to {', '.join(codes)}" + (f" ({why})." if why else "."))
    return out


def _threshold(kb: Knowledge, on: date | None) -> str:
    """'2026 KX threshold is $2,480 (PT and SLP combined; OT separately …)' for the date of service; '' without one."""
    found = next((t for t in kb.fees.kx_thresholds if on is not None and t.in_force(on)), None)
    if found is None or on is None:
        return ""
    return f"{on.year} KX threshold is ${found.amount:,.0f} ({found.applies_to})"


def _unit_rule(kb: Knowledge, codes: Sequence[str]) -> str:
    info = [kb.codes[c] for c in codes if c in kb.codes]
    if info and all(i.timed and i.minutes for i in info):
        return f"timed: units of {info[0].minutes} minutes for the minutes the note documents"
    if info and not any(i.timed for i in info):
        return "untimed: 1 unit for the session"
    return "units by each code's own rule"


def recode_text(kb: Knowledge, billed: Sequence[BilledLine]) -> str:
    """'drop the caregiver-training lines (97550 x1 GO) and bill the patient-present code the note supports for
    OT: 97530 or 97535 (timed: units of 15 minutes ...)': the correction when the patient took part, in words.
    The codes are the ones the presence rule names (knowledge/rules/patient_absent.yaml), narrowed to the
    discipline of the billed lines' therapy modifier when there is one."""
    rule = kb.rules.get("patient_absent")
    codes = [c for c in (rule.codes if rule else []) if c in kb.codes and not is_checked(kb, c)]
    mods = [kb.modifiers.get(code) for ln in billed for code in ln.modifiers]
    disciplines = {m.discipline for m in mods if m is not None and m.discipline}
    groups: dict[tuple[str, ...], list[str]] = {}
    for code in codes:
        found = tuple(kb.codes[code].disciplines)
        if not disciplines or disciplines & set(found):
            groups.setdefault(found, []).append(code)
    options = "; ".join(
        " or ".join(group)
        + (f" for {'/'.join(disc)}" if disc and not disciplines else "")
        + f" ({_unit_rule(kb, group)})"
        for disc, group in groups.items()
    )
    named = "/".join(sorted(disciplines))
    dropped = [ln for ln in billed if is_checked(kb, ln.code)]
    return (
        "drop the caregiver-training lines" + (f" ({lines_text(dropped)})" if dropped else "")
        + " and bill the patient-present code the note supports" + (f" for {named}" if named else "")
        + (f": {options}" if options else "")
    )


def correction_actions(
    kb: Knowledge,
    route: str,
    deadline: Deadline | None,
    lines: list[BilledLine],
    diagnoses: Sequence[str] = (),
    payer_type: str = "medicare",
    modifiers: Sequence[str] = (),
    recode: str = "",
    another_payer: bool = False,
) -> list[str]:
    """What to send: the corrected lines, or `recode` (the correction in words, when no line is computed); to the
    payer responsible when the claim belongs to `another_payer`."""
    dx = f", with diagnosis codes {', '.join(diagnoses)}" if diagnoses else ""
    words = bool(recode) and not lines
    billed = f"{recode}{dx}" if words else f"{lines_text(lines)}{dx}"
    if route == "clerical_reopening":
        return [
            "Request a clerical-error reopening (phone, portal or in writing), "
            + (f"to {billed}." if words else f"billing: {billed}."),
            *modifiers,
            *deadline_text(deadline),
            "Do not send an appeal or a new claim for the denied line: a new claim would deny as a duplicate, "
            "and the reopening does not extend the appeal deadline.",
        ]
    # Medicare sends an unprocessable claim back with no appeal rights: a new claim; plans take a replacement; a claim
    # that belongs to another payer is a new claim to that payer
    kind = "a new claim" if payer_type == "medicare" else "a corrected (replacement) claim"
    kind = "a new claim to the payer responsible" if another_payer else kind
    return [
        f"Submit {kind}" + (f" to {billed}." if words else f" with: {billed}."),
        *modifiers,
        *deadline_text(deadline),
        "Do not send an appeal letter: this denial is answered by the corrected claim.",
    ]


def no_appeal_actions(decision: Decision) -> list[str]:
    if not decision.blockers and decision.reasons and decision.reasons[0].check_id is None:
        # the denial stands for a reason outside the note (the payer's rule, a line denial that stands)
        return [f"Do not appeal or send a corrected claim. {decision.reasons[0].text}"]
    out = [
        "Do not appeal: the note does not support the denied service as billed, and nothing on the claim "
        "can be corrected to change that."
    ]
    if decision.blockers:
        out.append(LATE_ENTRY)
        out.append("Do not rebill the denied line.")
    return out
