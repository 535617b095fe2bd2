"""Adapter to any OpenAI-compatible chat-completions endpoint through langchain-openai.

OpenAI, Azure OpenAI (v1 endpoint), vLLM, Ollama and llama.cpp `llama-server` all speak
`/v1/chat/completions`; `use_responses_api=False` keeps it that way for every model name.
Timeout, retries, temperature and the structured-output method come from settings. Structured
output is requested with `include_raw=True`; a `parsed` of None (servers that ignore tools) or a
parsing error is a failure, and the answer is validated again with pydantic.

PHI: text sent to an endpoint that is not on this machine is de-identified first and the answer
re-identified locally; with `llm_allow_remote=False` such endpoints are refused before anything
is sent. Note text and answers are never logged: log records carry sizes and outcomes only.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import time
from typing import Any, TypeVar
from urllib.parse import urlparse

from pydantic import BaseModel, ValidationError

from assistant.errors import BackendError, BackendRefusedError
from assistant.llm.prompts import load_prompt
from assistant.settings import Settings

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)


def _host_ip(url: str) -> tuple[str, ipaddress.IPv4Address | ipaddress.IPv6Address | None]:
    host = (urlparse(url).hostname or "").lower()
    try:
        return host, ipaddress.ip_address(host)
    except ValueError:
        return host, None


def is_loopback(url: str) -> bool:
    """True when the endpoint is on this machine (text never leaves it)."""
    host, ip = _host_ip(url)
    return host == "localhost" or host.endswith(".localhost") or bool(ip and ip.is_loopback)


def is_private(url: str) -> bool:
    """True for loopback and private-network endpoints (an in-house vLLM, say)."""
    _host, ip = _host_ip(url)
    return is_loopback(url) or bool(ip and (ip.is_private or ip.is_link_local))


class _NoPayloadLogs(logging.Filter):
    """Drop the HTTP client's debug records: they carry request bodies (prompts with note text)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO


_PAYLOAD_LOGGERS = ("openai", "openai._base_client", "httpx", "httpx2", "httpcore", "langchain_openai")


def _quiet_payload_loggers() -> None:
    for name in _PAYLOAD_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NoPayloadLogs) for f in logger.filters):
            logger.addFilter(_NoPayloadLogs())


def _map_strings(value: Any, fn: Any) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_map_strings(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _map_strings(v, fn) for k, v in value.items()}
    return value


class OpenAICompatBackend:
    """`Backend` over langchain-openai `ChatOpenAI`."""

    deterministic = False

    def __init__(self, settings: Settings, *, deidentifier: Any = None) -> None:
        if not settings.llm_base_url:
            raise BackendError("no LLM endpoint configured", hint="set ASSISTANT_LLM_BASE_URL or OPENAI_BASE_URL")
        self.base_url = settings.llm_base_url
        self.model = settings.llm_model
        self.method = settings.llm_structured_method
        self.allow_remote = settings.llm_allow_remote
        self.is_local = is_loopback(self.base_url)
        self.name = f"openai-compatible:{self.model}"
        self._settings = settings
        self._deidentifier = deidentifier
        self._llm: Any = None
        _quiet_payload_loggers()

    @property
    def llm(self) -> Any:
        if self._llm is None:
            from langchain_openai import ChatOpenAI

            key = self._settings.llm_api_key
            self._llm = ChatOpenAI(
                base_url=self.base_url,
                api_key=key.get_secret_value() if key else "not-needed",
                model=self.model,
                temperature=self._settings.llm_temperature,
                timeout=self._settings.llm_timeout,
                max_retries=self._settings.llm_max_retries,
                use_responses_api=False,
            )
        return self._llm

    def _phi(self) -> Any:
        if self._deidentifier is None:
            try:
                from assistant.phi import get_deidentifier
            except ImportError as exc:
                raise BackendRefusedError(
                    "de-identification unavailable; refusing to send text to a non-local endpoint"
                ) from exc
            self._deidentifier = get_deidentifier()
        return self._deidentifier

    def generate(self, task: str, prompt_vars: dict[str, Any], schema: type[M]) -> M:
        if not self.is_local and not self.allow_remote and not is_private(self.base_url):
            raise BackendRefusedError(
                "remote LLM endpoints are disabled (ASSISTANT_LLM_ALLOW_REMOTE=false)",
                hint="use a loopback or private-network endpoint, or the offline drafter",
            )
        system, user = load_prompt(task).render(prompt_vars)
        if self.method == "json_mode":
            system += "\n\nAnswer with one JSON object matching this JSON schema:\n" + json.dumps(schema.model_json_schema())
        deid = None
        if not self.is_local:
            sep = "\n\u241e\u241e\u241e\n"
            deid = self._phi().deidentify(system + sep + user, extra_names=tuple(prompt_vars.get("_phi_names", ())))
            system, _, user = deid.text.partition(sep)
        started = time.monotonic()
        raw = self._invoke(schema, system, user)
        data = raw.model_dump() if isinstance(raw, BaseModel) else raw
        if deid is not None:
            reid = getattr(deid, "reidentify", None) or (lambda t: self._phi().reidentify(t, deid.mapping))
            data = _map_strings(data, reid)
        try:
            result = schema.model_validate(data)
        except ValidationError as exc:
            raise BackendError(f"answer does not match {schema.__name__}: {exc.error_count()} error(s)") from exc
        log.info("llm task=%s backend=%s ok in %.2fs", task, self.name, time.monotonic() - started)
        return result

    def _invoke(self, schema: type[BaseModel], system: str, user: str) -> Any:
        import openai
        from langchain_core.exceptions import OutputParserException
        from langchain_core.messages import HumanMessage, SystemMessage

        runnable = self.llm.with_structured_output(schema, method=self.method, include_raw=True)
        try:
            out = runnable.invoke([SystemMessage(content=system), HumanMessage(content=user)])
        except openai.APITimeoutError as exc:
            raise BackendError(f"LLM endpoint timed out after {self._settings.llm_timeout}s") from exc
        except openai.APIStatusError as exc:
            raise BackendError(f"LLM endpoint returned HTTP {exc.status_code}") from exc
        except openai.APIConnectionError as exc:
            raise BackendError("cannot connect to the LLM endpoint") from exc
        except openai.OpenAIError as exc:
            raise BackendError(f"LLM client error: {type(exc).__name__}") from exc
        except (ValidationError, OutputParserException, ValueError, TypeError, KeyError) as exc:
            raise BackendError(f"LLM answer is not valid {schema.__name__} JSON ({type(exc).__name__})") from exc
        if not isinstance(out, dict):
            raise BackendError("unexpected structured-output shape")
        if out.get("parsing_error") is not None:
            raise BackendError(f"LLM answer is not valid {schema.__name__} JSON (parsing error)")
        if out.get("parsed") is None:
            raise BackendError("LLM returned no structured answer (server ignored the schema or tool)")
        return out["parsed"]
