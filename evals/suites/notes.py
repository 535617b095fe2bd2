"""Note-check suite: runs `assistant.check_note` over labelled note sets and scores it.

Metrics of one set: ``check_accuracy`` (every note × check pair), ``nonmet_accuracy`` (the pairs
whose label is not ``met``), ``note_exact`` (notes with all 20 right), ``billing_exact``
(billing.lines as a multiset), ``minutes_exact`` (time.total_minutes, over items that label it),
``errors`` (crashes), micro ``flagged_precision`` / ``flagged_recall``, per check ``acc.<id>``,
``precision.<id>``, ``recall.<id>``, and per style ``acc.style.<style>`` / ``billing.style.<style>``.
``details`` lists the ten most common error kinds, the worst checks, the status confusion and
every mismatch (expected vs got).

The default run scores the development set, the held-out set (``holdout_*``: details name only
the checks that miss, so the engine is not tuned on it by accident) and the real-world
development corpora (``rw_*``). ``--file PATH`` (repeatable, via ``evals.run``) scores any set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from evals import scorers
from evals.labels import DATASETS, NOTES_DEV, NOTES_HOLDOUT, NoteItem, load_notes

NAME = "notes"
# development sets by independent authors (round 2 "rw", rounds 3 and 4): scored together as rw_*
# every round's development notes by independent authors ("notes_r3_dev_a", "notes_r10_dev_b"), never a sealed set
RW_DEV = tuple(sorted(DATASETS.glob("notes_rw_dev_*.yaml")) + sorted(
    [*DATASETS.glob("notes_r[0-9]_dev*.yaml"), *DATASETS.glob("notes_r[1-9][0-9]_dev*.yaml")]
))
TOP_ERRORS = 10

Prediction = tuple[dict[str, str], list[dict[str, Any]], str | None, int | None]


def predict_with_engine(item: NoteItem) -> Prediction:
    """Run `assistant.check_note` on one item: (statuses, billing lines, error or None, total minutes)."""
    import assistant

    try:
        report = assistant.check_note(item.text, dos=item.dos, billed=item.billed, profile=item.profile)
    except Exception as exc:  # one broken note must not hide the others' scores
        return {}, [], f"{type(exc).__name__}: {exc}", None
    statuses: dict[str, str] = {c.id: str(c.status) for c in report.checks}
    lines = [line.model_dump() for line in report.billing.lines]
    return statuses, lines, None, report.time.total_minutes


def _fmt_lines(lines: list[dict[str, Any]]) -> str:
    if not lines:
        return "[]"
    return ", ".join(
        f"{code} x{units}{(' ' + ' '.join(mods)) if mods else ''}" for code, units, mods in map(scorers.line_key, lines)
    )


def _mistakes(it: NoteItem, statuses: dict[str, str], lines: list[dict[str, Any]], minutes: int | None) -> list[str]:
    wrong = [
        f"{cid}: expected {want}, got {statuses.get(cid, '<absent>')}"
        for cid, want in it.expected_checks.items()
        if statuses.get(cid) != want
    ]
    if not scorers.lines_match(it.expected_lines, lines):
        wrong.append(f"billing.lines: expected {_fmt_lines(it.expected_lines)}, got {_fmt_lines(lines)}")
    if it.has_minutes_label and minutes != it.expected_minutes:
        wrong.append(f"total_minutes: expected {it.expected_minutes}, got {minutes}")
    return wrong


def _kind(mistake: str) -> str:
    """The error kind of a mismatch: billing and minutes mismatches are one kind each."""
    head = mistake.split(":", 1)[0]
    return mistake if head not in ("billing.lines", "total_minutes") else f"{head} wrong"


def _by_style(items: list[NoteItem], ok_checks: dict[str, float], ok_lines: dict[str, bool]) -> dict[str, float]:
    out: dict[str, float] = {}
    styles = sorted({it.style for it in items if it.style})
    for style in styles:
        ids = [it.id for it in items if it.style == style]
        out[f"acc.style.{style}"] = sum(ok_checks[i] for i in ids) / len(ids)
        out[f"billing.style.{style}"] = sum(ok_lines[i] for i in ids) / len(ids)
    return out


def evaluate(items: list[NoteItem], predict: Callable[[NoteItem], Any] = predict_with_engine) -> dict[str, Any]:
    """Score ``predict`` over ``items``; returns metrics and ``details``."""
    predicted: dict[str, dict[str, str]] = {}
    predicted_lines: dict[str, list[dict[str, Any]]] = {}
    minutes: dict[str, int | None] = {}
    errors: dict[str, str] = {}
    for it in items:
        statuses, lines, err, *rest = predict(it)
        predicted[it.id], predicted_lines[it.id] = statuses, lines
        minutes[it.id] = rest[0] if rest else None
        if err:
            errors[it.id] = err

    expected = {it.id: it.expected_checks for it in items}
    scores = scorers.score_checks(expected, predicted)
    precision, recall = scorers.flagged_micro(scores)
    nonmet = [(it.id, cid) for it in items for cid, want in it.expected_checks.items() if want != "met"]
    timed = [it for it in items if it.has_minutes_label]
    ok_lines = {it.id: scorers.lines_match(it.expected_lines, predicted_lines[it.id]) for it in items}
    ok_checks = {
        it.id: sum(predicted[it.id].get(c) == w for c, w in it.expected_checks.items()) / len(it.expected_checks)
        for it in items
    }
    result: dict[str, Any] = {
        "n_notes": float(len(items)),
        "check_accuracy": scorers.overall_accuracy(scores),
        "nonmet_accuracy": sum(predicted[i].get(c) == expected[i][c] for i, c in nonmet) / len(nonmet)
        if nonmet
        else 1.0,
        "note_exact": scorers.note_accuracy(expected, predicted),
        "billing_exact": sum(ok_lines.values()) / len(items) if items else 1.0,
        "minutes_exact": sum(minutes[it.id] == it.expected_minutes for it in timed) / len(timed) if timed else 1.0,
        "flagged_precision": precision,
        "flagged_recall": recall,
        "errors": float(len(errors)),
    }
    for cid, s in scores.items():
        result[f"acc.{cid}"] = s.accuracy
        result[f"precision.{cid}"] = s.precision
        result[f"recall.{cid}"] = s.recall
    result.update(_by_style(items, ok_checks, ok_lines))
    result["details"] = _details(items, scores, errors, predicted, predicted_lines, minutes)
    return result


def _details(
    items: list[NoteItem],
    scores: dict[str, Any],
    errors: dict[str, str],
    predicted: dict[str, Any],
    lines: dict[str, Any],
    minutes: dict[str, int | None],
) -> list[str]:
    details: list[str] = []
    by_error: dict[str, list[str]] = {}
    for nid, err in errors.items():
        by_error.setdefault(err, []).append(nid)
    for err, nids in by_error.items():
        details.append(f"ERROR in {len(nids)} note(s) ({', '.join(nids[:5])}{' ...' if len(nids) > 5 else ''}): {err}")
    mismatches = {
        it.id: _mistakes(it, predicted[it.id], lines[it.id], minutes[it.id]) for it in items if it.id not in errors
    }
    kinds = Counter(_kind(m) for found in mismatches.values() for m in found)
    details.append(
        "most common error kinds: " + ("; ".join(f"{k} ×{n}" for k, n in kinds.most_common(TOP_ERRORS)) or "none")
    )
    worst = sorted(scores.values(), key=lambda s: (s.accuracy, s.check_id))
    below = [f"{s.check_id} {s.accuracy:.2f}" for s in worst[:6] if s.accuracy < 1.0]
    details.append("worst checks: " + (", ".join(below) or "none below 1.0"))
    details.append("status confusion (all checks):\n" + scorers.format_confusion(scorers.confusion_summary(scores)))
    details += [f"{nid}: " + "; ".join(found) for nid, found in mismatches.items() if found]
    return details


HEADLINE = (
    "n_notes",
    "check_accuracy",
    "nonmet_accuracy",
    "note_exact",
    "billing_exact",
    "minutes_exact",
    "flagged_precision",
    "flagged_recall",
    "errors",
)


def _load(paths: Sequence[Path]) -> list[NoteItem]:
    items: list[NoteItem] = []
    for path in paths:
        items += load_notes(path)
    return items


def run(path: Path = NOTES_DEV, holdout: Path | None = NOTES_HOLDOUT, files: Sequence[Path] = ()) -> dict[str, Any]:
    """The default sets, or only ``files`` (scored together) when given."""
    if files:
        return evaluate(_load(files))
    result = evaluate(load_notes(path))
    if holdout is not None and holdout.exists():
        held = evaluate(load_notes(holdout))
        for key in HEADLINE:
            result[f"holdout_{key}"] = held[key]
        misses = {k.removeprefix("acc."): v for k, v in held.items() if k.startswith("acc.") and v < 1.0}
        result["details"].append(
            "holdout: checks below 1.0 (notes not named on purpose): "
            + (", ".join(f"{cid} {acc:.2f}" for cid, acc in sorted(misses.items(), key=lambda kv: kv[1])) or "none")
        )
    if RW_DEV:
        rw = evaluate(_load(RW_DEV))
        result.update({f"rw_{key}": value for key, value in rw.items() if key != "details" and "." not in key})
        result.update({f"rw_{key}": value for key, value in rw.items() if key.startswith(("acc.", "billing.style."))})
        result["details"] += ["rw: " + d for d in rw["details"]]
    return result
