"""The claim's diagnosis codes against the note's, by date of service (pure).

    diagnosis_fix(kb, note, claim_codes, dos) -> DiagnosisFix | None

A claim whose diagnosis code is not billable on the date of service (a category header such as G20
after 2023-10-01, a retired or not-yet-valid code) is a claim error when the note documents the
billable code: the answer is a corrected claim with the note's code, not an appeal. Only codes the
note itself documents are proposed; a claim code that is billable is kept as billed. A bad code the note
gives no billable replacement for is still corrected when the code set names its replacements (G35 from
2025-10-01): the corrected list carries a placeholder naming them, to be filled from the medical record;
without named replacements it leaves nothing to correct here.

    diagnosis_mismatch(kb, note, claim_codes, dos) -> DiagnosisFix | None

When the payer disputes the diagnosis (CO-11) and every billed code is billable, the claim is still a claim
error if its codes disagree with the note's: a hip code for a knee, or only caregiver-situation Z codes while
the note documents the patient's condition. The corrected claim carries the note's own codes, never guessed ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assistant.knowledge.loader import Knowledge
from assistant.notes.icd import check_code, codeset
from assistant.notes.patterns import find_icd10


@dataclass(frozen=True)
class DiagnosisFix:
    billed: list[str]
    corrected: list[str]
    why: str
    sources: list[str]


def _category(code: str) -> str:
    return code.replace(".", "").upper()


def note_codes(note: str, on: date, kb: Knowledge) -> list[str]:
    """ICD-10-CM codes the note documents that are billable on the date of service, in the note's order."""
    found = [m.code.upper() for m in find_icd10(note, is_code=codeset().is_valid)]
    return [c for c in dict.fromkeys(found) if check_code(c, on, kb.diagnosis_changes).billable]


def diagnosis_fix(kb: Knowledge, note: str, claim_codes: Sequence[str], on: date | None) -> DiagnosisFix | None:
    """The diagnosis codes the claim should carry, when a billed code is not billable and the note has its code."""
    if not claim_codes or on is None:
        return None
    documented = note_codes(note, on, kb)
    corrected: list[str] = []
    reasons: list[str] = []
    sources: list[str] = []
    for code in dict.fromkeys(c.upper() for c in claim_codes):
        verdict = check_code(code, on, kb.diagnosis_changes)
        if verdict.billable:
            corrected.append(code)
            continue
        # the note's own code in the same category ("G20" → "G20.A1"), never one the note does not give
        specific = [c for c in documented if _category(c).startswith(_category(code)) and c != code]
        if specific:
            corrected += specific
            reasons.append(f"{code} on the claim is {verdict.reason}; the note documents {', '.join(specific)}")
        elif verdict.replacement:
            # the code set names the billable codes (G35 from 2025-10-01: G35.A ... G35.D) but the note gives none:
            # the claim is still corrected, with the code the medical record supports, never a guessed one
            corrected.append(f"[[{code} replaced by {verdict.replacement}, as the medical record documents]]")
            reasons.append(
                f"{code} on the claim is {verdict.reason}; it is billed as {verdict.replacement}. The note does not "
                "give the specific code: take it from the medical record (or query the clinician); it is not guessed, "
                "and the note is not changed for payment"
            )
        else:
            return None
        sources += verdict.sources
    if not reasons:
        return None
    return DiagnosisFix(
        billed=list(dict.fromkeys(c.upper() for c in claim_codes)),
        corrected=list(dict.fromkeys(corrected)),
        why="; ".join(reasons) + ".",
        sources=list(dict.fromkeys(sources)),
    )


def diagnosis_mismatch(kb: Knowledge, note: str, claim_codes: Sequence[str], on: date | None) -> DiagnosisFix | None:
    """The note's codes, when the note documents a code the claim lacks and the claim a code the note lacks."""
    if not claim_codes or on is None:
        return None
    billed = list(dict.fromkeys(c.upper() for c in claim_codes))
    documented = note_codes(note, on, kb)
    missing = [c for c in documented if c not in billed]
    extra = [c for c in billed if c not in documented]
    # both sides must differ: a note that merely adds codes to a claim that carries its own is argued, not corrected
    if not missing or not extra:
        return None
    why = (f"the claim carries {', '.join(extra)}, which the note does not document; the note documents "
           f"{', '.join(missing)}. The corrected claim carries the note's codes")
    return DiagnosisFix(billed=billed, corrected=documented, why=why + ".", sources=["x12-carc", "icd10cm-falls"])
