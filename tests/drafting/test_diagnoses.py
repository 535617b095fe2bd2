"""The claim's diagnosis codes against the note's, by date of service."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.diagnoses import diagnosis_fix, note_codes
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
