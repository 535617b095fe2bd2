"""The preliminary action and route of an item, before a note is attached.

The rule is the drafting decision's own (`assistant.drafting.route.route_before_note`: the denial pattern's remedy for
the payer type, routed as a drafted answer is), so the queue and `assistant appeal` never disagree. Once an item is
drafted it takes the drafting result's recommendation and, when present, its route
(`assistant.worklist.queue.record_draft`).
"""

from __future__ import annotations

from typing import Any

from assistant.drafting.denial import parse_denial
from assistant.drafting.route import route_before_note
from assistant.errors import DenialCodeError


def preliminary_route(knowledge: Any, payer_type: str, denial: str) -> tuple[str | None, str]:
    """(route, action) with action in appeal | corrected_claim | no_appeal; route None when nothing is filed.
    A denial label with no code the knowledge base reads is appealed by the payer type's first level."""
    try:
        parsed, _ = parse_denial(denial, knowledge.reason_codes)
    except DenialCodeError:
        parsed = None
    if parsed is None:
        first = {"medicare": "redetermination", "medicare_advantage": "plan_reconsideration"}
        return first.get(payer_type, "payer_appeal"), "appeal"
    return route_before_note(knowledge, payer_type, parsed)  # type: ignore[arg-type]  # payer types are checked
