"""What every check needs, derived once from the extraction and the caller's inputs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from assistant.billing import rule_terms, supported_lines_for_minutes
from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine
from assistant.notes.extract import Extraction
from assistant.notes.presence import find_presence
from assistant.notes.scan import finditer

THERAPY_MODIFIER = {"PT": "GP", "PTA": "GP", "OT": "GO", "OTA": "GO", "SLP": "GN"}
ASSISTANT_MODIFIER = {"PTA": "CQ", "OTA": "CO"}
THERAPY_ROLES = frozenset({"PT", "PTA", "OT", "OTA", "SLP", "SLPA"})
_DIRECT_CARE_SESSION = re.compile(
    r"\b(?:caregiver training|cts|training)\s*[(,:-]\s*direct[- ]care\b|\bdirect[- ]care\)", re.I
)


@lru_cache(maxsize=8)
def _terms(rule: str, primary: str, addon: str) -> dict[str, str]:
    return rule_terms(rule, (primary, addon))


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
    note_dos: date | None = None  # the date the note itself gives for the session
    billed_argument: bool = False  # the caller passed the claim's lines
    rule: str = "midpoint"
    roles: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    presence: list[tuple[int, int]] = field(default_factory=list)
    absence: list[tuple[int, int]] = field(default_factory=list)
    family: str = "cts"
    family_minutes: dict[str, int] = field(default_factory=dict)  # both families timed apart
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
        """What the documented minutes alone support, ignoring every other finding; each code family on
        its own minutes when both are documented with their own times."""
        if self.total_minutes is None:
            return []
        by_family = self.family_minutes or {self.family: self.total_minutes}
        lines: list[tuple[str, int]] = []
        for family, minutes in by_family.items():
            primary, addon, _ = self.knowledge.family_codes(family)
            lines += supported_lines_for_minutes(minutes, rule=self.rule, codes=(primary, addon))
        return lines

    def same_day_lines(self) -> list[BilledLine]:
        """Lines of other services: billed ones, else the codes the note names (not caregiver training)."""
        training = self.knowledge.training_codes
        if self.billed_argument:
            return [line for line in self.billed or [] if line.code not in training]
        found: dict[str, BilledLine] = {}
        for m in self.ex.codes:
            if m.code not in training and not m.negated and m.code not in found:
                found[m.code] = BilledLine(code=m.code, units=m.units or 1, modifiers=m.modifiers)
        return list(found.values())

    def rule_terms(self) -> dict[str, str]:
        primary, addon, _ = self.knowledge.family_codes(self.family)
        return _terms(self.rule, primary, addon)

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
    note_dos = None
    labelled = [d for d in ex.dates if d.label == "dos"] or [d for d in ex.dates if d.label == ""]
    if labelled:
        dos_span, note_dos = labelled[0].span, labelled[0].value
        if dos is None:
            dos, dos_from_note = note_dos, True
    billed_spans: list[tuple[int, int]] = []
    billed_argument = billed is not None
    if billed is None:
        billed, billed_spans = _billed_from_note(ex, knowledge.training_codes)
    ctx = Context(ex, knowledge, profile, today, dos, dos_span, dos_from_note, billed, billed_spans, note_dos)
    ctx.billed_argument = billed_argument
    ctx.rule = "full_time" if profile == "strict" else "midpoint"
    ctx.roles = [(c.role, c.span) for c in ex.credentials]
    ctx.roles += [("SLPA", (c.start, c.end)) for c in ex.of("SLPA", negated=False)]
    ctx.presence, ctx.absence = find_presence(ex)
    ctx.family_minutes = _family_minutes(ctx)
    ctx.family = _family(ctx)
    ctx.derived_minutes = ex.time.derived
    if ex.time.stated is not None:
        ctx.stated_minutes = ex.time.stated.minutes
    return ctx


def _billed_from_note(
    ex: Extraction, training: frozenset[str]
) -> tuple[list[BilledLine] | None, list[tuple[int, int]]]:
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


def _direct_care_allowed(ctx: Context) -> bool:
    direct_from = ctx.knowledge.codes[ctx.knowledge.family_codes("direct_care")[0]].effective_from
    return not (ctx.dos is not None and direct_from is not None and ctx.dos < direct_from)


def _skills(ctx: Context, a: int = 0, b: int | None = None) -> tuple[int, int]:
    """(direct-care, functional) skill mentions in text[a:b]; a functional word inside a direct-care
    phrase ("hygiene" in "hand hygiene", "feeding" in "bolus feeding") is not counted twice."""
    direct = [c for c in ctx.ex.of("SKILL_DIRECT_CARE", negated=False) if a <= c.start and (b is None or c.end <= b)]
    functional = [
        c
        for c in ctx.ex.of("SKILL_FUNCTIONAL", negated=False)
        if a <= c.start and (b is None or c.end <= b) and not any(d.start <= c.start < d.end for d in direct)
    ]
    return len(direct), len(functional)


def _family(ctx: Context) -> str:
    """Code family by content (docs/CONVENTIONS.md): direct clinical care from 2025, else functional."""
    if not _direct_care_allowed(ctx):
        return "cts"
    if next(finditer(_DIRECT_CARE_SESSION, ctx.ex.text), None) and not ctx.family_minutes:
        return "direct_care"  # "Caregiver training (direct care)" says what the session was
    direct, functional = _skills(ctx)
    return "direct_care" if direct > functional else "cts"


def _family_minutes(ctx: Context) -> dict[str, int]:
    """Minutes per family when each CTS segment's own line says which training it was ("Functional
    training 10:00-10:25 ...; Direct-care training 10:25-10:45 ..."): never pooled (spec/checks.md)."""
    if not _direct_care_allowed(ctx) or len(ctx.ex.cts_segments) < 2 or ctx.ex.time.subtracted:
        return {}
    minutes: dict[str, int] = {}
    for seg in ctx.ex.cts_segments:
        a, b = ctx.ex.lines.bounds(*seg.span)
        direct, functional = _skills(ctx, a, b)
        if direct == functional:
            return {}
        family = "direct_care" if direct > functional else "cts"
        minutes[family] = minutes.get(family, 0) + seg.minutes
    return minutes if len(minutes) == 2 else {}
