"""The one narrow interface every language-model backend implements.

    backend.generate(task, prompt_vars, schema) -> instance of schema

`task` names a prompt file (`prompts/*.md`, front matter `task:`); `prompt_vars` fills its
declared variables (keys starting with "_" are hints for the backend, e.g. `_phi_names`, and `_phi_safe`: project
text inside the values, such as knowledge passages, that de-identification leaves as written);
`schema` is the pydantic model the answer must validate against. A backend raises
`assistant.errors.BackendError` on timeout, HTTP error, refusal or an answer that does not
validate — never returns None or a half-parsed object. Grounding is not the backend's job: the
drafting use cases pass every answer through the gate.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


@runtime_checkable
class Backend(Protocol):
    name: str
    #: True when text never leaves this machine (offline drafter, fake, loopback endpoint).
    is_local: bool
    #: True when answers are computed from the brief by code, never by a model (the offline
    #: drafter): asking again, or with a repair note, gives the same answer, so the pipeline asks
    #: once and the backend is its own fallback; and passages retrieved beyond the brief's own
    #: sources would not change what it writes, so drafting does not search for it.
    deterministic: bool

    def generate(self, task: str, prompt_vars: dict[str, Any], schema: type[M]) -> M: ...
