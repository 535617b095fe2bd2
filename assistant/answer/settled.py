"""The session's minutes a question settles on, when it gives more than one account of them (pure).

    settled(understand("OT trained him 9:10-9:40 ... correction: she actually finished at 9:52"))
    # -> the intent with minutes (42,), worked as "9:10 to 9:52 is 42 minutes"

- A clock range whose start or stop the question corrects later ("she actually finished at 9:52"): the corrected
  range is the session's.
- A duration that is a distance or a shift ("lives 3 hrs away", "12-hr shifts") is no session's.
- A clock range beside larger figures ("I was there 1:00 to 2:00 ... parking ticket says 2 hours"): the range is the
  session's; the larger figures are the visit around it. (Smaller figures beside a range may be parts of it, "the
  patient joined for 10 min", and are left for the units rules to judge.)

Linear in the text: one pass of each pattern.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.retrieval.clock_minutes import LONGEST, clocked
from assistant.retrieval.understand import Intent

# "she actually finished at 9:52", "correction: we started at 1:10": a later start or stop that replaces the range's
REVISED = re.compile(r"\b(?:actually|correction|in fact|really|turns out|turned out)\b[^.?!\n]{0,60}?"
                     r"\b(?:(?P<stop>finished|ended|stopped|wrapped up|was done|hung up)"
                     r"|(?P<start>started|began|got started|logged on))\s+(?:at\s+)?(?P<h>\d{1,2}):(?P<m>[0-5]\d)\b",
                     re.I)


def _on_dial(hours: str, minutes: str) -> int:
    return int(hours) % 12 * 60 + int(minutes)


def _corrected(intent: Intent) -> tuple[int, str] | None:
    """(minutes, working) of the last clock range as the question corrects it later, or None."""
    ranges = clocked(intent.query)
    if not ranges:
        return None
    last = ranges[-1]
    fix = REVISED.search(intent.query, last.end)
    if fix is None:
        return None
    said = f"{fix.group('h')}:{fix.group('m')}"
    first, stop = (said, last.last) if fix.group("start") else (last.first, said)
    minutes = (_on_dial(*stop.split(":")) - _on_dial(*first.split(":"))) % 720
    if not 0 < minutes <= LONGEST or minutes == last.minutes:
        return None
    return minutes, f"{first} to {stop} is {minutes} minutes"


# "daughter lives 3 hrs away", "12-hr shifts": a duration that is a distance or a work shift, never the session's
NOT_SESSION = re.compile(r"\s*(?:away|(?:of )?(?:a )?drive|commute|each way|one way|shifts?|on shift|overnight)\b",
                         re.I)


def _not_session(intent: Intent) -> set[int]:
    """Figures written in words that the question uses for a distance or a shift."""
    return {n for n, words in intent.spoken
            if any(NOT_SESSION.match(intent.query, m.end()) for m in re.finditer(re.escape(words), intent.query))}


def settled(intent: Intent) -> Intent:
    """`intent` with the one total of minutes the question settles on: without figures that are a distance or a
    shift, and settled by its clock times when they do. No minutes left means none were given."""
    away = _not_session(intent)
    if away:
        intent = replace(intent, minutes=tuple(n for n in intent.minutes if n not in away))
    fixed = _corrected(intent)
    if fixed is not None:
        return replace(intent, minutes=(fixed[0],), clocked=(fixed,))
    figures = set(intent.minutes)
    ranged = [c for c in intent.clocked if c[0] in figures]
    if len(figures) > 1 and len(ranged) == 1 and all(n > ranged[0][0] for n in figures - {ranged[0][0]}):
        return replace(intent, minutes=(ranged[0][0],))
    return intent
