"""What the file shows happened to this service after the denial: paid on another claim, or decided first elsewhere.

    read_history(text, claim) -> History

A biller pastes several remittances or portal rows together. Read as history, not as the denial:

- a reversal (835 CLP02 = 22) of this claim followed by its correction (CLP02 1-3) that paid: the denial
  is gone and nothing is filed (X12 835 5010: claim status codes);
- another claim for the same service (same date of service and a billed code) whose status reads PAID:
  this claim is a true duplicate (CO-18) and the service is already paid;
- the earlier claim a duplicate names, with the date of its own remittance: a correction of that claim
  (a clerical-error reopening by its ICN) counts its window from that decision, not from the duplicate's.

Pure and linear in the length of the text; the text is data, never an instruction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.drafting.claims import Claim

_CLP = re.compile(r"(?<![A-Z0-9])CLP([*|])([^~\n]{0,400})")
_REVERSAL, _PROCESSED = "22", frozenset({"1", "2", "3"})
_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "Status: PAID 09/12/2026", "PAID $112.84": a status, not "not paid", "unpaid" or "PD 0.00"
_PAID = re.compile(r"(?<![A-Za-z])PAID(?![A-Za-z])")
_NOT_PAID = re.compile(r"\b(?:not|never|un)[\s-]?paid\b|\bdenied\b", re.I)
_PAID_WORD = re.compile(r"(?<![A-Za-z])paid(?![A-Za-z])", re.I)
# "$41.36" or "paid 44.85", not "$0.00" or "paid 97550"
_AMOUNT = re.compile(r"\$\s?0*[1-9]|(?<![A-Za-z])paid:?\s*\$?\s?0*[1-9]\d*\.\d{2}(?!\d)", re.I)
_NUMBER = re.compile(r"(?<![A-Za-z0-9-])([A-Z]{0,4}[0-9][0-9A-Z-]{7,19})(?![A-Za-z0-9])")
# "97550-GP", "G0541-GO-KX": a billed code with its modifiers is a line of a claim, never another claim's number
_CODE_WITH_MODIFIERS = re.compile(r"[0-9A-Z]\d{3}[0-9A-Z](?:-[0-9A-Z]{2})+")
# an 835 service line's date (DTM*472*CCYYMMDD) and billed code (SVC*HC:97550:GO)
_SERVICE_DATE = re.compile(r"DTM[*|]472[*|](\d{8})")
_SERVICE_CODE = re.compile(r"SVC[*|][A-Z]{2}:([0-9A-Z]{5})")


@dataclass(frozen=True)
class History:
    #: Another claim (its number) on which the payer paid this service, and the words of the file that show it.
    paid_claim: str | None = None
    paid_said: str = ""
    #: The reversal and correction were read from 835 segments (CLP02 22, then a paid CLP).
    reversed: bool = False
    #: The date of the remittance that decided `earlier` (the claim a duplicate names), when the file gives it.
    earlier_notice: date | None = None


def _date(m: re.Match[str]) -> date | None:
    try:
        if m.group(4):
            return date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
        year = int(m.group(3))
        return date(year + 2000 if year < 100 else year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


def _dates(line: str) -> list[date]:
    return [d for m in _DATE.finditer(line) if (d := _date(m)) is not None]


def _plain(value: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", value.upper())


# (the patient's member ids, the date of service, the billed codes, this claim's number): what names the same service
# sent before in a CLP block
_Service = tuple[frozenset[str], date | None, set[str], str]
_NO_SERVICE: _Service = (frozenset(), None, set(), "")


def _same_service(clp01: str, block: str, same: _Service) -> bool:
    """A CLP that is this claim sent before under its own number (the duplicate's number is it with a resubmission
    suffix: WRN-5521 then WRN-5521R), naming this patient (NM1*QC's member id), this date of service and a billed
    code: beside a duplicate denial it is the original. Another claim number (ONOT-7714 beside ONOT-7715) is another
    claim, perhaps another patient's service keyed under this one's id, never taken as the original."""
    patient, dos, codes, number = same
    first = _plain(clp01)
    if not patient or dos is None or not codes or len(first) < 4 or first == number or not number.startswith(first):
        return False
    named = any(p in _plain(block) for p in patient)
    dated = dos.strftime("%Y%m%d") in _SERVICE_DATE.findall(block)
    return named and dated and bool(set(_SERVICE_CODE.findall(block)) & codes)


def _clp_blocks(text: str) -> list[tuple[re.Match[str], str]]:
    """Each CLP segment with the text up to the next one (its NM1, SVC, DTM and CAS segments)."""
    found = list(_CLP.finditer(text))
    ends = [m.start() for m in found[1:]] + [len(text)] if found else []
    return [(m, text[m.start():end]) for m, end in zip(found, ends, strict=True)]


def _paid_in_segments(text: str, ids: frozenset[str], own: str, duplicate: bool,
                      same: _Service = _NO_SERVICE) -> History | None:
    """Another submission of this claim (CLP01, CLP07 or its ICN, or beside a duplicate denial the same service:
    `same`) processed with a payment (CLP02 1-3, CLP04 > 0): after a reversal of this claim (CLP02 22) it is the
    correction; beside a duplicate denial it is the paid original.
    A CLP of this claim's own ICN (`own`) is never another submission, and a payment the file shows reversed (a CLP02
    22 with its ICN, in either order: remittances are pasted oldest or newest first) is the original, never the
    correction."""
    reversed_icns: set[str] = set()
    paid: list[tuple[str, str]] = []
    for m, block in _clp_blocks(text):
        parts = m.group(2).split(m.group(1))
        if len(parts) < 7:
            continue
        ours = bool({_plain(p) for p in (parts[0], parts[6])} & ids)
        if not ours and not (duplicate and _same_service(parts[0], block, same)):
            continue
        if parts[1] == _REVERSAL:
            reversed_icns.add(_plain(parts[6]))
            continue
        try:
            amount = float(parts[3] or 0)
        except ValueError:
            continue
        if parts[1] in _PROCESSED and amount > 0 and parts[6] and _plain(parts[6]) != own:
            paid.append((parts[6], f"CLP{m.group(1)}{m.group(2)}".strip()))
    reversal = bool(reversed_icns)
    standing = next((p for p in paid if _plain(p[0]) not in reversed_icns), None)
    if standing is None or not (reversal or (duplicate and own)):
        return None
    return History(paid_claim=standing[0], paid_said=standing[1], reversed=reversal)


def _read_paid(line: str, duplicate: bool) -> bool:
    """The line says a payment: a PAID status, or, beside a duplicate denial, "paid" with an amount above zero (a
    posting log's "ICN 2226245118734 paid 97550 $41.36")."""
    if _NOT_PAID.search(line):
        return False
    return bool(_PAID.search(line)) or (duplicate and bool(_PAID_WORD.search(line)) and bool(_AMOUNT.search(line)))


def _about_service(line: str, dos: date, duplicate: bool) -> bool:
    """The line is about this date of service: it names it, or, beside a duplicate denial (the payer has already
    processed this service), it names no date before it (a remittance or posting date comes after the service)."""
    found = _dates(line)
    return dos in found or (duplicate and all(d > dos for d in found))


def _paid_elsewhere(text: str, claim: Claim, ids: frozenset[str], codes: set[str],
                    duplicate: bool = False) -> History | None:
    """A line of the file about another claim for this service (the date of service and a billed code) read PAID."""
    dos = claim.date_of_service
    for line in text.splitlines():
        if dos is None or not _about_service(line, dos, duplicate) or not any(c in line for c in codes):
            continue
        if not _read_paid(line, duplicate):
            continue
        numbers = _other_numbers(line, ids, codes)
        if numbers:
            return History(paid_claim=numbers[0], paid_said=" ".join(line.split()))
    return None


def _other_numbers(line: str, ids: frozenset[str], codes: set[str]) -> list[str]:
    """The numbers on a line that could be another claim's: not this claim's, not a date, not a billed code (bare or
    with its modifiers)."""
    numbers = [n for n in _NUMBER.findall(line) if _plain(n) not in ids and not _DATE.fullmatch(n)]
    return [n for n in numbers if n not in codes and not _CODE_WITH_MODIFIERS.fullmatch(n)]


def earlier_notice(text: str, earlier: str | None, dos: date | None) -> date | None:
    """The date of the remittance that decided the earlier claim: the first date, other than the date of service,
    on the line of the file that names that claim's number ("RA 08/28/2026  ICN 0226236118200  DOS 08/11/2026")."""
    if not earlier:
        return None
    for line in text.splitlines():
        if earlier not in line or re.search(rf"\bdup\w*\s+(?:of\s+)?(?:icn\s+)?{re.escape(earlier)}", line, re.I):
            continue  # the duplicate's own row names the earlier claim too; its date is the duplicate's
        found = [d for d in _dates(line) if d != dos]
        if found:
            return found[0]
    return None


def paid_reason(history: History) -> str:
    """Why nothing is filed once the file shows the service paid, naming the claim that paid it."""
    if history.reversed:
        return (f"The payer has reversed this claim (835 claim status 22) and reprocessed it: the corrected claim "
                f"{history.paid_claim} paid ({history.paid_said}). The denial is gone: nothing to appeal or correct. "
                "Post the payment and close the work item.")
    return (f"The file shows this service already paid on claim {history.paid_claim} (\"{history.paid_said}\"): "
            "this claim is a duplicate of a paid claim, so the duplicate denial (CARC 18) is correct. Nothing to "
            "appeal or correct: find where that payment was posted, move it to this patient's account if it was "
            "misposted, and close the item.")


def read_history(text: str, claim: Claim, earlier: str | None = None, duplicate: bool = False) -> History:
    """What the file (the payer's words, several remittances pasted together) shows beyond the denial itself.
    `duplicate`: the denial is a duplicate's (CO-18), so a paid submission of the same claim is its original."""
    if not text:
        return History()
    ids = frozenset(_plain(i) for i in claim.identifiers if len(_plain(i)) >= 6)
    codes = {ln.code for ln in claim.lines}
    own = _plain(claim.icn or "")
    patient = frozenset({_plain(claim.member_id)} if claim.member_id and len(_plain(claim.member_id)) >= 6 else ())
    same = (patient, claim.date_of_service, codes, _plain(claim.claim_number or ""))
    found = _paid_in_segments(text, ids, own, duplicate, same) if ids else None
    found = found or (_paid_elsewhere(text, claim, ids, codes, duplicate) if codes else None)
    return found or History(earlier_notice=earlier_notice(text, earlier, claim.date_of_service))


def primary_paid_elsewhere(text: str, claim: Claim, primaries: set[str]) -> History | None:
    """The primary code of a denied add-on read paid on another claim for this date of service: a visit split over
    two claims (two remittances) left the add-on alone on this one. None when the file does not show it."""
    dos = claim.date_of_service
    if not text or dos is None or not primaries:
        return None
    ids = frozenset(_plain(i) for i in claim.identifiers if len(_plain(i)) >= 6)
    for line in text.splitlines():
        if not any(re.search(rf"(?<![0-9A-Z]){p}(?![0-9])", line) for p in primaries):
            continue
        if not _read_paid(line, duplicate=True) or not _about_service(line, dos, duplicate=True):
            continue
        numbers = _other_numbers(line, ids, primaries)
        if numbers:
            return History(paid_claim=numbers[0], paid_said=" ".join(line.split()))
    return None
