"""Outcome statistics per denial pattern, payer and route, and the overturn rates behind expected recovery.

Until outcomes exist the rate is a stated prior, and it moves toward the recorded outcomes as
they accumulate (shrinkage with PRIOR_WEIGHT pseudo-decisions): pattern and payer → the pattern's
other payers → all other patterns → PRIOR_RATE. Each level counts only the decisions the level below
it does not, so one decision is counted once: a single win rates (1 + 4 x 0.5) / 5 = 60 %, and a
pattern+payer pair with 2 wins in 2 decisions and nothing else recorded rates (2 + 4 x 0.5) / 6.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session, aliased

from assistant.worklist.db import Decision, Item, RemittanceFile
from assistant.worklist_models import StatRow, Stats

PRIOR_RATE = 0.5
PRIOR_WEIGHT = 4.0
PRIOR = (
    f"Before outcomes exist, every item's overturn rate is a neutral {PRIOR_RATE:.0%} prior worth "
    f"{PRIOR_WEIGHT:g} decisions; recorded outcomes pull it toward the rate observed for the same pattern "
    "and payer, then the pattern's other payers, then the other patterns, each decision counted once."
)
LEARNED = (
    f"Expected recovery uses the overturn rate recorded for the same pattern and payer, pulled toward the pattern's "
    f"other payers, then the other patterns, then a neutral {PRIOR_RATE:.0%} prior worth {PRIOR_WEIGHT:g} decisions "
    "while few outcomes exist; each decision counted once."
)


@dataclass
class _Tally:
    decided: int = 0
    won: int = 0
    partially_won: int = 0
    lost: int = 0
    denied: int = 0
    recovered: int = 0
    days: list[int] = field(default_factory=list)

    def add(self, status: str, denied: int, recovered: int | None, days: int | None) -> None:
        self.decided += 1
        setattr(self, status, getattr(self, status) + 1)
        self.denied += denied
        self.recovered += recovered or 0
        if days is not None:
            self.days.append(days)

    @property
    def overturned(self) -> int:
        return self.won + self.partially_won


def decision_row(item: Item) -> Decision:
    """The decision an item just received, as it stands at its level (kept when the item moves on)."""
    return Decision(
        item_id=item.id,
        practice_id=item.practice_id,
        pattern_id=item.pattern_id,
        payer_key=item.payer_key,
        payer_name=item.payer_name,
        route=item.route,
        status=item.status,
        denied_cents=item.denied_cents,
        recovered_cents=item.recovered_cents,
        submitted_on=item.submitted_on,
        decided_on=item.decided_on,
    )


def _decided(session: Session, practice_id: int) -> list[Any]:
    cols = (
        Decision.pattern_id,
        Decision.payer_key,
        Decision.payer_name,
        Decision.route,
        Decision.status,
        Decision.denied_cents,
        Decision.recovered_cents,
        Decision.submitted_on,
        Decision.decided_on,
    )
    return list(session.execute(select(*cols).where(Decision.practice_id == practice_id)))


def _shrink(overturned: float, decided: int, prior: float) -> float:
    return (overturned + PRIOR_WEIGHT * prior) / (decided + PRIOR_WEIGHT)


class Rates:
    """Overturn rate for (pattern, payer), shrunk toward the pattern's other payers, then the other patterns, then
    the prior: each level's own decisions are left out of the level it shrinks toward, never counted twice.

    Built from (pattern, payer, overturned, decided) counts, aggregated by the database."""

    def __init__(self, counts: list[tuple[str | None, str, int, int]]) -> None:
        self.pattern: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.pair: dict[tuple[str, str], tuple[int, int]] = {}
        self.total = [0, 0]
        for pattern_id, payer_key, won, n in counts:
            pattern = pattern_id or "-"
            self.pair[(pattern, payer_key)] = (won, n)
            self.pattern[pattern][0] += won
            self.pattern[pattern][1] += n
            self.total[0] += won
            self.total[1] += n

    def rate(self, pattern_id: str | None, payer_key: str) -> float:
        pattern = pattern_id or "-"
        p_won, p_n = self.pattern.get(pattern, (0, 0))
        pp_won, pp_n = self.pair.get((pattern, payer_key), (0, 0))
        r_others = _shrink(self.total[0] - p_won, self.total[1] - p_n, PRIOR_RATE)
        r_pattern = _shrink(p_won - pp_won, p_n - pp_n, r_others)
        return _shrink(pp_won, pp_n, r_pattern)

    def expected_cents(self, denied_cents: int, pattern_id: str | None, payer_key: str, action: str,
                       overdue: bool = False) -> float:
        """Expected recovery: nothing for a denial with nothing to file or whose filing limit has passed (late filing
        needs good cause, which a forecast cannot presume), else denied x overturn rate."""
        return 0.0 if action == "no_appeal" or overdue else denied_cents * self.rate(pattern_id, payer_key)


def rates(session: Session, practice_id: int) -> Rates:
    overturned = func.sum(case((Decision.status.in_(("won", "partially_won")), 1), else_=0))
    query = (
        select(Decision.pattern_id, Decision.payer_key, overturned, func.count())
        .where(Decision.practice_id == practice_id)
        .group_by(Decision.pattern_id, Decision.payer_key)
    )
    return Rates([(r[0], r[1], int(r[2] or 0), int(r[3])) for r in session.execute(query)])


def _row(dimension: str, key: str, t: _Tally) -> StatRow:
    return StatRow(
        dimension=dimension,
        key=key,
        decided=t.decided,
        won=t.won,
        partially_won=t.partially_won,
        lost=t.lost,
        overturn_rate=round(t.overturned / t.decided, 4) if t.decided else None,
        denied=t.denied / 100,
        recovered=t.recovered / 100,
        median_days_to_decision=statistics.median(t.days) if t.days else None,
    )


def stats(session: Session, practice_id: int) -> Stats:
    groups: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    for r in _decided(session, practice_id):
        days = (r.decided_on - r.submitted_on).days if r.decided_on and r.submitted_on else None
        for dimension, key in (
            ("pattern", r.pattern_id or "(no pattern)"),
            ("payer", r.payer_name),
            ("route", r.route or "(none)"),
        ):
            groups[(dimension, key)].add(r.status, r.denied_cents, r.recovered_cents, days)
    open_count, open_denied, repeats = _open_services(session, practice_id)
    rows = [_row(d, k, t) for (d, k), t in sorted(groups.items())]
    return Stats(rows=rows, open_items=open_count, open_denied=open_denied / 100, open_redenials=repeats,
                 prior=PRIOR if not rows else LEARNED)


def _open_services(session: Session, practice_id: int) -> tuple[int, int, int]:
    """Open items and their denied amount with each service counted once: a re-denial (the payer denied again,
    under a new claim number, a service an item holds) is left out while the item it repeats is open (hostile17
    #14: 572 services counted as 1,030 items)."""
    earlier = aliased(Item)
    repeat = exists().where(earlier.id == Item.redenial_of, earlier.open.is_(True))
    counted = case((repeat, 0), else_=1)
    total, denied, repeats = session.execute(
        select(func.count(), func.coalesce(func.sum(Item.denied_cents * counted), 0),
               func.coalesce(func.sum(1 - counted), 0))
        .where(Item.practice_id == practice_id, Item.open.is_(True))
    ).one()
    return int(total) - int(repeats), int(denied), int(repeats)


def other_code_denials(session: Session, practice_id: int) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(RemittanceFile.other_denials), 0)).where(
            RemittanceFile.practice_id == practice_id
        )
    )
    return int(total or 0)
