"""Round 16: a form's consent-type field says how the consent was given; the fields beside it that name who gave it
and for whom do not make it written (verbal consent counts from 2025-01-01)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.notes.api import check_note

NOTE = (
    "ENC_DATE={dos}\nDISCIPLINE=OT\nCLINICIAN=Y. Marchand, OTR/L\nPT_PRESENT=N\nCG_NAME=Horace Pell\nCG_REL=husband\n"
    "CG_PAID=N\nCONSENT_TYPE={kind}\nCONSENT_BY=patient\nCONSENT_FOR=Horace Pell\n"
    "NEED=needs mod A LB bathing since R CVA\nPOC_GOAL=LTG 1 toileting w/ min A of trained spouse\n"
    "TAUGHT=long-handled toilet aid; clothing mgmt at grab bar\nRETURN_DEMO=husband guided OT-as-pt stand/pivot x2, "
    "cued once\nSKILLED=L inattention; hands-on correction\nSTART=13:20\nSTOP=13:52\n"
)


@pytest.mark.parametrize(("dos", "kind", "status"), [
    ("2024-05-07", "VERBAL", "problem"),
    ("2024-05-07", "WRITTEN", "met"),
    ("2025-05-07", "VERBAL", "met"),
])
def test_consent_type_field(dos: str, kind: str, status: str) -> None:
    note = NOTE.format(dos=dos, kind=kind)
    report = check_note(note, knowledge=cached_knowledge(), today=date(2026, 12, 3), dos=date.fromisoformat(dos))
    assert report.check("consent").status == status
