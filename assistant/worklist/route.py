"""The preliminary action and route of an item, from the payer type and the denial codes alone.

STOPGAP: the appeals decision (issue 9) extends `draft_appeal` with a `route` decided from the
note, the claim and the denial. Until that is merged, an item's route at import comes from this
one function; once a letter is drafted the item takes the drafting result's recommendation and,
when present, its route (`assistant.worklist.queue.record_draft`). Replace this function with the
drafting package's route decision when it lands.
"""

from __future__ import annotations

# Claim errors fixed by correcting the line rather than appealing (domain facts §11): missing or
# invalid units/information (CO-16 + M53), modifier (CO-4), missing primary line (B15/107 + N122),
# KX threshold (PR-119), rendering NPI (N290).
CORRECTABLE_CARCS = frozenset({"16", "4", "B15", "107", "119"})
CORRECTABLE_RARCS = frozenset({"M53", "N122", "N290"})
APPEAL_ROUTE = {"medicare": "redetermination", "medicare_advantage": "plan_reconsideration"}


def preliminary_route(payer_type: str, group: str, carcs: list[str], rarcs: list[str]) -> tuple[str | None, str]:
    """(route, action) with action in appeal | corrected_claim | no_appeal; route None when nothing is filed."""
    codes = set(carcs)
    if codes & {"29", "18"}:  # timely filing expired / exact duplicate: nothing to file
        return None, "no_appeal"
    if group == "PR" and codes & {"50", "96"} and payer_type == "medicare":  # a valid ABN shifted liability
        return None, "no_appeal"
    if "MA130" in rarcs:  # unprocessable: no appeal rights, submit a new claim
        return "new_claim", "corrected_claim"
    if codes & CORRECTABLE_CARCS or set(rarcs) & CORRECTABLE_RARCS:
        return ("clerical_reopening" if payer_type == "medicare" else "new_claim"), "corrected_claim"
    return APPEAL_ROUTE.get(payer_type, "payer_appeal"), "appeal"
