"""Round 16 (hostile16 #9): identifiers that reached a recording model verbatim. Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    ("Medicare # on the face sheet: 7 QX 4-TR 9-KM 23 (copied by hand)", "7 QX 4-TR 9-KM 23"),
    ("member 7QX4 TR9K M23 seen today", "7QX4 TR9K M23"),
    ("subject: Patient/pt-88a1c2 (DocumentReference author)", "pt-88a1c2"),
    ("caregiver is RelatedPerson/rp-4471.", "rp-4471"),
    ("MRN#00-448-1920-B  |  ACCT/2026/77120  | SSN xxx-xx-6621", "2026/77120"),
    ("billing: Acct#A-44172 (self-pay balance)", "A-44172"),
]

KEEP = [
    ("97550 GP 1 unit, G0541 x2, CPT 97551 2 units", "97551 2 units"),
    ("ICD I69.351 Z91.81 M62.81 on the claim", "I69.351 Z91.81 M62.81"),
    ("Patient/caregiver education handout given", "Patient/caregiver education"),
    ("account/billing questions go to the front desk", "account/billing questions"),
]


@pytest.mark.parametrize(("text", "value"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, value: str) -> None:
    assert_scrubbed(deid, text, value)


@pytest.mark.parametrize(("text", "value"), KEEP)
def test_kept(deid: Deidentifier, text: str, value: str) -> None:
    assert_kept(deid, text, value)
