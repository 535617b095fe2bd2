"""What the filing limit and the amount in controversy change about a decision (pure).

A late request is heard only for good cause; the ALJ and federal court hear only disputes worth the year's
amount in controversy (domain facts §11). Both turn a decision into "nothing to file", saying why.
"""

from __future__ import annotations

from datetime import date

from assistant.drafting.deadlines import Deadline
from assistant.drafting.decision import (
    Decision,
)
from assistant.drafting.models import Reason


def too_late(decision: Decision, deadline: Deadline, given: str = "", reopened: date | None = None) -> Decision:
    """The route's filing limit has passed and the claim states no good cause: nothing is left to file.

    A late request is heard only for good cause (facts §11); without one the answer is not to file, with what
    is still open said plainly. Entering the good cause on the claim drafts the request with it. `given` is a
    reason the file gives that is the practice's own matter (an office move, staff on leave): no good cause; it
    comes quoted when the file's words state it, or named by its kind when the claim's own field gave it.
    """
    due = deadline.due_date.isoformat() if deadline.due_date else "its date"
    own = f"The reason {given} is the practice's own matter, not good cause. " if given else ""
    later = deadline.when_late if reopened is None else (
        f"A reopening was already asked for and answered on {reopened.isoformat()}: that answer has no appeal rights "
        "of its own and did not extend the filing limit.")
    text = (
        f"Too late: the filing limit for this route ({deadline.title}) was {due} "
        f"({deadline.basis}), and nothing on the claim states good cause for filing late. {own}{later} "
        "If there is good cause, enter it on the claim (good_cause) and the request is drafted with it."
    )
    reason = Reason(text=" ".join(text.split()), source_ids=list(deadline.sources[:3]))
    return Decision("no_appeal", [reason], advisory=decision.advisory)


def below_threshold(decision: Decision, deadline: Deadline, amount: float | None) -> Decision:
    """The next level hears only a dispute worth its amount in controversy (ALJ, federal court): a claim whose
    charges in dispute fall below the year's figure has no further appeal on its own (facts §11), only aggregated
    with other claims (hostile16 #12: said before "the decision stands"); unknown amounts stand."""
    floor = deadline.amount_in_controversy_threshold
    if decision.recommendation != "appeal" or floor is None or amount is None or amount >= floor:
        return decision
    text = (
        f"No further appeal: {deadline.title} needs an amount in controversy of at least ${floor:,.0f}, and the "
        f"charges in dispute on this claim are ${amount:,.2f}. Claims that share common issues may be aggregated "
        "to reach it (appealed together in one request, e.g. this beneficiary's other denied claims); otherwise the "
        "decision already made on the claim stands."
    )
    reason = Reason(text=text, source_ids=list(deadline.sources[:3]))
    return Decision("no_appeal", [reason], advisory=decision.advisory)
