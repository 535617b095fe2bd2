"""Addenda, late entries and corrections written inside a note (domain facts §11).

An entry opens with a header at the start of a line ("ADDENDUM 07/02/2024 ...", "Late entry written ...",
"ERROR - correction 11/20/2024 ...", "*** LATE ENTRY ***") and runs to the next blank line.

- An entry made for payment says so ("to support the appeal", "after the denial": the words of
  knowledge/appeals/levels.yaml `late_entries.payment_purpose`), or cites the denial's adjustment code
  ("CO-16"). A note may not be changed to support a denied claim: such an entry is not documentation of the
  service (screen.py blanks it), and what it says cannot settle an element it contradicts (`says_absent`: the
  presence check reports the contradiction).
- A correction made for care ("entered in error", "corrected", "should read", "not of this session") is
  documentation: a clock range it gives supersedes the range written before it (times.py).
- Any other dated late entry (a second segment, a consent omitted from the original) simply adds to the note.

Each pattern runs once over the note: the cost is linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.notes.scan import finditer

_HEADER = re.compile(
    r"^[ \t>*#\[(-]*(?:error[ \t]*[-:—–]*[ \t]*)?(?:addend(?:um|a|ed)|late[ \t]+entry|amended[ \t]+entry|amendment"
    r"|correct(?:ion|ed)(?:[ \t]+entry)?|error[ \t]+correction)\b",
    re.I | re.M,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# the line before ends inside a sentence (a comma, a joining word's hyphen or plus): the next line goes on with it
_CONTINUES = re.compile(r"[,;+&-][ \t]*\n[ \t]*\Z")
# what says an entry corrects what was written before it, rather than adding to it
_CORRECTS = re.compile(
    r"\b(?:in error|incorrect(?:ly)?|corrected|correction|should (?:read|have read|be)|was wrong|not of this session"
    r"|not (?:the|this) session's|actual (?:start|stop|end|time|session))\b",
    re.I,
)
# the patient was away: what a payment entry asserts against a note that says the patient was there
_ABSENT = re.compile(
    r"\b(?:not present|absent|not in the (?:room|session|clinic|house)|did not attend|was not there|w/o the patient"
    r"|without the patient)\b",
    re.I,
)


# a claim adjustment reason code with its group ("CO-16", "PR-204"): an entry that cites one is written about a claim's
# payment, not for care
_CARC = re.compile(r"\b(?:CO|PR|OA|PI|CR)-\d{1,3}\b")


@dataclass(frozen=True)
class Entry:
    start: int
    end: int
    payment: bool  # made to support payment, not for care
    corrects: bool  # says something written before it was wrong


@lru_cache(maxsize=1)
def _payment_words() -> tuple[str, ...]:
    from assistant.knowledge.loader import cached_knowledge

    rule = cached_knowledge().appeals.late_entries
    return tuple(w.lower() for w in rule.payment_purpose) if rule is not None else ()


def _says(flat: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", flat) for w in words if w in flat)


def find_entries(text: str) -> list[Entry]:
    """The addenda and late entries of `text`, in order (the cheap word test first: most notes have none)."""
    low = text.lower()
    if not any(w in low for w in ("addend", "late entry", "amend", "correct", "error")):
        return []
    out: list[Entry] = []
    for m in finditer(_HEADER, text):  # RE2 first: most notes with such a word have no such header
        if out and m.start() < out[-1].end:
            continue  # a header inside the entry before it belongs to that entry
        if _CONTINUES.search(text, 0, m.start()) and text[m.start() : m.end()].strip(" \t>*#[(-").islower():
            continue  # "... stood too far back at first,\ncorrected hands-on": a wrapped sentence, not a header
        blank = _BLANK_LINE.search(text, m.end())
        end = blank.start() if blank else len(text)
        body = text[m.start() : end]
        flat = " ".join(body.lower().split())
        payment = _says(flat, _payment_words()) or _CARC.search(body) is not None
        out.append(Entry(m.start(), end, payment, _CORRECTS.search(body) is not None))
    return out


def payment_entries(text: str) -> list[tuple[int, int]]:
    """Spans of the entries made to support payment."""
    return [(e.start, e.end) for e in find_entries(text) if e.payment]


def says_absent(original: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a payment entry (one of `spans` of the submitted note) says the patient was not present."""
    return [m.span() for a, b in spans for m in _ABSENT.finditer(original, a, b)]
