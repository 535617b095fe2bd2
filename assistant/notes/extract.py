"""Extract facts with character spans from a CTS note (pure: text in, facts out).

`extract(text)` returns an `Extraction`: the structured findings the checks use, and a flat
`facts` list (kind, value, span, negated) that the drafting gate compares between a draft and
its rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.models import Fact, Span
from assistant.notes.icd import codeset
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
from assistant.notes.times import Duration, Segment, TimeParse, parse_times
from assistant.notes.vocabulary import PATIENT_REFS

_PATIENT_WORD = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in PATIENT_REFS) + r")s?\b(?!'s|’s)", re.I)
# Possessives ("at son's house") name a place, not who was present.
_CAREGIVER_WORD = re.compile(r"\b(?:caregivers?|cg|cgs|c/g|family|wife|husband|spouse|daughter|dtr|son|mother|father|mom|dad|parents?|aide|neighbou?r|friend|sister|brother)\b(?!'s|’s)", re.I)
_PATIENT_AND = re.compile(r"\b(?:patient|pt)\s*(?:and|&|\+|,)\s*(?:his|her|their)?\s*\w+(?:\s+\w+)?\s+(?:were|was|are)?\s*(?:both\s+)?(?:present|in the room|participat\w*|attended)", re.I)
_UNCHECKED = re.compile(r"\[\s?\]\s?[A-Za-z][\w/-]*(?:[ \t][a-z][\w/-]*)?")
_COMPOUND_BEFORE = re.compile(r"(?:patient|pt)-$", re.I)
_CAREGIVERS_OF = re.compile(r"\b(?:caregivers?|families)\s+(?:of|for)\s+(?:[\w-]+\s+){0,3}(?:patients?|pts?|clients?)\b", re.I)
_NO_WRITTEN = re.compile(r"\b(?:no|not|never|without|unsigned)\b[^.;]{0,20}\b(?:form|written|signed|signature)|\bnot\s+(?:yet\s+)?signed\b", re.I)
_VERBAL = re.compile(r"\b(?:verbal(?:ly)?|orally|oral)\b", re.I)
_WRITTEN = re.compile(r"\b(?:written|signed|signature|in writing|form on file|on file|e-?signed)\b", re.I)
_GROUP_COUNT = re.compile(
    r"(?:caregivers?|families|family members|sets of caregivers)\s+(?:of|for|representing)\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\s+(?:[\w-]+\s+){0,2}?(?:patients|pts|clients|children|residents|individuals)"
    r"|(?P<n2>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:different\s+|separate\s+)?(?:patients|pts|clients|families|children)\s+(?:were\s+)?(?:represented|in the group)"
    r"|representing\s+(?P<n3>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:patients|pts|clients|families)"
    r"|(?P<n4>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:caregivers?|families)\s+(?:of|from)\s+(?:different|separate)\s+(?:patients|pts|clients|families)",
    re.I,
)
_SINGLE_PATIENT_GROUP = re.compile(
    r"(?:both|all|two|three|multiple|several)\s+(?:\w+\s+){0,3}(?:caregivers?|family members)\s+(?:of|for)\s+(?:this|the same|one|a single)\s+(?:patient|pt|client)"
    r"|(?:one|a single|the same)\s+(?:patient|pt|client)\b"
    r"|\b(?:of|for)\s+this\s+(?:patient|pt)\s+only\b|\bonly\s+(?:this|one)\s+(?:patient|pt)\b",
    re.I,
)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "multiple": 2}
_OTHER_SERVICE_LINE = re.compile(
    r"\b(?:97530|97535|97110|97112|97116|97140|92507|92526|92610|9716[1-8]|therapeutic (?:activit|exercise)|neuromuscular|(?:patient|pt)-present|direct treatment|treatment session|individual treatment|treated (?:pt|patient)|(?:activities|exercise|treatment|session) with (?:the )?(?:patient|pt))",
    re.I,
)
_CTS_LINE = re.compile(r"\b(?:caregiver training|caregiver|cts|97550|97551|97552|G054[123])\b", re.I)
_OF_PATIENT = re.compile(
    r"\b(?:of|for)\s+(?:this|another|a different|other|a second)?\s*(?:clinic\s+)?(?:pt|patient)\b(?!'s)\.?[,\s]*"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s)?(?P<who>[A-Z]\.\s?[A-Z]\.|[A-Z][a-z]+\.?\s[A-Z][a-z]+)?"
)
_GROUP_WORD = re.compile(r"\b(?:group|class|multiple families|several families|multiple sets of caregivers)\b", re.I)
_FUTURE = re.compile(r"\b(?:continue|plan|next|will|future|upcoming|scheduled|recommend\w*)\b", re.I)
_EXCLUDED_TIME = re.compile(r"\b(?:break|not counted|excluded|not included|not billed)\b", re.I)


@dataclass
class Extraction:
    text: str
    concepts: list[Concept]
    dates: list[DateMention]
    codes: list[CodeMention]
    icd10: list[IcdMention]
    credentials: list[CredentialMention]
    times: TimeParse
    cts_segments: list[Segment] = field(default_factory=list)
    other_segments: list[Segment] = field(default_factory=list)
    stated_total: Duration | None = None
    other_service_spans: list[tuple[int, int]] = field(default_factory=list)
    group_patients: int | None = None
    group_span: tuple[int, int] | None = None
    single_patient_group: tuple[int, int] | None = None
    _by_label: dict[str, list[Concept]] | None = field(default=None, repr=False)

    def of(self, label: str, *, negated: bool | None = None) -> list[Concept]:
        if self._by_label is None:  # the checks ask ~20 times per note; index once
            self._by_label = {}
            for c in self.concepts:
                self._by_label.setdefault(c.label, []).append(c)
        found = self._by_label.get(label, [])
        return list(found) if negated is None else [c for c in found if c.negated == negated]

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, quote=self.text[start:end])

    @property
    def facts(self) -> list[Fact]:
        return build_facts(self)


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value.lower().replace("this ", "")).strip(" .")


def line_of(text: str, start: int, end: int | None = None) -> str:
    """The whole line around text[start:end]."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start if end is None else end)
    return text[a : len(text) if b == -1 else b]


def mask_unchecked(text: str) -> str:
    """Blank out the options of unticked checkboxes ("[ ] Declined"), keeping every offset."""
    return _UNCHECKED.sub(lambda m: " " * len(m.group(0)), text)


def extract(text: str) -> Extraction:
    times = parse_times(text)
    found = concepts(mask_unchecked(text))
    ex = Extraction(
        text=text,
        concepts=found,
        dates=find_dates(text),
        codes=find_codes(text),
        icd10=find_icd10(text, is_code=lambda code: codeset().is_valid(code)),
        credentials=find_credentials(text),
        times=times,
    )
    for seg in times.segments:
        line_start = text.rfind("\n", 0, seg.span[0]) + 1
        line_end = text.find("\n", seg.span[1])
        near = text[max(line_start, seg.span[0] - 25) : min(len(text) if line_end == -1 else line_end, seg.span[1] + 35)]
        if _EXCLUDED_TIME.search(near):
            continue  # "(9:20-9:35 break - not counted)"
        (ex.other_segments if belongs_to_other_service(text, seg.span) else ex.cts_segments).append(seg)
    cts_durations = [d for d in times.durations if not _is_other_duration(text, d)]
    totals = [d for d in cts_durations if d.total_cue]
    in_cts_context = [d for d in cts_durations if _CTS_LINE.search(line_of(text, *d.span))]
    if totals:
        ex.stated_total = totals[0]
    elif not ex.cts_segments and len(in_cts_context) == 1:
        ex.stated_total = in_cts_context[0]
    elif not ex.cts_segments and len(cts_durations) == 1:
        # with clock times present, a lone "1 min" elsewhere is an instruction, not the total
        ex.stated_total = cts_durations[0]
    ex.other_service_spans = [
        (c.start, c.end) for c in found
        if c.label == "OTHER_SERVICE" and not c.negated and not _FUTURE.search(text[c.sent_start : c.sent_end])
    ]
    _group(ex)
    return ex


def _is_other_duration(text: str, d: Duration) -> bool:
    return belongs_to_other_service(text, d.span)


def _heading_above(text: str, pos: int) -> str:
    """The heading a line sits under: the nearest short line above, up to a blank line."""
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip():
            return ""
        if len(line) < 70 and (line.isupper() or line.rstrip().endswith(":")):
            return line
        end = start - 1
    return ""


def belongs_to_other_service(text: str, span: tuple[int, int]) -> bool:
    """Whether a time or phrase belongs to a same-day patient-present service (by line or heading)."""
    line = line_of(text, *span)
    if not _OTHER_SERVICE_LINE.search(line):
        heading = _heading_above(text, span[0])
        return bool(heading and _OTHER_SERVICE_LINE.search(heading) and not _CTS_LINE.search(heading))
    if not _CTS_LINE.search(line):
        return True
    # On a shared line, the time belongs to whichever service is named closest before it.
    line_start = text.rfind("\n", 0, span[0]) + 1
    before = text[line_start : span[0]]
    if not _OTHER_SERVICE_LINE.search(before) and not _CTS_LINE.search(before):
        after = text[span[1] : span[1] + 60]
        o, c = _OTHER_SERVICE_LINE.search(after), _CTS_LINE.search(after)
        return o is not None and (c is None or o.start() < c.start())
    other = [m.end() for m in _OTHER_SERVICE_LINE.finditer(before)]
    cts = [m.end() for m in _CTS_LINE.finditer(before)]
    return (max(other) if other else -1) > (max(cts) if cts else -1)


def _group(ex: Extraction) -> None:
    if not ex.of("GROUP") and "represent" not in ex.text.lower():
        return  # the group patterns are the costliest scans; most notes are individual sessions
    listed = list(_OF_PATIENT.finditer(ex.text))
    explicit_group = _GROUP_WORD.search(ex.text)
    if explicit_group and len({_norm(m.group(0)) for m in listed}) >= 2 and not _GROUP_COUNT.search(ex.text):
        # "husband of this pt ...; daughter of pt L.W." lists the patients represented
        ex.group_patients = len({_norm(m.group(0)) for m in listed})
        ex.group_span = (listed[0].start(), listed[-1].end())
    m = _GROUP_COUNT.search(ex.text)
    if m:
        raw = next(g for g in (m["n"], m["n2"], m["n3"], m["n4"]) if g)
        ex.group_patients = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw.lower())
        ex.group_span = (m.start(), m.end())
    single = _SINGLE_PATIENT_GROUP.search(ex.text)
    if single:
        ex.single_patient_group = (single.start(), single.end())
        if ex.group_patients is not None and ex.group_patients >= 2 and not m:
            ex.group_patients = 1  # "caregivers of this patient only"


def subject_of(ex: Extraction, concept: Concept) -> str:
    """Whose presence a PRESENCE/ABSENCE phrase speaks of: 'patient', 'caregiver' or ''.

    The nearest person named before the phrase on the same line decides; sentence breaks are
    ignored because notes put parentheses, semicolons and abbreviations between the two.
    """
    text = ex.text
    line_start = text.rfind("\n", 0, concept.start) + 1
    window = text[max(line_start, concept.start - 110) : concept.end]
    if concept.label == "PRESENCE" and _COMPOUND_BEFORE.search(text[max(0, concept.start - 9) : concept.start]):
        return ""  # "patient-present session" names a kind of service, not who was there
    if concept.text.lower().startswith(("without", "w/o", "pt ", "patient")):
        return "patient"
    if _PATIENT_AND.search(window):
        return "patient"
    last_patient = max((m.end() for m in _PATIENT_WORD.finditer(window)), default=-1)
    last_caregiver = max((m.end() for m in _CAREGIVER_WORD.finditer(window)), default=-1)
    last_caregiver = max([last_caregiver, *(m.end() for m in _CAREGIVERS_OF.finditer(window))])
    if last_patient < 0 and last_caregiver < 0:
        after = text[concept.end : concept.sent_end][:40]
        return "patient" if _PATIENT_WORD.search(after) else ""
    return "patient" if last_patient > last_caregiver else "caregiver"


def consent_kind(ex: Extraction, concept: Concept) -> str:
    sentence = ex.text[concept.sent_start : concept.sent_end]
    line = line_of(ex.text, concept.start, concept.end)
    if _WRITTEN.search(sentence) and not _NO_WRITTEN.search(line):
        return "written"
    if _VERBAL.search(sentence):
        return "verbal"
    return "unspecified"


def build_facts(ex: Extraction) -> list[Fact]:
    facts: list[Fact] = []
    add = facts.append
    for d in ex.dates:
        add(Fact(kind="date", value=d.value.isoformat(), span=ex.span(*d.span), attrs={"label": d.label}))
    for seg in ex.times.segments:
        add(Fact(kind="time_segment", value=seg.minutes, span=ex.span(*seg.span),
                 attrs={"start": Segment.clock(seg.start_minute), "end": Segment.clock(seg.end_minute)}))
    for dur in ex.times.durations:
        add(Fact(kind="stated_total" if dur.total_cue else "duration", value=dur.minutes, span=ex.span(*dur.span)))
    for code in ex.codes:
        add(Fact(kind="code", value=code.code, span=ex.span(*code.span), negated=code.negated,
                 attrs={"units": code.units, "modifiers": code.modifiers}))
        for mod, mspan in zip(code.modifiers, code.modifier_spans, strict=False):
            add(Fact(kind="modifier", value=mod, span=ex.span(*mspan)))
    for icd in ex.icd10:
        add(Fact(kind="icd10", value=icd.code, span=ex.span(*icd.span)))
    for cred in ex.credentials:
        add(Fact(kind="credential", value=cred.role, span=ex.span(*cred.span), attrs={"text": cred.text}))
    kinds = {
        "RELATIONSHIP": "caregiver", "PAID_CAREGIVER": "caregiver", "CONSENT": "consent", "PRESENCE": "patient_presence",
        "ABSENCE": "patient_presence", "TELEHEALTH": "telehealth", "AUDIO_ONLY": "telehealth", "RETURN_DEMO": "return_demo",
        "SKILL_FUNCTIONAL": "skill", "SKILL_DIRECT_CARE": "skill", "GOAL": "goal", "SKILLED": "skilled_need",
    }
    for c in ex.concepts:
        if c.label in kinds:
            add(Fact(kind=kinds[c.label], value=c.text.lower(), span=ex.span(c.start, c.end), negated=c.negated,
                     attrs={"label": c.label}))
    return facts
