"""Rewrite suite: runs `rewrite_note` over the development notes and measures what it keeps and how it came to be.

    python -m evals.run --suite rewrite [--file PATH]      # a notes file: items with id, text, dos

Metrics (0..1 unless said otherwise):
- ``sentences_kept``: sentences of the draft (planted instructions aside) found in the rewrite;
- ``check_stable``: notes whose rewrite (placeholders removed) gets the same check statuses as the draft;
- ``model_grounded_rate`` / ``model_repaired_rate`` / ``model_fallback_rate`` / ``model_withheld_rate``:
  how each rewrite came to be — the configured backend passed the gate first time, after the one
  repair, the offline drafter took over, or nothing passed (all grounded offline by construction);
- ``errors`` (count). Per-note outcomes other than grounded, and latency, are in ``details``.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.yamlio import load_yaml

NAME = "rewrite"
DATASET = Path(__file__).resolve().parents[1] / "datasets" / "notes_dev.yaml"
OUTCOMES = {"grounded": "grounded", "repaired": "repaired", "offline_fallback": "fallback", "withheld": "withheld"}


def load_notes(path: Path = DATASET) -> list[dict[str, Any]]:
    data = load_yaml(path.read_text(encoding="utf-8"))
    return list(data["notes"] if isinstance(data, dict) else data)


def _score(assistant: Any, item: dict[str, Any], result: Any) -> dict[str, Any]:
    from assistant.drafting.facts import normalize_space
    from assistant.drafting.gate import ANY_PLACEHOLDER, injection_spans
    from assistant.drafting.sentences import sentence_spans
    from assistant.parsing import parse_date

    text, out = item["text"], normalize_space(result.text)
    planted = injection_spans(text)
    spans = [(a, b) for a, b in sentence_spans(text) if not any(x < b and a < y for x, y in planted)]
    kept = sum(1 for a, b in spans if normalize_space(text[a:b]) in out)
    body = ANY_PLACEHOLDER.sub(" ", "\n".join(s.text for s in result.sections))
    dos = parse_date(item.get("dos"))
    before = {c.id: c.status for c in assistant.check_note(text, dos=dos).checks}
    after = {c.id: c.status for c in assistant.check_note(body, dos=dos).checks}
    return {
        "id": item["id"],
        "kept": (kept, len(spans)),
        "stable": before == after,
        "changed": sorted(k for k in before if before[k] != after.get(k)),
        "outcome": result.grounding.outcome,
    }


def run(assistant: Any = None, path: Path | None = None) -> dict[str, Any]:
    from assistant.parsing import parse_date

    if assistant is None:
        from assistant.service import Assistant

        assistant = Assistant()
    rows, errors, latencies = [], [], []
    for item in load_notes(path or DATASET):
        started = time.perf_counter()
        try:
            result = assistant.rewrite_note(item["text"], dos=parse_date(item.get("dos")))
            latencies.append(time.perf_counter() - started)
            rows.append(_score(assistant, item, result))
        except Exception as exc:  # one broken note must not hide the others' scores
            errors.append(f"{item['id']}: {type(exc).__name__}: {exc}")
    outcomes = Counter(r["outcome"] for r in rows)
    kept = sum(k for r in rows for k in r["kept"][:1]), sum(r["kept"][1] for r in rows)
    metrics: dict[str, Any] = {
        "n_notes": float(len(rows) + len(errors)),
        "sentences_kept": kept[0] / kept[1] if kept[1] else 1.0,
        "check_stable": sum(r["stable"] for r in rows) / len(rows) if rows else 0.0,
        "errors": float(len(errors)),
    }
    for outcome, key in OUTCOMES.items():
        metrics[f"model_{key}_rate"] = outcomes[outcome] / len(rows) if rows else 0.0
    details: list[Any] = [
        {"id": r["id"], "outcome": r["outcome"], "changed": r["changed"]}
        for r in rows
        if r["outcome"] != "grounded" or not r["stable"]
    ]
    details += [{"error": e} for e in errors]
    if latencies:
        details.append(
            {"latency_s": {"mean": round(sum(latencies) / len(latencies), 3), "max": round(max(latencies), 3)}}
        )
    metrics["details"] = details
    return metrics
