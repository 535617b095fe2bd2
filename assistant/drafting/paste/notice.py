"""What a pasted notice says of itself: the appeal level it decided, and its date.

    decided_level("MEDICARE REDETERMINATION NOTICE ... Decision: unfavorable") -> "redetermination"
    notice_date("Novitas JL ERA 11/03/2026. 97550 GO (1) ... DOS 10/01/2026") -> date(2026, 11, 3)

A decision letter names the level it decided and the level that comes next ("you may request a reconsideration");
only a level not named as the next step, in a text that states a decision, is the decided one. A notice's date is
a date its own words label (dated, notice, remittance, ERA, EOB, decision date …), never the date of service or a
deadline ("within 180 days of this EOB (by 04/07/2027)"), nor the date another claim was processed.
Linear in the length of the text: each pattern scans a bounded window from where it starts.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.errors import InputError
from assistant.parsing import parse_date

_LEVEL = re.compile(r"\b(redetermination|reconsideration|QIC|qualified independent contractor)\b", re.I)
_DECIDED = re.compile(
    r"\b(?:unfavou?rable|partially\s+favou?rable|upheld|affirmed|dismissed|decision\s+is|decided)\b", re.I
)
# The words before a level that make it the next step, not the decided one (within its sentence).
_NEXT = re.compile(
    r"\b(?:may|can|must|next(?:\s+level)?|disagree|appeal\s+to|escalat\w*|forward\w*|to\s+request|"
    r"file\s+an?|filing\s+an?|ask\s+for|option)\b[^.\n]{0,40}$",
    re.I,
)
# A level that heads the notice ("REDETERMINATION NOTICE", "Reconsideration decision") or is the provider's own
# request ("your request for redetermination") is the decided one, when the text states a decision.
_TITLE = re.compile(r"^\s*(?:notice|decision|determination|letter|outcome)\b", re.I)
_OWN = re.compile(r"\b(?:your|this)\s+(?:request\s+for\s+(?:a\s+)?)?$", re.I)
_NUMERIC = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
_WORDY = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
_LABELLED = re.compile(
    r"(?:\b(?:dated|notice|date\s+of\s+(?:this\s+)?(?:notice|letter|decision|determination|remittance)|"
    r"decision\s+date|letter\s+date|remit(?:tance)?(?:\s+advice)?(?:\s+date)?|ERA|EOB|EOP|RA|MSN|paid\s+date|"
    r"payment\s+date|check\s+date|mailed(?:\s+on)?|decision)\b|(?m:^)\s*date)"
    rf"(?P<gap>[^\n\d]{{0,40}}?)(?P<date>{_NUMERIC}|{_WORDY})",
    re.I,
)
# A gap that names the service or a limit: the date is the date of service or a deadline, not the notice's.
_NOT_NOTICE = re.compile(
    r"\b(?:service|DOS|rendered|performed|from|through|thru|by|within|until|before|deadline|due|no\s+later)\b", re.I
)


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the level's sentence before and after it (at most 80 characters each way)."""
    before = text[max(0, start - 80): start]
    after = text[end: end + 80]
    cut = max(before.rfind("."), before.rfind("\n"))
    stops = [i for i in (after.find("."), after.find("\n")) if i >= 0]
    return before[cut + 1:], after[: min(stops)] if stops else after


def named_as_next(text: str, start: int) -> bool:
    """Whether the level named at `start` is the next step its sentence offers ("you may request redetermination of
    any denied claim"), not a level already decided."""
    before, _ = _sentence(text, start, start)
    return _NEXT.search(before) is not None


def decided_level(text: str) -> str | None:
    """The level a decision letter decided (redetermination or reconsideration), when the text states one."""
    if not _DECIDED.search(text):
        return None
    for m in _LEVEL.finditer(text):
        before, after = _sentence(text, m.start(), m.end())
        if named_as_next(text, m.start()):
            continue
        if _DECIDED.search(before) or _DECIDED.search(after) or _TITLE.match(after) or _OWN.search(before):
            return "redetermination" if m.group(1).lower() == "redetermination" else "reconsideration"
    return None


def notice_date(text: str) -> date | None:
    """The first date the text labels as the notice's own."""
    for m in _LABELLED.finditer(text):
        if _NOT_NOTICE.search(m.group("gap")):
            continue
        try:
            found = parse_date(m.group("date"), what="notice date")
        except InputError:
            continue
        if found is not None:
            return found
    return None


# The date a paste gives the denied service: an 835 service date (DTM*472, any separator), a date its words label as
# the service's ("services on 07/01/2026", "date(s) of service: …", "DOS 10/01/2026", "rendered on …"), or a
# remittance table's date column (a date that opens a line ahead of the line's procedure code).
_SERVICE_DTM = re.compile(r"\bDTM\s*[*|^:~]\s*472\s*[*|^:~]\s*(?P<date>\d{8})\b")
_SERVICE_WORDS = re.compile(
    r"\b(?:services?\s+(?:on|dated|of|rendered\s+on|furnished\s+on|provided\s+on)|dates?\s+of\s+service|"
    r"service\s+dates?|DOS|rendered\s+on|furnished\s+on)\b"
    rf"[\s:#(]{{0,4}}(?P<date>{_NUMERIC}|{_WORDY})",
    re.I,
)
_TABLE_ROW = re.compile(rf"^[ \t]*(?:\d{{1,2}}[ \t]+)?(?P<date>{_NUMERIC})[ \t]+(?:[A-Z]?\d{{4}}[A-Z0-9]?)\b", re.M)


def service_dates(text: str) -> list[date]:
    """Every date of service the pasted denial states for its lines, in order, each once."""
    found = [m.group("date") for m in _SERVICE_DTM.finditer(text)]
    found = [f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in found]
    found += [m.group("date") for pattern in (_SERVICE_WORDS, _TABLE_ROW) for m in pattern.finditer(text)]
    out: list[date] = []
    for written in found:
        try:
            day = parse_date(written, what="date of service")
        except InputError:
            continue
        if day is not None and day not in out:
            out.append(day)
    return out
