"""`assistant serve`: the HTTP service (FastAPI app factory `api.app:create_app` under uvicorn)."""

from __future__ import annotations

import ipaddress
from typing import Annotated, Any

import typer

LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        # Access logs carry raw paths and query strings (a search question); the audit log replaces them.
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "api": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def default_web_workers(cores: int) -> int:
    """Web worker processes for `cores` CPUs: one per four cores, at least one.

    The check runs in worker processes of its own (the cores shared out among the web workers), so a
    web worker only parses, authenticates and forwards: about 0.3 ms of CPU per check against 2 ms for
    the check. One event loop feeds four cores with room to spare, and one web worker holds one queue
    for all its connections: with a web worker per core, the kernel's uneven share of connections gave
    one worker's requests the longer queue (2 cores, 64 connections: p99 about 1.6x that of one worker).
    Searches run in a web worker's threads: more web workers (`--workers`) for a search-heavy load."""
    return max(1, -(-cores // 4))


def _port_free(host: str, port: int) -> None:
    """Fail with one line when the address is taken, rather than uvicorn's traceback-like log."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            from assistant.cli.common import fail

            fail(f"Cannot listen on {host}:{port}: {exc.strerror or exc}.",
                 "Stop the other server or choose another --port.")


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[
            str, typer.Option(help="Address to bind. Keep 127.0.0.1 unless API keys are configured.")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
        workers: Annotated[int | None, typer.Option(min=1, max=64, help=(
            "Web worker processes (default: one per four cores; the checks run in worker processes on every core)."
        ))] = None,
    ) -> None:
        """Start the HTTP service: /v1 JSON API, CDS Hooks and the EHR sidebar at /sidebar."""
        import os

        import uvicorn

        from assistant.settings import Settings

        settings = Settings()
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host == "localhost"
        if not loopback and not settings.api_keys:
            typer.echo("warning: no ASSISTANT_API_KEYS configured; only loopback clients will be served", err=True)
        _port_free(host, port)
        workers = workers or default_web_workers(os.cpu_count() or 1)
        # Each web worker sizes its pool of check processes by the cores it shares with the others.
        os.environ["ASSISTANT_WEB_WORKERS"] = str(workers)
        uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers,
                    access_log=False, log_config=LOG_CONFIG, server_header=False)
