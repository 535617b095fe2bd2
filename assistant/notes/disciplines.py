"""Caregiver training by two disciplines on one date, each in its own session (pure).

A PT session 09:00-09:30 and an OT session 13:00-13:40 with the same caregiver, billed "97550 x1 GP; 97550 x1 GO,
97551 x1 GO": each discipline's session is timed on its own minutes and its own GO/GP line is not called wrong
(hostile16 #4); the units check still holds 97550 to once per patient per date (facts §3, [inferred]) and says what
the day's minutes support together (`knowledge/rules/units.yaml`). This applies only when the billed lines carry the
therapy modifiers of exactly the disciplines whose sessions the note times apart; a co-treatment (both disciplines
in the same minutes) is one session and is never split here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from assistant.billing import supported_lines_for_minutes
from assistant.models import BilledLine
from assistant.notes.timing import union_minutes

if TYPE_CHECKING:
    from assistant.notes.times import Segment

# `ctx` below is a notes.context.Context; it is not imported (context imports this module), so the import runs one way
Context = Any

THERAPY_OF = {"PT": "GP", "OT": "GO", "SLP": "GN"}
DISCIPLINE_OF = {mod: d for d, mod in THERAPY_OF.items()}
ASSISTANT_OF = {"PTA": "CQ", "OTA": "CO"}
# the discipline a segment's own line names: "PT SESSION (Q. Harrow, PT, DPT) 09:00-09:30", "OTR/L 13:00-13:40"
_NAMED = re.compile(
    r"\b(?:(?P<PT>D?PTA?|physical therapy)|(?P<OT>C?OTA|OTR(?:/L)?|OT|occupational therapy)"
    r"|(?P<SLP>SLP|speech(?:[- ]language)? (?:pathology|therapy)))\b"
)


def billed_disciplines(lines: list[BilledLine]) -> set[str]:
    """The disciplines whose therapy modifier the billed caregiver-training lines carry."""
    return {DISCIPLINE_OF[mod] for line in lines for mod in line.modifiers if mod in DISCIPLINE_OF}


def _named_on_line(ctx: Context, seg: Segment) -> set[str]:
    n = ctx.ex.lines.number(seg.span[0])
    a, b = ctx.ex.lines.line_span(n)
    return {m.lastgroup for m in _NAMED.finditer(ctx.ex.text, a, b) if m.lastgroup}


def discipline_minutes(ctx: Context, co_treated: bool) -> dict[str, int]:
    """Minutes per discipline when each caregiver-training segment's own line names one discipline, the billed lines
    carry exactly those disciplines' modifiers, and the segments add up to the session's time; else {}."""
    billed = billed_disciplines(ctx.billed_cts)
    segments = ctx.ex.cts_segments
    if co_treated or len(billed) < 2 or len(segments) < 2 or ctx.ex.time.subtracted:
        return {}
    by: dict[str, list[Segment]] = {}
    for seg in segments:
        named = _named_on_line(ctx, seg)
        if len(named) != 1:
            return {}
        by.setdefault(named.pop(), []).append(seg)
    minutes = {d: union_minutes(segs)[0] for d, segs in by.items()}
    if set(minutes) != billed or sum(minutes.values()) != ctx.ex.time.derived:
        return {}
    return minutes


def discipline_lines(ctx: Context) -> list[BilledLine]:
    """Each discipline's lines on its own minutes, under its own therapy modifier (and CQ/CO for its assistant)."""
    primary, addon, _ = ctx.knowledge.family_codes(ctx.family)
    out: list[BilledLine] = []
    for d, minutes in ctx.discipline_minutes.items():
        mods = [THERAPY_OF[d]]
        if ctx.assistant_role and ctx.assistant_role.startswith(d):
            mods.append(ASSISTANT_OF[ctx.assistant_role])
        out += [BilledLine(code=code, units=units, modifiers=list(mods))
                for code, units in supported_lines_for_minutes(minutes, rule=ctx.rule, codes=(primary, addon))]
    return out


def _per_modifier(lines: list[BilledLine], modifier: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in lines:
        if modifier in line.modifiers and line.units > 0:
            out[line.code] = out.get(line.code, 0) + line.units
    return out


def _fmt(lines: dict[str, int]) -> str:
    return " + ".join(f"{code}×{units}" for code, units in lines.items()) or "no CTS units"


def units_by_discipline(ctx: Context) -> tuple[bool, str]:
    """Whether each discipline's billed lines match its own minutes, and the sentence that says so."""
    supported = discipline_lines(ctx)
    parts, same = [], True
    for d, minutes in ctx.discipline_minutes.items():
        mod = THERAPY_OF[d]
        billed, wanted = _per_modifier(ctx.billed_cts, mod), _per_modifier(supported, mod)
        same = same and billed == wanted
        parts.append(f"{d}: {_fmt(billed)} {mod} billed, {minutes} minutes support {_fmt(wanted)}")
    return same, "; ".join(parts) + " (each discipline on its own session's minutes, under its own modifier)"


def both_billed(ctx: Context, co_treated: bool) -> list[str]:
    """The disciplines of a co-treatment that each bill caregiver-training lines: the co-treated minutes are one
    session's time, to be split between them, never billed in full by both (hostile16 #4)."""
    if not co_treated:
        return []
    named = {d for d in THERAPY_OF if {d, d + "A"} & ctx.role_names}
    billed = billed_disciplines(ctx.billed_cts)
    return sorted(billed) if len(billed) >= 2 and billed <= named else []


def co_treatment_split(ctx: Context) -> str:
    """What the check says when both co-treating disciplines bill: the minutes are split, the lines pooled."""
    primary, addon, _ = ctx.knowledge.family_codes(ctx.family)
    total = ctx.total_minutes or 0
    most = dict(supported_lines_for_minutes(total, rule=ctx.rule, codes=(primary, addon)))
    who = " and ".join(ctx.co_treated_by)
    billed = ", ".join(f"{ln.code}×{ln.units} {' '.join(ln.modifiers)}".strip() for ln in ctx.billed_cts)
    return (
        f"{who} co-treated and both bill caregiver training ({billed}): "
        f"the {total} co-treated minutes are one session's time, split between the disciplines (each bills only its "
        f"own share, under its own modifier), never billed in full by both; together the lines may not exceed what "
        f"{total} minutes support ({_fmt(most)}); write each discipline's share of the minutes."
    )
