"""Extract facts with character spans from a CTS note (pure: text in, facts out).

`extract(text)` first screens out what is not documentation (instructions to a tool, empty
template fields, form and guideline text: assistant.notes.screen), then reads the rest. It
returns an `Extraction`: the structured findings the checks use, and a flat `facts` list
(kind, value, span, negated) that the drafting gate compares between a draft and its rewrite.
Offsets always point into the submitted text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from assistant.models import Fact, Span
from assistant.notes.group import Group, find_group
from assistant.notes.icd import codeset
from assistant.notes.lines import RADIUS, LineIndex, join_hyphenated, join_hyphenated_capitals
from assistant.notes.nlp import Concept, concepts
from assistant.notes.patterns import (
    CodeMention,
    CredentialMention,
    DateMention,
    IcdMention,
    find_codes,
    find_credentials,
    find_dates,
    find_icd10,
)
from assistant.notes.scan import may_contain, spans
from assistant.notes.screen import Screened, blank, screen
from assistant.notes.services import ServiceLines
from assistant.notes.times import Duration, Segment, TimeParse, parse_times
from assistant.notes.timing import TimeAccount, account

NO_WRITTEN_REACH = 120
_NO_WRITTEN = re.compile(
    r"\b(?:no|not|never|without|unsigned)\b[^.;]{0,20}\b(?:form|written|signed|signature)|\bnot\s+(?:yet\s+)?signed\b"
    r"|\bnothing\s+(?:was\s+|has\s+been\s+|is\s+)?(?:signed|in writing)\b"  # "verbal by phone, nothing signed yet"
    # the signed form still to come: "we only have her verbal OK so far -- please bring the signed form next week"
    r"|\b(?:bring|return|send|mail|drop\s+off)\s+(?:in\s+|back\s+)?the\s+signed\b"
    r"|\bonly\s+(?:have|has|got)\s+(?:her|his|their|the\s+(?:pt|patient)'s)\s+verbal\b",
    re.I,
)
# consent spoken, not signed: "told us over the phone that it was fine for you to be trained", "said yes by phone"
_VERBAL = re.compile(
    r"\b(?:verbal(?:ly)?|orally|oral|(?:over|by) (?:the )?(?:tele)?phone|(?:told|said to) (?:us|me|the therapist)"
    r"|said (?:yes|it was (?:ok|okay|fine)))\b",
    re.I,
)
_VERBAL_WORDS = "verbal|oral|phone|told|said"  # in every match of _VERBAL
_WRITTEN_WORDS = r"written|signed|signature|in writing|on file|e-?signed"  # in every match of _WRITTEN
_WRITTEN = re.compile(r"\b(?:written|signed|signature|in writing|form on file|on file|e-?signed)\b", re.I)
# a hard-wrapped line ("pt not\npresent, gone home"): the phrase goes on, so phrases and NegEx read it as one
# ... but a line that opens with a label ("consent: written") is a new field, not the wrapped phrase
# (the line break first: a pattern that starts with a literal is scanned for it in C, ~20x faster)
# a flowsheet's field name "Consent_Signed_By", "Return_Demo_Detail": its words are words (same length)
_FIELD_JOIN = re.compile(r"(?<=[A-Za-z])_(?=[A-Za-z])")
# ... and after a negation written in capitals: "pt NOT\npresent (in waiting room)"
_WRAPPED = re.compile(r"\n(?:(?<=[a-z,]\n)|(?<=\bNOT\n)|(?<=\bNO\n))(?=[a-z])(?![a-z][\w /-]{0,24}:)")
# a plan or advice, not a service given: "next visit 97530", "(If yes, consider patient-present code)"
_FUTURE = re.compile(
    r"\b(?:continue|plan|next|will|future|upcoming|scheduled|recommend\w*|consider|if (?:yes|so))\b", re.I
)
# "I previously saw her with him ... for patient-present visits": a service of an earlier visit, not the same day
_EARLIER_VISIT = re.compile(
    r"\b(?:previously|yesterday|prior (?:visits?|sessions?|appointments?)"
    r"|(?:last|previous) (?:visits?|sessions?|week|month))\b",
    re.I,
)


@dataclass
class Extraction:
    text: str  # the note with non-documentation blanked out (same length as `original`)
    concepts: list[Concept]
    dates: list[DateMention]
    codes: list[CodeMention]
    icd10: list[IcdMention]
    credentials: list[CredentialMention]
    times: TimeParse
    lines: LineIndex
    service: ServiceLines
    original: str = ""
    screened: list[Screened] = field(default_factory=list)
    time: TimeAccount = field(default_factory=TimeAccount)
    other_service_spans: list[tuple[int, int]] = field(default_factory=list)
    group: Group = field(default_factory=Group)
    _by_label: dict[str, list[Concept]] | None = field(default=None, repr=False)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)  # derived once, asked by several checks

    def of(self, label: str, *, negated: bool | None = None) -> list[Concept]:
        if self._by_label is None:  # the checks ask ~20 times per note; index once
            self._by_label = {}
            for c in self.concepts:
                self._by_label.setdefault(c.label, []).append(c)
        found = self._by_label.get(label, [])
        return list(found) if negated is None else [c for c in found if c.negated == negated]

    def may_contain(self, necessary: str) -> bool:
        """scan.may_contain for this note, asked once: checks test it before searching sentence by sentence."""
        key = "may_contain " + necessary
        if key not in self.memo:
            self.memo[key] = may_contain(necessary, self.text)
        return bool(self.memo[key])

    def quote(self, start: int, end: int) -> str:
        """The submitted words at [start, end) (screened stretches included: evidence quotes the note as written)."""
        return (self.original or self.text)[start:end]

    def span(self, start: int, end: int) -> Span:
        # validated: pydantic-core checks three fields faster than `model_construct` fills them in Python
        return Span(start=start, end=end, quote=self.quote(start, end))

    def line(self, start: int, end: int | None = None) -> str:
        return self.lines.line(start, end)

    # the time account under the names the checks have always used
    @property
    def cts_segments(self) -> list[Segment]:
        return self.time.cts

    @property
    def other_segments(self) -> list[Segment]:
        return self.time.other

    @property
    def stated_total(self) -> Duration | None:
        return self.time.stated

    @property
    def group_patients(self) -> int | None:
        return self.group.patients

    @property
    def group_span(self) -> tuple[int, int] | None:
        return self.group.span

    @property
    def single_patient_group(self) -> tuple[int, int] | None:
        return self.group.single_patient

    @property
    def facts(self) -> list[Fact]:
        return build_facts(self)


def line_of(text: str, start: int, end: int | None = None) -> str:
    """The line around text[start:end], clipped to `RADIUS` characters either side (bounded scans)."""
    end = start if end is None else end
    a = text.rfind("\n", max(0, start - RADIUS), start) + 1 or max(0, start - RADIUS)
    b = text.find("\n", end, end + RADIUS)
    return text[a : min(len(text), end + RADIUS) if b == -1 else b]


@lru_cache(maxsize=1)
def _default_other_codes() -> frozenset[str]:
    from assistant.knowledge.loader import cached_knowledge

    return cached_knowledge().same_day_codes


# A scanned page read by OCR: a letter O or l standing for a digit inside a date or clock time ("O3/O4/2026",
# "1O:3O", "10:l5"); not a code's letter ("I69.351", "O09.90"). One character for one: offsets stay put.
# "2:4Op": a clock's last digit before its am/pm letter too
_OCR_DIGIT = re.compile(
    # "2:OO pm": the first of two letters for two zeros (the second pass reads the other)
    r"(?<=\d)[OoIl](?=[\d/:.\s-]|[aApP](?![A-Za-z]{2})|$)"
    r"|(?<=\d[/:.-])[OoIl](?=[OoIl]?[\d/:.\s-]|[aApP](?![A-Za-z]{2})|$)"
    r"|(?<![A-Za-z])(?:[OoIl](?=\d:)|[Oo](?=\d/))",
    re.M,
)
_OCR_MAP = str.maketrans("OoIl", "0011")


# every match of _OCR_DIGIT sits in one of these (read ignoring case: a wider net, never a narrower one)
_OCR_DIGIT_NEAR = r"\d[OIl]|\d[/:.-][OIl]|[OIl]\d[:/]"


def _ocr_digits(text: str) -> str:
    if not may_contain(_OCR_DIGIT_NEAR, text) or _OCR_DIGIT.search(text) is None:
        return text
    fixed = _OCR_DIGIT.sub(lambda m: m.group(0).translate(_OCR_MAP), text)
    # a second pass reads the letters whose neighbour was a letter too ("1O:O3": the second O follows "O:")
    return _OCR_DIGIT.sub(lambda m: m.group(0).translate(_OCR_MAP), fixed) if fixed != text else fixed


# The other way round: a digit 0 or 1 standing for a letter inside a word ("n0t present", "pt at h0me", "N0",
# "a10ne", "CAREG1VER", "0ut"): a run of 0/1 between letters, a 0 opening a word, a 0 closing one after a letter.
# Not a code or a count: a word with another digit ("G0539", "I10", "S72.001D"), a code's tail ("F02.B0"), "x1",
# "M1A". One for one.
_OCR_WORD = re.compile(r"(?<!\.)(?<![^a-z]-)(?<!^-)\b[A-Za-z0-9]*(?:[A-Za-z][01]|[01][A-Za-z])[A-Za-z0-9]*\b")
# "Sandova1", "goa1", "verba1": a 1 closing a word after a vowel or an l is an l ("Page1", "line1", "item1" keep theirs)
_OCR_LETTER_RUN = re.compile(
    r"(?<=[A-Za-z])[01]+(?=[A-Za-z])|^0(?=[A-Za-z])|(?<=[A-Za-z])0$|(?<=[A-Za-z]{2}[aiouAIOUlL])1$"
)
_NOT_A_WORD = re.compile(r"[2-9]|^[A-Z]1[A-Z]$|^[xX]\d+$")


def _letter(m: re.Match[str]) -> str:
    word = m.string
    before, after = word[max(0, m.start() - 1) : m.start()], word[m.end() : m.end() + 1]
    if after.isupper() or before.isupper():
        return m.group(0).translate(_UPPER_MAP)
    # a 1 between two consonants is an i ("cl1nic", "m1n"), but not after a vowel's l ("fal1s"); else an l ("a10ne")
    double_l = before == "l" and word[max(0, m.start() - 2) : m.start() - 1].lower() in ("a", "e", "i", "o", "u")
    i_like = _CONSONANTS.fullmatch((before + after).lower()) is not None and not double_l
    return m.group(0).translate(_LOWER_I_MAP if i_like else _LOWER_MAP)


_UPPER_MAP, _LOWER_MAP, _LOWER_I_MAP = str.maketrans("01", "OI"), str.maketrans("01", "ol"), str.maketrans("01", "oi")
_CONSONANTS = re.compile(r"[b-df-hj-np-tv-xz]{2}")


# _OCR_WORD without its look-behind, as RE2 reads it (in ASCII text the same words, found in linear time)
_OCR_WORD_RE2 = r"\b[A-Za-z0-9]*(?:[A-Za-z][01]|[01][A-Za-z])[A-Za-z0-9]*\b"


_WORD_HYPHEN = re.compile(r"[a-z]-")


def _ocr_word(word: str) -> str:
    if _NOT_A_WORD.search(word) or word.isdigit():
        return word
    return _OCR_LETTER_RUN.sub(_letter, word)


def _ocr_letters(text: str) -> str:
    if not text.isascii():
        return _OCR_WORD.sub(lambda m: _ocr_word(m.group(0)), text)
    # Why not `_OCR_WORD.sub` here: Python tries its look-behind at every position (~100 µs per 2 KB); RE2
    # finds the candidate words (every "x1" and "G0" of a claim line is one) and the look-behind is tested
    # on those only. A word after "." or "-" is a code's tail and is left; the next candidate is a later word.
    # After a hyphen between letters it is the second half of a name or a broken word ("Holm-Sandova1").
    out, last = [], 0
    for start, end in spans(_OCR_WORD_RE2, text, ignore_case=False):
        if start and text[start - 1] in ".-" and not _WORD_HYPHEN.fullmatch(text, max(0, start - 2), start):
            continue
        fixed = _ocr_word(text[start:end])
        if fixed != text[start:end]:
            out += [text[last:start], fixed]
            last = end
    return "".join([*out, text[last:]]) if out else text


# An export's field names join their words with underscores ("Start_Time: 13:05", "Total_Minutes: 47", "TIME_IN=14:40",
# "Consent_Type: Written"): read as the words they are. One character for one: offsets stay put.
_FIELD_UNDERSCORE = re.compile(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])")


# Speech recognition writes "not" as its homophone before the words that say where the patient was ("patient was
# knot present", "knot in the room"): read as "not", one for one (" not" for "knot"), so offsets stay put
_KNOT = re.compile(r"\bknot(?=\s+(?:present|in\s+the\s+room|here|there|in\s+attendance|attending|with\s+us)\b)", re.I)


def _homophones(text: str) -> str:
    return _KNOT.sub(" not", text) if "knot" in text.lower() else text


def _field_names(text: str) -> str:
    return _FIELD_UNDERSCORE.sub(" ", text) if "_" in text else text


# Format characters a word processor or a right-to-left keyboard leaves around times and codes (bidi marks and
# embeddings, zero-width space/joiners, word joiner, BOM, soft hyphen) read as a space; full-width digits, colon and
# hyphen ("１０:１５") as their ASCII forms, and so every other script's decimal digits ("٣٤ min", "१०:१५"), so each
# minutes, units and clock parser reads them the same. One character for one: offsets stay put.
_FORMAT_CHARS = (
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)


@lru_cache(maxsize=1)
def _plain_table() -> dict[int, str]:
    """Built on the first note that is not plain ASCII (a scan of the Basic Multilingual Plane for its decimal
    digits, Unicode category Nd, costs tens of milliseconds: not paid at import)."""
    bmp = map(chr, range(0x0660, 0x10000))
    digits = {c: str(unicodedata.decimal(c)) for c in bmp if unicodedata.decimal(c, -1) >= 0}
    return str.maketrans({**{c: " " for c in _FORMAT_CHARS}, **digits, "\uff1a": ":", "\uff0d": "-"})


# Zero-width characters inside a word ("10:1\u200b5", "975\u200b50") would split it once read as spaces: they
# move before the word instead, so the user's time and code read whole (hostile12 #15); after it they would part
# "10:15" from its "AM". The run keeps its start and end; offsets inside it shift by the count of marks, nothing
# else moves. Disjoint classes: linear time.
_ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPLIT_WORD = re.compile(f"[\\w:]+(?:[{_ZERO_WIDTH}]+[\\w:]+)+")
_ZERO_WIDTH_RUN = re.compile(f"[{_ZERO_WIDTH}]+")


def _join_split_word(match: re.Match[str]) -> str:
    word = _ZERO_WIDTH_RUN.sub("", match.group(0))
    return " " * (len(match.group(0)) - len(word)) + word


def _plain_chars(text: str) -> str:
    if text.isascii():
        return text
    return _SPLIT_WORD.sub(_join_split_word, text).translate(_plain_table())


# Markup around a note exported as HTML or XML ("<td>Start / end</td><td>10:02 / 10:30</td>",
# "<startTime>15:00</startTime>"): a bare tag, without attributes, is layout; blanked one for one, so cells read as
# columns and offsets stay put. Tags with attributes are kept: they may carry the claim ('<line code="G0543" ...>').
_BARE_TAG = re.compile(r"</?[A-Za-z][\w:.-]{0,40}[ \t]*/?>")
# "11:05 a 11:48", "de 10:00 a 11:00 am": the Spanish range word between two clock times, read as a dash
_SPANISH_TO = re.compile(r"(?<=\d\d) a (?=[012]?\d:[0-5]\d)")


def _tag(m: re.Match[str]) -> str:
    """A bare tag as blanks; an opening tag that names a start or an end ("<startTime>") as that label."""
    tag = m.group(0)
    name = tag.lower()
    label = "" if tag.startswith("</") else "start" if "start" in name else "end" if "end" in name else ""
    return (" " + label).ljust(len(tag))


# an XML element's attributes are the note's fields: '<caregiver relation="husband" name="Lamar Moreau"/>' reads as
# ' caregiver relation: husband; name: Lamar Moreau;  '
_ATTRIBUTE_TAG = re.compile(r'<[A-Za-z][\w:.-]{0,40}(?:[ \t]+[\w:.-]{1,40}="[^"<>\n]{0,200}")+[ \t]*/?>')
_ATTRIBUTE = re.compile(r'="([^"<>\n]{0,200})"')


# a CDA header's own coded elements ('<code code="11506-3" displayName="Progress note"/>', a LOINC document type) are
# the document's kind, not the note's fields
_HEADER_ELEMENTS = frozenset(
    {"code", "templateid", "id", "typeid", "realmcode", "effectivetime", "confidentialitycode", "languagecode",
     "setid", "versionnumber"}
)


def _fields(m: re.Match[str]) -> str:
    tag = m.group(0)
    if tag[1:].split(None, 1)[0].lower() in _HEADER_ELEMENTS:
        return tag
    body = _ATTRIBUTE.sub(lambda a: ": " + a.group(1) + ";", tag[1:])
    return " " + body.rstrip("/>").ljust(len(tag) - 1)


# a two-column export of fields, one per record ('"field","value"' over '"Start","10:00"'): each record reads as the
# labelled line it stands for (' Start:  10:00 '), one character for one, so "Start" labels its time as it would in
# a typed note and offsets stay put
_KEY_VALUE = re.compile(r'^"([^"\n]{1,60})"[,\t]"((?:[^"\n]|"")*)"(?=[ \t\r]*$)', re.M)


def _key_value(m: re.Match[str]) -> str:
    # an empty cell stays visibly empty ('"Goal link",""' -> 'Goal link:""'): a blank field is no goal (same length)
    return f" {m.group(1)}:  {m.group(2)} " if m.group(2) else f' {m.group(1)}:"" '


def _layout(text: str) -> str:
    if "</" in text:
        text = _ATTRIBUTE_TAG.sub(_fields, _BARE_TAG.sub(_tag, text))
    if '","' in text or '"\t"' in text:
        text = _KEY_VALUE.sub(_key_value, text)
    if " a " in text:
        text = _SPANISH_TO.sub(" - ", text)
    return text


def extract(text: str, *, other_codes: frozenset[str] | None = None) -> Extraction:
    """Facts of `text`; `other_codes` are the same-day service codes (knowledge: family patient_present)."""
    lines = LineIndex(text)
    screened = screen(text, lines)
    doc = _homophones(_field_names(_ocr_letters(_ocr_digits(_layout(_plain_chars(blank(text, screened)))))))
    times = parse_times(doc, lines)
    joined = _WRAPPED.sub(" ", doc)
    # the look-behind is tried at every position (~50 µs per 2 KB) though most notes have no underscore at all
    found = concepts(join_hyphenated(_FIELD_JOIN.sub(" ", joined) if "_" in joined else joined))
    codes_known = other_codes if other_codes is not None else _default_other_codes()
    service = ServiceLines(doc, lines, codes_known)
    ex = Extraction(
        text=doc,
        original=text,
        concepts=found,
        dates=find_dates(doc),
        codes=find_codes(doc, codes_known, lines),
        icd10=find_icd10(doc, is_code=lambda code: codeset().is_valid(code), lines=lines),
        credentials=find_credentials(join_hyphenated_capitals(doc)),
        times=times,
        lines=lines,
        service=service,
        screened=screened,
    )
    ex.time = account(doc, lines, times, service)
    ex.other_service_spans = [
        (c.start, c.end)
        for c in found
        if c.label == "OTHER_SERVICE"
        and not c.negated
        and not _another_day(doc, c)
    ]
    ex.group = find_group(doc)
    return ex


SENTENCE_REACH = 240  # a dictated "sentence" may be the whole note: each mention reads a bounded window of it
EARLIER_REACH = 120
AFTER_REACH = 60


def _another_day(doc: str, concept: Concept) -> bool:
    """Whether the mention's sentence puts the service on another day: planned ("will", "next") or an earlier
    visit's (earlier_visit)."""
    end = min(concept.sent_end, concept.end + SENTENCE_REACH)
    # a plan word after the mention counts near it: in a dictation without full stops "... her regular PT treatment
    # session with my colleague this morning need is ... the goal in the plan of care" plans nothing of that session
    before = max(concept.sent_start, concept.start - SENTENCE_REACH)
    if _FUTURE.search(doc, before, min(end, concept.end + AFTER_REACH)):
        return True
    return earlier_visit(doc, concept.start, min(end, concept.end + EARLIER_REACH))


def earlier_visit(doc: str, start: int, end: int) -> bool:
    """Whether the sentence of a mention at doc[start:end] puts it on an earlier visit ("pt was seen for 97530
    yesterday"). The sentence is read back to its full stop, as a line break after a date does not end it ("saw her
    with him on 01/16/2025 and 01/30/2025\nfor patient-present visits"), and on to the next one, in a bounded
    window."""
    a = max(0, start - EARLIER_REACH)
    a = max([a, *(doc.rfind(stop, a, start) + 1 for stop in (". ", ".\n", "\n\n"))])
    b = min(len(doc), max(end, start + EARLIER_REACH))
    b = min([b, *(i for i in (doc.find(stop, start, b) for stop in (". ", ".\n", "\n\n")) if i >= 0)])
    return _EARLIER_VISIT.search(doc, a, max(b, end)) is not None


def session_dates(ex: Extraction) -> list[DateMention]:
    """The dates a note gives for its own session: those labelled as the date of service, else every date without
    another label. A date of service given for the note is the note's own when it is one of them; otherwise the
    two differ (the date_of_service check, and a worklist item that refuses a note of another session). A letter's
    own date (alone on its line above the salutation) is when it was written, when its body dates the session."""
    labelled = [d for d in ex.dates if d.label == "dos"]
    if labelled:
        return labelled
    unlabelled = [d for d in ex.dates if d.label == ""]
    salutation = _SALUTATION.search(ex.text) if len({d.value for d in unlabelled}) > 1 else None
    if salutation is None:
        return unlabelled
    body = [d for d in unlabelled if not (d.span[0] < salutation.start() and _alone_on_line(ex, d))]
    return body or unlabelled


# "Dear Dr. Lane,", "To whom it may concern:": a letter's salutation
_SALUTATION = re.compile(r"^[ \t]*(?:dear\b|to whom it may concern)", re.I | re.M)
_DATE_LINE_BEFORE = re.compile(r"[ \t]*(?:dated?[ \t]*:?[ \t]*)?", re.I)
_DATE_LINE_AFTER = re.compile(r"[ \t.,]*")


def _alone_on_line(ex: Extraction, d: DateMention) -> bool:
    """Whether the date is all its line says ("July 9, 2025", "Date: 07/09/2025")."""
    a, b = ex.lines.line_span(ex.lines.number(d.span[0]))
    return bool(
        _DATE_LINE_BEFORE.fullmatch(ex.text, a, d.span[0]) and _DATE_LINE_AFTER.fullmatch(ex.text, d.span[1], b)
    )


def planned_or_earlier(doc: str, start: int, end: int) -> bool:
    """Whether a code mention at doc[start:end] is a service of another day: its clause plans it ("recheck w/ pt
    present next visit (97530)", "P: continue 97530") or its sentence puts it on an earlier visit."""
    a = max(0, start - EARLIER_REACH)
    a = max([a, *(doc.rfind(stop, a, start) + 1 for stop in (". ", ".\n", "\n", ";"))])
    return _FUTURE.search(doc, a, end) is not None or earlier_visit(doc, start, end)


def consent_kind(ex: Extraction, concept: Concept) -> str:
    sentence = ex.text[concept.sent_start : concept.sent_end]
    line = ex.line(concept.start, concept.end)
    # "verbal by phone,\nnothing signed yet": the denial may wrap onto the next line (a bounded window: a
    # dictated "sentence" may be the whole note)
    a = max(concept.sent_start, concept.start - NO_WRITTEN_REACH)
    near = ex.text[a : min(concept.sent_end, concept.end + NO_WRITTEN_REACH)]
    written = ex.may_contain(_WRITTEN_WORDS) and _WRITTEN.search(sentence)
    if written and not _NO_WRITTEN.search(line) and not _NO_WRITTEN.search(near):
        return "written"
    if ex.may_contain(_VERBAL_WORDS) and _VERBAL.search(sentence):
        return "verbal"
    return "unspecified"


_CONCEPT_FACTS = {
    "RELATIONSHIP": "caregiver",
    "PAID_CAREGIVER": "caregiver",
    "CONSENT": "consent",
    "PRESENCE": "patient_presence",
    "ABSENCE": "patient_presence",
    "TELEHEALTH": "telehealth",
    "AUDIO_ONLY": "telehealth",
    "RETURN_DEMO": "return_demo",
    "SKILL_FUNCTIONAL": "skill",
    "SKILL_DIRECT_CARE": "skill",
    "GOAL": "goal",
    "SKILLED": "skilled_need",
}


def build_facts(ex: Extraction) -> list[Fact]:
    facts: list[Fact] = []
    add = facts.append
    for d in ex.dates:
        add(Fact(kind="date", value=d.value.isoformat(), span=ex.span(*d.span), attrs={"label": d.label}))
    for seg in ex.times.segments:
        add(
            Fact(
                kind="time_segment",
                value=seg.minutes,
                span=ex.span(*seg.span),
                attrs={"start": Segment.clock(seg.start_minute), "end": Segment.clock(seg.end_minute)},
            )
        )
    for dur in ex.times.durations:
        add(Fact(kind="stated_total" if dur.total_cue else "duration", value=dur.minutes, span=ex.span(*dur.span)))
    for code in ex.codes:
        add(
            Fact(
                kind="code",
                value=code.code,
                span=ex.span(*code.span),
                negated=code.negated,
                attrs={"units": code.units, "modifiers": code.modifiers},
            )
        )
        for mod, mspan in zip(code.modifiers, code.modifier_spans, strict=False):
            add(Fact(kind="modifier", value=mod, span=ex.span(*mspan)))
    for icd in ex.icd10:
        add(Fact(kind="icd10", value=icd.code, span=ex.span(*icd.span)))
    for cred in ex.credentials:
        add(Fact(kind="credential", value=cred.role, span=ex.span(*cred.span), attrs={"text": cred.text}))
    for c in ex.concepts:
        if c.label in _CONCEPT_FACTS:
            add(
                Fact(
                    kind=_CONCEPT_FACTS[c.label],
                    value=c.text.lower(),
                    span=ex.span(c.start, c.end),
                    negated=c.negated,
                    attrs={"label": c.label},
                )
            )
    return facts
