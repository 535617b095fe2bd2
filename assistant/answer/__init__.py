"""Short answers: one to three sentences that answer a billing question, each tied to the passage
and source it comes from, followed by the passages.

    answer_question("what does Medicare pay for 97551 in 2026?", retriever=retriever)
    # -> Answer(text="The Medicare national payment for 97551 in 2026 is $26.05 non-facility ...", ...)

    compose   the offline answer: dated facts worded from the knowledge (`facts`, amounts by
              `assistant.billing`), else quoted from the top passages; says when it cannot answer
    model     with a language model configured: the model writes the sentences
    gate      no number, code or date that the cited passages (or the question) do not hold

Both paths pass the same gate; a model answer that fails it twice gives way to the offline one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from assistant.answer.compose import Cited, compose, entry_of
from assistant.models import Answer, AnswerSentence, Passage

Method = Literal["offline", "model", "offline_fallback"]


def _passages(cited: Sequence[Cited], found: Sequence[Passage], k: int) -> list[Passage]:
    out: list[Passage] = []
    own = [p for c in cited if c.passage is not None for p in (c.passage, *c.also)]
    # a worked sum's figures come from several passages: those the search ranked come in its order
    searched = {p.id: i for i, p in enumerate(found)}
    if any(c.also for c in cited):
        own.sort(key=lambda p: searched.get(p.id, len(found)))
    for passage in own + list(found):
        if all(p.id != passage.id for p in out):
            out.append(passage)
    return out[: max(k, len({p.id for p in own}))]


def _answer(question: str, dos: date | None, kind: str, cited: Sequence[Cited], answered: bool,
            passages: list[Passage], method: Method = "offline", notes: Sequence[str] = ()) -> Answer:
    sentences = [AnswerSentence(text=c.text, passage_id=c.passage.id if c.passage else None,
                                source=c.passage.source if c.passage else None,
                                passage_ids=[p.id for p in (c.passage, *c.also) if p is not None]) for c in cited]
    return Answer(question=question, dos=dos, answered=answered, text=" ".join(s.text for s in sentences),
                  sentences=sentences, passages=passages, kind=kind, method=method, notes=list(notes))


def answer_question(question: str, *, retriever: Any, dos: date | None = None, k: int = 5,
                    backend: Any = None) -> Answer:
    """The short answer to `question` (offline; written by `backend` when one is given)."""
    from assistant.answer.model import draft_answer

    retrieval = retriever.retrieve(question, k=k, dos=dos)
    intent = retrieval.intent

    def lookup(entry: str) -> list[Passage]:
        found: list[Passage] = retriever.passages([entry]).get(entry, [])
        return found

    cited, answered = compose(intent, retrieval.pins, retrieval.passages, retriever.knowledge, lookup, dos=dos)
    passages = _passages(cited, retrieval.passages, k)
    offline = _answer(intent.query, dos, intent.kind, cited, answered, passages)
    if backend is None:
        return offline
    draft, notes = draft_answer(backend, intent.query, passages, dos)
    if draft is None:
        return offline.model_copy(update={"method": "offline_fallback", "notes": notes})
    by_id = {p.id: p for p in passages}
    model_cited = [Cited(s.text, by_id[s.passage_ids[0]] if s.passage_ids else None,
                         tuple(by_id[i] for i in s.passage_ids[1:] if i in by_id)) for s in draft.sentences]
    order = {p.id: i for i, p in enumerate(passages)}
    used = [c.passage for c in model_cited if c.passage is not None]
    rest = sorted((p for p in passages if p not in used), key=lambda p: order[p.id])
    return _answer(intent.query, dos, intent.kind, model_cited, draft.answerable,
                   _passages(model_cited, rest, k), method="model", notes=notes)


__all__ = ["answer_question", "entry_of"]
