"""A visit split over two claims: the add-on denied alone while its primary was paid on the other claim (pure).

    split_visit(kb, pattern, claim, payer_text, recommendation) -> the claim that paid the primary, or None
    split_visit_reasons(pattern, split) -> why that claim is the one corrected

A practice-management system that splits one day's caregiver training over two claims leaves the add-on (97551,
G0542) alone on one of them, denied for want of its primary (CO-B15, N122), while the primary is paid on the other
claim and its own remittance. Adding the primary to this claim again would bill a paid service twice (a duplicate,
CO-18); the add-on goes with the claim that paid the primary. What the pattern says to do is data
(knowledge/denials/patterns.yaml `primary_paid_elsewhere`).
"""

from __future__ import annotations

from dataclasses import replace

from assistant.drafting.claims import Claim
from assistant.drafting.history import History, earlier_notice, primary_paid_elsewhere
from assistant.drafting.models import Reason
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import DenialPattern


def split_visit(kb: Knowledge, pattern: DenialPattern | None, claim: Claim, payer_text: str,
                recommendation: str) -> History | None:
    """The other claim that paid the denied add-on's primary for this date, with its own remittance date (the
    correction's window counts from that claim's decision), when the file shows it; None otherwise."""
    if pattern is None or not pattern.primary_paid_elsewhere or recommendation != "corrected_claim":
        return None
    billed = {ln.code for ln in claim.lines}
    primaries = {code.primary for c in billed if (code := kb.codes.get(c)) is not None and code.primary}
    if not primaries or primaries & billed:  # the primary is on this claim: nothing was split off
        return None
    found = primary_paid_elsewhere(payer_text, claim, primaries)
    if found is None or found.paid_claim is None:
        return None
    return replace(found, earlier_notice=earlier_notice(payer_text, found.paid_claim, claim.date_of_service))


def split_visit_reasons(pattern: DenialPattern | None, split: History | None) -> list[Reason]:
    """Why the claim that paid the primary is the one corrected; [] when the visit was not split."""
    if pattern is None or split is None:
        return []
    text = f"The file shows the primary for this date paid on claim {split.paid_claim} (\"{split.paid_said}\"). " \
        + pattern.primary_paid_elsewhere
    return [Reason(text=text, source_ids=list(pattern.sources[:2]))]
