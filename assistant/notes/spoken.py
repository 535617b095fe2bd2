"""Clock times and dates as dictation software writes them: "from one fifteen to one fifty five",
"time two oh five to two fifty", "march eleventh twenty twenty five".

A spoken range counts when a side has minutes ("nine to nine twenty five") or a time cue comes
just before it ("time one to two"), so "two to three times a day" stays a dose, not a session.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.notes.lines import words_of
from assistant.words import MONTH_ALT, NUMBER_TENS, NUMBER_UNITS, month_number

_HOURS = {w: n for w, n in NUMBER_UNITS.items() if n <= 12}
_HOUR = "|".join(sorted(_HOURS, key=len, reverse=True))
_DIGIT = "|".join(w for w, n in NUMBER_UNITS.items() if n <= 9)
_TEEN = "|".join(w for w, n in NUMBER_UNITS.items() if 10 <= n <= 19)
_TENS = "|".join(w for w, n in NUMBER_TENS.items() if 20 <= n <= 50)
# "one oh five", "one o five": dictation writes the zero either way
_MINUTE = rf"oh?[ -](?:{_DIGIT})|(?:{_TEEN})|(?:{_TENS})(?:[ -](?:{_DIGIT}))?"
# "ten past nine", "quarter to ten", "half past two": the minutes before the hour they are past or short of
_PAST = r"quarter|half|five|ten|twenty|twenty[ -]five"
_SHORT = r"quarter|five|ten|twenty|twenty[ -]five"
_TIME = (
    rf"(?:(?:a[ ])?(?P<{{h}}_past>{_PAST})[ ](?:past|after)[ ]|(?:a[ ])?(?P<{{h}}_to>{_SHORT})[ ](?:to|of|before)[ ])?"
    rf"(?P<{{h}}>{_HOUR})(?:[ ](?P<{{m}}>{_MINUTE})|[ ]o'?[ ]?clock)?"
)
_PART_MINUTES = {"quarter": 15, "half": 30}
_RANGE = re.compile(
    rf"(?=[a-zA-Z])(?<![\w-])(?:{_TIME.format(h='h1', m='m1')})\s+(?:to|until|till|through)\s+"
    rf"(?:{_TIME.format(h='h2', m='m2')})(?![\w-])",
    re.I,
)
# a time said relative to the hour with digits in it ("10 past 9", "quarter to 10", "10 o'clock"), beside a written
# clock or a spoken time: "10 past 9 to 9:40", "quarter past 2 until 3pm", "from 9:10 until 10 o'clock"
_HOUR_OR_DIGIT = rf"{_HOUR}|1[0-2]|0?[1-9]"
_RELATIVE = (
    rf"(?:(?:a[ ])?(?P<{{h}}_past>{_PAST}|[1-5]?\d)[ ](?:past|after)[ ]|(?:a[ ])?(?P<{{h}}_to>{_SHORT}|[1-5]?\d)[ ]"
    rf"(?:to|of|before)[ ])(?P<{{h}}>{_HOUR_OR_DIGIT})|(?P<{{h}}_oc>{_HOUR_OR_DIGIT})[ ]?o'?[ ]?clock"
)
_WRITTEN = (
    r"(?P<{h}_hh>1[0-2]|0?[1-9]):(?P<{h}_mm>[0-5]\d)(?:[ ]?[aApP]\.?[mM]\.?)?"
    r"|(?P<{h}_hp>1[0-2]|0?[1-9])[ ]?[aApP]\.?[mM]\.?"
)
_SEP = r"\s+(?:to|until|till|through)\s+"
_MIXED_RANGES = (
    re.compile(
        rf"(?<![\w:-])(?:{_RELATIVE.format(h='h1')}){_SEP}(?:{_RELATIVE.format(h='h2')}|{_WRITTEN.format(h='h2')}"
        rf"|{_TIME.format(h='w2', m='wm2')})(?![\w:-])",
        re.I,
    ),
    re.compile(
        rf"(?<![\w:-])(?:{_WRITTEN.format(h='h1')}|{_TIME.format(h='w1', m='wm1')}){_SEP}(?:{_RELATIVE.format(h='h2')})"
        rf"(?![\w:-])",
        re.I,
    ),
)


def _hour(word: str) -> int:
    return int(word) % 12 or 12 if word.isdigit() else _HOURS[word.lower()]


def _part(word: str) -> int:
    return int(word) if word.isdigit() else _past_minutes(word)


def _side(m: re.Match[str], h: str, w: str) -> int:
    """Minutes on a 12-hour dial of one side of a mixed range (relative, written or spoken)."""
    g = m.groupdict()
    if g.get(f"{h}_hh"):
        return _hour(g[f"{h}_hh"]) * 60 + int(g[f"{h}_mm"])
    if g.get(f"{h}_hp"):
        return _hour(g[f"{h}_hp"]) * 60
    if g.get(f"{h}_oc"):
        return _hour(g[f"{h}_oc"]) * 60
    if g.get(h):
        hour = _hour(g[h])
        if g.get(f"{h}_past"):
            return hour * 60 + _part(g[f"{h}_past"])
        return (hour - 1) * 60 + 60 - _part(g[f"{h}_to"])
    return _time_of(m, w, w.replace("w", "wm"))


def mixed_ranges(text: str) -> list[tuple[int, int, int, int]]:
    """(start minute, end minute, span start, span end) of every range with a side said relative to the hour."""
    out = []
    for pattern in _MIXED_RANGES:
        for m in pattern.finditer(text):
            start, end = _side(m, "h1", "w1"), _side(m, "h2", "w2")
            if end <= start:
                end += 12 * 60
            if 0 < end - start <= 240:
                out.append((start, end, m.start(), m.end()))
    return out


# "we started at two oh five and stopped at two forty": a start and a stop each named by its verb
_AT = rf"[ ]+(?:[a-z']+[ ]+){{{{0,3}}}}?at[ ]+(?:about[ ]+|around[ ]+)?(?:{_TIME})(?![\w-])"
_SPOKEN_START = re.compile(
    rf"(?<![\w-])(?:start(?:ed)?|began|begin|connected|logged on){_AT.format(h='h', m='m')}", re.I
)
_SPOKEN_STOP = re.compile(
    rf"(?<![\w-])(?:stop(?:ped)?|finish(?:ed)?|ended|end|signed off|logged off|wrapped up)"
    rf"{_AT.format(h='h', m='m')}",
    re.I,
)
# "time started one thirty finished two twenty three": without "at", only a time with minutes or "o'clock" is a clock
# ("start nine thirty stop ten o'clock")
_BARE = rf"[ ]+(?P<h>{_HOUR})(?:[ ](?P<m>{_MINUTE})|[ ]o'?[ ]?clock)(?![\w-])"
# ... and dictation's labels: "start time eleven twenty end eleven forty eight", "start one oh five end one forty"
_SPOKEN_START_BARE = re.compile(rf"(?<![\w-])(?:(?:start(?:ed)?|began)(?:[ ]time)?|time[ ]in){_BARE}", re.I)
_SPOKEN_STOP_BARE = re.compile(
    rf"(?<![\w-])(?:(?:stop(?:ped)?|finish(?:ed)?|ended|end)(?:[ ]time)?|time[ ]out){_BARE}", re.I
)
PAIR_REACH = 160
# a dictation names the start, the whole training, then the stop: "we started at two oh five ... we
# finished at two forty" pair across the note when no other start comes between
LONG_REACH = 1200
_CUE = re.compile(r"\b(?:time|from|between|worked|session|training|trained|met)\s+$", re.I)

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_ORDINAL = rf"(?:twenty|thirty)[ -](?:{'|'.join(w for w in _ORDINALS if _ORDINALS[w] <= 9)})|{'|'.join(_ORDINALS)}"
_DATE = re.compile(
    rf"(?<![\w-])(?P<mon>{MONTH_ALT})\s+(?:the\s+)?(?P<day>{_ORDINAL}),?\s+(?:twenty|two thousand(?: and)?)\s+"
    rf"(?P<yy>twenty[\s-](?:{_DIGIT})|twenty|(?:{_TEEN}))(?![\w-])",
    re.I,
)
# "the third of September twenty twenty-six", "twenty sixth of february twenty twenty six"
_DATE_DAY_FIRST = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?P<day>{_ORDINAL})\s+of\s+(?P<mon>{MONTH_ALT}),?\s+(?:twenty|two thousand(?: and)?)\s+"
    rf"(?P<yy>twenty[\s-](?:{_DIGIT})|twenty|(?:{_TEEN}))(?![\w-])",
    re.I,
)

# "Date of service three seventeen twenty six": month, day and year said as numbers, after a date label
_MONTH_NUMBER = "|".join(sorted((w for w, n in NUMBER_UNITS.items() if 1 <= n <= 12), key=len, reverse=True))
_DAY_NUMBER = rf"(?:twenty|thirty)[ -](?:{_DIGIT})|twenty|thirty|{_TEEN}|{_DIGIT}"
_DATE_NUMBERS = re.compile(
    rf"\b(?:date of service|service date|date|dos)\s+(?:is\s+|was\s+)?(?P<mon>{_MONTH_NUMBER})\s+"
    rf"(?P<day>{_DAY_NUMBER})\s+(?P<yy>twenty[ -](?:{_DIGIT})|twenty)(?![\w-])",
    re.I,
)


def _past_minutes(word: str) -> int:
    word = word.lower()
    return _PART_MINUTES.get(word) or _minute(word)


def _time_of(m: re.Match[str], h: str, mm: str) -> int:
    """Minutes on a 12-hour dial of the spoken time in groups `h` (and its past/to parts) and `mm`."""
    hour, parts = _HOURS[m[h].lower()], m.groupdict()
    if parts.get(f"{h}_past"):
        return hour * 60 + _past_minutes(parts[f"{h}_past"])
    if parts.get(f"{h}_to"):
        return (hour - 1) * 60 + 60 - _past_minutes(parts[f"{h}_to"])
    return hour * 60 + _minute(m[mm])


def _has_minutes(m: re.Match[str], h: str, mm: str) -> bool:
    parts = m.groupdict()
    return bool(m[mm] or parts.get(f"{h}_past") or parts.get(f"{h}_to"))


def _minute(word: str | None) -> int:
    if not word:
        return 0
    parts = re.split(r"[ -]", word.lower())
    if parts[0] in ("oh", "o"):
        return NUMBER_UNITS[parts[1]]
    if parts[0] in NUMBER_UNITS:
        return NUMBER_UNITS[parts[0]]
    return NUMBER_TENS[parts[0]] + (NUMBER_UNITS[parts[1]] if len(parts) > 1 else 0)


def spoken_ranges(text: str) -> list[tuple[int, int, int, int]]:
    """(start minute, end minute, span start, span end) of every spoken clock range (12-hour, no am/pm)."""
    out = []
    for m in _RANGE.finditer(text):
        if not (
            _has_minutes(m, "h1", "m1")
            or _has_minutes(m, "h2", "m2")
            or "clock" in m.group(0).lower()
            or _CUE.search(text, max(0, m.start() - 15), m.start())
        ):
            continue
        start, end = _time_of(m, "h1", "m1"), _time_of(m, "h2", "m2")
        if end <= start:
            end += 12 * 60  # "eleven thirty to twelve fifteen", "twelve forty to one ten"
        if 0 < end - start <= 240:
            out.append((start, end, m.start(), m.end()))
    return out


def _clock(m: re.Match[str]) -> int:
    return _time_of(m, "h", "m")


def spoken_start_stop(text: str) -> list[tuple[int, int, int, int]]:
    """(start minute, end minute, span start, span end) of each spoken start paired with the next stop; a stop said
    less than an hour before its start is kept as it was said (end before start), for the caller to report."""
    out = []
    starts = sorted([*_SPOKEN_START.finditer(text), *_SPOKEN_START_BARE.finditer(text)], key=lambda m: m.start())
    stops = sorted([*_SPOKEN_STOP.finditer(text), *_SPOKEN_STOP_BARE.finditer(text)], key=lambda m: m.start())
    for i, a in enumerate(starts):
        b = next((m for m in stops if m.start() >= a.end()), None)
        if b is None or b.start() > a.end() + LONG_REACH:
            continue
        if b.start() > a.end() + PAIR_REACH and i + 1 < len(starts) and starts[i + 1].start() < b.start():
            continue
        start, end = _clock(a), _clock(b)
        if end <= start and start - end < 60:
            out.append((start, end, a.start("h"), b.end()))  # "start two fifty stop two twenty": stop before start
            continue
        if end <= start:
            end += 12 * 60
        if 0 < end - start <= 240:
            out.append((start, end, a.start("h"), b.end()))
    return out


# a time-stamped entry said aloud: the time opens its line or sentence and "colon" follows ("Nine o'clock a m colon met
# with husband alone ...", "Nine thirty one colon patient brought in ...")
_STAMP = re.compile(
    rf"(?:^|(?<=[.\n])|(?<=\bperiod))[ \t]*(?:{_TIME.format(h='h', m='m')})(?:[ ](?:a|p)[ .]?m\b\.?)?[ ,]+colon\b",
    re.I | re.M,
)


def spoken_stamps(text: str) -> list[tuple[int, int, int]]:
    """(minute of a 12-hour clock, span start, span end) of each spoken time stamp that opens an entry."""
    if "colon" not in words_of(text):
        return []
    return [(_clock(m), m.start("h"), m.end()) for m in _STAMP.finditer(text)]


def _ordinal(word: str) -> int:
    parts = re.split(r"[ -]", word.lower())
    if len(parts) == 2:
        return NUMBER_TENS[parts[0]] + _ORDINALS[parts[1]]
    return _ORDINALS[parts[0]]


def spoken_dates(text: str) -> list[tuple[date, int, int]]:
    """(date, span start, span end) of every spoken date with a year."""
    out: list[tuple[date, int, int]] = []
    if "twenty" not in words_of(text) and "thousand" not in words_of(text):
        return out
    for m in (*_DATE.finditer(text), *_DATE_DAY_FIRST.finditer(text), *_DATE_NUMBERS.finditer(text)):
        yy = " ".join(m["yy"].lower().split())  # a year hard-wrapped in dictation: "twenty twenty\nsix"
        year = 2000 + (_minute(yy) if yy != "twenty" else 20)
        numbers = m.re is _DATE_NUMBERS
        try:
            month = NUMBER_UNITS[m["mon"].lower()] if numbers else month_number(m["mon"]) or 0
            day = _minute(m["day"]) if numbers else _ordinal(m["day"])
            at = m.start("mon") if numbers else m.start()  # the label stays outside the date's span
            out.append((date(year, month, day), at, m.end()))
        except (ValueError, KeyError):
            continue
    return sorted(out, key=lambda d: d[1])
