"""Documentation and appeal assistant for caregiver training services (CTS).

    import assistant
    report = assistant.check_note(text, dos="2025-03-04", billed=[{"code": "97550", "units": 1, "modifiers": ["GP"]}])
    passages = assistant.search("can the patient be in the room?", k=3)
    result = assistant.draft_appeal(denial="CO-50 N115", note=text)
    rewrite = assistant.rewrite_note(text)

The module-level functions use default settings (offline, embedded index) and one shared
`Assistant`, built on first use. Build `Assistant(Settings(...))` to configure more.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.models import Passage, Report
from assistant.parsing import parse_billed, parse_date, parse_profile
from assistant.service import Assistant
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.drafting.models import AppealResult, RewriteResult

__all__ = ["Assistant", "Settings", "check_note", "draft_appeal", "rewrite_note", "search"]

_default: Assistant | None = None


def _assistant() -> Assistant:
    global _default
    if _default is None:
        _default = Assistant()
    return _default


# The module functions are an edge: they accept what a person types ("2025-03-04", "97550x1:GP",
# dicts) and parse it once; `Assistant` methods take parsed values.


def check_note(
    text: str | bytes, *, dos: str | date | None = None, billed: Any = None, profile: str = "medicare"
) -> Report:
    """Check a CTS note against every element of the check contract (docs/checks.md)."""
    return _assistant().check_note(
        text, dos=parse_date(dos), billed=parse_billed(billed), profile=parse_profile(profile)
    )


def search(query: str, *, k: int = 5, dos: str | date | None = None) -> list[Passage]:
    """Retrieve the knowledge-base passages that answer a billing question."""
    return _assistant().search(query, k=k, dos=parse_date(dos))


def draft_appeal(denial: str, note: str | bytes, claim: dict[str, Any] | None = None, denial_text: str | None = None,
                 *, dos: str | date | None = None, known_names: Sequence[str] = ()) -> AppealResult:
    """Recommend appeal / corrected claim / no appeal, and draft a grounded letter. ``known_names``
    (patient, caregiver, clinician) are scrubbed wherever they occur before text goes to a remote model."""
    return _assistant().draft_appeal(denial, note, claim=claim, denial_text=denial_text, dos=parse_date(dos),
                                     known_names=known_names)


def rewrite_note(text: str | bytes, *, dos: str | date | None = None, known_names: Sequence[str] = ()) -> RewriteResult:
    """Restructure a note for payers without adding any fact (``known_names`` as for `draft_appeal`)."""
    return _assistant().rewrite_note(text, dos=parse_date(dos), known_names=known_names)
