"""A figure the question states, judged against the fact the answer gives (pure).

"Is $26.30 really the 2026 national amount?", "the old SOP says the ALJ minimum is $180", "allowed YTD $2,455, KX
starts at $2,480": the asker puts a figure to be checked. The answer's fee, threshold or amount in controversy alone
leaves the asker to compare; these claims say where the stated figure comes from (another year, code or setting) or
on which side of the threshold the asker's own amount falls. Each claim cites the passage that holds its figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

from assistant.answer.facts import Claim
from assistant.knowledge.loader import Knowledge
from assistant.retrieval.chunk_base import money, window_words
from assistant.retrieval.chunk_facts import aic_entry, fee_entry, overlap, tagged, unit_amounts
from assistant.retrieval.understand import Intent

CENT = 0.005
_ROUTE_WORDS = {"alj": "an Administrative Law Judge (ALJ) hearing", "federal_court": "federal district court review"}


def _fee_windows(kb: Knowledge, codes: Sequence[str]) -> Iterator[tuple[str, str, tuple[date, date | None], str]]:
    """(code, setting, window, entry) of every national unit amount the fee schedule gives, codes asked first."""
    rvus = sorted(kb.fees.rvus, key=lambda r: r.code not in codes)
    for rvu in rvus:
        for cf in kb.fees.conversion_factors:
            window = overlap(rvu, cf)
            amounts = unit_amounts(kb.fees, rvu.code, window[0], qp=cf.variant == "qp") if window else None
            if window is None or amounts is None:
                continue
            for setting, amount in zip(("non-facility", "facility"), amounts, strict=True):
                yield f"{amount:.2f}", f"{rvu.code} {setting}", window, f"fee:{fee_entry(rvu)}"


def _fee_source(intent: Intent, kb: Knowledge, amount: float) -> Claim | None:
    said = f"{amount:.2f}"
    for value, what, window, entry in _fee_windows(kb, intent.procedure_codes):
        if value == said:
            code, setting = what.split(" ", 1)
            # (after the fact asked about, so the passage that holds it stays first)
            return Claim(f"{money(amount)} is not the amount asked about: it is the national {setting} amount for "
                         f"{code} {window_words(*window)}.", entry, "stated")
    return None


def _aic_claims(intent: Intent, kb: Knowledge, limit: float, entry: str) -> list[Claim]:
    """The stated amounts against the amount in controversy the answer gives: an old year's figure said as such, the
    asker's own amount below or above it."""
    known = {round(a.amount, 2): a for a in kb.appeals.amount_in_controversy}
    out: list[Claim] = []
    for amount in dict.fromkeys(intent.amounts):
        old = known.get(round(amount, 2))
        if old is not None and abs(amount - limit) > CENT:
            year = old.effective_from.year if old.effective_from else None
            out.append(Claim(f"{money(amount, cents=False)} is the amount for {_ROUTE_WORDS.get(old.route, old.route)} "
                             f"in {year}.", f"appeal:{aic_entry(old)}", "stated"))
        elif old is None:
            side = "below" if amount < limit else "at or above"
            out.append(Claim(f"{money(amount, cents=False)} is {side} the {money(limit, cents=False)} needed.", entry,
                             "stated"))
    return out


def _kx_claims(intent: Intent, kb: Knowledge, limit: float, entry: str) -> list[Claim]:
    """The stated amounts against the KX threshold the answer gives: another year's threshold said as such, the
    allowed amount so far under or over it."""
    known = {round(t.amount, 2): t for t in kb.fees.kx_thresholds}
    out: list[Claim] = []
    for amount in dict.fromkeys(intent.amounts):
        other = known.get(round(amount, 2))
        if other is not None and abs(amount - limit) > CENT:
            year = other.effective_from.year if other.effective_from else None
            out.append(Claim(f"{money(amount, cents=False)} is the {year} threshold.", f"fee:{tagged('kx', other.id)}",
                             "stated"))
        elif other is None:
            side = "under" if amount < limit else "over"
            out.append(Claim(f"{money(amount, cents=False)} is {side} the {money(limit, cents=False)} threshold.",
                             entry, "stated"))
    return out


_DOLLARS = re.compile(r"\$\s?(\d[\d,]*(?:\.\d{1,2})?)")


def before_code(intent: Intent, kb: Knowledge) -> list[Claim]:
    """ "a trend table for 97550: 2023, 2024, 2025 ... can't find 2023": a year named before the code existed has no fee
    because there was no code (the code's passage states when it starts)."""
    out: list[Claim] = []
    for code in intent.procedure_codes:
        start = kb.codes[code].effective_from if code in kb.codes else None
        early = [y for y in intent.years if start is not None and date(y, 12, 31) < start]
        if start is not None and early:
            out.append(Claim(f"{code} did not exist in {early[0]}: it is valid from {start.isoformat()}, so there is "
                             f"no "
                             f"{early[0]} amount for it.", f"code:{code}", "stated"))
    return out[:1]


def judged(intent: Intent, made: Sequence[Claim], kb: Knowledge) -> list[Claim]:
    """Claims judging the figures the question states, after the first claim they are judged against."""
    if any(c.what == "fee" for c in made) and (early := before_code(intent, kb)):
        return early
    if not intent.amounts:
        return []
    for claim in made:
        figures = [float(m.group(1).replace(",", "")) for m in _DOLLARS.finditer(claim.text)]
        if not figures:
            continue
        if claim.what == "fee":
            shown = {f"{f:.2f}" for c in made for m in _DOLLARS.finditer(c.text)
                     for f in [float(m.group(1).replace(",", ""))]}
            found = [_fee_source(intent, kb, a) for a in dict.fromkeys(intent.amounts) if f"{a:.2f}" not in shown]
            return [c for c in found if c is not None][:1]
        if claim.what == "aic":
            return _aic_claims(intent, kb, figures[0], claim.entry)
        if claim.what == "kx":
            return _kx_claims(intent, kb, figures[0], claim.entry)
    return []
