"""Deterministic scorers for the note-check evals (pure: values in, values out).

A *status table* maps note id → {check id → status}. The scorers compare a predicted table with
an expected (labelled) one:

- accuracy: fraction of notes where predicted status == expected status, per check and overall
  (overall = over every (note, check) pair);
- precision / recall / F1 per check for the "flagged" class (status in ``FLAGGED``:
  ``missing`` or ``problem``), the statuses a user has to act on;
- a confusion summary: counts of (expected, predicted) status pairs, per check and overall;
- billing-line exact match: predicted lines == expected lines as a multiset of
  (code, units, sorted modifiers).

Precision is 1.0 when nothing was flagged and nothing should have been (no false positives are
possible); recall is 1.0 when nothing should have been flagged. The ``defined`` flags say whether
the denominator was non-zero, so a reader can tell "perfect" from "vacuous".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

STATUSES: tuple[str, ...] = ("met", "missing", "problem", "not_applicable", "unclear")
FLAGGED: frozenset[str] = frozenset({"missing", "problem"})

StatusTable = Mapping[str, Mapping[str, str]]
LineKey = tuple[str, int, tuple[str, ...]]


@dataclass(frozen=True)
class CheckScore:
    """Scores of one check over every note that labels it."""

    check_id: str
    n: int
    correct: int
    tp: int
    fp: int
    fn: int
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if (self.tp + self.fp) else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if (self.tp + self.fn) else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if (p + r) else 0.0

    @property
    def precision_defined(self) -> bool:
        return (self.tp + self.fp) > 0

    @property
    def recall_defined(self) -> bool:
        return (self.tp + self.fn) > 0


def is_flagged(status: str) -> bool:
    """True for the statuses a user must act on (the positive class)."""
    return status in FLAGGED


def score_check(check_id: str, expected: StatusTable, predicted: StatusTable) -> CheckScore:
    """Score one check over the notes of ``expected`` (a note absent from ``predicted`` counts as wrong)."""
    n = correct = tp = fp = fn = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for note_id, labels in expected.items():
        if check_id not in labels:
            continue
        want = labels[check_id]
        got = predicted.get(note_id, {}).get(check_id, "<absent>")
        n += 1
        correct += want == got
        confusion[(want, got)] += 1
        if is_flagged(want) and is_flagged(got):
            tp += 1
        elif is_flagged(got):
            fp += 1
        elif is_flagged(want):
            fn += 1
    return CheckScore(check_id, n, correct, tp, fp, fn, dict(confusion))


def score_checks(
    expected: StatusTable, predicted: StatusTable, check_ids: Iterable[str] | None = None
) -> dict[str, CheckScore]:
    """Score every check id (default: every id that appears in ``expected``), in a stable order."""
    if check_ids is None:
        seen: dict[str, None] = {}
        for labels in expected.values():
            for cid in labels:
                seen.setdefault(cid, None)
        check_ids = seen
    return {cid: score_check(cid, expected, predicted) for cid in check_ids}


def overall_accuracy(scores: Mapping[str, CheckScore]) -> float:
    """Accuracy over every (note, check) pair."""
    n = sum(s.n for s in scores.values())
    return sum(s.correct for s in scores.values()) / n if n else 1.0


def note_accuracy(expected: StatusTable, predicted: StatusTable) -> float:
    """Fraction of notes whose every check status is right."""
    if not expected:
        return 1.0
    exact = sum(
        all(predicted.get(nid, {}).get(cid) == st for cid, st in labels.items()) for nid, labels in expected.items()
    )
    return exact / len(expected)


def flagged_micro(scores: Mapping[str, CheckScore]) -> tuple[float, float]:
    """Micro-averaged (precision, recall) of the flagged class over all checks."""
    tp = sum(s.tp for s in scores.values())
    fp = sum(s.fp for s in scores.values())
    fn = sum(s.fn for s in scores.values())
    precision = tp / (tp + fp) if (tp + fp) else 1.0
    recall = tp / (tp + fn) if (tp + fn) else 1.0
    return precision, recall


def confusion_summary(scores: Mapping[str, CheckScore]) -> dict[tuple[str, str], int]:
    """(expected, predicted) → count, summed over all checks."""
    total: Counter[tuple[str, str]] = Counter()
    for s in scores.values():
        total.update(s.confusion)
    return dict(total)


def format_confusion(confusion: Mapping[tuple[str, str], int], statuses: Sequence[str] = STATUSES) -> str:
    """A plain-text matrix: rows expected, columns predicted (extra predicted values appended)."""
    cols = list(statuses) + sorted({g for _, g in confusion} - set(statuses))
    short = {"not_applicable": "n/a"}
    head = "expected \\ got".ljust(16) + "".join(short.get(c, c).rjust(9) for c in cols)
    rows = [head]
    for want in statuses:
        cells = [confusion.get((want, got), 0) for got in cols]
        rows.append(short.get(want, want).ljust(16) + "".join(str(c).rjust(9) for c in cells))
    return "\n".join(rows)


def _line_field(line: Any, name: str, default: Any) -> Any:
    if isinstance(line, Mapping):
        return line.get(name, default)
    return getattr(line, name, default)


def line_key(line: Any) -> LineKey:
    """(code, units, sorted modifiers) of a billing line given as a mapping or an object."""
    code = str(_line_field(line, "code", "")).strip().upper()
    units = int(_line_field(line, "units", 1))
    modifiers = tuple(sorted(str(m).strip().upper() for m in (_line_field(line, "modifiers", None) or [])))
    return code, units, modifiers


def lines_match(expected: Iterable[Any], predicted: Iterable[Any]) -> bool:
    """Exact match of two sets of billing lines as multisets of (code, units, sorted modifiers)."""
    return Counter(map(line_key, expected)) == Counter(map(line_key, predicted))


def billing_exact_match(expected: Mapping[str, Iterable[Any]], predicted: Mapping[str, Iterable[Any]]) -> float:
    """Fraction of notes whose predicted billing lines match the expected ones exactly."""
    if not expected:
        return 1.0
    hits = sum(lines_match(lines, predicted.get(nid, [])) for nid, lines in expected.items())
    return hits / len(expected)
