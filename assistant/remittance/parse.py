"""Read an 835 file: envelopes, then each transaction loop by loop, a bad claim loop reported and skipped.

    remittance = parse_835(data)            # -> Remittance (payments, problems)

Fatal (RemittanceError, with the segment position): not X12, broken envelopes, a transaction
that is not an 835, a file in which no transaction could be read. Reported and skipped
(`Remittance.problems`): a claim loop (CLP with its SVC lines) that fails the TR3, a payment
whose header fails it, a PLB that cannot be read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from assistant.errors import RemittanceError
from assistant.remittance import extract
from assistant.remittance.envelope import Delimiters, Segment, Transaction, decode, transactions
from assistant.remittance.models import Claim, Payment, Problem, Remittance
from assistant.remittance.x12 import (
    ClaimLoop,
    Header,
    LineLoop,
    LoopBuilder,
    Payee,
    Payer,
    Plb,
    ShapeError,
    describe,
    to_fields,
)

SKIPPED = frozenset({"TS3", "TS2"})  # institutional summaries: not needed for professional CTS lines


@dataclass
class _ClaimInProgress:
    builder: LoopBuilder
    error: tuple[int, str] | None = None


@dataclass
class _State:
    tx: Transaction
    delims: Delimiters
    header: LoopBuilder
    payer: LoopBuilder | None = None
    payee: LoopBuilder | None = None
    current: LoopBuilder | None = None
    claim: _ClaimInProgress | None = None
    line: LoopBuilder | None = None
    claims: list[Claim] = field(default_factory=list)
    plbs: list[Segment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, position: int, segment: str, message: str) -> None:
        self.problems.append(
            Problem(position=position, segment=segment, transaction=self.tx.control_number, message=message)
        )


def _close_claim(state: _State) -> None:
    pending, state.claim, state.line = state.claim, None, None
    if pending is None:
        return
    first = pending.builder.first
    if pending.error is not None:
        state.problem(pending.error[0], "CLP", f"claim loop at segment {first.position} skipped: {pending.error[1]}")
        return
    try:
        model = pending.builder.validate()
    except ValidationError as exc:
        position, message = describe(exc, pending.builder)
        state.problem(position, "CLP", f"claim loop at segment {first.position} skipped: {message}")
        return
    lines = [child.first.position for child in pending.builder.children]
    state.claims.append(extract.claim(model, first.position, lines, state.delims))


# service dates: 472 (a line's), 150/151 (a line's period), 232/233 (the claim's statement period)
_SERVICE_DATES = frozenset({"472", "150", "151", "232", "233"})


def _check_service_date(state: _State, seg: Segment) -> None:
    """A service date that is no calendar date is read as none (the line or claim is kept): said as a problem, not
    silently; one after today is kept and said too (a typed year). The value is not quoted: a date is PHI."""
    if seg.id != "DTM" or seg.get(1) not in _SERVICE_DATES or not seg.get(2):
        return
    read = extract.as_date(seg.get(2))
    if read is None:
        state.problem(seg.position, "DTM", f"DTM*{seg.get(1)} at segment {seg.position}: DTM02 is not a calendar "
                      "date (CCYYMMDD); the service date was left empty")
    elif read > date.today():
        state.problem(seg.position, "DTM",
                      f"DTM*{seg.get(1)} at segment {seg.position}: the service date is after today; check the year")


def _claim_segment(state: _State, seg: Segment) -> None:
    pending = state.claim
    assert pending is not None
    if pending.error is not None:
        return
    _check_service_date(state, seg)
    try:
        if seg.id == "SVC":
            state.line = LoopBuilder(LineLoop, seg)
            pending.builder.children.append(state.line)
            state.line.add(seg, state.delims)
        elif state.line is not None and state.line.accepts(seg.id):
            state.line.add(seg, state.delims)
        elif state.line is None and pending.builder.accepts(seg.id):
            pending.builder.add(seg, state.delims)
        else:
            pending.error = (seg.position, f"{seg.id[:3]} is not expected here in a claim loop")
    except ShapeError as exc:
        pending.error = (seg.position, str(exc))


def _header_segment(state: _State, seg: Segment) -> None:
    if seg.id == "N1" and seg.get(1) in ("PR", "PE"):
        builder = LoopBuilder(Payer if seg.get(1) == "PR" else Payee, seg)
        if seg.get(1) == "PR":
            state.payer = builder
        else:
            state.payee = builder
        state.current = builder
    target = state.current or state.header
    if not target.accepts(seg.id):
        raise ShapeError(f"{seg.id[:3]} is not expected in the payment header")
    target.add(seg, state.delims)


def _plb(state: _State, seg: Segment) -> list[Any]:
    try:
        model = Plb.model_validate(to_fields(Plb, seg, state.delims))
    except (ValidationError, ShapeError):
        state.problem(seg.position, "PLB", "provider-level adjustment skipped: it does not follow the TR3")
        return []
    return extract.provider_adjustments(model, seg, state.delims)


def _payment(state: _State) -> Payment | None:
    try:
        if state.payer is None:
            raise ShapeError("no payer (N1*PR) in the payment header")
        header, payer = state.header.validate(), state.payer.validate()
        payee = state.payee.validate() if state.payee else None
    except (ValidationError, ShapeError) as exc:
        message = str(exc) if isinstance(exc, ShapeError) else describe(exc, state.header)[1]
        state.problem(state.tx.position, "ST", f"payment skipped: the header does not follow the TR3 ({message})")
        return None
    tx = state.tx
    return extract.payment(
        header, payer, payee, tx.position, (tx.interchange_control, tx.group_control, tx.control_number)
    )


def parse_transaction(tx: Transaction, delims: Delimiters) -> tuple[Payment | None, list[Problem]]:
    state = _State(tx, delims, LoopBuilder(Header, tx.segments[0]))
    state.header.add(tx.segments[0], delims)
    in_detail = False
    for seg in tx.segments[1:-1]:  # ST is in the header; SE closes the envelope
        if seg.id in ("LX", "CLP", "PLB") or in_detail:
            in_detail = True
            if seg.id in ("LX", "PLB", "CLP"):
                _close_claim(state)
            if seg.id == "CLP":
                state.claim = _ClaimInProgress(LoopBuilder(ClaimLoop, seg))
                _claim_segment(state, seg)
            elif seg.id == "PLB":
                state.plbs.append(seg)
            elif seg.id not in SKIPPED and seg.id != "LX":
                if state.claim is None:
                    state.problem(seg.position, seg.id[:3], f"{seg.id[:3]} outside a claim loop skipped")
                else:
                    _claim_segment(state, seg)
            continue
        try:
            _header_segment(state, seg)
        except ShapeError as exc:
            state.problem(seg.position, seg.id[:3], f"payment skipped: {exc}")
            return None, state.problems
    _close_claim(state)
    payment = _payment(state)
    if payment is not None:
        payment.claims = state.claims
        payment.provider_adjustments = [a for seg in state.plbs for a in _plb(state, seg)]
    return payment, state.problems


def fingerprint(text: str, terminator: str) -> str:
    """SHA-256 of the segments themselves: the same remittance re-sent with other line endings, padding or a
    byte-order mark is the same file (and is imported once)."""
    segments = (raw.strip("\r\n\t ") for raw in text.split(terminator))
    return hashlib.sha256(terminator.join(seg for seg in segments if seg).encode("utf-8")).hexdigest()


def parse_835(data: bytes | str) -> Remittance:
    """Every payment of the file; claim loops and payments that fail the TR3 are in `problems`."""
    text = decode(data)
    txs, count, delims = transactions(text)
    remittance = Remittance(sha256=fingerprint(text, delims.segment), segments=count)
    for tx in txs:
        payment, problems = parse_transaction(tx, delims)
        remittance.problems += problems
        if payment is not None:
            remittance.payments.append(payment)
    if not remittance.payments:
        first = remittance.problems[0]
        raise RemittanceError(f"no payment could be read; first problem: {first.message}", position=first.position)
    return remittance
