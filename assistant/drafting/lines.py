"""The claim as it should be billed, computed from the note check's supported lines (pure).

The check decides the caregiver-training lines the documentation supports (codes, units, the
therapy and assistant modifiers). A corrected claim takes those in place of the billed
caregiver-training lines, keeps every other billed line as it is (same-day 97110, 92507 …), keeps
modifiers the check does not decide (KX, XE, 59 …) and adds what the denial pattern requires (KX
for PR-119 on therapy lines).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine, Report

# Families whose lines the note check judges (their primary, add-on and group codes: 97550-97552, G0539-G0543; a
# behaviour-management group is 96202, not a caregiver-training line); every other code is kept as billed.
CHECKED_FAMILIES = ("cts", "direct_care", "behavior")
THERAPY_MODIFIERS = ("GP", "GO", "GN")
ASSISTANT_MODIFIERS = ("CQ", "CO")
# The check decides these from the note; the claim's own values are replaced, never merged.
DECIDED_BY_CHECK = frozenset(THERAPY_MODIFIERS + ASSISTANT_MODIFIERS)


def is_checked(kb: Knowledge, code: str) -> bool:
    return bool(code) and any(code in kb.family_codes(family) for family in CHECKED_FAMILIES)


def requested_lines(kb: Knowledge, billed: Sequence[BilledLine], denied: frozenset[str]) -> list[BilledLine]:
    """The lines an appeal of the service asks payment of, and its letter names as the service: the caregiver-training
    lines, only the denied ones when the claim says which (hostile17 #6, #7: a paid line, or a claim's 97110 and
    97140, is not appealed); the billed lines as they are when none is a caregiver-training line."""
    checked = [ln for ln in billed if is_checked(kb, ln.code)]
    named = [ln for ln in checked if not denied or ln.code in denied]
    return named or checked or list(billed)


def ordered_modifiers(mods: Iterable[str]) -> list[str]:
    """Therapy modifier first, then CQ/CO, then the rest in their order (the way claims are keyed)."""
    unique = list(dict.fromkeys(mods))
    head = [m for m in THERAPY_MODIFIERS + ASSISTANT_MODIFIERS if m in unique]
    return head + [m for m in unique if m not in head]


def _with(line: BilledLine, extra: Sequence[str], *, therapy_only: Sequence[str] = ()) -> BilledLine:
    mods = list(line.modifiers) + list(extra)
    if any(m in THERAPY_MODIFIERS for m in mods):
        mods += list(therapy_only)
    return BilledLine(code=line.code, units=line.units, modifiers=ordered_modifiers(mods))


def corrected_lines(
    kb: Knowledge,
    supported: Sequence[BilledLine],
    billed: Sequence[BilledLine],
    add_modifiers: Sequence[str] = (),
    replaced: Iterable[str] = (),
    line_modifiers: Sequence[str] = (),
    denied: Iterable[str] = (),
) -> list[BilledLine]:
    """Every line of the claim as it should be billed; the supported lines sit where the billed CTS lines were,
    or where a `replaced` line was (a patient-present code billed for caregiver-only training).

    `add_modifiers` go on lines with a therapy modifier (KX); `line_modifiers` on every supported line (XE); a
    `denied` untimed line billed with several units is billed once (`per_session`)."""
    # distinct-service modifiers (59, XE ...) belong only on a line an NCCI edit pairs with another, and no published
    # edit pairs the caregiver-training codes (knowledge/rules/distinct_time.yaml): a correction drops them unless
    # the payer's own edit asks for one (`line_modifiers`)
    dropped = DECIDED_BY_CHECK | set(kb.modifiers_of("distinct"))
    kept = [m for ln in billed if is_checked(kb, ln.code) for m in ln.modifiers if m not in dropped]
    kept += list(line_modifiers)
    replacement = [_with(s, kept, therapy_only=add_modifiers) for s in supported]
    gone = frozenset(replaced)
    out: list[BilledLine] = []
    placed = False
    once = {ln.code for ln in per_session(kb, billed, denied)}
    for line in billed:
        if not is_checked(kb, line.code) and line.code not in gone:
            out.append(line.model_copy(update={"units": 1}) if line.code in once else line)
        elif not placed:
            out += replacement
            placed = True
    return out if placed else replacement + out


def billed_for_training(
    kb: Knowledge, report: Report, billed: Sequence[BilledLine], denied: Iterable[str] = ()
) -> list[BilledLine]:
    """Denied patient-present lines that were really caregiver training (97530 billed for a session with the
    caregiver alone): no CTS line is billed, the note supports CTS lines without the patient present, and it
    documents no service of that code. The corrected claim carries the CTS lines in their place."""
    if any(is_checked(kb, ln.code) for ln in billed) or not report.billing.lines:
        return []
    statuses = {c.id: c.status for c in report.checks}
    if statuses.get("patient_absent") != "met" or statuses.get("distinct_time", "not_applicable") != "not_applicable":
        return []
    named = {ln.code for ln in report.billing.same_day}
    denied_codes = set(denied) or {ln.code for ln in billed}
    return [
        ln
        for ln in billed
        if ln.code in kb.same_day_codes and ln.code in denied_codes and ln.code not in named
    ]


def per_session(kb: Knowledge, billed: Sequence[BilledLine], denied: Iterable[str]) -> list[BilledLine]:
    """Denied lines of an untimed code other than caregiver training (92526, 92507, an evaluation) billed with more
    than one unit: such a code is billed once per session, whatever its minutes (knowledge/codes `timed: false`)."""
    gone = frozenset(denied)
    return [
        ln for ln in billed
        if ln.code in gone and ln.units > 1 and not is_checked(kb, ln.code)
        and (info := kb.codes.get(ln.code)) is not None and not info.timed
    ]


def line_key(line: BilledLine) -> tuple[str, int, tuple[str, ...]]:
    return line.code, line.units, tuple(sorted(line.modifiers))


def same_lines(a: Sequence[BilledLine], b: Sequence[BilledLine]) -> bool:
    return Counter(map(line_key, a)) == Counter(map(line_key, b))


def only_adds(fixed: Sequence[BilledLine], billed: Sequence[BilledLine]) -> bool:
    """Whether `fixed` keeps every billed line's code and modifiers with at least its units, and adds to them
    (more units, another line): the note supports more than was billed, never less or otherwise."""
    have = {(ln.code, tuple(sorted(ln.modifiers))): ln.units for ln in fixed}
    kept = all(have.get((ln.code, tuple(sorted(ln.modifiers))), -1) >= ln.units for ln in billed)
    return bool(billed) and kept and not same_lines(fixed, billed)


def beyond_support(fixed: Sequence[BilledLine], billed: Sequence[BilledLine]) -> list[BilledLine]:
    """The billed units the note does not support, when `fixed` only takes units away: every line it keeps was billed
    with the same code and modifiers and at least its units. Empty when `fixed` adds or changes anything."""
    have: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for ln in billed:
        have[(ln.code, tuple(sorted(ln.modifiers)))] += ln.units
    keep: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for ln in fixed:
        keep[(ln.code, tuple(sorted(ln.modifiers)))] += ln.units
    if not fixed or any(units > have.get(key, 0) for key, units in keep.items()):
        return []
    out = []
    for ln in billed:
        key = (ln.code, tuple(sorted(ln.modifiers)))
        kept = min(keep.get(key, 0), ln.units)
        keep[key] -= kept
        if ln.units > kept:
            out.append(ln.model_copy(update={"units": ln.units - kept}))
    return out


def units_by_code(lines: Iterable[BilledLine]) -> Counter[str]:
    out: Counter[str] = Counter()
    for line in lines:
        out[line.code] += line.units
    return out


def unsupported_denied(kb: Knowledge, supported: Sequence[BilledLine], billed: Sequence[BilledLine]) -> list[str]:
    """Codes billed beyond the note with no supported unit at all, when the note adds nothing new.

    This is the over-billing case (97551 x2 on a note that supports 97550 x1 only): the denied
    line has no support and the rest of the claim already bills what the note supports, so there
    is nothing to appeal and nothing to correct.
    """
    have = units_by_code(ln for ln in billed if is_checked(kb, ln.code))
    sup = units_by_code(supported)
    if any(units > have.get(code, 0) for code, units in sup.items()):
        return []  # the note supports something the claim does not bill: a correction, not a dead end
    over = [code for code, units in have.items() if units > sup.get(code, 0)]
    return over if over and all(sup.get(code, 0) == 0 for code in over) else []


def lines_text(lines: Sequence[BilledLine]) -> str:
    return ", ".join(f"{ln.code} x{ln.units}" + (f" {' '.join(ln.modifiers)}" if ln.modifiers else "") for ln in lines)
