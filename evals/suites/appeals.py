"""Appeals suite: runs `draft_appeal` over denial scenarios and scores the decision, the route and the letter.

    python -m evals.run --suite appeals                    # appeals_dev.yaml, plus rw.* for appeals_rw_dev.yaml
    python -m evals.run --suite appeals --file PATH        # any scenario file of the same shape

The same scorer runs against whatever backend the environment configures (offline drafter by
default; ASSISTANT_LLM_BASE_URL / OPENAI_BASE_URL for a real endpoint). Scoring is in
`evals/suites/_appeal_scoring.py`; this module runs scenarios and aggregates.

Metrics (0..1 unless said otherwise):
- ``recommendation_accuracy``; ``route_accuracy`` (scenarios that label a route; no route = "none");
- ``corrected_lines_exact``: corrected-claim scenarios whose caregiver-training lines match exactly;
- ``deadline_exact``: scenarios that state a filing deadline (`deadline`) and get that due date;
- ``pattern_accuracy`` (scenarios that label a pattern);
- ``citation_validity``: cited ids that exist and were retrieved; ``quote_validity``: quotes verbatim;
- ``letter_primary_citations``: letter citations whose source is a CPT, CMS or MAC authority;
- ``letter_identifiers``: letters that carry the claim number and date of service, or their placeholders;
- ``forbidden_content`` (count): scenarios with a forbidden string, an instruction-like phrase in the
  letter, or a fact (minutes, dates, codes, names …) that no input or knowledge text holds — must be 0;
- ``required_coverage``: must_quote, must_mention, the pattern's sections, no letter when not appealing;
- ``letters_grounded``; ``model_grounded_rate`` / ``model_repaired_rate`` / ``model_fallback_rate`` /
  ``model_withheld_rate``: how each letter came to be (all 1.0 grounded offline);
- ``errors`` (count). Per-scenario outcomes and latency are in ``details``.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from assistant.yamlio import load_yaml
from evals.suites._appeal_scoring import kb_text, score

NAME = "appeals"
DATASETS = Path(__file__).resolve().parents[1] / "datasets"
DATASET = DATASETS / "appeals_dev.yaml"
RW_DATASET = DATASETS / "appeals_rw_dev.yaml"
OUTCOMES = ("grounded", "repaired", "offline_fallback", "withheld")


def load_scenarios(path: Path = DATASET) -> list[dict[str, Any]]:
    data = load_yaml(path.read_text(encoding="utf-8"))
    return list(data["scenarios"])


def scenario_today(path: Path) -> date | None:
    """The date a set's deadlines were written against (its top-level `today`), when the set states one."""
    stated = load_yaml(path.read_text(encoding="utf-8")).get("today")
    return date.fromisoformat(str(stated)) if stated else None


# Sets written without a reference date ignore the calendar: their denials are worked as they arrive.
WORKED_AFTER = timedelta(days=14)


def clock_for(item: dict[str, Any], stated: date | None) -> date:
    """`today` for one scenario: the set's stated date, else two weeks after the notice (or the service) date."""
    if stated is not None:
        return stated
    from assistant.drafting.claims import Claim

    try:
        claim = Claim.model_validate(item.get("claim") or {})
    except ValueError:
        return date.today()
    start = claim.notice_date or claim.date_of_service
    return start + WORKED_AFTER if start else date.today()


def _error_row(item: dict[str, Any]) -> dict[str, Any]:
    exp = item["expected"]
    return {
        "id": item["id"],
        "expected": exp["recommendation"],
        "got": "error",
        "route_ok": False,
        "lines_ok": False if exp["recommendation"] == "corrected_claim" else None,
        "pattern_ok": False,
        "citations": (0, 0),
        "quotes": (0, 0),
        "primary": (0, 0),
        "identifiers_ok": None,
        "forbidden": [],
        "required": [("ran", False)],
        "grounding": None,
        "has_letter": False,
    }


def _ratio(pairs: list[tuple[int, int]]) -> float:
    total = sum(t for _, t in pairs)
    return sum(v for v, _ in pairs) / total if total else 1.0


def _share(flags: list[bool | None]) -> float:
    known = [f for f in flags if f is not None]
    return sum(known) / len(known) if known else 1.0


def aggregate(rows: list[dict[str, Any]]) -> dict[str, float]:
    n = len(rows)
    appeals = [r for r in rows if r["got"] == "appeal"]
    outcomes = Counter(r["grounding"] for r in rows if r["grounding"])
    attempted = sum(outcomes.values())
    req = [ok for r in rows for _, ok in r["required"]]
    out = {
        "n_scenarios": float(n),
        "recommendation_accuracy": sum(r["expected"] == r["got"] for r in rows) / n if n else 0.0,
        "route_accuracy": _share([r["route_ok"] for r in rows]),
        "corrected_lines_exact": _share([r["lines_ok"] for r in rows]),
        "deadline_exact": _share([r.get("deadline_ok") for r in rows]),
        "pattern_accuracy": _share([r["pattern_ok"] for r in rows]),
        "citation_validity": _ratio([r["citations"] for r in rows]),
        "quote_validity": _ratio([r["quotes"] for r in rows]),
        "letter_primary_citations": _ratio([r["primary"] for r in rows]),
        "letter_identifiers": _share([r["identifiers_ok"] for r in rows]),
        "forbidden_content": float(sum(1 for r in rows if r["forbidden"])),
        "required_coverage": sum(req) / len(req) if req else 1.0,
        "letters_grounded": sum(1 for r in appeals if r["has_letter"]) / len(appeals) if appeals else 1.0,
        "errors": float(sum(1 for r in rows if r["got"] == "error")),
    }
    for outcome in OUTCOMES:
        key = "fallback" if outcome == "offline_fallback" else outcome
        out[f"model_{key}_rate"] = outcomes[outcome] / attempted if attempted else 1.0 if outcome == "grounded" else 0.0
    return out


def _details(rows: list[dict[str, Any]], errors: list[str], latencies: list[float]) -> list[Any]:
    out: list[Any] = [
        {
            "id": r["id"],
            "expected": r["expected"],
            "got": r["got"],
            "route_ok": r["route_ok"],
            "lines_ok": r["lines_ok"],
            "deadline_ok": r.get("deadline_ok"),
            "missing": [name for name, ok in r["required"] if not ok],
            "forbidden": r["forbidden"],
        }
        for r in rows
        if r["expected"] != r["got"]
        or r["forbidden"]
        or not all(ok for _, ok in r["required"])
        or r["route_ok"] is False
        or r["lines_ok"] is False
        or r.get("deadline_ok") is False
        or r["pattern_ok"] is False
        or r["identifiers_ok"] is False
    ]
    out.append({"grounding": {r["id"]: r["grounding"] for r in rows if r["grounding"]}})
    out += [{"error": e} for e in errors]
    if latencies:
        out.append({"latency_s": {"mean": round(sum(latencies) / len(latencies), 3), "max": round(max(latencies), 3)}})
    return out


def run_file(assistant: Any, path: Path) -> tuple[dict[str, float], list[Any]]:
    kb = assistant.knowledge
    text = kb_text(kb)
    rows, errors, latencies = [], [], []
    stated, clock = scenario_today(path), assistant.clock
    for item in load_scenarios(path):
        day = clock_for(item, stated)
        assistant.clock = lambda day=day: day
        started = time.perf_counter()
        try:
            result = assistant.draft_appeal(
                item["denial"], item["note"], claim=item.get("claim"), denial_text=item.get("denial_text")
            )
        except Exception as exc:  # one broken scenario must not hide the others' scores
            errors.append(f"{item['id']}: {type(exc).__name__}: {exc}")
            rows.append(_error_row(item))
            continue
        latencies.append(time.perf_counter() - started)
        rows.append(score(item, result, kb, text))
    assistant.clock = clock
    return aggregate(rows), _details(rows, errors, latencies)


def run(assistant: Any = None, path: Path | None = None) -> dict[str, Any]:
    """Scores for `path`; without one, appeals_dev.yaml (plain metrics), appeals_rw_dev.yaml (`rw.` metrics) and
    each later round's appeals_rN_dev.yaml (`rN.` metrics)."""
    if assistant is None:
        from assistant.service import Assistant

        assistant = Assistant()
    metrics, details = run_file(assistant, path or DATASET)
    result: dict[str, Any] = dict(metrics)
    # independent authors' development sets: round 2 ("rw."), rounds 3 and 4 ("r3.", "r4.")
    later = sorted([*DATASETS.glob("appeals_r[0-9]_dev.yaml"), *DATASETS.glob("appeals_r[1-9][0-9]_dev.yaml")])
    rounds = [("rw", RW_DATASET), *((f.stem.split("_")[1], f) for f in later)]
    for prefix, dataset in rounds if path is None else []:
        if dataset.exists():
            rw_metrics, rw_details = run_file(assistant, dataset)
            result.update({f"{prefix}.{k}": v for k, v in rw_metrics.items()})
            details += [{prefix: d} for d in rw_details]
    result["details"] = details
    return result
