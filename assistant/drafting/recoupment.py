"""An appeal of a Medicare overpayment demand: the date by which filing also stops recoupment (pure).

    recoupment_reason(kb, recommendation, payer_type, payer_text, notice_date) -> list[Reason]

A valid redetermination request received within 30 days of the demand letter stops Medicare from
recouping the overpayment while it is decided (42 CFR 405.379; knowledge/appeals/levels.yaml
`recoupment`); the appeal's own 120-day limit is unchanged, so the deadline stays the redetermination's.
"""

from __future__ import annotations

from datetime import date, timedelta

from assistant.drafting.models import Reason
from assistant.drafting.remedy import says
from assistant.knowledge.loader import Knowledge


def recoupment_reason(kb: Knowledge, recommendation: str, payer_type: str, payer_text: str,
                      notice_date: date | None) -> list[Reason]:
    """One reason naming the date that stops recoupment, for an appeal of a Medicare overpayment demand."""
    rule = kb.appeals.recoupment
    if rule is None or recommendation != "appeal" or payer_type != "medicare" or notice_date is None:
        return []
    if says(payer_text, rule.words) is None:
        return []
    until = notice_date + timedelta(days=rule.days)
    text = (f"This is an overpayment demand: a redetermination request received by {until.isoformat()} ({rule.days} "
            f"days from the demand dated {notice_date.isoformat()}) also stops Medicare from recouping the "
            "overpayment while the appeal is decided. Filed later but within the appeal deadline it is still "
            "heard, but recoupment may already have begun.")
    return [Reason(text=text, source_ids=list(rule.sources))]
