"""Fees computed from the YAML reproduce cts-facts §2.4; date-bound lookups pick the right period."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import RVU


def _cf(kb: Knowledge, dos: date, variant: str = "standard") -> float:
    found = [c for c in kb.fees.conversion_factors if c.in_force(dos) and c.variant in {variant, "standard"}]
    if variant != "standard":
        exact = [c for c in found if c.variant == variant]
        found = exact or found
    assert len(found) == 1, (dos, variant, found)
    return found[0].amount


def _rvu(kb: Knowledge, code: str, dos: date) -> RVU:
    found = [r for r in kb.fees.rvus if r.code == code and r.in_force(dos)]
    assert len(found) == 1, (code, dos)
    return found[0]


def _pay(kb: Knowledge, code: str, dos: date, facility: bool, variant: str = "standard") -> Decimal:
    rvu = _rvu(kb, code, dos)
    total = rvu.total_facility if facility else rvu.total_nonfacility
    amount = Decimal(str(total)) * Decimal(str(_cf(kb, dos, variant)))
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# cts-facts §2.4: (date of service, CF variant) -> code -> (non-facility, facility)
EXPECTED = {
    (date(2024, 2, 1), "standard"): {
        "97550": ("52.06", "44.53"),
        "97551": ("25.87", "23.90"),
        "97552": ("21.94", "10.48"),
    },
    (date(2024, 3, 8), "standard"): {"97550": ("52.06", "44.53")},
    (date(2024, 3, 9), "standard"): {
        "97550": ("52.93", "45.27"),
        "97551": ("26.30", "24.30"),
        "97552": ("22.30", "10.65"),
    },
    (date(2025, 6, 1), "standard"): {
        "97550": ("52.08", "44.64"),
        "97551": ("25.55", "23.94"),
        "97552": ("22.00", "10.35"),
    },
    (date(2026, 6, 1), "non_qp"): {
        "97550": ("52.77", "39.75"),
        "97551": ("26.05", "21.04"),
        "97552": ("22.04", "9.35"),
    },
    (date(2026, 6, 1), "qp"): {"97550": ("53.04", "39.95"), "97551": ("26.18", "21.15"), "97552": ("22.15", "9.40")},
}


@pytest.mark.parametrize(("key", "codes"), list(EXPECTED.items()), ids=[f"{d}-{v}" for d, v in EXPECTED])
def test_national_payment_matches_facts(
    kb: Knowledge, key: tuple[date, str], codes: dict[str, tuple[str, str]]
) -> None:
    dos, variant = key
    for code, (nf, f) in codes.items():
        assert _pay(kb, code, dos, facility=False, variant=variant) == Decimal(nf), (code, dos, variant)
        assert _pay(kb, code, dos, facility=True, variant=variant) == Decimal(f), (code, dos, variant)


def test_facility_gap_2025_and_2026(kb: Knowledge) -> None:
    d25, d26 = date(2025, 1, 1), date(2026, 1, 1)
    assert _pay(kb, "97550", d25, False) - _pay(kb, "97550", d25, True) == Decimal("7.44")
    assert _pay(kb, "97550", d26, False, "non_qp") - _pay(kb, "97550", d26, True, "non_qp") == Decimal(
        "13.02"
    )  # 52.77 - 39.75
    r = _rvu(kb, "97550", d26)  # cts-facts quotes ~$13.03: the gap computed before rounding each amount
    gap = Decimal(str(round(r.total_nonfacility - r.total_facility, 2))) * Decimal(str(_cf(kb, d26, "non_qp")))
    assert gap.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == Decimal("13.03")


def test_2024_has_two_conversion_factors_split_at_9_march(kb: Knowledge) -> None:
    assert _cf(kb, date(2024, 1, 1)) == 32.7442
    assert _cf(kb, date(2024, 3, 8)) == 32.7442
    assert _cf(kb, date(2024, 3, 9)) == 33.2875
    assert _cf(kb, date(2024, 12, 31)) == 33.2875
    assert _cf(kb, date(2025, 12, 31)) == 32.3465
    assert _cf(kb, date(2026, 1, 1), "non_qp") == 33.4009
    assert _cf(kb, date(2026, 1, 1), "qp") == 33.5675


def test_rvus_cover_every_code_and_year(kb: Knowledge) -> None:
    for code in ("97550", "97551", "97552"):
        for year in (2024, 2025, 2026):
            _rvu(kb, code, date(year, 7, 1))
    for code in ("G0539", "G0540", "G0541", "G0542", "G0543"):
        for year in (2025, 2026):
            _rvu(kb, code, date(year, 7, 1))
        assert not [r for r in kb.fees.rvus if r.code == code and r.in_force(date(2024, 7, 1))]


def test_g_codes_mirror_their_pairs(kb: Knowledge) -> None:
    def totals(code: str, year: int) -> tuple[float, float]:
        r = _rvu(kb, code, date(year, 7, 1))
        return (r.total_nonfacility, r.total_facility)

    for year in (2025, 2026):
        assert totals("G0541", year) == totals("G0539", year)
        assert totals("G0542", year) == totals("G0540", year)
    assert totals("G0541", 2025) == totals("97550", 2025) == (1.61, 1.38)
    assert totals("G0543", 2025) == totals("97552", 2025) == (0.68, 0.32)
    assert totals("G0541", 2026) == (1.59, 1.19)
    assert totals("G0543", 2026) == (0.66, 0.28)


def test_kx_thresholds_by_year(kb: Knowledge) -> None:
    def kx(dos: date) -> float:
        found = [t for t in kb.fees.kx_thresholds if t.in_force(dos)]
        assert len(found) == 1
        return found[0].amount

    assert (kx(date(2024, 5, 1)), kx(date(2025, 5, 1)), kx(date(2026, 5, 1))) == (2330, 2410, 2480)


def test_telehealth_status_and_waiver_by_date(kb: Knowledge) -> None:
    def status(dos: date) -> str:
        found = [t for t in kb.fees.telehealth if t.in_force(dos)]
        assert len(found) == 1, dos
        return found[0].status

    assert status(date(2024, 6, 1)) == "not_listed"
    assert status(date(2025, 6, 1)) == "provisional"
    assert status(date(2026, 6, 1)) == "permanent"
    assert status(date(2030, 1, 1)) == "permanent"

    def waived(dos: date) -> bool:
        return any(w.in_force(dos) for w in kb.fees.therapist_waivers)

    assert not waived(date(2024, 6, 1))
    assert waived(date(2025, 10, 15))  # lapse restored retroactively
    assert waived(date(2026, 2, 1))  # lapse restored retroactively
    assert waived(date(2027, 12, 31))
    assert not waived(date(2028, 1, 1))


def test_assistant_rate_and_coinsurance(kb: Knowledge) -> None:
    assert kb.fees.assistant_payment_rate == 0.85
    assert kb.fees.coinsurance == 0.20
    assert "cms-cq-co-examples" in kb.fees.assistant_sources
