"""An 835 into the worklist: new items for new denials, nothing twice, reversals and corrections followed.

- The same file (same bytes) is recognised by its SHA-256 and changes nothing.
- An item is one line of one payer claim (practice, payer, ICN, line): the same claim in another
  file (a re-sent remittance) adds nothing.
- A reversal (CLP02 = 22) marks the open items of the reversed claim. The payer's correction (a
  new claim for the same patient control number) then either carries the item over (still denied:
  new ICN and amounts, same status and history) or closes it: `won` when an appeal was submitted,
  else `corrected`, with the amount the reprocessed line paid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import insert, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assistant.errors import ConcurrentChangeError
from assistant.remittance.models import Claim, Payment, Remittance, ServiceLine
from assistant.worklist import stats, views
from assistant.worklist.classify import Candidate, as_billed, cents, cts_codes, line_key, split_claim
from assistant.worklist.db import Event, Item, RemittanceFile
from assistant.worklist.store import Store, utcnow
from assistant.worklist_models import ImportProblem, ImportSummary

ACTOR_IMPORT = "era-import"
# control and format characters (NUL, newlines, bidi overrides): a stored name is shown back and must not reorder or
# end what is printed around it
_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def stored_filename(filename: str) -> str:
    """The name an upload is kept under: its last path part, without control characters (hostile15 #15:
    "../../etc/passwd%00.835" was kept and echoed with its path and its NUL)."""
    last = re.split(r"[\\/]", _UNSHOWN.sub("", filename))[-1].strip()
    return "" if last in {".", ".."} else last[:255]


@dataclass
class _Run:
    session: Session
    practice_id: int
    file: RemittanceFile
    actor: str
    today: date
    summary: ImportSummary
    new: list[Candidate] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    reversed: dict[tuple[str, str], list[Item]] = field(default_factory=dict)
    targets: dict[tuple[str, str], list[Item]] = field(default_factory=dict)

    def load_reversed(self) -> None:
        """Items whose claim the payer reversed, by (payer, patient control number): few, loaded once. A decided
        item is among them too: the payer's correction of it is recorded on it (hostile16 #10)."""
        for item in self.session.scalars(
            select(Item).where(Item.practice_id == self.practice_id, Item.reversed.is_(True))
        ):
            self.reversed.setdefault((item.payer_key, item.patient_control_number), []).append(item)

    def event(self, item: Item, action: str, detail: str, to_status: str | None = None) -> None:
        self.events.append(
            dict(
                item_id=item.id,
                practice_id=self.practice_id,
                at=utcnow(),
                actor=self.actor,
                action=action,
                from_status=item.status,
                to_status=to_status,
                detail=detail[:500],
            )
        )


def _item_row(c: Candidate, run: _Run) -> dict[str, Any]:
    now = utcnow()
    line, claim, payment = c.line, c.claim, c.payment
    return dict(
        practice_id=run.practice_id,
        remittance_id=run.file.id,
        payer_key=payment.payer_key[:80],
        payer_name=payment.payer_name[:120],
        payer_type=c.payer_type,
        patient_control_number=claim.patient_control_number[:40],
        payer_claim_number=claim.payer_claim_number[:50],
        claim_status=claim.status[:4],
        patient_name=claim.patient_name[:120],
        member_id=claim.member_id[:40],
        rendering_npi=claim.rendering_npi[:15],
        line_key=c.key,
        procedure=line.procedure[:8],
        modifiers=":".join(line.modifiers)[:20],
        units=int(line.original_units or line.units or 1),
        service_date=line.service_date,
        charge_cents=cents(line.charge),
        paid_cents=cents(line.paid),
        allowed_cents=cents(line.allowed) if line.allowed is not None else None,
        denied_cents=c.denied_cents,
        adjustments=[{"group": a.group, "reason": a.reason, "amount": str(a.amount)} for a in c.adjustments],
        remarks=c.remarks,
        claim_lines=c.claim_lines,
        denial=c.denial[:120],
        pattern_id=c.pattern_id,
        action=c.action,
        route=c.route,
        notice_date=payment.notice_date,
        payer_deadline=None,
        due_date=c.due_date,
        status="new",
        status_reason="",
        assignee=None,
        open=True,
        reversed=False,
        attention="",
        redenial_of=None,
        created_at=now,
        updated_at=now,
    )


def _reversal_targets(run: _Run, remittance: Remittance) -> dict[tuple[str, str], list[Item]]:
    """Items of the claims this file reverses, by (payer, claim number): one query per 400 claims. Decided items
    too (hostile16 #10: a reversal and payment of a line recorded lost left no trace on it)."""
    keys = sorted(
        {(p.payer_key[:80], c.payer_claim_number[:50]) for p in remittance.payments for c in p.claims if c.is_reversal}
    )
    found: dict[tuple[str, str], list[Item]] = {}
    for start in range(0, len(keys), 400):
        cols = tuple_(Item.payer_key, Item.payer_claim_number)
        for item in run.session.scalars(
            select(Item).where(Item.practice_id == run.practice_id, cols.in_(keys[start : start + 400]))
        ):
            found.setdefault((item.payer_key, item.payer_claim_number), []).append(item)
    return found


def _reverse(run: _Run, payment: Payment, claim: Claim) -> None:
    run.summary.reversals += 1
    for item in run.targets.pop((payment.payer_key[:80], claim.payer_claim_number[:50]), []):
        run.reversed.setdefault((item.payer_key, item.patient_control_number), []).append(item)
        item.reversed = True
        item.updated_at = utcnow()
        if not item.open:  # decided or closed already: the payer changing it is news the biller must see
            item.attention = f"the payer reversed the claim after the item was {item.status} (remittance {run.file.id})"
        run.event(
            item, "reversed", f"the payer reversed the claim (remittance {run.file.id}); a correction is expected"
        )


def _carry_over(run: _Run, knowledge: Any, item: Item, c: Candidate) -> None:
    row, denial_before = _item_row(c, run), item.denial
    for name in (
        "payer_claim_number",
        "claim_status",
        "line_key",
        "charge_cents",
        "paid_cents",
        "allowed_cents",
        "denied_cents",
        "adjustments",
        "remarks",
        "claim_lines",
        "denial",
        "pattern_id",
        "notice_date",
        # the reprocessed claim is a new initial determination: its denial decides the route and the clock again
        "action",
        "route",
    ):
        setattr(item, name, row[name])
    item.reversed, item.updated_at = False, utcnow()
    views.redate(knowledge, item, run.today)  # the correction's notice starts the item's filing limit again
    run.summary.items_updated += 1
    detail = f"the payer reprocessed the claim; the line is still denied ({c.denial})"
    if item.status == "drafted" and denial_before != item.denial:  # the draft answers a denial that is gone
        detail += "; the draft was for the earlier denial: draft the item again"
        run.event(item, "reprocessed", detail, to_status="new")
        item.status, item.draft = "new", None
        return
    run.event(item, "reprocessed", detail)


def _close_paid(run: _Run, item: Item, paid_cents: int) -> None:
    target = "won" if item.status == "submitted" else "corrected"
    run.event(item, "reprocessed", f"the reprocessed claim paid the line (${paid_cents / 100:.2f})", to_status=target)
    item.status, item.open, item.reversed, item.updated_at = target, False, False, utcnow()
    item.status_reason = "paid when the payer reprocessed the claim"
    if target == "won":
        item.recovered_cents, item.decided_on = min(paid_cents, item.denied_cents), run.today
        run.session.add(stats.decision_row(item))
    run.summary.items_closed += 1


def _match_rank(item: Item, line: ServiceLine) -> int | None:
    """How surely a correction's line is the item's line: 0 by the line control number (REF*6R), 1 by code,
    modifiers and date, 2 by code and date alone; None when it is another line (hostile16 #2: two 97550 lines of
    one date, GP and GO, were matched to each other's items)."""
    if item.procedure != line.procedure or item.service_date != line.service_date:
        return None
    if line.control_number and item.line_key == line.control_number[:80]:
        return 0
    if line.control_number and not item.line_key.startswith(f"{item.procedure}:"):
        return None  # both carry a control number (classify.line_key), and they differ: another line
    return 1 if item.modifiers == ":".join(line.modifiers)[:20] else 2


def _pair(items: list[Item], lines: list[tuple[str, ServiceLine]]) -> list[tuple[Item, str, ServiceLine]]:
    """Each item with its surest line, each line used once (surest matches first). Few lines per claim."""
    ranked = sorted(
        (rank, n, i, key, line)
        for n, item in enumerate(items)
        for i, (key, line) in enumerate(lines)
        if (rank := _match_rank(item, line)) is not None
    )
    taken_items: set[int] = set()
    taken_lines: set[int] = set()
    out = []
    for _rank, n, i, key, line in ranked:
        if n not in taken_items and i not in taken_lines:
            taken_items.add(n)
            taken_lines.add(i)
            out.append((items[n], key, line))
    return out


def _correction(
    run: _Run, knowledge: Any, payment: Payment, claim: Claim, candidates: list[Candidate]
) -> list[Candidate]:
    """Match a correction's lines to reversed items; return the candidates that are new denials."""
    pending = run.reversed.pop((payment.payer_key[:80], claim.patient_control_number[:40]), [])
    if not pending:
        return candidates
    by_key = {c.key: c for c in candidates}
    lines = [(line_key(ln, n), ln) for n, ln in enumerate(map(as_billed, claim.lines))]
    for item, key, line in _pair(pending, lines):
        c = by_key.pop(key, None)
        if not item.open:
            _after_decision(run, item, c, line)
        elif c is not None:
            _carry_over(run, knowledge, item, c)
        else:
            _close_paid(run, item, cents(line.paid))
    return [c for c in candidates if c.key in by_key]


def _after_decision(run: _Run, item: Item, c: Candidate | None, line: ServiceLine) -> None:
    """The payer's correction of a line already decided (won, lost, ...): the decision and its statistics stay as
    recorded, the history says what the payer did, and the item is flagged for the biller (hostile16 #10)."""
    what = (f"still denies the line ({c.denial})" if c is not None
            else f"paid ${cents(line.paid) / 100:.2f} on the line")
    item.attention = (f"after the item was {item.status}, the payer reprocessed the claim and {what} "
                      f"(remittance {run.file.id}): check the recorded outcome")[:500]
    item.reversed, item.updated_at = False, utcnow()
    run.event(item, "reprocessed", item.attention)


def _existing(session: Session, practice_id: int, keys: Iterable[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    keys = list(keys)
    found: set[tuple[str, str, str]] = set()
    for start in range(0, len(keys), 400):
        chunk = keys[start : start + 400]
        cols = tuple_(Item.payer_key, Item.payer_claim_number, Item.line_key)
        rows = session.execute(
            select(Item.payer_key, Item.payer_claim_number, Item.line_key).where(
                Item.practice_id == practice_id, cols.in_(chunk)
            )
        )
        found.update((r[0], r[1], r[2]) for r in rows)
    return found


def _same_claims(run: _Run, fresh: list[Candidate]) -> dict[tuple[str, str], list[Item]]:
    """Items already held for the claims (payer, patient control number) of new denials: one query per 400."""
    keys = sorted({(c.payment.payer_key[:80], c.claim.patient_control_number[:40]) for c in fresh})
    found: dict[tuple[str, str], list[Item]] = {}
    for start in range(0, len(keys), 400):
        cols = tuple_(Item.payer_key, Item.patient_control_number)
        for item in run.session.scalars(
            select(Item).where(Item.practice_id == run.practice_id, cols.in_(keys[start : start + 400]))
        ):
            found.setdefault((item.payer_key, item.patient_control_number), []).append(item)
    return found


def _link_redenial(run: _Run, row: dict[str, Any], c: Candidate, earlier: list[Item]) -> None:
    """A new denial of a service an item already holds under another claim number (the payer denied it again, or
    the practice's resubmission was denied): both items say so, so the biller works and counts it once
    (hostile16 #18: two unlinked open items for one service)."""
    match = next((i for i in earlier if i.payer_claim_number != row["payer_claim_number"]
                  and _match_rank(i, c.line) is not None), None)
    if match is None:
        return
    row["redenial_of"] = match.id
    row["attention"] = (f"the payer denied this service again under claim {row['payer_claim_number']}: item "
                        f"{match.id} (claim {match.payer_claim_number}) holds the same line; work them as one")[:500]
    match.attention = (f"the payer denied this service again under claim {row['payer_claim_number']} "
                       f"(remittance {run.file.id}), kept as a separate item")[:500]
    match.updated_at = utcnow()
    run.event(match, "re-denied", match.attention)


def _insert_new(run: _Run) -> None:
    def key(c: Candidate) -> tuple[str, str, str]:
        return c.payment.payer_key[:80], c.claim.payer_claim_number[:50], c.key

    existing = _existing(run.session, run.practice_id, {key(c) for c in run.new})
    rows, seen, fresh = [], set(existing), []
    for c in run.new:
        if key(c) not in seen:
            seen.add(key(c))
            fresh.append(c)
    earlier = _same_claims(run, fresh)
    for c in fresh:
        row = _item_row(c, run)
        _link_redenial(run, row, c, earlier.get((row["payer_key"], row["patient_control_number"]), []))
        rows.append(row)
    if rows:
        for start in range(0, len(rows), 2_000):  # plain executemany: RETURNING with ordering is slow on SQLite
            run.session.execute(insert(Item), rows[start : start + 2_000])
        ids = run.session.scalars(
            select(Item.id)
            .where(Item.practice_id == run.practice_id, Item.remittance_id == run.file.id, Item.status == "new")
            .order_by(Item.id)
        )
        now = utcnow()
        run.events += [
            dict(
                item_id=i,
                practice_id=run.practice_id,
                at=now,
                actor=run.actor,
                action="imported",
                from_status=None,
                to_status="new",
                detail=f"from remittance {run.file.id}",
            )
            for i in ids
        ]
    run.summary.items_created = len(rows)


class _FileRaceError(Exception):
    """Another import of the same file was saved while this one ran (uq_remittance_file): import again, which finds
    it already imported."""


# attempts of one import: a second finds the file another upload saved first, or items another writer changed
_ATTEMPTS = 3


def import_remittance(
    store: Store,
    knowledge: Any,
    remittance: Remittance,
    *,
    practice: str,
    filename: str = "",
    actor: str = ACTOR_IMPORT,
    today: date,
) -> ImportSummary:
    """Import once; concurrent uploads are taken one after another (hostile16 #11: two uploads of the same file at
    once answered 503 instead of "already imported"). Each attempt is one transaction that saves all or nothing."""
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            return _import_once(store, knowledge, remittance, practice, filename, actor, today)
        except (_FileRaceError, ConcurrentChangeError):
            if attempt == _ATTEMPTS:
                raise ConcurrentChangeError(
                    "Other changes to the same worklist items kept being saved first; the remittance was not "
                    "imported.", hint="import the file again") from None
    raise AssertionError("unreachable")


def _new_file(session: Session, practice_id: int, remittance: Remittance, filename: str, actor: str) -> RemittanceFile:
    file = RemittanceFile(
        practice_id=practice_id,
        sha256=remittance.sha256,
        filename=stored_filename(filename),
        imported_at=utcnow(),
        imported_by=actor[:120],
        payments=len(remittance.payments),
        claims=remittance.claims,
        problems=[p.model_dump() for p in remittance.problems],
    )
    session.add(file)
    try:
        session.flush()  # on both databases, waits for a concurrent import of the same bytes to end
    except IntegrityError:
        raise _FileRaceError from None
    return file


def _import_once(
    store: Store, knowledge: Any, remittance: Remittance, practice: str, filename: str, actor: str, today: date
) -> ImportSummary:
    practice_id = store.practice_id(practice)
    codes = cts_codes(knowledge)
    with store.session() as session:
        prior = session.scalar(
            select(RemittanceFile).where(
                RemittanceFile.practice_id == practice_id, RemittanceFile.sha256 == remittance.sha256
            )
        )
        if prior is not None:
            return _summary_of(prior, already=True)
        file = _new_file(session, practice_id, remittance, filename, actor)
        summary = ImportSummary(
            file_id=file.id,
            filename=file.filename,
            payments=file.payments,
            claims=file.claims,
            problems=[ImportProblem(**p.model_dump()) for p in remittance.problems],
        )
        run = _Run(session, practice_id, file, actor, today, summary)
        run.load_reversed()
        run.targets = _reversal_targets(run, remittance)
        for payment in remittance.payments:
            for claim in payment.claims:
                _claim(run, knowledge, codes, payment, claim)
        _insert_new(run)
        if run.events:
            session.execute(insert(Event), run.events)
        file.cts_denials, file.other_denials = summary.cts_denials, summary.other_denials
        file.items_created, file.items_updated, file.reversals = (
            summary.items_created,
            summary.items_updated,
            summary.reversals,
        )
    return summary


def _claim(run: _Run, knowledge: Any, codes: frozenset[str], payment: Payment, claim: Claim) -> None:
    if claim.is_reversal:
        _reverse(run, payment, claim)
        return
    split = split_claim(knowledge, codes, payment, claim, run.today)
    run.summary.cts_denials += len(split.candidates)
    run.summary.other_denials += split.other_denials
    run.new += _correction(run, knowledge, payment, claim, split.candidates)


def _summary_of(file: RemittanceFile, *, already: bool) -> ImportSummary:
    return ImportSummary(
        file_id=file.id,
        filename=file.filename,
        already_imported=already,
        payments=file.payments,
        claims=file.claims,
        # an already imported file changed nothing now: no figure is reported as found or done again (hostile16 #11)
        cts_denials=0 if already else file.cts_denials,
        other_denials=0 if already else file.other_denials,
        items_created=0 if already else file.items_created,
        reversals=0 if already else file.reversals,
        problems=[ImportProblem(**p) for p in file.problems or []],
    )
