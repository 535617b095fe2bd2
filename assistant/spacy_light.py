"""Import spaCy for a rule-based pipeline without paying for the parts it never uses.

Why: `assistant check` (and the PHI scrubber, through Presidio) must answer in well under two
seconds from process start, and two imports dominate spaCy's own import without serving a blank tokenizer pipeline:

- thinc (under spaCy) imports torch at import time only to probe for GPU support (~3 s of CPU
  when torch is installed for the retrieval layer). torch is hidden while spaCy is first
  imported; it stays importable afterwards.
- `spacy/__init__` imports `spacy.cli.info`, which imports the whole spaCy CLI (weasel, httpx,
  the training and download commands: ~45 % of spaCy's import time). `spacy.cli` is installed
  as a lazy module that loads the real CLI on first attribute access or submodule import.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any


class _LazyCli(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)  # introspection (inspect.getmodule, __file__) must not load the CLI
        return getattr(_real_cli(), name)


def _real_cli() -> types.ModuleType:
    for key in ("spacy.cli.info", "spacy.cli"):
        if isinstance(sys.modules.get(key), (_LazyCli, _LazyInfo)):
            del sys.modules[key]
    real = importlib.import_module("spacy.cli")
    spacy_module = sys.modules.get("spacy")
    if spacy_module is not None:
        spacy_module.cli = real  # type: ignore[attr-defined]
    return real


class _LazyInfo(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        _real_cli()
        return getattr(importlib.import_module("spacy.cli.info"), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, loaded on first use."""
    return _real_cli().info(*args, **kwargs)


def _install_lazy_cli() -> None:
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    cli = _LazyCli("spacy.cli")
    cli.__path__ = [f"{next(iter(spec.submodule_search_locations))}/cli"]
    info = _LazyInfo("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


def _import() -> None:
    if "spacy" in sys.modules:
        return
    hide_torch = "torch" not in sys.modules
    if hide_torch:
        sys.modules["torch"] = None  # type: ignore[assignment]
    _install_lazy_cli()
    try:
        import spacy  # noqa: F401
    finally:
        if hide_torch and "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


_import()

import spacy  # noqa: E402

__all__ = ["spacy"]
