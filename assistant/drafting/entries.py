"""The part of a file that is about this claim: a work-queue note or an AR log can list several claims (pure).

    claim_entry(text, claim, codes) -> the lines that name this claim, else those that name a caregiver-training code
    entry_codes(text, claim, codes) -> the denial codes that entry gives ("CO-4 N519"), "" when none

A file may hold two claims side by side ("(1) Oduya ... CO-151 N362 ... (2) Przybylski ... CO-4"): the codes of
this claim are the ones on the lines that name it (its ICN, claim number, member id or the patient's surname), so
another patient's denial never decides this one.
"""

from __future__ import annotations

import re

from assistant.drafting.claims import Claim
from assistant.drafting.denial import codes_in_words
from assistant.notes.patients import surname_of

_CODE = re.compile(r"\b(?:\d{5}|[A-Z]\d{4})\b")


def _identifiers(claim: Claim) -> list[str]:
    return [v for v in claim.identifiers if len(v) >= 5]


def _surname(claim: Claim) -> re.Pattern[str] | None:
    """The patient's surname as a whole word ("Bob Yan", "YAN, BOB": a three-letter surname too, but not inside a
    longer word; hostile14 #7 lent a "Bob Yan" claim the other claim's codes when the name was too short to count)."""
    surname = surname_of(claim.patient_name) if claim.patient_name else None
    return re.compile(rf"(?<![^\W\d_]){re.escape(surname)}(?![^\W\d_])", re.I) if surname else None


def claim_entry(text: str, claim: Claim, training_codes: frozenset[str]) -> str:
    """The lines of `text` that name this claim; else those that name one of `training_codes` (the knowledge's
    caregiver-training codes); else ""."""
    lines = (text or "").splitlines()
    wanted = [w.lower() for w in _identifiers(claim)]
    name = _surname(claim)
    named = [ln for ln in lines if any(w in ln.lower() for w in wanted) or (name is not None and name.search(ln))]
    return "\n".join(named or [ln for ln in lines if training_codes & set(_CODE.findall(ln))])


def entry_codes(text: str, claim: Claim, training_codes: frozenset[str]) -> str:
    """The denial codes the claim's own entry in the file gives, as a code list; "" when it gives none."""
    return codes_in_words(claim_entry(text, claim, training_codes))
