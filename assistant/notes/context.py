"""What every check needs, derived once from the extraction and the caller's inputs."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from assistant.billing import rule_terms, supported_lines_for_minutes
from assistant.knowledge.loader import Knowledge
from assistant.models import BilledLine
from assistant.notes import visits
from assistant.notes.disciplines import both_billed, discipline_minutes
from assistant.notes.extract import Extraction, planned_or_earlier, session_dates
from assistant.notes.patterns import student_discipline
from assistant.notes.presence import find_presence
from assistant.notes.scan import finditer, search
from assistant.notes.times import Segment
from assistant.notes.timing import account, of_the_day, union_minutes

THERAPY_MODIFIER = {"PT": "GP", "PTA": "GP", "OT": "GO", "OTA": "GO", "SLP": "GN"}
ASSISTANT_MODIFIER = {"PTA": "CQ", "OTA": "CO"}
THERAPY_ROLES = frozenset({"PT", "PTA", "OT", "OTA", "SLP", "SLPA"})
# a segment's own words for its family: "functional training", "direct-care training", "(direct care)"
_FAMILY_NAMED = re.compile(
    r"\b(?P<direct_care>direct[- ]care(?:\s+training)?|clinical care training)\b"
    r"|\b(?P<cts>functional(?:\s+(?:training|performance|tasks))|97550)\b"
    # "Behavior management training (G0539): ... 10:00-10:35" beside "functional training 97550: ... 11:00-11:31":
    # the segment's own line names its family, so its minutes never become the other family's units (hostile16 #5)
    r"|\b(?P<behavior>behaviou?r(?:al)?[- ]management(?:\s+training)?|G0539)\b",
    re.I,
)
# "Return demo: ...", "Skilled: ...": a new element, no longer the segment's content
_LABELLED_LINE = re.compile(r"\s*(?:[-*•]\s*)?(?:[A-Za-z][\w/&' -]{0,30}:|[A-Z0-9]\)\s)")
BLOCK_CHARS = 600
# the session named as behaviour-management training (docs/CONVENTIONS.md: G0539/+G0540 from 2025): "Caregiver
# Training in Behavior Management", "CAREGIVER BEHAVIOR-MANAGEMENT TRAINING", "caregiver training (behavior
# management)", "Behavior-management strategies taught"; a skilled-need aside ("frustration/behavior mgmt") is not
_BEHAVIOR_NAMED = r"\bbehaviou?r(?:al)?[- ](?:management|modification)\b"
_BEHAVIOR_SESSION = re.compile(
    # "Content: behavior management -- identifying triggers ...": the label of what was taught names it
    r"(?:\b(?:training|trained|taught|teaching|educat\w*|instruct\w*|session|content|topics?|focus|covered)\b"
    r"[^.;\n]{0,30}?" + _BEHAVIOR_NAMED
    + r"|" + _BEHAVIOR_NAMED + r"[^.;\n]{0,40}?\b(?:training|trained|taught|strategies|plan|session|education)\b"
    # "Caregiver behavior training", "NP visit -- behavioral training for staff": the training itself so named
    + r"|\bbehaviou?r(?:al)?[- ](?:management[- ])?training\b)",
    re.I,
)
# what behaviour-management training is about (docs/CONVENTIONS.md), one kind per group: the behaviours a plan
# targets and the techniques it teaches; a session is about behaviour when several kinds appear (counted once each)
_BEHAVIOR_SIGNAL = re.compile(
    r"\b(?:(?P<agitation>agitat\w*)|(?P<aggression>aggress\w*|combative|hits? out|hitting)"
    r"|(?P<wandering>wander\w*|exit[- ]seek\w*|elop(?:e|es|ed|ing|ement)\b)|(?P<sundowning>sundown\w*)"
    r"|(?P<tantrum>tantrums?|meltdowns?)\b|(?P<self_injury>self[- ]injur\w*|head[- ]bang\w*)"
    r"|(?P<outburst>outbursts?|disinhibit\w*)|(?P<trigger>triggers?|antecedents?)\b|(?P<redirect>redirect\w*)"
    r"|(?P<deescalate>de-?escalat\w*)|(?P<reinforce>reinforce\w*|reward chart|token (?:board|economy)|praise)\b"
    r"|(?P<ignoring>planned ignoring)\b"
    r"|(?P<tracking>abc (?:log|tracking|data|chart)|behaviou?r (?:log|diary|tracking))\b"
    r"|(?P<plan>behaviou?r(?:al)?[- ](?:plan|group|strateg\w+|program\w*|intervention\w*))"
    r"|(?P<calming>calm[- ]down|time[- ]out|break card)\b|(?P<validation>validat\w+))",
    re.I,
)
BEHAVIOR_KINDS = 4  # "several": a dementia ADL session that redirects when agitated names two or three
# a functional-skill word that is itself a behaviour technique ("redirection") says nothing against behaviour
_BEHAVIOR_AS_SKILL = re.compile(r"redirect|behaviou?r", re.I)
# a heading or title naming the session a behaviour plan or group: "Parent Behavior Group -- ...", "Behavior plan
# taught:"; a line of its own, short before the words, no sentence ("... caregiver using a behavior plan." is a goal)
_BEHAVIOR_HEADING = re.compile(
    r"^[^\n:.]{0,25}?\bbehaviou?r(?:al)?[- ](?:plan|group|program|class)\b[^\n.]{0,60}$", re.I | re.M
)
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
    # ids of the rule's `findings` behind a problem: their fixes are joined, the gravest severity wins
    findings: tuple[str, ...] = ()


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
    visit: visits.Visit | None = None  # the billed visit of a document that logs several
    billed_argument: bool = False  # the caller passed the claim's lines
    impossible_units: list[str] = field(default_factory=list)  # note's lines with a unit count no claim can carry
    rule: str = "midpoint"
    roles: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    presence: list[tuple[int, int]] = field(default_factory=list)
    absence: list[tuple[int, int]] = field(default_factory=list)
    family: str = "cts"
    family_minutes: dict[str, int] = field(default_factory=dict)  # both families timed apart
    discipline_minutes: dict[str, int] = field(default_factory=dict)  # two disciplines' sessions timed apart
    co_treated_by: list[str] = field(default_factory=list)  # disciplines that co-treated and both billed
    derived_minutes: int | None = None
    stated_minutes: int | None = None
    skill_index: SkillIndex | None = field(default=None, repr=False)

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
        named = [d for d in ("PT", "OT", "SLP") if {d, d + "A"} & self.role_names]
        # co-treated: the one the note says bills, else the one the billed lines' modifier names; several disciplines
        # named in one document without a co-treatment (a team conference's attendees, then the OT's training): the
        # one the note says bills ("OT billing: 97550 GO x1"), else the one the training is written under or signed
        # by, else the first (a claim's modifier does not decide it)
        if len(named) > 1:
            return _billing_discipline(self, named, by_claim=_co_treated(self.ex.text))
        # only a student is named ("-- Shira Feldman-Oduya, SPT"): no provider, but the service is still PT's
        return named[0] if named else student_discipline(self.ex.text)

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
        return [line for line in (self.billed or []) if line.code in self.knowledge.line_codes]

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
        """Lines of other services: billed ones, else the codes the note names for this day (not caregiver training,
        not a plan or an earlier visit)."""
        training = self.knowledge.training_codes
        if self.billed_argument:
            return [line for line in self.billed or [] if line.code not in training]
        found: dict[str, BilledLine] = {}
        for m in self.ex.codes:
            if m.code not in training and not m.negated and m.code not in found and not planned_or_earlier(
                self.ex.text, *m.span
            ):
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


# two disciplines furnish one session together: one of them bills the shared minutes
# "co-treatment", "co-tx", "co-led", "joint session", "JOINT OT/PT CAREGIVER TRAINING", "led jointly"
_CO_TREAT = re.compile(
    r"\bco-?\s?(?:treat\w*|tx|led)\b|\bled\s+jointly\b"
    r"|\bjoint(?:ly)?\s+(?:(?:PT|OT|SLP|ST)\s*/\s*(?:PT|OT|SLP|ST)\s+)?(?:session|treat\w*|visit|caregiver\s+train\w*"
    r"|training)\b",
    re.I,
)


def _co_treated(text: str) -> bool:
    # RE2 says first whether the note has such words at all: the pattern opens with \b under IGNORECASE, so Python's
    # engine tries it at every position (~20-60 µs per 2 KB note) and most notes have none
    return search(_CO_TREAT, text) is not None


# "billed by OT", "billing under PT", "PT billing the shared minutes", "OT bills"; not "OT not billing", and not a
# discipline billing another service's code ("PT billed 97530 x1 GP"): only a statement about caregiver training counts
_BILLED_BY = re.compile(
    r"\bbill(?:ed|ing|s)?\s+(?:by|under)\s+(?:the\s+)?(?P<by>PT|OT|SLP|ST)\b"
    r"|\b(?P<who>PT|OT|SLP|ST)\s+(?:is\s+|will\s+)?(?:billing|bills|billed|to\s+bill)\b"
    r"(?:\s+(?P<code>\d{5}|[A-Z]\d{4})\b)?"
)
_BY_MODIFIER = {"GP": "PT", "GO": "OT", "GN": "SLP"}


# "OT caregiver training, daughter only:", "PT billing: 97550 GP": the discipline the training is written under;
# in a team note also the one the plan or the log gives the training to ("plan = OT trains her", "OT session log:")
_TRAINING_OF = re.compile(
    r"\b(?P<d>PT|OT|SLP)[ \t]+(?:(?i:caregiver|family|cg|carer)[ \t]+(?i:training|trng|session)|(?i:billing|charges)\b"
    r"|(?i:trains|(?:will|to)[ \t]+train|session[ \t]+log)\b)"
)
SIGNATURE_LINES = 3
# a hand-off note's section header: ">> PT -- Kofi Mensah, PT", "## OT", "== SLP ==" over the lines it holds
_SECTION_HEAD = re.compile(r"[ \t]*(?:>{1,2}|#{1,3}|={2,}|-{2,}|\*{2})[ \t]*(?P<d>PT|OT|SLP)\b")
SECTION_LINES = 12


def _section_discipline(ctx: Context, named: list[str]) -> str | None:
    """The discipline whose section header stands over the training's first clock range."""
    segments = ctx.ex.cts_segments
    if not segments:
        return None
    lines = ctx.ex.lines
    n = lines.number(min(seg.span[0] for seg in segments))
    for k in range(n, max(-1, n - SECTION_LINES), -1):
        m = _SECTION_HEAD.match(ctx.ex.text, *lines.line_span(k))
        if m is not None:
            return m["d"] if m["d"] in named else None
    return None


def _team_discipline(ctx: Context, named: list[str]) -> str:
    """A team's members named, nobody co-treating ("Attendees: ... Faye Roux, PT" ... "-- I. Marten, OTR/L"): the
    discipline the training is written under, else the only one who signs, else the first named."""
    text = ctx.ex.text
    under = {m["d"] for m in _TRAINING_OF.finditer(text)} & set(named)
    if len(under) == 1:
        return under.pop()
    section = _section_discipline(ctx, named)
    if section is not None:
        return section
    signature = len(text.rstrip())
    for _ in range(SIGNATURE_LINES):  # the start of the note's last lines, where it is signed
        signature = max(0, text.rfind("\n", 0, signature))
    # one discipline signs; two signing together ("A. Ray, PT; B. Cho, OTR/L") say nothing of who furnished it
    signed = {role.removesuffix("A") for role, span in ctx.roles if span[0] >= signature} & set(named)
    return signed.pop() if len(signed) == 1 else named[0]


def _billing_discipline(ctx: Context, named: list[str], *, by_claim: bool) -> str:
    """The discipline that bills a session two disciplines are named in: the one the note says bills, else (with
    `by_claim`) the one whose therapy modifier the billed caregiver-training lines carry, else the first named;
    without it, the team's discipline."""
    for m in _BILLED_BY.finditer(ctx.ex.text):
        if m["code"] and m["code"] not in ctx.knowledge.training_codes:
            continue
        said = {"ST": "SLP"}.get(m["by"] or m["who"], m["by"] or m["who"])
        if said in named:
            return said
    if not by_claim:
        return _team_discipline(ctx, named)
    billed = {_BY_MODIFIER[mod] for line in ctx.billed_cts for mod in line.modifiers if mod in _BY_MODIFIER}
    chosen = [d for d in named if d in billed]
    return chosen[0] if len(chosen) == 1 else named[0]


def build_context(
    ex: Extraction,
    *,
    knowledge: Knowledge,
    profile: str,
    today: date,
    dos: date | None,
    billed: list[BilledLine] | None,
    split: tuple[list[visits.Visit], visits.Visit | None] | None = None,
) -> Context:
    dos_span = None
    dos_from_note = False
    note_dos = None
    labelled = session_dates(ex)
    # a record that quotes an earlier entry before the session's own ("[From the initial evaluation, 03/31/2025]
    # ... [Caregiver training note, 04/15/2025]"): the passed date, when the note gives it too, is the note's own
    labelled = [d for d in labelled if d.value == dos] or labelled
    if labelled:
        dos_span, note_dos = labelled[0].span, labelled[0].value
        if dos is None:
            dos, dos_from_note = note_dos, True
    billed_spans: list[tuple[int, int]] = []
    billed_argument = billed is not None
    if billed is None:
        billed, billed_spans = _billed_from_note(ex, knowledge.training_codes)
    visit = _billed_visit(ex, split)
    if dos is not None:
        of_the_day(ex.lines, ex.time, [(d.value, d.span) for d in ex.dates if d.label != "other"], dos)
    ctx = Context(ex, knowledge, profile, today, dos, dos_span, dos_from_note, billed, billed_spans, note_dos)
    ctx.visit = visit
    ctx.billed_argument = billed_argument
    if not billed_argument:
        ctx.impossible_units = [
            f"{m.code} {m.units_written}" for m in ex.codes
            if m.units_written and m.code in knowledge.training_codes and not m.negated
        ]
    ctx.rule = "full_time" if profile == "strict" else "midpoint"
    ctx.roles = [(c.role, c.span) for c in ex.credentials]
    ctx.roles += [("SLPA", (c.start, c.end)) for c in ex.of("SLPA", negated=False)]
    ctx.presence, ctx.absence = find_presence(ex)
    ctx.family_minutes = _family_minutes(ctx)
    ctx.family = _family(ctx)
    co_treated = _co_treated(ex.text)
    ctx.discipline_minutes = discipline_minutes(ctx, co_treated=co_treated)
    ctx.co_treated_by = both_billed(ctx, co_treated=co_treated)
    ctx.derived_minutes = ex.time.derived
    if ex.time.stated is not None:
        ctx.stated_minutes = ex.time.stated.minutes
    return ctx


def _billed_visit(ex: Extraction, split: tuple[list[visits.Visit], visits.Visit | None] | None) -> visits.Visit | None:
    """In a log of several dated visits, the one of the date of service: its minutes are re-counted on its own clock
    times (and on what precedes the first visit), never on another visit's. `split`: the visits already found on
    the note as submitted (the caller then blanked the other visits)."""
    if split is None:  # the date the note gives, not a claim's: which visit was billed is not known
        return None
    found, chosen = split
    if chosen is not None:
        ex.time = account(ex.text, ex.lines, visits.restrict(ex.times, found, chosen), ex.service)
    return chosen


def _billed_from_note(
    ex: Extraction, training: frozenset[str]
) -> tuple[list[BilledLine] | None, list[tuple[int, int]]]:
    lines: dict[tuple[str, str], BilledLine] = {}
    spans: list[tuple[int, int]] = []
    for mention in ex.codes:
        if mention.code not in training or mention.negated:
            continue
        spans.append(mention.span)
        key = _line_key(lines, mention.code, mention.modifiers)
        known = lines.get(key)
        if known is None or (mention.units is not None and known.units == 1 and not known.modifiers):
            lines[key] = BilledLine(code=mention.code, units=mention.units or 1, modifiers=mention.modifiers)
        elif mention.modifiers and not known.modifiers:
            lines[key] = BilledLine(code=mention.code, units=known.units, modifiers=mention.modifiers)
    return (list(lines.values()) or None), spans


def _line_key(lines: dict[tuple[str, str], BilledLine], code: str, modifiers: list[str]) -> tuple[str, str]:
    """A code is one line, unless the note bills it again under another discipline's therapy modifier ("97550 x1 GP;
    97550 x1 GO"): that is a second line, never merged into the first and lost (hostile16 #4)."""
    therapy = next((m for m in modifiers if m in _BY_MODIFIER), "")
    same = [key for key in lines if key[0] == code]
    if not same or (code, therapy) in lines:
        return (code, therapy)
    if therapy and all(key[1] and key[1] != therapy for key in same):
        return (code, therapy)
    return same[0]


def _direct_care_allowed(ctx: Context) -> bool:
    direct_from = ctx.knowledge.codes[ctx.knowledge.family_codes("direct_care")[0]].effective_from
    return not (ctx.dos is not None and direct_from is not None and ctx.dos < direct_from)


# "(skin breakdown risk)", "risk of skin breakdown", "infection risk": a risk the skilled need names, not care taught
_RISK_AFTER = re.compile(r"[ \t]{0,2}risks?\b", re.I)
_RISK_BEFORE = re.compile(r"\brisks?\s(?:of|for)\s$", re.I)


class SkillIndex:
    """Direct-care and functional skill mentions, indexed once so any stretch of the note is counted in
    O(log n); a functional word inside a direct-care phrase ("hygiene" in "hand hygiene", "feeding" in
    "bolus feeding") is not counted twice."""

    def __init__(self, ex: Extraction) -> None:
        direct = [
            (c.start, c.end)
            for c in ex.of("SKILL_DIRECT_CARE", negated=False)
            if not (_RISK_AFTER.match(ex.text, c.end) or _RISK_BEFORE.search(ex.text, max(0, c.start - 12), c.start))
        ]
        direct_starts = [d[0] for d in direct]
        functional = []
        for c in ex.of("SKILL_FUNCTIONAL", negated=False):
            i = bisect_right(direct_starts, c.start) - 1
            if i < 0 or c.start >= direct[i][1]:
                functional.append((c.start, c.end))
        self.spans = {"direct": direct, "functional": functional}
        self.starts = {kind: [s for s, _ in spans] for kind, spans in self.spans.items()}

    def _count(self, kind: str, a: int, b: int | None) -> int:
        starts, spans = self.starts[kind], self.spans[kind]
        lo = bisect_left(starts, a)
        hi = len(starts) if b is None else bisect_left(starts, b)
        # a mention that starts inside but runs past the stretch is not in it (mentions are short: few steps)
        while b is not None and hi > lo and spans[hi - 1][1] > b:
            hi -= 1
        return hi - lo

    def counts(self, a: int = 0, b: int | None = None) -> tuple[int, int]:
        """(direct-care, functional) mentions in text[a:b]."""
        return self._count("direct", a, b), self._count("functional", a, b)


def _skills(ctx: Context, a: int = 0, b: int | None = None) -> tuple[int, int]:
    if ctx.skill_index is None:
        ctx.skill_index = SkillIndex(ctx.ex)
    return ctx.skill_index.counts(a, b)


def _from(ctx: Context, family: str) -> bool:
    """Whether the family's codes exist on the date of service (G0539-G0543: from 2025-01-01)."""
    first = ctx.knowledge.codes[ctx.knowledge.family_codes(family)[0]].effective_from
    return not (ctx.dos is not None and first is not None and ctx.dos < first)


def _family(ctx: Context) -> str:
    """Code family by content (docs/CONVENTIONS.md): behaviour management or direct clinical care from 2025,
    else functional. Behaviour management is the session the note names as such; for a group it has no
    caregiver-training code (96202), so the family then supports no line."""
    if not _direct_care_allowed(ctx):
        return "cts"
    if _from(ctx, "behavior") and _about_behavior(ctx):
        return "behavior"
    if next(finditer(_DIRECT_CARE_SESSION, ctx.ex.text), None) and not ctx.family_minutes:
        return "direct_care"  # "Caregiver training (direct care)" says what the session was
    direct, functional = _skills(ctx)
    return "direct_care" if direct > functional else "cts"


def _about_behavior(ctx: Context) -> bool:
    """Behaviour management is the session's main subject: the note names it so ("caregiver training in behavior
    management"), a heading names a behaviour plan or group, or several kinds of behaviour signal (targets such
    as agitation or tantrums, techniques such as triggers, de-escalation, reinforcement) outnumber the functional
    skills taught. An ADL session that redirects when the patient is agitated stays functional."""
    text = ctx.ex.text
    if next(finditer(_BEHAVIOR_SESSION, text), None):
        return True
    kinds = {m.lastgroup for m in finditer(_BEHAVIOR_SIGNAL, text)}
    if len(kinds) >= 2 and next(finditer(_BEHAVIOR_HEADING, text), None):
        return True
    if len(kinds) < BEHAVIOR_KINDS:
        return False
    functional = [c for c in ctx.ex.of("SKILL_FUNCTIONAL", negated=False) if not _BEHAVIOR_AS_SKILL.search(c.text)]
    return len(kinds) > len(functional)


def _segment_block(ctx: Context, seg_start: int, others: list[int]) -> tuple[int, int]:
    """The segment's line and the unlabelled lines that continue it ("B) 9:28-9:50 - direct-care training:
    catheter care, ...\n leg bag to night bag change ..."), up to a blank or labelled line, another
    segment's line or BLOCK_CHARS: what was trained in that segment's minutes."""
    lines = ctx.ex.lines
    n = lines.number(seg_start)
    a, b = lines.line_span(n)
    while n + 1 < len(lines.starts) and b - a < BLOCK_CHARS:
        start, end = lines.line_span(n + 1)
        nxt = ctx.ex.text[start:end]
        i = bisect_left(others, start)
        if not nxt.strip() or _LABELLED_LINE.match(nxt) or (i < len(others) and others[i] <= end):
            break
        n, b = n + 1, end
    return a, min(b, a + BLOCK_CHARS)


def _segment_family(ctx: Context, seg_start: int, block: tuple[int, int], starts: list[int]) -> str | None:
    """The family a segment's own line names ("functional training", "direct-care training"), else the
    one its block's content shows; None when the content is even. A line that holds two segments side by side (a
    two-column export: "A) 13:00-13:26 functional training:   B) 13:26-13:50 direct-care training:") gives each
    segment its own part of it, up to the next segment."""
    line_start, line_end = ctx.ex.lines.bounds(seg_start, seg_start)
    following = [s for s in starts if seg_start < s < line_end]
    shared = any(line_start <= s < seg_start for s in starts)
    own = ctx.ex.text[seg_start if shared else line_start : following[0] if following else line_end]
    named = {m.lastgroup for m in _FAMILY_NAMED.finditer(own)}
    if len(named) == 1:
        return named.pop()
    direct, functional = _skills(ctx, *block)
    if direct == functional:
        return None
    return "direct_care" if direct > functional else "cts"


def _family_minutes(ctx: Context) -> dict[str, int]:
    """Minutes per family when each CTS segment says which training it was ("Functional training
    10:00-10:25 ...; Direct-care training 10:25-10:45 ..."): each family on its own minutes, never
    pooled (docs/CONVENTIONS.md)."""
    segments = ctx.ex.cts_segments
    if not _direct_care_allowed(ctx) or len(segments) < 2 or ctx.ex.time.subtracted:
        return {}
    starts = sorted(seg.span[0] for seg in segments)  # a block ends at the next segment's line
    by_family: dict[str, list[Segment]] = {}
    for seg in segments:
        family = _segment_family(ctx, seg.span[0], _segment_block(ctx, seg.span[0], starts), starts)
        if family is None:
            return {}
        by_family.setdefault(family, []).append(seg)
    # a range written twice counts once; families that overlap in time cannot be told apart
    minutes = {family: union_minutes(segs)[0] for family, segs in by_family.items()}
    return minutes if len(minutes) >= 2 and sum(minutes.values()) == ctx.ex.time.derived else {}
