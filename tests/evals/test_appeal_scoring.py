"""The appeal scorer's route and deadline comparisons (evals/suites/_appeal_scoring.py)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from evals.suites._appeal_scoring import _deadline_ok, _route_ok


@pytest.mark.parametrize(
    ("expected", "route", "ok"),
    [
        ({"route": "redetermination"}, "redetermination", True),
        ({"route": "redetermination"}, "clerical_reopening", False),
        ({"route": "alj_hearing"}, "alj", True),  # an author's name for the product's `alj`
        ({"route": "alj"}, "alj", True),
        ({"route": "none"}, "none", True),
        ({}, "payer_appeal", None),
    ],
)
def test_route_ok(expected, route, ok):
    assert _route_ok(expected, route) is ok


def _result(due):
    return SimpleNamespace(deadline=None if due is None else SimpleNamespace(due_date=due))


@pytest.mark.parametrize(
    ("expected", "due", "ok"),
    [
        ({"deadline": "2027-05-02"}, date(2027, 5, 2), True),
        ({"deadline": "2027-05-02"}, date(2027, 5, 3), False),
        ({"deadline": "2027-05-02"}, None, False),
        ({"deadline": date(2027, 5, 2)}, date(2027, 5, 2), True),  # YAML reads an unquoted date as a date
        ({}, date(2027, 5, 2), None),
    ],
)
def test_deadline_ok(expected, due, ok):
    assert _deadline_ok(expected, _result(due)) is ok
