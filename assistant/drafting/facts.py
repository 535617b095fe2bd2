"""Regex fact finder for the grounding gate (pure).

Finds the kinds of fact a draft must never invent: minutes, clock times, dates, procedure and
diagnosis codes, CARC/RARC codes, modifiers, dollar amounts, other numbers and personal names.
The gate compares what it finds in an output with what it finds in the inputs; it never
depends on the note-check extractor alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from assistant.words import MONTHS

_MONTHS = MONTHS

MINUTES = re.compile(r"\b(\d{1,3})\s*(?:-\s*)?(?:min(?:ute)?s?|mins?\.?|')(?![a-z])", re.I)
CLOCK = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\s*([ap]\.?m\.?)?", re.I)
DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})\b")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DATE_WORDS = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
CPT = re.compile(r"(?<![\d.$:/-])\b(\d{4}[0-9A-Z])\b(?![.:/]\d)")
HCPCS = re.compile(r"\b([A-V]\d{4})\b")
ICD10 = re.compile(r"\b([A-TV-Z]\d{2}\.[0-9A-Z]{1,4})\b")
REASON = re.compile(r"\b(?:(?:CO|PR|OA|PI|CR)-?([A-Z]?\d{1,3})|(MA\d{1,3}|N\d{2,3}|M\d{2,3}))\b")
MODIFIER = re.compile(r"\b(GP|GO|GN|CQ|CO|KX|GA|GY|GZ|XE|XP|XS|XU|GT|FQ|FR)\b(?!-\d)|\bmodifiers?\s+(59|95|93)\b")
DOLLARS = re.compile(r"\$\s?(\d[\d,]*(?:\.\d{2})?)")
NUMBER = re.compile(r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)")
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)")
CAPWORD = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\b")
WORD = re.compile(r"[a-z]+")

# Capitalised words ordinary appeal prose uses that are not names.
_COMMON_WORDS = """
    medicare medicaid part cms cpt hcpcs icd carc rarc lcd ncd mac ncci mue rvu kx abn plan care caregiver
    caregivers training services service patient therapist therapy physical occupational speech language
    pathology pathologist assistant appeal letter request reconsideration redetermination denial claim claims
    documentation note notes record records evidence rule rules source sources section code codes modifier
    modifiers consent need goal goals skills skill return demonstration time total minutes units unit provider
    credentials telehealth date dates payer payment attachments attachment enclosed enclosure sincerely dear to
    whom it may concern the this that these those and or of in on for with without by from at as is are was were
    be been per under see also please thank you we our us i my your yours regards billing biller department
    office reviewer medical necessity necessary reasonable coverage determination local national correct coding
    initiative procedure procedures terminology current physician fee schedule final manual benefit policy
    chapter subject re summary conclusion response argument supporting facts facts cited rules identifiers
    clinician confirm ot pt slp pta ota cota dpt otr ccc fr federal register january february march april may
    june july august september october november december mr mrs ms miss dr monday tuesday wednesday thursday
    friday saturday sunday am pm mother father wife husband son daughter spouse sister brother friend neighbor
    neighbour family
"""
_COMMON = frozenset(_COMMON_WORDS.split())


def normalize_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _year(y: str) -> int:
    return int(y) + 2000 if len(y) == 2 else int(y)


def dates(text: str) -> set[str]:
    out: set[str] = set()
    for m in DATE_ISO.finditer(text):
        out.add(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
    for m in DATE_NUMERIC.finditer(text):
        try:
            out.add(date(_year(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat())
        except ValueError:
            out.add(m.group(0))
    for m in DATE_WORDS.finditer(text):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            try:
                out.add(date(int(m.group(3)), month, int(m.group(2))).isoformat())
            except ValueError:
                out.add(m.group(0))
    return out


def clock_times(text: str) -> set[str]:
    out: set[str] = set()
    for m in CLOCK.finditer(text):
        hour, minute = int(m.group(1)), m.group(2)
        suffix = (m.group(3) or "").lower().replace(".", "")
        if suffix == "pm" and hour < 12:
            hour += 12
        out.add(f"{hour % 24:02d}:{minute}")
        if not suffix:  # "2:30" may be written "14:30" elsewhere
            out.add(f"{(hour + 12) % 24:02d}:{minute}")
    return out


class _Spans:
    """Where the dates and clock times are, merged and sorted once: "is this position in one?" is a bisection, not a
    scan of every span for every number (a note of many times was quadratic)."""

    def __init__(self, text: str) -> None:
        merged: list[tuple[int, int]] = []
        found = sorted(m.span() for rx in (DATE_ISO, DATE_NUMERIC, DATE_WORDS, CLOCK) for m in rx.finditer(text))
        for a, b in found:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            elif b > a:
                merged.append((a, b))
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def outside(self, pos: int) -> bool:
        k = bisect_right(self.ends, pos)  # the first span ending after pos
        return not (k < len(self.starts) and self.starts[k] <= pos)


def find_facts(text: str) -> dict[str, set[str]]:
    """Every checkable fact in `text`, by kind."""
    spans = _Spans(text)
    codes = {m.group(1) for m in CPT.finditer(text) if spans.outside(m.start())}
    codes |= {m.group(1) for m in HCPCS.finditer(text)}
    reasons = {m.group(1) or m.group(2) for m in REASON.finditer(text)}
    modifiers = {m.group(1) or m.group(2) for m in MODIFIER.finditer(text)}
    return {
        "minutes": {str(int(m.group(1))) for m in MINUTES.finditer(text)},
        "clock_time": clock_times(text),
        "date": dates(text),
        "code": codes,
        "icd10": {m.group(1) for m in ICD10.finditer(text)},
        "reason_code": reasons,
        "modifier": modifiers,
        "dollars": {m.group(1).replace(",", "") for m in DOLLARS.finditer(text)},
        "number": {_num(m.group(1)) for m in NUMBER.finditer(text) if spans.outside(m.start())},
        "name": {m.group(1) for m in HONORIFIC.finditer(text)},
    }


def _num(raw: str) -> str:
    try:
        value = float(raw)
    except ValueError:
        return raw
    return str(int(value)) if value.is_integer() else str(value)


def vocabulary(text: str) -> set[str]:
    """Lower-cased words of a text, for the name check."""
    return set(WORD.findall(text.lower()))


def name_candidates(text: str, known_words: set[str]) -> set[str]:
    """Capitalised words that are neither in the inputs nor ordinary prose: possible invented names."""
    out = {m.group(1) for m in HONORIFIC.finditer(text) if m.group(1).lower() not in known_words}
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", text):
        for m in CAPWORD.finditer(sentence.strip()):
            word = m.group(1)
            if m.start() == 0:
                continue  # sentence-initial capitals are not evidence of a name
            parts = {p.lower() for p in re.split(r"[-']", word)}
            if parts <= known_words or parts <= _COMMON:
                continue
            out.add(word)
    return out


def merge_facts(*facts: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in facts:
        for kind, values in f.items():
            out.setdefault(kind, set()).update(values)
    return out


def new_facts(output: str, allowed: str, *, known_words: set[str] | None = None) -> dict[str, set[str]]:
    """Facts in `output` that `allowed` does not contain, by kind (empty dict when none)."""
    words = known_words if known_words is not None else vocabulary(allowed)
    return new_facts_against(output, find_facts(allowed), words)


def new_facts_against(output: str, have: dict[str, set[str]], words: set[str]) -> dict[str, set[str]]:
    """Like `new_facts`, with the allowed side's facts already found (the gate reuses them)."""
    got = find_facts(output)
    allowed_numbers = have["number"] | have["minutes"] | have["dollars"]
    out: dict[str, set[str]] = {}
    for kind, values in got.items():
        pool = allowed_numbers if kind == "number" else have[kind]
        if kind == "number":
            # Numbers already judged as minutes/dates/codes/money are reported under their own kind.
            values = values - got["minutes"] - got["dollars"] - got["code"] - got["reason_code"]
            values = {v for v in values if not _is_part_of_code(v, got)}
        extra = values - pool
        if kind == "code":
            extra -= have["reason_code"]
        if extra:
            out[kind] = extra
    names = name_candidates(output, words)
    if names:
        out["name"] = names
    return out


def _is_part_of_code(value: str, got: dict[str, set[str]]) -> bool:
    return any(value in code for code in got["code"] | got["icd10"] | got["reason_code"] | got["modifier"])
