"""Parsing at the edge: text a caller types becomes typed values once, here.

The CLI, the HTTP routes and the module-level Python functions call these; the `Assistant`
methods and everything below them take `date` and `list[BilledLine]`. Errors say what is wrong
and how to fix it, without echoing more than a few characters of the input.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from assistant.errors import BilledLineError, InputError, InvalidDateError, NotTextError, UnknownProfileError
from assistant.models import PROFILES, BilledLine, split_modifiers
from assistant.words import CODE_SHAPE, MODIFIER_SHAPE, month_number

MAX_UNITS = 99
#: The longest question `ask` / `search` and /v1/answer / /v1/search accept: one limit for every edge.
MAX_QUESTION_CHARS = 2_000
#: The shortest (hostile16 #20: the CLI answered a 1-character search that the API refused).
MIN_QUESTION_CHARS = 2
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CODE = re.compile(rf"^{CODE_SHAPE}$")
_MODIFIER = re.compile(rf"^{MODIFIER_SHAPE}$")
_ITEM = re.compile(
    r"^(?P<code>[A-Za-z]?\d{4}[A-Za-z0-9]?)(?:[xX×*](?P<units>\d{1,6}))?(?P<mods>(?:[:\-+/][A-Za-z0-9]{1,4})*)$"
)
# "97550x99999999999999", "97550x-1", "97550x1.5": the form is right, the unit count is not a whole number in range
_ODD_UNITS = re.compile(r"^(?P<code>[A-Za-z]?\d{4}[A-Za-z0-9]?)[xX×*](?P<units>[-+]?[\d.,]+)(?:[:\-+/].*)?$")
_NUMERIC_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m-%d-%y", "%Y/%m/%d")
_WORDY = re.compile(r"^(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$")
_WORDY_DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})[\s-](?P<mon>[A-Za-z]{3,9})\.?,?[\s-](?P<year>\d{4})$")


_FORM_WORDS = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%y": "YY"}
#: The date forms `parse_date` reads, in words for hints: "YYYY-MM-DD, MM/DD/YYYY, ..., March 4, 2025, 4 Mar 2025".
DATE_FORMS = ", ".join(
    [re.sub(r"%[Ymdy]", lambda m: _FORM_WORDS[m.group()], f) for f in _NUMERIC_FORMATS]
    + ['"March 4, 2025"', '"4 Mar 2025"']
)
_AMOUNT = re.compile(r"^\$?\s*(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<cents>\.\d{1,2})?\s*(?:USD)?$", re.I)


def parse_amount(value: Any, *, what: str = "amount") -> str | None:
    """A dollar amount ("150", 150.0, "$1,240.50", "99.5 USD") as text with cents ("1240.50"); None when empty."""
    if value is None or value == "":
        return None
    hint = 'Give a number of dollars, for example 150, 150.00 or "$1,240.50".'
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InputError(f"The {what} must be a number, got {type(value).__name__}.", hint=hint)
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")) or value < 0:
            raise InputError(f"The {what} must be a dollar amount of 0 or more, got {value!r}.", hint=hint)
        return f"{value:.2f}"
    match = _AMOUNT.match(value.strip())
    if match is None:
        raise InputError(f"The {what} is not a dollar amount: {value.strip()[:20]!r}.", hint=hint)
    return f"{match['num'].replace(',', '')}{(match['cents'] or '.').ljust(3, '0')}"


#: The date forms a claim (and a worklist date) accepts, in words for hints and errors.
CLAIM_DATE_FORMS = "YYYY-MM-DD, MM/DD/YYYY, MM/DD/YY or YYYYMMDD"
_X12_DATE = re.compile(r"\d{8}")
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FHIR_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def parse_claim_date(value: Any) -> date | None:
    """A claim date: `parse_date`'s forms plus the X12 (yyyymmdd) and FHIR date-time forms claims carry; worklist
    dates read the same (hostile15 #13)."""
    if isinstance(value, str):
        text = value.strip()
        value = text[:10] if _FHIR_DATETIME.match(text) else text  # YYYYMMDD: parse_date reads it
    return parse_date(value, what="claim date")


def parse_date(value: str | date | None, *, what: str = "date of service") -> date | None:
    """A date from ISO, US numeric or month-name text ("2025-03-04", "3/4/25", "March 4, 2025")."""
    if value is None or isinstance(value, datetime):
        return value.date() if isinstance(value, datetime) else None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InvalidDateError(f"The {what} must be a date or text, got {type(value).__name__}.",
                               hint="Use YYYY-MM-DD, for example 2025-03-04.")
    text = value.strip()
    if not text:
        return None
    if _X12_DATE.fullmatch(text):  # YYYYMMDD, as claims and worklist dates take it: one date grammar (hostile17 #22)
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    for fmt in _NUMERIC_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    match = _WORDY.match(text) or _WORDY_DAY_FIRST.match(text)
    month = month_number(match["mon"]) if match else None
    if match and month:
        try:
            return date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            pass
    if _ISO_SHAPE.fullmatch(text):
        raise InvalidDateError(f"The {what} {text!r} is not a calendar date.",
                               hint="Check the month and the day (February 29 only in a leap year), as YYYY-MM-DD.")
    raise InvalidDateError(f"Cannot read the {what} {text[:40]!r}.",
                           hint="Use YYYY-MM-DD (or MM/DD/YYYY, YYYYMMDD), for example 2025-03-04.")


def parse_text(value: str, *, what: str) -> str:
    """Text a caller typed, refused when it holds a lone surrogate: not a character, and what a byte that is not
    UTF-8 becomes in a command-line argument (or a JSON "\\udc80" escape). The error names the position only."""
    lone = None if value.isascii() else _LONE_SURROGATE.search(value)
    if lone is None:
        return value
    point = ord(lone.group())
    kind = f"U+{point:04X}, a lone surrogate (half of a UTF-16 pair" + (
        f"; on a command line, the byte 0x{point - 0xDC00:02X}, which is not UTF-8)" if 0xDC80 <= point <= 0xDCFF
        else ")")
    raise NotTextError(f"The {what} is not valid text: character {lone.start() + 1} is {kind}.",
                       hint="Type or paste it as UTF-8 text; on a command line, set the terminal to UTF-8 "
                            "(e.g. LANG=C.UTF-8).")


_QUOTED = re.compile(r"'[^'\n]{0,400}'|\"[^\"\n]{0,400}\"")


def invalid_fields(exc: ValidationError, *, names: Mapping[str, str] | None = None) -> str:
    """A validation error in one line that names each field and what it must be (a fixed set: its values),
    never the value given. `names` shows a field as the caller knows it (an option, a variable)."""
    parts = []
    for err in exc.errors()[:5]:
        field = ".".join(str(p) for p in err.get("loc", ())) or "value"
        expected = (err.get("ctx") or {}).get("expected") if err.get("type") in {"literal_error", "enum"} else None
        if expected:
            what = f"must be one of: {str(expected).replace(chr(39), '')}"
        else:
            what = _QUOTED.sub("(value withheld)", str(err.get("msg", "is not valid")).removeprefix("Value error, "))
            what = what[:1].lower() + what[1:]
        parts.append(f"{(names or {}).get(field, field)}: {what}")
    return "; ".join(parts)


def parse_profile(profile: Any) -> str:
    """A payer profile name; the default is medicare."""
    if profile is None:
        return "medicare"
    if not isinstance(profile, str):
        raise UnknownProfileError(f"The payer profile must be text, got {type(profile).__name__}.",
                                  hint=f"Use one of: {', '.join(PROFILES)}.")
    name = profile.strip().lower() or "medicare"
    if name not in PROFILES:
        raise UnknownProfileError(f"Unknown payer profile {profile[:20]!r}.",
                                  hint=f"Use one of: {', '.join(PROFILES)}.")
    return name


def parse_billed(value: Any) -> list[BilledLine] | None:
    """Claim lines from the shorthand ``97550x1,97551x2:GP`` or a list of {code, units, modifiers}.

    Any well-formed CPT or HCPCS code and two-character modifier is accepted: a claim carries
    other services too. In the shorthand, modifiers after the last item apply to every item that
    has none of its own ("97550x1,97551x2:GP" means both lines carry GP).
    """
    if value is None:
        return None
    if isinstance(value, str):
        return _from_text(value)
    if isinstance(value, Mapping) or not isinstance(value, Sequence):
        raise BilledLineError(f"Billed lines must be a list or text, got {type(value).__name__}.",
                              hint='Use [{"code": "97550", "units": 1, "modifiers": ["GP"]}] or "97550x1:GP".')
    return [_from_item(item, index) for index, item in enumerate(value, start=1)]


def _from_item(item: Any, index: int) -> BilledLine:
    if isinstance(item, BilledLine):
        return line(item.code, item.units, item.modifiers, index)
    if not isinstance(item, Mapping):
        raise BilledLineError(f"Billed line {index} must be an object, got {type(item).__name__}.",
                              hint='Use {"code": "97550", "units": 1, "modifiers": ["GP"]}.')
    unknown = sorted(str(k)[:20] for k in item if k not in ("code", "units", "modifiers"))
    if unknown:
        raise BilledLineError(f"Billed line {index} has unknown field(s): {', '.join(unknown)}.",
                              hint="A line has code, units and modifiers.")
    mods = split_modifiers(item.get("modifiers") or [])
    if not isinstance(mods, Sequence):
        raise BilledLineError(f"Billed line {index}: modifiers must be a list.", hint='Use "modifiers": ["GP"].')
    units = item.get("units", 1)
    # YAML and JSON writers turn codes and modifiers such as 59 or 95 into numbers.
    code = item.get("code")
    return line(str(code) if isinstance(code, int) and not isinstance(code, bool) else code, units,
                [str(m) if isinstance(m, int) and not isinstance(m, bool) else m for m in mods], index)


# A key is echoed in an error only when it looks like a field name: a key may be anything a caller
# typed, patient details included, and error messages never carry input. Field names here are written in
# lower case ("textt", "billedLines"); a capitalised word ("Zelphira") may be a patient's name, so it is withheld.
_FIELD_NAME = re.compile(r"^[a-z_][A-Za-z0-9_-]{0,39}$|^\d{1,3}$")


def looks_like_field_name(name: Any) -> bool:
    return _FIELD_NAME.match(str(name)) is not None


def shown_name(name: Any, withheld: str = "(name withheld)") -> str:
    """A field name as an error may show it: itself when it looks like one, else `withheld`."""
    return str(name) if looks_like_field_name(name) else withheld


def code_of(value: Any) -> str | None:
    """The code, upper-cased, when `value` has the shape of a CPT or HCPCS code; else None."""
    code = str(value).strip().upper() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    return code if _CODE.match(code) else None


def modifier_of(value: Any) -> str | None:
    """The modifier, upper-cased, when `value` is two letters or digits (59 may come as a number); else None."""
    mod = str(value).strip().upper() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    return mod if _MODIFIER.match(mod) else None


def line(code: Any, units: Any, modifiers: Sequence[Any], index: int = 1) -> BilledLine:
    """One validated claim line (code upper-cased, units 1-99, modifiers two characters)."""
    if not isinstance(code, str) or not _CODE.match(code.strip().upper()):
        shown = code[:12] if isinstance(code, str) else type(code).__name__
        raise BilledLineError(f"Billed line {index}: {shown!r} is not a CPT or HCPCS code.",
                              hint="Codes look like 97550, 92610 or G0541.")
    if isinstance(units, bool) or not isinstance(units, int) or not 1 <= units <= MAX_UNITS:
        shown = _shown_units(units)
        raise BilledLineError(f"Billed line {index}: units must be a whole number from 1 to {MAX_UNITS}, not {shown}.",
                              hint=_units_hint(units))
    mods: list[str] = []
    for mod in modifiers:
        if not isinstance(mod, str) or not _MODIFIER.match(mod.strip().upper()):
            shown = mod[:6] if isinstance(mod, str) else type(mod).__name__
            raise BilledLineError(f"Billed line {index}: {shown!r} is not a modifier.",
                                  hint="Modifiers are two letters or digits, such as GP, CQ, KX or 59.")
        mods.append(mod.strip().upper())
    try:
        return BilledLine(code=code.strip().upper(), units=units, modifiers=mods)
    except ValidationError as exc:  # pragma: no cover - the checks above cover the model's constraints
        raise BilledLineError(f"Billed line {index} is invalid.", hint=str(exc.errors()[0]["msg"])) from None


def _shown_units(units: Any) -> str:
    """The units as given, or how long they are when too long to show whole (10**40 is not "100000000000")."""
    text = units if isinstance(units, str) else str(units) if isinstance(units, (int, float)) else type(units).__name__
    return text if len(text) <= 12 else f"a number of {len(text)} characters"


def _units_hint(units: Any) -> str:
    """How to fix the units: a line with none is left out; more than a line can carry is a typo to check."""
    if isinstance(units, int) and not isinstance(units, bool):
        if units < 1:
            return "Leave out a line with no units."
        return f"Check the number: 97550x2 means two units, and one line carries at most {MAX_UNITS}."
    return "Give the units as a whole number, e.g. 97550x2."


def _bad_modifier(index: int, mods: str) -> BilledLineError:
    """The first modifier of `mods` (":GP:ZXQPHI") that is not two letters or digits, named so it can be fixed."""
    bad = next((m for m in re.split(r"[:\-+/]", mods) if m and not _MODIFIER.match(m.upper())), mods)
    return BilledLineError(
        f"Billed item {index}: {bad[:6]!r} is not a modifier.",
        hint="Modifiers are two letters or digits, such as GP, CQ, KX or 59, after ':' (97550x1:GP).",
    )


def _from_text(text: str) -> list[BilledLine]:
    items = [part.strip() for part in text.split(",") if part.strip()]
    if not items:
        raise BilledLineError("No billed lines given.", hint="Use the form 97550x1,97551x2:GP.")
    parsed: list[tuple[str, int, list[str]]] = []
    for index, item in enumerate(items, start=1):
        match = _ITEM.match(item.replace(" ", ""))
        odd = None if match else _ODD_UNITS.match(item.replace(" ", ""))
        if odd and odd["units"].isdigit() and 1 <= int(odd["units"]) <= MAX_UNITS:
            raise _bad_modifier(index, item.replace(" ", "")[odd.end("units"):])  # "97550x1:ZXQPHI": the modifier
        if odd:
            raise BilledLineError(f"Billed item {index}: units must be a whole number from 1 to {MAX_UNITS}, not "
                                  f"{_shown_units(odd['units'])}.", hint=_units_hint(None))
        if not match:
            raise BilledLineError(f"Billed item {index} ({item[:20]!r}) is not CODExUNITS[:MODIFIER].",
                                  hint="Use the form 97550x1,97551x2:GP (modifiers after ':', several as GP:CQ).")
        units = int(match["units"]) if match["units"] else 1
        parsed.append((match["code"], units, [m for m in re.split(r"[:\-+/]", match["mods"]) if m]))
    shared = parsed[-1][2] if all(not mods for _, _, mods in parsed[:-1]) else []
    return [line(code, units, mods or list(shared), i) for i, (code, units, mods) in enumerate(parsed, start=1)]


def names_from_fhir_patient(resource: Any) -> list[str]:
    """The names a FHIR R4 Patient carries: the patient's own (``name[]``) and those of its contacts
    (``contact[].name``: caregivers, next of kin), as "Given Family" strings, plus any ``text`` form.
    Anything else in the resource, or a resource that is not a Patient, gives no names."""
    if not isinstance(resource, dict) or resource.get("resourceType") != "Patient":
        return []
    human_names = list(resource.get("name") or [])
    human_names += [c.get("name") for c in resource.get("contact") or [] if isinstance(c, dict)]
    out: list[str] = []
    for name in human_names:
        if not isinstance(name, dict):
            continue
        given = [g for g in name.get("given") or [] if isinstance(g, str)]
        family = name["family"] if isinstance(name.get("family"), str) else ""
        for text in (" ".join([*given, str(family)]).strip(), name.get("text")):
            if isinstance(text, str) and text.strip() and text.strip() not in out:
                out.append(text.strip()[:200])
    return out
