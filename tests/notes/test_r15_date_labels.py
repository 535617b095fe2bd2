"""A note's own session date among an export stamp and an earlier session it refers to (round-15 appeals notes)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.notes.extract import extract, session_dates

NOTE = (
    "ENCOUNTER SUMMARY  ::  Tamarack Lane PT  ::  export 11/17/2026 10:02\n"
    "Encounter ...... 10/13/2026 (Tue)  home visit\n"
    "Prior CTS ...... #1 on 10/06/2026 (son only, 24 min, billed separately)\n"
    "Time: 1:05 pm-1:34 pm = 29 min with son. -- G. Fay, PT (e-signed 10/13/2026 16:40)\n"
)


def test_the_encounter_is_the_session_not_the_export_or_the_prior_visit() -> None:
    assert {d.value for d in session_dates(extract(NOTE))} == {date(2026, 10, 13)}


@pytest.mark.parametrize(("line", "label"), [
    ("Encounter ...... 10/13/2026", "dos"),
    ("Date ....... 10/13/2026", "dos"),
    ("export 11/17/2026 10:02", "other"),
    ("previous session 10/06/2026 with the son", "other"),
    ("Seen 10/13/2026 with son", ""),
    # the consent's date after whom it names (notes_r10_dev_b: an export's own date left the consent's as the note's)
    ("Consent: pt signed consent for Rosalind to be trained 11/4/25.", "other"),
])
def test_date_labels(line: str, label: str) -> None:
    assert [d.label for d in extract(line + "\n").dates] == [label]
