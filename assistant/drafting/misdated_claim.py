"""A whole claim keyed with another day's date of service, found by a denial that rests on that date.

A duplicate (CO-18: another claim was paid for that date) or a date inside a facility stay (CO-109 / MA101: Part A
consolidated billing) or a date outside the patient's coverage (CO-26 / CO-27) is the payer answering the date the
claim carries. When the note documents the session on
another date, that date is the clerical error: the service actually given has never been billed, so a new claim
carries the note's date (and its timely-filing window counts from it). Any other denial on a claim dated otherwise
than the note still stops the draft (case.same_service_date): there the wrong note may be attached.
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


def keyed_on_wrong_date(claim: Claim, pattern: DenialPattern | None, note_dos: date | None) -> Redated | None:
    """The claim redated to the note's session when a date-bound denial answered another date; else None."""
    keyed = claim.date_of_service
    if pattern is None or pattern.id not in DATE_BOUND_PATTERNS or None in (keyed, note_dos) or keyed == note_dos:
        return None
    lines = [ln.model_copy(update={"date_of_service": None}) if ln.date_of_service in (keyed, None) else ln
             for ln in claim.lines]
    return Redated(claim.model_copy(update={"date_of_service": None, "lines": lines}), keyed, note_dos)  # type: ignore[arg-type]
