"""Inputs shared by the drafting use cases: note text, claim, and the sources retrieved for a request."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import ValidationError

from assistant.drafting.brief import SourceItem
from assistant.drafting.models import Claim, SourceCitation
from assistant.errors import ClaimError, InvalidDateError
from assistant.knowledge.schema import AUTHORITY_RANK
from assistant.notes.inputs import validate_note
from assistant.parsing import parse_date

log = logging.getLogger(__name__)


def note_text(note: str | bytes, *, max_bytes: int) -> str:
    """The note as text: the same validation (empty, binary, size limit) as the note check."""
    return validate_note(note, max_bytes=max_bytes)


def parse_claim(claim: Claim | dict[str, Any] | None) -> Claim:
    if claim is None:
        return Claim()
    if isinstance(claim, Claim):
        return claim
    if not isinstance(claim, dict):
        raise ClaimError("the claim must be a JSON object", hint='e.g. {"claim_number": "...", "lines": [...]}')
    try:
        return Claim.model_validate(claim)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:5])
        raise ClaimError(f"the claim has invalid field(s): {fields}", hint="lines need code, units and modifiers") from None


def claim_dos(value: str | None) -> date | None:
    """A claim's date of service, however the biller wrote it (ISO, m/d/y, month words)."""
    if not value:
        return None
    try:
        return parse_date(value)
    except InvalidDateError as exc:
        raise ClaimError(f"the claim's date of service cannot be read ({exc.message})", hint=exc.hint) from None


def source_text(source: Any) -> str:
    return " ".join([source.title, source.summary, *source.passages])


class Retrieved:
    """The sources retrieved for one request: what the brief offers and the gate accepts."""

    def __init__(self, knowledge: Any) -> None:
        self._kb = knowledge
        self.texts: dict[str, str] = {}

    def add(self, ids: Iterable[str], extra: dict[str, str] | None = None) -> None:
        for sid in ids:
            source = self._kb.sources.get(sid)
            if source is None:
                continue
            if sid not in self.texts:
                self.texts[sid] = source_text(source)
            if extra and sid in extra and extra[sid] not in self.texts[sid]:
                self.texts[sid] += " " + extra[sid]

    def search(self, assistant: Any, query: str, dos: str | None, k: int = 4) -> None:
        """Add passages from the retrieval index; a missing or broken index is not fatal."""
        try:
            passages = assistant.search(query, k=k, dos=dos)
        except Exception as exc:
            log.warning("retrieval skipped: %s", type(exc).__name__)
            return
        for p in passages:
            self.add([p.source.id], {p.source.id: p.text})

    def items(self) -> list[SourceItem]:
        """Sources for the brief, highest authority first; text without the repeated title."""
        rank = AUTHORITY_RANK
        ids = sorted(self.texts, key=lambda sid: -rank.get(self._kb.sources[sid].authority, 0))
        return [SourceItem(id=sid, title=self._kb.sources[sid].title,
                           text=self.texts[sid].removeprefix(self._kb.sources[sid].title).strip()) for sid in ids]

    def citations(self, ids: Iterable[str]) -> list[SourceCitation]:
        out = []
        for sid in dict.fromkeys(ids):
            s = self._kb.sources.get(sid)
            if s is not None:
                out.append(SourceCitation(id=sid, title=s.title, publisher=s.publisher, url=s.url))
        return out
