"""PHI suite: what a remote model would receive, measured on a recording fake server.

Each text goes through the real outbound path: ``Assistant.rewrite_note`` (every text) and
``Assistant.draft_appeal`` (a note as the note; a denial or claim text as the payer's words
beside a fixed PHI-free note), with the item's ``known_names``, against a recording
OpenAI-compatible server on 127.0.0.1 that the backend treats as remote
(``ASSISTANT_LLM_DEIDENTIFY=always``).

Metrics:
- ``recall``: PHI items not found in anything the server received (whole-word, case-sensitive,
  in the raw bodies and in their decoded JSON strings); ``recall.<CATEGORY>`` per category;
  ``recall_person`` for names;
- ``strict_person``: names none of whose words (3+ letters) reached the server;
- ``keep_rate``: keep strings (codes, minutes, times, credentials...) the server did receive;
- ``roundtrip``: texts whose de-identification re-identifies to the exact original;
- ``sent``: texts the server received at all (a text never sent would score recall 1 for free).
Leaks and losses are listed in ``details`` by item id and category only (never the value), with
the de-identification latency per text.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from assistant.yamlio import load_yaml

NAME = "phi"
DATASET = Path(__file__).resolve().parents[1] / "datasets" / "phi_dev.yaml"
CODES = re.compile(r"\b(?:CO|PR|OA|PI|CR)-\d{1,3}\b|\b(?:N|M|MA)\d{1,3}\b")
DENIAL_NOTE = """Date of service: 03/04/2025
Caregiver training (97550 GP). Patient not present; he was at his adult day program during the session.
Caregiver: wife (unpaid family caregiver).
Patient gave verbal consent on 03/04/2025 for his wife to receive caregiver training.
Need: patient needs min assist for sit-to-stand and car transfers;
training supports plan of care goal 2, safe transfers.
Trained wife in sit-to-stand transfer technique with gait belt and fall precautions; therapist gave hands-on correction.
Return demonstration: wife performed car transfer with gait belt safely after two verbal cues.
Time: 10:00-10:40, total 40 minutes face to face with the caregiver.
"""


def load_texts(path: Path = DATASET) -> list[dict[str, Any]]:
    return list(load_yaml(path.read_text(encoding="utf-8"))["texts"])


def found(value: str, received: str) -> bool:
    """Case-sensitive occurrence of ``value`` not inside a longer word or number: "Park" is not in
    "Parkinson", "90" is in "90F" (a letter after a number, or a digit after a word, still counts)."""
    left = r"(?<![^\W\d_])" if value[:1].isalpha() else r"(?<!\d)" if value[:1].isdigit() else ""
    right = r"(?![^\W\d_])" if value[-1:].isalpha() else r"(?!\d)" if value[-1:].isdigit() else ""
    return re.search(left + re.escape(value) + right, received) is not None


def person_words_leaked(value: str, received: str) -> bool:
    words = [w for w in re.findall(r"\w+", value) if len(w) >= 3 and not w.isdigit()]
    return any(found(w, received) for w in words)


def send(assistant: Any, item: dict[str, Any]) -> None:
    """The text through both drafting entry points; backend failures are the pipeline's to absorb."""
    text, names = item["text"], list(item.get("known_names") or [])
    assistant.rewrite_note(text, known_names=names)
    codes = " ".join(dict.fromkeys(CODES.findall(text))) or "CO-50 N115"
    if item.get("kind", "note") == "note":
        assistant.draft_appeal("CO-50 N115", text, known_names=names)
    else:
        try:
            assistant.draft_appeal(codes, DENIAL_NOTE, denial_text=text, known_names=names)
        except Exception:  # unknown code shapes in the payer's words: fall back to the common denial
            assistant.draft_appeal("CO-50 N115", DENIAL_NOTE, denial_text=text, known_names=names)


def score_item(item: dict[str, Any], received: str) -> dict[str, Any]:
    leaks = [(p["category"], p["text"]) for p in item["phi"] if found(p["text"], received)]
    strict = [p["text"] for p in item["phi"] if p["category"] == "PERSON" and person_words_leaked(p["text"], received)]
    lost = [k for k in item.get("keep") or [] if k not in received]
    return {"leaks": leaks, "strict": strict, "lost": lost}


def _assistant(base_url: str, data_dir: str) -> Any:
    from assistant.service import Assistant
    from assistant.settings import Settings

    settings = Settings(
        llm_base_url=base_url, llm_deidentify="always", llm_max_retries=0, llm_timeout=30.0,
        llm_deadline=60.0, data_dir=Path(data_dir), embedder="hash",
    )  # fmt: skip
    return Assistant(settings)


def run(path: Path | None = None) -> dict[str, Any]:
    from assistant.phi import get_deidentifier
    from evals.recording_server import RecordingServer

    texts = load_texts(path or DATASET)
    server = RecordingServer().start()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # category -> [hidden, all]
    kept = keep_all = roundtrip = sent = strict_ok = persons = 0
    details: list[str] = []
    latencies: list[float] = []
    deid = get_deidentifier()
    try:
        with tempfile.TemporaryDirectory() as data_dir:
            assistant = _assistant(server.base_url, data_dir)
            for item in texts:
                server.clear()
                send(assistant, item)
                received = "\n".join(server.received)
                sent += bool(server.received)
                result = score_item(item, received)
                for p in item["phi"]:
                    leaked = (p["category"], p["text"]) in result["leaks"]
                    totals[p["category"]][0] += not leaked
                    totals[p["category"]][1] += 1
                persons += sum(p["category"] == "PERSON" for p in item["phi"])
                strict_ok += sum(p["category"] == "PERSON" for p in item["phi"]) - len(result["strict"])
                keep_all += len(item.get("keep") or [])
                kept += len(item.get("keep") or []) - len(result["lost"])
                started = time.perf_counter()
                out = deid.deidentify(item["text"], extra_names=item.get("known_names") or [])
                latencies.append(time.perf_counter() - started)
                roundtrip += out.reidentify(out.text) == item["text"]
                details += _describe(item, result, server.received)
    finally:
        server.stop()
    hidden = sum(h for h, _ in totals.values())
    count = sum(n for _, n in totals.values())
    metrics: dict[str, Any] = {
        "recall": hidden / count if count else 1.0,
        "recall_person": _ratio(totals.get("PERSON")),
        "strict_person": strict_ok / persons if persons else 1.0,
        "keep_rate": kept / keep_all if keep_all else 1.0,
        "roundtrip": roundtrip / len(texts) if texts else 1.0,
        "sent": sent / len(texts) if texts else 1.0,
        "items": float(count),
    }
    metrics.update({f"recall.{cat}": _ratio(v) for cat, v in sorted(totals.items())})
    ms = sorted(1000 * t for t in latencies)
    if ms:
        details.append(f"de-identification latency per text: median {ms[len(ms) // 2]:.1f} ms, max {ms[-1]:.1f} ms")
    metrics["details"] = details
    return metrics


def _ratio(pair: list[int] | None) -> float:
    return pair[0] / pair[1] if pair and pair[1] else 1.0


def _describe(item: dict[str, Any], result: dict[str, Any], received: list[str]) -> list[str]:
    out = []
    if not received:
        out.append(f"{item['id']}: nothing was sent (recall on it is not measured)")
    show = os.environ.get("PHI_EVAL_SHOW_VALUES") == "1"  # synthetic data: values help while tuning

    def what(value: str) -> str:
        return repr(value) if show else f"({len(value)} chars)"

    out += [f"{item['id']}: leaked {cat} {what(value)}" for cat, value in result["leaks"]]
    out += [f"{item['id']}: keep string lost {what(k)}" for k in result["lost"]]
    out += [f"{item['id']}: a word of PERSON {what(value)} reached the server" for value in result["strict"]]
    return out
