"""Property tests of the whole OpenAPI document (schemathesis, in-process ASGI, no server).

Runs once against the fake assistant (the HTTP contract alone) and, when the library's check,
knowledge and drafting are available, against the real `Assistant` with the offline backend.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from api.app import create_app
from api.security import hash_key
from tests.api.conftest import KEY
from tests.api.conftest import settings as make_settings
from tests.api.fakes import FakeAssistant
from tests.api.test_real_assistant import APP

_fake = FakeAssistant(make_settings(api_keys=[hash_key(KEY)], rate_limit_per_minute=1_000_000,
                                   auth_failures_per_minute=1_000_000, rate_limit_store="memory"))
app = create_app(_fake.settings, assistant=_fake)  # type: ignore[arg-type]
# Worklist items exist for the key's practice, so item routes are exercised beyond 404.
_ERA = Path(__file__).resolve().parents[1] / "remittance" / "fixtures" / "medicare_partb.835"
_fake.import_era(_ERA.read_bytes(), practice=f"key-{hash_key(KEY)[:16]}")
# Schema-valid input can still be refused on meaning, with a documented problem: an empty note,
# an unparsable billed string, a date outside the rule or fee tables, a DocumentReference without
# a text attachment (422), or a note over the size limit (413), a worklist status change the state
# machine forbids (409). Everything else must be accepted.
# The API key is given per security scheme, so schemathesis knows which headers carry auth (a forced
# X-API-Key header would make its malformed-credential cases look accepted).
# Every built-in check runs, "valid request rejected" (positive_data_acceptance) included.
CONFIG = SchemathesisConfig.from_str(f"""
[checks]
enabled = true

[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "404", "409", "413", "422", "429"]

[auth.openapi.APIKeyHeader]
api_key = "{KEY}"

[auth.openapi.HTTPBearer]
bearer = "{KEY}"
""")
schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("CTS_API_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()


# The same contract over the real library (offline backend, hash embedder, shipped knowledge).
real_schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)


@pytest.mark.slow
@real_schema.parametrize()
@settings(
    max_examples=int(os.environ.get("CTS_API_FUZZ_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_contract_real(case: schemathesis.Case) -> None:
    case.call_and_validate()
