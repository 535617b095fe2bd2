"""Template residue is not documentation: an EHR pick-list never chosen keeps its braces and list id."""

from __future__ import annotations

import pytest

import assistant
from assistant.notes.screen import screen

NOTE = (
    "Caregiver training 02/10/2026. Pt NOT present (at adult day program). Wife Winnie, unpaid.\n"
    "{consent}\n"
    "POC goal: safe swallowing with wife's set-up. Taught thickener mixing; wife return demo correct.\n"
    "Start 1400 / Stop 1440 = 40 min. Henrike Osei, CCC-SLP\n"
)


@pytest.mark.parametrize(
    ("field", "status"),
    [
        ("{Consent obtained:yes/no:31245}", "missing"),
        ("Consent: {yes/no:31245}", "missing"),
        ("Consent obtained: yes, verbal, from pt", "met"),  # the choice made: the braces are gone
    ],
)
def test_unchosen_pick_list(field: str, status: str) -> None:
    report = assistant.check_note(NOTE.replace("{consent}", field))
    assert report.check("consent").status == status


def test_pick_list_is_screened_as_template() -> None:
    found = screen("Time: {CTS minutes:15-60:40012}\n")
    assert [f.kind for f in found] == ["template"]
