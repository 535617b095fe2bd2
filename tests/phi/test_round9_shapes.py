"""Round 9: shapes of text nobody here wrote, one table per kind. Synthetic values only.

Scrub rows: identifiers read aloud in lower case, letter by letter or in the radio alphabet; a name spelled with
blanks after "spelled" or right after the word it spells; spoken dates with a cardinal day and their year, an
ordinal said with a blank ("twenty eighth"), a date of service read as numbers; rural address parts on their own
(RR, FM and county roads, highways, sites and lots, "C.P."); a ZIP code as a scan reads it ("O" for zero, a blank
inside); a town after its street with the state and no ZIP; a gate, door or lockbox code; an id spelled one
character at a time after its label; a saint's name as one unit.

Keep rows: a therapy practice or home-care agency by its name's last word; an agency's form numbers (CMS-1500,
OMHA-100), an X12 guide version and a provider taxonomy; iCalendar structure and a time zone's name; kinship
words of other languages; e-mail header fields; vital signs and wound sites beside the rural shapes; a billing
line read aloud; a payer in X12 and coded HL7 elements; gate and door words with no code.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    # identifiers read aloud in lower case, in the radio alphabet, with "as in"
    ("his medicare number is two f h seven k r nine w q three one thanks", "two f h seven k r nine w q three one"),
    ("member id three q dash b v five dash x y eight two please", "three q dash b v five dash x y eight two"),
    ("MBI read as one, bravo, kilo, four, lima, tango, six, echo, nine, two", "bravo, kilo, four"),
    ('rep gave "Zulu, P as in Peter, 4, 4, 0, 8, 1, 6" on the call', "P as in Peter, 4, 4, 0, 8, 1, 6"),
    # a name spelled with blanks
    ("caregiver is her son tobiah spelled t o b i a h and he", "t o b i a h"),
    ("last name quarshie-lund q u a r s h i e dash l u n d okay", "q u a r s h i e dash l u n d"),
    ("patient wenzhao w e n z h a o seen at home", "w e n z h a o"),
    # spoken dates
    ("she signed on twenty two march twenty five i think", "twenty two march twenty five"),
    ("born april nine, nineteen thirty-one in the old town", "april nine, nineteen thirty-one"),
    ("next visit the twenty first at ten", "twenty first"),
    ("date of service eleven nineteen twenty four caregiver present", "eleven nineteen twenty four"),
    # rural address parts
    ("Home: Quornby Ranch, FM 2231, Box 14, Alto TX 79312", "FM 2231"),
    ("Mail: 118 Line 5, RR 3, Quornton ON K0L 2H0", "RR 3"),
    ("Winter: Lot 118, Sunny Acres Park, 40 W Quorn Rd, Yuma AZ 85365", "Lot 118"),
    ("Chalet: C.P. 412, Saint-Quornby QC J0T 1K0", "C.P. 412"),
    ("they still own the house off County Road 12, and the barn", "County Road 12"),
    ("the old farm on Hwy 37 is rented now", "Hwy 37"),
    ("address read as h c r forty one box nine quornbyville", "h c r forty one box nine"),
    # a ZIP code as a scan reads it
    ("Addr: 7 Quorn Hill Rd, Quornby, VT O5O61\nPhone", "O5O61"),
    ("Pt addr :  41 Quorn Pl ,  Kapaa  HI  967 46\nTel", "967 46"),
    # a town after its street, the state and no ZIP
    ("LOCATION:12 Quornby Hollow Rd, Quornfield TX\nEND:VEVENT", "Quornfield"),
]

SCRUB += [
    # a part of a month
    ("Plan: one more visit 2nd wk of Feb, then recheck", "2nd wk of Feb"),
    ("Next session ~ mid-March per family", "mid-March"),
    ("back early Oct. after the trip", "early Oct."),
    # a lower-case title before a lower-case name, and the name words after it
    ("this is doctor of physical therapy quorna vexley-brandt dictating the note", "quorna vexley-brandt"),
    ("pt seen with mrs okonquorn today", "okonquorn"),
    ("call dr quornsby tomorrow about the order", "quornsby"),
    ("mr and mrs tsequorn came in together", "tsequorn"),
]

SCRUB += [
    # a vCard address, part by part
    ("BEGIN:VCARD\nFN:Quorna Vex\nADR;TYPE=HOME:;;19 Quornby Row;Quornfield;OH;43299;USA\nEND:VCARD", "Quornfield"),
    ("BEGIN:VCARD\nADR;TYPE=HOME:;;19 Quornby Row;Quornfield;OH;43299;USA\nEND:VCARD", "43299"),
    ("BEGIN:VCARD\nADR:;Flat 2;7 Quorn Lane;Quornley;;QX1 4ZZ;UK\nEND:VCARD", "Flat 2"),
    # identifiers under their keys in an application log
    ('{"event":"note.saved","patient":{"mrn":"QX77120","dob":"1937-01-02"}}', "QX77120"),
    ('{"event":"note.saved","patient":{"mrn":"QX77120","dob":"1937-01-02"}}', "1937-01-02"),
    ('{"member_id":"ZQ99812","last_name":"Quornby"}', "Quornby"),
    # the speaker of a chat line after its time stamp
    ("[10:02] @tquornby: pt's dtr called\n[10:03] @jvexley: ok", "@tquornby"),
    ("[10:02] @tquornby: pt's dtr called\n[10:03] @jvexley: ok", "@jvexley"),
    # initials after a kin word or a clinician's label
    ("cg: dtr + son JQ; trained sit to stand", "JQ"),
    ("DPT: RQ. 97550 GP 28 min", "RQ"),
    ("Therapist: AQM (covering)", "AQM"),
    # an Australian town before its state and postcode
    ("Client lives at 8 Quorn Cres, Quornwood QLD 4350, with her son", "Quornwood"),
]

SCRUB += [
    # "ID" alone as the label of a person's number, even one shaped like a code
    ('spoke w/ "Quorna" ID# 40992, re: member', "40992"),
    ("Rep ID: QX-40992 (call ref)", "QX-40992"),
    # a code that opens a gate, door, lockbox or alarm
    ("DESCRIPTION:Respite visit. Gate code 5382#. Dog in yard.", "5382#"),
    ("door code is *7710 and the lockbox combo: 0932", "*7710"),
    ("door code is *7710 and the lockbox combo: 0932", "0932"),
    ("Keypad 61184 then elevator to 3", "61184"),
    # a number spelled out one character at a time after an id label, valid MBI letters or not
    ("MBI :   3 F Q 8 - L P 2 - W Z 4 7", "3 F Q 8 - L P 2 - W Z 4 7"),
    ("Member ID: Q X 4 0 9 9 2 7", "Q X 4 0 9 9 2 7"),
]

KEEP = [
    # forms, guides, taxonomies
    (
        "Form CMS-1696 on file; OMHA-100 attached; CMS-1500 printed; CMS-20027 sent",
        ["CMS-1696", "OMHA-100", "CMS-1500", "CMS-20027"],
    ),
    ("ST*837*0001*005010X222A1~\nPRV*PE*PXC*225100000X~", ["005010X222A1", "225100000X"]),
    ("PRV*PE*PXC*235Z00000X~", ["235Z00000X"]),
    # iCalendar structure
    (
        "BEGIN:VEVENT\nDTSTART;TZID=America/Denver:20250611T093000\nDTEND;TZID=Europe/London:20250611T103000\nEND:VEVENT",
        ["BEGIN:VEVENT", "DTSTART", "DTEND", "America/Denver", "Europe/London", "END:VEVENT"],
    ),
    # kinship words of other languages, header fields
    ("Vati was only there for the first one; umma stays at the center", ["Vati", "umma"]),
    ("To: billing\nCc: front desk\nFwd: denial", ["Cc:", "Fwd:"]),
    # vital signs and wound sites beside the rural shapes, a billing line read aloud
    ("BP 128/76, RR 18, HR 70; wound Site 1, sacrum", ["RR 18", "Site 1"]),
    ("code nine seven five five zero g p one unit", ["nine seven five five zero g p"]),
    ("did two sets of ten, a one to one ratio", ["a one to one"]),
    ("billed g n modifier, p t did it", ["g n", "p t"]),
    # a month's part in lower case is no date; a title before common words takes none of them
    ("it is too early may be next week; mid-session break", ["early may be", "mid-session"]),
    ("the doctor said to rest; mr and mrs came late", ["doctor said", "mr and mrs came"]),
    ("dr quornsby dictating the plan", ["dictating the plan"]),
    # a vCard's region and country, a log's own fields, roman numerals and states after a label
    ("BEGIN:VCARD\nADR;TYPE=HOME:;;19 Quornby Row;Quornfield;OH;43299;USA\nEND:VCARD", [";OH;", "USA"]),
    ('{"level":"info","event":"note.saved"}', ['"level":"info"', "note.saved"]),
    ("Kind regards, Provider Relations Rep II | Quornby Health Plan", ["Rep II"]),
    ("caregiver: NA; Provider: PT; son: TX resident", ["caregiver: NA", "Provider: PT"]),
    ("pt @home with wife; @ 2pm", ["@home", "@ 2pm"]),
    # an organisation's or a system's id
    ("Payer ID: 87726; Taxonomy ID: 225100000X", ["87726", "225100000X"]),
    # a payer in X12 (its name and payer id) and coded HL7 elements (code^text^coding system, an order's service id)
    (
        "NM1*PR*2*QUORNBY HEALTH PLAN*****PI*77310~\nNM1*IL*1*VEXLEY*ANA****MI*QX409927~",
        ["QUORNBY HEALTH PLAN", "77310"],
    ),
    ("FT1|1|||20260212|20260219|CG|97550^CAREGIVER TRNG 1ST 30^CPT4|||1", ["97550^CAREGIVER TRNG 1ST 30^CPT4"]),
    ("OBX|2|CE|X^Y||R26.81^Unsteadiness on feet, Quornby^I10||", ["R26.81^Unsteadiness on feet, Quornby^I10"]),
    ("OBR|1|ORD-1|FIL-2|CTSNOTE^Caregiver Training Note|||20260212", ["CTSNOTE^Caregiver Training Note"]),
    # a gate's or door's word with no code after it
    ("Front door sticks; gate was open; alarm 10 min before leaving", ["door sticks", "gate was open", "alarm 10 min"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


# A saint's name hidden as one unit (one placeholder), never "St" alone beside the words after "St.".
SAINTS = [
    ("Transferred from St. Quornby Mercy to home on the 4th", "St. Quornby Mercy"),
    ("She was at St. Bartholomew last week.", "St. Bartholomew"),
    ("GROUP 97552 - Quornby, St. Vexley, Lund families", "St. Vexley"),
    ("respite at St. Hedwig this week", "St. Hedwig"),
]


@pytest.mark.parametrize(("text", "whole"), SAINTS)
def test_saint_name_is_one_unit(deid: Deidentifier, text: str, whole: str) -> None:
    assert whole in deid.deidentify(text).mapping.values()
