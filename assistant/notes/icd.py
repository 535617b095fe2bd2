"""ICD-10-CM validity by date of service.

The code set comes from the maintained `simple-icd-10-cm` package (a billable code is a leaf
of the classification). The knowledge base's dated changes (G20 retired 2023-10-01, G35
retired 2025-10-01 and their new subcodes) take precedence for dates the package cannot
express, since it holds one release only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from assistant.knowledge.schema import DiagnosisChange


@dataclass(frozen=True)
class DiagnosisVerdict:
    code: str
    billable: bool
    reason: str
    replacement: str = ""
    sources: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _codeset() -> object:
    import simple_icd_10_cm as cm  # loaded on first use: ~0.3 s of data

    return cm


def check_code(code: str, on: date, changes: list[DiagnosisChange]) -> DiagnosisVerdict:
    code = code.upper()
    dated = [c for c in changes if c.code.upper() == code and c.in_force(on)]
    if dated:
        change = dated[0]
        if change.billable:
            return DiagnosisVerdict(code, True, "billable on the date of service", sources=tuple(change.sources))
        reason = f"not a billable code on {on.isoformat()}"
        return DiagnosisVerdict(code, False, reason, change.replacement, tuple(change.sources))
    cm = _codeset()
    if not cm.is_valid_item(code):  # type: ignore[attr-defined]
        return DiagnosisVerdict(code, False, "not an ICD-10-CM code")
    if not cm.is_leaf(code):  # type: ignore[attr-defined]
        return DiagnosisVerdict(code, False, "a category header, not a billable code; code to full specificity")
    return DiagnosisVerdict(code, True, "billable")
