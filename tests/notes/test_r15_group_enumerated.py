"""Patients represented in a group, numbered in a line under a "Families present" heading (round-15 appeals note)."""

from __future__ import annotations

import pytest

from assistant.notes.group import find_group


@pytest.mark.parametrize(("text", "patients"), [
    ("CAREGIVER GROUP 10/22/2026\nFamilies present (patients not present): 1) Abercrombie -- wife Mireille\n"
     "  2) Castellano -- son   3) Duvall -- daughter   4) Pryce -- husband\nContent: thickener mixing.", 4),
    ("Caregiver class. Patients represented: (1) Mr. Frei's wife; (2) Mrs. Kaplan's son.", 2),
    # a numbered list that skips a number counts the run from 1 only
    ("Caregiver group. Families present: 1) Ames -- son 3) Bell -- wife", 1),
])
def test_numbered_families(text: str, patients: int) -> None:
    assert find_group(text).patients == patients
