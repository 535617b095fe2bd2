"""The record an appeal is decided on: the note as it stood, without entries made for payment (pure).

    after_the_fact(kb, note, notice_date) -> [LateEntry(start, end, written, why)]
    record_text(kb, note, notice_date) -> the note with those entries (and planted instructions) blanked

A note may not be changed to support a denied claim; a late entry or addendum counts only when it is
dated when written and made for the patient's care (domain facts §11; Program Integrity Manual ch. 3
§3.3.2.5). An entry that opens with an addendum header (knowledge/appeals/levels.yaml `late_entries`)
is left out when it says it was made for payment, or when it was written after the denial notice.
Offsets are kept, so evidence spans still point into the note as submitted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from assistant.drafting.gate import mask_injections
from assistant.drafting.remedy import says
from assistant.knowledge.loader import Knowledge

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class LateEntry:
    start: int
    end: int
    written: date | None
    why: str  # "made for payment" | "written after the denial" | "set aside by the payer's review ..."


def _dates(text: str) -> list[date]:
    out = []
    for m in _DATE.finditer(text):
        try:
            if m.group(4):
                out.append(date(int(m.group(4)), int(m.group(5)), int(m.group(6))))
            else:
                year = int(m.group(3))
                out.append(date(year + 2000 if year < 100 else year, int(m.group(1)), int(m.group(2))))
        except ValueError:
            continue
    return out


def _entries(kb: Knowledge, note: str) -> list[tuple[int, int]]:
    """Spans of the entries that open with an addendum header: from that line to the next blank line or the next
    header, whichever comes first. Each header opens its own entry (its own date decides it), and the spans do not
    overlap: a note of thousands of header lines with no blank line between them is read in one pass, not rescanned
    to its end once per header (round-14 finding #18: quadratic)."""
    rule = kb.appeals.late_entries
    if rule is None:
        return []
    heads = "|".join(re.escape(h) for h in rule.headers)
    opener = re.compile(rf"^[ \t>*#-]*(?:{heads})\b", re.I | re.M)
    starts = [m.start() for m in opener.finditer(note)]
    blanks = [m.start() for m in _BLANK_LINE.finditer(note)]
    spans = []
    for i, start in enumerate(starts):
        at = bisect_left(blanks, start)
        blank = blanks[at] if at < len(blanks) else len(note)
        spans.append((start, min(blank, starts[i + 1] if i + 1 < len(starts) else len(note))))
    return spans


def payer_refused(kb: Knowledge, payer_text: str) -> bool:
    """The payer's review names a late entry (its header words) and says it set the entry aside."""
    rule = kb.appeals.late_entries
    return (
        rule is not None and bool(payer_text) and says(payer_text, rule.headers) is not None
        and says(payer_text, rule.payer_refused) is not None
    )


def after_the_fact(kb: Knowledge, note: str, notice_date: date | None, payer_text: str = "") -> list[LateEntry]:
    """Addenda and late entries that are not documentation of the service for this appeal."""
    rule = kb.appeals.late_entries
    refused = payer_refused(kb, payer_text)
    out = []
    for start, end in _entries(kb, note):
        entry = note[start:end]
        lines = entry.strip().splitlines()
        # when it was written: the date on its header line, else on its signature line (not a date it mentions)
        written = max(_dates(lines[0]) or _dates(lines[-1]), default=None)
        if rule is not None and says(entry, rule.payment_purpose):
            out.append(LateEntry(start, end, written, "made for payment"))
        elif notice_date is not None and written is not None and written > notice_date:
            out.append(LateEntry(start, end, written, "written after the denial"))
        elif refused:
            out.append(LateEntry(start, end, written, "set aside by the payer's review as written after the fact"))
    return out


def record_text(kb: Knowledge, note: str, notice_date: date | None, payer_text: str = "") -> str:
    """The note as the record an appeal rests on: planted instructions and after-the-fact entries blanked."""
    masked = list(mask_injections(note))
    for entry in after_the_fact(kb, note, notice_date, payer_text):
        masked[entry.start : entry.end] = [c if c == "\n" else " " for c in note[entry.start : entry.end]]
    return "".join(masked)
