"""The sentences of a long question that ask something (pure).

A long question carries much that is not asked: a pasted note, a fee sheet, a ticket's line listing, a remit. Its
words outweigh the one thing asked in both channels, so the sentences that end in a question mark are searched once
more on their own and their ranking is fused with the whole question's (`Retriever._rank`).

    asked("DOS 09/22/2026, CO-16 M53 MA130, units field blank. Agent wants to file a redetermination. Right path?")
    -> None (the question sentence is too short to say what it asks)
"""

from __future__ import annotations

import re

# a sentence and the marks that close it; each match consumes what it scans, so splitting is linear in the length
_SENTENCE = re.compile(r"[^.?!\n]+[.?!\n]*|[.?!\n]+")
_WORD = re.compile(r"[A-Za-z0-9]+")
MIN_WORDS = 6  # "Right path?", "Can we?", "Thoughts?": too few words to say what is asked on their own
MAX_SHARE = 0.6  # the sentences asking must be a minority of the question, or the whole question already says it
# a short question has no story to outweigh what it asks ("trained both sons for 40 min, same pt. do I bill x2?"): its
# whole wording is the better query
MIN_QUERY_CHARS = 170


def asked(query: str) -> str | None:
    """The question's asking sentences, joined, when they are a short part of a longer question; else None."""
    if len(query.strip()) < MIN_QUERY_CHARS:
        return None
    # (a sentence closed by one or more question marks: "??" or "?!" closes it too)
    found = [m.group(0).strip().rstrip("!.") for m in _SENTENCE.finditer(query) if "?" in m.group(0).lstrip("?")]
    words = sum(len(_WORD.findall(s)) for s in found)
    if words < MIN_WORDS:
        return None
    text = " ".join(found)
    return text if len(text) <= MAX_SHARE * len(query.strip()) else None
