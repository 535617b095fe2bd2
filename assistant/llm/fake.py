"""A test backend that implements the same interface (after pydantic-ai's FunctionModel).

    FakeBackend([{"sections": [...]}, BackendError("boom")])      # scripted answers, in turn
    FakeBackend(lambda task, prompt_vars, schema: schema(...))     # computed answers

Scripted dicts are validated against the requested schema; exceptions are raised; when the
script runs out the last item repeats. `calls` records (task, prompt_vars) for assertions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.errors import BackendError

M = TypeVar("M", bound=BaseModel)
Script = Sequence[dict[str, Any] | BaseModel | Exception] | Callable[[str, dict[str, Any], type[BaseModel]], Any]


class FakeBackend:
    def __init__(
        self, script: Script, *, name: str = "fake", is_local: bool = True, deterministic: bool = False
    ) -> None:
        self.script = script
        self.name = name
        self.is_local = is_local
        self.deterministic = deterministic
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def generate(self, task: str, prompt_vars: dict[str, Any], schema: type[M]) -> M:
        self.calls.append((task, dict(prompt_vars)))
        if callable(self.script):
            item = self.script(task, prompt_vars, schema)
        else:
            index = min(len(self.calls) - 1, len(self.script) - 1)
            item = self.script[index]
        if isinstance(item, Exception):
            raise item
        try:
            return schema.model_validate(item.model_dump() if isinstance(item, BaseModel) else item)
        except ValidationError as exc:
            raise BackendError(f"fake answer does not match {schema.__name__}") from exc
