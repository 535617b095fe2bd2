"""Form-field dumps: a value is what its key says, whatever its case (`assistant.phi.keyvalues`). Synthetic values."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from assistant.phi.keyvalues import find_key_values

FIELDS = (
    "FieldName: PatientName       FieldValue: Quornby, Vexa\n"
    "FieldName: PatientDOB        FieldValue: 02/11/1938\n"
    "FieldName: CaregiverName     FieldValue: pell quornby\n"
    "FieldName: CPT1              FieldValue: 97550\n"
    "FieldName: ClinicName        FieldValue: [practice letterhead]\n"
    "FieldName: Topic             FieldValue: Parkinson freezing strategies\n"
)
PAIRS = (
    "patient.first_name=ayodele\npatient.last_name=quornby-vex\ncaregiver.phone=(404) 555-0131\n"
    "caregiver_relationship=son\nvisit.cpt=97550\nzip=30341\n"
)


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        (FIELDS, ["Quornby, Vexa", "02/11/1938", "pell quornby"],
         ["PatientName", "PatientDOB", "CaregiverName", "97550", "[practice letterhead]",
          "Parkinson freezing strategies"]),
        (PAIRS, ["ayodele", "quornby-vex", "555-0131", "30341"], ["patient.first_name", "son", "97550"]),
        ('GET /chart?name=ayo%20quornby&dob=1941-07-19 200; act=chart.open pt_nm="DELE QUORNBY"',
         ["ayo%20quornby", "1941-07-19", "DELE QUORNBY"], ["act=chart.open"]),
    ],
)  # fmt: skip
def test_values_by_key(deid: Deidentifier, text: str, secrets: list[str], kept: list[str]) -> None:
    out = deid.deidentify(text)
    assert [s for s in secrets if s in out.text] == [], out.text
    assert [k for k in kept if k not in out.text] == [], out.text
    assert out.reidentify(out.text) == text


@pytest.mark.parametrize("text", ["a=" + "b " * 5000, "FieldName: a FieldValue: " * 3000, "a=b " * 5000, "=" * 9000])
def test_odd_dumps_end(text: str) -> None:
    find_key_values(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('<code code="Z91.81" displayName="History of falling"/>', "History of falling"),
        ("FieldName: PatientPresent    FieldValue: No", "No"),
        ("2025-05-03 AUDIT user=SYSTEM FAX sent pages=4", "user=SYSTEM"),
    ],
)
def test_kept(deid: Deidentifier, text: str, kept: str) -> None:
    assert kept in deid.deidentify(text).text
