"""Which billed caregiver-training line a named clinician furnished alone, from the note's own charge line.

A two-discipline hand-off bills each part under its furnisher: "Charges: 97550 x1 GO (Marais); G0541 x1 GO CO
(Oduro)", where "Odette Marais, OTR/L" and "Tamsin Oduro, COTA/L" sign their parts. CQ/CO belong to the lines a PTA
or OTA furnished in whole or part (facts §1.2, per line, §11), so a line the note gives to a therapist by name
needs neither.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.notes.extract import Extraction

ASSISTANT_ROLES = frozenset({"PTA", "OTA"})
THERAPIST_ROLES = frozenset({"PT", "OT", "SLP"})
# the surname right before a credential: "Odette Marais, OTR/L"
_SURNAME_BEFORE = re.compile(r"\b(?P<last>[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?),?[ \t]*\(?$")
# whom a charge line names as its furnisher: "97550 x1 GO (Marais)", "97550 x1 GO by Marais"
_FURNISHER_AFTER = re.compile(r"[^;\n]{0,30}?(?:\(|\bby[ \t]+)(?P<last>[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)\)?")
NAME_REACH = 40


def therapist_only_codes(ex: Extraction) -> frozenset[str]:
    """The codes whose charge line names, as its furnisher, a clinician who signs as a therapist and never as an
    assistant."""
    roles: dict[str, set[str]] = {}
    for cred in ex.credentials:
        a = cred.span[0]
        m = _SURNAME_BEFORE.search(ex.text, max(0, a - NAME_REACH), a)
        if m is not None:
            roles.setdefault(m["last"], set()).add(cred.role)
    therapists = {name for name, found in roles.items() if found <= THERAPIST_ROLES}
    if not therapists or not any(found & ASSISTANT_ROLES for found in roles.values()):
        return frozenset()
    out = set()
    for code in ex.codes:
        m = _FURNISHER_AFTER.match(ex.text, code.span[1])
        if m is not None and m["last"] in therapists:
            out.add(code.code)
    return frozenset(out)
