"""Import spaCy without letting thinc import torch.

Why: thinc (under spaCy) imports torch at import time only to probe for GPU support, which
costs ~3 s of CPU on every cold start of `assistant check` when torch is installed (the
retrieval layer may use it). This pipeline is rule-based and never uses thinc's torch layers,
so torch is hidden while spaCy is first imported; it stays importable afterwards.
"""

from __future__ import annotations

import sys


def _import() -> None:
    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy  # noqa: F401
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


_import()

import spacy  # noqa: E402

__all__ = ["spacy"]
