"""A whole claim keyed with another day's date of service, found by a denial that rests on that date.

A duplicate (CO-18: another claim was paid for that date) or a date inside a facility stay (CO-109 / MA101: Part A
consolidated billing) or a date outside the patient's coverage (CO-26 / CO-27) is the payer answering the date the
claim carries. When the note documents the session on
another date, that date is the clerical error: the service actually given has never been billed, so a new claim
carries the note's date (and its timely-filing window counts from it). A claim date that is the note's with its day
and month swapped (12/09 for 09/12) or the day's two digits reversed (13 for 31) is the same clerical error whatever
the denial (a clearinghouse's "future date of service" rejection is the usual sign). Any other denial on a claim
dated otherwise than the note still stops the draft (case.same_service_date): there the wrong note may be attached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.drafting.claims import Claim
from assistant.knowledge.schema import DenialPattern

# the denials whose reason is the claim's date itself (knowledge/denials/patterns.yaml ids)
DATE_BOUND_PATTERNS = frozenset({"duplicate_claim", "consolidated_billing", "coverage_not_in_force"})


@dataclass(frozen=True)
class Redated:
    """The claim without its wrong date (the note's date is used), the date it carried, and the session's date."""

    claim: Claim
    keyed: date
    session: date

    def warning(self) -> str:
        return (f"the claim's date of service ({self.keyed.isoformat()}) is not the note's "
                f"({self.session.isoformat()}) and the denial rests on that date: the claim's date is taken as a "
                "clerical error and the note's date is used (check that the note attached is this claim's session)")

    def misdated(self) -> tuple[tuple[str, date], ...]:
        """Every line of the claim with the date it was keyed with (correction.misdated_reasons says so)."""
        return tuple((ln.code, self.keyed) for ln in self.claim.lines)

    def why(self) -> str:
        on, keyed = self.session.isoformat(), self.keyed.isoformat()
        return (f"The denial answers the date keyed ({keyed}), not the service the note documents on {on}, which has "
                f"not been billed: a new claim bills it with the date of service {on}; the claim for {keyed} stays "
                "as decided.")


def transposed(keyed: date, session: date) -> bool:
    """The keyed date is the session's with its day and month swapped, or its day's two digits reversed: a typing
    slip, never another session (a session a month or more away shares neither)."""
    if keyed == session or keyed.year != session.year:
        return False
    swapped = (keyed.month, keyed.day) == (session.day, session.month)
    reversed_day = keyed.month == session.month and f"{keyed.day:02d}" == f"{session.day:02d}"[::-1]
    return swapped or reversed_day


def keyed_on_wrong_date(claim: Claim, pattern: DenialPattern | None, note_dos: date | None) -> Redated | None:
    """The claim redated to the note's session when a date-bound denial answered another date, or when the claim's
    date is the session's transposed; else None."""
    keyed = claim.date_of_service
    if keyed is None or note_dos is None or keyed == note_dos:
        return None
    if not transposed(keyed, note_dos) and (pattern is None or pattern.id not in DATE_BOUND_PATTERNS):
        return None
    lines = [ln.model_copy(update={"date_of_service": None}) if ln.date_of_service in (keyed, None) else ln
             for ln in claim.lines]
    return Redated(claim.model_copy(update={"date_of_service": None, "lines": lines}), keyed, note_dos)  # type: ignore[arg-type]
