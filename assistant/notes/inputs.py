"""Validation of what callers hand in: note text, date of service, billed lines, profile.

Every failure raises an `InputError` subclass whose message says what is wrong and how to fix
it, without echoing note text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from assistant.errors import (
    BilledLineError,
    EmptyNoteError,
    InvalidDateError,
    NoteTooLargeError,
    NotTextError,
    UnknownProfileError,
)
from assistant.models import PROFILES, BilledLine

# CTS codes did not exist before CPT 2024.
EARLIEST_DOS = date(2024, 1, 1)
KNOWN_MODIFIERS = frozenset({"GP", "GO", "GN", "CQ", "CO", "KX", "59", "XE", "XS", "XP", "XU", "95", "93", "GT", "GA", "GY", "GZ", "KF", "76", "77"})
_CODE = re.compile(r"^(?:\d{5}|[A-Z]\d{4})$")


def validate_note(text: str | bytes, *, max_bytes: int) -> str:
    """Return the note as text, or raise a clear error for empty, binary or oversized input."""
    if isinstance(text, bytes):
        if len(text) > max_bytes:
            raise NoteTooLargeError(
                f"The note is {len(text):,} bytes; the limit is {max_bytes:,}.",
                hint="Check one note at a time, or split the document.",
            )
        if b"\x00" in text:
            raise NotTextError("The input is binary, not a text note.", hint="Paste the note as plain text (UTF-8).")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NotTextError(
                f"The input is not UTF-8 text (undecodable byte at offset {exc.start}).",
                hint="Save or paste the note as UTF-8 plain text.",
            ) from exc
    if not isinstance(text, str):
        raise NotTextError(f"Expected note text, got {type(text).__name__}.", hint="Pass the note as a string.")
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise NoteTooLargeError(
            f"The note is {size:,} bytes; the limit is {max_bytes:,}.",
            hint="Check one note at a time, or split the document.",
        )
    if not text.strip():
        raise EmptyNoteError("The note is empty.", hint="Paste the caregiver-training note text.")
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise NotTextError("The input looks like binary data, not a text note.", hint="Paste the note as plain text.")
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    return len(_CONTROL.findall(sample)) / max(len(sample), 1)


def parse_dos(value: str | date | None, *, today: date) -> date | None:
    """Parse a date-of-service argument (ISO or US format); refuse future and pre-2024 dates."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value.date()
    elif isinstance(value, date):
        parsed = value
    elif isinstance(value, str):
        parsed = _parse_date_text(value.strip())
    else:
        raise InvalidDateError(f"Date of service must be a date or text, got {type(value).__name__}.")
    if parsed > today:
        raise InvalidDateError(
            f"Date of service {parsed.isoformat()} is in the future (today is {today.isoformat()}).",
            hint="Check the year; CTS can only be billed after it is furnished.",
        )
    if parsed < EARLIEST_DOS:
        raise InvalidDateError(
            f"Date of service {parsed.isoformat()} is before 2024-01-01, when the CTS codes took effect.",
            hint="Check the date; 97550-97552 are effective from 2024-01-01.",
        )
    return parsed


def _parse_date_text(value: str) -> date:
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise InvalidDateError(
        f"Cannot read the date of service {value[:40]!r}.", hint="Use YYYY-MM-DD, for example 2025-03-04."
    )


def parse_profile(profile: str | None) -> str:
    name = (profile or "medicare").strip().lower()
    if name not in PROFILES:
        raise UnknownProfileError(
            f"Unknown payer profile {profile!r}.", hint=f"Use one of: {', '.join(PROFILES)}."
        )
    return name


_ITEM = re.compile(r"^(?P<code>[A-Za-z]?\d{4,5})(?:\s*[xX×*]\s*(?P<units>\d{1,2}))?(?P<mods>(?:[:\-+/][A-Za-z0-9]{2})*)$")


def parse_billed(value: Sequence[BilledLine | dict[str, Any]] | str | None) -> list[BilledLine] | None:
    """Billed lines from a list of dicts/models or the CLI form ``97550x1,97551x2:GP``.

    In the text form, modifiers after the last item apply to every item that has none of its
    own ("97550x1,97551x2:GP" means both lines carry GP).
    """
    if value is None:
        return None
    if isinstance(value, str):
        return _parse_billed_text(value)
    lines: list[BilledLine] = []
    for index, item in enumerate(value, start=1):
        if isinstance(item, dict) and isinstance(item.get("modifiers"), list):
            # YAML and JSON writers turn modifiers such as 59 or 95 into numbers.
            item = {**item, "modifiers": [str(m) for m in item["modifiers"]]}
        try:
            line = item if isinstance(item, BilledLine) else BilledLine.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise BilledLineError(
                f"Billed line {index}: {'.'.join(map(str, first['loc']))}: {first['msg']}.",
                hint='Use {"code": "97550", "units": 1, "modifiers": ["GP"]}.',
            ) from exc
        lines.append(_normalise(line, index))
    return lines


def _parse_billed_text(text: str) -> list[BilledLine]:
    items = [part.strip() for part in text.split(",") if part.strip()]
    if not items:
        raise BilledLineError("No billed lines given.", hint="Use the form 97550x1,97551x2:GP.")
    parsed: list[tuple[str, int, list[str]]] = []
    for index, item in enumerate(items, start=1):
        match = _ITEM.match(item.replace(" ", ""))
        if not match:
            raise BilledLineError(
                f"Billed item {index} ({item[:20]!r}) is not CODExUNITS[:MODIFIER].",
                hint="Use the form 97550x1,97551x2:GP (modifiers after ':', several as GP:CQ).",
            )
        mods = [m for m in re.split(r"[:\-+/]", match["mods"]) if m]
        parsed.append((match["code"].upper(), int(match["units"] or 1), [m.upper() for m in mods]))
    shared = parsed[-1][2] if all(not mods for _, _, mods in parsed[:-1]) else []
    lines = [
        BilledLine(code=code, units=units, modifiers=mods or list(shared))
        for code, units, mods in parsed
    ]
    return [_normalise(line, i) for i, line in enumerate(lines, start=1)]


def _normalise(line: BilledLine, index: int) -> BilledLine:
    code = line.code.strip().upper()
    if not _CODE.match(code):
        raise BilledLineError(
            f"Billed line {index}: {line.code[:12]!r} is not a CPT/HCPCS code.", hint="Codes look like 97550 or G0541."
        )
    mods = []
    for mod in line.modifiers:
        mod = mod.strip().upper()
        if mod not in KNOWN_MODIFIERS:
            raise BilledLineError(
                f"Billed line {index}: unknown modifier {mod[:6]!r}.",
                hint=f"Known modifiers: {', '.join(sorted(KNOWN_MODIFIERS))}.",
            )
        mods.append(mod)
    return BilledLine(code=code, units=line.units, modifiers=mods)
