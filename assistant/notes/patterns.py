"""Regex extractors for structured tokens: dates, billing codes with units and modifiers,
ICD-10-CM codes and clinician credentials. All patterns are linear (no nested quantifiers)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from assistant.notes.dayfirst import MONTHS, day_first
from assistant.notes.dictated import spoken_codes, spoken_icd10
from assistant.notes.lines import MAX_MENTIONS, LineIndex
from assistant.notes.scan import finditer, search, sparse_finditer
from assistant.notes.spoken import spoken_dates
from assistant.words import CODE_SHAPE, month_number
from assistant.words import MONTH_ALT as _MONTH_ALT

# a team's meeting ("IDT care plan meeting", "Conference 1030-1100"): what it records is not the training (its clock
# range, how someone attended it); a family's meeting may be the session itself
TEAM_MEETING = (
    r"(?<!family )\b(?:conference|team[ \t]+meeting|idt(?:[ \t]+(?:meeting|conference|mtg))?|huddle|team[ \t]+rounds"
    r"|care[ -]plan[ \t]+(?:meeting|mtg|conference))\b"
)

SPANISH_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_DATE = re.compile(
    r"(?=[\dJFMASONDjfmasond])(?<![\w/.-])(?:"
    r"(?P<y1>20\d\d)(?P<sep1>[-/.])(?P<m1>[01]?\d)(?P=sep1)(?P<d1>[0-3]?\d)"  # 2026-03-03, 2026/03/03
    # 5.5.26 too; the first figure up to 31: a day-first date ("24.09.2026") is read so when the note says (dayfirst)
    r"|(?P<m2>[0-3]?\d)(?P<sep>[/.-])(?P<d2>[0-3]?\d)(?P=sep)(?P<y2>(?:19|20|21|22)\d\d|\d\d)"
    # ... "Jun-25-2025": the month's name with dashes
    rf"|(?P<mon3>{_MONTH_ALT})\.?(?:\s+|-)(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+|-)(?P<y3>20\d\d)"
    rf"|(?P<d4>[0-3]?\d)[\s-](?P<mon4>{_MONTH_ALT})\.?,?[\s-](?P<y4>20\d\d)"
    # "10-Jun-25": day, month's name and a two-digit year, joined by dashes (spaced, "25" may be minutes)
    rf"|(?P<d6>[0-3]?\d)-(?P<mon6>{_MONTH_ALT})-(?P<y6>\d\d)"
    # "18 de junio de 2024": a date written in Spanish
    rf"|(?P<d5>[0-3]?\d)[ \t]+de[ \t]+(?P<mon5>{'|'.join(SPANISH_MONTHS)})[ \t]+(?:del?[ \t]+)?(?P<y5>20\d\d)"
    r")(?![\w/-])",
    re.I,
)
# where a date can start: a prefix of each alternative above (bounded, for scan.sparse_finditer)
_DATE_STARTS = (
    rf"20\d\d[-/.][01]?\d[-/.]|[0-3]?\d[/.-][0-3]?\d[/.-]|{_MONTH_ALT}\.?[\s-]|[0-3]?\d[\s-]{_MONTH_ALT}"
    r"|[0-3]?\d[ \t]+de[ \t]"
)
# a late entry or addendum: the care was "held"/"provided" on one date and the entry "written" on another
_DOS_LABEL = re.compile(
    # "Entry date:" is when a late entry was written, not the service
    r"(?:\bdos\b|date of service|service date|visit date|session date|(?<!entry )(?<!entry_)\bdate"
    r"|\b(?:held|conducted|performed|provided|took place)(?:\s+on)?"
    # an EHR summary's "Encounter ...... 10/13/2026": the encounter is the session (its dot leader below)
    r"|^\s*encounter"
    r"|\btoday(?:'s date)?(?:\s+is)?)\s*(?:\.{2,}|[:#,(-])?\s*"  # "Today, 10/14/2025, she came ..."
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$",  # "Session date: Monday 3/10/2025"
    re.I,
)
# "Claim: DOS 3/11/2025, 97550 GP x1": the claim's date, which the note's own session date outranks
_CLAIM_BEFORE = re.compile(r"\b(?:claim|billed|billing)\b[^\n]{0,20}$", re.I)
_OTHER_DATE_LABEL = re.compile(
    r"(?:\bdob\b|birth|born|onset|surgery|admit|admission|referral|signed on|consent\w*|obtained"
    # "consent for Desmond signed by pt 09/05/24": the patient's or a representative's signature, not the note's
    r"|signed\s+by\s+(?:the\s+)?(?:pt|patient|client|resident|poa|guardian|wife|husband|spouse|son|daughter)"
    # a plan of care's date: "plan of care signed 10/02/2026" (its signing, not the session)
    r"|eval(?:uation)?\s+date|poc\s+(?:date|cert)|plan\s+of\s+care"
    r"|cert(?:ification)?|\bdc\b|discharge|next|follow[- ]up|f/u|re-?eval"
    r"|since|until|through|expires?|written|entered|entry\s+date"
    # when the patient was first seen, and a fax or scan stamp: "first evaluated on", "FX RCVD", "printed"
    r"|(?:first|initially|originally)\s+(?:evaluated|assessed|seen)|rcvd|faxed|fax\s+received|printed|scanned"
    # an export's stamp, and an earlier session the note refers to: "export 11/17/2026", "Prior CTS ... #1 on 10/06"
    r"|export(?:ed)?|(?:prior|previous)\s+(?:cts|visit|session|training))"
    r"\W{0,12}(?:\w+\W+){0,4}$"
    # a goal's target date: "... transfers with 1 caregiver at SBA by 1/31/26"
    r"|\b(?:by|target(?:\s+date)?|due)\s*:?\s*$"
    # a timesheet's or log's week: "Week of 06/02/2025", "w/e 06/07/2025" (the rows say which day)
    r"|\b(?:week\s+(?:of|beginning|ending|starting)|wk\s+of|w/e)\s*:?\s*$"
    # whom a consent names, then its date: "pt signed consent for Rosalind to be trained 11/4/25" (the label window
    # is the 40 characters before the date)
    r"|\bconsent\w*\b[^.\n]{0,40}?\bto\s+be\s+trained\s*:?\s*(?:on\s+)?$"
    # how a consent was given, a few words after the word: "consent for Samira: verbal by phone 11/20/25"
    r"|\bconsent\w*\b[^.\n]{0,30}?\b(?:verbal|written|signed|given|obtained)\b"
    r"(?:\s+(?:by|via|over)\s+(?:the\s+)?(?:phone|telephone))?\s*:?\s*(?:on\s+)?$",
    re.I,
)


_DISCHARGE_VISIT = re.compile(
    r"\b(?:discharge|d/c|dc)\b[^\n]{0,40}?\b(?:visit|session|note|training)\s*[:#,(-]?\s*$", re.I
)


@dataclass(frozen=True)
class DateMention:
    value: date
    span: tuple[int, int]
    label: str  # "dos", "other" or "" (unlabelled)


# a word every match of _DOS_LABEL / _OTHER_DATE_LABEL holds (in lower case): a window without one is
# not searched (the label patterns try each alternative at every position: ~5 µs a date)
_DOS_LABEL_WORDS = ("dos", "date", "held", "conducted", "performed", "provided", "took place", "today", "encounter")
_OTHER_LABEL_WORDS = (
    "dob",
    "birth",
    "born",
    "onset",
    "surgery",
    "admi",
    "referral",
    "signed on",
    "signed by",
    "consent",
    "obtained",
    "eval",
    "poc",
    "plan",
    "week",
    "wk",
    "w/e",
    "cert",
    "dc",
    "discharge",
    "next",
    "follow",
    "f/u",
    "since",
    "until",
    "through",
    "expire",
    "written",
    "entered",
    "entry",
    "first",
    "initially",
    "originally",
    "rcvd",
    "fax",
    "printed",
    "scanned",
    "export",
    "prior",
    "previous",
    "by",
    "target",
    "due",
)


# a question-and-answer form's row: "Q  Patient / DOB?        A  Gunnar Halvorsen-Obi, 07/30/1950". The padding
# between the question and its answer puts the question outside the label window; the question is the label.
_QA_ROW = re.compile(r"^[ \t]*Q\b[.:)]?[ \t]+(?P<q>[^?\n]{1,60})\?[ \t]+A\b[.:)]?[ \t]+(?P<a>[^\n]*)$")
# how far before a date a question-and-answer row's question is looked for (bounded: linear in the note)
_QA_REACH = 160


def _line_before(text: str, start: int) -> str:
    """The words before the date on its line that can label it: the 40 characters before it, or in a question-and-
    answer row the question and the answer's words before the date ("Date of service: ")."""
    wide = text[max(0, start - _QA_REACH) : start]
    line_start = wide.rfind("\n")
    wide = wide[line_start + 1 :]
    # a row cut by the reach is not read from its middle
    row = _QA_ROW.match(wide) if "?" in wide and (line_start >= 0 or start <= _QA_REACH) else None
    if row is not None:
        return f"{row['q'].strip()}: {row['a']}"[-40:]
    before = text[max(0, start - 40) : start]
    return before[before.rfind("\n") + 1 :]


def _label(text: str, start: int) -> str:
    line_before = _line_before(text, start)
    # beyond ASCII, ignore-case matching is not lower-casing ("K", the Kelvin sign, is a "k" to `re`)
    lowered = line_before.lower() if line_before.isascii() else None
    if (lowered is None or any(w in lowered for w in _DOS_LABEL_WORDS)) and _DOS_LABEL.search(line_before):
        return "" if (lowered is None or "bill" in lowered or "claim" in lowered) and _CLAIM_BEFORE.search(
            line_before
        ) else "dos"
    if lowered is not None and not any(w in lowered for w in _OTHER_LABEL_WORDS):
        return ""
    if not _OTHER_DATE_LABEL.search(line_before):
        return ""
    # "PT DISCHARGE / final caregiver visit 12/01/2025": the date of the discharge visit itself, not a discharge date
    return "" if _DISCHARGE_VISIT.search(line_before) else "other"


def _numeric_date(first: int, second: int, year: int, swap: bool) -> date:
    """A numeric date in the note's order; a date that only the other order makes a calendar day is read that way
    ("Date 27.03.2025" or "Date: 14/08/2024" in a note that also types "3/13/2025"): the note's habit decides only
    the dates that can be read both ways."""
    year = year + 2000 if year < 100 else year
    month, day = (second, first) if swap else (first, second)
    if month > MONTHS >= day:
        month, day = day, month
    return date(year, month, day)


def find_dates(text: str) -> list[DateMention]:
    out: list[DateMention] = [DateMention(d, (a, b), _label(text, a)) for d, a, b in spoken_dates(text)]
    found = list(islice(sparse_finditer(_DATE, text, _DATE_STARTS), MAX_MENTIONS))
    numeric = [(int(m["m2"]), int(m["d2"]), int(m["y2"]), m.end()) for m in found if m["y2"]]
    spelled = [(_spelled(m), m.start()) for m in found if m["y3"] or m["y4"]]
    swap = bool(numeric) and day_first(numeric, [(d, at) for d, at in spelled if d is not None])
    for m in found:
        try:
            if m["y1"]:
                value = date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
            elif m["y2"]:
                value = _numeric_date(int(m["m2"]), int(m["d2"]), int(m["y2"]), swap)
            elif m["y3"]:
                value = date(int(m["y3"]), month_number(m["mon3"]) or 0, int(m["d3"]))
            elif m["y5"]:
                value = date(int(m["y5"]), SPANISH_MONTHS[m["mon5"].lower()], int(m["d5"]))
            elif m["y6"]:
                value = date(2000 + int(m["y6"]), month_number(m["mon6"]) or 0, int(m["d6"]))
            else:
                value = date(int(m["y4"]), month_number(m["mon4"]) or 0, int(m["d4"]))
        except (ValueError, KeyError):
            continue
        label = _label(text, m.start())
        if label == "dos" and _mail_header_date(text, m.start()):
            label = "other"
        out.append(DateMention(value, (m.start(), m.end()), label))
    return sorted(out, key=lambda d: d.span)


# an e-mail's header lines: "From: ...", "To: ...", "Sent: ..." (a record's "subject:" names the patient: a FHIR
# Composition's "date:" beside it is the note's)
_MAIL_HEADER = re.compile(r"^[ \t>]*(?:from|to|sent|cc)[ \t]*:", re.I | re.M)
_MAIL_DATE_LINE = re.compile(r"[ \t>]*date[ \t]*:[ \t]*$", re.I)
MAIL_HEADER_REACH = 240  # the few header lines around the "Date:" line


def _mail_header_date(text: str, start: int) -> bool:
    """ "Date: 10/03/2025 9:14 AM" among an e-mail's From/To/Subject lines: when the message was sent, not the
    session's date."""
    line_start = text.rfind("\n", max(0, start - 40), start) + 1  # the label is right before the date
    if not _MAIL_DATE_LINE.fullmatch(text, line_start, start):
        return False
    return _MAIL_HEADER.search(text, max(0, line_start - MAIL_HEADER_REACH), line_start + MAIL_HEADER_REACH) is not None


_LABELLED_NUMERIC_DOS = re.compile(
    r"\b(?:DOS|date of service|service date)\W{0,3}"
    r"(?P<date>(?P<m>\d{1,2})[/.-](?P<d>\d{1,2})[/.-](?P<y>\d{4}|\d{2}))\b",
    re.I,
)


def impossible_dos(text: str) -> re.Match[str] | None:
    """A date of service written after its label that is no calendar day ("DOS: 02/30/2025"), or None. Its date is
    unknown, so no fee period can be chosen for it either."""
    m = _LABELLED_NUMERIC_DOS.search(text)
    if m is None:
        return None
    year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    try:
        date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        return m
    return None


def _spelled(m: re.Match[str]) -> date | None:
    """A date written with its month's name ("October 8, 2026", "8 October 2026"), or None when it is no date."""
    try:
        if m["y3"]:
            return date(int(m["y3"]), month_number(m["mon3"]) or 0, int(m["d3"]))
        return date(int(m["y4"]), month_number(m["mon4"]) or 0, int(m["d4"]))
    except ValueError:
        return None


# --- billing codes ----------------------------------------------------------------------------
CTS_CODES = frozenset({"97550", "97551", "97552", "G0541", "G0542", "G0543"})
# Any well-formed CPT/HCPCS code counts when it is written as a claim line (units or a modifier follow,
# or "CPT" comes before); codes the knowledge base knows count wherever they are written.
_CLAIM_CUE_AFTER = re.compile(
    r"^\s*(?:[-–(:]\s*)?(?:[xX×*]\s?\d|\d{1,2}\s?units?\b|units?\b|-?\s?(?:GP|GO|GN|CQ|CO|KX|59)\b)"
)
_CLAIM_CUE_BEFORE = re.compile(r"\b(?:CPT|HCPCS|code|billed|bill)\s*#?:?\s*$", re.I)
_UNITS = re.compile(
    r"^\s*(?:[-–(]\s*)?(?:[xX×*]\s?(?P<a>\d{1,2})\b|(?P<b>\d{1,2})\s?units?\b|units?\s?[:=]?\s?(?P<c>\d{1,2})\b)"
)
# "97550 GO CO x1": units after the modifiers
_UNITS_AFTER_MODIFIERS = re.compile(
    r"^(?:\s*(?:-\s*)?(?:GP|GO|GN|CQ|CO|KX|XE|XS|XP|XU|59|95))+\s*(?:[xX×*]\s?(?P<a>\d{1,2})\b"
    r"|(?P<b>\d{1,2})\s?units?\b|units?\s?[:=]?\s?(?P<c>\d{1,2})\b)"
)
# "97551 x999999999", "G0539 x-3", "97550 x0": a unit count no claim line can carry (1 to 99). Read as written, so
# the units check quotes it instead of taking the line for one unit (hostile12 #9).
_IMPOSSIBLE_UNITS = re.compile(r"^\s*(?:[-–(]\s*)?[xX×*]\s?(?P<n>[-–]\s?\d+|\d{3,}|0+)(?!\d)")
MODIFIER_RE = re.compile(r"(?<![\w])(?:-\s?)?(?P<mod>GP|GO|GN|CQ|CO|KX|XE|XS|XP|XU|GA|GY|GZ|59|95|93)(?![\w])")
_NEGATED_CODE = re.compile(
    r"(?:\bnot\b|\bno\b|\binstead of\b|\brather than\b|\bdo not bill\b|\bnot billed\b"
    r"|\bnot appropriate\b)[^.\n]{0,30}$",
    re.I,
)

# "97550 not billed today", "97551 (not billed - time does not support)", "97551 -- held": the code named to say it
# is not on the claim
_NEGATED_AFTER = re.compile(
    r"^[\s(–—-]{0,4}(?:(?:was|is|were)\s+)?(?:not\s+(?:billed|charged|coded|claimed|submitted)|held|withheld"
    r"|omitted)\b",
    re.I,
)


# One token shape for every CPT/HCPCS code (starts with a digit or a capital: fast to scan); whether
# a token is a code the knowledge base knows is a set lookup, not a 40-way alternation.
_CODE_SHAPE = CODE_SHAPE
# "97550x1/97551x1 GP": units written onto each code, the lines joined by a slash ("(97550/97551)" in a form's
# title names the codes it covers, not a billed line)
_CODE_TOKEN = re.compile(r"(?:(?<![\w.$#/:-])|(?<=[xX×]\d/))" + _CODE_SHAPE + r"(?![.:/]|(?![xX×]\d)\w)")
_ALWAYS_KNOWN = CTS_CODES | {"G0539", "G0540", "96202", "96203"}


@dataclass
class CodeMention:
    code: str
    units: int | None
    modifiers: list[str]
    span: tuple[int, int]
    line: int
    negated: bool = False
    modifier_spans: list[tuple[int, int]] = field(default_factory=list)
    units_written: str = ""  # a unit count no line can carry, as written ("x999999999"); `units` is then None


def find_codes(text: str, known: frozenset[str] = frozenset(), lines: LineIndex | None = None) -> list[CodeMention]:
    """Codes with the units and modifiers written after them, up to the next code on the line.

    When only the last code on a line carries modifiers ("97550 x1, 97551 x2 GP") they apply
    to every code on that line, as billers write them.
    """
    lines = lines or LineIndex(text)
    known = known | _ALWAYS_KNOWN
    found = (m for m in sparse_finditer(_CODE_TOKEN, text, _CODE_SHAPE) if m.group(0) in known or _claim_line(text, m))
    matches = list(islice(found, MAX_MENTIONS))
    out: list[CodeMention] = []
    for i, m in enumerate(matches):
        line_no = lines.number(m.start())
        line_end = lines.line_span(line_no)[1]
        stop = min(line_end, matches[i + 1].start() if i + 1 < len(matches) else line_end, m.end() + 40)
        tail = text[m.end() : stop]
        unit_match = _UNITS.match(tail) or _UNITS_AFTER_MODIFIERS.match(tail)
        units = int(unit_match["a"] or unit_match["b"] or unit_match["c"]) if unit_match else None
        impossible = None if unit_match else _IMPOSSIBLE_UNITS.match(tail)
        mods, mod_spans = [], []
        for mm in MODIFIER_RE.finditer(tail):
            if mm["mod"] not in mods:
                mods.append(mm["mod"])
                mod_spans.append((m.end() + mm.start("mod"), m.end() + mm.end("mod")))
        negated = bool(_NEGATED_CODE.search(lines.before(m.start(), 45)) or _NEGATED_AFTER.match(tail))
        out.append(CodeMention(m.group(0), units, mods, (m.start(), m.end()), line_no, negated, mod_spans,
                               _written(impossible["n"]) if impossible else ""))
    if search(_SPOKEN_CODE_GATE, text):  # "ninety seven five fifty, one unit": a dictated billing line
        out += [
            CodeMention(s.code, s.units, list(s.modifiers), s.span, lines.number(s.span[0]), False,
                        list(s.modifier_spans))
            for s in spoken_codes(text, known)
            if not _NEGATED_CODE.search(lines.before(s.span[0], 45))
        ]
        out.sort(key=lambda x: x.span)
    by_line: dict[int, list[CodeMention]] = {}
    for mention in out:
        by_line.setdefault(mention.line, []).append(mention)
    for mentions in by_line.values():
        if len(mentions) > 1 and mentions[-1].modifiers and not any(x.modifiers for x in mentions[:-1]):
            for x in mentions[:-1]:
                x.modifiers = list(mentions[-1].modifiers)
    return out


def _written(count: str) -> str:
    """An impossible unit count as the note writes it, cut short when it is long."""
    count = "-" + count[1:].strip() if count[0] in "-–" else count
    return "x" + (count if len(count) <= 12 else count[:12] + "…")


# every dictated CPT/HCPCS code says one of these words ("ninety seven ...", "G zero five ...", "G oh five ...")
_SPOKEN_CODE_GATE = re.compile(r"\b(?:ninety|nine|zero|oh)\b", re.I)
# every dictated ICD-10-CM code with a decimal part says "point" or "dot"
# ... or a letter said right after the diagnosis cue: "diagnosis g twenty"
# ... "diagnoses colon G twenty": the label's colon said as a word
_SPOKEN_ICD_GATE = re.compile(r"\b(?:point|dot)\b|\b(?:diagnos[ie]s|dx)\s+(?:colon\s+)?[a-z]\s", re.I)


def _claim_line(text: str, m: re.Match[str]) -> bool:
    return bool(
        _CLAIM_CUE_AFTER.match(text, m.end(), m.end() + 12)
        or _CLAIM_CUE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
    )


# --- ICD-10-CM --------------------------------------------------------------------------------
# A code may end a sentence ("Dx: R26.8."), so a full stop not followed by a word character is allowed.
# The letter comes first and the "not after a word" test looks back past it: a pattern that starts with
# a character class is scanned for that class in C, several times faster than a leading lookaround.
_ICD_SHAPE = r"[A-TV-Z]\d[0-9AB]"  # how every code below starts
_ICD_DOTTED = re.compile(r"(?P<code>[A-TV-Z](?<![\w.].)\d[0-9AB]\.[0-9A-Z]{1,4})(?!\w|\.\w)")
_ICD_BARE = re.compile(r"(?P<code>[A-TV-Z](?<![\w.].)\d[0-9AB])(?!\w|\.\w)")
# ... and a problem list's numbered problems ("Problem 1. Parkinson's disease -- G20"), which name diagnoses
_DX_CONTEXT = re.compile(r"\b(?:dx|icd|icd-10|icd10|diagnos\w*|codes?|problem[ \t]*#?[ \t]*\d+|problem list)\b", re.I)
# "Medicare B (CGS J15)", "Palmetto JM", "jurisdiction J15": a Medicare contractor's jurisdiction, not a diagnosis
_JURISDICTION_BEFORE = re.compile(
    r"\b(?:CGS|NGS|WPS|Noridian|Novitas|Palmetto(?:\s+GBA)?|First\s+Coast|FCSO|MAC|A/B\s+MAC|jurisdiction|juris\.?)"
    r"\s*[:#(-]?\s*$",
    re.I,
)


# a note typed all in lower case: "dx g35", "dx: g35 ; r53.83" -- a lower-case code only right after a diagnosis
# label (elsewhere "a10", "c12" are no codes), and only one the code set knows
_LOWER_ICD_ONE = r"[a-tv-z]\d[0-9ab](?:\.[0-9a-z]{1,4})?(?![\w.]\w|\w)"
_LOWER_ICD_LIST = re.compile(
    r"\b(?i:dx|icd-?10(?:-cm)?|diagnos[ie]s)\b[ \t]{0,3}[:#-]?[ \t]{0,3}"
    rf"(?P<codes>{_LOWER_ICD_ONE}(?:[ \t]{{0,3}}[,;/&][ \t]{{0,3}}{_LOWER_ICD_ONE}){{0,5}})"
)
_LOWER_ICD = re.compile(_LOWER_ICD_ONE)
# the thoracic levels written like a three-character code (ICD-10-CM has no T10-T12 category): "T10 paraplegia"
_SPINAL_LEVELS = frozenset({"T10", "T11", "T12"})


@dataclass(frozen=True)
class IcdMention:
    code: str
    span: tuple[int, int]


def find_icd10(
    text: str, is_code: Callable[[str], bool] = lambda _: False, lines: LineIndex | None = None
) -> list[IcdMention]:
    """Dotted codes anywhere; bare three-character codes on a diagnosis line, or in parentheses
    when `is_code` knows them ("Parkinson's disease, G20"); "T10 paraplegia" is a spinal level."""
    dotted = sparse_finditer(_ICD_DOTTED, text, _ICD_SHAPE + r"\.")
    out = [IcdMention(m["code"], (m.start(), m.end())) for m in islice(dotted, MAX_MENTIONS)]
    lines = lines or LineIndex(text)
    for m in islice(sparse_finditer(_ICD_BARE, text, _ICD_SHAPE), MAX_MENTIONS):
        line_start, line_end = lines.bounds(m.start(), m.end())
        line = text[line_start:line_end]
        bracketed = text.rfind("(", line_start, m.start()) > text.rfind(")", line_start, m.start())
        if _JURISDICTION_BEFORE.search(text, max(line_start, m.start() - 24), m.start()):
            continue
        if m["code"] in _SPINAL_LEVELS:
            continue  # "(T10 complete SCI)   Dx: G82.20": a spinal level on a diagnosis line, never a category
        if _DX_CONTEXT.search(line) or (bracketed and is_code(m["code"])):
            out.append(IcdMention(m["code"], (m.start(), m.end())))
    out += _lower_case_codes(text, is_code)
    if search(_SPOKEN_ICD_GATE, text):  # "G three five point A": a dictated diagnosis code
        out += [IcdMention(code, span) for code, span in spoken_icd10(text)]
    # a code remarked on beside its own replacement: "G20.A1 (updated -- G20 no longer billable)"; a code remarked on
    # alone ("Dx: G35 (no longer billable) -- asked the MD") is still the one listed
    categories = Counter(m.code[:3] for m in out)
    out = [m for m in out if not (categories[m.code[:3]] > 1 and _remark_on_code(text, m.span))]
    out.sort(key=lambda x: x.span)
    return out


# a remark about a code: "(updated 2/11 -- G20 no longer billable)", "G35.A, not G35", "replaces G20"
_REMARK_AFTER = re.compile(
    r"[ \t]*(?:(?:is|was)[ \t]+)?(?:(?:no[ \t]+longer|not)[ \t]+(?:billable|valid|used|accepted|payable)|retired"
    r"|deleted|invalid|non-?billable|(?:was[ \t]+)?replaced\b|(?:is[ \t]+)?a[ \t]+header)",
    re.I,
)
_REMARK_BEFORE = re.compile(
    r"\b(?:not|instead[ \t]+of|replaces|replacing|replaced|formerly|old[ \t]+code|previously(?:[ \t]+coded)?)[ \t]*$",
    re.I,
)


def _remark_on_code(text: str, span: tuple[int, int]) -> bool:
    a, b = span
    return bool(_REMARK_AFTER.match(text, b) or _REMARK_BEFORE.search(text, max(0, a - 24), a))


def _lower_case_codes(text: str, is_code: Callable[[str], bool]) -> list[IcdMention]:
    """Lower-case codes listed right after a diagnosis label that the code set knows ("dx g35")."""
    out: list[IcdMention] = []
    for m in islice(sparse_finditer(_LOWER_ICD_LIST, text, r"(?i:dx|icd|diagnos)"), MAX_MENTIONS):
        for c in _LOWER_ICD.finditer(text, m.start("codes"), m.end("codes")):
            code = c.group(0).upper()
            if is_code(code):
                out.append(IcdMention(code, c.span()))
    return out


# --- credentials ------------------------------------------------------------------------------
CREDENTIALS: dict[str, str] = {
    "DPT": "PT",
    "PT": "PT",
    "MPT": "PT",
    "MSPT": "PT",
    "PTA": "PTA",
    "LPTA": "PTA",
    "OTR/L": "OT",
    "OTR": "OT",
    "OT": "OT",
    "OTD": "OT",
    "OT/L": "OT",
    "MOT": "OT",
    "OTA": "OTA",
    "OTA/L": "OTA",  # licensed OTA, as some states write it
    "COTA": "OTA",
    "COTA/L": "OTA",
    "CCC-SLP": "SLP",
    "SLP": "SLP",
    "SLP-CCC": "SLP",
    "MS-CCC-SLP": "SLP",
    "CF-SLP": "SLP",
    "SLPA": "SLPA",
    "SLP-A": "SLPA",
    "SLP ASSISTANT": "SLPA",
    "MD": "PHYSICIAN",
    "DO": "PHYSICIAN",
    "NP": "NPP",
    "PMHNP": "NPP",  # psychiatric-mental health NP
    "PMHNP-BC": "NPP",
    "CNM": "NPP",
    "PsyD": "NPP",  # clinical psychologists are NPPs who may bill CTS (facts §1.2)
    "FNP": "NPP",
    "FNP-C": "NPP",
    "FNP-BC": "NPP",
    "AGNP": "NPP",
    "AGNP-C": "NPP",
    "AGPCNP-BC": "NPP",
    "ANP": "NPP",
    "ANP-BC": "NPP",
    "GNP": "NPP",
    "GNP-BC": "NPP",
    "ACNP": "NPP",
    "ACNP-BC": "NPP",
    "AGACNP": "NPP",
    "AGACNP-BC": "NPP",
    "PNP": "NPP",
    "CPNP": "NPP",
    "CPNP-PC": "NPP",
    "WHNP": "NPP",
    "WHNP-BC": "NPP",
    "NP-C": "NPP",
    "NP-BC": "NPP",
    "APRN-BC": "NPP",
    "CRNP": "NPP",
    "DNP": "NPP",
    "APRN": "NPP",
    "PA-C": "NPP",
    "PA": "NPP",
    "CNS": "NPP",
}
# a therapy student's credential names the discipline of the service, not a clinician who may furnish it
# ("Shira Feldman-Oduya, SPT"; "Student: Keanu Kalani-Brooks, OTS")
STUDENT_CREDENTIALS: dict[str, str] = {"SPT": "PT", "SPTA": "PT", "OTS": "OT", "OTAS": "OT", "SLP-S": "SLP"}
_STUDENT = re.compile(r"(?<![\w/-])(?P<cred>SPTA|SPT|OTAS|OTS|SLP-S)(?![\w/-])")


def student_discipline(text: str) -> str | None:
    """The discipline a therapy student's credential names, when the note gives one."""
    m = _STUDENT.search(text)
    return STUDENT_CREDENTIALS[m["cred"]] if m else None


_CRED_ALT = "|".join(re.escape(c) for c in sorted(CREDENTIALS, key=len, reverse=True))
# "Jane Doe, PT, DPT" / "J. Doe PTA" / "Therapist: Ann Lee, OTR/L" / "signed: ... SLPA"
_CREDENTIAL = re.compile(rf"(?=[A-Z])(?<![\w/-])(?P<cred>{_CRED_ALT})(?![\w/-])")  # lookahead: fail fast
# A name before a credential: "Jane Smith, PT" / "J. Doe PTA"; an all-caps name needs the comma
# ("J. PELLETIER, OTR/L"), since in an all-caps note "PT" is usually the patient.
_DEGREES = r"MSN|BSN|RN|MPH|"
_DEGREES += r"M\.?A\.?|M\.?S\.?|M\.?Ed\.?|Ph\.?D\.?|B\.?S\.?|B\.?A\.?|MHS|MSOT|CSCS|ATC|CLT|CHT|CBIS|NCS|OCS|GCS|PCS"
_CRED_TAIL = r"\s*(?:(?:" + _CRED_ALT + "|" + _DEGREES + r")\s*[,/]?\s*){0,3}$"
# Name parts are separated by whitespace or follow an initial's full stop: with an optional
# separator, "AbAbAb..." could be split into parts in exponentially many ways (backtracking).
# Letters beyond ASCII count inside a name ("Engström", "Calderón-Adjei", "Sæther"), and so do the lower-case
# particles of a surname ("Mac an tSaoir", "van der Berg", "de la Cruz"): a particle is its own part but, like an
# particle, it names no one on its own ("referred to an OT"), so it neither opens a name nor ends one.
# ... and an elided particle opens a surname: "O'Donoghue", "D'Angelo", "N’Diaye"
_NAME_FIRST = r"(?:[A-Z][^\W\d_A-Z](?:[^\W\d_]|['-])*\.?|[A-Z]\.|[A-Z]['’][A-Z][^\W\d_]+)"
_NAME_PART = (
    r"(?:[A-Z][^\W\d_A-Z](?:[^\W\d_]|['-])*\.?|[A-Z]\.|[A-Z]['’][A-Z](?:[^\W\d_]|['-])*|[thn][A-Z][^\W\d_A-Z]+"
    r"|(?:an|van|von|der|den|de|da|del|della|di|du|le|la|bin|ibn|al|el|ter|ten|y|dos|das)(?=\s+[A-Za-z]))"
)
# ... the credential in brackets after the name: "Annika Ströbel-Hart (OTR/L) 2:07 PM" (a chat's display name)
_NAME_BEFORE = re.compile(
    r"(?<![^\W\d_]|['])" + _NAME_FIRST + rf"(?:\s+{_NAME_PART}|(?<=\.){_NAME_PART}){{0,3}},?(?:[ \t]*\()?"
    + _CRED_TAIL
    + r"|(?<![A-Z'.-])[A-Z][A-Z'-]+\.?(?:\s+[A-Z][A-Z'-]+\.?){0,3},"
    + _CRED_TAIL
)
_ROLE_LABEL = re.compile(
    r"(?i:therapist|provider|clinician|signed|signature|by|rendering|treating|furnished by|performed by"
    # an export's field: '<leader credentials="PT, CLT">' read as "leader credentials: PT, CLT;"
    r"|sig|credentials?)\s*[:\-]?\s*"
    rf"(?:{_NAME_FIRST}(?:\s+{_NAME_PART}|(?<=\.){_NAME_PART}){{0,3}})?,?\s*$"
    # dictation writes the name as spoken, in lower case: "dictated by kevin marsh PT"
    r"|(?i:dictated\s+by|signed\s+by|electronically\s+signed\s+by)\s+(?:[a-z][a-z'-]+\s+){1,3}$"
)
_ROLE_WORDS_BODY = (
    r"\b(?P<role>physical therapist assistant|physical therapy assistant|occupational therapy assistant"
    r"|occupational therapist assistant|"
    r"speech[- ]language pathology assistant|speech[- ]language pathologist assistant|slp assistant|"
    r"physical therapist|occupational therapist|speech[- ]language pathologist|speech therapist"
    r"|(?:licensed\s+)?clinical psychologist|licensed psychologist|(?:psychiatric\s+)?nurse practitioner"
    # the degree spelled out, as dictated: "this is doctor of physical therapy Jane Roe"
    r"|doctor of physical therapy|doctor of occupational therapy)\b"
)
_ROLE_WORDS = re.compile(r"(?=[PpOoSsLlCcNnDd])" + _ROLE_WORDS_BODY, re.I)
_ROLE_MAP = {
    "physical therapist assistant": "PTA",
    "physical therapy assistant": "PTA",
    "occupational therapy assistant": "OTA",
    "occupational therapist assistant": "OTA",
    "physical therapist": "PT",
    "occupational therapist": "OT",
    "speech therapist": "SLP",
    "doctor of physical therapy": "PT",
    "doctor of occupational therapy": "OT",
}
_NPP_ROLE_WORDS = ("psychologist", "nurse practitioner")  # facts §1.2: NPPs who may bill CTS


# Credentials dictated letter by letter or typed in lower case ("o t r slash l", "o t r l", "p t d p t", "m s ccc slp",
# "dpt"): counted after a signature cue or as the last words of their line, since "pt" alone is the patient.
_L = r"(?:\.[ ]?|[ ])"  # between spelled letters
_SPELLED = re.compile(
    rf"(?<![\w./-])(?P<cred>d{_L}p{_L}t|c{_L}o{_L}t{_L}a|o{_L}t{_L}a|o{_L}t{_L}r(?:{_L}?(?:slash |/ ?)l|{_L}l)?"
    rf"|o{_L}t{_L}d|s{_L}l{_L}p{_L}a|(?:c{_L}c{_L}c|ccc)[ -](?:s{_L}l{_L}p|slp)|s{_L}l{_L}p|p{_L}t{_L}a"
    rf"|o{_L}t|p{_L}t|dpt|otr/l|otr|cota|ccc-slp|slpa)\.?(?![\w/-])",
    re.I,
)
# where a spelled credential can start: the first two letters of each alternative above (bounded, for
# scan.sparse_finditer; the lookbehind is a \b there, as the first character is a letter)
_SPELLED_STARTS = rf"\b(?:d{_L}p|c{_L}o|o{_L}t|s{_L}l|c{_L}c|p{_L}t|dpt|otr|cota|ccc|slpa)"
_SIGNATURE_CUE = re.compile(
    r"\b(?:signed|signature|dictated by|dictating|this is|cosign\w*|therapist|provider|by)\b[^\n]{0,50}$", re.I
)
# ... or the last words of a dictated sentence ("Jane Doe O T R slash L period.")
_LINE_END = re.compile(r"[ \t.,;]*(?:dictating\b|end of dictation|period\b|$)", re.I | re.M)
_SPELLED_ROLE = {"dpt": "PT", "pt": "PT", "pta": "PTA", "cota": "OTA", "ota": "OTA", "slpa": "SLPA", "slp": "SLP"}


def _spelled_role(cred: str) -> str:
    letters = re.sub(r"[^a-z]", "", cred.lower()).replace("slash", "")
    if letters.startswith("ccc"):
        return "SLP"
    return _SPELLED_ROLE.get(letters, "OT" if letters.startswith("ot") else "PT")


@dataclass(frozen=True)
class CredentialMention:
    role: str  # PT, PTA, OT, OTA, SLP, SLPA, PHYSICIAN, NPP
    span: tuple[int, int]
    text: str


_AMBIGUOUS_CREDENTIALS = frozenset({"PA", "DO", "PT", "OT", "CNS", "NP"})
_CONSENT_BY = re.compile(r"\bconsent\b[^\n]{0,40}\b(?:signed|given|obtained|provided|granted)\s+by\s*$", re.I)


def find_credentials(text: str) -> list[CredentialMention]:
    out: list[CredentialMention] = []
    for m in islice(sparse_finditer(_CREDENTIAL, text, _CRED_ALT), MAX_MENTIONS):
        cred = m["cred"]
        before = text[max(0, m.start() - 60) : m.start()]
        line_before = before[before.rfind("\n") + 1 :]
        named = bool(_NAME_BEFORE.search(line_before) or _ROLE_LABEL.search(line_before))
        if not named and (cred in _AMBIGUOUS_CREDENTIALS or line_before.strip() not in ("", "-", "—")):
            continue  # "PT" is also the patient abbreviation; "DO"/"PA" are English words and states
        if cred in _AMBIGUOUS_CREDENTIALS and _CONSENT_BY.search(line_before):
            continue  # "CONSENT SIGNED BY PT 12/03": the patient gives consent, the therapist does not
        out.append(CredentialMention(CREDENTIALS[cred], (m.start(), m.end()), cred))
    for m in islice(sparse_finditer(_SPELLED, text, _SPELLED_STARTS), MAX_MENTIONS):
        if m["cred"].isupper() and " " not in m["cred"] and "." not in m["cred"]:
            continue  # "DPT", "OTR/L": read above, with their own rules
        line_before = text[max(0, m.start() - 60) : m.start()].rsplit("\n", 1)[-1]
        # "Jane Doe O T R slash L period": right after a clinician's name, as a typed credential is
        if _SIGNATURE_CUE.search(line_before) or _LINE_END.match(text, m.end()) or _NAME_BEFORE.search(line_before):
            out.append(CredentialMention(_spelled_role(m["cred"]), (m.start(), m.end()), m["cred"]))
    for m in finditer(_ROLE_WORDS, text, _ROLE_WORDS_BODY):
        phrase = m["role"].lower().replace("-", " ")
        role = (
            "SLPA"
            if "assistant" in phrase and ("speech" in phrase or "slp" in phrase)
            else "NPP"
            if phrase.endswith(_NPP_ROLE_WORDS)
            else _ROLE_MAP.get(phrase.replace("speech language", "speech-language"), "SLP")
        )
        out.append(CredentialMention(role, (m.start(), m.end()), m["role"]))
    out.sort(key=lambda c: c.span)
    return out
