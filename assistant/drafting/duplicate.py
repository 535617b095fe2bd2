"""A duplicate (CO-18) answered on the original claim (hostile17 #10): the reopening is of the original claim, so
its window counts from the original's determination, and the action names the original's ICN.

    reopens_original(pattern, payer_text, recommendation, route) -> bool
    original_deadline(deadline) -> the deadline without a due date, asking for the original's notice date

The duplicate's own notice date is not the original's determination: when the file does not give the original's
remittance date, no due date is counted from the duplicate's; the biller is asked for it. A denied line the payer's
words call another session than the paid one (`another_service`) is not a duplicate: it is this claim's line.
"""

from __future__ import annotations

from assistant.drafting.deadlines import Deadline
from assistant.drafting.remedy import says
from assistant.knowledge.schema import DenialPattern

ASK_ORIGINAL = ("Give the original claim's notice date (its remittance, by its ICN) to count the filing limit: the "
                "reopening is of the original claim, and its 1 year counts from the original's determination, not "
                "from this duplicate's notice.")


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
