"""The offline drafter: the deterministic backend, registered as `offline` (default and fallback of every other).

It builds the same structured outputs as a model, from templates and the brief, and writes only
what the brief holds: the knowledge base's argument points and primary sources (cited), note
quotes taken from the check's evidence spans, and the denial's own codes (`offline_letter`). A
rewrite moves the draft's sentences, verbatim, into sections and adds placeholders for the gaps
(`offline_rewrite`).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from assistant.drafting.brief import AppealBrief, RewriteBrief
from assistant.drafting.models import LetterDraft, RewriteDraft
from assistant.drafting.offline_letter import draft_letter
from assistant.drafting.offline_rewrite import draft_rewrite
from assistant.errors import BackendError
from assistant.llm.registry import register
from assistant.settings import Settings

M = TypeVar("M", bound=BaseModel)


class OfflineDrafter:
    """Deterministic backend: no network, no model, the same schemas as any other backend."""

    name = "offline"
    is_local = True
    deterministic = True

    def generate(self, task: str, prompt_vars: dict[str, Any], schema: type[M]) -> M:
        try:
            if task == "appeal" and schema is LetterDraft:
                draft: BaseModel = draft_letter(AppealBrief.model_validate_json(prompt_vars["brief"]))
                return schema.model_validate(draft.model_dump())
            if task == "rewrite" and schema is RewriteDraft:
                draft = draft_rewrite(RewriteBrief.model_validate_json(prompt_vars["brief"]), prompt_vars["note"])
                return schema.model_validate(draft.model_dump())
        except (KeyError, ValueError) as exc:
            raise BackendError(f"offline drafter cannot build {task}: {type(exc).__name__}") from exc
        raise BackendError(f"offline drafter has no template for task {task!r} with schema {schema.__name__}")


def _factory(settings: Settings) -> OfflineDrafter:
    return OfflineDrafter()


# Registered under the name every caller already uses; the registry itself knows nothing of drafting.
register("offline", _factory)
