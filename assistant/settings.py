"""Settings, read from the environment (prefix ``ASSISTANT_``) once at an entry point and passed down.

There is no import-time singleton: `Settings()` is built by `cli`, `api.create_app` or
`assistant.Assistant` and handed to whatever needs it. The standard ``OPENAI_BASE_URL`` and
``OPENAI_API_KEY`` are honoured when the ``ASSISTANT_`` names are unset.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cts-assistant"


class CdsClient(BaseModel):
    """A CDS Client (an EHR) trusted to call the CDS services: its issuer and where its keys are."""

    model_config = ConfigDict(extra="forbid")
    iss: str = Field(min_length=1, description="The `iss` of its JWTs.")
    jwks_url: str | None = Field(default=None, description="Its JWK Set URL (https, or http on loopback).")
    jwks: dict[str, Any] | None = Field(default=None, description="Its JWK Set inline, instead of a URL.")
    sub: list[str] = Field(default_factory=list, description="Accepted `sub` (client ids); empty: any.")

    @model_validator(mode="after")
    def _one_key_source(self) -> CdsClient:
        if (self.jwks_url is None) == (self.jwks is None):
            raise ValueError("give a CDS client either jwks_url or jwks")
        return self


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore", populate_by_name=True)

    # --- input limits -------------------------------------------------------------------
    max_note_bytes: int = Field(default=1_000_000, ge=1_000, description="Largest note accepted, in bytes of UTF-8.")

    # --- retrieval ----------------------------------------------------------------------
    data_dir: Path = Field(default_factory=_default_data_dir, description="Where the index lives.")
    embedder: Literal["minilm", "model2vec", "hash", "openai"] = "model2vec"
    chroma_url: str | None = Field(default=None, description="Chroma server URL; embedded PersistentClient when unset.")
    embeddings_model: str = "text-embedding-3-small"

    # --- language model -----------------------------------------------------------------
    llm_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("ASSISTANT_LLM_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ASSISTANT_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = Field(default=30.0, gt=0)
    llm_max_retries: int = Field(default=2, ge=0, le=10)
    llm_temperature: float = Field(default=0.0, ge=0, le=2)
    llm_structured_method: Literal["json_schema", "function_calling", "json_mode"] = "json_schema"
    llm_allow_remote: bool = Field(
        default=True,
        description="When false, nothing is sent beyond this machine: only loopback endpoints are used "
        "(private, link-local and metadata addresses are refused too, checked after name resolution).",
    )
    llm_deidentify: Literal["remote", "always"] = Field(
        default="remote",
        description="'remote': de-identify text for endpoints beyond loopback; 'always': for loopback too "
        "(a local port that forwards to a hosted model, e.g. an SSH tunnel or a proxy).",
    )
    llm_deadline: float = Field(
        default=45.0, gt=0, description="One overall deadline, in seconds, for a model call across all its retries."
    )
    llm_max_response_bytes: int = Field(
        default=2_000_000, ge=1_000, description="Largest model answer read, in bytes; a longer one is cut off."
    )
    llm_max_concurrent: int = Field(
        default=8, ge=1, description="Model calls in flight at once per process; more fall back to the offline drafter."
    )

    # --- appeal letters ------------------------------------------------------------------
    # Printed on every letter; anything left empty becomes a visible [[placeholder]].
    practice_name: str = Field(default="", description="Practice name for the letterhead and as document author.")
    practice_address: str = Field(default="", description="Practice address for the letterhead (one line).")
    practice_phone: str = ""
    practice_npi: str = Field(default="", description="Billing NPI, used when the claim does not give one.")
    practice_ptan: str = Field(default="", description="Medicare PTAN, used when the claim does not give one.")
    letter_signer: str = Field(default="", description="Name and title of the person who signs appeal letters.")

    # --- HTTP service -------------------------------------------------------------------
    api_keys: list[str] = Field(default_factory=list, description="SHA-256 hex digests of accepted API keys.")
    rate_limit_per_minute: int = Field(default=600, ge=1)
    max_body_bytes: int = Field(default=2_000_000, ge=1_000)
    cors_origins: list[str] = Field(default_factory=list)
    frame_ancestors: list[str] = Field(default_factory=lambda: ["'self'"])
    smart_client_id: str | None = None
    rate_limit_store: Literal["shared", "memory"] = Field(default="shared", description=(
        "shared: in ASSISTANT_DATABASE_URL, else a SQLite file in the data directory (all workers of the "
        "host); memory: per worker process."))
    auth_failures_per_minute: int = Field(default=30, ge=1, description="Failed authentications per client address.")
    public_url: str | None = Field(default=None, description=(
        "The service's external base URL (https://cts.example.org); CDS Hooks JWTs must name "
        "{public_url}/cds-services/{id} as `aud`. Unset: the URL the request was sent to."))
    cds_clients: list[CdsClient] = Field(default_factory=list, description=(
        "CDS Clients allowed to call /cds-services with a signed JWT; when empty the API keys apply."))
    cds_jwt_algorithms: list[str] = Field(default_factory=lambda: ["ES384", "RS384"])
    request_timeout: float = Field(default=10.0, gt=0, le=600,
                                   description="Time budget of one request, in seconds (503/504 past it).")
    cpu_workers: int | None = Field(default=None, ge=0, le=64, description=(
        "Worker processes per CPU lane of each web worker; unset: the cores shared among web workers; "
        "0: threads instead of processes."))
    web_workers: int = Field(default=1, ge=1, le=64, description="Web worker processes (set by `assistant serve`).")
    slow_lane_chars: int = Field(
        default=8_000, ge=1, description="Notes longer than this are checked in the slow lane."
    )
    search_threads: int = Field(default=8, ge=1, le=256, description="Threads for searches per web worker.")
    drafting_threads: int = Field(default=16, ge=1, le=256, description=(
        "Threads for drafting per web worker when drafting runs in threads (an injected assistant, and "
        "/v1/answer)."))
    drafting_workers: int | None = Field(default=None, ge=1, le=64, description=(
        "Worker processes for drafting (rewrites, appeals) per web worker: their CPU (de-identification, "
        "the check, the grounding gate) never competes with the event loop. Unset: two per check worker "
        "process of the web worker (two per core by default, however many web workers share the cores)."))

    # --- worklist database --------------------------------------------------------------
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL (postgresql+psycopg://...); a SQLite file in data_dir when unset."
    )
    practice: str = Field(default="default", description="The practice (tenant) of the CLI and of keyless local use.")
    practice_keys: dict[str, str] = Field(
        default_factory=dict,
        description="API-key SHA-256 digest -> practice; a key not listed is a practice of its own.",
    )
    user: str = Field(
        default_factory=lambda: os.environ.get("USER") or "local", description="Who the CLI records in history."
    )

    @field_validator("llm_api_key")
    @classmethod
    def _refuse_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().strip() in {"changeme", "your-key-here", "sk-..."}:
            raise ValueError("ASSISTANT_LLM_API_KEY is a placeholder; set a real key or unset it")
        return value

    def embedder_problem(self) -> str | None:
        """Why the chosen embedder cannot work with these settings (checked by a command before it starts)."""
        if self.embedder == "openai" and not self.llm_base_url:
            return "the 'openai' embedder needs an endpoint, and none is set"
        return None

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def worklist_url(self) -> str:
        """The worklist database: ASSISTANT_DATABASE_URL, else a SQLite file in the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'worklist.sqlite3'}"
