"""The claim's diagnosis codes against the note's, by date of service."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.diagnoses import diagnosis_fix, diagnosis_mismatch, note_codes
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()


@pytest.mark.parametrize(("note", "claim", "on", "corrected"), [
    # a header code on the claim, the billable subcode in the note → the note's code
    ("Dx: Parkinson's disease (G20.A1); gait R26.89.", ["G20", "R26.89"], date(2025, 2, 11), ["G20.A1", "R26.89"]),
    ("Dx: MS (G35.A).", ["G35"], date(2025, 11, 12), ["G35.A"]),
    ("Dx: difficulty walking R26.89.", ["R26.8"], date(2025, 3, 4), ["R26.89"]),
    # G35 was billable until 2025-09-30: nothing to correct
    ("Dx: MS (G35).", ["G35"], date(2025, 9, 30), None),
    # valid codes on the claim: kept, nothing to correct
    ("Dx: G20.A1.", ["G20.A1"], date(2025, 2, 11), None),
    # the note gives no billable code for the bad one: the replacements the code set names, from the record
    ("Dx: Parkinson's disease.", ["G20"], date(2025, 2, 11),
     ["[[G20 replaced by G20.A1, G20.A2, G20.B1, G20.B2 or G20.C, as the medical record documents]]"]),
    ("Dx: multiple sclerosis (see neurology consult for type).", ["G35", "R26.89"], date(2026, 1, 13),
     ["[[G35 replaced by G35.A, G35.B0, G35.B1, G35.B2, G35.C0, G35.C1, G35.C2 or G35.D, as the medical record "
      "documents]]", "R26.89"]),
    # a header the code set names no replacement for, and no code in the note: nothing this module can propose
    ("Dx: gait.", ["R26"], date(2025, 2, 11), None),
    # no diagnosis on the claim, or no date
    ("Dx: G20.A1.", [], date(2025, 2, 11), None),
    ("Dx: G20.A1.", ["G20"], None, None),
])
def test_diagnosis_fix(note: str, claim: list[str], on: date | None, corrected: list[str] | None) -> None:
    fix = diagnosis_fix(KB, note, claim, on)
    assert (fix.corrected if fix else None) == corrected
    if fix:
        assert fix.billed == claim and fix.why


def test_note_codes_keep_only_billable_codes_in_order() -> None:
    assert note_codes("Dx: G35.A, G20 and R26.89.", date(2025, 11, 1), KB) == ["G35.A", "R26.89"]


@pytest.mark.parametrize(("note", "claim", "corrected"), [
    # a hip code billed for a knee: the note's codes
    ("Dx: Z47.1 aftercare; Z96.651 presence of right artificial knee", ["Z47.1", "Z96.641"], ["Z47.1", "Z96.651"]),
    # only caregiver-situation Z codes billed; the note documents the patient's condition
    ("Diagnoses: I69.351 hemiplegia; Z91.81 history of falling", ["Z63.6", "Z91.81"], ["I69.351", "Z91.81"]),
    # the claim carries the note's codes: argued, nothing to correct
    ("Dx: I69.351; Z91.81", ["I69.351", "Z91.81"], None),
    # the note only adds a code the claim lacks: argued, not corrected
    ("Dx: I69.351; Z91.81", ["I69.351"], None),
    # the note documents no code: nothing to propose
    ("Dx: stroke, right side weak.", ["Z63.6"], None),
])
def test_diagnosis_mismatch(note: str, claim: list[str], corrected: list[str] | None) -> None:
    fix = diagnosis_mismatch(KB, note, claim, date(2026, 10, 15))
    assert (fix.corrected if fix else None) == corrected
