"""Adapter to any OpenAI-compatible chat-completions endpoint through langchain-openai.

OpenAI, Azure OpenAI (v1 endpoint), vLLM, Ollama and llama.cpp `llama-server` all speak
`/v1/chat/completions`; `use_responses_api=False` keeps it that way for every model name.
Timeout, retries, temperature and the structured-output method come from settings. Structured
output is requested with `include_raw=True`; a `parsed` of None (servers that ignore tools) or a
parsing error is a failure, and the answer is validated again with pydantic.

PHI and egress (`assistant.phi.egress`): an endpoint is local only when its host resolves to
loopback addresses alone. Text sent anywhere else is de-identified first and the answer
re-identified locally (``llm_deidentify="always"`` does it for loopback too); with
`llm_allow_remote=False` anything not local is refused before a byte is sent, and every
connection is checked again when it opens. Calls run under `assistant.llm.guard`: one deadline
across retries, a byte budget on the answer, a bound on calls in flight. Note text and answers are
never logged: log records carry sizes and outcomes only.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.errors import BackendDeadlineError, BackendError, BackendRefusedError
from assistant.llm.guard import CallLimiter, deadline, guarded_client, remaining
from assistant.llm.prompts import load_prompt
from assistant.llm.redact import deidentify_values
from assistant.phi.egress import EgressPolicy
from assistant.settings import Settings

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)


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
        self.name = f"openai-compatible:{self.model}"
        self._settings = settings
        self._deidentifier = deidentifier
        self._llm: Any = None
        self._local: bool | None = None
        self._limiter = CallLimiter(settings.llm_max_concurrent)
        _quiet_payload_loggers()

    @property
    def is_local(self) -> bool:
        """True when the endpoint's host resolves to loopback only (judged once, enforced per connection)."""
        if self._local is None:
            self._local = EgressPolicy(allow_remote=self.allow_remote).is_local(self.base_url)
        return self._local

    @is_local.setter
    def is_local(self, value: bool) -> None:
        self._local = value

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
                max_retries=0,  # retried here, under the call's one deadline (`_invoke_with_retries`)
                use_responses_api=False,
                http_client=guarded_client(
                    EgressPolicy(allow_remote=self.allow_remote, local_only=self.is_local),
                    timeout=self._settings.llm_timeout,
                    max_bytes=self._settings.llm_max_response_bytes,
                ),
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
        if not self.is_local and not self.allow_remote:
            raise BackendRefusedError(
                "remote LLM endpoints are disabled (ASSISTANT_LLM_ALLOW_REMOTE=false): only loopback is local",
                hint="use an endpoint on 127.0.0.1/::1, or the offline drafter",
            )
        with self._limiter.slot(), deadline(self._settings.llm_deadline):
            return self._generate(task, prompt_vars, schema)

    def _generate(self, task: str, prompt_vars: dict[str, Any], schema: type[M]) -> M:
        deid = None
        if not self.is_local or self._settings.llm_deidentify == "always":
            # the values only: the prompt's own rules and the knowledge passages are not a patient's words
            prompt_vars, deid = deidentify_values(
                self._phi(), prompt_vars, safe=prompt_vars.get("_phi_safe", ()),
                names=prompt_vars.get("_phi_names", ()), safe_ids=prompt_vars.get("_phi_safe_ids", ()),
            )
        system, user = load_prompt(task).render(prompt_vars)
        if self.method == "json_mode":
            system += "\n\nAnswer with one JSON object matching this JSON schema:\n" + json.dumps(
                schema.model_json_schema()
            )
        started = time.monotonic()
        raw = self._invoke_with_retries(schema, system, user)
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

    def _invoke_with_retries(self, schema: type[BaseModel], system: str, user: str) -> Any:
        """Timeouts, lost connections, 429 and 5xx are retried with backoff while the deadline allows."""
        attempt = 0
        while True:
            try:
                return self._invoke(schema, system, user)
            except BackendError as exc:
                if not getattr(exc, "retryable", False) or attempt >= self._settings.llm_max_retries:
                    raise
                pause = min(8.0, 0.5 * 2**attempt)
                left = remaining()
                if left is not None and left <= pause + 0.1:
                    raise BackendDeadlineError(
                        f"LLM call deadline of {self._settings.llm_deadline}s reached after {attempt + 1} "
                        f"attempt(s); last: {exc.message}"
                    ) from exc
                time.sleep(pause)
                attempt += 1

    def _invoke(self, schema: type[BaseModel], system: str, user: str) -> Any:
        import openai
        from langchain_core.exceptions import OutputParserException
        from langchain_core.messages import HumanMessage, SystemMessage

        runnable = self.llm.with_structured_output(schema, method=self.method, include_raw=True)
        try:
            out = runnable.invoke([SystemMessage(content=system), HumanMessage(content=user)])
        except openai.APITimeoutError as exc:
            left = remaining()
            if left is not None and left <= 0.05:
                raise BackendDeadlineError(f"LLM call deadline of {self._settings.llm_deadline}s reached") from exc
            raise _retryable(f"LLM endpoint timed out after {self._settings.llm_timeout}s") from exc
        except openai.APIStatusError as exc:
            error = BackendError(f"LLM endpoint returned HTTP {exc.status_code}")
            error.retryable = exc.status_code == 429 or exc.status_code >= 500  # type: ignore[attr-defined]
            raise error from exc
        except openai.APIConnectionError as exc:
            refused = _cause(exc, BackendRefusedError)
            if refused is not None:
                raise refused from exc
            left = remaining()
            if left is not None and left <= 0.05:
                raise BackendDeadlineError(f"LLM call deadline of {self._settings.llm_deadline}s reached") from exc
            raise _retryable("cannot connect to the LLM endpoint, or the answer was cut off") from exc
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


def _cause(exc: BaseException, kind: type[BackendRefusedError]) -> BackendRefusedError | None:
    """The refusal somewhere in the exception's cause chain (the SDK wraps transport errors)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return None
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _retryable(message: str) -> BackendError:
    error = BackendError(message)
    error.retryable = True  # type: ignore[attr-defined]
    return error
