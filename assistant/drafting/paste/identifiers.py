"""The claim's identifiers a typed denial states, when no claim file gives them (pure).

    stated_identifiers(text) -> {"claim_number": ..., "icn": ..., "payer": ...} (only those stated)

A biller's typed line ("Noridian JF remittance 11/02/2026, claim #NJ-2291 (ICN 2226306112345): ...", "Claim 88120-A
denied by Noridian JF on 11/02/26") names the claim and the payer; a letter drafted from it carries them instead of
placeholders. Only labelled numbers are read ("claim #", "claim number", "ICN"); the payer is the capitalised name
that opens the paste before "remittance", "remit", "EOB" or "RA", or with a Medicare jurisdiction ("Noridian JE"), or
that follows "denied by". Each pattern is bounded
and searched once over the first lines of the text: linear.
"""

from __future__ import annotations

import re

HEAD_CHARS = 600  # the typed line that names the claim comes first; a long paste is a remittance, read elsewhere
# a number labelled as the claim's: "claim #NJ-2291", "Claim number: 88120-A", "claim 88120-A denied"
_CLAIM = re.compile(
    r"\bclaim(?:\s*(?:#|no\.?|num(?:ber)?\.?))?\s*[:#]?\s*(?P<n>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,24})\b", re.I
)
# a date ("claim 11-05 ...") or a procedure code ("claim: 97550 GP") is no claim number
_NOT_A_CLAIM_NUMBER = re.compile(r"\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?|\d{4}[0-9A-Z]|[A-V]\d{4}")
_ICN = re.compile(r"\b(?:ICN|DCN)\s*[:#]?\s*(?P<n>\d{11,15})\b")
_NAME = r"(?P<payer>[A-Z][\w&'.-]*(?:[ \t]+(?:[A-Z][\w&'.-]*|of|and)){0,5})"
_PAYER_OPENS = re.compile(rf"\A\s*{_NAME}[ \t]+(?:--[ \t]+)?(?:remittance|remit|EOB|ERA|RA)\b")
_DENIED_BY = re.compile(rf"\bdenied\s+by\s+{_NAME}")
# a Medicare contractor named with its jurisdiction at the start ("Noridian JE: 97550-GO denied CO-50", "WPS J5 Part
# B - ..."): the jurisdiction makes the name a MAC's, whatever follows it
_MAC_OPENS = re.compile(
    r"\A\s*(?P<payer>[A-Z][\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,3}?[ \t]+J(?:[A-N]|\d{1,2})(?:[ \t]+Part[ \t]+B)?)"
    r"(?![\w-])"
)
# words that open a paste but name no payer
_NOT_PAYERS = frozenset({"the", "our", "claim", "claims", "line", "denial", "ar", "note", "per", "from"})


def stated_identifiers(text: str | None) -> dict[str, str]:
    """The claim number, ICN and payer name the typed denial states (each only when stated)."""
    head = (text or "")[:HEAD_CHARS]
    out: dict[str, str] = {}
    if (icn := _ICN.search(head)) is not None:
        out["icn"] = icn["n"]
    for m in _CLAIM.finditer(head):
        if m["n"] != out.get("icn") and not _NOT_A_CLAIM_NUMBER.fullmatch(m["n"]):
            out["claim_number"] = m["n"]
            break
    payer = _PAYER_OPENS.search(head) or _MAC_OPENS.search(head) or _DENIED_BY.search(head)
    if payer is not None and payer["payer"].split()[0].lower() not in _NOT_PAYERS:
        out["payer"] = payer["payer"].strip()
    return out
