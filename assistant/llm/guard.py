"""Guards for every model and embeddings call: egress, one deadline, bounded answers, bounded concurrency.

    with deadline(settings.llm_deadline):                 # one budget for the call and all its retries
        client = guarded_client(policy, settings)          # httpx2 client for the OpenAI SDK / LangChain
        ...

* **Egress**: connections go through `assistant.phi.egress.PinnedBackend` (checked after name
  resolution, connected to the checked address); proxies from the environment are ignored.
* **Deadline**: `deadline()` sets a monotonic budget in a context variable (nested calls keep the
  earlier end). Each request's connect/read/write timeouts are cut to what is left, and a request
  after the end fails at once, so the SDK's retries cannot outlive it.
* **Slow or endless answers**: the response stream is read under the same deadline and a byte
  budget; a server that trickles a byte at a time, or never stops, is cut off.
* **Concurrency**: `CallLimiter` admits a bounded number of calls; the rest fail at once with a
  `BackendError` that says so, and the caller answers with the offline drafter.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from assistant.errors import BackendBusyError
from assistant.phi.egress import EgressPolicy, PinnedBackend

_END: ContextVar[float | None] = ContextVar("assistant_llm_deadline", default=None)


@contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Run the block under a deadline ``seconds`` from now (or an earlier one already in force)."""
    end = time.monotonic() + seconds
    outer = _END.get()
    token = _END.set(min(end, outer) if outer is not None else end)
    try:
        yield _END.get() or end
    finally:
        _END.reset(token)


def remaining() -> float | None:
    """Seconds left before the deadline in force (None: no deadline)."""
    end = _END.get()
    return None if end is None else end - time.monotonic()


class CallLimiter:
    """At most ``limit`` calls at once; one more fails fast instead of queueing behind a hung model."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._slots = threading.BoundedSemaphore(limit)

    @contextmanager
    def slot(self) -> Iterator[None]:
        if not self._slots.acquire(blocking=False):
            raise BackendBusyError(
                f"{self.limit} model calls already in flight; answered offline",
                hint="raise ASSISTANT_LLM_MAX_CONCURRENT or add workers",
            )
        try:
            yield
        finally:
            self._slots.release()


def _stream(inner: Any, request: Any, max_bytes: int) -> Iterator[bytes]:
    import httpx2

    total = 0
    try:
        for chunk in inner:
            total += len(chunk)
            left = remaining()
            if left is not None and left <= 0:
                raise httpx2.ReadTimeout("deadline reached while the answer was still arriving", request=request)
            if total > max_bytes:
                raise httpx2.ReadError(f"answer larger than {max_bytes} bytes; cut off", request=request)
            yield chunk
    finally:
        close = getattr(inner, "close", None)
        if close is not None:
            close()


def guarded_transport(policy: EgressPolicy, *, max_bytes: int) -> Any:
    import httpcore2
    import httpx2

    class GuardedStream(httpx2.SyncByteStream):
        def __init__(self, chunks: Iterator[bytes], inner: Any) -> None:
            self._chunks, self._inner = chunks, inner

        def __iter__(self) -> Iterator[bytes]:
            yield from self._chunks

        def close(self) -> None:
            close = getattr(self._inner, "close", None)
            if close is not None:
                close()

    class GuardedTransport(httpx2.BaseTransport):
        def __init__(self) -> None:
            self._inner = httpx2.HTTPTransport(trust_env=False)
            ssl_context = httpx2.create_ssl_context(trust_env=False)
            self._inner._pool = httpcore2.ConnectionPool(  # pin every TCP connection to a checked address
                ssl_context=ssl_context,
                network_backend=PinnedBackend(policy),  # type: ignore[arg-type]  # the NetworkBackend protocol
                max_connections=100,
            )

        def handle_request(self, request: Any) -> Any:
            left = remaining()
            if left is not None:
                if left <= 0:
                    raise httpx2.ConnectTimeout("deadline reached before the request", request=request)
                timeout = dict(request.extensions.get("timeout") or {})
                for key in ("connect", "read", "write", "pool"):
                    timeout[key] = min(timeout.get(key) or left, left)
                request.extensions["timeout"] = timeout
            response = self._inner.handle_request(request)
            return httpx2.Response(
                status_code=response.status_code,
                headers=response.headers,
                stream=GuardedStream(_stream(response.stream, request, max_bytes), response.stream),
                extensions=response.extensions,
            )

        def close(self) -> None:
            self._inner.close()

    return GuardedTransport()


def guarded_client(policy: EgressPolicy, *, timeout: float, max_bytes: int) -> Any:
    """An httpx2 client for the OpenAI SDK (and LangChain's ChatOpenAI) under these guards."""
    import httpx2

    return httpx2.Client(transport=guarded_transport(policy, max_bytes=max_bytes), timeout=timeout, trust_env=False)


def fetch_limited(url: str, policy: EgressPolicy, *, timeout: float, max_bytes: int) -> tuple[int, bytes]:
    """GET ``url`` under the same guards as a model call: egress policy, one deadline, a byte budget.

    No redirects and no proxies. Raises `BackendRefusedError` when the policy refuses the host and
    ``OSError`` (with the transport's error class name only: a URL may carry a token) when the fetch fails.
    """
    import httpx2

    try:
        with deadline(timeout), guarded_client(policy, timeout=timeout, max_bytes=max_bytes) as client:
            response = client.get(url, follow_redirects=False)
            return response.status_code, response.read()
    except httpx2.HTTPError as exc:
        raise OSError(f"fetch failed ({type(exc).__name__})") from None
