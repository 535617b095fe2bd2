"""A calendar invite pasted above a visit note: the slot booked, not the session given.

An invite ("When: Tue Apr 1, 2025 1:00 PM - 3:00 PM", "Dec 2, 2025, 9:00 AM - 9:45 AM (recurring: every Tue x4)",
"Next appt: Tue Dec 15, 2026 2:00-2:45 PM") gives the time the clinic booked; the visit note under it says when the
training ran ("2:10-2:48"). The invite's clock range, its duration and reminders are a schedule, and its auto-text
("Please bring the patient") is the scheduler's boilerplate, not what happened: none of it is documentation of the
session, though its organizer and title may still name the clinician and the service.

A block opens at a line that says it is an invite ("BEGIN INVITE", "Invite:", "EVENT:", "Calendar:", "Microsoft
Outlook -- Meeting", "Next appt:") and runs over the lines that are its fields ("When:", "Organizer:", "Attendees:"),
its date line and the rest of a quoted auto-text, up to the first line that is none of these (a rule line, "END
INVITE", the note's heading). "Time:" is no invite field: a note's own time line may follow an opener. Each line is
read once: linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_OPENER = re.compile(
    r"[ \t>*#-]*(?:begin[ \t:]*(?:invite|event|vcalendar)\b|(?:calendar[ \t]+)?(?:invite|invitation|event|calendar)"
    r"[ \t]*[:\-–—]|(?:microsoft[ \t]+)?outlook\b|(?:meeting|calendar)[ \t]+(?:invite|invitation|request)\b"
    r"|next[ \t]+(?:appt|appointment)[ \t]*:)",
    re.I,
)
_END = re.compile(r"[ \t]*end[ \t:]*(?:invite|event|vcalendar)\b", re.I)
_FIELD = re.compile(
    r"[ \t]*(?:when|where|date|organi[sz]er|attendees?|required|optional|invitees?|reminders?|join|passcode"
    r"|meeting[ \t]+id|location|subject|title|recurring|recurrence|repeats?|duration|auto[- ]?text|status|show[ \t]+as"
    r"|time[ \t]*zone|room|previous[ \t]+appt|previous[ \t]+appointment|dial[- ]?in|link|from|to|sent)[ \t]*:",
    re.I,
)
# the slot's own line: "Tue 3/19/2024, 3:00-3:45 pm, Room 4", "Feb 10, 2026  10:30-11:00  |  Location: ..."
_DATE_LINE = re.compile(
    r"[ \t]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?"
    r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d{1,2}\b)",
    re.I,
)
MAX_BLOCK_LINES = 20


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _block_end(text: str, pos: int) -> int:
    """Where the invite opening at `pos` ends: after its last field, date or auto-text line."""
    end = _line_end(text, pos)
    quotes = text.count('"', pos, end)
    for _ in range(MAX_BLOCK_LINES):
        nxt = end + 1
        if nxt >= len(text):
            break
        nxt_end = _line_end(text, nxt)
        if _END.match(text, nxt, nxt_end):
            return nxt_end
        open_quote = quotes % 2 == 1  # the auto-text's quote runs on
        if not (open_quote or _FIELD.match(text, nxt, nxt_end) or _DATE_LINE.match(text, nxt, nxt_end)):
            break
        quotes += text.count('"', nxt, nxt_end)
        end = nxt_end
    return end


@lru_cache(maxsize=4)
def blocks(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the calendar invites in `text`, in order."""
    lower = text.lower()
    if not any(word in lower for word in ("invite", "event", "calendar", "outlook", "next appt", "invitation")):
        return ()
    found: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        end = _line_end(text, pos)
        if _OPENER.match(text, pos, end):
            end = _block_end(text, pos)
            found.append((pos, end))
        pos = end + 1
    return tuple(found)


def in_invite(text: str, pos: int) -> bool:
    """Whether `pos` lies in a calendar invite's block (binary search)."""
    spans = blocks(text)
    i = bisect_right(spans, (pos, len(text) + 1)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
