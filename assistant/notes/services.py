"""Which service a clock time or a phrase belongs to: caregiver training, or a same-day
patient-present service (97110, 97530, 92507, an evaluation ...).

The codes of other services come from knowledge/codes/procedures.yaml (family
`patient_present`); the words that name them are here. A time belongs to the service named
closest before it on its line, or to the heading it sits under (docs/CONVENTIONS.md).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.notes.lines import LineIndex, Mentions
from assistant.notes.scan import spans

_OTHER_WORDS = (
    r"therapeutic (?:activit|exercise|ex\b)|ther ?ex\b|ther ?act\b|neuro ?re-?ed|gait training"
    # the service, not the clinic or the disease ("neuromuscular clinic", "neuromuscular disease" name no treatment)
    r"|neuromuscular (?:re-?ed\w*|re-?train\w*|facilitation|training|tx|treatment|ex\b|exercise)"
    r"|manual therapy"
    # "Self-care/home management training, 10:00-10:30, with patient" is 97535
    r"|self[- ]care(?:\s?/\s?home[- ]management)? training|home[- ]management training|(?:patient|pt)-present"
    r"|direct treatment|treatment session|individual (?:[a-z-]+ )?treatment"
    r"|treated (?:pt|patient)|(?:i|we) treated (?:her|him)\b"
    r"|(?:activities|exercise|treatment|session|tx) (?:with|w/) ?(?:the )?(?:patient|pt)(?:$|[^'’\w])"
    r"|evaluation of the (?:patient|pt)|re[- ]?eval(?:uation)?\b|(?:pt|ot|slp|initial|swallow|speech"
    r"|clinical) eval(?:uation)?\b|(?m:^)[ \t*-]*evaluation\b"
    # dictated letters: "P T evaluation moderate complexity with the patient"
    r"|\b(?:p t|o t|s l p) eval(?:uation)?\b"
    r"|(?:dysphagia|swallow(?:ing)?|aphasia|voice|fluency|articulation|feeding) (?:treatment|therapy|tx)\b"
    r"|speech (?:treatment|therapy) with"
    # the patient's own session beside the caregiver's ("1:00-1:45 pm Robert's own speech therapy")
    # (one session of that day: "they are seen for their own visits on other days" names none)
    r"|(?:pt|patient|his|her|\w+['’]s) own (?:[a-z-]+ ){0,2}(?:therapy|treatment|session)\b"
)
_CTS_LINE = re.compile(
    r"\b(?:caregiver training|caregiver|cts|97550|97551|97552|G054[123]|family training|carer"
    # "from ten thirty five to eleven ten I trained her partner": who was trained says which service
    r"|(?:trained|taught|instructed|coached)\s+(?:the\s+|his\s+|her\s+|their\s+|pt's\s+|patient's\s+)?"
    r"(?:wife|husband|spouse|partner|daughter|son|mother|father|parents?|family|friend|neighbou?r|sister|brother"
    r"|grand\w+|niece|nephew|dtr|cg))\b",
    re.I,
)
# "Billing: 97550 GP (3:00-3:35) ; 97530 GP (3:35-3:50)": a range in brackets right after a code line is that code's
# time, whatever the rest of the line names
_CODE_LEAD = re.compile(
    r"\b(?P<code>\d{5}|[A-Z]\d{4})(?:[ \t]{0,2}-?[ \t]{0,2}(?:GP|GO|GN|CQ|CO|KX|59|[xX×][ \t]?\d{1,2}))*"
    r"[ \t]{0,2}[(\[][ \t]{0,2}$"
)
CODE_REACH = 24
# dictation has no full stops: the service named right after a range, before any other word, is its own
_IMMEDIATE_OTHER = re.compile(r"[ \t,]*(?:i|we)\s+treated\b", re.I)
IMMEDIATE_REACH = 30
# a clock range of its own: "11:00-11:30", "1100-1130", "2:05 - 2:40 pm"
OWN_REACH = 200  # the later sentence's own time is near its start (bounded: linear on one long line)
_OWN_RANGE = re.compile(r"\b\d{1,2}:?\d{2}\s?(?:[ap]\.?m?\.?)?\s?[-–—]\s?\d{1,2}:?\d{2}\b", re.I)
HEADING_LINES = 12
# a line that ends mid-sentence goes on on the next: a comma or a joining sign last (not a time, a full stop or a
# field's value: "Time: 10:00-10:40" ends its own line)
_WRAPPED = re.compile(r"[,&+/–-][ \t]*$")
_LEAD = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*")  # an indented line's bullet or number
CONTINUED_LINES = 4  # a wrapped sentence or an indented block rarely runs longer (bounded: linear per question)
_STOPS = (". ", "; ", " period ")  # dictated notes say "period"  # a heading further up than this does not own a time


# "(35 minutes). Billed 97530 x2.", "Billing: 97550 x1": a code in a sentence of its own that states the billing
# names what the claim carried, not the service a clock time on that line belongs to (a caregiver session billed
# with a patient-present code stays CTS); "E/M 08:30-08:50, billed 99214 separately" still names its service
_BILLING_BEFORE = re.compile(
    r"(?:^|[.;][ \t]+)[ \t]*(?:billed|billing|bill|charged?|coded)(?:[ \t]+as)?[ \t]*[:=-]?[ \t]*$", re.I | re.M
)
BILLING_REACH = 20


def _billed_at(text: str, pos: int) -> bool:
    return _BILLING_BEFORE.search(text, max(0, pos - BILLING_REACH), pos) is not None


# "strength noted at last re-eval", "per previous evaluation": a service of an earlier visit, not the same day's
_EARLIER_BEFORE = re.compile(r"\b(?:last|previous|prior)[ \t]+$", re.I)


def _earlier_at(text: str, pos: int) -> bool:
    return _EARLIER_BEFORE.search(text, max(0, pos - BILLING_REACH), pos) is not None


_LEAD_SPACE = re.compile(r"[ \t]*")


def _indent(text: str, a: int, b: int) -> int:
    """The line's leading blanks (read without copying the line: a note may be one long line)."""
    m = _LEAD_SPACE.match(text, a, b)
    return m.end() - a if m else 0


def _word_end(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A mention without the boundary character its pattern consumed (RE2 has no look-ahead): "treatment with
    pt;" ends at "pt", so it stays inside its own sentence rather than seeming to reach past the ";" that ends it."""
    a, b = span
    return (a, b - 1) if b - a > 1 and not text[b - 1].isalnum() else span


@lru_cache(maxsize=8)
def other_service_pattern(codes: frozenset[str]) -> re.Pattern[str]:
    """Words and codes that name a same-day patient-present service."""
    alternatives = "|".join(sorted(codes))
    return re.compile(rf"\b(?:{alternatives})\b|{_OTHER_WORDS}", re.I)


class ServiceLines:
    """Answers 'does this span belong to another service?' with bounded scans per question."""

    def __init__(self, text: str, lines: LineIndex, other_codes: frozenset[str]) -> None:
        self.text = text
        self.lines = lines
        self.other = other_service_pattern(other_codes)
        # every mention found once, so each question is a binary search, not a rescan of its line
        self.other_at = Mentions(
            [_word_end(text, m) for m in spans(self.other.pattern, text)
             if not _billed_at(text, m[0]) and not _earlier_at(text, m[0])]
        )
        self.cts_at = Mentions([m for m in spans(_CTS_LINE.pattern, text) if not _billed_at(text, m[0])])
        # by line: the times and phrases of one line ask the same
        self._headings: dict[int, str] = {}
        self._under_other: dict[int, bool] = {}

    def heading_above(self, pos: int) -> str:
        """The heading a line sits under: the nearest short line above, up to a blank line."""
        n = self.lines.number(pos)
        if n not in self._headings:
            self._headings[n] = self._heading_above(n - 1)
        return self._headings[n]

    def _heading_above(self, n: int) -> str:
        for k in range(n, max(-1, n - HEADING_LINES), -1):
            a, b = self.lines.line_span(k)
            line = self.text[a:b]
            if not line.strip():
                return ""
            # "CAREGIVER TRAINING", "Therapeutic activities:", "[97530 Therapeutic activities] (pt present)"
            if len(line) < 70 and (line.isupper() or line.rstrip().endswith(":") or line.lstrip().startswith("[")):
                return line
        return ""

    def _sentence(self, span: tuple[int, int]) -> tuple[int, int]:
        a, b = self.lines.bounds(*span)
        text = self.text
        heads = [i + len(stop) for stop in _STOPS if (i := text.rfind(stop, a, span[0])) != -1]
        tails = [i for stop in _STOPS if (i := text.find(stop, span[1], b)) != -1]
        return max(heads, default=a), min(tails, default=b)

    def _closest(self, a: int, b: int, span: tuple[int, int]) -> bool | None:
        """Within text[a:b]: the service named closest before the span, else first after it; None if neither."""
        other, cts = self.other_at.last_end(a, span[0]), self.cts_at.last_end(a, span[0])
        if other >= 0 or cts >= 0:
            return other > cts
        o, c = self.other_at.first_start(span[1], b), self.cts_at.first_start(span[1], b)
        if o is None and c is None:
            return None
        return o is not None and (c is None or o < c)

    def belongs_to_other(self, span: tuple[int, int]) -> bool:
        """Whether a time or phrase belongs to a same-day patient-present service: by a service named
        right after it ("from ten forty one to eleven oh six I treated her"), else by its sentence, else
        by its line, else by the heading it sits under."""
        if not self.other_at.starts:
            return False  # no other service named anywhere (most notes): no sentence, line or heading names one
        lead = _CODE_LEAD.search(self.text, max(0, span[0] - CODE_REACH), span[0])
        if lead and (_CTS_LINE.fullmatch(lead["code"]) or self.other.fullmatch(lead["code"])):
            return not _CTS_LINE.fullmatch(lead["code"])
        if (
            _IMMEDIATE_OTHER.match(self.text, span[1], span[1] + IMMEDIATE_REACH)
            and self.other_at.first_start(span[1], span[1] + IMMEDIATE_REACH) is not None
        ):
            return True
        verdict = self._closest(*self._sentence(span), span)
        if verdict is not None:
            return verdict
        a, b = self.lines.bounds(*span)
        # a service named in a later sentence that gives its own clock time names that time, not this one
        # ("10:05-10:48 (43 min) w/ daughter.  Same day 11:00-11:30 97535 self-care w/ pt")
        end = self._sentence(span)[1]
        later_own = end < b and _OWN_RANGE.search(self.text, end, min(b, end + OWN_REACH))
        if later_own and self.other_at.last_end(a, span[0]) < 0:
            b = end
        verdict = self._closest(a, b, span)
        if verdict is not None:
            return verdict
        verdict = self._continued(span)
        if verdict is not None:
            return verdict
        return self._under_other_heading(span[0])

    def _continued(self, span: tuple[int, int]) -> bool | None:
        """The service of the lines that carry the span's line on: named first in a sentence wrapped onto the next
        line ("10:31-10:50 Clement back; he and Noemie practised together,\nI cued both (97530 x1).") or leading a
        line indented under it ("1) Pt tx 8:50-9:35\n   97110 x2 -- LE strengthening"); None if they name neither."""
        n = self.lines.number(span[0])
        a, b = self.lines.line_span(n)
        indent, end, prev = _indent(self.text, a, b), b, b
        for k in range(n + 1, min(len(self.lines.starts), n + 1 + CONTINUED_LINES)):
            ka, kb = self.lines.line_span(k)
            indented = _indent(self.text, ka, kb)
            if ka + indented == kb or _OWN_RANGE.search(self.text, ka, min(kb, ka + OWN_REACH)):
                break  # a blank line ends the block; a line with its own clock range is an entry of its own
            if end == prev and _WRAPPED.search(self.text, max(a, prev - 2), prev):
                end = prev = kb
                continue
            if indented <= indent:
                break
            # an indented line speaks for the range only by what it leads with ("97110 x2 -- ..."): a mention later
            # in it is its own content ("Time: 10:00-10:40\n   reviewed the 97110 HEP she supervises")
            lead = _LEAD.match(self.text, ka, kb)
            start = lead.end() if lead else ka
            if self.other_at.first_start(start, kb) == start:
                return True
            if self.cts_at.first_start(start, kb) == start:
                return False
            prev = kb
        return self._closest(b, end, span) if end > b else None

    def heads_other(self, pos: int) -> bool:
        """Whether the short line at `pos` heads lines of another service: "Part 1 - with patient (pt present)"
        above "09:00-09:12 97140 manual therapy" (the next non-empty line names one, and no caregiver training)."""
        if not self.other_at.starts:
            return False
        n = self.lines.number(pos)
        a, b = self.lines.line_span(n)
        if b - a >= 70 or self.cts_at.first_start(a, b) is not None or self.other_at.first_start(a, b) is not None:
            return False
        for k in range(n + 1, min(len(self.lines.starts), n + 3)):
            a, b = self.lines.line_span(k)
            if self.text[a:b].strip():
                return self.other_at.first_start(a, b) is not None and self.cts_at.first_start(a, b) is None
        return False

    def _under_other_heading(self, pos: int) -> bool:
        n = self.lines.number(pos)
        if n not in self._under_other:
            heading = self.heading_above(pos)
            self._under_other[n] = bool(heading and self.other.search(heading) and not _CTS_LINE.search(heading))
        return self._under_other[n]

    def on_cts_line(self, span: tuple[int, int]) -> bool:
        a, b = self.lines.bounds(*span)
        return self.cts_at.first_start(a, b) is not None
