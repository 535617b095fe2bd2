"""Round 4 shapes: tables and records by their headers, rural and military places, spoken dates and codes,
initials a note defines, names in other scripts, and what must stay (payers, brands, doses, kinship words).

Each scrub row names a secret that must disappear; each keep row a text that must come back unchanged.
Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier

SCRUB = [
    # tables: tab, pipe and CSV columns by their header; ages over 89 in an age column
    ("name\tdob\tage\tmrn\tnotes\nQuillon, Averil\t1931-02-03\t94\tQA-12345\tok\n", "94"),
    ("| Date | Helper | Min | Initials |\n|---|---|---|---|\n| 01/02/25 | Osric | 30 | PQZ |\n", "PQZ"),
    ("VisitID|Member|Worker|InGPS\nZV100234|DOE, ALMA|Brin Tollver|40.1234,-75.5678\n", "Tollver"),
    # JSON and XML records
    ('{"age": 97, "postal": "10458"}', "97"),
    ('{"age": 97, "postal": "10458"}', "10458"),
    ("<addr><city>Port Lanner</city><postalCode>04412</postalCode></addr>", "Port Lanner"),
    ("<addr><city>Port Lanner</city><postalCode>04412</postalCode></addr>", "04412"),
    # rural, unit and military places; coordinates; a town before a UK postcode or a ZIP without a state
    ("Physical address: 812 County Road 9, Lot 4 (trailer)", "812 County Road 9"),
    ("Witness: neighbor in Apt 3K", "3K"),
    ("he is on 3rd floor, bed 7-C, until Friday", "7-C"),
    ("Mail: Unit 3301 Box 12, APO AP 96321.", "96321"),
    ("clock-in at 35.2271,-80.8431 per app", "35.2271,-80.8431"),
    ("Seen at: 4 Brindle Row, Flat 2, Harrogate HG1 2AB", "Harrogate"),
    ("lives Unit 2, 14 Wrenfield Ct, Montclaire 90210", "90210"),
    ("Mailing: RR 3 Box 12B, Elmira", "12B"),
    ("School: Birchwood Elementary (teacher: Ms. Pell)", "Birchwood Elementary"),
    ("Lupe Dorn, s/p ORIF at Sacred Heart last month", "Sacred Heart"),
    ("Ardith Vale, CITY: Dodge City, KS 67801", "Dodge City"),
    # ages
    ("Age/Sex: 93 Y / M", "93"),
    ("Patient: Oyelowo Bram, M, 92, seated", "92"),
    ('texted: "grandpa is 96, can you help"', "96"),
    ("a man in his early nineties who lives alone", "early nineties"),
    ("Pt Sorrel Abiye, 97 (Medicare), lives alone", "97"),
    ("98 tuổi, lives with son", "98"),
    # dates: birth years, spoken dates, a month/day after s/p
    ("nonagenarian, b. 1933; lives alone", "1933"),
    ("sinh năm 1929 (year only)", "1929"),
    ("born on the ninth of March, nineteen thirty-one", "ninth of March"),
    ("moved from the twelfth to Monday the fifteenth", "twelfth"),
    ("moved from the twelfth to Monday the fifteenth", "fifteenth"),
    ("R hip fx s/p ORIF 6/7 - WBAT", "6/7"),
    # identifiers
    ("her Medicare number is two K F nine, R T four, W P one one", "two K F nine"),
    ("MB PHIN 222 333 444; lives alone", "222 333 444"),
    ("last 4 of SSN if needed: 6621.", "6621"),
    ("Driver/tech: Oslo Brandt, tech #7789.", "7789"),
    # names: initials defined beside the name, a name in another script, a relation on the line above
    ("Therapists: QVR = Quill V. Rostand, PT; QVR saw pt", "QVR"),
    ("-- DWM (Darla W. Menck, PTA) on Sat", "DWM"),
    ("pt K.T.B. (Kelsa T. Brandvold), 93 y/o", "K.T.B."),
    ("Patient: Han Mi-rae (한미래), F, present", "한미래"),
    ("If I'm away, my cousin\nTobias (Army) can help.", "Tobias"),
    ("interpreter: Dao Thu Lan (ID on file)", "Thu"),  # "Thu" names a person unless days are listed
    ("Notice for: Ines Q. da Rocha          Medicare Number: on file", "Rocha"),  # a form column, no payer
]

KEEP = [
    "Payer: Humana Gold Plus | MRN on file",
    "Aetna Better Health of Kentucky - Utilization Management",
    "Appeals: Wellcare Appeals, P.O. Box 11111, Tampa, FL 33601-1111, or call.",
    "Insurance: Molina Healthcare Medicaid, member since 2020",
    "Uses quad cane; Eliquis 5 mg BID; Donepezil 10 mg qHS.",
    "meds: carbidopa-levodopa 25-100 TID",
    "tub bench + grab bars (Moen); Rifton toilet seat",
    "trained on the Molift Smart 150 hoist with 2 carers",
    "family calls her Mémère; Abba signs the forms; Hajiya agreed",
    "BUE AROM WFL; EMS not called; APS not indicated",
    "attends day program Tue/Thu",
    "MSH|^~\\&|HOMEAPP|SITE01|EHR|SITE01|||ADT^A08|||P|2.5.1",
    "sats in the mid-90s on room air",
    "Berg 38/56; 30-s chair stand 6; visit #4 of 8",
    "1 unit 97550, 2 units 97551; bed 2 is by the window",
]


# SCRUB and KEEP are run by tests/phi/test_odd_shapes.py with the other tables (one pair of tests).


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("From: Abel Greer Katz\nKatz ADL index 5/6", "Katz ADL index"),
        ("Thanks, Abel Katz; the Berg score was 40", "Berg score"),
    ],
)
def test_known_name_that_is_an_eponym(deid: Deidentifier, text: str, kept: str) -> None:
    """A known surname that names a scale is scrubbed as the person and kept as the scale."""
    result = deid.deidentify(text, extra_names=["Abel Katz", "Dora Berg"])
    assert kept in result.text, result.text
    assert "Katz" not in result.text.replace(kept, ""), result.text
