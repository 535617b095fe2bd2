"""The edge parser: one code shape and one modifier shape for `--billed`, the API and claims."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pydantic import ValidationError

from assistant.drafting.models import ClaimLine
from assistant.errors import BilledLineError, InvalidDateError
from assistant.models import BilledLine
from assistant.parsing import code_of, modifier_of, parse_billed, parse_date

CODES = [
    ("97550", "97550"),
    (" g0541 ", "G0541"),
    ("92610", "92610"),
    ("0001F", "0001F"),  # category II
    ("0591T", "0591T"),  # category III
    ("0001U", "0001U"),  # proprietary laboratory analysis
    ("0001A", "0001A"),  # vaccine administration
    ("0002M", "0002M"),  # multianalyte assay
    ("D0120", "D0120"),  # HCPCS level II (dental)
    (97110, "97110"),  # YAML turns unquoted codes into numbers
    ("9755", None),
    ("975500", None),
    ("W1234", None),  # no HCPCS level II section starts with W
    ("0001Z", None),
    ("97550x1", None),
    (True, None),
    (None, None),
    ("", None),
]


@pytest.mark.parametrize(("value", "code"), CODES)
def test_code_shape(value: object, code: str | None) -> None:
    assert code_of(value) == code


@pytest.mark.parametrize(("value", "code"), CODES)
def test_a_claim_line_and_billed_accept_the_same_codes(value: object, code: str | None) -> None:
    if code is None:
        with pytest.raises(ValidationError):
            ClaimLine.model_validate({"code": value})
        with pytest.raises(BilledLineError):
            parse_billed([{"code": value}])
    else:
        assert ClaimLine.model_validate({"code": value}).code == code
        assert parse_billed([{"code": value}]) == [BilledLine(code=code)]


@pytest.mark.parametrize(
    ("value", "mod"),
    [("gp", "GP"), (" KX ", "KX"), (59, "59"), ("95", "95"), ("G", None), ("GPX", None), ("", None), (None, None)],
)
def test_modifier_shape(value: object, mod: str | None) -> None:
    assert modifier_of(value) == mod


def test_a_claim_line_is_a_billed_line_with_claim_fields() -> None:
    line = ClaimLine.model_validate({"cpt": "97551", "qty": 2, "mods": "gp, kx", "charge": 80, "denied": True})
    assert isinstance(line, BilledLine)
    assert line.billed() == BilledLine(code="97551", units=2, modifiers=["GP", "KX"])
    assert (line.charge, line.denied) == ("80", True)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("97550x1,97551x2:GP", [("97550", 1, ["GP"]), ("97551", 2, ["GP"])]),
        ("97550x1:GP,97116x2:GP", [("97550", 1, ["GP"]), ("97116", 2, ["GP"])]),
        ("G0541x1:GP:KX", [("G0541", 1, ["GP", "KX"])]),
    ],
)
def test_shorthand(text: str, lines: list[tuple[str, int, list[str]]]) -> None:
    assert parse_billed(text) == [BilledLine(code=c, units=u, modifiers=m) for c, u, m in lines]


@pytest.mark.parametrize("text", ["97550x0", "97550x100", "9755x1", "97550x1:G", ",", "hello"])
def test_shorthand_errors(text: str) -> None:
    with pytest.raises(BilledLineError):
        parse_billed(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-03-04", date(2025, 3, 4)),
        ("3/4/25", date(2025, 3, 4)),
        ("03-04-2025", date(2025, 3, 4)),
        ("March 4, 2025", date(2025, 3, 4)),
        ("4 Mar 2025", date(2025, 3, 4)),
        ("", None),
    ],
)
def test_dates(text: str, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2025-02-30", "13/01/2025", "someday"])
def test_date_errors(text: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_date(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(150, "150.00"), (150.0, "150.00"), ("150", "150.00"), ("$1,240.50", "1240.50"), ("99.5 USD", "99.50"),
     ("0", "0.00"), ("", None), (None, None)],
)
def test_parse_amount(value: object, expected: str | None) -> None:
    from assistant.parsing import parse_amount

    assert parse_amount(value) == expected


@pytest.mark.parametrize("value", ["lots", "see EOB", "1,24", "-5", -5, True, float("nan"), [1]])
def test_parse_amount_rejects_what_is_not_an_amount(value: object) -> None:
    from assistant.errors import InputError
    from assistant.parsing import parse_amount

    with pytest.raises(InputError) as err:
        parse_amount(value, what="billed amount")
    assert "billed amount" in str(err.value) and "$1,240.50" in (err.value.hint or "")


@pytest.mark.parametrize(("value", "words"), [
    ("is 97550 billable?", None),
    ("¿Puedo facturar 97550?", None),
    (b"\xbfPuedo".decode("utf-8", "surrogateescape"), "character 1 is U+DCBF, a lone surrogate"),
    ("no \udc80 way", "the byte 0x80, which is not UTF-8"),
    ("half \ud800 pair", "character 6 is U+D800, a lone surrogate (half of a UTF-16 pair)"),
])
def test_parse_text_refuses_lone_surrogates(value: str, words: str | None) -> None:
    from assistant.errors import NotTextError
    from assistant.parsing import parse_text

    if words is None:
        assert parse_text(value, what="question") == value
        return
    with pytest.raises(NotTextError) as caught:
        parse_text(value, what="question")
    assert words in str(caught.value) and "Puedo" not in str(caught.value)


@pytest.mark.parametrize(("billed", "hint"), [
    ("97550x0", "Leave out a line with no units."),
    ("97550x999", "one line carries at most 99"),
    ([{"code": "97550", "units": "two"}], "whole number"),
])
def test_units_hint_fits_the_mistake(billed: object, hint: str) -> None:
    from assistant.errors import BilledLineError
    from assistant.parsing import parse_billed

    with pytest.raises(BilledLineError) as caught:
        parse_billed(billed)
    assert caught.value.hint is not None and hint in caught.value.hint


@pytest.mark.parametrize(
    ("modifiers", "expected"),
    [("GP", ["GP"]), ("GP,CQ", ["GP", "CQ"]), ("gp cq", ["GP", "CQ"]), (["GP", "CQ"], ["GP", "CQ"]), ("", [])],
)
def test_modifiers_as_one_string_or_a_list_on_every_line_shape(modifiers: object, expected: list[str]) -> None:
    """One shape rule: `--billed` JSON, the API's billed lines and a claim file's lines read "GP,CQ" alike."""
    item = {"code": "97550", "units": 1, "modifiers": modifiers}
    assert parse_billed([item]) == [BilledLine(code="97550", units=1, modifiers=expected)]
    assert parse_billed([BilledLine.model_validate(item)])[0].modifiers == expected
    assert ClaimLine.model_validate(item).modifiers == expected


@pytest.mark.parametrize(("text", "shown"), [
    ("97550x99999999999999999999", "not a number of 20 characters"),  # said as a units problem, not a bad form
    ("97550x-1", "not -1"),
    ("97550x1.5:GP", "not 1.5"),
])
def test_units_out_of_range_are_said_as_units(text: str, shown: str) -> None:
    with pytest.raises(BilledLineError, match="units must be a whole number from 1 to 99, " + re.escape(shown)):
        parse_billed(text)


@pytest.mark.parametrize(("text", "shown"), [
    ("97550x1:ZXQPHI", "'ZXQPHI' is not a modifier"),  # hostile13 #4: was said as "units ... not 1"
    ("97550x2:GP:TOOLONG", "'TOOLON' is not a modifier"),
    ("97550x1:GP,97551x2:ABCDE", "item 2: 'ABCDE' is not a modifier"),
])
def test_a_bad_modifier_beside_good_units_is_said_as_the_modifier(text: str, shown: str) -> None:
    with pytest.raises(BilledLineError, match=re.escape(shown)):
        parse_billed(text)


def test_units_too_long_to_show_are_said_by_length() -> None:
    with pytest.raises(BilledLineError, match="not a number of 41 characters"):
        parse_billed([{"code": "97550", "units": 10**40}])
