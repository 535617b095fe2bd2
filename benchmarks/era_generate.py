"""Synthetic 5010 835 remittances for benchmarks and scale tests (no real data).

    python benchmarks/era_generate.py 10000 > big.835

Every claim balances (CLP03 - CLP04 = claim + line CAS; SVC02 - SVC03 = line CAS), the SE
counts are right and BPR02 = sum(CLP04) - sum(PLB). The mix: paid caregiver-training lines,
denied ones (CO-50, CO-16/M53, CO-151/N362, PR-119, CO-97/M80), partially paid add-ons,
other codes' denials, and reversal + correction pairs. Deterministic for a seed.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

CTS = ("97550", "97551", "97552", "G0541", "G0542", "G0543")
OTHER = ("97530", "97110", "97535", "92507")
DENIALS = (
    ("CO", "50", "N115"),
    ("CO", "16", "M53"),
    ("CO", "151", "N362"),
    ("PR", "119", ""),
    ("CO", "97", "M80"),
    ("CO", "204", ""),
    ("CO", "B15", "N122"),
)
PAYERS = (("MEDICARE PART B MAC JX", "MB"), ("SUNSHINE ADVANTAGE HEALTH PLAN", "16"), ("ACME COMMERCIAL HEALTH", "12"))


def _money(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


class _Writer:
    def __init__(self) -> None:
        self.segments: list[str] = []
        self.paid = 0.0

    def add(self, *elements: str) -> None:
        self.segments.append("*".join(elements))


def _paid_line(w: _Writer, code: str, charge: float, dos: str, rng: random.Random) -> tuple[float, float]:
    allowed = round(charge * rng.uniform(0.35, 0.6), 2)
    payer = round(allowed * 0.8, 2)
    seq = round(payer * 0.02, 2)
    paid = round(payer - seq, 2)
    coins = round(allowed - payer, 2)
    w.add("SVC", f"HC:{code}:GP", _money(charge), _money(paid), "", "1")
    w.add("DTM", "472", dos)
    w.add("CAS", "CO", "45", _money(round(charge - allowed, 2)), "", "253", _money(seq))
    w.add("CAS", "PR", "2", _money(coins))
    w.add("AMT", "B6", _money(allowed))
    return paid, coins


def _denied_line(w: _Writer, code: str, charge: float, dos: str, denial: tuple[str, str, str], sign: int = 1) -> None:
    group, carc, rarc = denial
    w.add("SVC", f"HC:{code}:GP", _money(sign * charge), "0", "", str(sign))
    w.add("DTM", "472", dos)
    w.add("CAS", group, carc, _money(sign * charge))
    if rarc:
        w.add("LQ", "HE", rarc)


def _claim(w: _Writer, i: int, rng: random.Random, filing: str, dos: str) -> None:
    pcn = f"GEN{i:08d}"
    icn = f"22{i:011d}"
    kind = rng.random()
    code = rng.choice(CTS)
    charge = float(rng.choice((50, 60, 110, 120)))
    if kind < 0.05:  # reversal of an earlier denial, then the paid correction
        denial = rng.choice(DENIALS)
        w.add("CLP", pcn, "22", _money(-charge), "0", "0", filing, icn, "11", "1")
        w.add("NM1", "QC", "1", "SYNTHETIC", f"P{i}", "", "", "", "MI", f"M{i:010d}")
        _denied_line(w, code, charge, dos, denial, sign=-1)
        _paid_claim(w, pcn, "23" + icn[2:], filing, code, charge, dos, rng)
        return
    if kind < 0.45:
        _paid_claim(w, pcn, icn, filing, code, charge, dos, rng)
        return
    denial = rng.choice(DENIALS)
    denied_code = code if kind < 0.85 else rng.choice(OTHER)
    patient = charge if denial[0] == "PR" else 0.0
    w.add("CLP", pcn, "1" if kind < 0.7 else "4", _money(charge), "0", _money(patient), filing, icn, "11", "1")
    w.add("NM1", "QC", "1", "SYNTHETIC", f"P{i}", "", "", "", "MI", f"M{i:010d}")
    w.add("NM1", "82", "1", "THERAPIST", "SYNTHETIC", "", "", "", "XX", "1245319599")
    _denied_line(w, denied_code, charge, dos, denial)


def _paid_claim(
    w: _Writer, pcn: str, icn: str, filing: str, code: str, charge: float, dos: str, rng: random.Random
) -> None:
    at = len(w.segments)
    w.add("CLP", pcn, "1", "", "", "", filing, icn, "11", "1")
    w.add("NM1", "QC", "1", "SYNTHETIC", pcn, "", "", "", "MI", f"M{pcn}")
    paid, coins = _paid_line(w, code, charge, dos, rng)
    w.segments[at] = "*".join(("CLP", pcn, "1", _money(charge), _money(paid), _money(coins), filing, icn, "11", "1"))
    w.paid += paid


def generate_835(n_claims: int, *, seed: int = 0, per_transaction: int = 2_500) -> str:
    """One interchange with ceil(n/per_transaction) transactions (checks), cycling through three payers."""
    rng = random.Random(seed)
    start = date(2025, 3, 3)
    out = [
        "ISA*00*          *00*          *ZZ*GENERATOR      *ZZ*SUNNYDAYTHER   *250418*0930*^*00501*000000001*0*T*:",
        "GS*HP*GENERATOR*SUNNYDAYTHER*20250418*0930*1*X*005010X221A1",
    ]
    transactions = 0
    for first in range(0, n_claims, per_transaction):
        transactions += 1
        payer, filing = PAYERS[(transactions - 1) % len(PAYERS)]
        w = _Writer()
        for i in range(first, min(n_claims, first + per_transaction)):
            dos = (start + timedelta(days=i % 40)).strftime("%Y%m%d")
            if i % 500 == 0:
                w.add("LX", str(i + 1))
            _claim(w, i, rng, filing, dos)
        header = [
            f"ST*835*{transactions:04d}",
            f"BPR*I*{_money(w.paid)}*C*ACH*CCP*01*011000015*DA*123456789*1999999999**01*021000021*DA*987654321"
            "*20250418",
            f"TRN*1*GEN{transactions:06d}*1999999999",
            "DTM*405*20250416",
            f"N1*PR*{payer}",
            "N3*PO BOX 0000",
            "N4*ANYTOWN*ND*580000000",
            "PER*BL*PROVIDER SERVICES*TE*8005550100",
            "N1*PE*SUNNY DAY THERAPY LLC*XX*1234567893",
        ]
        body = header + w.segments
        out += [*body, f"SE*{len(body) + 1}*{transactions:04d}"]
    out += [f"GE*{transactions}*1", "IEA*1*000000001"]
    return "~\n".join(out) + "~\n"


if __name__ == "__main__":
    sys.stdout.write(generate_835(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
