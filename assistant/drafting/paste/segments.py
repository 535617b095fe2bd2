"""835 segment excerpts as billers paste them: CLP, SVC, CAS, LQ, MOA/MIA, DTM, BPR, with or without the `~`
terminator, one segment a line or many on one line, wrapped by a viewer, or typed with spaces ("SVC HC:97550:GO 1").

Nothing is validated against the TR3 here (an excerpt is not a transaction: `assistant.remittance` reads whole
files); names, member ids and claim numbers are skipped, never kept. Linear in the length of the text.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.drafting.paste.common import (
    CARC,
    FILING_INDICATORS,
    GROUPS,
    MAX_CODES,
    MAX_LINES,
    RARC,
    Adj,
    Item,
    Reading,
    carc,
    money,
)
from assistant.drafting.paste.rows import own_rows, plain
from assistant.parsing import code_of, modifier_of

_IDS = (
    "ISA|GS|ST|BPR|TRN|CUR|REF|DTM|N1|N3|N4|PER|RDM|LX|TS3|TS2|CLP|CAS|NM1|MIA|MOA|AMT|QTY|SVC|LQ|PLB|SE|GE|IEA"
)
# A segment starts at the text's start, after white space or after a terminator, with its id and a separator.
_START = re.compile(rf"(?<![^\s~])({_IDS})([*|^])")
# Typed with spaces: "SVC HC:97550:GO 1", "CLP 2225364008812" (only these two ids, followed by a value).
_TYPED = re.compile(r"(?<![^\s~])(SVC|CLP)[ \t]+(?=[A-Z0-9])")
_WANTED = frozenset({"CLP", "SVC", "CAS", "LQ", "MOA", "MIA"})
_COMPONENT = re.compile(r"[:>^]")
_SMALL_INT = re.compile(r"^\d{1,2}(?:\.0+)?$")


def has_segments(text: str) -> bool:
    return any(m.group(1) in _WANTED for m in _START.finditer(text))


def _separator(text: str) -> str:
    for m in _START.finditer(text):
        if m.group(1) in _WANTED:
            return m.group(2)
    return "*"


def _chunks(text: str, sep: str) -> tuple[list[tuple[str, list[str], bool]], list[str]]:
    """(segment id, elements, typed with spaces) for each segment, and the lines of prose around them."""
    starts = sorted(
        [(m.start(), m.group(1), m.end(), False) for m in _START.finditer(text) if m.group(2) == sep]
        + [(m.start(), m.group(1), m.end(), True) for m in _TYPED.finditer(text)]
    )
    segments: list[tuple[str, list[str], bool]] = []
    head = text[: starts[0][0]] if starts else text
    words = [ln.strip() for ln in head.splitlines() if ln.strip()]
    for i, (_, seg_id, body_start, typed) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        body, prose = _body(text[body_start:end], sep, typed)
        words += prose
        segments.append((seg_id, [seg_id, *(body.split() if typed else body.split(sep))], typed))
    return segments, words


_TAIL = re.compile(r"\s+(?:--|;)\s*|\s{2,}")


def _body(chunk: str, sep: str, typed: bool) -> tuple[str, list[str]]:
    """The segment's own text and the prose after it. A segment ends at its terminator; without one, a following
    line that goes on with elements is a wrapped part of it (the viewer broke it mid-element) and is joined back."""
    body, terminated, rest = chunk.partition("~")
    lines = body.split("\n")
    kept = [lines[0]]
    prose: list[str] = []
    for i, line in enumerate(lines[1:], start=1):
        if not typed and (terminated or sep in line):
            kept.append(line)
        else:
            prose = [ln.strip() for ln in lines[i:] if ln.strip()]
            break
    joined = "".join(kept).strip()
    own, _, after = (joined.partition(" -- ") if typed else (joined, "", ""))
    if not typed and (cut := _TAIL.search(joined)) is not None:  # "CAS*CO*50 ; ...", "CAS*CO*97  Plan note"
        own, after = joined[: cut.start()], joined[cut.end():]
    prose[:0] = [after.strip()] if after.strip() else []
    prose += [ln.strip() for ln in rest.splitlines() if ln.strip()]
    return own.strip().rstrip(" -;,"), prose


def _cas(elements: list[str]) -> list[Adj]:
    group = elements[1].strip().upper() if len(elements) > 1 else ""
    if group not in GROUPS:
        return []
    out = []
    for i in range(2, min(len(elements), 20), 3):
        reason = elements[i].strip().upper()
        if CARC.match(reason):
            amount = money(elements[i + 1].strip()) if i + 1 < len(elements) else None
            out.append(Adj(group, carc(reason), amount))
    return out


def _svc(elements: list[str], typed: bool) -> Item | None:
    if len(elements) < 2:
        return None
    submitted = _at(elements, 6) if not typed else ""  # SVC06: the code as billed, when another was adjudicated
    parts = _COMPONENT.split((submitted or elements[1]).strip().upper())
    code = code_of(parts[1] if len(parts) > 1 else parts[0])
    if code is None:
        return None
    mods = [m for m in (modifier_of(p) for p in parts[2:6]) if m]
    if typed:  # "SVC HC:97550:GO 1 PAID": a small number after the code is its units
        units = next((int(float(e)) for e in elements[2:4] if _SMALL_INT.match(e)), None)
        paid = True if any(e.upper() == "PAID" for e in elements[2:]) else None
        return Item(code, units, mods, paid=paid)
    units_text = next((e for e in (_at(elements, 7), _at(elements, 5)) if e), "")
    units = int(float(units_text)) if re.fullmatch(r"\d{1,3}(?:\.\d+)?", units_text) else 1  # SVC05 defaults to 1
    paid_amount = money(_at(elements, 3))
    return Item(code, units, mods, paid=None if paid_amount is None else paid_amount > 0)


def _at(elements: list[str], index: int) -> str:
    return elements[index].strip() if index < len(elements) else ""


def _remarks(seg_id: str, elements: list[str]) -> list[str]:
    if seg_id == "LQ":
        return [elements[2].strip().upper()] if _at(elements, 1).upper() == "HE" and len(elements) > 2 else []
    return [e.strip().upper() for e in elements[1:] if RARC.match(e.strip().upper())]  # MOA / MIA remark elements


def _date(value: str) -> date | None:
    if not re.fullmatch(r"\d{8}", value):
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def _add(line: Item | None, reading: Reading, adjustments: list[Adj], remarks: list[str]) -> None:
    """Codes go to the line being read, else to the claim (a CAS or MOA before the first SVC)."""
    if line is not None:
        line.add(adjustments, remarks)
        return
    reading.adjustments += adjustments[: max(0, MAX_CODES - len(reading.adjustments))]
    reading.remarks += remarks[: max(0, MAX_CODES - len(reading.remarks))]


_CUT_ID = re.compile(r"^[A-Z][A-Z0-9]{0,2}$")


def _unwrap(text: str, sep: str) -> str:
    """A terminated excerpt wrapped by a viewer: a line break inside a segment (even inside its id, "CA" / "S*CO")
    is taken out; one after a terminator, or after prose, is kept."""
    if "~" not in text:
        return text
    out: list[str] = []
    tail = ""  # the text after the last terminator of the line being built
    for line in text.split("\n"):
        if out and tail and (sep in tail or _CUT_ID.match(tail)) and " " not in tail.strip():
            out[-1] += line
            tail = line.rsplit("~", 1)[1] if "~" in line else tail + line
        else:
            out.append(line)
            tail = line.rsplit("~", 1)[1] if "~" in line else line
    return "\n".join(out)


def read_segments(text: str) -> tuple[Reading, date | None]:
    """The lines and codes of an 835 excerpt, and its production (DTM*405) or payment (BPR16) date."""
    sep = _separator(text)
    segments, words = _chunks(_unwrap(text.replace("\r", ""), sep), sep)
    reading = Reading(words=words)
    current: Item | None = None
    produced: date | None = None
    paid_on: date | None = None
    for seg_id, elements, typed in segments:
        if seg_id == "CLP":
            current = None
            if not typed and reading.payer_type is None:
                reading.payer_type = FILING_INDICATORS.get(_at(elements, 6).upper())
        elif seg_id == "SVC":
            current = _svc(elements, typed) if len(reading.items) < MAX_LINES else None
            if current is not None:
                reading.items.append(current)
        elif seg_id == "CAS":
            _add(current, reading, _cas(elements), [])
        elif seg_id in ("LQ", "MOA", "MIA"):
            _add(current if seg_id == "LQ" else None, reading, [], _remarks(seg_id, elements))
        elif seg_id == "DTM" and _at(elements, 1) == "405":
            produced = _date(_at(elements, 2))
        elif seg_id == "BPR":
            paid_on = _date(_at(elements, 16))
    return reading, produced or paid_on


# where one claim's segments end: the next claim, or the trailer (provider adjustments, the envelope's end)
_CLAIM_END = frozenset({"CLP", "PLB", "SE", "GE", "IEA"})
_ELEMENT = re.compile(r"[^*|^~:\s]+")


_plain = plain


def own_claim(text: str, ids: frozenset[str]) -> str:
    """An 835 that holds several claims (CLP), cut to the claim(s) one of `ids` names (its claim number, ICN or the
    patient's member id in CLP or NM1): another patient's lines and codes are no part of this denial. The text is
    returned whole when it holds one claim or no claim matches. A remittance pasted as text (an EOB or portal table)
    is cut by its rows instead (`rows.own_rows`). Linear in the length of the text."""
    wanted = {_plain(i) for i in ids if len(_plain(i)) >= 6}  # short ids could match an amount or a count
    if not wanted:
        return text
    if not has_segments(text):
        return own_rows(text, wanted)  # an EOB or portal table pasted as text
    sep = _separator(text)
    starts = [(m.start(), m.group(1)) for m in _START.finditer(text) if m.group(2) == sep]
    claims = [i for i, (_, seg_id) in enumerate(starts) if seg_id == "CLP"]
    if len(claims) < 2:
        return text
    blocks = []
    for i in claims:
        end = next((j for j in range(i + 1, len(starts)) if starts[j][1] in _CLAIM_END), len(starts))
        blocks.append((starts[i][0], starts[end][0] if end < len(starts) else len(text)))
    mine = [b for b in blocks if wanted & {_plain(e) for e in _ELEMENT.findall(text, b[0], b[1])}]
    if not mine:
        return text
    out, pos = [], 0
    for a, b in blocks:
        if (a, b) not in mine:
            out.append(text[pos:a])
            pos = b
    return "".join(out) + text[pos:]
