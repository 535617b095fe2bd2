"""Clock times, time ranges and stated totals, as clinicians write them.

Handles "10:15 AM - 10:47 AM", "1015-1047", "from 2:05pm to 2:41pm", "Start 14:05 / Stop 14:41",
"Time in: 9:00 ... Time out: 9:40", several segments in any order, and stated totals such as
"32 min", "thirty-two minutes", "1 hr 5 min". Every regex is linear (no nested quantifiers),
so cost stays proportional to note length.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from assistant.notes import grid
from assistant.notes.addenda import Entry, find_entries
from assistant.notes.lines import MAX_MENTIONS, LineIndex, words_of
from assistant.notes.scan import finditer, sparse_finditer
from assistant.notes.spoken import mixed_ranges, spoken_ranges, spoken_stamps, spoken_start_stop
from assistant.words import NUMBER_TENS as _WORD_TENS
from assistant.words import NUMBER_UNITS as _WORD_UNITS

_UNITS_ALT = "|".join(sorted(_WORD_UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(_WORD_TENS)
NUMBER = rf"(?:\d{{1,3}}|(?:{_TENS_ALT})(?:[-\s](?:{_UNITS_ALT}))?|{_UNITS_ALT}|an?|one)"

_TOKEN = re.compile(
    # every clock time starts with a digit: fail fast elsewhere. An ISO date-time's "T" may lead it
    # ("2025-03-04T10:05:00-05:00", a FHIR period's start)
    r"(?=\d)(?!\d{4}-\d\d-\d\dT)(?:(?<![\w:/.])|(?<=\d[Tt]))(?:"  # an ISO date-time's year is no clock
    # an HL7 timestamp, YYYYMMDDHHMM[SS][.S][+ZZZZ] ("OBX|1|TS|...||20250304100500"): the clock after the date
    r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?P<th>[01]\d|2[0-3])(?P<tm>[0-5]\d)(?:[0-5]\d)?"
    r"(?![\d:])|"
    # "10:15:00" (an export's seconds, dropped; an ISO date-time's UTC offset with them, "T10:05:00-05:00", is no
    # range's end), "10:15 AM EST" (a time zone after the clock: the same wall clock)
    r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d(?:(?<=[Tt]\d\d:\d\d:\d\d)(?:\.\d{1,6})?(?:[Zz]|[+-]\d\d:?\d\d)?)?(?!\d))?(?:\s?(?P<ap>[aApP])(?:[mM]|\.[mM]\.)?(?![a-zA-Z]))?"
    r"(?:[ \t](?:[ECMP][SD]?T|UTC|GMT)(?![A-Za-z]))?"
    r"|(?P<fh>[01]?\d|2[0-3])[hH](?P<fm>[0-5]\d)(?![\w:])"  # 14h05: the 24-hour clock written in French and Québec
    r"|(?P<h2>1[0-2]|0?[1-9])\s?(?P<ap2>[aApP])(?:[mM]|\.[mM]\.)?(?![a-zA-Z])"  # 2pm, 9a
    r"|(?P<mh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?:\s?(?:hrs|hours|h)\b)?(?![\w/]|:\d)"  # 0830, 1415 hrs, "1000-1015:"
    # "1-2pm": a bare hour only as the start of a range that ends in an am/pm time (bounded lookahead)
    r"|(?P<bh>1[0-2]|0?[1-9])(?=\s?(?:-|–|to)\s?(?:1[0-2]|0?[1-9])(?::[0-5]\d)?[ \t]?[aApP]"
    r"(?:[mM]|\.[mM]\.)?(?![a-zA-Z]))"
    r")"
)
# where a clock time can start: a prefix of each alternative above (the last with its lookahead read)
_TOKEN_STARTS = r"\d{1,2}:[0-5]\d|\d{1,2}[hH][0-5]\d|\d{1,2}\s?[aApP]|[012]\d[0-5]\d|\d{1,2}\s?(?:-|–|to)|\d{12}"
# "10:15 -- 10:52": a typed em dash is two hyphens; an HTML export writes the dash as an entity, escaped once or twice
# ("13:15 &#8211; 13:45", "14:00&amp;ndash;14:44")
_RANGE_SEP = re.compile(
    r"\s{0,3}(?:-{1,2}>?|→|–|—|to|until|till|through|thru|à|&(?:amp;)?(?:ndash|mdash|#821[12]|#x201[34]);)\s{0,3}"
    r"(?:\d{4}-\d{2}-\d{2}T)?",  # "2025-03-04T10:15:00 to 2025-03-04T10:47:00": the end's ISO date is the same day's
    re.I,
)
# "| 09:00 | 09:20 | transfers |": two neighbouring cells of a table row, each a clock time with its colon ("DOS:
# February 11, 2025 | 1:10 PM - 2:00 PM": a year is not a clock)
_CELL_SEP = re.compile(r"[ \t]{0,3}\|[ \t]{0,3}")
# a flowsheet's label may end in a dot leader, a colon or both ("Start/Stop........: 13:30 / 14:32"); a table's in
# the bar of its own cell ("Start Time | 10:05")
# a JSON export quotes its keys and values ('"start": "13:05"'); an export's timestamp field gives the date first
# ("CTS_START_TS: 2025-11-19 13:05")
_LEADER = (
    r"(?:\.{2,}[ \t]*)?[\"']?[ \t]*(?:[:=]|\|{1,2})?[ \t]*[\"']?"  # HL7: "...start||20250304100500"
    r"(?:[ \t]*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})(?:[ \t]+|T))?"
)
_START_LABEL = re.compile(
    # "TimeIn", "START_TS": an export's field name, run together or with its "timestamp"
    # "Start_1: 09:00 Stop_1: 09:20": a split session's fields, numbered
    r"(?:\bstart(?:ed)?|\bbegin|\bbegan|\btime\s*in|\bin|\bconnected|\blogged\s+(?:on|in))\s*(?:time|ts|timestamp)?\s*"
    r"(?:#?\d\s*)?(?:at)?\s*"
    + _LEADER
    + r"\s*$"
    # "I started with Tobias at 1:15 PM", "we connected at 4:00"
    r"|\b(?:started|began|connected|logged on)\s+(?:[\w'-]+\s+){0,3}?(?:at|from)\s+$"
    # "Date 2/11/2026 | Arrive 16:00 | Depart 16:58": a visit's own fields, the label opening its line or cell
    r"|(?:^|[|;]|\n)[ \t]*arriv(?:e|ed|al)(?:[ \t]+time)?[ \t]*[:=]?[ \t]*$",
    re.I,
)
_STOP_LABEL = re.compile(
    r"(?:\bstop(?:ped)?|\bend(?:ed)?|\bfinish(?:ed)?|\btime\s*out|\bout|\bdisconnected|\blogged\s+(?:off|out)"
    r"|\bsigned\s+off)\s*(?:time|ts|timestamp)?\s*(?:#?\d\s*)?(?:at)?\s*"
    + _LEADER
    + r"\s*$"
    r"|\b(?:stopped|ended|finished|wrapped up|signed off|logged off|disconnected)\s+(?:[\w'-]+\s+){0,3}?at\s+$"
    r"|(?:^|[|;]|\n)[ \t]*depart(?:ed|ure)?(?:[ \t]+time)?[ \t]*[:=]?[ \t]*$",
    re.I,
)
# "Time in / out ....... 14:02 / 14:40", "Start/stop: 9:00/9:38": one label for both, the times after it
_PAIR_LABEL = re.compile(
    # "TIME_IN / TIME_OUT", "START_TIME/STOP_TIME": an export's field names, each end with its own "time"
    r"\b(?:time[\s_]+)?(?:in\s*/\s*(?:time[\s_]+)?out|start(?:[\s_]+time)?\s*/\s*(?:stop|end|finish)"
    r"|begin\s*/\s*end)(?:[\s_]+times?)?\b"
    r"\s*" + _LEADER + r"\s*$",
    re.I,
)
_PAIR_SEP = re.compile(r"\s{0,3}/\s{0,3}")
_TIME_CUE = re.compile(r"\b(?:time|session|from|start|stop|in|out|hrs|cts|training|min|clock)\b", re.I)
# The number is matched once, then the unit decides hours or minutes (trying the number
# alternation twice per position doubled the cost of this, the costliest scan of a note).
_DURATION_BODY = (
    rf"(?P<num>\d{{1,2}}\.\d{{1,2}}|{NUMBER})\s?-?\s?(?:"
    rf"(?P<h>hours?|hrs?|h)\b\.?(?:\s*(?:and\s+)?(?P<hmin>\d{{1,2}}|{NUMBER})\s?-?\s?(?:minutes?|mins?|min|m)\b"
    # "an hour and ten (face to face)": the minutes said without their unit, closing the clause
    rf"|[ \t]+and[ \t]+(?!an?\b|one\b)(?P<hmin2>\d{{1,2}}|{NUMBER})(?=[ \t]*(?:[(\n.,;)]|\Z)))?"
    rf"|(?P<m>minutes?|mins?\b|min\b|m\b|'))"
)
_DURATION = re.compile(r"(?=[0-9OoTtFfSsEeNnAa])(?<![\w.])" + _DURATION_BODY, re.I)  # first letters of numbers
# where a duration can start: the number and the first letter of its unit (bounded: scan.sparse_finditer)
_DURATION_STARTS = rf"(?:\d{{1,2}}\.\d{{1,2}}|{NUMBER})\s?-?\s?(?:h|m|')"
# "cts w wife 30m", "Total: 30m": a bare "m" is minutes only right after a word that names the session's time (else
# metres walked, months, a model number)
_BARE_M_CUE = re.compile(
    r"\b(?:cts|caregiver training|training|trained|session|time|total|tot|duration|w/?\s*(?:wife|husband|son|dtr"
    r"|daughter|cg|caregiver|spouse|mom|dad|mother|father|family)|with\s+(?:wife|husband|son|daughter|cg|caregiver"
    r"|spouse|mom|dad|mother|father|family))[\s:=,~-]{0,3}(?:approx\.?\s*|about\s+)?$",
    re.I,
)
# "OBX|3|NM|CTS MIN^CTS minutes||37|min": an HL7 numeric value with minutes in its units field
_HL7_MINUTES = re.compile(r"\|(?P<num>\d{1,3})(?:\.0+)?\|(?:min|mins|minutes)(?:\^[^|\n]*)?(?=\||$)", re.I | re.M)
_TOTAL_AFTER = re.compile(r"\s?(?:total|tot)\b", re.I)
_TOTAL_CUE = re.compile(r"\b(?:total|totaling|totalling|tot)\b", re.I)
_RECURRING = re.compile(
    r"(?:\bx\s?\d\s?/\s?(?:day|wk|week)|\bdaily\b|\bper day\b|\bevery\b|\btimes a day\b|\bq\d+h\b"
    r"|\b\d\s?x\s?/\s?(?:day|d|wk|week)\b"  # "elevation 30 min 3x/day"
    # an aide's or a helper's schedule: "with him 4 hrs each morning", "3 hours a day"
    r"|\b(?:hrs?|hours?|mins?|minutes)\.?\s(?:each|per|a)\s(?:morning|afternoon|evening|night|day|weekday|week)\b)",
    re.I,
)
_BREAK_AFTER = re.compile(
    r"^\s?\)?\s?\(?(?:rest\s)?(?:breaks?|rest|pause|wait|off the clock|not counted|excluded)\b"
    # "5 min off", "5 min lost to a phone call", "6 min on hold"
    r"|^\s(?:off(?![\w-])|lost\b|on hold\b|away\b)"
    r"|^\s(?:[a-z]+\s){1,3}(?:off the clock|not counted)\b"  # "six minute phone call off the clock"
    # "about ten minutes of that was a break"
    r"|^\s(?:of (?:that|it|this|the (?:session|time|hour))\s)?(?:was|were)\s(?:a\s|spent on a\s)?"
    r"(?:break|pause|rest)\b",
    re.I,
)
# "9:00-9:50 minus 10 min for a fire drill", "less 8 min (phone call)", "deduct 5 min": minutes taken out of the range
_BREAK_BEFORE = re.compile(
    r"\b(?:break|brk|rest|pause|interrupt(?:ed|ion|ions)?|off the clock|not counted|minus|less|deduct(?:ed|ing)?"
    # "Rosa stepped out 5 min", "on hold ~6 min": the caregiver away, or the session held
    r"|subtract(?:ed|ing)?|stepped out|steps out|out of the room|on hold)\s*(?:of|was|=|:|x|for|-)?\s*[(~]?\s*$",
    re.I,
)
# "9:00-9:55, less 15 min break = 40 min": the figure after the break's own figure is what is left, not the break
_NET_AFTER_BREAK = re.compile(r"[ \t]{0,2}(?:breaks?|rest|pause)\)?[ \t]{0,2}(?:=|->|→)[ \t]{0,2}", re.I)
# "3-5 min rest", "2 to 3 min": the upper end of a span of figures (a clock's colon or a date's slash is not one)
_FIGURE_RANGE_BEFORE = re.compile(r"(?<![\d:/.])\d{1,2}[ \t]?(?:-|–|to)[ \t]?$")
# "requires >= 16 min", "at least 16 minutes", "a minimum of 16 min", "need > 15 min": a threshold before the figure
_THRESHOLD_BEFORE = re.compile(
    r"(?:>=?|≥|\bat least|\bminimum(?: of)?|\bmore than|\brequires?|\brequired)[ \t]*$", re.I
)
_NOT_SESSION_AFTER = re.compile(r"^\s?(?:post|after|before|later|ago|prior)\b", re.I)
# "her home (2 hours away)", "lives 20 min away", "the clinic is 40 min away", "20 min away from the clinic": how far
# someone lives or something is, not a break ("Rosa stepped out 5 min" is one)
_AWAY_AFTER = re.compile(r"^\s?(?:away|from here|by car|drive)\b", re.I)
_DISTANCE_AFTER = re.compile(r"^\s?away\s+(?:from|by)\b", re.I)
_DISTANCE_BEFORE = re.compile(
    r"\b(?:lives?|living|located|is|are|sits|drives?|driving|moved)\s+(?:about\s+|~\s?)?$", re.I
)
MAX_SEGMENT_MINUTES = 360
HALF_DAY = 12 * 60
AFTER_REACH = 32  # " of the session was a break" follows the figure it excludes
LABEL_REACH = 40  # "I started with Tobias at " names the start a few words before the time
# an export's field and its value apart without a colon: a tab, a table's cell bar ("| CTS Minutes | 32 |"), a
# flowsheet's padding of two or more spaces ("Caregiver Training Minutes          32") or its dot leader
# ("Total CTS min ................. 30")
_FIELD_GAP = r"[ \t]*\|[ \t]*|\t[ \t]*|[ \t]*\.{2,}[ \t]*|[ \t]{2,}"
# "Total minutes: 35", "Total CTS time = 32": the label comes first and the unit is left out
_LABELLED_TOTAL = re.compile(
    r"(?<![\w-])(?:total|tot)\.?(?:[ \t]+(?:cts|caregiver|training|session|face[- ]to[- ]face|treatment|time|minutes"
    r"|mins?|timed|code)){0,3}(?:[ \t]*\((?:minutes|mins?)\))?"  # "Total Time (min): 47": the unit in brackets
    r"(?:[ \t.]*[:=][ \t]*|" + _FIELD_GAP + r")"
    r"(?:(?P<num>\d{1,3})|(?P<hh>\d):(?P<mm>[0-5]\d))"  # "Total time: 0:36" is h:mm
    r"(?=[ \t]*(?:[;,|(]|$))",  # the number stands alone
    re.I | re.M,
)
_LABELLED_TOTAL_STARTS = "tot"  # every match opens with it: RE2 finds the few places, Python's re is asked only there
# "Minutes: 36", "CTS minutes = 36": a minutes field with its bare number
# "Duration_Minutes: 47", "CTS Time (minutes): 47", "Minutes CTS: 47": the field's name says minutes, before or
# after what they are of, or in brackets
_FIELD_OF = r"(?:cts|caregiver training|training|session|face[- ]to[- ]face|duration|cts time|session time|time spent)"
_MINUTES_FIELD = re.compile(
    rf"^[ \t*|-]*(?:(?:{_FIELD_OF}[ \t]+)?(?:minutes|mins?)(?:[ \t]+{_FIELD_OF})?"
    rf"|{_FIELD_OF}[ \t]*\((?:minutes|mins?)\))"
    r"(?:[ \t.]*[:=][ \t]*|" + _FIELD_GAP + r")(?P<num>\d{1,3})(?=[ \t]*(?:[;,|(]|$))",
    re.I | re.M,
)
# "Duration: 00:32", "Duration 0:32": an EHR's duration field written h:mm (a session is under six hours)
_DURATION_FIELD = re.compile(
    r"^[ \t*-]*(?:(?:cts|session|visit|training)[ \t]+)?duration[ \t.]*[:=]?[ \t]*(?P<hh>0?[0-5]):(?P<mm>[0-5]\d)"
    r"(?::[0-5]\d)?(?=[ \t]*(?:[;,|(]|$))",
    re.I | re.M,
)
# "(35 min)", "= 35 min" right after a clock range: the total of that range
_RIGHT_AFTER_RANGE = re.compile(r"[ \t]*[(=,:-]?[ \t]*$")
# "amb 200'" is feet: the minute mark only for a plausible session length, not after a distance cue
_FEET_CUE = re.compile(r"\b(?:amb\w*|walk\w*|gait|distance|feet|ft|x)\s*$", re.I)
MAX_PRIME_MINUTES = 90

_SPOKEN_WORDS = frozenset({"until", "till", "through", "oh", "clock", "fifteen", "thirty", "forty", "fifty", "twenty"})
_RELATIVE_WORDS = frozenset({"past", "clock"})
_SPOKEN_GATE = re.compile(
    r"\s(?:to|until|till|through|at|start|started|began|finished|ended|end|stop|stopped|time|time in|time out)\s+"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.I,
)


@dataclass(frozen=True)
class Segment:
    """A clock-time range; minutes since midnight; `span` covers the written range."""

    start_minute: int
    end_minute: int
    span: tuple[int, int]
    labeled: bool = False
    stamped: bool = False  # from a time-stamped entry to the next: `span` covers the entry's own time

    @property
    def minutes(self) -> int:
        return self.end_minute - self.start_minute

    @staticmethod
    def clock(minute: int) -> str:
        minute %= 24 * 60
        return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class Duration:
    minutes: int
    span: tuple[int, int]
    total_cue: bool
    kind: str = "time"  # "time" or "break" ("10 min break", "off the clock 10 min")
    # the clock range this figure restates ("9:00-9:28 (28 min)"); None for a labelled total ("Total: 56 min")
    of_range: tuple[int, int] | None = None


@dataclass
class TimeParse:
    segments: list[Segment] = field(default_factory=list)
    reversed_segments: list[Segment] = field(default_factory=list)  # stop before start
    durations: list[Duration] = field(default_factory=list)
    implausible: list[Duration] = field(default_factory=list)  # a labelled total beyond one date (> 600 minutes)
    stated_total: int | None = None
    stated_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    hour: int
    minute: int
    meridiem: str | None  # "a", "p" or None
    military: bool
    colon: bool = True


# "June 9, 2026 -- 10:00-11:15", "Apr 7 2026", "9 June 2026", "2025-10-02": a year after a month name or before an
# ISO date's month is not the clock time 20:26 (read as one, it pairs with the next time into a reversed range)
_YEAR_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
    r"(?:[ \t]{1,3}\d{1,2}(?:st|nd|rd|th)?)?,?[ \t]{1,3}$",
    re.I,
)
_ISO_DATE_AFTER = re.compile(r"-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b")
YEAR_REACH = 24


def _is_year(text: str, m: re.Match[str]) -> bool:
    if m["mh"] is None or not 1900 <= int(m["mh"] + m["mm"]) <= 2099 or m.end() - m.start() != 4:
        return False
    before = text[max(0, m.start() - YEAR_REACH) : m.start()]
    return bool(_YEAR_BEFORE.search(before) or _ISO_DATE_AFTER.match(text, m.end()))


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in itertools.islice(sparse_finditer(_TOKEN, text, _TOKEN_STARTS), MAX_MENTIONS):
        if _is_year(text, m):
            continue
        if m["th"] is not None:
            hour, minute, ap, military = int(m["th"]), int(m["tm"]), None, True
        elif m["fh"] is not None:
            hour, minute, ap, military = int(m["fh"]), int(m["fm"]), None, True
        elif m["h"] is not None:
            hour, minute, ap = int(m["h"]), int(m["m"]), m["ap"]
            military = hour >= 13 or (m["h"].startswith("0") and len(m["h"]) == 2 and ap is None)
        elif m["h2"] is not None:
            hour, minute, ap, military = int(m["h2"]), 0, m["ap2"], False
        elif m["bh"] is not None:
            hour, minute, ap, military = int(m["bh"]), 0, None, False
        else:
            hour, minute, ap, military = int(m["mh"]), int(m["mm"]), None, True
        colon = m["mh"] is None and m["th"] is None
        out.append(_Token(m.start(), m.end(), hour, minute, ap.lower() if ap else None, military, colon))
    return out


# "10:00-~~10:50~~ 10:35", "Stop time: 10:50 (error, KL) 10:35": a clock time struck through or marked in error, and
# the time written right after it in its place
_STRUCK_AFTER = re.compile(r"~~[ \t]{0,3}")
_IN_ERROR_MARK = re.compile(
    r"[ \t]{0,2}[(\[]?[ \t]{0,2}(?:entered\s+)?(?:in\s+)?(?:error|wrong|incorrect|struck|crossed out)\b"
    r"[^)\]\n\d]{0,20}[)\]]?[ \t]{0,3}",
    re.I,
)


def _superseded(text: str, tokens: list[_Token]) -> list[_Token]:
    """The tokens with each struck or erroneous clock time replaced by the one written after it: the replacement takes
    the struck time's place (its strike marks included), so the range or label around it reads as written."""
    out: list[_Token] = []
    skip = False
    for b, c in itertools.pairwise([*tokens, None]):
        if skip:
            skip = False
            continue
        if c is not None and text[b.start - 2 : b.start] == "~~" and _STRUCK_AFTER.fullmatch(text, b.end, c.start):
            out.append(replace(c, start=b.start - 2))
            skip = True
        elif c is not None and _IN_ERROR_MARK.fullmatch(text, b.end, c.start):
            out.append(replace(c, start=b.start))
            skip = True
        else:
            out.append(b)
    return out


def _to_minutes(tok: _Token, meridiem: str | None) -> int:
    hour = tok.hour
    if not tok.military and meridiem:
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    return hour * 60 + tok.minute


def _resolve(a: _Token, b: _Token) -> tuple[int, int]:
    """Start and end minutes of a range, inferring a missing am/pm from the other end."""
    if a.military or b.military or (a.meridiem and b.meridiem):
        return _across_midnight(_to_minutes(a, a.meridiem), _to_minutes(b, b.meridiem))
    if b.meridiem and not a.meridiem:
        start, end = _to_minutes(a, b.meridiem), _to_minutes(b, b.meridiem)
        if start > end:
            start = _to_minutes(a, "a" if b.meridiem == "p" else "p")
        return start, end
    if a.meridiem and not b.meridiem:
        start, end = _to_minutes(a, a.meridiem), _to_minutes(b, a.meridiem)
        if end < start:
            end = _to_minutes(b, "p" if a.meridiem == "a" else "a")
        return start, end
    start, end = _to_minutes(a, None), _to_minutes(b, None)
    if end < start and 0 < end + 12 * 60 - start <= 240 and b.hour <= 12:
        end += 12 * 60  # "12:45-1:20" crosses noon; "Start 10:45 / Stop 10:15" stays reversed
    return start, end


EVENING, EARLY_MORNING, MIDNIGHT_REACH = 18 * 60, 6 * 60, 240


def _across_midnight(start: int, end: int) -> tuple[int, int]:
    """ "11:50 PM - 12:25 AM", "23:40-00:20": an evening start and an early-morning stop within a few hours run over
    midnight (the stop is the next day), not backwards."""
    if end < start and start >= EVENING and end < EARLY_MORNING and end + 24 * 60 - start <= MIDNIGHT_REACH:
        return start, end + 24 * 60
    return start, end


def _is_year_pair(text: str, a: _Token, b: _Token) -> bool:
    if a.colon or b.colon or not (a.military and b.military):
        return False  # "19:00-19:30" is an evening session; only "2024-2025" style pairs are years
    years = all(1900 <= t.hour * 100 + t.minute <= 2099 for t in (a, b))
    return years and not _TIME_CUE.search(text[max(0, a.start - 40) : a.start])


def _paired(text: str, a: _Token, b: _Token) -> bool:
    """ "in / out: 14:02 / 14:40": two times split by a slash under a label that names both ends."""
    return bool(
        _PAIR_SEP.fullmatch(text, a.end, b.start) and _PAIR_LABEL.search(text[max(0, a.start - LABEL_REACH) : a.start])
    )


_AND_SEP = re.compile(r"[ \t]{1,3}and[ \t]{1,3}", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween[ \t]{1,3}$", re.I)


def _between(text: str, a: _Token, b: _Token) -> bool:
    """ "between 10:05 and 10:41": the two ends of a range joined by "and"."""
    return bool(
        _AND_SEP.fullmatch(text, a.end, b.start) and _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start)
    )


def _bare(tok: _Token) -> bool:
    return not (tok.meridiem or tok.military)


def _as_marked(seg: Segment, earlier: set[tuple[int, int]]) -> Segment:
    """A range with no am/pm that restates an earlier pm range ("1:05-1:35 pm ... CTS time 1:05-1:35 and ...") is
    that range, not the same clock in the morning."""
    pm = (seg.start_minute + HALF_DAY, seg.end_minute + HALF_DAY)
    if pm in earlier:
        return Segment(*pm, seg.span, seg.labeled)
    return seg


LABEL_PAIR_REACH = 160  # a labelled start and its stop sit a few lines apart at most
# a fax's or a print's page turn between them ("...continued on next page", "=== PAGE BREAK ===", the next page's
# header "02/11/2026 09:41 RIVERGATE PT P. 2/2", "(cont'd)") puts them further apart, not in different sessions
_PAGE_TURN = re.compile(
    r"page[ \t]?break|continued on (?:the )?next page|\(cont(?:'|’)?d\)|\bpage[ \t]\d+[ \t]?(?:of|/)[ \t]?\d+"
    r"|\bp\.[ \t]?\d+[ \t]?/[ \t]?\d+|\f",
    re.I,
)
PAGE_TURN_REACH = 480


def _segments(text: str, tokens: list[_Token]) -> tuple[list[Segment], list[Segment]]:
    segments: list[Segment] = []
    reversed_: list[Segment] = []
    used: set[int] = set()
    clocks: set[tuple[int, int]] = set()  # the ranges read so far
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if (
            i in used
            or b.start - a.end > 24  # a cheap bound: every separator below is shorter (" to 2025-03-04T" is 15)
            or not (
                _RANGE_SEP.fullmatch(text, a.end, b.start)
                or (a.colon and b.colon and _CELL_SEP.fullmatch(text, a.end, b.start))
                or _paired(text, a, b)
                or _between(text, a, b)
            )
            or _is_year_pair(text, a, b)
        ):
            continue
        start, end = _resolve(a, b)
        seg = Segment(start, end, (a.start, b.end))
        if 0 < seg.minutes <= MAX_SEGMENT_MINUTES:
            seg = _as_marked(seg, clocks) if _bare(a) and _bare(b) else seg
            segments.append(seg)
            clocks.add((seg.start_minute, seg.end_minute))
        elif seg.minutes <= 0 and (a.military or b.military or a.meridiem or b.meridiem):
            reversed_.append(seg)
        used.update((i, i + 1))
    for i, a in enumerate(tokens):
        if i in used or not _START_LABEL.search(_label_window(text, a.start)):
            continue
        reach = PAGE_TURN_REACH if _PAGE_TURN.search(text, a.end, a.end + PAGE_TURN_REACH) else LABEL_PAIR_REACH
        for j in range(i + 1, len(tokens)):
            b = tokens[j]
            if b.start - a.end > reach:
                break
            if j in used or not _STOP_LABEL.search(_label_window(text, b.start)):
                continue
            _keep_labelled(a, b, segments, reversed_)
            used.update((i, j))
            break
    _labelled_after(text, tokens, used, segments, reversed_)
    _gridded(text, tokens, used, segments, reversed_)
    _columns(text, tokens, used, segments, reversed_)
    _stamped(text, tokens, used, segments)
    segments.sort(key=lambda s: s.span)
    return segments, reversed_


# a flowsheet's padding and a table's empty cells ("| Stop Time           |               | 1047"): the label is as
# near its time as when written tight
_PADDING = re.compile(r"[ \t]{2,}")
_EMPTY_CELLS = re.compile(r"\|(?:[ \t]*\|)+")


def _label_window(text: str, pos: int) -> str:
    """The few words before a time where its label would be, padding and empty cells taken out (bounded: linear)."""
    near = text[max(0, pos - 4 * LABEL_REACH) : pos]
    return _EMPTY_CELLS.sub("|", _PADDING.sub(" ", near))[-LABEL_REACH:]


# a time-stamped entry: the time opens its line and the entry's words follow ("2:00 pm: met with daughter alone",
# "2:52 done"); each entry runs until the next one's time
# "[10:00] Session began", "(10:32) Patient returned": the stamp may sit in brackets
_STAMP_BEFORE = re.compile(r"[ \t*•>\-\[(]{0,6}")
# "2:00 pm -- caregiver-only training": a typed dash may be doubled
_STAMP_AFTER = re.compile(
    r"(?:[ \t]?(?:[aApP]\.?[mM]\.?|hrs?))?[\])]?[ \t]{0,3}(?:[:\-–—]{1,2}[ \t]{0,3}|[ \t])[A-Za-z]"
)
MAX_STAMP_GAP = 180


def _stamp(text: str, tok: _Token) -> bool:
    line_start = text.rfind("\n", 0, tok.start) + 1
    return bool(_STAMP_BEFORE.fullmatch(text, line_start, tok.start) and _STAMP_AFTER.match(text, tok.end))


def _spoken_stamped(text: str, segments: list[Segment]) -> list[Segment]:
    """Segments from time-stamped entries said aloud ("Nine o'clock a m colon met with husband alone ... Nine thirty
    one colon patient brought in ... Nine forty five colon done"), as `_stamped` reads written ones: each entry
    from its time to the next one's, where no range written in the note covers that time."""
    out: list[Segment] = []
    for (a, a_start, a_end), (b, _, _) in itertools.pairwise(spoken_stamps(text)):
        end = b if b > a else b + HALF_DAY  # "eleven fifty colon ... twelve ten colon"
        if 0 < end - a <= MAX_STAMP_GAP and not any(s.start_minute < end and a < s.end_minute for s in segments):
            out.append(Segment(a, end, (a_start, a_end), stamped=True))
    return out


# a written range named as the training's ("CTS time 10:05-10:21", "Training 10:03-10:40 = 37 minutes")
_NAMED_TRAINING = re.compile(
    r"\b(?:cts|caregiver training|training)(?:[ \t]+(?:time|minutes|session))?[ \t]*[:=]?[ \t]*$", re.I
)


# a chat export's message header: "11:40  Bernadette Ngata, MS, CCC-SLP:  pasted note", "[10:58] Ximena Larkspur-Obi,
# PTA", "10:45  ClaimBot:": when a message was sent, not an entry of the session's log
_SENDER_AFTER = re.compile(
    r"[\])]?[ \t]{1,4}(?P<name>[A-Z][\w'.-]*(?:[ \t][A-Z][\w'.-]*){0,3})"
    r"(?P<role>(?:,[ \t]*[A-Z][A-Za-z/.-]{1,10}){1,3}|[ \t]*\([A-Za-z ]{1,20}\))?[ \t]*(?::|$)",
    re.M,
)
_NOT_A_SENDER = re.compile(
    r"\b(?:training|session|start\w*|stop\w*|end\w*|break|cts|caregiver|patient|pt|time)\b", re.I
)


def _senders(text: str, stamps: list[_Token]) -> set[int]:
    """The stamps that head a chat's messages, when the note is a conversation: two or more such headers, one of them
    naming the sender's credential or role (a log's "09:00 Arrived:" names nobody)."""
    heads = {}
    for tok in stamps:
        m = _SENDER_AFTER.match(text, tok.end)
        if m and not _NOT_A_SENDER.search(m["name"]):
            heads[tok.start] = bool(m["role"])
    return set(heads) if len(heads) >= 2 and any(heads.values()) else set()


def _stamped(text: str, tokens: list[_Token], used: set[int], segments: list[Segment]) -> None:
    """Segments from time-stamped entries ("2:00 pm: met with daughter alone ... 2:37 pm: pt came in ... 2:52
    done"): each entry from its time to the next entry's, when the two run forward within the limit and no range
    written in the note already covers that time. A range written without am/pm between the entries' times is
    read in their half of the day."""
    # "0900 Started w/ son": a military time opens its entry too
    stamps = [t for i, t in enumerate(tokens) if i not in used and (t.colon or t.military) and _stamp(text, t)]
    senders = _senders(text, stamps)
    stamps = [t for t in stamps if t.start not in senders]
    entries = [(a, *_resolve(a, b)) for a, b in itertools.pairwise(stamps)]
    entries = [(a, start, end) for a, start, end in entries if 0 < end - start <= MAX_STAMP_GAP]
    if not entries:
        return
    first, last = entries[0][1], entries[-1][2]
    for k, seg in enumerate(segments):
        if seg.end_minute <= HALF_DAY and first <= seg.start_minute + HALF_DAY < seg.end_minute + HALF_DAY <= last:
            segments[k] = replace(seg, start_minute=seg.start_minute + HALF_DAY, end_minute=seg.end_minute + HALF_DAY)
    ranges = list(segments)
    if any(_NAMED_TRAINING.search(text, max(0, seg.span[0] - 24), seg.span[0]) for seg in ranges):
        return  # "10:51 End. CTS time 10:05-10:21 + 10:26-10:51": the log's own summary of the training's time
    for a, start, end in entries:
        if not any(seg.start_minute < end and start < seg.end_minute for seg in ranges):
            segments.append(Segment(start, end, (a.start, a.end), stamped=True))


def _keep_labelled(a: _Token, b: _Token, segments: list[Segment], reversed_: list[Segment]) -> None:
    """A labelled start and stop: a range when it runs forward within the limit, a reversed one when it runs back."""
    start, end = _resolve(a, b)
    seg = Segment(start, end, (a.start, b.end), labeled=True)
    if 0 < seg.minutes <= MAX_SEGMENT_MINUTES:
        segments.append(seg)
    elif seg.minutes <= 0:
        reversed_.append(seg)


# a table's header row naming the start and stop columns, their values on the row below ("Start    Stop\n10:05
# 10:41", "| Start | Stop | Min |\n|---|---|---|\n| 10:05 | 10:41 | 36 |", tab-separated exports)
_COLUMN_HEADS = re.compile(
    # one class between the cells, so a run of blanks is read one way (linear); a lookahead asks for a column gap
    r"^[ \t|]*(?:[\w/#]+(?=[ \t]*[|\t]|[ \t]{2})[ \t|]+)?(?:time[ \t]+)?(?:start|begin|in)(?:[ \t]+time)?"
    r"(?=[ \t]*[|\t]|[ \t]{2})[ \t|]+(?:time[ \t]+)?(?:stop|end|finish|out)(?:[ \t]+time)?\b[^\n\d]*$",
    re.I | re.M,
)
_RULE_ROW = re.compile(r"[ \t|:+=-]*\n")  # "|---|---|" under a markdown header
_HEAD_WORDS, _TAIL_WORDS = frozenset({"start", "begin", "in"}), frozenset({"stop", "end", "finish", "out"})


# a grid's columns by their headings ("Pt | Svc | In | Out | Total", "start,end,min,type"): a row's start and stop
# cells are its range (run forward or back), its minutes cell the range's stated figure
_GRID_START = frozenset({"in", "time in", "start", "start time", "begin", "from"})
_GRID_STOP = frozenset({"out", "time out", "stop", "stop time", "end", "end time", "to"})
_GRID_MINUTES = frozenset({"total", "min", "mins", "minutes", "total min", "total mins", "total minutes", "duration"})
_GRID_FIGURE = re.compile(r"\d{1,3}")
_GRID_KINDS = (
    dict.fromkeys(_GRID_START, "start") | dict.fromkeys(_GRID_STOP, "stop") | dict.fromkeys(_GRID_MINUTES, "minutes")
)


def _grid_rows(text: str) -> dict[int, dict[str, tuple[int, int]]]:
    """Each grid row's start, stop and minutes cells ("start", "stop", "minutes"), by where the row starts."""
    rows: dict[int, dict[str, tuple[int, int]]] = {}
    for cell in grid.cells(text):
        kind = _GRID_KINDS.get(cell.heading)
        if kind is not None:
            rows.setdefault(cell.row, {}).setdefault(kind, (cell.start, cell.end))
    return rows


def _gridded(
    text: str, tokens: list[_Token], used: set[int], segments: list[Segment], reversed_: list[Segment]
) -> None:
    """The range of each grid row from its start and stop cells, when a clock time fills each."""
    if not (_GRID_START & words_of(text) and _GRID_STOP & words_of(text)):
        return
    starts = [t.start for t in tokens]
    for row in _grid_rows(text).values():
        if "start" not in row or "stop" not in row:
            continue
        i, j = bisect_left(starts, row["start"][0]), bisect_left(starts, row["stop"][0])
        if i in used or j in used or j >= len(tokens) or i == j:
            continue
        if (tokens[i].start, tokens[i].end) == row["start"] and (tokens[j].start, tokens[j].end) == row["stop"]:
            _keep_labelled(tokens[i], tokens[j], segments, reversed_)
            used.update((i, j))


def _grid_minutes(text: str, clock_spans: list[tuple[int, int]]) -> list[Duration]:
    """A timesheet row's minutes cell ("| 30 |", ",41,") beside its start and stop cells, as a stated figure: the
    total of the row's own range when its clock times make one, else a labelled total. (A billing grid's minutes per
    code, with no start and stop, is a share of the time, not its total.)"""
    if not (_GRID_MINUTES & words_of(text) and _GRID_START & words_of(text)):
        return []
    out = []
    for row in _grid_rows(text).values():
        a, b = row.get("minutes", (0, 0))
        if a == b or "start" not in row or "stop" not in row or not _GRID_FIGURE.fullmatch(text, a, b):
            continue
        own = [span for span in clock_spans if row["start"][0] <= span[0] < span[1] <= row["stop"][1]]
        out.append(Duration(int(text[a:b]), (a, b), True, of_range=own[0] if own else None))
    return out


def _columns(
    text: str, tokens: list[_Token], used: set[int], segments: list[Segment], reversed_: list[Segment]
) -> None:
    """The first two times of each row under a start/stop header row: the start, then the stop. The table runs
    down its rows until one without two times ("1  09:00  09:20 ...", "break  09:20  09:35 ...", "2  09:35  09:58":
    three rows, the break told apart later by its own words)."""
    words = words_of(text)
    if not (_HEAD_WORDS & words and _TAIL_WORDS & words):
        return
    starts = [t.start for t in tokens]
    for head in itertools.islice(_COLUMN_HEADS.finditer(text), MAX_MENTIONS):
        row = head.end() + 1
        rule = _RULE_ROW.match(text, row)
        row = rule.end() if rule else row
        while row < len(text):
            row_end = text.find("\n", row)
            row_end = len(text) if row_end < 0 else row_end
            i = bisect_left(starts, row)
            if i + 1 >= len(tokens) or tokens[i + 1].end > row_end or i in used or i + 1 in used:
                break
            _keep_labelled(tokens[i], tokens[i + 1], segments, reversed_)
            used.update((i, i + 1))
            row = row_end + 1


# the label after the time: "Video 14:00 start / 14:26 end", "2:05 pm began, 2:40 pm ended"
_START_AFTER = re.compile(r"[ \t]*(?:start(?:ed)?|began|begin)\b", re.I)
_STOP_AFTER = re.compile(r"[ \t]*(?:end(?:ed)?|stop(?:ped)?|finish(?:ed)?)\b", re.I)
_BETWEEN_LABELLED = re.compile(r"[ \t]*(?:[/,;&-]|and)?[ \t]*", re.I)


def _labelled_after(
    text: str, tokens: list[_Token], used: set[int], segments: list[Segment], reversed_: list[Segment]
) -> None:
    """Two neighbouring times, each followed by its label: the first a start, the second a stop. In a log whose
    entries open with their time ("16:40 start -- reviewed ...", lines later "16:05 end"), a stop entry written before
    its start entry's time is a reversed range (a forward pair is read by `_stamped`)."""
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if i in used or i + 1 in used:
            continue
        start_label = _START_AFTER.match(text, a.end)
        if start_label is None or _STOP_AFTER.match(text, b.end) is None:
            continue
        near = b.start - a.end <= 40 and _BETWEEN_LABELLED.fullmatch(text, start_label.end(), b.start)
        if near or (_stamp(text, a) and _stamp(text, b) and _resolve(a, b)[1] <= _resolve(a, b)[0]):
            _keep_labelled(a, b, segments, reversed_)
            used.update((i, i + 1))


def word_number(value: str) -> float | None:
    value = value.strip().lower()
    if value.isdigit():
        return int(value)
    if _DECIMAL.fullmatch(value):
        return float(value)
    if value in ("a", "an", "one"):
        return 1
    if value in _WORD_UNITS:
        return _WORD_UNITS[value]
    parts = re.split(r"[-\s]", value)
    if parts[0] in _WORD_TENS:
        return _WORD_TENS[parts[0]] + (_WORD_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


_DECIMAL = re.compile(r"\d{1,2}\.\d{1,2}")
_HALF_BEFORE = re.compile(r"\bhalf[ \t-]$", re.I)


def _minutes_of(m: re.Match[str]) -> int | None:
    if m["m"] is not None:
        if m["num"].lower() in ("a", "an") or _DECIMAL.fullmatch(m["num"]):
            return None
        value = word_number(m["num"])
        return None if value is None else int(value)
    hours = word_number(m["num"])
    extra_said = m["hmin"] or m["hmin2"]
    extra = word_number(extra_said) if extra_said else 0
    return None if hours is None or extra is None else round(hours * 60 + extra)


def _durations(text: str, clock_spans: list[tuple[int, int]], lines: LineIndex,
               implausible: list[Duration] | None = None) -> list[Duration]:
    """Written durations in text order; a labelled total beyond one date goes to `implausible` instead."""
    out: list[Duration] = []
    spans = sorted(clock_spans)
    ends = [b for _, b in spans]
    k = 0
    for m in itertools.islice(sparse_finditer(_DURATION, text, _DURATION_STARTS), MAX_MENTIONS):
        while k < len(spans) and spans[k][1] <= m.start():
            k += 1  # one pass over the clock ranges (both lists are in text order)
        if k < len(spans) and spans[k][0] <= m.start() < spans[k][1]:
            continue
        total = _minutes_of(m)
        if total is not None and total > 600 and implausible is not None \
                and _TOTAL_CUE.search(lines.before(m.start(), 45)):
            implausible.append(Duration(total, (m.start(), m.end()), True))
        if total is None or total > 600:
            continue
        if total == 60 and m["num"].lower() in ("a", "an") and _HALF_BEFORE.search(text, m.start() - 6, m.start()):
            total = 30  # "half an hour"
        before = lines.before(m.start(), 45)
        if m["m"] == "'" and (total > MAX_PRIME_MINUTES or _FEET_CUE.search(before[-12:])):
            continue  # "amb 200' w/ rollator" is a distance
        if m["m"] in ("m", "M") and (
            total > MAX_PRIME_MINUTES or text[m.end() : m.end() + 1] in ("'", "/", "-") or not
            _BARE_M_CUE.search(before[-30:])
        ):
            continue  # "30m" is minutes only after a word for the session's time
        after = text[m.end() : m.end() + AFTER_REACH]
        if _FIGURE_RANGE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "3-5 min rest" between tasks is advice taught, not the session's time or its break
        if _THRESHOLD_BEFORE.search(before[-24:]):
            continue  # "97550 requires >= 16 min", "at least 8 min": a rule's threshold, not time documented
        if _RECURRING.search(before[-20:] + text[m.start() : m.end()] + after):
            continue  # home-programme doses are not session time
        if _AWAY_AFTER.match(after) and (m["m"] is None or _DISTANCE_AFTER.match(after)
                                          or _DISTANCE_BEFORE.search(before[-20:])):
            continue  # a distance: a session is not hours away, and where someone lives is no break of it
        net = bool(out) and out[-1].kind == "break" and _NET_AFTER_BREAK.fullmatch(text, out[-1].span[1], m.start())
        if not net and (_BREAK_AFTER.match(after) or _BREAK_BEFORE.search(before[-22:])):
            out.append(Duration(total, (m.start(), m.end()), False, kind="break"))
            continue
        if _NOT_SESSION_AFTER.match(after):
            continue  # "30 min post meal", "2 hours ago"
        # "Total: 32 min", "32 min total CTS time", or "10:00-10:30 (35 min)": the range's own total
        after_range = k > 0 and _RIGHT_AFTER_RANGE.fullmatch(text, ends[k - 1], m.start()) is not None
        labelled = bool(_TOTAL_CUE.search(before) or _TOTAL_AFTER.match(after))
        of_range = spans[k - 1] if after_range and not labelled else None
        out.append(Duration(total, (m.start(), m.end()), labelled or after_range, of_range=of_range))
    if {"total", "tot"} & words_of(text):
        out += [_labelled(m) for m in sparse_finditer(_LABELLED_TOTAL, text, _LABELLED_TOTAL_STARTS)]
    out += _grid_minutes(text, spans)
    if "duration" in words_of(text):
        out += [_labelled(m) for m in _DURATION_FIELD.finditer(text)]
    if {"minutes", "min", "mins"} & words_of(text):
        out += [Duration(int(m["num"]), m.span("num"), False) for m in _MINUTES_FIELD.finditer(text)]
        if "|" in text:
            out += [Duration(int(m["num"]), m.span("num"), False) for m in _HL7_MINUTES.finditer(text)]
    out.sort(key=lambda d: d.span)
    return out


def _labelled(m: re.Match[str]) -> Duration:
    if m.groupdict().get("num") is not None:
        return Duration(int(m["num"]), m.span("num"), True)
    return Duration(int(m["hh"]) * 60 + int(m["mm"]), (m.start("hh"), m.end("mm")), True)


# in a correction: "stop time above entered in error. Actual stop 1:37 PM"
_IN_ERROR_AFTER = re.compile(
    r"[^\n\d;]{0,12}\b(?:entered |recorded |written )?in error\b|\s*(?:was|is) (?:wrong|incorrect)", re.I
)
_CORRECTED_STOP = re.compile(r"\b(?:stop|end|time out|finish\w*)\s*(?:time)?\s*(?:is|was|should read|=|:)?\s*$", re.I)


def _corrected_range(result: TimeParse, new: list[Segment], before: list[Segment]) -> list[Segment]:
    """The earlier ranges a correction's own ranges replace: the one with the same start, else the only one."""
    replaced = [old for old in before if any(seg.start_minute == old.start_minute for seg in new)]
    if not replaced and len(before) == 1 and len(new) == 1:
        replaced = before
    if replaced:
        result.segments = [seg for seg in result.segments if seg not in replaced]
    return replaced


def _corrected_stop(text: str, tokens: list[_Token], result: TimeParse, entry: Entry, before: list[Segment]) -> None:
    """ "Actual stop 1:37 PM": a corrected stop time for the only range written before the correction."""
    stops = [
        t for t in tokens if entry.start <= t.start < entry.end and _CORRECTED_STOP.search(text, entry.start, t.start)
    ]
    # "end time 11:05 entered in error ...; correct end time 10:50": the value in error is not the correction
    stops = [t for t in stops if not _IN_ERROR_AFTER.match(text, t.end, t.end + 30)] or stops
    if len(before) == 1 and stops:
        old = before[0]
        end = _to_minutes(stops[0], stops[0].meridiem or ("p" if old.end_minute >= 12 * 60 else None))
        if 0 < end - old.start_minute <= MAX_SEGMENT_MINUTES:
            fixed = Segment(old.start_minute, end, (old.span[0], stops[0].end), old.labeled)
            result.segments = [fixed if seg is old else seg for seg in result.segments]


def _apply_correction(text: str, tokens: list[_Token], result: TimeParse) -> None:
    """A correction made for care (assistant.notes.addenda) supersedes the times written before it: its clock
    range replaces the range it corrects (and the figure restating that range), its stop time the stop of the
    only range before it, its stated total the totals before it."""
    for entry in find_entries(text):
        if not entry.corrects or entry.payment:
            continue
        before = [seg for seg in result.segments if seg.span[1] <= entry.start]
        new = [seg for seg in result.segments if entry.start <= seg.span[0] < entry.end]
        replaced = _corrected_range(result, new, before) if new and before else []
        if not new:
            _corrected_stop(text, tokens, result, entry, before)
        gone = {seg.span for seg in replaced}
        totals = [d for d in result.durations if d.total_cue and entry.start <= d.span[0] < entry.end]
        result.durations = [
            d
            for d in result.durations
            if d.of_range not in gone and not (totals and d.total_cue and d.span[1] <= entry.start)
        ]


# "0800-0830 - no wait, correction: 1300-1330", "ten to ten thirty, sorry, I mean ten fifteen to ten forty-five":
# the writer takes a range back on the spot and gives the right one next
_RETRACTED = re.compile(
    # "10:00-10:50 [corrected: 10:00-10:35 KL]", "(amended to 10:00-10:35)", "~~10:00-10:50~~ 10:00-10:35": an
    # amendment or a strike-through in the record gives the right range right after the wrong one
    r"[\s,;:.()\[~>—–-]{0,4}(?:no,?\s+wait|correction|corrected(?:\s+to)?|amended(?:\s+to)?|revised(?:\s+to)?"
    r"|changed\s+to|late\s+correction|i\s+mean|scratch\s+that|strike\s+that|sorry"
    r"|make\s+that|should\s+(?:read|be|have\s+been)|rather)\b[^\d\n]{0,24}"
    r"|~~[\s,;:.()\[-]{0,4}",
    re.I,
)
RETRACT_REACH = 48


def _retracted(text: str, segments: list[Segment]) -> list[Segment]:
    """The ranges without those taken back right after they were written (the next range replaces each)."""
    gone = {
        a.span
        for a, b in itertools.pairwise(segments)
        if 0 <= b.span[0] - a.span[1] <= RETRACT_REACH and _RETRACTED.fullmatch(text, a.span[1], b.span[0])
    }
    return [seg for seg in segments if seg.span not in gone] if gone else segments


def _retracted_durations(text: str, durations: list[Duration]) -> list[Duration]:
    """The minutes figures without those taken back right after they were written ("40 min - correction: 34 min",
    "35 min, I mean 30"): the next figure replaces each, and keeps a total's cue."""
    ordered = sorted(durations, key=lambda d: d.span)
    out: list[Duration] = []
    for i, d in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if (
            nxt is not None
            and d.kind == nxt.kind == "time"
            and 0 <= nxt.span[0] - d.span[1] <= RETRACT_REACH
            and _RETRACTED.fullmatch(text, d.span[1], nxt.span[0])
        ):
            ordered[i + 1] = replace(nxt, total_cue=nxt.total_cue or d.total_cue)
            continue
        out.append(_bare_correction(text, d, nxt))
    return out


# "(40 min—correction: 34)": the corrected figure written without its unit
_BARE_FIGURE = re.compile(r"(?P<num>\d{1,3})(?=[ \t]*(?:[)\],;\n]|\.(?!\d)|\Z))")
BARE_CORRECTION_REACH = 16  # "—correction: ", ", I mean ": the figure follows the word itself


def _bare_correction(text: str, d: Duration, nxt: Duration | None) -> Duration:
    """`d`, or the bare figure a correction right after it gives instead (the next figure is not in between)."""
    if d.kind != "time":
        return d
    retract = _RETRACTED.match(text, d.span[1], min(len(text), d.span[1] + RETRACT_REACH))
    if retract is None or not 0 < retract.end() - d.span[1] <= BARE_CORRECTION_REACH:
        return d
    figure = _BARE_FIGURE.match(text, retract.end())
    if figure is None or (nxt is not None and nxt.span[0] <= figure.start()) or not 0 < int(figure["num"]) <= 600:
        return d
    return replace(d, minutes=int(figure["num"]), span=figure.span(), of_range=None)


# Handwritten and European ranges the clock tokens do not read: "9.00-9.40", "14h05-14h41" (a dot or an "h" between
# hour and minutes), "9:30-10", "10-10:40" (one end a bare hour). Read only after a word that names the session's time,
# and not before a unit ("10-12 reps", "2.5-3.0 kg").
_LOOSE_RANGE = re.compile(
    r"(?<![\w.:/$])(?:"
    r"(?P<h1>[01]?\d|2[0-3])[.h](?P<m1>[0-5]\d)[ \t]?(?:-|–|to)[ \t]?(?P<h2>[01]?\d|2[0-3])[.h](?P<m2>[0-5]\d)"
    r"|(?P<h3>1[0-2]|0?[1-9]):(?P<m3>[0-5]\d)[ \t]?[-–][ \t]?(?P<h4>1[0-2]|0?[1-9])(?![:.]?\d)"
    r"|(?P<h5>1[0-2]|0?[1-9])[ \t]?[-–][ \t]?(?P<h6>1[0-2]|0?[1-9]):(?P<m6>[0-5]\d)"
    r")(?![\w.:]?\d)(?![ \t]?(?:[ap]\.?m\b|min|mins|minutes|reps?|x\b|%|lbs?|kg|ft|sec|times|'|\"|/))",
    re.I,
)
# the word that names the session's time, right before a loose range: each range is tried only there
_LOOSE_LEAD = re.compile(r"\b(?:cts|caregiver training|training|session|time|from|start\w*|seen)\b[^\n\d]{0,12}", re.I)


def _loose_ranges(text: str, segments: list[Segment]) -> list[Segment]:
    """The ranges of `_LOOSE_RANGE` after a session-time word, where no range was read; a bare hour takes the
    other end's half of the day (crossing noon as "11:45-12" or "12:50-1" does)."""
    taken = sorted(seg.span for seg in segments)
    starts = [a for a, _ in taken]
    reach = list(itertools.accumulate((b for _, b in taken), max))  # the furthest end among the first k ranges
    out: list[Segment] = []
    for lead in itertools.islice(sparse_finditer(_LOOSE_LEAD, text, _LOOSE_LEAD.pattern), MAX_MENTIONS):
        m = _LOOSE_RANGE.match(text, lead.end())
        if m is None:
            continue
        k = bisect_left(starts, m.end())  # the ranges starting before this one ends
        if k and reach[k - 1] > m.start():
            continue
        g = m.groupdict()
        h1, m1 = g["h1"] or g["h3"] or g["h5"], g["m1"] or g["m3"] or "0"
        h2, m2 = g["h2"] or g["h4"] or g["h6"], g["m2"] or g["m6"] or "0"
        a = _Token(m.start(), m.start() + 1, int(h1), int(m1), None, int(h1) >= 13)
        b = _Token(m.end() - 1, m.end(), int(h2), int(m2), None, int(h2) >= 13)
        start, end = _resolve(a, b)
        if 0 < end - start <= MAX_SEGMENT_MINUTES:
            out.append(Segment(start, end, m.span()))
    return out


# A dotted range is a clock range with no lead word when its end carries am/pm ("2.05-2.41 pm") or when it is
# all its line holds ("9.15-9.50", maybe with its minutes): a weight or a dose has a unit instead.
_DOTTED_RANGE = re.compile(
    r"(?:(?<=\n)|^)[ \t]*(?P<h1>[01]?\d|2[0-3])\.(?P<m1>[0-5]\d)[ \t]?(?:-|–|to)[ \t]?(?P<h2>[01]?\d|2[0-3])"
    r"\.(?P<m2>[0-5]\d)[ \t]*(?:(?P<ap>[ap])\.?m\.?)?[ \t]*(?:\(\d{1,3}[ \t]?min\w*\)[ \t]*)?$"
    r"|(?<![\w.:/$])(?P<h3>1[0-2]|0?[1-9])\.(?P<m3>[0-5]\d)[ \t]?(?:-|–|to)[ \t]?(?P<h4>1[0-2]|0?[1-9])"
    r"\.(?P<m4>[0-5]\d)[ \t]?(?P<ap2>[ap])\.?m\b",
    re.I | re.M,
)

# in every match: a dotted start and its dash (a stand-in's "\x01" for the en dash). Python's `re` tries both
# branches' lookbehinds at every position (~0.1 ms per 2 KB); RE2 says in a few µs that most notes have no such range
_DOTTED_NEEDS = r"\d\.[0-5]\d[ \t]?(?:-|to|\x01)"


def _dotted_ranges(text: str, segments: list[Segment]) -> list[Segment]:
    """The ranges of `_DOTTED_RANGE` where no range was read."""
    if "." not in text:
        return []
    taken = sorted(seg.span for seg in segments)
    starts = [a for a, _ in taken]
    reach = list(itertools.accumulate((b for _, b in taken), max))  # the furthest end among the first k ranges
    out: list[Segment] = []
    for m in itertools.islice(finditer(_DOTTED_RANGE, text, _DOTTED_NEEDS), MAX_MENTIONS):
        k = bisect_left(starts, m.end())  # the ranges starting before this one ends
        if k and reach[k - 1] > m.start():
            continue
        g = m.groupdict()
        ap = (g["ap"] or g["ap2"] or "").lower() or None
        h1, m1, h2, m2 = (int(g[k] or g[k2]) for k, k2 in (("h1", "h3"), ("m1", "m3"), ("h2", "h4"), ("m2", "m4")))
        a = _Token(m.start(), m.start() + 1, h1, m1, None, h1 >= 13)
        b = _Token(m.end() - 1, m.end(), h2, m2, ap, h2 >= 13)
        start, end = _resolve(a, b)
        if 0 < end - start <= MAX_SEGMENT_MINUTES:
            out.append(Segment(start, end, (m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())))
    return out


_Said = tuple[int, int, int, int]  # (start minute, end minute, span start, span end)


def _new_spans(found: list[_Said], more: list[_Said]) -> list[_Said]:
    """The ranges of `more` whose spans overlap none of `found`: a binary search over `found` sorted by span start,
    with the furthest span end so far (a note of thousands of ranges stays linear-logarithmic)."""
    if not found:
        return more
    ordered = sorted(found, key=lambda q: q[2])
    starts = [q[2] for q in ordered]
    reach = list(itertools.accumulate((q[3] for q in ordered), max))
    out = []
    for r in more:
        i = bisect_left(starts, r[3])  # the spans that start before r ends
        if i == 0 or reach[i - 1] <= r[2]:
            out.append(r)
    return out


def _with_spoken(text: str, segments: list[Segment], reversed_: list[Segment]) -> list[Segment]:
    """`segments` and the ranges said in words: dictated ("nine to nine twenty five"), or relative to the hour with
    digits ("10 past 9 to 9:40", "from 9:10 until 10 o'clock"); a spoken start and stop that run back go to
    `reversed_`."""
    words = words_of(text)
    dictated = bool(_SPOKEN_WORDS & words) and _SPOKEN_GATE.search(text) is not None
    relative = bool(_RELATIVE_WORDS & words)
    if not (dictated or relative):
        return segments
    spoken = spoken_ranges(text) if dictated else []
    spoken += _new_spans(spoken, spoken_start_stop(text)) if dictated else []
    spoken += _new_spans(spoken, mixed_ranges(text)) if relative else []
    reversed_ += [Segment(a, b, (s, e), labeled=True) for a, b, s, e in spoken if b <= a]
    spoken_segments = [Segment(a, b, (s, e)) for a, b, s, e in spoken if b > a]
    if dictated:
        spoken_segments += _spoken_stamped(text, segments + spoken_segments)
    return sorted(segments + spoken_segments, key=lambda g: g.span)


def parse_times(text: str, lines: LineIndex | None = None) -> TimeParse:
    """All clock ranges and written durations in `text`, and the stated total if one is clear."""
    lines = lines or LineIndex(text)
    tokens = _tokens(text)
    tokens = _superseded(text, tokens)
    segments, reversed_ = _segments(text, tokens)
    segments = _with_spoken(text, segments, reversed_)
    segments = segments + _loose_ranges(text, segments)
    segments = _retracted(text, sorted(segments + _dotted_ranges(text, segments), key=lambda g: g.span))
    implausible: list[Duration] = []
    durations = _retracted_durations(text, _durations(text, [s.span for s in segments], lines, implausible))
    result = TimeParse(segments=segments, reversed_segments=reversed_, durations=durations, implausible=implausible)
    _apply_correction(text, tokens, result)
    durations = result.durations
    timed = [d for d in durations if d.kind == "time"]
    totals = [d for d in timed if d.total_cue]
    pick = totals[0] if totals else (timed[0] if len(timed) == 1 else None)
    if pick is not None:
        result.stated_total, result.stated_span = pick.minutes, pick.span
    return result
