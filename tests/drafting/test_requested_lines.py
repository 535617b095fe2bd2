"""An appeal asks payment of the denied caregiver-training lines only (hostile17 #6, #7): the action, the letter's
"Service" row and the request name them; a paid line and the claim's other services are not appealed. Synthetic."""

from __future__ import annotations

import pytest

from assistant.drafting.lines import lines_text, requested_lines
from assistant.knowledge.loader import cached_knowledge
from assistant.models import BilledLine
from assistant.service import Assistant

KB = cached_knowledge()


def _lines(*specs: str) -> list[BilledLine]:
    return [BilledLine(code=s.split()[0], units=int(s.split()[1]), modifiers=["GP"]) for s in specs]


@pytest.mark.parametrize(("billed", "denied", "requested"), [
    (("97550 1", "97551 1", "97110 2"), {"97551"}, "97551 x1 GP"),  # one line of several denied
    (("97550 1", "97551 1", "97110 2"), set(), "97550 x1 GP, 97551 x1 GP"),  # none flagged: the CTS lines
    (("97550 1", "97110 2", "97112 1", "97140 1", "97164 1"), set(), "97550 x1 GP"),  # a long claim
    (("97550 1", "97551 1"), {"97550", "97551"}, "97550 x1 GP, 97551 x1 GP"),
    (("97110 2",), set(), "97110 x2 GP"),  # no caregiver-training line: the claim's lines as they are
])
def test_the_request_is_for_the_denied_caregiver_training_lines(billed: tuple[str, ...], denied: set[str],
                                                                 requested: str) -> None:
    assert lines_text(requested_lines(KB, _lines(*billed), frozenset(denied))) == requested


NOTE = """Caregiver Training Note
Date of service: 10/15/2026
Patient: Harold Vickery. Dx: G20.A1 Parkinson's disease.
Caregiver: Margaret Vickery (wife), unpaid. Patient not present for this session; training delivered to caregiver only.
Consent: patient verbally consented to caregiver training on 10/01/2026, documented in chart.
Start 10:15 AM  Stop 11:07 AM (52 minutes), face-to-face with caregiver.
Training: PT taught sit-to-stand transfer technique with gait belt and stand-pivot transfer to wheelchair; caregiver
return-demonstrated 3 trials with verbal cues, then independently on 4th trial.
Goal: caregiver will perform safe transfers independently to reduce fall risk, as in the plan of care.
Separately, 11:15-11:45 AM patient-present therapeutic exercise (97110 x2 GP), distinct time.
Billed: 97550 x1 GP, 97551 x1 GP, 97110 x2 GP
Dana Whitfield, PT, DPT
"""
CLAIM = {"payer": "Novitas Solutions JL", "date_of_service": "2026-10-15", "notice_date": "2026-11-22",
         "patient_name": "Harold Vickery", "lines": [
             {"code": "97550", "units": 1, "modifiers": ["GP"]},
             {"code": "97551", "units": 1, "modifiers": ["GP"], "denied": True},
             {"code": "97110", "units": 2, "modifiers": ["GP"]}]}


def test_a_one_line_denial_appeals_that_line_only() -> None:
    result = Assistant().draft_appeal("CO-50", NOTE, claim=CLAIM)
    assert result.recommendation == "appeal" and result.letter is not None
    filing = next(a for a in result.actions if a.startswith("File a "))
    assert "for 97551 x1 GP as billed" in filing and "97550" not in filing
    service = result.letter.identifiers["Service"]
    assert service.startswith("97551 x1 GP") and "97550" not in service and "97110" not in service
    request = " ".join(st.text for sec in result.letter.sections for st in sec.statements if "payment of" in st.text)
    assert "payment of 97551 x1 GP" in request
