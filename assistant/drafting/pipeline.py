"""Generate → gate → (one repair) → offline fallback. Nothing ungrounded is returned as final.

1. the configured backend answers; the gate judges it;
2. on a gate failure the backend gets one repair attempt with the gate's reasons;
3. on a backend error, or a second failure, the offline drafter answers through the same gate;
4. if even that fails, the result is None ("withheld") and the caller returns no draft.

A deterministic backend (`Backend.deterministic`, the offline drafter) is asked once: a repair
or a second call would return the same answer, so it is its own fallback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from assistant.drafting.models import Attempt, Grounding
from assistant.errors import BackendError
from assistant.llm.base import Backend

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)
Gate = Callable[[Any], list[str]]

REPAIR_HEADER = (
    "Your previous answer failed the grounding check for these reasons. Answer again, fixing every one; "
    "quote the note verbatim, cite only the listed source ids and add no fact:\n"
)


def _try(
    backend: Backend, task: str, prompt_vars: dict[str, Any], schema: type[M], gate: Gate
) -> tuple[M | None, Attempt]:
    try:
        out = backend.generate(task, prompt_vars, schema)
    except BackendError as exc:
        log.warning("backend %s failed: %s", backend.name, exc.code)
        return None, Attempt(backend=backend.name, passed=False, reasons=[f"backend error: {exc.message}"])
    reasons = gate(out)
    log.info("gate %s on %s answer: %s", task, backend.name, "pass" if not reasons else f"{len(reasons)} reason(s)")
    return (out if not reasons else None), Attempt(backend=backend.name, passed=not reasons, reasons=reasons[:20])


def generate_grounded(
    backend: Backend,
    offline: Backend,
    task: str,
    prompt_vars: dict[str, Any],
    schema: type[M],
    gate: Gate,
) -> tuple[M | None, Grounding]:
    out, attempt = _try(backend, task, prompt_vars, schema, gate)
    attempts = [attempt]
    if out is not None:
        return out, Grounding(outcome="grounded", backend=backend.name, attempts=attempts)
    if backend.deterministic:
        return None, Grounding(outcome="withheld", backend=backend.name, attempts=attempts)
    if not attempt.reasons[0].startswith("backend error"):
        repair_vars = {**prompt_vars, "repair": REPAIR_HEADER + "\n".join(f"- {r}" for r in attempt.reasons)}
        out, attempt = _try(backend, task, repair_vars, schema, gate)
        attempts.append(attempt)
        if out is not None:
            return out, Grounding(outcome="repaired", backend=backend.name, attempts=attempts)
    out, attempt = _try(offline, task, prompt_vars, schema, gate)
    attempts.append(attempt)
    if out is None:
        return None, Grounding(outcome="withheld", backend=offline.name, attempts=attempts)
    return out, Grounding(outcome="offline_fallback", backend=offline.name, attempts=attempts)
