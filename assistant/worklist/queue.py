"""The worklist use cases: list, show, change, attach a note, record a draft, statistics.

Every query is scoped to one practice; an id of another practice's item is simply not found.
"""

from __future__ import annotations

import contextlib
import re
import time
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from assistant.drafting.deadlines import deadline_for
from assistant.drafting.same_patient import same_patient
from assistant.errors import InputError, ItemNotFoundError, TransitionError
from assistant.worklist import states, stats, views
from assistant.worklist.db import Event, Item
from assistant.worklist.store import Store, utcnow
from assistant.worklist_models import SORTS, STATUSES, ItemDetail, ItemUpdate, Page, Stats

RATES_TTL = 10.0
MIN_ID, MAX_ID = 1, 2**31 - 1  # item ids are 32-bit on PostgreSQL (the API takes no larger)
# what the expected-recovery estimate reads of an item (views.deadline and stats.Rates.expected_cents)
_RANKING = (Item.id, Item.open, Item.denied_cents, Item.pattern_id, Item.payer_key, Item.action, Item.route,
            Item.notice_date, Item.service_date, Item.payer_deadline)
_DUE = re.compile(r"^\s*(\d{1,4})\s*([dw]?)\s*$", re.I)


def parse_due(value: str | int | None) -> int | None:
    """'14d' / '2w' / '14' → days ahead (overdue items included)."""
    if value is None or isinstance(value, int):
        return value
    match = _DUE.match(value)
    if not match:
        raise InputError(f"cannot read the due window {value[:20]!r}", hint="use days or weeks: 14d, 2w")
    return int(match.group(1)) * (7 if match.group(2).lower() == "w" else 1)


def parse_statuses(values: list[str] | None) -> list[str] | None:
    """Statuses to filter by (any case); an unknown one is an error that lists the statuses, never an empty list."""
    if not values:
        return None
    out = [value.strip().lower() for value in values]
    unknown = [value for value in out if value not in STATUSES]
    if unknown:
        raise InputError(f"unknown status {unknown[0][:20]!r}", hint=f"use one of: {', '.join(STATUSES)}")
    return out


def parse_sort(value: str) -> str:
    sort = value.strip().lower()
    if sort not in SORTS:
        raise InputError(f"unknown sort {value[:20]!r}", hint=f"use one of: {', '.join(SORTS)}")
    return sort


# An item whose route moved up a level (after a decision) appeals the level below it.
_PRIOR_LEVEL = {"reconsideration": "redetermination", "alj": "reconsideration"}


def _draft_line(ln: dict[str, Any]) -> dict[str, Any]:
    line: dict[str, Any] = {
        "code": ln["code"],
        "units": max(1, int(ln.get("units") or 1)),
        "modifiers": list(ln.get("modifiers") or []),
    }
    if ln.get("charge") is not None:
        line["charge"] = str(ln["charge"])
    with contextlib.suppress(KeyError, InvalidOperation):  # the remittance paid nothing on a denied line
        line["denied"] = Decimal(str(ln["paid"])) == 0
    return line


def _billed(item: Item) -> str:
    """The claim's charge: its lines' charges together (the claim's CLP03 when the remittance lists them all), never
    the item's own line alone, which is less than the claim's other denied lines (hostile15 #12: a warning about
    an amount the worklist itself had set)."""
    total = Decimal(item.charge_cents) / 100
    with contextlib.suppress(InvalidOperation, TypeError):
        total = max(total, sum((Decimal(str(ln["charge"])) for ln in item.claim_lines or []
                                if ln.get("charge") is not None), Decimal(0)))
    return f"{total:.2f}"


def draft_claim(item: Item, codes: set[str]) -> dict[str, Any]:
    """The claim as `assistant appeal` takes it, from what the remittance gave the item: numbers, patient,
    payer, notice date (DTM*405 or the payment date), the caregiver-training lines and which were denied."""
    claim = {
        "claim_number": item.patient_control_number,
        "icn": item.payer_claim_number,
        "payer": item.payer_name,
        "payer_type": item.payer_type,
        "patient_name": item.patient_name,
        "member_id": item.member_id,
        "npi": item.rendering_npi or None,
        "date_of_service": item.service_date.isoformat() if item.service_date else None,
        "notice_date": item.notice_date.isoformat() if item.notice_date else None,
        "payer_deadline": item.payer_deadline.isoformat() if item.payer_deadline else None,
        "prior_level": _PRIOR_LEVEL.get(item.route or ""),
        "billed_amount": _billed(item),
        "lines": [_draft_line(ln) for ln in item.claim_lines or [] if ln.get("code") in codes],
    }
    return {k: v for k, v in claim.items() if v}


@dataclass
class Filters:
    due_days: int | None = None
    status: list[str] | None = None  # None: open items
    payer: str | None = None
    assignee: str | None = None
    pattern: str | None = None
    assignee_names: tuple[str, ...] = ()  # the stored assignees `assignee` matches (`_with_names`)


def _fold(text: str) -> str:
    """A name without case or accents ("Zoë Ørsted" -> "zoe orsted"); letters NFKD leaves whole are mapped."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.casefold().translate(_UNSPLIT)


_UNSPLIT = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ħ": "h", "ı": "i"})


def _with_names(s: Session, practice_id: int, f: Filters) -> Filters:
    """`f` with the practice's assignees whose name contains `f.assignee`, both folded (hostile15 #14: "zoe" did
    not find "Zoë", as SQL lower() folds ASCII only). Folded here, over the few distinct names, not per item."""
    if not f.assignee:
        return f
    needle = _fold(f.assignee)
    stored = s.scalars(select(Item.assignee).where(Item.practice_id == practice_id,
                                                   Item.assignee.is_not(None)).distinct())
    return replace(f, assignee_names=tuple(n for n in stored if n and needle in _fold(n)))


def _contains(value: str) -> str:
    """A LIKE pattern for "contains `value`, any case": its own % and _ are letters, not wildcards (hostile14 #15:
    payer=% matched every item)."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(query: Select[Any], practice_id: int, f: Filters, today: date) -> Select[Any]:
    query = query.where(Item.practice_id == practice_id)
    query = query.where(Item.status.in_(f.status)) if f.status else query.where(Item.open.is_(True))
    if f.due_days is not None:
        query = query.where(Item.due_date <= today + timedelta(days=f.due_days))
    if f.payer:
        needle = _contains(f.payer)
        query = query.where(or_(func.lower(Item.payer_name).like(needle, escape="\\"), Item.payer_key == f.payer))
    if f.assignee:  # part of the name, any case or accent ("rowan" finds "Rowan Biller", "zoe" finds "Zoë")
        query = query.where(Item.assignee.in_(f.assignee_names))
    if f.pattern:
        query = query.where(Item.pattern_id == f.pattern)
    return query


def _undated(s: Session, practice_id: int, f: Filters, today: date) -> int:
    """Items the other filters select that a due window leaves out for want of a deadline (something to file,
    no due date: the payer's own deadline not entered yet)."""
    undated = replace(f, due_days=None)
    query = _where(select(func.count()).select_from(Item), practice_id, undated, today)
    return s.scalar(query.where(Item.due_date.is_(None), Item.route.is_not(None), Item.action != "no_appeal")) or 0


def _by_recovery(
    knowledge: Any, s: Session, ranking: Select[Any], rates: stats.Rates, today: date, page: int, per_page: int
) -> list[Item]:
    """One page of items by expected recovery, highest first. Only the columns the estimate reads are loaded
    for the whole queue (not the notes and drafts an item carries); the page's items load by id."""
    def expected(row: Any) -> float:
        d = views.deadline(knowledge, row, today) if row.open else None
        return rates.expected_cents(row.denied_cents, row.pattern_id, row.payer_key, row.action,
                                    overdue=bool(d and d.overdue))

    ranked = sorted(s.execute(ranking), key=lambda r: (-expected(r), r.id))
    ids = [r.id for r in ranked[(page - 1) * per_page : page * per_page]]
    loaded = {i.id: i for i in s.scalars(select(Item).where(Item.id.in_(ids)))} if ids else {}
    return [loaded[i] for i in ids]


class Worklist:
    def __init__(self, store: Store, knowledge: Any) -> None:
        self.store = store
        self.knowledge = knowledge
        self._rates: dict[int, tuple[float, stats.Rates]] = {}

    def _rates_for(self, s: Session, practice_id: int) -> stats.Rates:
        """Overturn rates, aggregated by the database at most every RATES_TTL seconds per practice (and
        again at once after an outcome recorded here): they estimate, so a few seconds' lag is harmless."""
        cached = self._rates.get(practice_id)
        if cached is not None and time.monotonic() - cached[0] < RATES_TTL:
            return cached[1]
        rates = stats.rates(s, practice_id)
        self._rates[practice_id] = (time.monotonic(), rates)
        return rates

    def _item(self, s: Session, practice_id: int, item_id: int) -> Item:
        # an id no database integer can hold (SQLite and PostgreSQL would raise, not answer) is no item either
        fits = MIN_ID <= item_id <= MAX_ID
        item = s.scalar(select(Item).where(Item.id == item_id, Item.practice_id == practice_id)) if fits else None
        if item is None:
            raise ItemNotFoundError(f"no worklist item {item_id}", hint="list the worklist to see item ids")
        return item

    def _detail(self, s: Session, practice_id: int, item: Item, today: date) -> ItemDetail:
        events = list(s.scalars(select(Event).where(Event.item_id == item.id).order_by(Event.at, Event.id)))
        rate = self._rates_for(s, practice_id).rate(item.pattern_id, item.payer_key)
        return views.detail(self.knowledge, item, events, today, rate)

    def list(
        self, practice: str, f: Filters, *, sort: str = "due", page: int = 1, per_page: int = 50, today: date
    ) -> Page:
        pid = self.store.practice_id(practice)
        with self.store.session() as s:
            f = _with_names(s, pid, f)
            total = s.scalar(_where(select(func.count()).select_from(Item), pid, f, today)) or 0
            rates = self._rates_for(s, pid)
            if sort == "recovery":
                ranking = _where(cast("Select[Any]", select(*_RANKING)), pid, f, today)
                rows = _by_recovery(self.knowledge, s, ranking, rates, today, page, per_page)
            else:
                order = (Item.due_date.asc().nulls_last(), Item.id)
                rows = list(
                    s.scalars(
                        _where(select(Item), pid, f, today)
                        .order_by(*order)
                        .offset((page - 1) * per_page)
                        .limit(per_page)
                    )
                )
            items = [views.summary(self.knowledge, i, today, rates.rate(i.pattern_id, i.payer_key)) for i in rows]
            others = stats.other_code_denials(s, pid)
            undated = _undated(s, pid, f, today) if f.due_days is not None else 0
        return Page(
            items=items,
            total=total,
            page=page,
            per_page=per_page,
            sort=sort,
            today=today,
            other_code_denials=others,
            undated_left_out=undated,
        )

    def show(self, practice: str, item_id: int, *, today: date) -> ItemDetail:
        pid = self.store.practice_id(practice)
        with self.store.session() as s:
            return self._detail(s, pid, self._item(s, pid, item_id), today)

    def update(self, practice: str, item_id: int, change: ItemUpdate, *, actor: str, today: date) -> ItemDetail:
        _refuse_submitted_on(change, today)
        if change.decided_on is not None and change.decided_on > today:
            raise InputError(f"the decision date {change.decided_on.isoformat()} is in the future "
                             f"(today is {today.isoformat()})",
                             hint="give the date on the payer's decision, today or earlier; leave it out to mean today")
        pid = self.store.practice_id(practice)
        with self.store.session() as s:
            item = self._item(s, pid, item_id)
            _refuse_misplaced(self.knowledge, item, change)
            events: list[Event] = []
            if change.assignee is not None and change.assignee != (item.assignee or ""):
                events.append(_event(item, pid, actor, "assigned", f"assigned to {change.assignee or 'nobody'}"))
                item.assignee = change.assignee or None
            if change.payer_deadline is not None:
                events.append(_event(item, pid, actor, "deadline", f"payer deadline set to {change.payer_deadline}"))
                item.payer_deadline = change.payer_deadline
                self._redate(item, today)
            if change.status is not None:
                events.append(self._transition(item, change, actor, pid, today))
                if change.status in states.OUTCOMES:
                    s.add(stats.decision_row(item))
            if not events:
                raise InputError("nothing to change", hint="give a status, an assignee or a payer deadline")
            item.updated_at = utcnow()
            s.add_all(events)
            s.flush()
            return self._detail(s, pid, item, today)

    def _redate(self, item: Item, today: date) -> None:
        views.redate(self.knowledge, item, today)

    def _transition(self, item: Item, change: ItemUpdate, actor: str, pid: int, today: date) -> Event:
        target = change.status
        assert target is not None
        states.check_transition(item.status, target, change.reason)
        event = _event(item, pid, actor, "status", change.reason or "", to_status=target)
        if item.status == "lost" and target == "new":
            event.detail = self._next_level(item, change.decided_on or item.decided_on or today, today)
        if target == "submitted":
            item.submitted_on = change.submitted_on or today
        if target in states.OUTCOMES or item.status in states.OUTCOMES:
            self._rates.pop(pid, None)
        if target in states.OUTCOMES:
            item.decided_on = change.decided_on or today
            full = item.denied_cents if target == "won" else 0
            item.recovered_cents = round(change.recovered * 100) if change.recovered is not None else full
        item.status, item.status_reason, item.open = target, change.reason or "", states.is_open(target)
        return event

    def _next_level(self, item: Item, decided: date, today: date) -> str:
        """Take a lost item to the level after its route, counted from the decision; refused (nothing changes) when
        no level follows or the amount in dispute is below the next level's amount in controversy (facts §11)."""
        nxt = states.NEXT_LEVEL.get(item.route or "")
        if nxt is None and item.route == "plan_reconsideration":
            raise TransitionError(
                "a Medicare Advantage plan that upholds its denial at reconsideration forwards the case to the "
                "Independent Review Entity (IRE) itself: nothing is filed at the next level",
                hint="keep the item lost while the IRE decides; the IRE's notice states the further appeal (an ALJ "
                     "hearing) and its deadline")
        if nxt is None:
            raise TransitionError("this route has no further appeal level", hint="write the item off instead")
        d = deadline_for(self.knowledge, route=nxt, today=today, notice_date=decided, dos=item.service_date)
        floor = d.amount_in_controversy_threshold
        if floor is not None and item.denied_cents < floor * 100:
            raise TransitionError(
                f"{d.title} needs an amount in controversy of at least ${floor:,.0f}; item {item.id}'s amount in "
                f"dispute is ${item.denied_cents / 100:,.2f}, so the decision stands",
                hint="write the item off with the reason, unless other claims are appealed together with it")
        item.route, item.notice_date, item.payer_deadline = nxt, decided, None
        item.submitted_on = item.decided_on = item.recovered_cents = None
        item.action = "appeal"
        self._redate(item, today)
        return f"taken to the next level: {nxt}"

    def attach_note(
        self, practice: str, item_id: int, text: str, *, note_dates: list[date], actor: str, today: date
    ) -> ItemDetail:
        """Attach the note of the item's session; `note_dates`: the dates the note gives for its own session.

        One session's note documents every line of its claim, so the claim's other open lines of the same date of
        service that have no note yet get it too (hostile14 #14: the CLI and the API disagreed on this, and bulk
        drafting of the second line failed with "no note attached"). A line that has its own note keeps it."""
        pid = self.store.practice_id(practice)
        with self.store.session() as s:
            item = self._item(s, pid, item_id)
            refuse_other_session(item.id, item.service_date, note_dates)
            same_patient(text, item.patient_name, item.member_id, whose=f"item {item.id}")
            for line in [item, *self._same_session_lines(s, pid, item)]:
                line.note_text, line.updated_at = text, utcnow()
                shared = "" if line is item else f", from item {item.id} of the same claim"
                s.add(_event(line, pid, actor, "note", f"note attached ({len(text)} characters{shared})"))
            s.flush()
            return self._detail(s, pid, item, today)

    def _same_session_lines(self, s: Session, practice_id: int, item: Item) -> list[Item]:
        """The claim's other open lines of the item's date of service without a note."""
        if item.service_date is None:
            return []
        rows = s.scalars(select(Item).where(
            Item.practice_id == practice_id, Item.payer_key == item.payer_key,
            Item.payer_claim_number == item.payer_claim_number, Item.service_date == item.service_date,
            Item.id != item.id, Item.open.is_(True), Item.note_text.is_(None)))
        return list(rows)

    def draft_inputs(self, practice: str, item_id: int) -> tuple[str, str | None, dict[str, Any], date | None]:
        """What `Assistant.draft_appeal` needs: denial codes, the attached note, the claim, the date of service."""
        pid = self.store.practice_id(practice)
        with self.store.session() as s:
            item = self._item(s, pid, item_id)
            cts = {c.code for c in self.knowledge.codes.values() if c.family in ("cts", "direct_care", "behavior")}
            return item.denial, item.note_text, draft_claim(item, cts), item.service_date

    def record_draft(self, practice: str, item_id: int, result: Any, *, actor: str, today: date) -> ItemDetail:
        pid = self.store.practice_id(practice)
        with self.store.session() as s:
            item = self._item(s, pid, item_id)
            if not states.is_open(item.status) or item.status == "submitted":
                raise TransitionError(f"an item that is {item.status} cannot be drafted again")
            item.draft = result.model_dump_json()
            item.action = line_action(item, result)
            route = getattr(result, "route", None)
            if isinstance(route, str) and route and route != item.route:  # the appeals decision's route, once merged
                item.route = route
            self._redate(item, today)  # a route or an action that files nothing changes the due date
            own = "" if item.action == result.recommendation else f" ({item.action} for this item's line)"
            event = _event(item, pid, actor, "drafted", f"recommendation: {result.recommendation}{own}",
                           to_status="drafted")
            item.status, item.updated_at = "drafted", utcnow()
            s.add(event)
            s.flush()
            return self._detail(s, pid, item, today)

    def draft_json(self, practice: str, item_id: int) -> str | None:
        pid = self.store.practice_id(practice)
        with self.store.session() as s:
            return self._item(s, pid, item_id).draft

    def stats(self, practice: str) -> Stats:
        pid = self.store.practice_id(practice)
        with self.store.session() as s:
            return stats.stats(s, pid)


def line_action(item: Item, result: Any) -> str:
    """The draft's recommendation for this item's own line: a claim's appeal that drops the line ("Do not appeal
    97551 x1 GP: the note does not support it") files nothing for it, so the item is no_appeal, with no deadline and
    no expected recovery (hostile16 #6: the dropped line stayed "appeal" with $30 expected)."""
    recommendation = str(result.recommendation)
    dropped = {line.code for line in getattr(result, "dropped_lines", None) or []}
    kept = {line.code for line in getattr(result, "supported_lines", None) or []}
    if recommendation == "appeal" and item.procedure in dropped and item.procedure not in kept:
        return "no_appeal"
    return recommendation


def refuse_other_session(item_id: int, service_date: date | None, note_dates: list[date]) -> None:
    """A note dated for another session than the item's is an operator's wrong attachment (or a claim with a wrong
    date): refused before anything is stored, so it never decides the item, its action or its expected recovery.
    A note that gives no date, or an item without one, cannot be compared and is taken."""
    if service_date is None or not note_dates or service_date in note_dates:
        return
    # the note's own dates are not repeated: an error message never carries what the note says
    raise InputError(
        f"the note is dated for another day than item {item_id}'s date of service, {service_date.isoformat()}: "
        "the note is not used and the item is unchanged",
        hint=f"attach the note written for {service_date.isoformat()}; if it is the claim that carries the wrong "
             "date, correct the claim with the payer instead",
    )


_RECOVERING = frozenset({"won", "partially_won"})


def _refuse_submitted_on(change: ItemUpdate, today: date) -> None:
    """A submission date is recorded with the status submitted, on a day that has come (hostile14 #10: an appeal
    sent before the tool was adopted, or recorded a few days late, had to be dated today)."""
    if change.submitted_on is None:
        return
    if change.status != "submitted":
        raise InputError("a submission date is recorded with the status submitted",
                         hint="give --status submitted with it (submitted_on in the API)")
    if change.submitted_on > today:
        raise InputError(f"the submission date {change.submitted_on.isoformat()} is in the future "
                         f"(today is {today.isoformat()})", hint="give the day the request was sent")


def _refuse_early_submission(item: Item, submitted_on: date) -> None:
    if item.notice_date is not None and submitted_on < item.notice_date:
        raise InputError(f"the submission date {submitted_on.isoformat()} is before item {item.id}'s notice date "
                         f"({item.notice_date.isoformat()}): a request answers a denial already received",
                         hint="give the day the request was sent, on or after the notice date")


def _refuse_misplaced(knowledge: Any, item: Item, change: ItemUpdate) -> None:
    """A value the change cannot mean is refused, never silently stored or dropped: an amount recovered is
    recorded with a win and is at most what the payer denied on the line (as a correction's payment is, see the
    importer); a decision date belongs to a decision (or to the next level it opens); a payer's own deadline
    only dates a route whose limit the payer sets (a Medicare limit is the regulation's)."""
    target = change.status
    if change.recovered is not None:
        if target not in _RECOVERING:
            raise InputError("an amount recovered is recorded with the outcome won or partially_won",
                             hint="give the status won or partially_won with it; a lost appeal recovers nothing")
        if round(change.recovered * 100) > item.denied_cents:
            raise InputError(f"the amount recovered (${change.recovered:,.2f}) is more than item {item.id}'s denied "
                             f"amount (${item.denied_cents / 100:,.2f})",
                             hint=f"give what the payer paid on this line after the decision, at most "
                                  f"${item.denied_cents / 100:,.2f}")
    if target == "partially_won":
        _refuse_partial_without_amount(item, change.recovered)
    reopening = item.status == "lost" and target == "new"
    if change.decided_on is not None and target not in states.OUTCOMES and not reopening:
        raise InputError("a decision date is recorded with a decision (won, partially_won or lost)",
                         hint="a submission is dated today by itself; give the decision date with the outcome")
    if change.submitted_on is not None:
        _refuse_early_submission(item, change.submitted_on)
    submitted = change.submitted_on or item.submitted_on
    if target in states.OUTCOMES and change.decided_on is not None and submitted and change.decided_on < submitted:
        # a decision cannot come before its request: the days to decision would be negative
        raise InputError(f"the decision date {change.decided_on.isoformat()} is before item {item.id} was recorded "
                         f"as submitted ({submitted.isoformat()})",
                         hint="check the date on the payer's decision; a submission recorded late is dated with "
                              "--submitted-on (submitted_on in the API)")
    if change.payer_deadline is not None:
        _refuse_payer_deadline(knowledge, item, change.payer_deadline)


def _refuse_partial_without_amount(item: Item, recovered: float | None) -> None:
    """A partial win recovered part of the denied amount: more than nothing, less than all (else it is lost or won),
    so its amount is required rather than recorded as $0 and counted as an overturn."""
    if recovered is None or not 0 < round(recovered * 100) < item.denied_cents:
        raise InputError("partially_won needs the amount recovered, more than $0 and less than item "
                         f"{item.id}'s denied amount (${item.denied_cents / 100:,.2f})",
                         hint="give --recovered with what the payer paid on the line after the decision; "
                              "use won when it paid all of it, lost when it paid nothing")


def _refuse_payer_deadline(knowledge: Any, item: Item, due: date) -> None:
    route = knowledge.appeals.route(item.route) if item.route else None
    if route is None or route.counts_from != "payer":
        counted = views.deadline(knowledge, item, due)
        limit = f"is counted by rule ({counted.title}, {counted.basis})" if counted else "does not exist"
        raise InputError(f"item {item.id}'s filing limit {limit}; a payer deadline would not be used",
                         hint="a payer deadline dates only an appeal whose limit the payer's notice or contract sets "
                              "(a commercial or Medicaid payer's appeal)")
    start = item.notice_date or item.service_date
    if start is not None and due < start:
        raise InputError(f"the payer deadline {due.isoformat()} is before item {item.id}'s "
                         f"{'notice' if item.notice_date else 'date of service'} ({start.isoformat()})",
                         hint="give the appeal deadline printed on the payer's notice, YYYY-MM-DD")


def _event(
    item: Item, practice_id: int, actor: str, action: str, detail: str, *, to_status: str | None = None
) -> Event:
    return Event(
        item_id=item.id,
        practice_id=practice_id,
        at=utcnow(),
        actor=actor[:120],
        action=action,
        from_status=item.status,
        to_status=to_status,
        detail=detail[:500],
    )

