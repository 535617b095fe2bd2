"""Where check functions register: `@check` files a function under its own name, the check id.

The rule pack (knowledge/rules/<id>.yaml) gives each id its order, label, severities and wording;
the engine runs the registered function of every rule. A new check is a rule file plus one
decorated function (docs/EXTENDING.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.notes.context import Context, Outcome

CheckFn = Callable[["Context"], "Outcome"]
CHECKS: dict[str, CheckFn] = {}


def check(fn: CheckFn) -> CheckFn:
    """Register `fn` as the check whose id is its name."""
    name = fn.__name__
    if name in CHECKS and CHECKS[name] is not fn:
        raise ValueError(f"two check functions named {name!r}")
    CHECKS[name] = fn
    return fn
