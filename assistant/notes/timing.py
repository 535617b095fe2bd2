"""Caregiver-training minutes: which clock ranges and durations count, and how they were counted.

Only CTS time counts (docs/CONVENTIONS.md, real-world notes): clock ranges of other services the
same day are kept apart; breaks are excluded, whether written as their own range ("break
2:15-2:25"), as a duration ("10 min break", "off the clock 10 min") or as a gap between segments
("2:00-2:15 and 2:25-2:45 (excluding break)"). Several CTS segments add up. `basis` says how the
minutes were counted, in the words a biller can check against the note.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from assistant.notes import invites, quoted, sheet_rows
from assistant.notes.kin import kin_names
from assistant.notes.lines import LineIndex
from assistant.notes.patterns import TEAM_MEETING
from assistant.notes.scan import finditer
from assistant.notes.services import ServiceLines
from assistant.notes.times import Duration, Segment, TimeParse

MISMATCH_TOLERANCE = 2  # minutes; rounding on a clock face
HALF_DAY = 12 * 60
# "break 2:15-2:25", "brk 0931-0941", "(lunch 12:00-12:30)", "not counted: 9:20-9:35", "feed froze 14:11-14:15"
_BREAK_BEFORE = re.compile(
    # "lunch" is the break's, not the setting of a treatment ("dysphagia tx with pt at lunch: 11:00-11:40")
    r"\b(break|brk|rest|pause|paused|(?<!at )(?<!during )(?<!over )lunch|off the clock|not counted|excluded"
    r"|not billed|stepped out|interrupt\w*"
    # "video dropped 15:20-15:28", "feed froze 14:11-14:15": the call was down
    r"|dropped|disconnected|lost connection|outage|reconnect\w*|froze|frozen)\b"
    r"[^\d\n;.)]{0,12}$",
    re.I,
)
# a time-stamped entry that stops the training until the next entry: "10:20 paused (phone call)", "14:05 break",
# "10:40 wife stepped out", "9:15 session interrupted by a fire drill"
_STAMP_PAUSE = re.compile(
    r"\b(?:paused?|pausing|breaks?|brk|on hold|stepped out|steps out|left the room|interrupt\w*|not counted"
    r"|off the clock|stopped the clock)\b",
    re.I,
)
# a verdict written after the range it judges: "9:25-9:35 not counted"
_VERDICT = re.compile(r"not counted|excluded|not billed|off the clock", re.I)
# "stepped out 14:41-14:50 to move the car (not counted)": the verdict later in the same clause
# ... "1:41-1:50 on the phone, off the clock; 1:50-2:03 ...", "Eval/discharge summary 9:00-9:20 (not CTS). CTS
# 9:20-9:45": a verdict its own clause closes (a stop, or for "not CTS" a bracket, before the next range) judges the
# range before it, not the next one
_NOT_TRAINING = r"not (?:cts|caregiver training|part of (?:the )?(?:cts|caregiver training))"
_DEDUCTED = re.compile(r"\b(?:minus|less|deduct\w*|subtract\w*|excluding)\b", re.I)
_EXCLUDED_LATER = re.compile(
    # "(break excluded)." names what was excluded (the total's qualifier): only the verdicts on the range itself close
    r"^[^\d\n;]{0,150}?\b(?:(?:not counted|not billed|off the clock)\b(?![^\n\d.;]{0,12}\d)"
    r"|(?:excluded|not included)\b(?![^\n\d]{0,12}\d)"
    rf"|{_NOT_TRAINING}\b(?![^\n\d.;)]{{0,12}}\d))",
    re.I,
)
# "2:15-2:25 break", "(9:20-9:35 break - not counted)"; not "(excluding break)", which qualifies the total
_BREAK_AFTER = re.compile(
    r"^[\s,:|–-]{0,4}(?:break|brk|rest|pause|lunch|off the clock|not counted|not billed|excluded"
    # "(10:20-10:27 on hold w/ pharmacy)", "10:20-10:25 interruption (doorbell)": the session held meanwhile
    r"|on hold|interrupt\w*|stepped out|left the room)\b"
    r"(?![^\n\d]{0,12}\d)",
    re.I,
)  # "2:00-2:45, break 2:15-2:25": the cue labels the next range
# "Total treatment time 77 min", "total timed code minutes": the visit, not caregiver training
_BREAK_EXCLUDED = re.compile(
    r"\b(?:excluding|excludes|excl\.?|minus|less|not including|without)\s+(?:the\s+|a\s+)?(?:\d+\s?min\w*\s+)?break"
    r"|\bbreaks?\s+(?:excluded|not counted|not included)",
    re.I,
)
# "(dialysis 12:30-16:30)", "(09:05-10:00, different therapist)": where the patient was, in brackets
_ELSEWHERE_PLACES = (
    r"(?:dialysis|infusion|appointment|appt|day program|day cent(?:er|re)|daycare|day care|adult day"
    r"|senior cent(?:er|re)|class|school|clinic|different therapist|another therapist|other therapist"
    # a facility's own rooms and a resident's outings: "Res at the unit beauty salon 1:00-2:00 for a hair appt"
    r"|salon|beauty shop|hairdresser|barber(?:shop)?|vascular lab|chapel|church|bingo|activity room)"
)
_ELSEWHERE = re.compile(rf"\b{_ELSEWHERE_PLACES}\b", re.I)
# "not present; at senior day center 9a-3p", "pt at dialysis 12:30-4:30": where the patient spends those hours, the
# place named right before the range in the same clause
_AT_ELSEWHERE = re.compile(
    # ... or an export's field of where the patient is ("PT_WHERE=dialysis (chair 11:00-15:00)", "location: clinic")
    rf"(?:\b(?:at|in|attends|attending)\s+|(?:where|whereabouts|location)[ \t]*[:=][ \t]*)"
    rf"(?:(?:the|his|her|their|a|an)\s+)?(?:[\w'-]+\s+){{0,2}}?{_ELSEWHERE_PLACES}\b"
    r"[^.;\n\d()]{0,12}$",
    re.I,
)
# "Need: she is lifting him alone from 3-7 pm": a line that states the need, history or goal describes the
# household's day, not the session
_CONTEXT_LINE = re.compile(
    r"[\s*-]*(?:needs?|(?:interval |past |medical )?(?:hx|history)(?:[ \t]*\([^()\n]{0,60}\))?|pmh|plof"
    r"|prior level of function|social(?: hx| history)?|background"
    r"|(?:prior|previous|last)(?: sessions?| visits?| cts)?(?:\s+(?:on\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?)?"
    r"|(?:poc\s+)?(?:goals?|ltg|stg)(?:\s*#?\d+)?)\s*[:=]",
    re.I,
)
# "she is with him weekdays 8 am to 2 pm", "the aide works 7-3", "Tuesdays 1-4 pm": a caregiver's or an
# aide's schedule, not when the training took place. The cue leads the range with no training word between.
# "identified triggers: 4-6 pm noise", "agitation peaks 3-5 pm", "naps 1-3": the time of day a description of the
# patient's behaviour or routine is about, not the session (the cue leads the range in the same clause)
_DAY_DESCRIBED = re.compile(
    r"\b(?:triggers?|antecedents?|worse|worst|peaks?|agitat\w*|sundown\w*|restless\w*|naps?|napping|sleeps?"
    r"|wakes?|meals?|medications?|meds|episodes?|outbursts?|wander\w*|tantrums?|meltdowns?)\b"
    # "trigger tracking log (ABC chart) -- noise, 4-6 pm shadows": a bracketed aside stays in the clause
    r"(?:[^.;\n\d()]|\([^.;\n\d()]{0,20}\)){0,30}$",
    re.I,
)
# a trigger list reaches further, brackets and all: "antecedent/trigger tracking log (ABC chart) -- noise, 4-6 pm
# shadows" (a trigger or antecedent is always something described, never the session)
_TRIGGER_LISTED = re.compile(r"\b(?:triggers?|antecedents?)\b[^.;\n\d]{0,60}$", re.I)
_SCHEDULE_BEFORE = re.compile(
    # who keeps the hours: "works", "is with him", "her shift", "comes" lead the range from a few words away
    # ("a call from work, we resumed 11:30-11:48", "she had to leave for work, 11:05-11:17": "work" the noun is not
    # who keeps hours)
    r"\b(?:works?(?<!from work)(?<!at work)(?<!to work)(?<!for work)(?<!off work)|working|shifts?|on duty"
    r"|hours\s+(?:are|of)|comes?"
    r"|(?:is|are|stays?|sits?)\s+(?:with|there|over|in))"
    r"\b(?P<between>[^.;!?\n]{0,40})$"
    # "(with him 8 am to 2 pm)": whose hours the bracket gives, right before the range
    r"|\(\s*with\s+(?:him|her|them|the\s+(?:patient|pt))\s+$"
    # when a behaviour usually happens, right before the range: "triggers: 4-6 pm noise", "agitation worst 3-7 pm"
    r"|\b(?:triggers?|sundowning|agitation|agitated|outbursts?|episodes?)(?:\s+(?:is\s+|are\s+)?(?:worst|worse"
    r"|peaks?|usually|mostly|occurs?|happens?))?\s*:?\s*(?:from\s+|at\s+|around\s+|between\s+)?$"
    # how often: "weekdays 8 am to 2 pm", "Tuesdays 1-4 pm", "every morning 9-11", right before the range
    r"|\b(?:weekdays|weekends|weeknights|daily|every\s+(?:day|morning|afternoon|evening|night|week\w*|mon\w*"
    r"|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*)|each\s+(?:day|morning|afternoon|evening|night|weekday)"
    r"|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|m-f|mon\s?-\s?fri|mwf|nights|mornings"
    r"|afternoons|evenings)\s*(?:from\s+|at\s+)?$"
    # "dialysis M/W/F 6:00-10:00", "T/Th 1-3 pm": the days of the week, slashed
    r"|(?<![\w/])(?:m/w/f|mon/wed/fri|t/th|tu/th|tue/thu|tues/thurs|m/w|w/f|sat/sun)\s*(?:from\s+|at\s+)?$",
    re.I,
)
_SCHEDULE_AFTER = re.compile(
    r"\s*,?\s*(?:daily|weekdays|on weekdays|every\s+(?:day|week\w*)|each\s+(?:day|weekday)|mon\s?-\s?fri|m-f"
    r"|shifts?|on\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
    r"|\d\s?(?:x|times|days)\s?(?:/|a|per)\s?(?:wk|week))\b",
    re.I,
)
# "Travel: 11:50-12:55 (65 min), 2:05-3:10 return", "drive time 0810-0905", "windshield time 1:10-1:45": the
# therapist's travel on a home or rural visit, not the session (a line labelled so, or the cue right before the range)
_TRAVEL = r"(?:travel(?:l?ed|l?ing)?|drive|driving|drove|mileage|commute|windshield\s+time|en\s+route|transit)"
_TRAVEL_LINE = re.compile(rf"[ \t*-]*(?:\w+\s+)?{_TRAVEL}\b", re.I)
_TRAVEL_BEFORE = re.compile(rf"\b{_TRAVEL}\b(?:\s+(?:time|out|back|home|return|from|to))?[^.;\n\d]{{0,12}}$", re.I)
# "13:43,13:58,15,DOC", "| 10:40 | 10:52 | documentation |": a timesheet row of the therapist's paperwork, its kind
# the first word after the range (and its minutes figure)
_PAPERWORK_AFTER = re.compile(
    r"[\s,;|:()=-]{0,6}(?:\d{1,3}[\s,;|:()-]{0,4}(?:min\w*\b[\s,;|:)-]{0,4})?)?"
    r"(?:doc|documentation|charting|note[- ]writing|paperwork|admin\w*)\b",
    re.I,
)
# "CTS 10:05-10:41; documentation 10:41-10:50": the paperwork named right before its range
# ... and where it was done, between the word and the range ("charted in truck 12:00-12:20", "15 min documentation in
# car (12:10-12:25)")
_PAPERWORK_BEFORE = re.compile(
    r"\b(?:doc|documentation|charting|charted|note[- ]writing|paperwork|admin\w*)\b"
    r"(?:[ \t]{1,2}(?:in|at)[ \t]{1,2}(?:the[ \t]{1,2}|my[ \t]{1,2})?[a-z]{2,12})?"
    r"[ \t:=(-]{0,4}(?:time[ \t:=-]{0,4})?$",
    re.I,
)
# "Conference 1030-1100", "IDT meeting 9:00-9:25": a team's meeting the note records before the training
_MEETING_BEFORE = re.compile(
    rf"(?<!after )(?<!before )(?<!following ){TEAM_MEETING}[ \t:=(-]{{0,4}}(?:time[ \t:=-]{{0,4}})?$", re.I
)
# "(55 min total visit; 15 min chart review/set-up ...)": the figure names itself the visit's or the therapist's
# own desk time, not the training's
_VISIT_AFTER = re.compile(
    r"[ \t]{0,2}(?:total[ \t]+)?(?:visit|encounter|appointment|appt)\b"
    r"|[ \t]{0,2}(?:of[ \t]+)?(?:chart(?:ing)?(?:[ \t]+review)?|doc(?:umentation)?|paperwork|note[- ]writing|set[- ]?up"
    r"|admin\w*)\b",
    re.I,
)
# "Total 112 min on road + visit", "95 min incl. drive": a figure that holds the therapist's travel is not training time
_TRAVEL_AFTER = re.compile(
    rf"[ \t]{{0,2}}(?:on[ \t](?:the[ \t])?road"
    rf"|(?:of[ \t]|incl\w*\.?[ \t]|including[ \t]|with[ \t]|\+[ \t]?)?{_TRAVEL})\b",
    re.I,
)
_SENTENCE_BREAK = re.compile(r"\.\s")  # a semicolon goes on listing the travel ("out; 2:00-2:45 back")
_BETWEEN = re.compile(r"\b(?:between|in between|gap)\b", re.I)
_CTS_WORDS = re.compile(r"\b(?:caregiver|cts|97550|97551|97552|training|trained)\b", re.I)
_EVAL = re.compile(r"\b(?:re-?)?eval(?:uation)?\b", re.I)  # "(eval 55 + CTS 30)": the visit's other share
# "Correction: 1305-1336 is 31 min, not 45": a later hand (a co-signer, the author) puts a figure in place of a stated
# total; the figure it sets aside is no total of the session
_NOT_FIGURE = re.compile(
    r"\b\d{1,3}[ \t]?(?:min(?:utes?|s)?\b|')[ \t]*[,;]?[ \t]*(?:and[ \t]+)?not[ \t]+(?P<old>\d{1,3})\b", re.I
)
_VISIT_TOTAL = re.compile(r"\b(?:treatment|tx|visit|timed(?: code)?|billable|session)\s+(?:time|minutes|mins?)\b", re.I)
# "Total visit 50 min; CTS portion 34 min": a figure named the visit's is the whole visit's when the day has another
# service (the training is a part of the visit)
_TRAINING_NAMED = re.compile(r"\b(?:CTS|caregiver[ -]training|training)\b[^\n\d]{0,16}$", re.I)
_VISIT_NAMED = re.compile(
    r"\b(?:visit|encounter)[ \t]*(?:time|length|duration|total)?[ \t]*[:=]?[ \t]*(?:was[ \t]+)?$", re.I
)


@dataclass
class TimeAccount:
    cts: list[Segment] = field(default_factory=list)
    other: list[Segment] = field(default_factory=list)
    breaks: list[Segment] = field(default_factory=list)
    elsewhere: list[Segment] = field(default_factory=list)  # the patient's time elsewhere: neither CTS nor other
    schedules: list[Segment] = field(default_factory=list)  # someone's routine, travel or paperwork: not the session
    other_days: list[Segment] = field(default_factory=list)  # sessions of another date logged in the same entry
    break_durations: list[Duration] = field(default_factory=list)
    stated: Duration | None = None
    derived: int | None = None
    subtracted: int = 0  # break minutes taken out of a CTS range
    break_excluded: bool = False  # "(excluding break)" next to the CTS times
    # a part of its own with the patient present ("10:40-11:00 pt brought in; pt + wife practiced together"): kept
    # apart like a same-day patient-present service; `joins` are the words that say the patient came in
    present: list[Segment] = field(default_factory=list)
    joins: list[tuple[int, int]] = field(default_factory=list)
    entries: list[tuple[int, int]] = field(default_factory=list)  # the present parts' own text
    session_stated: Duration | None = None  # a stated total of the whole session, the present part included

    @property
    def total(self) -> int | None:
        """Minutes used for units: the lower of stated and clock totals when they disagree."""
        values = [v for v in (self.derived, self.stated.minutes if self.stated else None) if v is not None]
        return min(values) if values else None

    @property
    def reported(self) -> int | None:
        """time.total_minutes: the clock minutes when clock times are documented, else the stated total."""
        return self.derived if self.derived is not None else (self.stated.minutes if self.stated else None)

    @property
    def basis(self) -> str:
        return describe(self)


def _is_break(text: str, lines: LineIndex, seg: Segment, prev_break: int, next_start: int) -> bool:
    """Whether a cue next to the range calls it a break. A cue is read up to the neighbouring ranges only:
    dictated ranges are words, not digits ("nine to nine twenty five then a break from nine twenty five
    to nine thirty five not counted then nine thirty five to ten oh eight"), so the next range stands in
    as a digit, and a verdict right after a previous break ("... not counted then") is that break's.
    `prev_break` is where the previous range ends when it is a break, else -1."""
    end = seg.span[1]
    if seg.stamped:  # "10:20 wife took a phone call, paused" ... "10:25 resumed": the entry up to the next is a pause
        line_end = lines.line_span(lines.number(end))[1]
        return _STAMP_PAUSE.search(text, end, min(line_end, next_start)) is not None
    reach = 170  # a clause that ends in its verdict: "1:29-1:45 rehab aide set up ... - aide time, not counted"
    after = text[end : min(end + reach, next_start)] + ("0" if next_start < end + reach else "")
    if _BREAK_AFTER.match(after):
        return True
    verdict = _EXCLUDED_LATER.match(after)
    # "9:10-10:00, minus a ten-minute break ... (not counted)": the verdict after a deduction is the deducted part's;
    # "10:00-10:20 and 10:30-10:45 (phone call between, not counted)": the verdict is the gap's, not the range's
    if verdict and not _DEDUCTED.search(after, 0, verdict.end()) and not _BETWEEN.search(after, 0, verdict.end()):
        return True
    before = lines.before(seg.span[0], 30)
    cue = _BREAK_BEFORE.search(before)
    if cue is None:
        return False
    at = seg.span[0] - len(before) + cue.start()
    if prev_break < 0 or at < prev_break or not _VERDICT.fullmatch(cue.group(1)):
        return True
    return bool(text[prev_break:at].strip(" ,-–("))


def _aside_closed(between: str) -> bool:
    """Whether the cue sat in a bracket that closed before the range: "(she is in WA, therapist in clinic): 4:00 to
    4:20 pm" says where she was, not whose hours the range gives."""
    closed = between.find(")")
    return closed >= 0 and "(" not in between[:closed]


def _is_schedule(text: str, lines: LineIndex, seg: Segment) -> bool:
    before = _SCHEDULE_BEFORE.search(lines.before(seg.span[0], 60))
    if before and not _CTS_WORDS.search(before["between"] or "") and not _aside_closed(before["between"] or ""):
        return True
    return bool(_SCHEDULE_AFTER.match(text, seg.span[1], seg.span[1] + 40))


# a time-stamped entry of a visit log that opens no training: the drive ("08:05 depart clinic", "10:30 back at
# clinic"), the arrival before it starts ("08:50 arrive home"), or the end of the session ("09:40 end CG training")
_ENTRY_AWAY = re.compile(
    rf"[ \t:\-–—)\]]*(?:{_TRAVEL}|depart\w*|leav(?:e|ing)|left|arriv\w*|back\s+(?:at|to|in)|returned\s+to)\b", re.I
)
_ENTRY_END = re.compile(
    r"[ \t:\-–—)\]]*(?:end(?:ed|s)?|stop(?:ped|s)?|finish(?:ed)?|done|complete(?:d)?|concluded|wrap(?:ped)?[ -]up)\b",
    re.I,
)


def _entry_not_session(text: str, lines: LineIndex, seg: Segment) -> bool:
    if not seg.stamped:
        return False
    end = lines.line_span(lines.number(seg.span[0]))[1]
    if _ENTRY_END.match(text, seg.span[1], end):
        return True
    return bool(_ENTRY_AWAY.match(text, seg.span[1], end)) and not _CTS_WORDS.search(text, seg.span[1], end)


# "9:20-9:35 I was on the phone with the nephrology RN, Simone waiting": the therapist busy with something else
_THERAPIST_AWAY_AFTER = re.compile(
    r"[ \t,:;-]*(?:I|we|(?:the\s+)?(?:therapist|clinician|OT|PT|SLP))\s+(?:was|were)\s+"
    r"(?:on\s+(?:the\s+)?(?:phone|a\s+(?:phone\s+)?call)|in\s+a\s+meeting|charting|documenting|with\s+another\s+(?:pt|patient))\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[.;]")
AWAY_REACH = 80


def _clause_end(text: str, pos: int, end: int) -> int:
    m = _CLAUSE_END.search(text, pos, end)
    return m.start() if m else end


def _not_session(text: str, lines: LineIndex, seg: Segment) -> bool:
    """A range of the therapist's travel, paperwork or team meeting: on a line labelled as travel, right after a
    travel, paperwork or meeting cue, or a timesheet row whose kind is documentation; a log's entry of the drive, the
    arrival or the session's end."""
    if _entry_not_session(text, lines, seg):
        return True
    start, end = lines.line_span(lines.number(seg.span[0]))
    label = _TRAVEL_LINE.match(text, start, seg.span[0])
    # the label's own sentence: "Mileage 32 mi RT. Time 1:00-1:30 pm" is the session after it
    if (
        label
        and not _CTS_WORDS.search(text, start, seg.span[0])
        and not _SENTENCE_BREAK.search(text, label.end(), seg.span[0])
    ):
        return True
    if _PAPERWORK_AFTER.match(text, seg.span[1], end) and not _CTS_WORDS.search(text, start, end):
        return True
    reach = min(len(text), seg.span[1] + AWAY_REACH)  # the clause may wrap onto the next line
    away = _THERAPIST_AWAY_AFTER.match(text, seg.span[1], reach)
    if away and not _CTS_WORDS.search(text, seg.span[1], _clause_end(text, away.end(), reach)):
        return True
    before = lines.before(seg.span[0], 40)
    return any(rx.search(before) is not None for rx in (_TRAVEL_BEFORE, _PAPERWORK_BEFORE, _MEETING_BEFORE))


# a schedule row whose range the patient's going elsewhere fills: "1:45-1:50  Robert went out to the lobby with our
# volunteer", "10:00-10:05 pt taken to the gym"
_PATIENT_LEFT_AFTER = re.compile(
    r"[ \t:\-–—]*(?:(?:the\s+)?(?:pt|patient)|[A-Z][a-z]+)\s+(?:went|walked|was\s+(?:taken|wheeled|walked)|stepped"
    r"|left)\s+(?:out\s+|back\s+)?(?:to|for|of)\b"
)


_AWAY_AT = re.compile(
    r"\b(?:pt|patient|client)\b[^()\n]{0,20}?\b(?:absent|not\s+present|away|out)\b[^()\n\d]{0,12}?\bat\s+(?!home\b)\w",
    re.I,
)


def _patient_elsewhere(text: str, lines: LineIndex, seg: Segment) -> bool:
    """A range that says where the patient was, not when the caregiver was trained: in brackets with the place,
    right after the place, or right before the patient's going elsewhere on a row that names no training."""
    if _AT_ELSEWHERE.search(lines.before(seg.span[0], 60)):
        return True
    a, b = lines.bounds(*seg.span)
    if _PATIENT_LEFT_AFTER.match(text, seg.span[1], b) and not _CTS_WORDS.search(text, seg.span[1], b):
        return True
    opened = text.rfind("(", a, seg.span[0])
    if opened < 0 or text.rfind(")", a, seg.span[0]) > opened:
        return False
    closed = text.find(")", seg.span[1], b)
    inside = text[opened + 1 : closed if closed >= 0 else b]
    # "pt at dialysis (his chair time is 12:00-3:00)": the place right before the bracket
    # ... or the bracket says the patient was away, and where: "(pt absent -- at Northgate Prosthetics 9-11 am)"
    elsewhere = (
        _ELSEWHERE.search(inside) or _AWAY_AT.search(inside) or _AT_ELSEWHERE.search(text, max(a, opened - 60), opened)
    )
    return bool(elsewhere) and not _CTS_WORDS.search(inside)


def _on_context_line(text: str, lines: LineIndex, seg: Segment) -> bool:
    start, _ = lines.line_span(lines.number(seg.span[0]))
    before = lines.before(seg.span[0], 80)
    if start >= 2 and text.startswith("-\n", start - 2):
        # a word the line break hyphenated ("agitation and exit-seek-\ning 4-7 pm"): its clause began a line above
        above = lines.line_span(lines.number(start - 1))[0]
        before = text[max(above, seg.span[0] - 80) : seg.span[0]].replace("-\n", "")
    return bool(
        _CONTEXT_LINE.match(text, start, seg.span[0]) or _DAY_DESCRIBED.search(before) or _TRIGGER_LISTED.search(before)
    )


# "Visit Start: 13:00 Visit End: 14:00 ... Caregiver training 13:05-13:52": the visit's own clock, named so
# ... the visit's date may come between ("Visit 03/04/2025 09:00-09:55")
_VISIT_CUE = re.compile(
    r"\b(?:visit|appointment|appt|encounter|check[- ]?in|arrived|arrival|in clinic)\b"
    # ... or its length before the range ("Visit total: 65 min (2:00-3:05)")
    r"(?:[^\n\d]{0,12}\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})?(?:[^\n\d]{0,20}\d{1,3}[ \t]?min\w*)?[^\n\d]{0,20}$",
    re.I,
)


def _holding(cts: list[Segment]) -> list[Segment]:
    """The ranges that hold the whole of another, shorter range. Sorted by start, a range holds the next one when it
    reaches at least as far (one pass after the sort)."""
    ordered = sorted(cts, key=lambda s: (s.start_minute, -s.end_minute))
    return [a for a, b in itertools.pairwise(ordered) if b.end_minute <= a.end_minute and b.minutes < a.minutes]


def _visit_frames(lines: LineIndex, cts: list[Segment]) -> list[Segment]:
    """The ranges named as the visit's that hold a range of the training: the visit, not the training."""
    return [seg for seg in _holding(cts) if _VISIT_CUE.search(lines.before(seg.span[0], 60))]


# "Time in 8:55, out 9:50" on a home visit: the visit's clock, by the words before its start
_VISIT_CLOCK_CUE = re.compile(
    r"\b(?:time[ \t]+in|visit|appointment|appt|encounter|check[- ]?in|arrived|arrival)\b[^\n\d]{0,20}$", re.I
)


def _visit_clock(lines: LineIndex, durations: list[Duration], acc: TimeAccount) -> list[Segment]:
    """The one clock range, the visit's ("Time in 8:55, out 9:50"), when the note gives the training its own shorter
    minutes ("Caregiver training 40 min: ..."): the training was a part of the visit, and its minutes are those."""
    if len(acc.cts) != 1 or not _VISIT_CLOCK_CUE.search(lines.before(acc.cts[0].span[0], 60)):
        return []
    seg = acc.cts[0]
    named = [
        d for d in durations
        if d.kind == "time" and d.of_range is None and _TRAINING_NAMED.search(lines.before(d.span[0], 40))
    ]
    return [seg] if named and named[0].minutes < seg.minutes - MISMATCH_TOLERANCE else []


# "Pt went to church 9:00-12:00 with neighbor", "pt's infusion 9:30-11:00": the patient leads the range's clause,
# with nothing that says the patient was at the training; the range may sit in brackets ("pt went to the vascular lab
# for ABI/toe pressures (0845-0945)")
_PATIENT_CLAUSE = re.compile(r"\b(?:pt|patient)(?:'s|’s)?\b(?P<between>[^.;\n\d()]{0,60})\(?[ \t]*$", re.I)
_AT_TRAINING = re.compile(
    r"\b(?:present|joined|join|came|come|brought|returned|participat\w*|in the room|with us|observ\w*|watch\w*"
    r"|practi[cs]\w*|caregiver|cts|training|trained|session)\b",
    re.I,
)


def _patient_away(lines: LineIndex, cts: list[Segment]) -> list[Segment]:
    """The ranges that say where the patient was while the training went on: the patient leads the clause and the
    range holds a range of the training (the patient away meanwhile, not more training)."""
    away = []
    for seg in _holding(cts):
        clause = _PATIENT_CLAUSE.search(lines.before(seg.span[0], 80))
        if clause and not _AT_TRAINING.search(clause["between"]):
            away.append(seg)
    return away


def _overlap(a: Segment, b: Segment) -> int:
    return max(0, min(a.end_minute, b.end_minute) - max(a.start_minute, b.start_minute))


def _break_overlap(brk: Segment, seg: Segment) -> int:
    """Minutes of a break inside a training range; a break written without am/pm ("1-2pm ... off the clock
    1:25-1:47") is read in the training's half of the day."""
    overlap = _overlap(brk, seg)
    if overlap or brk.end_minute > HALF_DAY:
        return overlap
    return _overlap(replace(brk, start_minute=brk.start_minute + HALF_DAY, end_minute=brk.end_minute + HALF_DAY), seg)


def _written_twice_once(segments: list[Segment]) -> list[Segment]:
    """A range restated without am/pm ("1:05-1:35 pm ... CTS time 1:05-1:35 = 30") is the same range, read
    in the half of the day the note gave it, not twelve hours earlier."""
    afternoon = {(s.start_minute, s.end_minute) for s in segments if s.start_minute >= HALF_DAY}
    return [s for s in segments if (s.start_minute + HALF_DAY, s.end_minute + HALF_DAY) not in afternoon]


def union_minutes(segments: list[Segment]) -> tuple[int, int]:
    """Minutes covered by the segments (a range written twice counts once), and the gaps between them."""
    covered = gaps = 0
    end = None
    for seg in sorted(segments, key=lambda s: (s.start_minute, s.end_minute)):
        if end is None or seg.start_minute >= end:
            gaps += 0 if end is None else seg.start_minute - end
            covered += seg.minutes
            end = seg.end_minute
        elif seg.end_minute > end:
            covered += seg.end_minute - end
            end = seg.end_minute
    return covered, gaps


def _visit_line(lines: LineIndex, service: ServiceLines, d: Duration) -> bool:
    """A total's line is the visit's when it is not a CTS line or also names another service."""
    a, b = lines.bounds(*d.span)
    return (
        not service.on_cts_line(d.span)
        or service.other_at.first_start(a, b) is not None
        or _EVAL.search(lines.text, a, b) is not None
    )


def _not_set_aside(text: str, durations: list[Duration]) -> list[Duration]:
    """Without the figures a later correction sets aside ("31 min, not 45"): each is dropped where it was written
    before the correction that names it."""
    if "not" not in text:
        return durations
    # RE2 first: most notes with a "not" have no such figure, and Python's `re` tries every position for one
    aside = [(m.start(), int(m["old"])) for m in finditer(_NOT_FIGURE, text)]
    return [d for d in durations if not any(d.span[1] <= at and d.minutes == old for at, old in aside)]


def _stated(
    text: str, lines: LineIndex, service: ServiceLines, durations: list[Duration], acc: TimeAccount
) -> Duration | None:
    clocked = bool(acc.cts)
    # "Off the clock 1:25-1:47 (22 min)": the figure restates a break, not the training
    # ... nor does a figure restating the visit's frame or the patient's time elsewhere ("Visit 8:55-9:50 (55 min)")
    not_ours = {seg.span for seg in acc.breaks + acc.other + acc.schedules + acc.elsewhere}
    own = [
        d
        for d in durations
        if d.kind == "time" and d.of_range not in not_ours and not service.belongs_to_other(d.span)
        and not _TRAVEL_AFTER.match(text, d.span[1])
        and not _VISIT_AFTER.match(text, d.span[1])
    ]
    own = _not_set_aside(text, own)
    # a calendar invite's "Duration: 1 hour" or "Reminder: 15 minutes before" is the booking's, not the session's
    own = [d for d in own if not invites.in_invite(text, d.span[0])]
    # a figure in an earlier, quoted message ("> Time 1:00-1:50 pm = 50 min") is not this training's total
    earlier = quoted.deeper(lines, [seg.span[0] for seg in acc.cts] + [d.span[0] for d in own])
    own = [d for d in own if d.span[0] not in earlier]
    # "Prior: 10/09 - CTS 40 min": an earlier session's minutes, on a line about the history
    own = [d for d in own if not _CONTEXT_LINE.match(text, lines.line_span(lines.number(d.span[0]))[0], d.span[0])]
    # "Total treatment time 85 min (eval 55 + CTS 30)": the visit's total, even beside its CTS share
    # ... but with no other service in the note, the treatment time ("Tx time 38'") is the training's
    # ... unless its own line names the visit's other part ("Total visit time 75 min including eval 35 min")
    other_service = bool(acc.other) or service.other_at.first_start(0, len(text)) is not None
    own = [
        d
        for d in own
        if not (
            _VISIT_TOTAL.search(lines.before(d.span[0], 40))
            and (_EVAL.search(lines.line(*d.span)) or (other_service and _visit_line(lines, service, d)))
        )
        and not (other_service and _VISIT_NAMED.search(lines.before(d.span[0], 40)))
    ]
    totals = [d for d in own if d.total_cue]
    labelled = [d for d in totals if d.of_range is None]
    if labelled:
        return labelled[0]  # "Total caregiver training: 56 min" over each segment's own "(28 min)"
    if len({d.of_range for d in totals}) > 1:
        # "Segment 1, 9:00-9:28 (28 min) ... Segment 2, 9:40-10:08 (28 min)": the segments add up
        per_range = {d.of_range: d for d in totals}
        first, last = totals[0], totals[-1]
        return Duration(sum(d.minutes for d in per_range.values()), (first.span[0], last.span[1]), True)
    if totals:
        return totals[0]
    if clocked:
        return None  # with clock times present, a lone "1 min" elsewhere is an instruction, not the total
    in_cts_context = [d for d in own if service.on_cts_line(d.span)]
    if len(in_cts_context) == 1:
        return in_cts_context[0]
    return own[0] if len(own) == 1 else None


def account(text: str, lines: LineIndex, times: TimeParse, service: ServiceLines) -> TimeAccount:
    acc = TimeAccount()
    ordered = sorted(times.segments, key=lambda g: g.span)
    sheet = sheet_rows.read(text)
    for k, seg in enumerate(ordered):
        prev_break = ordered[k - 1].span[1] if k and acc.breaks and acc.breaks[-1] is ordered[k - 1] else -1
        next_start = ordered[k + 1].span[0] if k + 1 < len(ordered) else len(text)
        row = sheet.kind_at(lines.line_span(lines.number(seg.span[0]))[0]) if sheet.has_training else None
        if row is not None:
            _by_row(acc, seg, row)
        elif invites.in_invite(text, seg.span[0]):
            acc.schedules.append(seg)  # the slot a calendar invite booked, not the session given
        elif _not_session(text, lines, seg):
            acc.schedules.append(seg)
        elif _is_break(text, lines, seg, prev_break, next_start):
            acc.breaks.append(seg)
        elif _is_schedule(text, lines, seg):
            acc.schedules.append(seg)
        elif service.belongs_to_other(seg.span):
            acc.other.append(seg)
        else:
            acc.cts.append(seg)
    elsewhere = [
        seg for seg in acc.cts if _patient_elsewhere(text, lines, seg) or _on_context_line(text, lines, seg)
    ]
    if elsewhere and len(elsewhere) < len(acc.cts):  # only beside a range that is the training's own
        acc.cts = [seg for seg in acc.cts if seg not in elsewhere]
        acc.elsewhere = elsewhere
    acc.cts = _written_twice_once(acc.cts)
    frames = _visit_frames(lines, acc.cts) + _patient_away(lines, acc.cts) + _visit_clock(lines, times.durations, acc)
    if frames:
        acc.cts = [seg for seg in acc.cts if seg not in frames]
        acc.elsewhere += frames
    _set_aside_quoted(lines, acc)
    _split_present(text, lines, acc, ordered)
    acc.break_durations = [d for d in times.durations if d.kind == "break"]
    acc.stated = _stated(text, lines, service, times.durations, acc)
    if acc.stated is None and not acc.cts and sheet.has_training:
        acc.stated = _sheet_total(text, sheet)
    _times_of_day(text, acc)
    if (acc.present or acc.other) and acc.stated is not None:
        # "Total session 60 min" with the patient's own part, "Visit total 50 min" over 35 min of training and the
        # 15-min 97530 part: the whole visit, not a mismatch
        wholes = {union_minutes(acc.cts + part)[0] for part in (acc.present, acc.other, acc.present + acc.other)}
        own = abs(acc.stated.minutes - union_minutes(acc.cts)[0])
        ours = _TRAINING_NAMED.search(lines.before(acc.stated.span[0], 40))  # "Total CTS 50 min" is the training's
        if own > MISMATCH_TOLERANCE and not ours and any(abs(acc.stated.minutes - w) <= MISMATCH_TOLERANCE
                                                         for w in wholes):
            acc.session_stated, acc.stated = acc.stated, None
    _derive(lines, acc)
    return acc


_TO_THE_MINUTE = re.compile(r":|\d{3}")  # "13:15", "1315": a range written to the minute


def _set_aside_quoted(lines: LineIndex, acc: TimeAccount) -> None:
    """An e-mail thread's earlier messages, quoted under the newest ("> Time 1:00-1:50 pm" of last week's visit, or
    the note as first typed before the reply corrected its stop time): not this training's time."""
    earlier = quoted.deeper(lines, [seg.span[0] for seg in acc.cts])
    if earlier:
        acc.schedules += [seg for seg in acc.cts if seg.span[0] in earlier]
        acc.cts = [seg for seg in acc.cts if seg.span[0] not in earlier]


def _times_of_day(text: str, acc: TimeAccount) -> None:
    """A range of whole hours beside ranges written to the minute that alone make up the stated total ("attempts to
    leave the house 4-7 pm" in a problem list; "Time 13:15-13:50 = 35 min") is a time of day the note describes,
    not training time."""
    if acc.stated is None or len(acc.cts) < 2:
        return
    exact = [seg for seg in acc.cts if _TO_THE_MINUTE.search(text, seg.span[0], seg.span[1])]
    if exact and len(exact) < len(acc.cts) and union_minutes(exact)[0] == acc.stated.minutes:
        acc.schedules += [seg for seg in acc.cts if seg not in exact]
        acc.cts = exact


def _by_row(acc: TimeAccount, seg: Segment, kind: str) -> None:
    """A timesheet row's range goes where its row says: training, another service, or neither (travel, charting,
    another patient's visit)."""
    if kind == sheet_rows.CTS:
        acc.cts.append(seg)
    elif kind == sheet_rows.OTHER:
        acc.other.append(seg)
    else:
        acc.schedules.append(seg)


def _sheet_total(text: str, sheet: sheet_rows.SheetRows) -> Duration | None:
    """A grid with no clock times ("09/30/25 | Vanterpool, Grace | caregiver training | 44 | 97550"): the training
    rows' minutes cells, added up when they log one date."""
    if not sheet.cts_minutes or not sheet.one_date:
        return None
    minutes = sum(int(text[a:b]) for a, b in sheet.cts_minutes)
    return Duration(minutes, (sheet.cts_minutes[0][0], sheet.cts_minutes[-1][1]), True)


def _derive(lines: LineIndex, acc: TimeAccount) -> None:
    if not acc.cts:
        acc.derived, acc.subtracted = None, 0
        return
    covered, gaps = union_minutes(acc.cts)
    nested = sum(_break_overlap(b, c) for b in acc.breaks for c in acc.cts)
    # a "10 min break" that is already the gap between two segments is not taken out twice
    spoken = sum(d.minutes for d in acc.break_durations)
    spoken = 0 if acc.breaks or (gaps and spoken <= gaps) else spoken
    # the stated total is the clock range whole ("Time 13:15-13:50 = 35 min"): a break figure elsewhere is something
    # taught ("de-escalation: ... 5-min break"), not a pause taken out of this session
    if spoken and acc.stated is not None and acc.stated.minutes == covered:
        spoken = 0
    acc.subtracted = min(nested + spoken, covered)
    acc.break_excluded = any(_BREAK_EXCLUDED.search(lines.line(*seg.span, radius=80)) for seg in acc.cts)
    acc.derived = covered - acc.subtracted


def of_the_day(lines: LineIndex, acc: TimeAccount, dated: list[tuple[date, tuple[int, int]]], dos: date) -> None:
    """One entry that logs sessions of several dates, each range on the line of its date ("Tuesday 05/13/2025,
    10:00-10:30: ... Thursday 05/15/2025, 14:00-14:25: ..."): CTS minutes are per date of service, so only the
    ranges of `dos` count; the others are kept apart (`other_days`). `dated` are the note's dates with their spans
    (a date of birth or of an earlier document excluded), sorted."""
    starts = [span[0] for _, span in dated]
    by_seg: dict[Segment, date] = {}
    for seg in acc.cts:
        line_start = lines.line_span(lines.number(seg.span[0]))[0]
        i = bisect_right(starts, seg.span[0]) - 1  # the last date before the range
        if i >= 0 and dated[i][1][0] >= line_start:
            by_seg[seg] = dated[i][0]
    days = set(by_seg.values())
    if len(days) < 2 or dos not in days:
        return
    acc.other_days = [seg for seg in acc.cts if by_seg.get(seg, dos) != dos]
    acc.cts = [seg for seg in acc.cts if seg not in acc.other_days]
    _derive(lines, acc)


# the patient comes in (or is there) for a part written as its own clock range or time-stamped entry:
# "pt brought in; pt + wife practiced together", "2:37 pm: pt came in and joined", "with pt present"
_PATIENT_NOUN = r"(?:the\s+)?(?:pt|patient|client|child)"
_PATIENT = r"(?:the\s+)?(?:pt|patient|client|child|he|she)"
_JOINS = re.compile(
    # "pt got home and joined the call": a few words may come between the patient and the verb
    rf"\b{_PATIENT}\s+(?:was\s+)?(?:[\w'-]+,?\s+){{0,3}}?(?:brought\s+(?:in|back)|came\s+in|joined|rejoined"
    r"|walked\s+in|wheeled\s+in)\b"
    # "pt back from MRI early -> joined"; coming back is said of the patient by name only: after a break "she
    # returned" is most often the caregiver who had stepped out
    rf"|\b{_PATIENT_NOUN}\s+(?:was\s+)?(?:[\w'-]+,?\s+){{0,3}}?(?:came\s+back|returned|arrived|back\s+from)\b"
    rf"|\b{_PATIENT}\s*(?:\+|&|and)\s*(?:his\s+|her\s+|their\s+)?(?:wife|husband|spouse|daughter|dtr|son|mother"
    # "pt + husband curb/ramp practice": what they practised may come first
    r"|father|mom|dad|parents?|caregivers?|cg|partner|sister|brother)\s+(?:[\w/'-]+\s+){0,2}?"
    r"(?:practi[cs]ed|practi[cs]e|worked|trained|together)\b"
    # "9:00-9:30 pt present: final outcome measures": the part's own label; "Pt present: No" is a field's value
    r"|(?<!not )\b(?:with\s+(?:the\s+)?(?:pt|patient)\s+(?:present|in the room)"
    r"|(?:pt|patient)\s+present\b(?!\s*:\s*(?:no|n|not|yes|y|absent|false|true|0|1)\b))",
    re.I,
)
_NOT_JOINED = re.compile(r"\b(?:not|no|never|without|w/o|alone|absent)\b", re.I)
ENTRY_REACH = 200


def _entry(lines: LineIndex, seg: Segment, ends: list[int], starts: list[int]) -> tuple[int, int]:
    """A range's own words: its line, from the previous range on it to the next one (a stamped entry runs from
    its time). `ends` and `starts` are the other ranges' span ends and starts, sorted: a bisect each, so a note
    with thousands of ranges stays linear."""
    a, b = lines.line_span(lines.number(seg.span[0]))
    a = max(a, seg.span[0] - ENTRY_REACH)
    i = bisect_right(ends, seg.span[0]) - 1  # the last range ending at or before this one starts
    if i >= 0 and ends[i] >= a:
        a = ends[i]
    b = min(b, seg.span[1] + ENTRY_REACH)
    j = bisect_left(starts, seg.span[1])  # the first range starting at or after this one ends
    if j < len(starts) and starts[j] < b:
        b = starts[j]
    return a, b


_PRONOUN_JOIN = re.compile(r"(?:he|she)\b", re.I)
_PATIENT_REF = re.compile(r"\b(?:pt|patient|client|child|(?:Mr|Mrs|Ms|Mister|Missus)\.?\s+[A-Z])", re.I)
_CAREGIVER_REF = re.compile(
    r"\b(?:wife|husband|spouse|daughter|dtr|son|mother|father|mom|dad|sister|brother|caregiver|cg|friend"
    r"|neighbou?r|partner)\b",
    re.I,
)
PRONOUN_REACH = 160


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _caregiver_meant(text: str, join: re.Match[str], names: Callable[[], set[str]]) -> bool:
    """Whether the "he"/"she" who came back is the caregiver: the person named last before it is a caregiver ("(Halina
    out 9:12-11:30 -- not counted) Seg B 11:30-11:40 -- she returned"), not the patient ("Mr. Vukovic was in the
    restroom. He came back at 10:20")."""
    if not _PRONOUN_JOIN.match(text, join.start()):
        return False
    a, b = max(0, join.start() - PRONOUN_REACH), join.start()
    last_patient = max((m.end() for m in _PATIENT_REF.finditer(text, a, b)), default=-1)
    kin = names()
    named = [m.end() for m in _CAREGIVER_REF.finditer(text, a, b)]
    named += [m.end() for m in _CAPITALISED.finditer(text, a, b) if m.group(0) in kin]
    return max(named, default=-1) > last_patient


def _overlaps(rest: list[Segment], joined: list[Segment]) -> bool:
    """Whether any part in `rest` overlaps a joined part, in minutes (sorted sweep: linear after the sort)."""
    marks = sorted(
        [(s.start_minute, s.end_minute, 0) for s in rest] + [(p.start_minute, p.end_minute, 1) for p in joined]
    )
    reach = {0: -1, 1: -1}  # the furthest end seen so far in each group
    for start, end, group in marks:
        if start < reach[1 - group]:
            return True
        reach[group] = max(reach[group], end)
    return False


def _split_present(text: str, lines: LineIndex, acc: TimeAccount, ordered: list[Segment]) -> None:
    """Keep apart the parts with the patient present when the note gives them their own clock range or stamped
    entry and the other parts are without the patient: the minutes without the patient are the training. A
    patient who joins inside one continuous range has no part of their own (presence.py decides that)."""
    if len(acc.cts) < 2:
        return
    joined: dict[Segment, tuple[tuple[int, int], tuple[int, int]]] = {}
    found: list[set[str]] = []

    def names() -> set[str]:  # the caregivers' names, found once and only when a "he"/"she" came back
        if not found:
            found.append(kin_names(text))
        return found[0]

    ends, starts = sorted(s.span[1] for s in ordered), sorted(s.span[0] for s in ordered)
    for seg in acc.cts:
        a, b = _entry(lines, seg, ends, starts)
        m = _JOINS.search(text, a, b)
        if (
            m is not None
            and not _NOT_JOINED.search(text, max(a, m.start() - 12), m.end())
            and not _caregiver_meant(text, m, names)
        ):
            joined[seg] = (m.span(), (a, b))
    rest = [seg for seg in acc.cts if seg not in joined]
    if not joined or not rest:
        return
    if _overlaps(rest, list(joined)):
        return  # the parts overlap: no part of its own
    acc.cts = rest
    acc.present = sorted(joined, key=lambda s: s.start_minute)
    acc.joins = [cue for cue, _ in joined.values()]
    acc.entries = [entry for _, entry in joined.values()]


def _clocks(segments: list[Segment]) -> str:
    # a range written twice (the narrative's and the billing line's "97550 GP (3:00-3:35)") is said once
    said = dict.fromkeys(f"{Segment.clock(s.start_minute)}-{Segment.clock(s.end_minute)}" for s in segments)
    return " + ".join(said)


def describe(acc: TimeAccount) -> str:
    """'32 min from 10:15-10:47'; '35 min: 14:00-14:15 + 14:25-14:45, break excluded'; '22 min stated'."""
    stated = acc.stated.minutes if acc.stated else None
    if acc.derived is None:
        return "" if stated is None else f"{stated} min stated"
    segs = sorted(acc.cts, key=lambda s: s.start_minute)
    if len(segs) == 1 and not acc.subtracted and not acc.present:
        text = f"{acc.derived} min from {_clocks(segs)}"
    else:
        text = f"{acc.derived} min: {_clocks(segs)}"
    if acc.subtracted:
        text += f" less {acc.subtracted} min break"
    elif acc.breaks or acc.break_excluded or (len(segs) > 1 and acc.break_durations):
        text += ", break excluded"
    if stated is not None and abs(stated - acc.derived) > MISMATCH_TOLERANCE:
        text += f"; the stated {stated} min disagrees, units from the lower ({min(stated, acc.derived)} min)"
    elif stated is not None:
        text += f" (stated {stated} min)"
    if acc.present:
        text += f", the patient present {_clocks(acc.present)} kept apart"
    if acc.session_stated is not None:
        text += f" (the stated {acc.session_stated.minutes} min is the whole session)"
    if acc.other:
        text += f"; other services not counted ({_clocks(acc.other)})"
    if acc.other_days:
        text += f"; sessions of other dates not counted ({_clocks(acc.other_days)})"
    if acc.schedules:  # travel, paperwork, someone's hours, another patient's row: said, so the count can be checked
        text += f"; not training time ({_clocks(sorted(acc.schedules, key=lambda s: s.start_minute))})"
    if acc.elsewhere:
        text += f"; the visit's or the patient's own times ({_clocks(acc.elsewhere)})"
    return text
