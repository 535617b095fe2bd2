"""A duplicate (CO-18) answered on the original claim (hostile17 #10): the reopening is of the original claim, so
its window counts from the original's determination, and the action names the original's ICN.

    on_original(pattern, payer_text, payer_type, recommendation, route, (deadline, why, notice))
        -> (deadline, why, the original's ICN: None when the answer is not a reopening of the original)
    reopens_original(pattern, payer_text, recommendation, route) -> bool
    original_deadline(deadline) -> the deadline without a due date, asking for the original's notice date

The duplicate's own notice date is not the original's determination: when the file does not give the original's
remittance date, no due date is counted from the duplicate's; the biller is asked for it. A denied line the payer's
words call another session than the paid one (`another_service`) is not a duplicate: it is this claim's line.
"""

from __future__ import annotations

from datetime import date

from assistant.drafting.claims import Claim
from assistant.drafting.deadlines import Deadline
from assistant.drafting.remedy import earlier_claim, pattern_remedy, says
from assistant.knowledge.schema import DenialPattern

ASK_ORIGINAL = ("Give the original claim's notice date (its remittance, by its ICN) to count the filing limit: the "
                "reopening is of the original claim, and its 1 year counts from the original's determination, not "
                "from this duplicate's notice.")


MAYBE_DUPLICATES = ("if that notice is the duplicate's, count 1 year from the original claim's notice date instead "
                    "(the reopening is of the original claim)")


def reopens_original(pattern: DenialPattern | None, payer_text: str, recommendation: str, route: str | None) -> bool:
    """A duplicate's correction that reopens the original claim (not this claim's own line)."""
    if pattern is None or not pattern.earlier_claim_words or recommendation != "corrected_claim" \
            or route != "clerical_reopening":
        return False
    return not any(says(payer_text, s.words) for s in pattern.when_payer_says if s.another_service and s.words)


def original_deadline(deadline: Deadline | None) -> Deadline | None:
    """The reopening's deadline with no due date: the original's determination date is not known."""
    if deadline is None:
        return None
    return deadline.model_copy(update={"due_date": None, "days_left": None, "overdue": False, "basis": ASK_ORIGINAL,
                                       "when_late": "", "closed": False, "good_cause_only": False})


def reopen_action(original: str | None) -> str:
    """The action that names the claim the reopening is of."""
    icn = f"ICN {original}" if original else "[[original claim's ICN]]"
    return (f"Reopen the original claim ({icn}), not this duplicate: check its status first; the lines below are "
            "what the original claim should carry.")


def _within(claim: Claim) -> bool:
    """The duplicate's original is a paid line of this same claim (the same code denied on one line, paid on another):
    the line corrected is this claim's, counted from this claim's notice (r15: two visits billed as two lines)."""
    denied = {ln.code for ln in claim.lines if ln.denied}
    return any(ln.code in denied for ln in claim.lines if not ln.denied)


def on_original(pattern: DenialPattern | None, payer_text: str, payer_type: str, recommendation: str,
                route: str | None, counted: tuple[Deadline | None, str, date | None], claim: Claim
                ) -> tuple[Deadline | None, str, str | None]:
    """`counted`: the deadline, the route's why and the original's notice date as the file gives it. For a reopening of
    the original claim: its deadline (none without the original's date), the duplicate's reason, the original's ICN
    ("" when the file names none); otherwise `counted` as it was and None."""
    deadline, why, notice = counted
    if pattern is None or not reopens_original(pattern, payer_text, recommendation, route) or _within(claim):
        return deadline, why, None
    reason = pattern_remedy(pattern, payer_type, payer_text, ()).reason
    earlier = earlier_claim(pattern, payer_text)
    if notice is not None or deadline is None:  # the file gives the original's remittance date: counted from it
        return deadline, reason, earlier or ""
    if earlier is not None and earlier not in claim.identifiers:  # this claim is the duplicate: its date is not it
        return original_deadline(deadline), reason, earlier
    # no original named, or the claim given is the original: its notice may be the original's, or the duplicate's
    return deadline.model_copy(update={"basis": f"{deadline.basis}; {MAYBE_DUPLICATES}"}), reason, earlier or ""
