"""Prompt files: YAML front matter declaring the variables, then `# system` and `# user` parts.

    ---
    id: appeal_letter
    task: appeal
    variables: [brief, note, repair]
    ---
    # system
    ...
    # user
    ... {brief} ... {note} ...

Placeholders are `{name}` with a plain identifier; any other brace is literal text. On load the
declared variables must equal the placeholders used; on render every declared variable must be
given (names starting with "_" are private to the backend and ignored). Values are inserted
verbatim, never re-parsed, so a note containing braces cannot inject placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError
from assistant.knowledge.loader import default_prompts_dir

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
_PARTS = re.compile(r"^# (system|user)\s*$", re.M)


class PromptError(AssistantError):
    code = "prompt_invalid"


@dataclass(frozen=True)
class Prompt:
    id: str
    task: str
    variables: tuple[str, ...]
    system: str
    user: str
    path: Path

    def render(self, values: dict[str, Any]) -> tuple[str, str]:
        given = {k for k in values if not k.startswith("_")}
        missing = set(self.variables) - given
        unknown = given - set(self.variables)
        if missing or unknown:
            raise PromptError(f"prompt {self.id}: missing {sorted(missing)}, undeclared {sorted(unknown)}")

        def fill(template: str) -> str:
            return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)

        return fill(self.system).strip(), fill(self.user).strip()


def parse_prompt(text: str, path: Path) -> Prompt:
    m = _FRONT.match(text.replace("\r\n", "\n"))
    if m is None:
        raise PromptError(f"{path}: no YAML front matter")
    meta = yaml.safe_load(m.group(1)) or {}
    if not isinstance(meta, dict) or not {"id", "task", "variables"} <= set(meta):
        raise PromptError(f"{path}: front matter needs id, task and variables")
    chunks = _PARTS.split(m.group(2))
    parts = {chunks[i]: chunks[i + 1] for i in range(1, len(chunks) - 1, 2)}
    if set(parts) != {"system", "user"}:
        raise PromptError(f"{path}: needs exactly one '# system' and one '# user' part")
    declared = tuple(str(v) for v in meta["variables"])
    used = set(PLACEHOLDER.findall(parts["system"] + parts["user"]))
    if used != set(declared):
        raise PromptError(f"{path}: declared {sorted(declared)} but uses {sorted(used)}")
    return Prompt(str(meta["id"]), str(meta["task"]), declared, parts["system"], parts["user"], path)


@lru_cache(maxsize=16)
def load_prompt(task: str, root: str | None = None) -> Prompt:
    """The prompt whose front matter declares `task`."""
    for prompt in load_prompts(root):
        if prompt.task == task:
            return prompt
    raise PromptError(f"no prompt file for task {task!r}")


@lru_cache(maxsize=4)
def load_prompts(root: str | None = None) -> tuple[Prompt, ...]:
    folder = Path(root) if root else default_prompts_dir()
    return tuple(parse_prompt(p.read_text(encoding="utf-8"), p) for p in sorted(folder.glob("*.md")))
