"""Shapes of round 3: month/days by their shape, spoken identifiers, structured fields, cued names.

Each scrub row names a secret that must disappear; each keep row is a text that must come back
unchanged. Synthetic values only, none taken from an evaluation set.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier

SCRUB = [
    # a month/day no score can be: more points than the scale, a day over 12, a day-first date
    ("appt moved 11/3 per son", "11/3"),
    ("f/u 6/19, bring walker", "6/19"),
    ("PT (9/27); OT (10/4)", "9/27"),
    ("Review: w/c 17/6.", "17/6"),
    ("away 7/10-7/24 on leave", "7/10"),
    ("EVAL 4/8 0815-0900 in clinic", "4/8"),
    ("Birthday b. '29, aged 96", "'29"),
    ("seen 9 janv. 2025 à domicile", "9 janv. 2025"),
    # read aloud: spelled names, digits one by one, dates in words
    ("surname spelled o-k-a-f-o-r for the chart", "o-k-a-f-o-r"),
    ("member number six two oh one nine four four", "six two oh one nine four four"),
    ("id is K as in King 3 3 8 1 0 7", "3 3 8 1 0 7"),
    ("born March third nineteen twenty-nine", "March third nineteen twenty-nine"),
    ("we'll come back on the fourteenth.", "the fourteenth"),
    ("lives in boise eight three seven oh two", "boise"),
    # ages over 89 in more forms
    ("a ninety-one-year-old widow", "ninety-one"),
    ("her 97th birthday on sunday", "97th"),
    ("visit for a centenarian at home", "centenarian"),
    ("DOB 02/03/1930 (95), lives alone", "95"),
    ("Pt Oyelowo, 96, alert", "96"),
    ("patient_age: 93", "93"),
    ("notes say almost 92 in march", "92"),
    # FHIR fields and CSV columns
    ('{"city": "little rock", "postalCode": "72201"}', "little rock"),
    ('{"city": "little rock", "postalCode": "72201"}', "72201"),
    ('{"name": [{"given": ["Bo"]}]}', "Bo"),
    ('{"reference": "Patient/p-77812"}', "p-77812"),
    ('{"valueAge": {"value": 91, "unit": "a"}}', "91"),
    ("id,pt_name,age,cg\nA-1002,Kwesi Boateng,92,son\n", "Kwesi Boateng"),
    ("id,pt_name,age,cg\nA-1002,Kwesi Boateng,92,son\n", "92"),
    ("id,pt_name,age,cg\nA-1002,Kwesi Boateng,92,son\n", "A-1002"),
    # HL7: a clinician in any field, by the shape of the name
    ("OBR|1||X1|CODE^Text|||||||||||^NGO^LINH^^^^PT", "LINH"),
    # names that a cue marks
    ('son Marcus "Moe" Whitfield called', "Moe"),
    ('caller (aka "bibi") left a message', "bibi"),
    ('aide listed as "R." on the sheet', "R."),
    ("hi its dq, grandpa is ready", "dq"),
    ("also coord w/ dr. okwuosa re: bed", "okwuosa"),
    ("- Mr. K (son) drove", "K"),
    ("Thanks for covering.  - R.T.", "R.T."),
    ("my auntie marisol will help", "marisol"),
    # places, numbers and identifiers
    ("lives at 240 birch dr with wife", "240 birch dr"),
    ("address: 9 elm st, boise id 83702", "boise"),
    ("mail to PO BOX 4471", "4471"),
    ("in the hospital at st agnes general since monday", "agnes"),
    ("home (Maplecrest Terrace apts, unit 4)", "Maplecrest"),
    ("lives at 8 camino del rio, taos nm 87571", "camino del rio"),
    ("his card ends in 7QK2 if needed", "7QK2"),
    ("Member ID: XY-1  Group: 02117", "02117"),
    ("call 602/555-0143 after 5", "602/555-0143"),
]

KEEP = [
    "MoCA 9/28 today; 5/5 reps; 3/4 trials; 24/7 supervision.",
    "Tinetti 8/28, pain 7/10, MRC 4/5.",
    "Codes ninety-seven five thirty and ninety-seven five fifty.",
    "Start fourteen hundred, end fourteen forty-two, forty-two minutes.",
    "on the second floor by the first door.",
    "Mod GO, 95 | units: 1",
    "Appeals fax 1-800-555-0199 or 1-877-555-0100.",
    "Plan: H1234-002 per letter.",
    "Billed 97550-97551 GP.",
    "Visit 09h15-10h00 (45 min).",
    "CARC 45, RARC N130, HCPC reg, LCSW co-lead.",
    "Pages: 3 (incl. cover)",
    "Ins: Brightmark MA, via portal.",
    "Lakeshore Star Medicare Advantage (HMO) letter.",
    "Happy birthday to him! Mahalo, see you.",
    '{"system": "http://hl7.org/fhir/sid/icd-10-cm", "resourceType": "Bundle"}',
    "walked 10 reps each way; 5 steps to the way out.",
    "thanks again, hi all",
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    result = deid.deidentify(text)
    assert secret not in result.text
    assert result.reidentify(result.text) == text


@pytest.mark.parametrize("text", KEEP)
def test_kept(deid: Deidentifier, text: str) -> None:
    assert deid.deidentify(text).text == text


def test_date_time_keeps_its_time(deid: Deidentifier) -> None:
    out = deid.deidentify('{"start": "2025-10-14T09:30:00-06:00"}').text
    assert "2025-10-14" not in out and "09:30:00" in out
