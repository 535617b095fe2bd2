"""Answers suite: the short answer and its passages, judged against a stated fact per question.

    python -m evals.run --suite answers [--file evals/datasets/answers_rw_dev.yaml]

A set may fix ``today:`` (ISO date) for its relative dates; the assistant's clock returns it.
Items: ``{id, question, dos?, answerable, fact, answer_must_contain, passage_must_contain, kind}``.
Token lists match case-insensitively; each inner list needs one of its alternatives.

- recall@1, recall@3, MRR: over answerable items, the rank of the first passage of the answer
  (cited passages first, then the others found) that holds one alternative of every inner list of
  ``passage_must_contain`` (a set whose authors gave no passage lists is ranked by ``answer_must_contain``,
  the stated fact: the first passage that states it; the output says which criterion ran);
- answer_correct: an answerable item's answer says it answers and its text holds one alternative
  of every inner list of ``answer_must_contain``; an unanswerable item's answer says it cannot
  answer (``answered`` is false);
- ungrounded_answers: answers with a sentence holding a number or code that neither its cited
  passage nor the question holds. Checked here with a fact finder of its own, independent of the
  product's answer gate (a total written out as "a + b = c" counts as grounded when its addends are
  and it adds up). It must be 0.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from assistant.yamlio import load_yaml

NAME = "answers"
DATASET = Path(__file__).resolve().parents[1] / "datasets" / "answers_rw_dev.yaml"
_VALUE = re.compile(r"[A-Za-z]{0,2}\d[\d,]*(?:\.\d+)?[A-Za-z]?")


def load_items(path: Path = DATASET) -> list[dict[str, Any]]:
    data = load_yaml(Path(path).read_text(encoding="utf-8"))
    items: list[dict[str, Any]] = data["questions"]
    ids = [q["id"] for q in items]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate question ids")
    return items


def load_today(path: Path = DATASET) -> date | None:
    """The set's "today" (a top-level ``today:``), against which its relative dates ("last March") were written."""
    data = load_yaml(Path(path).read_text(encoding="utf-8"))
    return date.fromisoformat(str(data["today"])) if data.get("today") else None


def holds(text: str, must: Sequence[Sequence[str]]) -> bool:
    """One alternative of every inner list is in `text` (case-insensitive)."""
    low = text.lower()
    return all(any(str(alt).lower() in low for alt in alternatives) for alternatives in must)


def _values(text: str) -> set[str]:
    """Numbers and codes, normalised: "$2,410.00" → "2410", "PR-119" → "119", "97551", "G0541"."""
    out: set[str] = set()
    for raw in _VALUE.findall(text):
        token = raw.replace(",", "").upper()
        token = re.sub(r"\.0+$", "", token)
        out.add(token)
        digits = re.sub(r"^[A-Z]{1,2}(?=\d)", "", token)
        if digits != token and raw[:2].upper() in ("CO", "PR", "OA", "PI", "CR"):
            out.add(digits)
    return out


# "a + b = c", "$52.77 + 2 × $26.05 = $104.87", "20% × $52.08 = $10.42": a result written out with its arithmetic
_WORKED = re.compile(r"((?:\$?\d[\d,]*(?:\.\d+)?%?\s*(?:[+×*−]|\s-\s|\sx\s)\s*)+\$?\d[\d,]*(?:\.\d+)?%?)"
                     r"\s*=\s*\$?(\d[\d,]*(?:\.\d+)?)")
_OPERAND = re.compile(r"\d[\d,]*(?:\.\d+)?%?")


def _worked(expression: str) -> float | None:
    """The value of "a + 2 × b − 20% × c" (a percentage is a fraction), or None when it is not plain arithmetic."""
    text = expression.replace("$", "").replace("×", "*").replace("−", " - ").replace(" x ", " * ")
    total = 0.0
    for term in re.split(r"\s*\+\s*", text):
        for n, part in enumerate(re.split(r"\s+-\s+", term)):
            value = 1.0
            for factor in part.split("*"):
                factor = factor.strip().replace(",", "")
                if not re.fullmatch(r"\d+(?:\.\d+)?%?", factor):
                    return None
                value *= float(factor.rstrip("%")) / (100 if factor.endswith("%") else 1)
            total += -value if n else value
    return total


_DATE_SUM = re.compile(r"(\d{4})-(\d{2})-(\d{2})((?:\s*\+\s*\d{1,4} days?(?:\s*\([^()\n]{0,40}\))?){1,4})\s*=\s*"
                       r"(\d{4})-(\d{2})-(\d{2})")


def _dated_out(sentence: str, loose: set[str], pool: str) -> set[str]:
    """The pieces of a date counted out as "a date + n days = a date" whose start date the question or passage holds
    (in any format), whose day counts are grounded and whose calendar arithmetic is right."""
    out: set[str] = set()
    for m in _DATE_SUM.finditer(sentence):
        days = re.findall(r"\+\s*(\d{1,4}) day", m.group(4))
        try:
            start = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            end = date(int(m.group(5)), int(m.group(6)), int(m.group(7)))
        except ValueError:
            continue
        held = {start.isoformat(), f"{start.month}/{start.day}/{start.year}", f"{start:%m/%d/%Y}",
                f"{start:%B} {start.day}, {start.year}", f"{start:%B} {start.day} {start.year}",
                f"{start:%b} {start.day} {start.year}", f"{start:%b} {start.day}, {start.year}",
                f"{start.month}/{start.day}/{start:%y}"}
        if any(h.upper() in pool for h in held) and not set(days) & loose \
                and (end - start).days == sum(map(int, days)):
            parts = [m.group(i) for i in (1, 2, 3, 5, 6, 7)]
            out |= set(parts) | {p.lstrip("0") or "0" for p in parts}
    return out


def _worked_out(sentence: str, loose: set[str]) -> set[str]:
    """Results of the sentence's arithmetic whose operands are grounded (or worked out before) and which hold to the
    cent at each step."""
    out: set[str] = set()
    for match in _WORKED.finditer(sentence):
        operands = {re.sub(r"\.0+$", "", v.rstrip("%").replace(",", "")) for v in _OPERAND.findall(match.group(1))}
        value = _worked(match.group(1))
        stated = float(match.group(2).replace(",", ""))
        if value is not None and not operands & (loose - out) and abs(value - stated) <= 0.011 * len(operands):
            out.add(re.sub(r"\.0+$", "", _normalised(match.group(2))))
    return out


# "1:00 to 1:35 is 35 minutes": minutes worked out from two clock times
_SPAN = re.compile(r"(?<![\w:.])(\d{1,2}):(\d{2}) to (\d{1,2}):(\d{2}) is (\d{1,3}) minutes\b")


def _clock_spans(sentence: str, pool: str) -> set[str]:
    """Minutes of "h:mm to h:mm is n minutes" whose clock times the cited passage or the question writes and whose
    difference (on the 12-hour dial) is n."""
    out: set[str] = set()
    for m in _SPAN.finditer(sentence):
        start, end = (int(m.group(i)) % 12 * 60 + int(m.group(i + 1)) for i in (1, 3))
        written = all(re.search(rf"(?<![\d:]){int(m.group(i))}:{m.group(i + 1)}(?!\d)", pool) for i in (1, 3))
        if written and (end - start) % 720 == int(m.group(5)):
            out.add(m.group(5))
    return out


def ungrounded_values(sentence: str, cited: str, question: str) -> set[str]:
    """Values of `sentence` found in neither `cited` nor `question` (substring match on the normalised text). A result
    the sentence works out ("a + b = c", "2 × $26.05 = $52.10", "1:00 to 1:35 is 35 minutes") counts as grounded only
    when its operands are and the arithmetic is right."""
    pool = (_normalised(cited) + " " + _normalised(question)).upper()
    pool_values = _values(cited) | _values(question)
    loose = {v for v in _values(sentence) if v not in pool_values and v not in pool}
    return (loose - _worked_out(sentence, loose) - _dated_out(sentence, loose, pool)
            - _clock_spans(sentence, cited + " " + question))


def _normalised(text: str) -> str:
    return text.replace(",", "").replace("$", "")


def _passage_criterion(item: dict[str, Any]) -> list[list[str]]:
    """What a relevant passage holds: the item's passage lists, else (sets without them) its stated fact's."""
    if "passage_must_contain" in item:
        return list(item["passage_must_contain"] or [])
    return list(item.get("answer_must_contain") or [])


def score_item(item: dict[str, Any], answer: Any) -> dict[str, Any]:
    """Rank of the first relevant passage, correctness and ungrounded values of one answer."""
    rank = None
    relevant = _passage_criterion(item)
    if item["answerable"] and relevant:
        rank = next((i + 1 for i, p in enumerate(answer.passages) if holds(p.text, relevant)), None)
    if item["answerable"]:
        correct = bool(answer.answered) and holds(answer.text, item["answer_must_contain"])
    else:
        correct = not answer.answered
    texts = {p.id: p.text for p in answer.passages}
    loose: set[str] = set()
    for s in answer.sentences:
        cited = " ".join(texts.get(i, "") for i in (getattr(s, "passage_ids", None) or [s.passage_id or ""]))
        loose |= ungrounded_values(s.text, cited, item["question"] + " " + str(item.get("dos") or ""))
    return {"id": item["id"], "kind": item.get("kind"), "rank": rank, "correct": correct, "answered": answer.answered,
            "ungrounded": sorted(loose), "answer": answer.text[:300], "top": [p.id for p in answer.passages[:3]]}


def evaluate(assistant: Any, items: list[dict[str, Any]]) -> dict[str, Any]:
    """Score `assistant` (anything with `.answer(question, dos=)` returning an `Answer`) on `items`."""
    details = []
    latencies = []
    for item in items:
        started = time.perf_counter()
        dos = item.get("dos")
        try:
            answer = assistant.answer(item["question"], dos=date.fromisoformat(str(dos)) if dos else None)
        except Exception as exc:  # one question the product refuses or fails is that item's error, not the run's
            details.append({"id": item["id"], "kind": item.get("kind"), "rank": None, "correct": False,
                            "answered": False, "ungrounded": [], "error": type(exc).__name__, "top": []})
            continue
        latencies.append(time.perf_counter() - started)
        details.append(score_item(item, answer))
    ranked = [d for d, item in zip(details, items, strict=True) if item["answerable"] and _passage_criterion(item)]
    ranks = [d["rank"] for d in ranked]

    def recall(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0

    unanswerable = [d for d, item in zip(details, items, strict=True) if not item["answerable"]]
    answerable = [d for d, item in zip(details, items, strict=True) if item["answerable"]]
    latencies.sort()
    return {
        "recall@1": round(recall(1), 4),
        "recall@3": round(recall(3), 4),
        "mrr": round(sum(1 / r for r in ranks if r) / len(ranks), 4) if ranks else 0.0,
        "answer_correct": round(sum(d["correct"] for d in details) / len(details), 4),
        "ungrounded_answers": float(sum(1 for d in details if d["ungrounded"])),
        "refused_unanswerable": round(sum(d["correct"] for d in unanswerable) / len(unanswerable), 4)
        if unanswerable else 1.0,
        "refused_answerable": float(sum(1 for d in answerable if not d["answered"])),
        "questions": float(len(items)),
        "errors": float(sum(1 for d in details if "error" in d)),
        "ranked_by_stated_fact": float(sum(1 for item in items if "passage_must_contain" not in item)),
        "answer_p50_ms": round(1000 * latencies[len(latencies) // 2], 2) if latencies else 0.0,
        "details": [d for d in details if not d["correct"] or d["rank"] != 1 or d["ungrounded"]] or ["all correct"],
    }


def run(path: Path | None = None) -> dict[str, Any]:
    from assistant.service import Assistant
    from assistant.settings import Settings

    dataset = Path(path) if path else DATASET
    today = load_today(dataset)
    assistant = Assistant(Settings(), clock=(lambda: today) if today else date.today)
    assistant.retriever.warm()
    result = evaluate(assistant, load_items(dataset))
    result.pop("answer_p50_ms")  # timing is for benchmarks, not for the baseline diff
    return result
