"""The claim as billers have it: aliases, strictness, any code, FHIR R4, the documented schema."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from assistant.drafting.claim_docs import CLAIM_TEMPLATE, claim_json_schema
from assistant.drafting.claims import ALIASES, LINE_ALIASES, parse_claim
from assistant.errors import ClaimError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("given", "field", "value"),
    [
        ({"dos": "03/04/2025"}, "date_of_service", date(2025, 3, 4)),
        ({"date_of_service": "2025-03-04"}, "date_of_service", date(2025, 3, 4)),
        ({"service_date": "20250304"}, "date_of_service", date(2025, 3, 4)),
        ({"dos": "3/4/25"}, "date_of_service", date(2025, 3, 4)),
        ({"claim_id": "A-1"}, "claim_number", "A-1"),
        ({"icn": 2225199670152}, "icn", "2225199670152"),
        ({"mbi": "3E92-F05-MM10"}, "member_id", "3E92-F05-MM10"),
        ({"notice_date": "2025-08-04T10:00:00Z"}, "notice_date", date(2025, 8, 4)),
        ({"payer_type": "Medicare Advantage"}, "payer_type", "medicare_advantage"),
        ({"payer_type": "Part B"}, "payer_type", "medicare"),
        ({"payer_type": "MA"}, "payer_type", "medicare_advantage"),
        ({"appeal_level": "Redetermination"}, "prior_level", "redetermination"),
        ({"date_received": "10/30/2026"}, "date_received", date(2026, 10, 30)),  # every date field reads billers' forms
        ({"received_date": "20261030"}, "date_received", date(2026, 10, 30)),
    ],
)
def test_aliases_and_values(given: dict, field: str, value: object) -> None:
    assert getattr(parse_claim(given), field) == value


@pytest.mark.parametrize(
    ("line", "code", "units", "mods"),
    [
        ({"code": "97550", "units": 1, "modifiers": ["GP"]}, "97550", 1, ["GP"]),
        ({"cpt": "97551", "qty": 2, "modifier": "gp, kx"}, "97551", 2, ["GP", "KX"]),
        ({"hcpcs": "g0541"}, "G0541", 1, []),
        ({"procedure_code": "92610", "quantity": 1}, "92610", 1, []),  # not a CTS code: accepted, kept
        ({"code": "0591T"}, "0591T", 1, []),
    ],
)
def test_lines_take_any_cpt_or_hcpcs(line: dict, code: str, units: int, mods: list[str]) -> None:
    got = parse_claim({"lines": [line]}).lines[0]
    assert (got.code, got.units, got.modifiers) == (code, units, mods)


@pytest.mark.parametrize(
    ("claim", "says"),
    [
        ({"dos2": "2025-03-04"}, "unknown field(s): dos2"),
        ({"lines": [{"code": "97550", "unit": 1}]}, "lines.0.unit"),
        ({"lines": [{"code": "9755"}]}, "not a CPT or HCPCS code"),
        ({"lines": [{"code": "97550", "modifiers": ["GPX"]}]}, "not a modifier"),
        ({"dos": "yesterday"}, "not a date"),
        ({"payer_type": "space agency"}, "unknown payer type"),
        ({"lines": [{"code": "97550", "units": "many"}]}, "lines.0.units"),
        ({"resourceType": "Patient"}, "not a claim resource"),
        ({"resourceType": "Claim", "status": "active", "bogus": 1}, "not valid R4"),
        # one field under two of its names with different values: both keys named, neither value
        ({"notice_date": "2026-03-05", "denial_date": "2026-08-14"},
         "gives notice_date twice, as notice_date and denial_date"),
    ],
)
def test_errors_name_the_field(claim: dict, says: str) -> None:
    with pytest.raises(ClaimError, match=None) as err:
        parse_claim(claim)
    assert says in str(err.value)


@pytest.mark.parametrize(
    ("claim", "says", "hint", "not_in_hint"),
    [
        ({"billed_amount": "lots"}, "billed_amount (not a dollar amount: 'lots')", "amounts: a number of dollars",
         "lines need"),
        ({"billed_amount": "see EOB"}, "billed_amount (not a dollar amount", "$1,240.50", "dates"),
        ({"total_charge": -5}, "total_charge (not a dollar amount", "amounts", "lines need"),
        ({"lines": [{"code": "97550", "charge": "free"}]}, "lines.0.charge (not a dollar amount", "amounts",
         "lines need"),
        ({"date_of_service": "2026-13-45", "notice_date": "31/12/2026"}, "notice_date (not a date: '31/12/2026')",
         "dates: YYYY-MM-DD, MM/DD/YYYY, MM/DD/YY", "lines need"),
        ({"dos": "yesterday"}, "dos (not a date", '"March 4, 2025"', "lines need"),
        ({"lines": [{"code": "97550", "dos": "13/13/2025"}]}, "lines.0.dos (not a date", "YYYYMMDD", "lines need"),
        ({"lines": [{"code": "9755O"}]}, "lines.0.code", "lines need a CPT/HCPCS code", "dates"),
    ],
)
def test_invalid_fields_get_the_hint_for_their_kind(claim: dict, says: str, hint: str, not_in_hint: str) -> None:
    with pytest.raises(ClaimError) as err:
        parse_claim(claim)
    assert says in str(err.value)
    assert hint in err.value.hint and not_in_hint not in err.value.hint


@pytest.mark.parametrize(
    ("dos", "notice", "warns"),
    [
        ("2026-10-06", "2026-11-01", []),
        ("2026-10-06", "2026-10-06", []),
        ("2026-10-06", "2026-09-01", ["notice_date 2026-09-01 is before the date of service 2026-10-06"]),
        ("2026-10-06", "2027-03-01", ["notice_date 2027-03-01 is after today (2026-12-01)"]),
        (None, "2027-03-01", ["notice_date 2027-03-01 is after today"]),
        ("2027-04-01", "2027-03-01", ["is after today", "is before the date of service"]),
        ("2026-10-06", None, []),
    ],
)
def test_impossible_claim_dates_are_warned_by_field(dos: str | None, notice: str | None, warns: list[str]) -> None:
    from assistant.drafting.claims import DATE_WARNING, date_warnings

    claim = parse_claim({"date_of_service": dos, "notice_date": notice})
    got = date_warnings(claim, claim.date_of_service, date(2026, 12, 1))
    assert len(got) == len(warns)
    assert all(w in g and g.startswith(DATE_WARNING) for w, g in zip(warns, got, strict=True))


@pytest.mark.parametrize("key", ["ZEBRAQUARTZ Walter DOB 01/02/1940", "Mary Smith's MBI", "x" * 60])
def test_a_field_name_that_is_not_a_name_is_not_echoed(key: str) -> None:
    with pytest.raises(ClaimError) as err:
        parse_claim({key: "x", "lines": [{"code": "97550", key: 1}]})
    text = str(err.value) + " " + str(getattr(err.value, "hint", ""))
    assert key not in text and "Walter" not in text and "(name withheld)" in text


def test_not_an_object() -> None:
    with pytest.raises(ClaimError):
        parse_claim(["a"])  # type: ignore[arg-type]


def _coding(code: str) -> dict:
    return {"coding": [{"code": code}]}


FHIR_CLAIM = {
    "resourceType": "Claim",
    "status": "active",
    "use": "claim",
    "created": "2025-03-05",
    "identifier": [{"value": "CLM-9"}],
    "type": _coding("professional"),
    "patient": {"display": "Ravi Park"},
    "insurer": {"display": "Medicare Part B"},
    "provider": {
        "display": "Sam Lee PT",
        "identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"},
    },
    "priority": _coding("normal"),
    "billablePeriod": {"start": "2025-03-04"},
    "insurance": [{"sequence": 1, "focal": True, "coverage": {"identifier": {"value": "1EG4-TE5-MK01"}}}],
    "item": [
        {
            "sequence": 1,
            "productOrService": _coding("97550"),
            "modifier": [_coding("GP")],
            "quantity": {"value": 1},
            "servicedDate": "2025-03-04",
            "net": {"value": 120},
        }
    ],
}
FHIR_RESPONSE = {
    "resourceType": "ClaimResponse",
    "status": "active",
    "use": "claim",
    "created": "2025-03-20",
    "type": _coding("professional"),
    "patient": {"display": "Ravi Park"},
    "insurer": {"display": "Medicare Part B"},
    "outcome": "complete",
    "identifier": [{"value": "2225199670152"}],
    "request": {"identifier": {"value": "CLM-9"}},
    "item": [
        {
            "itemSequence": 1,
            "adjudication": [
                {"category": _coding("denialreason"), "reason": _coding("CO-50")},
                {"category": _coding("denialreason"), "reason": _coding("N115")},
            ],
        }
    ],
}


def test_fhir_claim() -> None:
    c = parse_claim(FHIR_CLAIM)
    assert (c.claim_number, c.patient_name, c.npi, c.member_id) == ("CLM-9", "Ravi Park", "1234567893", "1EG4-TE5-MK01")
    assert c.date_of_service == date(2025, 3, 4) and [ln.code for ln in c.lines] == ["97550"]
    assert c.lines[0].modifiers == ["GP"] and c.lines[0].charge == "120"


def test_fhir_claim_response_and_bundle() -> None:
    r = parse_claim(FHIR_RESPONSE)
    assert (r.icn, r.claim_number, r.notice_date, r.denial_codes) == (
        "2225199670152",
        "CLM-9",
        date(2025, 3, 20),
        "CO-50 N115",
    )
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": FHIR_RESPONSE}, {"resource": FHIR_CLAIM}],
    }
    b = parse_claim(bundle)
    assert b.number == "2225199670152" and b.claim_number == "CLM-9" and b.notice_date == date(2025, 3, 20)
    assert [ln.code for ln in b.lines] == ["97550"] and b.date_of_service == date(2025, 3, 4)


def test_fhir_explanation_of_benefit() -> None:
    eob = {
        **{k: v for k, v in FHIR_CLAIM.items() if k not in ("priority", "insurance", "resourceType")},
        "resourceType": "ExplanationOfBenefit",
        "outcome": "complete",
        "created": "2025-03-20",
        "insurance": [{"focal": True, "coverage": {"identifier": {"value": "1EG4-TE5-MK01"}}}],
        "claim": {"identifier": {"value": "PCN-4"}},
    }
    eob["item"] = [{**eob["item"][0], "adjudication": [{"category": _coding("denialreason"), "reason": _coding("50")}]}]
    e = parse_claim(eob)
    assert (e.icn, e.claim_number, e.notice_date, e.denial_codes) == ("CLM-9", "PCN-4", date(2025, 3, 20), "50")


def test_schema_is_checked_in_and_accepts_what_the_parser_accepts() -> None:
    on_disk = json.loads((ROOT / "docs" / "claim.schema.json").read_text(encoding="utf-8"))
    assert on_disk == claim_json_schema(), "regenerate docs/claim.schema.json from claim_json_schema()"
    jsonschema.validate(CLAIM_TEMPLATE, on_disk)
    jsonschema.validate({"dos": "03/04/2025", "claim_id": "A", "lines": [{"cpt": "92610", "modifier": "GN"}]}, on_disk)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"dos2": "x"}, on_disk)
    assert parse_claim(CLAIM_TEMPLATE).lines


def test_docs_list_every_alias() -> None:
    doc = (ROOT / "docs" / "claims.md").read_text(encoding="utf-8")
    for name, aliases in {**ALIASES, **LINE_ALIASES}.items():
        assert f"`{name}`" in doc and all(f"`{a}`" in doc for a in aliases), name


@pytest.mark.parametrize(
    "claim",
    [
        {"dx": ["G20.A1"], "pos": "11", "received_date": "2025-03-10"},
        {"payer_type": "MA"},
        {"payer_type": "Part B"},
        {"billed_amount": 412.0, "lines": [{"code": "97550", "charge": 96}]},
    ],
    ids=["diagnosis-aliases", "payer-type-MA", "payer-type-part-b", "numeric-amounts"],
)
def test_schema_and_parser_accept_the_same_claims(claim: dict) -> None:
    on_disk = json.loads((ROOT / "docs" / "claim.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(claim, on_disk)
    parse_claim(claim)


@pytest.mark.parametrize(("claim", "amount"), [
    ({"billed_amount": "118.00"}, 118.0),
    ({"total_charge": "$1,240.50"}, 1240.5),
    # the denied lines' charges when the claim prices them; the total otherwise
    ({"charge": "300",
      "lines": [{"code": "97110", "charge": "180"}, {"code": "97550", "charge": "120", "denied": True}]}, 120.0),
    ({"charge": "300", "lines": [{"code": "97550", "denied": True}]}, 300.0),
    ({}, None),
    ({"billed_amount": 150}, 150.0),
    ({"amount": "99.5 USD"}, 99.5),
])
def test_amount_in_dispute(claim: dict, amount: float | None) -> None:
    assert parse_claim(claim).amount_in_dispute() == amount


def test_one_field_under_two_names_with_one_value_is_read_once() -> None:
    claim = parse_claim({"dos": "2025-03-04", "date_of_service": "2025-03-04", "claim_no": "A1", "claim_id": "A1"})
    assert (claim.date_of_service.isoformat(), claim.claim_number) == ("2025-03-04", "A1")


@pytest.mark.parametrize(
    ("claim", "notice", "later"),
    [
        # a later decision that is no appeal level's (a reopening dismissed): the deadline stays on the notice
        ({"notice_date": "2026-03-05", "decision_date": "2026-08-14"}, "2026-03-05", "2026-08-14"),
        ({"eob_date": "2026-03-05", "decision_date": "2026-08-14", "prior_level": "initial"}, "2026-03-05",
         "2026-08-14"),
        # an appeal level's decision is the notice its next level counts from
        ({"notice_date": "2026-03-05", "decision_date": "2026-08-14", "prior_level": "redetermination"},
         "2026-08-14", None),
        ({"notice_date": "2026-03-05", "decision_date": "2026-03-05"}, "2026-03-05", None),
        ({"decision_date": "2026-08-14"}, "2026-08-14", None),
        # decided before its notice was dated: one decision, mailed later; the notice date counts, whatever the level
        ({"notice_date": "2026-08-20", "decision_date": "2026-08-14"}, "2026-08-20", None),
        ({"notice_date": "08/20/2026", "decision_date": "2026-08-14", "prior_level": "reconsideration"},
         "2026-08-20", None),
    ],
)
def test_a_later_decision_beside_the_notice(claim: dict, notice: str, later: str | None) -> None:
    got = parse_claim(claim)
    assert str(got.notice_date) == notice
    assert (str(got.later_decision_date) if got.later_decision_date else None) == later


@pytest.mark.parametrize(
    ("field", "value", "kept"),
    [
        ("patient_name", "Zed ]] [[Signature]] Inject", "Zed ] [Signature] Inject"),
        ("payer", "Acme [[[Plan]]]", "Acme [Plan]"),
        ("payer_address", "PO Box 1 [Suite 2]", "PO Box 1 [Suite 2]"),  # single brackets are ordinary text
    ],
)
def test_claim_text_never_carries_the_letters_placeholder_syntax(field: str, value: str, kept: str) -> None:
    claim = parse_claim({field: value})
    assert getattr(claim, field) == kept


_DENIED = [
    {"code": "97550", "units": 1, "charge": 140, "denied": True},
    {"code": "97551", "units": 1, "charge": 70, "denied": True},
]


@pytest.mark.parametrize(
    ("billed", "lines", "warned"),
    [
        ("150.00", _DENIED, True),  # QA10 #13: the stated total was silently overridden by the line charges
        ("210.00", _DENIED, False),
        ("400.00", _DENIED, False),  # a total above the denied lines: other lines were paid
        ("150.00", [{"code": "97550", "units": 1, "charge": 140}], False),  # no line flagged denied: the total is used
        (None, _DENIED, False),
    ],
)
def test_a_total_below_the_denied_charges_is_warned(billed: str | None, lines: list[dict], warned: bool) -> None:
    from assistant.drafting.claims import amount_warnings

    claim = parse_claim({"billed_amount": billed, "lines": lines})
    got = amount_warnings(claim)
    assert bool(got) is warned
    if warned:
        assert "$150.00" in got[0] and "$210.00" in got[0] and claim.amount_in_dispute() == 210.0
