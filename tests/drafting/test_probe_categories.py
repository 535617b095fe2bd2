"""Synthetic denial scenarios, one or more per real-world category (tests/drafting/probes/): an ADR whose records
were not received, a probe-and-educate review, a QIC reconsideration, an MA plan's upheld reconsideration, NCCI and
MUE denials beside non-CTS lines, coordination of benefits, eligibility, timely filing, a partial denial, a phone log
and a work-queue note with no code, planted instructions. Each gets its recommendation and route, says what it must
and nothing it must not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evals.suites import appeals

PROBES = Path(__file__).parent / "probes" / "denial_categories.yaml"
TODAY = appeals.scenario_today(PROBES)


def _cases() -> list[Any]:
    out = []
    for item in appeals.load_scenarios(PROBES):
        marks = [pytest.mark.xfail(reason=item["known_miss"], strict=True)] if item.get("known_miss") else []
        out.append(pytest.param(item, id=item["id"], marks=marks))
    return out


@pytest.fixture(scope="module")
def assistant() -> Any:
    from assistant.service import Assistant

    return Assistant()


@pytest.mark.parametrize("item", _cases())
def test_probe(assistant: Any, item: dict[str, Any]) -> None:
    from evals.suites._appeal_scoring import _letter_text

    day = appeals.clock_for(item, TODAY)
    assistant.clock = lambda: day
    result = assistant.draft_appeal(item["denial"], item["note"], claim=item["claim"],
                                    denial_text=item.get("denial_text"))
    exp = item["expected"]
    assert result.recommendation == exp["recommendation"]
    if "route" in exp:
        assert (result.route or "none") == exp["route"]
    said = " ".join([*(r.text for r in result.reasons), *result.actions, result.route_reason]).lower()
    assert [m for m in exp.get("must_mention", []) if m.lower() not in said] == []
    everything = f"{said} {_letter_text(result).lower()}"
    assert [f for f in exp.get("forbidden", []) if f.lower() in everything] == []
