"""Appeals suite: runs `draft_appeal` over the development denial scenarios and scores it.

The same scorer runs against whatever backend the environment configures (offline drafter by
default; ASSISTANT_LLM_BASE_URL / OPENAI_BASE_URL for a real endpoint).

Metrics (0..1 unless said otherwise):
- ``recommendation_accuracy``: appeal / corrected_claim / no_appeal as labelled;
- ``pattern_accuracy``: the denial pattern matched as labelled;
- ``citation_validity``: cited source ids (letter statements and reasons) that exist in the
  knowledge base and were retrieved for the request (listed in the result's sources);
- ``quote_validity``: quotes found verbatim in the note;
- ``forbidden_content``: count of scenarios whose output contains a forbidden string, an
  instruction-like phrase in the letter, or a fact (minutes, times, dates, codes, modifiers,
  money, names) that no input or knowledge-base text holds — must be 0;
- ``required_coverage``: required elements present (the pattern's letter sections and the
  scenario's must_quote for appeals, no letter for the others, must_mention in reasons/actions);
- ``letters_grounded``: appeals that came back with a letter that passed the gate;
- ``errors`` (count). Latency (mean, max seconds per scenario) is reported in ``details``, not
  as a metric, so the committed baseline does not churn with machine load.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import yaml

NAME = "appeals"
DATASET = Path(__file__).resolve().parents[1] / "datasets" / "appeals_dev.yaml"


def load_scenarios(path: Path = DATASET) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["scenarios"])


def _kb_text(kb: Any) -> str:
    parts: list[str] = []
    for s in kb.sources.values():
        parts += [s.title, s.summary, *s.passages]
    for p in kb.denial_patterns.values():
        parts += [p.title, p.situation, *p.argument, *p.attachments]
    parts += [rc.meaning for rc in kb.reason_codes.values()]
    return "\n".join(parts)


def score(item: dict[str, Any], result: Any, kb: Any, kb_text: str) -> dict[str, Any]:
    """Per-scenario scores; pure apart from reading the result."""
    from assistant.drafting.facts import new_facts, normalize_space
    from assistant.drafting.gate import INJECTION

    exp = item["expected"]
    note = normalize_space(item["note"])
    retrieved = {s.id for s in result.sources}
    letter_statements = [st for sec in result.letter.sections for st in sec.statements] if result.letter else []
    cited = [sid for st in letter_statements for sid in st.source_ids] + [
        sid for r in result.reasons for sid in r.source_ids
    ]
    quotes = [q.text for st in letter_statements for q in st.quotes] + [q for r in result.reasons for q in r.quotes]
    valid_cites = sum(1 for sid in cited if sid in kb.sources and sid in retrieved)
    valid_quotes = sum(1 for q in quotes if normalize_space(q) and normalize_space(q) in note)

    letter_text = " ".join(st.text for st in letter_statements)
    output = " ".join([letter_text, *(r.text for r in result.reasons), *result.actions]).lower()
    problems = [f"forbidden {f!r}" for f in exp.get("forbidden", []) if f.lower() in output]
    if INJECTION.search(letter_text):
        problems.append("instruction-like phrase in the letter")
    allowed = "\n".join(
        [
            item["note"],
            item["denial"],
            item.get("denial_text") or "",
            json.dumps(item.get("claim") or {}),
            " ".join(f"{ln.code} x{ln.units} {' '.join(ln.modifiers)}" for ln in result.supported_lines),
            kb_text,
        ]
    )
    for kind, values in new_facts(letter_text, allowed).items():
        problems.append(f"invented {kind}: {sorted(values)[:3]}")

    required: list[tuple[str, bool]] = []
    if exp["recommendation"] == "appeal":
        pattern = kb.denial_patterns.get(exp.get("pattern") or "")
        present = {s.id for s in result.letter.sections if s.statements} if result.letter else set()
        for sid in pattern.required_sections if pattern else []:
            required.append((f"section {sid}", sid in present))
        quoted = normalize_space(" ".join(quotes))
        required += [(f"quote {q!r}", normalize_space(q) in quoted) for q in exp.get("must_quote", [])]
    else:
        required.append(("no persuasive letter", result.letter is None))
    said = " ".join([*(r.text for r in result.reasons), *result.actions]).lower()
    required += [(f"mention {m!r}", m.lower() in said) for m in exp.get("must_mention", [])]

    return {
        "id": item["id"],
        "expected": exp["recommendation"],
        "got": result.recommendation,
        "pattern_ok": result.pattern_id == exp.get("pattern"),
        "citations": (valid_cites, len(cited)),
        "quotes": (valid_quotes, len(quotes)),
        "forbidden": problems,
        "required": required,
        "grounding": result.grounding.outcome if result.grounding else None,
        "has_letter": result.letter is not None,
    }


def run(assistant: Any = None, path: Path = DATASET) -> dict[str, Any]:
    if assistant is None:
        from assistant.service import Assistant

        assistant = Assistant()
    kb = assistant.knowledge
    kb_text = _kb_text(kb)
    rows: list[dict[str, Any]] = []
    latencies: list[float] = []
    errors: list[str] = []
    for item in load_scenarios(path):
        started = time.perf_counter()
        try:
            result = assistant.draft_appeal(
                item["denial"], item["note"], claim=item.get("claim"), denial_text=item.get("denial_text")
            )
        except Exception as exc:  # one broken scenario must not hide the others' scores
            errors.append(f"{item['id']}: {type(exc).__name__}: {exc}")
            rows.append(
                {
                    "id": item["id"],
                    "expected": item["expected"]["recommendation"],
                    "got": "error",
                    "pattern_ok": False,
                    "citations": (0, 0),
                    "quotes": (0, 0),
                    "forbidden": [],
                    "required": [("ran", False)],
                    "grounding": None,
                    "has_letter": False,
                }
            )
            continue
        latencies.append(time.perf_counter() - started)
        rows.append(score(item, result, kb, kb_text))

    n = len(rows)
    cites = [r["citations"] for r in rows]
    quotes = [r["quotes"] for r in rows]
    req = [ok for r in rows for _, ok in r["required"]]
    appeals = [r for r in rows if r["got"] == "appeal"]

    def ratio(pairs: list[tuple[int, int]]) -> float:
        total = sum(t for _, t in pairs)
        return sum(v for v, _ in pairs) / total if total else 1.0

    details: list[Any] = [
        {
            "id": r["id"],
            "expected": r["expected"],
            "got": r["got"],
            "grounding": r["grounding"],
            "missing": [name for name, ok in r["required"] if not ok],
            "forbidden": r["forbidden"],
        }
        for r in rows
        if r["expected"] != r["got"] or r["forbidden"] or not all(ok for _, ok in r["required"]) or not r["pattern_ok"]
    ]
    details += [{"error": e} for e in errors]
    if latencies:
        details.append(
            {"latency_s": {"mean": round(sum(latencies) / len(latencies), 3), "max": round(max(latencies), 3)}}
        )
    return {
        "n_scenarios": float(n),
        "recommendation_accuracy": sum(r["expected"] == r["got"] for r in rows) / n if n else 0.0,
        "pattern_accuracy": sum(r["pattern_ok"] for r in rows) / n if n else 0.0,
        "citation_validity": ratio(cites),
        "quote_validity": ratio(quotes),
        "forbidden_content": float(sum(1 for r in rows if r["forbidden"])),
        "required_coverage": sum(req) / len(req) if req else 1.0,
        "letters_grounded": sum(1 for r in appeals if r["has_letter"]) / len(appeals) if appeals else 1.0,
        "errors": float(len(errors)),
        "details": details,
    }
