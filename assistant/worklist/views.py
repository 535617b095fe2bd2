"""Rows of the database as the models callers see: items with days left, codes with meanings, history."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from assistant.drafting.deadlines import Deadline, deadline_for
from assistant.worklist.db import Event, Item
from assistant.worklist.states import TRANSITIONS
from assistant.worklist_models import DraftInfo, EventView, ItemDetail, ItemSummary, ReasonView


def deadline(knowledge: Any, item: Item, today: date) -> Deadline | None:
    """The item's filing limit; none when nothing is filed (no route, or a draft that found nothing to file)."""
    if item.route is None or item.action == "no_appeal":
        return None
    return deadline_for(
        knowledge,
        route=item.route,
        today=today,
        notice_date=item.notice_date,
        dos=item.service_date,
        payer_deadline=item.payer_deadline,
    )


def redate(knowledge: Any, item: Item, today: date) -> None:
    """The stored due date (what the queue sorts and filters by) from the item's deadline, after whatever it
    counts from changed: the route, the notice (a payer's correction), the payer's deadline."""
    d = deadline(knowledge, item, today)
    item.due_date = d.due_date if d else None


def summary(knowledge: Any, item: Item, today: date, rate: float) -> ItemSummary:
    d = deadline(knowledge, item, today) if item.open else None
    return ItemSummary(
        id=item.id,
        status=item.status,
        payer=item.payer_name,
        payer_type=item.payer_type,
        claim_number=item.payer_claim_number,
        patient_control_number=item.patient_control_number,
        patient=item.patient_name,
        service_date=item.service_date,
        procedure=item.procedure,
        modifiers=[m for m in item.modifiers.split(":") if m],
        units=item.units,
        charge=item.charge_cents / 100,
        paid=item.paid_cents / 100,
        denied=item.denied_cents / 100,
        denial=item.denial,
        pattern_id=item.pattern_id,
        action=item.action,
        route=item.route,
        level=d.level if d else None,
        due_date=item.due_date,
        days_left=d.days_left if d else None,
        overdue=bool(d and d.overdue),
        # as Rates.expected_cents: nothing when there is nothing to file or its filing limit has passed (late filing
        # needs good cause, which a forecast cannot presume)
        expected_recovery=round(item.denied_cents * rate / 100, 2)
        if item.open and item.action != "no_appeal" and not (d and d.overdue)
        else 0.0,
        assignee=item.assignee,
        reversed=item.reversed,
        attention=item.attention or "",
    )


def codes(knowledge: Any, item: Item) -> list[ReasonView]:
    out: list[ReasonView] = []
    for adj in item.adjustments or []:
        known = knowledge.reason_codes.get(adj["reason"])
        out.append(
            ReasonView(
                code=adj["reason"],
                kind="carc",
                group=adj["group"],
                amount=float(adj["amount"]),
                meaning=known.meaning if known is not None and known.kind == "carc" else "",
            )
        )
    for code in dict.fromkeys(item.remarks or []):
        known = knowledge.reason_codes.get(code)
        out.append(
            ReasonView(
                code=code, kind="rarc", meaning=known.meaning if known is not None and known.kind == "rarc" else ""
            )
        )
    return out


def _draft_info(item: Item) -> DraftInfo | None:
    if not item.draft:
        return None
    data = json.loads(item.draft)
    return DraftInfo(
        recommendation=data.get("recommendation", ""),
        has_letter=data.get("letter") is not None,
        route=data.get("route") if isinstance(data.get("route"), str) else None,
    )


def detail(knowledge: Any, item: Item, events: list[Event], today: date, rate: float) -> ItemDetail:
    base = summary(knowledge, item, today, rate).model_dump()
    d = deadline(knowledge, item, today)
    return ItemDetail(
        **base,
        member_id=item.member_id,
        rendering_npi=item.rendering_npi,
        codes=codes(knowledge, item),
        claim_lines=list(item.claim_lines or []),
        deadline_title=d.title if d else "",
        deadline_basis=d.basis if d else "No filing is recommended for this denial.",
        deadline_sources=list(d.sources) if d else [],
        overturn_rate=round(rate, 4),
        status_reason=item.status_reason,
        note_attached=bool(item.note_text),
        draft=_draft_info(item),
        payer_deadline=item.payer_deadline,
        submitted_on=item.submitted_on,
        decided_on=item.decided_on,
        recovered=item.recovered_cents / 100 if item.recovered_cents is not None else None,
        next_statuses=sorted(TRANSITIONS.get(item.status, ())),
        history=[
            EventView(
                at=e.at,
                actor=e.actor,
                action=e.action,
                from_status=e.from_status,
                to_status=e.to_status,
                detail=e.detail,
            )
            for e in events
        ],
    )
