"""Note-check suite: runs `assistant.check_note` over the labelled dev set and scores it.

Metrics: ``check_accuracy`` (every note × check pair), ``note_exact`` (notes with all 20 right),
``billing_exact`` (billing.lines as a multiset), micro ``flagged_precision`` / ``flagged_recall``
(flagged = missing or problem), and per check ``acc.<id>``, ``precision.<id>``, ``recall.<id>``.
``details`` lists the worst checks, the status confusion and every mismatch (expected vs got).

The held-out set (``notes_holdout.yaml``) is scored too, as ``holdout_*`` metrics. Its details
name only the checks that miss, not the notes, so the engine is not tuned on it by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals import scorers
from evals.labels import NOTES_DEV, NOTES_HOLDOUT, NoteItem, load_notes

NAME = "notes"


Prediction = tuple[dict[str, str], list[dict[str, Any]], str | None]


def predict_with_engine(item: NoteItem) -> Prediction:
    """Run `assistant.check_note` on one item: (statuses by check id, billing lines, error or None)."""
    import assistant

    try:
        report = assistant.check_note(item.text, dos=item.dos, billed=item.billed, profile=item.profile)
    except Exception as exc:  # one broken note must not hide the others' scores
        return {}, [], f"{type(exc).__name__}: {exc}"
    statuses: dict[str, str] = {c.id: str(c.status) for c in report.checks}
    lines = [line.model_dump() for line in report.billing.lines]
    return statuses, lines, None


def _fmt_lines(lines: list[dict[str, Any]]) -> str:
    if not lines:
        return "[]"
    return ", ".join(
        f"{code} x{units}{(' ' + ' '.join(mods)) if mods else ''}" for code, units, mods in map(scorers.line_key, lines)
    )


def evaluate(items: list[NoteItem], predict: Callable[[NoteItem], Prediction] = predict_with_engine) -> dict[str, Any]:
    """Score ``predict`` over ``items``; returns metrics and ``details``."""
    expected = {it.id: it.expected_checks for it in items}
    expected_lines = {it.id: it.expected_lines for it in items}
    predicted: dict[str, dict[str, str]] = {}
    predicted_lines: dict[str, list[dict[str, Any]]] = {}
    errors: dict[str, str] = {}
    for it in items:
        statuses, lines, err = predict(it)
        predicted[it.id], predicted_lines[it.id] = statuses, lines
        if err:
            errors[it.id] = err

    scores = scorers.score_checks(expected, predicted)
    precision, recall = scorers.flagged_micro(scores)
    result: dict[str, Any] = {
        "n_notes": float(len(items)),
        "check_accuracy": scorers.overall_accuracy(scores),
        "note_exact": scorers.note_accuracy(expected, predicted),
        "billing_exact": scorers.billing_exact_match(expected_lines, predicted_lines),
        "flagged_precision": precision,
        "flagged_recall": recall,
        "errors": float(len(errors)),
    }
    for cid, s in scores.items():
        result[f"acc.{cid}"] = s.accuracy
        result[f"precision.{cid}"] = s.precision
        result[f"recall.{cid}"] = s.recall

    details: list[str] = []
    by_error: dict[str, list[str]] = {}
    for nid, err in errors.items():
        by_error.setdefault(err, []).append(nid)
    for err, nids in by_error.items():
        details.append(f"ERROR in {len(nids)} note(s) ({', '.join(nids[:5])}{' ...' if len(nids) > 5 else ''}): {err}")
    worst = sorted(scores.values(), key=lambda s: (s.accuracy, s.check_id))
    below = [f"{s.check_id} {s.accuracy:.2f}" for s in worst[:6] if s.accuracy < 1.0]
    details.append("worst checks: " + (", ".join(below) or "none below 1.0"))
    details.append("status confusion (all checks):\n" + scorers.format_confusion(scorers.confusion_summary(scores)))
    for it in items:
        if it.id in errors:
            continue
        wrong = [
            f"{cid}: expected {want}, got {predicted[it.id].get(cid, '<absent>')}"
            for cid, want in it.expected_checks.items()
            if predicted[it.id].get(cid) != want
        ]
        if not scorers.lines_match(it.expected_lines, predicted_lines[it.id]):
            wrong.append(
                f"billing.lines: expected {_fmt_lines(it.expected_lines)}, got {_fmt_lines(predicted_lines[it.id])}"
            )
        if wrong:
            details.append(f"{it.id}: " + "; ".join(wrong))
    result["details"] = details
    return result


HOLDOUT_METRICS = (
    "n_notes",
    "check_accuracy",
    "note_exact",
    "billing_exact",
    "flagged_precision",
    "flagged_recall",
    "errors",
)


def run(path: Path = NOTES_DEV, holdout: Path | None = NOTES_HOLDOUT) -> dict[str, Any]:
    result = evaluate(load_notes(path))
    if holdout is not None and holdout.exists():
        held = evaluate(load_notes(holdout))
        for key in HOLDOUT_METRICS:
            result[f"holdout_{key}"] = held[key]
        misses = {k.removeprefix("acc."): v for k, v in held.items() if k.startswith("acc.") and v < 1.0}
        result["details"].append(
            "holdout: checks below 1.0 (notes not named on purpose): "
            + (", ".join(f"{cid} {acc:.2f}" for cid, acc in sorted(misses.items(), key=lambda kv: kv[1])) or "none")
        )
    return result
