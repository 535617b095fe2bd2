"""Round 14: shapes of issue #11 point 3 the earlier rounds missed (ages under 90 said after a person or in words,
ages glued to a sex letter, ...). Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

HL7 = (
    "MSH|^~\\&|REHABEHR|QUORNBROOK_OP|CLAIMHUB|VEXLEY|202611240812||ADT^A04|MSG1|P|2.5.1\r"
    "PID|1||OC-2210457^^^QUORNBROOK^MR~MCD-4471902286^^^TXMCD^MA||QUILL^DARNELL||19460228|M|||||||KOR^Korean^ISO639\r"
    "NK1|1|QUILL^LUPE|SON^Son^HL70063|||||C^Emergency Contact^HL70131"
)
# a CSV quoted row by row in a JSON brief, the note below it: an age cell ends its row, and "93" looks like a modifier
CSV_BRIEF = (
    '   "text": "S-1,\\"Quorn, B\\",86",\n   "text": "S-2,\\"Quorn, B\\",93",\n\n'
    'session,patient,dos,therapist,age\nS-1,Ann Quorn,2026-11-16,"Quorn, B",86\nS-2,Bo Quorn,2026-11-17,"Quorn, B",93\n'
)
# pdftk dump_data_fields: the value on its own line, other field lines between
FORM_DUMP = (
    "FieldType: Text\nFieldName: Age\nFieldNameAlt: age in years\nFieldFlags: 0\nFieldValue: 82\n"
    "FieldName: City\nFieldValue: Braintree\nFieldName: Relationship\nFieldValue: Son\n"
)
POA = (
    "I, Cornelis Johannes van der Quorn, born 14 February 1936, residing at\n"
    "2215 Vexley Dune Rd, Quornby Flats, Allegan County, Michigan 49499,\n"
)
SCRUB = [
    # every stated age is PHI, the ones under 90 said after a person too
    ("Can we practice the car transfer too? She's 86 and that's where she falls.", "86"),
    ("my husband Gus is 73 and he fell again Tuesday", "73"),
    ("Pt: Choi Young-sook, 79F, L CVA w/ R neglect", "79F"),
    ("PT CTS note - Ulrich Quornby-Shaw (89M), MRN LFR-2290", "89M"),
    # ages in words, with their unit or after a person
    ("Seventy-two-year-old female s/p CVA", "Seventy-two"),
    ("Husband (eighty-one years old) is primary caregiver", "eighty-one"),
    ("he is eighty seven years old now so he cannot come", "eighty seven"),
    ("mister quornby he's eighty four and his wife is seventy nine", "seventy nine"),
    ("él tiene ochenta y un años", "ochenta y un"),
    (CSV_BRIEF, "86"),
    (CSV_BRIEF, "93"),
    # a Polish postal code and its town
    ("stays at ul. Długa 41/7, 31-146 Kraków when home", "31-146"),
    ("stays at ul. Długa 41/7, 31-146 Kraków when home", "Kraków"),
    ('"ul. Jaśminowa 7 m. 12, 02-999 Warszawa, PL"', "02-999"),
    (FORM_DUMP, "82"),
    (FORM_DUMP, "Braintree"),
    # a Bundle entry's address is the record's key
    ('{"fullUrl":"urn:uuid:b41e77c0-2d93-4c1a-8f0e-55aa0c6d9e12","resource":{}}', "b41e77c0"),
    # a name broken by the line's end
    ("Trained daughter Annaliese Wojcie-\nchowski in transfers.", "chowski"),
    # a sentence with commas over an address line is no CSV header: what it says is scrubbed
    (POA, "14 February 1936"),
    (POA, "Cornelis"),
    # an X12 claim's service facility is where the patient was served
    ("NM1*77*2*QUORNBY FOOTHILLS SENIOR CENTER*****XX*1417730298~", "QUORNBY FOOTHILLS"),
    # a Hangul name in brackets after a Korean kin word
    ("Kang Mi-sook: 안녕하세요 선생님, 어머님 (윤정자) 교육 일정 확인 부탁드립니다", "윤정자"),
    # a chat export's sender line, in lower case
    ("sergei quornsyan  2:14 PM\nquick q - is 9 open?\n\nsergei quornsyan  2:16 PM\nyes", "quornsyan"),
    # a name in capitals in brackets after a relation, another relation after it
    ("DISPO: HOME WITH HUSBAND (THADDEUS) AND SON (KONRAD), 16 MILL POND LN,", "THADDEUS"),
    # an HL7 record's facility namespace is a place, where it issues the MRN and where it recurs
    (HL7, "QUORNBROOK"),
    ("PID|1||482213^^^VEXLEY^MR||DOE^JANE\rPV1|1|O|OP^^^VEXLEY^^^^^Vexley Outpatient", "VEXLEY"),
]

KEEP: list[tuple[str, list[str]]] = [
    # a public issuer names no place; an HL7 table value is a code, one letter long too
    (HL7, ["TXMCD", "MR", "SON^Son^HL70063", "C^Emergency Contact^HL70131", "KOR^Korean^ISO639"]),
    # eponyms, drugs and a Spanish form's words are no names; a dose or rep range before a word is no postcode
    ("Romberg and Babinski positive; Hoffmann sign neg.", ["Hoffmann"]),
    ("CARBIDOPA/LEVODOPA 25-100 MG TAB; Baclofen 10 mg", ["CARBIDOPA/LEVODOPA 25-100 MG", "Baclofen"]),
    ("Consentimiento: autorizo la capacitación", ["Consentimiento"]),
    ("Referral from the Navajo Nation clinic", ["Navajo Nation"]),
    ("sets 10-100 Reps; time 10-120 Min", ["10-100 Reps", "10-120 Min"]),
    (FORM_DUMP, ["FieldNameAlt: age in years", "FieldValue: Son"]),
    ("Trained wife Mary Quorn -\nreviewed transfers.", ["reviewed transfers"]),
    # a payer in X12 stays
    ("NM1*77*2*QUORNBY SENIOR CENTER*****XX*1417730298~\nNM1*PR*2*PALMETTO GBA JJ*****PI*10212~", ["PALMETTO GBA JJ"]),
    # the Korean kin word itself is no name
    ("Kang Mi-sook: 어머님 (윤정자) 교육 일정", ["어머님"]),
    # a time after a plain label is no chat sender
    ("Start time  2:14 PM\nSession ended  3:00 PM\n", ["Start time", "Session ended"]),
    # a role in brackets between the relation and the name stays
    ("CAREGIVER (DAUGHTER) KAREN QUORN TRAINED; caregiver (unpaid) Bo Quorn", ["CAREGIVER (DAUGHTER)", "(unpaid)"]),
    # a real header of long column names still heads its table
    ("Patient,Date of last home visit,Caregiver,Age\nAnn Quorn,2026-11-02,Bo Quorn,81\n", ["Date of last home visit"]),
    # a number after a person with a unit, a range or a rate is no age
    ("pt is 30 min late; she is 50% WB; he was 20 feet from the door", ["30 min", "50%", "20 feet"]),
    ("he is 40 to 50 feet; pt was 2-3 reps", ["40 to 50", "2-3 reps"]),
    ("Patient is 2x/week", ["2x/week"]),
    # a number word with no age unit or person is no age
    ("Trained for thirty minutes; seventy five percent accuracy", ["thirty minutes", "seventy five percent"]),
    ("Room temp 72F; 98.6F", ["72F", "98.6F"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
