"""CDS Hooks cards for an order-sign call: the wire models and how the cards are built.

Kept apart from the route module so the worker processes (api.tasks) build cards without importing
routes: the route only validates the call and hands the work to a worker.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from api.errors import ApiError
from assistant.models import Report
from assistant.service import Assistant

SOURCE_LABEL = "CTS Documentation Assistant"


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Out):
    label: str
    url: str | None = None


class Link(Out):
    label: str
    url: str
    type: Literal["absolute", "smart"]
    appContext: str | None = None  # noqa: N815


class Card(Out):
    uuid: str | None = None
    summary: str = Field(max_length=139)
    detail: str | None = None
    indicator: Literal["info", "warning", "critical"]
    source: Source
    links: list[Link] | None = None


class CardsResponse(Out):
    cards: list[Card]


class HookRequest(BaseModel):
    """A CDS Hooks call. Extra keys are accepted: clients send extensions."""

    model_config = ConfigDict(extra="allow")
    hook: str
    hookInstance: str  # noqa: N815
    fhirServer: str | None = None  # noqa: N815
    fhirAuthorization: dict[str, Any] | None = None  # noqa: N815
    context: dict[str, Any]
    prefetch: dict[str, Any] | None = None


Indicator = Literal["info", "warning", "critical"]


def card(summary: str, indicator: Indicator, detail: str | None = None, links: list[Link] | None = None) -> Card:
    return Card(uuid=str(uuid.uuid4()), summary=summary[:139], indicator=indicator, detail=detail,
                source=Source(label=SOURCE_LABEL), links=links)


def _orders(bundle: Any) -> list[dict[str, Any]]:
    if not isinstance(bundle, dict) or not isinstance(bundle.get("entry", []), list):
        raise ApiError(422, "bad_draft_orders", "context.draftOrders must be a FHIR Bundle.")
    out = []
    for entry in bundle.get("entry", []):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict) and resource.get("resourceType") in {"ServiceRequest", "ChargeItem"}:
            out.append(resource)
    return out


def _cts_lines(resource: dict[str, Any], training: frozenset[str]) -> list[tuple[str, int]]:
    code: dict[str, Any] = resource["code"] if isinstance(resource.get("code"), dict) else {}
    codings: list[Any] = code["coding"] if isinstance(code.get("coding"), list) else []
    units = _units(resource) or 1  # an unreadable quantity is said on a card of its own (`order_problems`)
    return [(str(c["code"]).strip().upper(), units) for c in codings
            if isinstance(c, dict) and str(c.get("code", "")).strip().upper() in training]


def _units(resource: dict[str, Any]) -> int | None:
    """The ordered quantity as whole units 1-99 (1 when none is given); None when it is given and is not that."""
    qty = resource.get("quantityQuantity") or resource.get("quantity")
    if qty is None:
        return 1
    value = qty.get("value", 1) if isinstance(qty, dict) else qty
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if 1 <= value <= 99 else None


_DATE_KEYS = ("occurrenceDateTime", "authoredOn", "enteredDate")


def _order_date(resource: dict[str, Any]) -> date | None:
    for key in _DATE_KEYS:
        value = resource.get(key)
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def order_problems(resource: dict[str, Any]) -> list[tuple[str, Indicator]]:
    """What in a caregiver-training order cannot be read, so no finding may rest on it: an ordered quantity that
    is no whole number of units from 1 to 99 (1e300, -3, 2.5, "x"), a date that is no calendar day (2024-02-30).
    Said, never replaced by a guess (hostile13 #5: those orders signed with only an info card)."""
    out: list[tuple[str, Indicator]] = []
    if _units(resource) is None:
        out.append(("Order quantity is not a whole number of units from 1 to 99: correct the order before signing.",
                    "warning"))
    bad = [k for k in _DATE_KEYS if isinstance(resource.get(k), str) and _not_a_day(resource[k])]
    if bad and _order_date(resource) is None:
        out.append((f"Order {bad[0]} is not a calendar date: which codes are in force cannot be checked.", "warning"))
    return out


def _not_a_day(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return True
    return False


def _order_notes(resource: dict[str, Any]) -> str:
    """The note texts an order carries, as one note (its annotations in order)."""
    notes = resource.get("note") if isinstance(resource.get("note"), list) else []
    return "\n".join(n["text"] for n in notes if isinstance(n, dict) and isinstance(n.get("text"), str))


def order_cards_for(body: HookRequest, assistant: Assistant, link: Link) -> list[Card]:
    """The cards of an order-sign call (runs in a worker: api.tasks.order_cards)."""
    by_date: dict[date | None, list[tuple[str, int]]] = {}
    notes: dict[tuple[date | None, str], None] = {}  # every order's own note, with the order's date, once
    problems: list[tuple[str, Indicator]] = []
    dos: date | None = None
    for resource in _orders(body.context.get("draftOrders")):
        found = _cts_lines(resource, assistant.knowledge.training_codes)
        if found:
            problems += order_problems(resource)
            by_date.setdefault(_order_date(resource), []).extend(found)
            dos = dos or _order_date(resource)
            # one note attached to several orders of its date is one session: checked and counted once (hostile16
            # #17: the 97550 and 97551 orders carrying the same note made it "support 97550 x2")
            if note := _order_notes(resource):
                notes[(_order_date(resource), note)] = None
    if not by_date:
        return []  # nothing about caregiver training: no card
    # orders are read per date of service (an undated order with the first dated one): a code not yet in force on
    # its own date is critical whatever else is signed with it, and two families are the same minutes only on a date
    undated = by_date.pop(None, [])
    if undated:
        by_date.setdefault(dos, []).extend(undated)
    findings = [f for day, lines in by_date.items() for f in assistant.order_findings(lines, day)]
    said = [*problems, *((f.text, f.indicator) for f in findings)]
    cards = [card(text, indicator) for text, indicator in dict.fromkeys(said)]
    reports = [(day or dos, assistant.check_note(note, dos=day or dos)) for day, note in notes]
    cards += [card(text, "warning", detail) for text, detail in _beyond_notes(by_date, reports)]
    cards += [_note_card(report, link, len(reports) > 1 and i + 1) for i, (_, report) in enumerate(reports)]
    if not cards:
        cards.append(card("Caregiver training ordered: document consent, caregiver, skills, return demo and minutes.",
                           "info", None, [link]))
    return cards


def _beyond_notes(by_date: dict[date | None, list[tuple[str, int]]],
                  reports: list[tuple[date | None, Report]]) -> list[tuple[str, str]]:
    """Ordered lines the attached notes of their date do not support: a code none of them supports, or more units
    than they support together (hostile14 #4: an order for 97551 x2 beside a 32-minute note signed with an info
    card). Dates with no note attached are not compared (nothing says what the session was)."""
    out = []
    for day, lines in by_date.items():
        supported: dict[str, int] = {}
        for _, report in (r for r in reports if r[0] == day):
            for ln in report.billing.lines:
                supported[ln.code] = supported.get(ln.code, 0) + ln.units
        if not any(r[0] == day for r in reports):
            continue
        ordered: dict[str, int] = {}
        for code, units in lines:
            ordered[code] = ordered.get(code, 0) + units
        over = [f"{code} x{units}" for code, units in ordered.items() if units > supported.get(code, 0)]
        if over:
            note_says = ", ".join(f"{c} x{u}" for c, u in supported.items()) or "no CTS units"
            out.append((f"Ordered {', '.join(over)} beyond what the attached note supports ({note_says}).",
                        "Correct the order, or the note if it leaves out what was done, before signing."))
    return out


def _note_card(report: Report, link: Link, number: int | bool = False) -> Card:
    # An order is not a claim: it carries no modifiers and its units are what was ordered, so the note
    # is checked on its own (codes written in it count as billed); the ordered lines are compared with what it
    # supports in `_beyond_notes`.
    s = report.summary
    indicator: Indicator = "critical" if s.blocking else "warning" if s.warnings else "info"
    supported = ", ".join(f"{ln.code} x{ln.units}" for ln in report.billing.lines) or "no CTS units"
    open_items = [c.label or c.id for c in report.checks
                  if c.severity in ("block", "warn") and c.status in ("missing", "problem", "unclear")]
    detail = (f"To fix: {'; '.join(open_items)}. " if open_items else "") + \
        "Open the sidebar to see each element and its evidence."
    which = f"CTS note {number}" if number else "CTS note"
    return card(f"{which}: {s.blocking} blocking, {s.warnings} warnings; documentation supports {supported}.",
                indicator, detail, [link])
