"""`assistant.codes`: the "did you mean" for a code one slip away from a known one; an order's findings (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.codes import near_codes
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()

TRAINING = ("97550", "97551", "97552", "G0539", "G0540", "G0541", "G0542", "G0543")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("97505", ["97550"]),  # two neighbouring digits swapped
        ("97559", ["97550", "97551", "97552"]),  # one digit mistyped: every code one digit away
        ("g0514", ["G0541"]),  # lower case, swapped
        ("97550", []),  # a known code is no slip, however near others are
        ("92507", []),  # another code altogether
        ("9755", []),  # another length
        ("95570", []),  # two slips away
    ],
)
def test_near_codes(code: str, expected: list[str]) -> None:
    assert near_codes(code, TRAINING) == expected


def test_check_names_the_code_meant() -> None:
    from assistant.models import BilledLine
    from assistant.service import Assistant

    report = Assistant().check_note("DOS: 03/11/2025. Wife trained in transfers; pt not present. Total 32 min. "
                                    "Jane Ortiz, PT", billed=[BilledLine(code="97505", units=1, modifiers=["GP"])])
    assert "did you mean 97550?" in report.check("units").message


# ordered (code, units), date -> (critical texts, warns of two families)
@pytest.mark.parametrize(("lines", "on", "critical", "two_families"), [
    ([("G0541", 1)], date(2024, 6, 1), ["G0541-G0543 exist only from 2025-01-01"], False),
    # qa10b #6: behaviour management (G0539/+G0540) exists only from 2025 too
    ([("G0539", 1)], date(2024, 6, 1), ["G0539-G0540 exist only from 2025-01-01"], False),
    ([("G0539", 1), ("G0540", 1)], date(2024, 6, 1), ["G0539-G0540 exist only from 2025-01-01"], False),
    ([("G0539", 1)], date(2025, 3, 4), [], False),
    ([("97550", 1), ("G0539", 1)], date(2025, 3, 4), [], True),
    ([("97550", 1), ("G0541", 1)], date(2025, 3, 4), [], True),
    ([("97550", 1), ("97551", 1)], date(2024, 6, 1), [], False),
])
def test_order_findings_by_code_family(
    lines: list[tuple[str, int]], on: date, critical: list[str], two_families: bool
) -> None:
    from assistant.codes import order_findings

    found = order_findings(KB, lines, on)
    assert [f.text.split(";")[0] for f in found if f.indicator == "critical"] == critical
    assert any("one code family only" in f.text for f in found) is two_families


@pytest.mark.parametrize(("lines", "warned"), [
    ([("97550", 99)], True),  # hostile15 #28: a primary ordered x99
    ([("G0541", 2)], True), ([("G0539", 3)], True),
    ([("97550", 1), ("97551", 3)], False),  # add-on units are the further time
    ([("97550", 1)], False),
])
def test_a_primary_ordered_more_than_once_per_session_is_warned(lines: list[tuple[str, int]], warned: bool) -> None:
    from assistant.codes import order_findings

    found = order_findings(KB, lines, date(2026, 3, 4))
    assert any("one unit per session" in f.text and f.indicator == "warning" for f in found) is warned
