"""`assistant.codes.near_codes`: the "did you mean" for a code one slip away from a known one (pure)."""

from __future__ import annotations

import pytest

from assistant.codes import near_codes

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
