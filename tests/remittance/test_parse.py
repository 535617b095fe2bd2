"""835 parsing on the hand-written TR3 fixtures: envelopes, payments, claims, lines, adjustments, remarks, PLB;
partial failure of a bad claim loop; fatal envelope faults with the segment position and no file content."""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.errors import RemittanceError
from assistant.remittance import parse_835

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "payments", "claims", "payers"),
    [
        ("medicare_partb.835", 2, 8, {"MEDICARE PART B MAC JX"}),
        ("advantage_and_commercial.835", 2, 7, {"SUNSHINE ADVANTAGE HEALTH PLAN", "ACME COMMERCIAL HEALTH INSURANCE"}),
        ("medicare_reprocessed.835", 1, 7, {"MEDICARE PART B MAC JX"}),
        ("malformed_claim.835", 1, 2, {"MEDICARE PART B MAC JX"}),
    ],
)
def test_fixture_shape(name: str, payments: int, claims: int, payers: set[str]) -> None:
    r = parse_835(load(name))
    assert len(r.payments) == payments
    assert r.claims == claims
    assert {p.payer_name for p in r.payments} == payers


def test_payment_header_and_plb() -> None:
    first, second = parse_835(load("medicare_partb.835")).payments
    assert (first.amount, first.method, first.trace_number, first.payer_id) == (
        Decimal("111.58"),
        "ACH",
        "EFT25041800017",
        "1999999999",
    )
    assert (str(first.payment_date), str(first.production_date), str(first.notice_date)) == (
        "2025-04-18",
        "2025-04-16",
        "2025-04-16",
    )
    assert (first.payee_name, first.payee_npi) == ("SUNNY DAY THERAPY LLC", "1234567893")
    assert [(a.reason, a.reference, a.amount) for a in first.provider_adjustments] == [
        ("L6", "2225077123451", Decimal("-1.12"))
    ]
    assert [(a.reason, a.amount) for a in second.provider_adjustments] == [("WO", Decimal("25"))]
    assert second.method == "CHK" and second.interchange_control == "000004711" and second.control_number == "0002"


def test_claim_and_lines() -> None:
    claim = parse_835(load("medicare_partb.835")).payments[0].claims[2]
    assert (claim.patient_control_number, claim.payer_claim_number, claim.status) == (
        "SDT25030601",
        "2225077123452",
        "1",
    )
    assert (claim.charge, claim.paid, claim.patient_responsibility, claim.filing_indicator) == (
        Decimal("240"),
        Decimal("66.08"),
        Decimal("16.86"),
        "MB",
    )
    assert (claim.patient_name, claim.member_id, claim.rendering_npi, claim.remarks) == (
        "TESTPATIENT, CHARLIE",
        "3GH4JK5LM67",
        "1336229288",
        ["MA01"],
    )
    addon = claim.lines[1]
    assert (addon.procedure, addon.modifiers, addon.charge, addon.paid, addon.units, addon.original_units) == (
        "97551",
        ["GO"],
        Decimal("120"),
        Decimal("21.7"),
        Decimal("1"),
        Decimal("2"),
    )
    assert str(addon.service_date) == "2025-03-06" and addon.control_number == "SDT2503060102"
    assert [(a.group, a.reason, a.amount) for a in addon.adjustments] == [
        ("CO", "45", Decimal("32.32")),
        ("CO", "151", Decimal("60")),
        ("CO", "253", Decimal("0.44")),
        ("PR", "2", Decimal("5.54")),
    ]
    assert addon.remarks == ["N640"] and addon.allowed == Decimal("27.68")


def test_alternate_delimiters_read_the_same() -> None:
    r = parse_835(load("advantage_and_commercial.835"))
    line = r.payments[1].claims[1].lines[1]
    assert (line.procedure, line.modifiers, line.original_units) == ("97551", ["GO"], Decimal("2"))
    assert r.payments[0].claims[1].lines[0].remarks == ["N122"]
    assert r.payments[0].claims[0].filing_indicator == "16"


def test_reversal_and_correction() -> None:
    claims = parse_835(load("medicare_reprocessed.835")).payments[0].claims
    reversal, correction = claims[0], claims[1]
    assert reversal.is_reversal and reversal.charge == Decimal("-180") and reversal.lines[0].units == Decimal("-1")
    assert not correction.is_reversal and correction.original_reference == "2225077123450"
    assert correction.patient_control_number == reversal.patient_control_number
    assert claims[5].remarks == ["MA130"] and claims[5].lines[0].modifiers == []


def test_bad_claim_loops_are_reported_and_the_rest_read() -> None:
    r = parse_835(load("malformed_claim.835"))
    assert [c.patient_control_number for c in r.payments[0].claims] == ["SDT25040701", "SDT25041001"]
    assert [(p.position, p.segment) for p in r.problems] == [(18, "CLP"), (25, "CLP")]
    assert "CLP03 is not a number" in r.problems[0].message
    assert "SVC01" in r.problems[1].message
    assert all("QUEBEC" not in p.message and "12O" not in p.message for p in r.problems)


def test_unbalanced_claim_is_reported() -> None:
    text = (
        load("medicare_partb.835")
        .decode()
        .replace(
            "SVC*HC:97550:GP*120*0**1~\nDTM*472*20250304~\nCAS*CO*50*120~",
            "SVC*HC:97550:GP*120*0**1~\nDTM*472*20250304~\nCAS*CO*50*100~",
        )
    )
    r = parse_835(text)
    assert r.claims == 7
    assert "does not balance" in r.problems[0].message and r.problems[0].position == 16


def test_two_plb_segments_are_both_read() -> None:
    # x12sdk's whole-transaction model allows one PLB; the TR3 allows repeats.
    text = (
        load("medicare_partb.835")
        .decode()
        .replace(
            "PLB*1234567893*20251231*L6:2225077123451*-1.12~\nSE*81*0001~",
            "PLB*1234567893*20251231*L6:2225077123451*-1.12~\nPLB*1234567893*20251231*FB:REF1*2~\nSE*82*0001~",
        )
    )
    assert [a.reason for a in parse_835(text).payments[0].provider_adjustments] == ["L6", "FB"]


def _broken(old: str, new: str) -> str:
    return load("medicare_partb.835").decode().replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ("not an edi file at all, just words" * 5, 1, "ISA"),
        (load("medicare_partb.835").decode()[:60], 1, "cut short (60 of its 106"),
        (_broken("SE*81*0001~", "SE*80*0001~"), 83, "SE01 counts 80"),
        (_broken("SE*81*0001~", "SE*81*0009~"), 83, "SE02"),
        (_broken("ST*835*0001~", "ST*837*0001~"), 3, "not an 835"),
        (_broken("GE*2*4711~", "GE*3*4711~"), 120, "GE count"),
        (_broken("IEA*1*000004711~", "IEA*1*000004712~"), 121, "IEA"),
        (_broken("GE*2*4711~\nIEA*1*000004711~", ""), 119, "ends inside"),
        (_broken("ST*835*0002~", "CLP*X*1*1*1*1*MB*X*11*1~"), 84, "outside a transaction"),
        # a segment written with another element separator: where it is, never what it holds
        (_broken("ST*835*0002~", "NM1|QC|1|TESTPATIENT|JANE||||MI|1EG4TE5MK73~"), 84, "not separated by '*'"),
    ],
)
def test_envelope_faults_name_the_segment(text: str, position: int, words: str) -> None:
    with pytest.raises(RemittanceError) as caught:
        parse_835(text)
    assert caught.value.position == position
    assert words in str(caught.value)
    assert "TESTPATIENT" not in str(caught.value) and "1EG4TE5MK73" not in str(caught.value)
    assert "TESTPATIENT" not in (caught.value.hint or "")


@pytest.mark.parametrize(("data", "words"), [
    (b"", "the file is empty"),
    (b"\xef\xbb\xbf", "the file is empty"),
    (b"\r\n  \n\t", "the file is empty: it holds only blank space"),
])
def test_an_empty_file_is_called_empty(data: bytes, words: str) -> None:
    with pytest.raises(RemittanceError) as caught:
        parse_835(data)
    assert str(caught.value).startswith(words) and "ISA segment" not in str(caught.value)
    assert caught.value.position is None  # no segment to name


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_named_with_how_to_convert_it(encoding: str) -> None:
    with pytest.raises(RemittanceError) as caught:
        parse_835(load("medicare_partb.835").decode().encode(encoding))
    assert "UTF-16" in str(caught.value) and "iconv" in str(caught.value) and "ISA segment" not in str(caught.value)


def test_nothing_readable_is_an_error() -> None:
    text = load("medicare_partb.835").decode().replace("N1*PR*MEDICARE PART B MAC JX~", "N1*ZZ*MEDICARE PART B MAC JX~")
    with pytest.raises(RemittanceError, match="no payment could be read"):
        parse_835(text)


def test_no_phi_in_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    parse_835(load("malformed_claim.835"))
    assert "TESTPATIENT" not in caplog.text and "SDT2504" not in caplog.text


@pytest.mark.parametrize("name", ["medicare_partb.835", "advantage_and_commercial.835", "medicare_reprocessed.835"])
def test_fixtures_follow_the_tr3(name: str) -> None:
    """An independent validator (pyx12) finds no fault in the hand-written fixtures."""
    pytest.importorskip("pyx12.x12context")
    import pyx12.error_handler
    import pyx12.params
    import pyx12.x12context

    class Collect(pyx12.error_handler.errh_null):
        def __init__(self) -> None:
            super().__init__()
            self.errors: list[str] = []

        def isa_error(self, code: str, text: str) -> None:
            self.errors.append(text)

        gs_error = st_error = isa_error

        def seg_error(self, code: str, text: str, *args: object) -> None:
            self.errors.append(text)

        def ele_error(self, code: str, text: str, *args: object) -> None:
            self.errors.append(text)

    errh = Collect()
    logging.getLogger("pyx12").setLevel(logging.CRITICAL)
    with (FIXTURES / name).open() as fd:
        for _ in pyx12.x12context.X12ContextReader(pyx12.params.params(), errh, fd).iter_segments("2100"):
            pass
    assert errh.errors == []


@pytest.mark.slow
def test_pyx12_sees_the_malformed_fixture() -> None:
    pytest.importorskip("pyx12.x12context")
    import pyx12.error_handler
    import pyx12.params
    import pyx12.x12context

    errh = pyx12.error_handler.errh_null()
    with (FIXTURES / "malformed_claim.835").open() as fd:
        for _ in pyx12.x12context.X12ContextReader(pyx12.params.params(), errh, fd).iter_segments("2100"):
            pass
    assert errh.err_cde is not None


def test_generated_835_parses_whole() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from era_generate import generate_835

    r = parse_835(generate_835(300, seed=3, per_transaction=100))
    assert len(r.payments) == 3 and not r.problems
    assert r.claims >= 300


def test_a_resent_copy_is_the_same_file() -> None:
    """Other line endings, a byte-order mark or padding around segments do not make another remittance: the
    fingerprint is of the segments, so the worklist imports (and counts) it once."""
    raw = load("medicare_partb.835")
    text = raw.decode()
    copies = [raw.replace(b"~\n", b"~\r\n"), b"\xef\xbb\xbf" + raw, text.replace("~\n", "~").encode(),
              text.replace("~\n", "~\n\n  ").encode()]
    assert {parse_835(c).sha256 for c in copies} == {parse_835(raw).sha256}
    assert parse_835(text.replace("CLP*", "CLP*9", 1).encode()).sha256 != parse_835(raw).sha256


def test_svc06_gives_the_procedure_as_submitted() -> None:
    """qa10b #7: SVC06 is the code billed when the payer adjudicated the line under another (SVC01)."""
    recoded = _broken("SVC*HC:97550:GP*120*0**1~", "SVC*HC:97530:GP*120*0**1*HC:97550:GP~").encode()
    line = parse_835(recoded).payments[0].claims[0].lines[0]
    assert (line.procedure, line.submitted_procedure, line.submitted_modifiers) == ("97530", "97550", ["GP"])
    plain = parse_835(load("medicare_partb.835")).payments[0].claims[0].lines[0]
    assert (plain.submitted_procedure, plain.submitted_modifiers) == (None, [])


@pytest.mark.parametrize(("value", "words", "kept"), [
    ("20250230", "DTM02 is not a calendar date", None),  # Feb 30: the line is kept, its date left empty, and said
    ("20310304", "the service date is after today", "2031-03-04"),  # a typed year: kept, and said
])
def test_an_odd_service_date_is_reported_not_silent(value: str, words: str, kept: str | None) -> None:
    text = load("medicare_reprocessed.835").decode().replace("DTM*472*20250304", f"DTM*472*{value}", 1)
    r = parse_835(text)
    assert [p.segment for p in r.problems] == ["DTM"] and words in r.problems[0].message
    assert value not in r.problems[0].message  # a date is not quoted back
    dates = [str(line.service_date) if line.service_date else None
             for p in r.payments for c in p.claims for line in c.lines]
    assert (kept or None) in dates
