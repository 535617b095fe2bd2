"""What only a later-dated late entry documents (hostile14 #12; domain facts §11).

A late entry or addendum made for care is documentation (addenda.py), so the checks count what it adds: their
statuses stay as the conventions fix them. But when an element the checks found met (the time, the consent ...) is
documented nowhere except in an entry dated after the date of service, the biller is told: an auditor looks for
exactly this, and the entry must be dated when written, signed, and made for care, not for payment. Entries made for
payment are not documentation at all (screen.py blanks them) and are reported there, not here.

Linear: one pass over the entries, the dates and each check's evidence.
"""

from __future__ import annotations

from datetime import date

from assistant.models import CheckResult, LateAddition
from assistant.notes.addenda import Entry, find_entries
from assistant.notes.patterns import DateMention

# the documentation elements a late entry can supply; the claim-side checks (units, modifiers, codes) are not
# documentation of the session
ELEMENTS: dict[str, str] = {
    "patient_absent": "the patient's absence",
    "consent": "the consent",
    "caregiver": "the caregiver",
    "need_and_goal": "the need and goal",
    "skills_taught": "the skills taught",
    "return_demo": "the return demonstration",
    "skilled_need": "the therapist's skill",
    "total_time": "the time",
    "start_stop": "the start and stop times",
}
HEADER_REACH = 120  # the entry's own date sits in its header ("ADDENDUM / LATE ENTRY 05/14/2025 08:30 by ...")


def _written(text: str, entry: Entry, dates: list[DateMention]) -> date | None:
    """The date on the entry's header line (within its first few words when the line runs on)."""
    line_end = text.find("\n", entry.start, entry.end)
    head_end = min(line_end if line_end != -1 else entry.end, entry.start + HEADER_REACH)
    for d in dates:
        if entry.start <= d.span[0] < head_end:
            return d.value
    return None


def _only_inside(result: CheckResult, start: int, end: int) -> bool:
    return bool(result.evidence) and all(start <= e.start and e.end <= end for e in result.evidence)


def added_later(
    text: str, original: str, dates: list[DateMention], dos: date | None, results: list[CheckResult],
    sources: list[str],
) -> list[LateAddition]:
    """One finding per care entry dated after `dos` that alone documents met elements of `results`."""
    if dos is None:
        return []
    met = [r for r in results if r.id in ELEMENTS and r.status == "met"]
    out: list[LateAddition] = []
    for entry in find_entries(text):
        written = _written(text, entry, dates)
        if entry.payment or written is None or written <= dos:
            continue
        only = [r.id for r in met if _only_inside(r, entry.start, entry.end)]
        if not only:
            continue
        names = [ELEMENTS[c] for c in only]
        what = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        message = (
            f"Only a late entry written {written.isoformat()}, after the date of service {dos.isoformat()}, "
            f"documents {what}. It counts as documentation when it is dated when written, signed, and made for "
            "care, not for payment; auditors look for entries like this, so keep why it was added with the record."
        )
        head = original[entry.start : entry.end].split("\n", 1)[0].strip()
        out.append(LateAddition(checks=only, written=written, start=entry.start, end=entry.end,
                                quote=head[:160], message=message, sources=list(sources)))
    return out
