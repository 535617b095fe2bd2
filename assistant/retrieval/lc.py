"""The same retriever as a LangChain `BaseRetriever`, for LCEL drafting chains.

    from assistant.retrieval.lc import as_langchain_retriever
    chain = {"context": itemgetter("question") | as_langchain_retriever(assistant.retriever, k=4) | fmt, ...}

Each `Document` carries the passage id, score and its source (publisher, URL, authority,
effective window) in `metadata`, so a chain can cite what it was grounded on.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict


class PassageRetriever(BaseRetriever):
    """Wraps `assistant.retrieval.retriever.Retriever` (no second index, no second model)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any
    k: int = 4
    dos: str | date | None = None
    codes: list[str] | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        passages = self.retriever.search(query, k=self.k, dos=self.dos, codes=self.codes)
        return [
            Document(
                page_content=p.text,
                id=p.id,
                metadata={"id": p.id, "score": p.score, "kind": p.kind, "source": p.source.model_dump(mode="json")},
            )
            for p in passages
        ]


def as_langchain_retriever(retriever: Any, **kwargs: Any) -> PassageRetriever:
    return PassageRetriever(retriever=retriever, **kwargs)
