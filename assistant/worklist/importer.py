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
from sqlalchemy.orm import Session

from assistant.remittance.models import Claim, Payment, Remittance
from assistant.worklist import stats, views
from assistant.worklist.classify import Candidate, as_billed, cents, cts_codes, split_claim
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
        """Open items whose claim the payer reversed, by (payer, patient control number): few, loaded once."""
        for item in self.session.scalars(
            select(Item).where(Item.practice_id == self.practice_id, Item.reversed.is_(True), Item.open.is_(True))
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
        created_at=now,
        updated_at=now,
    )


def _reversal_targets(run: _Run, remittance: Remittance) -> dict[tuple[str, str], list[Item]]:
    """Open items of the claims this file reverses, by (payer, claim number): one query per 400 claims."""
    keys = sorted(
        {(p.payer_key[:80], c.payer_claim_number[:50]) for p in remittance.payments for c in p.claims if c.is_reversal}
    )
    found: dict[tuple[str, str], list[Item]] = {}
    for start in range(0, len(keys), 400):
        cols = tuple_(Item.payer_key, Item.payer_claim_number)
        for item in run.session.scalars(
            select(Item).where(
                Item.practice_id == run.practice_id, Item.open.is_(True), cols.in_(keys[start : start + 400])
            )
        ):
            found.setdefault((item.payer_key, item.payer_claim_number), []).append(item)
    return found


def _reverse(run: _Run, payment: Payment, claim: Claim) -> None:
    run.summary.reversals += 1
    for item in run.targets.pop((payment.payer_key[:80], claim.payer_claim_number[:50]), []):
        run.reversed.setdefault((item.payer_key, item.patient_control_number), []).append(item)
        item.reversed = True
        item.updated_at = utcnow()
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


def _correction(
    run: _Run, knowledge: Any, payment: Payment, claim: Claim, candidates: list[Candidate]
) -> list[Candidate]:
    """Match a correction's lines to reversed items; return the candidates that are new denials."""
    pending = run.reversed.pop((payment.payer_key[:80], claim.patient_control_number[:40]), [])
    if not pending:
        return candidates
    by_line = {(c.line.procedure, c.line.service_date): c for c in candidates}
    for item in pending:
        c = by_line.pop((item.procedure, item.service_date), None)
        if c is not None:
            _carry_over(run, knowledge, item, c)
            continue
        paid = next(
            (
                ln.paid
                for ln in map(as_billed, claim.lines)
                if ln.procedure == item.procedure and ln.service_date == item.service_date
            ),
            None,
        )
        if paid is not None:
            _close_paid(run, item, cents(paid))
    return [c for c in candidates if (c.line.procedure, c.line.service_date) in by_line]


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


def _insert_new(run: _Run) -> None:
    def key(c: Candidate) -> tuple[str, str, str]:
        return c.payment.payer_key[:80], c.claim.payer_claim_number[:50], c.key

    existing = _existing(run.session, run.practice_id, {key(c) for c in run.new})
    rows, seen = [], set(existing)
    for c in run.new:
        if key(c) not in seen:
            seen.add(key(c))
            rows.append(_item_row(c, run))
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
        session.flush()
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
        cts_denials=file.cts_denials,
        other_denials=file.other_denials,
        items_created=0 if already else file.items_created,
        reversals=file.reversals,
        problems=[ImportProblem(**p) for p in file.problems or []],
    )
