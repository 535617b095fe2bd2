"""Documents that log several visits, each under its own date, and the one visit the billed date of service picks.

A monthly summary or a running log ("06/03/2025\n  ... 14:00-14:30. 97550 GP.\n06/17/2025\n  ... 14:10-14:38") holds
one visit per dated heading. CTS minutes are per date of service, so only the billed visit's clock times and
stated minutes count, and the checks read only the billed visit; what comes before the first heading (the patient,
the caregiver, the consent on file) belongs to every visit, and so does a consent given at another visit (consent
covers the caregiver it names until withdrawn). A heading is a date at the start of its line; a late entry or
addendum dated on its own line adds to the note it amends and is not a visit of its own. Each line is looked at
once: linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date

from assistant.notes.lines import LineIndex
from assistant.notes.patterns import DateMention
from assistant.notes.times import TimeParse

# what may precede a visit's date on its heading line: a bullet, "=== ", "Visit 2 --", "DOS:", a weekday
_HEAD_LEAD = re.compile(
    r"[ \t*•#>=\-]*(?:(?:visit|session|entry|dos|date|day)[ \t#]*\d{0,2}[ \t]*[:\-–—.]?[ \t]*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?[ \t]*)?",
    re.I,
)
_AMENDS = re.compile(r"\b(?:addend\w*|late entry|correction|amend\w*|co-?sign\w*)\b", re.I)


@dataclass(frozen=True)
class Visit:
    """One dated visit of the document: from its heading's line to the next heading's."""

    day: date
    start: int
    end: int


def _heading(text: str, lines: LineIndex, d: DateMention) -> bool:
    a, b = lines.line_span(lines.number(d.span[0]))
    return bool(_HEAD_LEAD.fullmatch(text, a, d.span[0])) and not _AMENDS.search(text, a, b)


def split(text: str, lines: LineIndex, dates: list[DateMention], times: TimeParse) -> list[Visit]:
    """The document's visits, in order; [] when it is not a log of visits of at least two dates, each of two of
    them with its own time (two dated lines, one of them timed, are a note and its other date, not a log)."""
    heads: list[tuple[date, int]] = []
    for d in dates:
        if d.label != "other" and _heading(text, lines, d):
            start = lines.line_span(lines.number(d.span[0]))[0]
            if not heads or heads[-1][1] != start:
                heads.append((d.value, start))
    if len({day for day, _ in heads}) < 2:
        return []
    ends = [start for _, start in heads[1:]] + [len(text)]
    found = [Visit(day, start, end) for (day, start), end in zip(heads, ends, strict=True)]
    timed = sorted([s.span[0] for s in times.segments] + [d.span[0] for d in times.durations])
    with_time = sum(1 for v in found if bisect_left(timed, v.start) < bisect_left(timed, v.end))
    return found if with_time >= 2 else []


def billed(visits: list[Visit], dos: date | None) -> Visit | None:
    """The visit of the date of service, when exactly one visit has it."""
    chosen = [v for v in visits if v.day == dos]
    return chosen[0] if len(chosen) == 1 else None


_CONSENT = re.compile(r"\bconsent", re.I)
_SENTENCE_END = re.compile(r"\.(?=\s)|\n")


def _consent_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of text[start:end] that speak of consent, each once, in order: only the consent's own sentence
    is kept, not the line's other services ("PT visit, pt present: 97116 x2 (1100-1130). Pt signed CTS consent
    today naming Clementine.")."""
    out: list[tuple[int, int]] = []
    for m in _CONSENT.finditer(text, start, end):
        if out and m.start() < out[-1][1]:
            continue
        a = max(start, text.rfind("\n", start, m.start()) + 1, text.rfind(". ", start, m.start()) + 2)
        stop = _SENTENCE_END.search(text, m.end(), end)
        out.append((a, stop.start() + 1 if stop else end))
    return out


# a dotted ICD-10-CM code: the patient's diagnosis, whichever visit lists it ("Skilled: L femoral neck fx (S72.002D)")
_DOTTED_ICD = re.compile(r"\b[A-TV-Z]\d[0-9AB]\.[0-9A-Z]{1,4}\b")


def _merge_in(sentences: list[tuple[int, int]], codes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, and the codes outside them (disjoint spans, for one pass over the visit); both come sorted, so
    each code asks only the last sentence that starts before it."""
    starts = [a for a, _ in sentences]

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < sentences[i][1]

    return sentences + [c for c in codes if not inside(c[0])]


def billed_only(text: str, visits: list[Visit], chosen: Visit) -> str:
    """`text` with the other visits blanked (same length, line breaks kept), their consent sentences and dotted
    diagnosis codes excepted."""
    out = list(text)
    for visit in visits:
        if visit is chosen:
            continue
        codes = [m.span() for m in _DOTTED_ICD.finditer(text, visit.start, visit.end)]
        kept = sorted(_merge_in(_consent_sentences(text, visit.start, visit.end), codes))
        pos = visit.start
        for a, b in [*kept, (visit.end, visit.end)]:
            for i in range(pos, a):
                if out[i] != "\n":
                    out[i] = " "
            pos = b
    return "".join(out)


def restrict(times: TimeParse, visits: list[Visit], chosen: Visit) -> TimeParse:
    """The clock times and minutes of the chosen visit and of the part before the first visit (shared by all)."""

    def ours(pos: int) -> bool:
        return pos < visits[0].start or chosen.start <= pos < chosen.end

    return replace(
        times,
        segments=[s for s in times.segments if ours(s.span[0])],
        reversed_segments=[s for s in times.reversed_segments if ours(s.span[0])],
        durations=[d for d in times.durations if ours(d.span[0])],
    )
