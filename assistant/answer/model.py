"""A model-written answer: the configured backend writes the sentences, the answer gate judges them.

The backend sees the question and the same passages the offline answer uses, and returns an
`AnswerDraft` (one to three sentences, each with the ids of the passages it cites). The draft is
accepted only when every cited id was given, an answerable draft cites in every sentence, and no
sentence holds a number, code or date its cited passages (or the question) do not. A draft that
fails gets one repair attempt with the reasons; then the caller falls back to the offline answer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from assistant.answer.gate import Cited, check_answer
from assistant.errors import BackendError
from assistant.models import Passage


class DraftSentence(BaseModel):
    """One sentence of the answer and the passages it comes from."""

    text: str = Field(description="One short sentence of the answer.")
    passage_ids: list[str] = Field(default_factory=list, description="Ids of the passages this sentence states.")


class AnswerDraft(BaseModel):
    """The answer to a billing question, grounded in the given passages."""

    answerable: bool = Field(description="False when the passages do not answer the question.")
    sentences: list[DraftSentence] = Field(min_length=1, max_length=3)


def brief(passages: Sequence[Passage], dos: date | None) -> str:
    """The JSON the prompt's `brief` holds: the date of service and the passages, with id, window and source."""
    items = [{"id": p.id, "effective_from": p.effective_from.isoformat() if p.effective_from else None,
              "effective_to": p.effective_to.isoformat() if p.effective_to else None,
              "source": f"{p.source.publisher}: {p.source.title}", "text": p.text} for p in passages]
    return json.dumps({"date_of_service": dos.isoformat() if dos else None, "passages": items}, ensure_ascii=False,
                      indent=1)


def judge(draft: AnswerDraft, passages: Sequence[Passage], question: str, dos: date | None) -> list[str]:
    """Reasons the draft is not acceptable; [] when it passes the answer gate."""
    by_id = {p.id: p for p in passages}
    reasons: list[str] = []
    cited: list[Cited] = []
    for n, sentence in enumerate(draft.sentences, 1):
        unknown = [i for i in sentence.passage_ids if i not in by_id]
        if unknown:
            reasons.append(f"sentence {n} cites passages that were not given: {unknown[:3]}")
        if draft.answerable and not sentence.passage_ids:
            reasons.append(f"sentence {n} cites no passage")
        cited.append(Cited(sentence.text, [by_id[i].text for i in sentence.passage_ids if i in by_id]))
    return reasons + check_answer(cited, question, dos=dos)


def draft_answer(
    backend: Any, question: str, passages: Sequence[Passage], dos: date | None
) -> tuple[AnswerDraft | None, list[str]]:
    """(the accepted draft or None, notes on what went wrong)."""
    # the passages are the knowledge base's words: a remote model reads them as written (assistant.llm.redact)
    values = {"brief": brief(passages, dos), "note": question, "repair": "",
              "_phi_safe": [t for p in passages for t in (p.text, f"{p.source.publisher}: {p.source.title}")],
              "_phi_safe_ids": [i for p in passages for i in (p.id, p.source.id)]}
    notes: list[str] = []
    for _attempt in range(2):
        try:
            draft = backend.generate("answer", values, AnswerDraft)
        except BackendError as exc:
            notes.append(f"model failed: {exc.message}")
            return None, notes
        reasons = judge(draft, passages, question, dos)
        if not reasons:
            return draft, notes
        notes.append("answer gate: " + "; ".join(reasons[:3]))
        values["repair"] = ("Your previous answer was rejected: " + "; ".join(reasons[:5])
                            + ". Answer again, citing only what the passages hold.")
    return None, notes
