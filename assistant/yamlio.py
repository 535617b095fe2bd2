"""YAML read the fast way: libyaml's C loader when PyYAML was built with it (~10x the pure-Python
loader; the knowledge is read on every cold start, the evaluation sets on every test run)."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load`, with the C loader when there is one."""
    return yaml.load(text, Loader=_LOADER)
