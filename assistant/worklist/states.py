"""The status machine of a worklist item (pure).

    new ──► drafted ──► submitted ──► won | partially_won | lost ──► new (next appeal level)
     │         │            │
     └─────────┴────────────┴──► corrected | written_off

`corrected` and `written_off` need a reason. `lost` may be taken to the next level of the same
route family (redetermination → reconsideration → ALJ ...), which reopens the item as `new`.
"""

from __future__ import annotations

from assistant.errors import TransitionError

TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"drafted", "submitted", "corrected", "written_off"}),
    "drafted": frozenset({"drafted", "submitted", "corrected", "written_off", "new"}),
    "submitted": frozenset({"won", "partially_won", "lost", "corrected", "written_off"}),
    "lost": frozenset({"new", "written_off"}),
    "won": frozenset(),
    "partially_won": frozenset({"written_off"}),
    "corrected": frozenset(),
    "written_off": frozenset(),
}
NEEDS_REASON = frozenset({"corrected", "written_off"})
OUTCOMES = frozenset({"won", "partially_won", "lost"})
# The next appeal level after a lost decision (knowledge/appeals/levels.yaml route ids).
NEXT_LEVEL = {
    "redetermination": "reconsideration",
    "reconsideration": "alj",
    "alj": "appeals_council",
    "appeals_council": "federal_court",
}


def check_transition(current: str, target: str, reason: str | None) -> None:
    if target not in TRANSITIONS.get(current, frozenset()):
        allowed = ", ".join(sorted(TRANSITIONS.get(current, ()))) or "none (final)"
        raise TransitionError(f"an item that is {current} cannot become {target}", hint=f"allowed next: {allowed}")
    if target in NEEDS_REASON and not (reason and reason.strip()):
        raise TransitionError(f"marking an item {target} needs a reason", hint='e.g. --reason "rebilled with KX"')


def is_open(status: str) -> bool:
    return status in ("new", "drafted", "submitted")
