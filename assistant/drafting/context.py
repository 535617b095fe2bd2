"""Inputs shared by the drafting use cases: note text, and the sources retrieved for a request.

Letters cite only primary and contractor authorities (`LETTER_AUTHORITIES`: CPT, CMS, the MACs);
secondary sources stay in the knowledge base for search and for the biller's reasons, labelled by
authority, but never stand as the authority in a letter.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from assistant.drafting.brief import SourceItem
from assistant.drafting.deps import Search
from assistant.drafting.models import SourceCitation
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import AUTHORITY_RANK, Source
from assistant.notes.inputs import validate_note

LETTER_AUTHORITIES = frozenset({"cpt", "cms", "mac"})

log = logging.getLogger(__name__)


def note_text(note: str | bytes, *, max_bytes: int) -> str:
    """The note as text: the same validation (empty, binary, size limit) as the note check."""
    return validate_note(note, max_bytes=max_bytes)


def source_text(source: Source) -> str:
    return " ".join([source.title, source.summary, *source.passages])


# Source topics that name the payer a source's rule binds (knowledge/sources/*.yaml `topics`).
_PAYER_TOPICS = frozenset({"medicare", "medicare_advantage", "commercial", "medicaid"})


class Retrieved:
    """The sources retrieved for one request: what the brief offers and the gate accepts."""

    def __init__(self, knowledge: Knowledge, payer_type: str | None = None) -> None:
        self._kb = knowledge
        self._payer_type = payer_type
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

    def search(self, search: Search, query: str, dos: date | None, k: int = 4) -> None:
        """Add passages from the retrieval index; a missing or broken index is not fatal."""
        try:
            passages = search(query, k=k, dos=dos)
        except Exception as exc:
            log.warning("retrieval skipped: %s", type(exc).__name__)
            return
        for p in passages:
            self.add([p.source.id], {p.source.id: p.text})

    def citable(self, sid: str) -> bool:
        """May a letter cite this source (retrieved here, a primary or contractor authority, and binding on this
        payer: a rule for Medicare Advantage plans alone, 42 CFR 422.101(b), binds no other payer)?"""
        return (
            sid in self.texts
            and self._kb.sources[sid].authority in LETTER_AUTHORITIES
            and not self._binds_another_payer(sid)
        )

    def _binds_another_payer(self, sid: str) -> bool:
        payers = set(self._kb.sources[sid].topics) & _PAYER_TOPICS
        return self._payer_type is not None and payers == {"medicare_advantage"} and self._payer_type != payers.pop()

    def letter_texts(self) -> dict[str, str]:
        return {sid: text for sid, text in self.texts.items() if self.citable(sid)}

    def items(self) -> list[SourceItem]:
        """The letter-citable sources for the brief, highest authority first; text without the repeated title."""
        ids = sorted(
            (s for s in self.texts if self.citable(s)), key=lambda sid: -AUTHORITY_RANK[self._kb.sources[sid].authority]
        )
        return [
            SourceItem(
                id=sid,
                title=self._kb.sources[sid].title,
                text=self.texts[sid].removeprefix(self._kb.sources[sid].title).strip(),
            )
            for sid in ids
        ]

    def citations(self, ids: Iterable[str]) -> list[SourceCitation]:
        out = []
        for sid in dict.fromkeys(ids):
            s = self._kb.sources.get(sid)
            if s is not None:
                out.append(SourceCitation(id=sid, title=s.title, publisher=s.publisher, url=s.url))
        return out
