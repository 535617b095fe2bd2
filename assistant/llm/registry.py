"""Backends by name (after simonw/llm): every backend, the test fake included, registers here.

`backend_from_settings(settings)`: the OpenAI-compatible adapter when an endpoint is configured
(ASSISTANT_LLM_BASE_URL or OPENAI_BASE_URL), otherwise the `offline` backend.

The `offline` backend is drafting's own template drafter: `assistant.drafting.offline` registers
it when imported (the service imports it before asking for a backend). This package is transport
only and never imports drafting, so the dependency runs one way.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.errors import BackendError
from assistant.llm.base import Backend
from assistant.settings import Settings

Factory = Callable[[Settings], Backend]
_REGISTRY: dict[str, Factory] = {}


def register(name: str, factory: Factory) -> None:
    _REGISTRY[name] = factory


def names() -> list[str]:
    return sorted(_REGISTRY)


def backend_by_name(name: str, settings: Settings | None = None) -> Backend:
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise BackendError(f"unknown backend {name!r}", hint=f"known: {', '.join(names())}") from None
    return factory(settings or Settings())


def backend_from_settings(settings: Settings) -> Backend:
    return backend_by_name("openai" if settings.llm_configured else "offline", settings)


def _openai(settings: Settings) -> Backend:
    from assistant.llm.openai_compat import OpenAICompatBackend

    return OpenAICompatBackend(settings)


def _fake(settings: Settings) -> Backend:
    """A fake that answers like the registered offline backend (through the registry, not an import)."""
    from assistant.llm.fake import FakeBackend

    offline = backend_by_name("offline", settings)
    return FakeBackend(offline.generate, name="fake")


register("openai", _openai)
register("fake", _fake)
