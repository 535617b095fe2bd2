"""What every check needs, derived once from the extraction and the caller's inputs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.billing import supported_lines_for_minutes
from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine
from assistant.notes.extract import Extraction, belongs_to_other_service, subject_of
from assistant.notes.nlp import Concept

THERAPY_MODIFIER = {"PT": "GP", "PTA": "GP", "OT": "GO", "OTA": "GO", "SLP": "GN"}
ASSISTANT_MODIFIER = {"PTA": "CQ", "OTA": "CO"}
THERAPY_ROLES = frozenset({"PT", "PTA", "OT", "OTA", "SLP", "SLPA"})
_OTHER_SERVICE = re.compile(r"\b(?:97530|97535|97110|97112|97116|97140|92507|92526|92610|9716[1-8])\b")
# "Patient was at his dialysis appointment during this session"
_AWAY = re.compile(
    r"(?=[Pp])\b(?:patient|pt)\b[^.;\n]{0,25}?\b(?:was|is|remained|stayed|went)\s+(?:at|to|attending)\s+(?:his|her|their|the|a|an)?\s*"
    r"(?:[\w'-]+\s+){0,3}?(?:appointment|appt|program|school|dialysis|work|class|church|center|rehab|hospital|graduation|recital|lunch)\b",
    re.I,
)
_CAREGIVER_BETWEEN = re.compile(r"\b(?:caregiver|wife|husband|daughter|son|mother|father|sister|brother|friend|neighbou?r|aide)\b", re.I)
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)")
_NOT_RIGHT_BEFORE = re.compile(r"\b(?:not|no|never)\s+$", re.I)
_SUBJECTLESS_ABSENCE = re.compile(r"caregiver[- ]only|only the caregiver|family only|without (?:the )?(?:patient|pt)|w/o (?:patient|pt)", re.I)
_PRESENT_YES = re.compile(r"(?=[Pp])\b(?:patient|pt)\s+present(?:\s+(?:during|for|at|in)\s+[\w ]{0,30}?)?\s*[:?]\s*(?:yes|y|\[\s?[xX✓✔]\s?\]\s?yes)\b", re.I)
_PRESENT_NO = re.compile(r"(?=[Pp])\b(?:patient|pt)\s+present(?:\s+(?:during|for|at|in)\s+[\w ]{0,30}?)?\s*[:?]\s*(?:(?:no|n)\b|\[\s?\]\s?yes\s*\[\s?[xX✓✔]\s?\]\s?no\b)", re.I)


@dataclass
class Outcome:
    status: str
    detail: str = ""
    evidence: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Context:
    ex: Extraction
    knowledge: Knowledge
    profile: str
    today: date
    dos: date | None
    dos_span: tuple[int, int] | None
    dos_from_note: bool
    billed: list[BilledLine] | None
    billed_spans: list[tuple[int, int]]
    rule: str = "midpoint"
    roles: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    presence: list[tuple[int, int]] = field(default_factory=list)
    absence: list[tuple[int, int]] = field(default_factory=list)
    family: str = "cts"
    derived_minutes: int | None = None
    stated_minutes: int | None = None

    # --- derived ------------------------------------------------------------------------------
    @property
    def total_minutes(self) -> int | None:
        """Minutes used for units: the lower of stated and clock totals when they disagree."""
        values = [v for v in (self.derived_minutes, self.stated_minutes) if v is not None]
        return min(values) if values else None

    @property
    def role_names(self) -> set[str]:
        return {role for role, _ in self.roles}

    @property
    def slpa(self) -> bool:
        return "SLPA" in self.role_names

    @property
    def discipline(self) -> str | None:
        for role in ("PT", "OT", "SLP", "PTA", "OTA"):
            if role in self.role_names:
                return {"PTA": "PT", "OTA": "OT"}.get(role, role)
        return None

    @property
    def assistant_role(self) -> str | None:
        for role in ("PTA", "OTA"):
            if role in self.role_names:
                return role
        return None

    @property
    def therapy_billed(self) -> bool:
        names = self.role_names
        return bool(names & THERAPY_ROLES) or not names & {"PHYSICIAN", "NPP"}

    @property
    def billed_cts(self) -> list[BilledLine]:
        return [line for line in (self.billed or []) if line.code in self.knowledge.training_codes]

    @property
    def is_group(self) -> bool:
        return self.ex.group_patients is not None and self.ex.group_patients >= 2

    @property
    def patient_present(self) -> bool:
        return bool(self.presence) and not self.absence

    def minute_lines(self) -> list[tuple[str, int]]:
        """What the documented minutes alone support, ignoring every other finding."""
        if self.total_minutes is None:
            return []
        primary, addon, _ = self.knowledge.family_codes(self.family)
        return supported_lines_for_minutes(self.total_minutes, rule=self.rule, codes=(primary, addon))

    def modifiers(self) -> list[str]:
        mods: list[str] = []
        if self.discipline in THERAPY_MODIFIER and self.therapy_billed:
            mods.append(THERAPY_MODIFIER[self.discipline])
        if self.assistant_role:
            mods.append(ASSISTANT_MODIFIER[self.assistant_role])
        return mods


def build_context(
    ex: Extraction,
    *,
    knowledge: Knowledge,
    profile: str,
    today: date,
    dos: date | None,
    billed: list[BilledLine] | None,
) -> Context:
    dos_span = None
    dos_from_note = False
    labelled = [d for d in ex.dates if d.label == "dos"] or [d for d in ex.dates if d.label == ""]
    if labelled:
        dos_span = labelled[0].span
        if dos is None:
            dos, dos_from_note = labelled[0].value, True
    billed_spans: list[tuple[int, int]] = []
    if billed is None:
        billed, billed_spans = _billed_from_note(ex, knowledge.training_codes)
    ctx = Context(ex, knowledge, profile, today, dos, dos_span, dos_from_note, billed, billed_spans)
    ctx.rule = "full_time" if profile == "strict" else "midpoint"
    ctx.roles = [(c.role, c.span) for c in ex.credentials]
    ctx.roles += [("SLPA", (c.start, c.end)) for c in ex.of("SLPA", negated=False)]
    _presence(ctx)
    ctx.family = _family(ctx)
    if ex.cts_segments:
        ctx.derived_minutes = sum(s.minutes for s in ex.cts_segments)
    if ex.stated_total is not None:
        ctx.stated_minutes = ex.stated_total.minutes
    return ctx


def _billed_from_note(ex: Extraction, training: frozenset[str]) -> tuple[list[BilledLine] | None, list[tuple[int, int]]]:
    lines: dict[str, BilledLine] = {}
    spans: list[tuple[int, int]] = []
    for mention in ex.codes:
        if mention.code not in training or mention.negated:
            continue
        spans.append(mention.span)
        known = lines.get(mention.code)
        if known is None or (mention.units is not None and known.units == 1 and not known.modifiers):
            lines[mention.code] = BilledLine(code=mention.code, units=mention.units or 1, modifiers=mention.modifiers)
        elif mention.modifiers and not known.modifiers:
            lines[mention.code] = BilledLine(code=mention.code, units=known.units, modifiers=mention.modifiers)
    return (list(lines.values()) or None), spans


def _presence(ctx: Context) -> None:
    ex = ctx.ex
    for c in ex.concepts:
        if c.label not in ("PRESENCE", "ABSENCE"):
            continue
        if c.label == "ABSENCE":
            # "not present (at day program)", "waited in the car (he declined to come in)": NegEx
            # scope reaches these phrases wrongly; only a "not"/"no" right before them negates.
            if _NOT_RIGHT_BEFORE.search(ex.text[max(0, c.start - 8) : c.start]):
                continue
            if _SUBJECTLESS_ABSENCE.search(c.text):
                ctx.absence.append((c.start, c.end))
                continue
        if c.label == "PRESENCE" and belongs_to_other_service(ex.text, (c.start, c.end)):
            continue  # "Pt-present: 97535 ..." describes the same-day patient-present service
        subject = subject_of(ex, c) or _named_patient(ex, c)
        if subject != "patient":
            continue
        absent = c.label == "ABSENCE" or c.negated
        (ctx.absence if absent else ctx.presence).append((c.start, c.end))
    for m in _AWAY.finditer(ex.text):
        if not any(a <= m.start() < b for a, b in ctx.presence):
            ctx.absence.append((m.start(), m.end()))
    for m in _PRESENT_NO.finditer(ex.text):
        ctx.absence.append((m.start(), m.end()))
        ctx.presence[:] = [p for p in ctx.presence if not (m.start() <= p[0] < m.end())]
    for m in _PRESENT_YES.finditer(ex.text):
        ctx.presence.append((m.start(), m.end()))


def _named_patient(ex: Extraction, c: Concept) -> str:
    """'Mrs. Vukovic was not present' when the note names 'patient Eleanor Vukovic' elsewhere."""
    before = ex.text[max(0, c.start - 60) : c.start]
    names = list(_TITLED_NAME.finditer(before))
    if not names:
        return ""
    name = names[-1].group(1)
    if re.search(rf"\b(?:patient|pt)\b[:,]?\s+(?:[A-Z][a-z]+\s+)?{re.escape(name)}\b", ex.text):
        return "patient"
    # "Mrs. Alvarez stayed at home today": someone absent from caregiver training is the patient,
    # unless the sentence names a caregiver in between
    between = before[names[-1].end() :]
    return "" if _CAREGIVER_BETWEEN.search(between) else "patient"


def _family(ctx: Context) -> str:
    direct_from = ctx.knowledge.codes[ctx.knowledge.family_codes("direct_care")[0]].effective_from
    if ctx.dos is not None and direct_from is not None and ctx.dos < direct_from:
        return "cts"
    direct = len(ctx.ex.of("SKILL_DIRECT_CARE", negated=False))
    functional = len(ctx.ex.of("SKILL_FUNCTIONAL", negated=False))
    return "direct_care" if direct > functional else "cts"

