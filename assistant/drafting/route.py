"""Which door the answer goes through: appeal level, reopening or new claim, by payer type (pure).

    payer_type_of(kb, claim, denial_text) -> (payer type, how it was known)
    choose_route(kb, recommendation=..., payer_type=..., denial=..., prior_level=...) -> (route | None, reason)

When a route applies, and why, is data (`knowledge/appeals/levels.yaml`: `use_when`, sources); this
module only picks one. Medicare Part B: a redetermination first (the next level after a decision
already made); a clerical-error reopening for a denied line a correction fixes; a new claim when
the claim came back unprocessable (CARC 16 / MA130, no appeal rights). Medicare Advantage: the
plan's reconsideration, or a corrected claim. Other payers: their own appeal, or a corrected claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.drafting.claims import Claim
from assistant.drafting.deadlines import Deadline
from assistant.drafting.models import Denial, Recommendation, Route
from assistant.drafting.remedy import says
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import PayerType

# After a decision at one Medicare level, the next request goes one level up.
_NEXT_MEDICARE_LEVEL: dict[str, str] = {
    "initial": "redetermination",
    "redetermination": "reconsideration",
    "reconsideration": "alj",
}


#: How a payer type read from the denial's words is said (the type the words name, not an assumption).
FROM_WORDS = "read from the payer's words"


def _hint(kb: Knowledge, text: str) -> PayerType | None:
    low = text.lower()
    for hint in kb.appeals.payer_hints:
        if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low) for w in hint.words):
            return hint.payer_type
    return None


def payer_type_of(kb: Knowledge, claim: Claim, denial_text: str | None) -> tuple[PayerType, str]:
    """The claim's payer type, and how it was known (given, read from a name, or assumed)."""
    if claim.payer_type:
        return claim.payer_type, "given on the claim"
    if claim.payer and (found := _hint(kb, claim.payer)):
        return found, f"read from the payer name {claim.payer!r}"
    if claim.payer:
        return "commercial", (f"the payer {claim.payer!r} is neither Medicare nor Medicaid by name, so it is typed "
                              "commercial: a guess; give the payer type if it is a Medicare Advantage or other plan")
    if denial_text and (found := _hint(kb, denial_text)):
        return found, FROM_WORDS
    return "medicare", ("no payer was given, so Medicare Part B is assumed: a guess; check the payer before filing "
                        "and give it (a Medicare Advantage plan's denial goes to the plan, within its own limit)")


def unprocessable_codes(kb: Knowledge, denial: Denial) -> list[str]:
    """The denial's codes by which the payer returned the claim unprocessed (CARC 16, MA130 …). A CARC 16 decided on
    a review of the record (`record_review_words`: a pre-payment review, an ADR) is a determination, not a return;
    a remark that says so outright (MA130) still counts, and so does a front-end rejection (277CA)."""
    if denial.rejection is not None:  # rejected at the front end (277CA): never adjudicated at all
        return [denial.rejection.label]
    reviewed = says(denial.text or "", kb.appeals.record_review_words) is not None
    codes = ([] if reviewed else [c.code for c in denial.carcs]) + [c.code for c in denial.rarcs]
    return [c for c in codes if (rc := kb.reason_codes.get(c)) is not None and rc.unprocessable]


def reopened_when_late(
    kb: Knowledge, route: str | None, payer_type: str, denial: Denial, deadline_of: Callable[[str], Deadline]
) -> tuple[str | None, Deadline | None]:
    """A Medicare line denied with CARC 16 and a remark that names the error (M53: wrong units) but none that says the
    claim was returned unprocessed (MA130) was decided, not returned: once the new claim's 12 months from the date of
    service have passed, a clerical-error reopening within a year of the notice still fixes it (domain facts §11).
    The route and its deadline: the reopening's while it is open, else the new claim's as given."""
    deadline = deadline_of(route) if route is not None else None
    if route != "new_claim" or payer_type != "medicare" or deadline is None or not deadline.overdue:
        return route, deadline
    named = [r for r in denial.rarcs if not r.informational]
    if not named or any(r.unprocessable for r in named):
        return route, deadline
    reopening = deadline_of("clerical_reopening")
    return ("clerical_reopening", reopening) if reopening.due_date and not reopening.overdue else (route, deadline)


def _pick(
    kb: Knowledge, recommendation: Recommendation, payer_type: PayerType, denial: Denial, prior_level: str | None
) -> str | None:
    if recommendation == "no_appeal":
        return None
    if recommendation == "corrected_claim":
        if payer_type == "medicare" and not unprocessable_codes(kb, denial):
            return "clerical_reopening"
        return "new_claim"
    if payer_type == "medicare":
        return _NEXT_MEDICARE_LEVEL.get(prior_level or "initial", "redetermination")
    if payer_type == "medicare_advantage":
        # the IRE's reconsideration decided: an ALJ hearing is next; the plan's own reconsideration decided (upheld):
        # the plan forwards the case to the IRE itself (42 CFR 422.592)
        if prior_level != "reconsideration":
            return "plan_reconsideration"
        text = denial.text or ""
        by_ire = says(text, kb.appeals.independent_review_words) \
            and not says(text, kb.appeals.independent_review_unless)  # forwarded to the IRE: not decided by it yet
        return "alj" if by_ire else "independent_review"
    return "payer_appeal"


def route_before_note(kb: Knowledge, payer_type: PayerType, denial: Denial) -> tuple[str | None, Recommendation]:
    """(route, action) for a denial before any note is read (a worklist item at import): the answer its pattern gives
    for the payer type (knowledge/denials/patterns.yaml `remedy`, `when_payer_says`), routed as a drafted answer is.
    The one rule the worklist and `draft_appeal` share: a duplicate (CO-18) is the earlier claim's correction, a PR-50
    is appealed on the record like a CO-50, a timely-filing denial has nothing to file."""
    from assistant.drafting.denial import match_pattern
    from assistant.drafting.remedy import pattern_remedy

    pattern = match_pattern(denial, kb.denial_patterns)
    # no note read yet: it is presumed to support the service (every check met), as each remedy presumes
    action = pattern_remedy(pattern, payer_type, denial.text or "", frozenset(kb.rules)).remedy
    return _pick(kb, action, payer_type, denial, None), action  # type: ignore[arg-type]  # remedies are actions


def choose_route(
    kb: Knowledge,
    *,
    recommendation: Recommendation,
    payer_type: PayerType,
    denial: Denial,
    prior_level: str | None = None,
    another_payer: bool = False,
) -> tuple[Route | None, str]:
    """The route for this recommendation and payer, and why, in words from the knowledge base. `another_payer`: the
    denial's pattern says the claim belongs to another payer (a plan's enrolment ended: Original Medicare pays)."""
    route = _pick(kb, recommendation, payer_type, denial, prior_level)
    if route is None:
        return None, "Nothing to appeal or correct: the note does not support the denied service as billed."
    spec = kb.appeals.route(route)
    why = spec.use_when
    codes = unprocessable_codes(kb, denial)
    others = another_payer_codes(kb, denial) or ([c.label(denial.group) for c in denial.carcs] if another_payer else [])
    if route == "new_claim" and others and spec.use_when_another_payer:
        why = f"{'/'.join(others)}: {spec.use_when_another_payer}"  # not a claim to fix: a claim for another payer
    elif route == "new_claim" and payer_type == "medicare" and codes:
        why = f"{'/'.join(codes)}: " + (spec.use_when_unprocessable or why)
    return route, why  # type: ignore[return-value]  # route ids in levels.yaml are the Route literals


def another_payer_codes(kb: Knowledge, denial: Denial) -> list[str]:
    """The denial's CARCs that say another payer is responsible (CO-22, CO-24, CO-109), as the denial groups them."""
    return [
        c.label(denial.group)
        for c in denial.carcs
        if (rc := kb.reason_codes.get(c.code)) is not None and rc.another_payer
    ]
