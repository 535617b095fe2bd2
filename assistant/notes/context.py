"""What every check needs, derived once from the extraction and the caller's inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from assistant.billing import rule_terms, supported_lines_for_minutes
from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine
from assistant.notes.extract import Extraction
from assistant.notes.presence import find_presence

THERAPY_MODIFIER = {"PT": "GP", "PTA": "GP", "OT": "GO", "OTA": "GO", "SLP": "GN"}
ASSISTANT_MODIFIER = {"PTA": "CQ", "OTA": "CO"}
THERAPY_ROLES = frozenset({"PT", "PTA", "OT", "OTA", "SLP", "SLPA"})


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
    if billed is None:
        billed, billed_spans = _billed_from_note(ex, knowledge.training_codes)
    ctx = Context(ex, knowledge, profile, today, dos, dos_span, dos_from_note, billed, billed_spans, note_dos)
    ctx.rule = "full_time" if profile == "strict" else "midpoint"
    ctx.roles = [(c.role, c.span) for c in ex.credentials]
    ctx.roles += [("SLPA", (c.start, c.end)) for c in ex.of("SLPA", negated=False)]
    ctx.presence, ctx.absence = find_presence(ex)
    ctx.family = _family(ctx)
    ctx.derived_minutes = ex.time.derived
    if ex.time.stated is not None:
        ctx.stated_minutes = ex.time.stated.minutes
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


def _family(ctx: Context) -> str:
    direct_from = ctx.knowledge.codes[ctx.knowledge.family_codes("direct_care")[0]].effective_from
    if ctx.dos is not None and direct_from is not None and ctx.dos < direct_from:
        return "cts"
    direct = len(ctx.ex.of("SKILL_DIRECT_CARE", negated=False))
    functional = len(ctx.ex.of("SKILL_FUNCTIONAL", negated=False))
    return "direct_care" if direct > functional else "cts"

