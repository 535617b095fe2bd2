"""ICD-10-CM validity by date of service.

The code set comes from the maintained `simple-icd-10-cm` package (a billable code is a leaf
of the classification). The knowledge base's dated changes (G20 retired 2023-10-01, G35
retired 2025-10-01 and their new subcodes) take precedence for dates the package cannot
express, since it holds one release only.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from assistant.knowledge.schema import DiagnosisChange


@dataclass(frozen=True)
class DiagnosisVerdict:
    code: str
    billable: bool
    reason: str
    replacement: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class CodeSet:
    valid: frozenset[str]
    leaves: frozenset[str]
    release: str

    def is_valid(self, code: str) -> bool:
        return code.replace(".", "") in self.valid

    def is_leaf(self, code: str) -> bool:
        return code.replace(".", "") in self.leaves


@lru_cache(maxsize=1)
def codeset() -> CodeSet:
    """The code list shipped by simple-icd-10-cm, read directly (~30 ms).

    Why not `import simple_icd_10_cm`: importing it parses its 10 MB tabular XML (~3 s), and
    validity plus "is a leaf" is all the check needs. The list is in classification order,
    so a code is a leaf when the next code does not extend it.
    """
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("simple-icd-10-cm is not installed; reinstall the assistant")
    data_dir = Path(next(iter(spec.submodule_search_locations))) / "data"
    lists = sorted(data_dir.glob("code-list-*.txt"))
    if not lists:
        raise RuntimeError(f"no ICD-10-CM code list under {data_dir}")
    codes = [line.split(" ")[0] for line in lists[-1].read_text(encoding="utf-8").splitlines() if line.strip()]
    codes = [c for c in codes if "-" not in c]  # drop chapter and block ranges
    leaves = {c for c, nxt in zip(codes, [*codes[1:], ""], strict=True) if not nxt.startswith(c)}
    return CodeSet(frozenset(codes), frozenset(leaves), lists[-1].stem.removeprefix("code-list-"))


def check_code(code: str, on: date, changes: list[DiagnosisChange]) -> DiagnosisVerdict:
    code = code.upper()
    known = [c for c in changes if c.code.upper() == code]
    dated = [c for c in known if c.in_force(on)]
    if known and not dated and all(c.effective_from and on < c.effective_from for c in known):
        # The package holds one (newer) release: G35.A is in it, but is a code only from 2025-10-01.
        start = min(c.effective_from for c in known if c.effective_from)
        return DiagnosisVerdict(
            code,
            False,
            f"not an ICD-10-CM code until {start.isoformat()}",
            sources=tuple(s for c in known for s in c.sources),
        )
    if dated:
        change = dated[0]
        if change.billable:
            return DiagnosisVerdict(code, True, "billable on the date of service", sources=tuple(change.sources))
        reason = f"not a billable code on {on.isoformat()}"
        return DiagnosisVerdict(code, False, reason, change.replacement, tuple(change.sources))
    cs = codeset()
    if not cs.is_valid(code):
        return DiagnosisVerdict(code, False, "not an ICD-10-CM code")
    if not cs.is_leaf(code):
        return DiagnosisVerdict(code, False, "a category header, not a billable code; code to full specificity")
    return DiagnosisVerdict(code, True, "billable")
