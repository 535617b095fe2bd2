"""Round 6b shapes: a day-first date with a Roman-numeral month or a slash between day and month name, an ordinal day
before a clock time, a date glued month-first into a file name, an MRN glued to its label in a file name, a long
number between a file name's underscores, a partly masked MBI, a card or claim number given by its last digits, chat
handles, the initials of a found name standing alone, bracketed initials of other patients, the given name before a
quoted nickname, a town after a street line, a unit after a capitals street, a rural highway line, a Mexican
"C.P." postal code, a Korean romanised address, an age as a FHIR quantity in years, a town inside an HL7 location's
description. Keep rows: kin words and credentials in table cells, honorifics before a name, stroke territories, a
pressure-injury stage, "Part B", a department word after a name. Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    # dates
    ("Mrs. Veltra Quorn (dob 4.IX.1932) at home", "4.IX.1932"),
    ("DATE: 11/MAR/2025   PAGES: 3", "11/MAR/2025"),
    ("| AP-1 | 5th Mar, 09:30 | Orvane, Tilde |", "5th Mar"),
    ("Attached: intake_Quorn_11042024.pdf", "11042024"),
    ("can she come 5/5? thanks", "5/5"),
    # identifiers
    ("1) MRN0048812_QUORN_VELTRA_consent.pdf", "0048812"),
    ("fax_from_5095550144_20240901_0930.tif", "5095550144"),
    ("Medicare Number XXXX-XX3-PM41 (shown on the card)", "XXXX-XX3-PM41"),
    ("the letter says claim number ends in\n4 4 1 9 and we paid", "4 4 1 9"),
    ("Member ID ending with 66120, please check", "66120"),
    # chat handles
    ("@r.quorn-vale: can we bill 97552?\n@tq: yes", "r.quorn-vale"),
    ("@r.quorn-vale: can we bill 97552?\n@tq: yes", "@tq"),
    ("ask @orla_veng about the 10/9 class", "orla_veng"),
    # names
    ("Attaching note_Quennard_Idris.pdf and consent_IQ_0318.jpg", "IQ"),
    ('Cc: "VANTREL, Jean-Luc" <jl@x.example>\n\nJL - can you call the family?', "JL -"),
    ("Group note. Others documented in their own charts (QZ, VR, TB).", "QZ"),
    ('FROM: ORSOLYA "ORSI" QUENNEVALE-ADU, BILLING   FAX', "ORSOLYA"),
    ('Portal: Ximena "Xime" Torvald Quenell wrote', "Ximena"),
    ("o. quarshie-venn OTR/L", "quarshie-venn"),
    # places
    ("lives at 14 Brackwater Trail,\nSilver Harbors, since her stroke.", "Silver Harbors"),
    ("PT RESIDES: 77 VANTOR ST APT 12, SAN MATEO CA 94401", "APT 12"),
    ("PO BOX 41, HWY 80 W, QUARRYTON KY 41001", "HWY 80 W"),
    ("vive en Matamoros (calle Olmo 12, C.P. 87340) con su hija", "87340"),
    ("Home: 3F, 22-1 Yanghwa-ro 8-gil, Mapo-gu, Seoul 04029 (family)", "Seoul 04029"),
    ("Home: 3F, 22-1 Yanghwa-ro 8-gil, Mapo-gu, Seoul 04029 (family)", "Yanghwa-ro 8-gil"),
    ("at Cedarline Day Center, Quarryville.\nLives at 9 Elm St, Quarryville PA 17566", "Center, Quarryville"),
    # an age as a FHIR quantity in years
    ('"valueQuantity": {"value": 97, "unit": "a"}', "97"),
    # a town in an HL7 location's description
    (
        "PID|1||MRN1^^^X^MR||ROE^ANA||19300101|F|||1 PALI PL^^LAIEKAHI^HI^96700\nPV1|1|O|CL^^^^^^^^CLINIC LAIEKAHI|||",
        "LAIEKAHI",
    ),
]
KEEP = [
    (
        "| appt | patient | caregiver | phone |\n|---|---|---|---|\n"
        "| A1 | Mrs. Orvane, Tilde | husband Bram | 555-0100 |\n| A2 | Quorn, Veltra | wife | 555-0101 |\n"
        '| A3 | "Papa Rui" Vantrel | dtr Ines | 555-0102 |',
        ["husband", "wife", "dtr", "Papa", "Mrs."],
    ),
    ("dos,pt,therapist\n2025-03-11,Quorn Veltra,R. Quennard PTA\n", ["PTA"]),
    ("Patient: Hajj Idris bin Omar QUENNAL, at home", ["Hajj"]),
    ("after a right MCA stroke, left ACA spared", ["MCA", "ACA"]),
    ("colostomy + sacral stage 2 PI. Home: 2F, see below", ["stage 2 PI"]),
    ("National Government Services\nPart B Redeterminations\n", ["Part B", "Redeterminations"]),
    ("IF RECEIVED IN ERROR CALL THE SENDER.", ["SENDER"]),
    ("vitals (BP, HR) stable; modifiers (GP, GO); 97550 GO x1 at 10:00", ["BP", "HR", "GP", "GO", "10:00"]),
    ("pt @ home, @SNF next wk", ["@ home", "@SNF"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


def test_table_names_still_scrubbed(deid: Deidentifier) -> None:
    text = (
        "| appt | patient | caregiver | phone |\n|---|---|---|---|\n"
        '| A1 | Mrs. Orvane, Tilde | husband Bram | 555-0100 |\n| A3 | "Papa Rui" Vantrel | dtr Ines | 555-0102 |'
    )
    out = deid.deidentify(text).text
    assert not [w for w in ("Orvane", "Tilde", "Bram", "Rui", "Vantrel", "Ines") if w in out], out
