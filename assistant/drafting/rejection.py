"""A claim the payer's front end rejected (a 277CA claim acknowledgment), given where a denial is expected (pure).

    read_rejection(denial) -> Rejection | None
    typed_rejection(denial, payer_text) -> Rejection | None
    without_rejected_date(claim, rejection, payer_text) -> (claim, warnings)

A rejected claim never entered adjudication: there is no initial determination, so nothing to appeal
and nothing to reopen. It is corrected and sent as a new claim inside the payer's timely-filing limit
(domain facts §11: an unprocessable claim has no appeal rights; Medicare's limit is 12 months from the
date of service). Only the codes the biller typed as the denial are read: a 277CA quoted in the payer's
words (proof that a claim reached the payer in time) is evidence, not the denial.
"""

from __future__ import annotations

import re

from assistant.drafting.claims import Claim
from assistant.drafting.models import Rejection

# "277CA", "277 CA", "277-CA": the claim acknowledgment transaction
_ACK = re.compile(r"(?<![0-9A-Z])277\s*-?\s*CA(?![A-Z])", re.I)
# STC01 as the clearinghouse prints it: category, status code, entity ("A7:164:IL", "A7*33*IL")
_STC = re.compile(r"(?<![A-Z0-9])(A[0-8])\s*[:*]\s*(\d{1,3})(?:\s*[:*]\s*([A-Z0-9]{2})(?![A-Z0-9]))?", re.I)
# A1/A2 acknowledge or accept, A4/A5 say "not found" or "split": only these categories return the claim unprocessed
REJECTED = frozenset({"A3", "A6", "A7", "A8"})
_REJECT_WORD = re.compile(r"\breject", re.I)


def read_rejection(denial: str) -> Rejection | None:
    """The front-end rejection the denial names ("277CA STC A7:164:IL"), else None (a CARC list, an accepted 277CA).

    A 277CA without a status category counts only when its words say the claim was rejected."""
    if not denial or _ACK.search(denial) is None:
        return None
    found = _STC.search(denial)
    if found is None:
        return Rejection(category="") if _REJECT_WORD.search(denial) else None
    category = found.group(1).upper()
    if category not in REJECTED:
        return None
    return Rejection(category=category, status=found.group(2), entity=(found.group(3) or "").upper())


def typed_rejection(denial: str, payer_text: str | None) -> Rejection | None:
    """The rejection the denial names; a "277CA" typed without its status is read with the words pasted beside it
    ("277CA" and "A7:255 REJECTED: diagnosis code invalid"): the biller said the denial is the acknowledgment."""
    if (rejected := read_rejection(denial)) is not None:
        return rejected
    if not denial or not payer_text or _ACK.search(denial) is None or _STC.search(denial) is not None:
        return None
    return read_rejection(f"{denial} {payer_text}")


# Health Care Claim Status code 187 is "Date(s) of service": the claim's service date is what the front end refused
DATE_OF_SERVICE_STATUSES = frozenset({"187"})
# the same said in the front end's message ("SERVICE DATE IS AFTER THE RECEIPT DATE", "date of service in the future")
_DATE_REFUSED = re.compile(
    r"\b(?:dates?(?:\(s\))? of service|service dates?)\s+(?:is\s+|are\s+)?(?:after|later than|in the future)", re.I)


def without_rejected_date(claim: Claim, rejection: Rejection | None, payer_text: str) -> tuple[Claim, list[str]]:
    """A claim whose date of service is the very thing the front end rejected, without that date: the new claim
    carries the note's date (a year keyed wrong is the typical case), so the note is checked on its own date and no
    mismatch with the rejected date stops the answer. Any other claim unchanged."""
    wrong = claim.date_of_service
    if rejection is None or wrong is None:
        return claim, []
    if rejection.status not in DATE_OF_SERVICE_STATUSES and _DATE_REFUSED.search(payer_text or "") is None:
        return claim, []
    lines = [line.model_copy(update={"date_of_service": None}) if line.date_of_service == wrong else line
             for line in claim.lines]
    warning = (f"the payer's front end rejected the claim's date of service ({wrong.isoformat()}): the note's date is "
               "used, and the new claim carries it")
    return claim.model_copy(update={"date_of_service": None, "lines": lines}), [warning]
