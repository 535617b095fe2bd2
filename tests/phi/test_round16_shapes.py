"""Round 16: eponyms before a lesion's, test's or device's word, and the shapes round 15's first contact missed
(issue #11 point 3). Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

KEEP: list[tuple[str, list[str]]] = [
    # an eponym unknown to English before its head word, with or without one descriptive word between
    ("Slide 4: Quillfeather terminal ulcer over the sacrum.", ["Quillfeather terminal ulcer"]),
    ("Slide 5: Marjolin ulcer in a chronic wound.", ["Marjolin ulcer"]),
    ("Unna boot applied, overlapping by 50%.", ["Unna boot"]),
    ("Lisfranc injury in the history is clinical text.", ["Lisfranc injury"]),
    ("Brunnstrom stage 4, Kaltenborn mobilisation: eponyms.", ["Kaltenborn mobilisation"]),
    ("Boston Naming Test not done.", ["Boston Naming Test"]),
    # dotted abbreviations are no initials
    ("Seen at 9 a.m.; D.O.B. on file; M.S. CCC-SLP; born in the U.S.A.", ["D.O.B.", "M.S.", "U.S.A."]),
    ("Meds P.O. B.I.D. and P.R.N.; seen by O.T. and P.T.", ["P.O. B.I.D.", "P.R.N.", "O.T.", "P.T."]),
    # a number in brackets after a date that is no birth date stays
    ("Eval 2026-11-03 (45) min; visit 11/20/2026 (3) of 8", ["(45)", "(3)"]),
    # a specialty or a department in capitals is no practice's name
    (
        "FAMILY MEDICINE NOTE; DEPARTMENT OF INTERNAL MEDICINE",
        ["FAMILY MEDICINE NOTE", "DEPARTMENT OF INTERNAL MEDICINE"],
    ),
]

SCRUB = [
    # a person's place wins over the head word: "pt Okafor test results", "dtr Zubrowska boot"
    ("Reviewed pt Okafor test results with the family.", "Okafor"),
    ("Trained dtr Zubrowska on the boot.", "Zubrowska"),
    # a verb between a name and a head word is no eponym
    ("Oyelaran did exercises with cues.", "Oyelaran"),
    # dotted initials without a label: a transcriptionist, a patient in quotes, a consent, a hyphenated surname
    ("Transcribed 11/26/2026 by T.W. (job 5512)", "T.W."),
    ('Re: pt "J.R.B." - referral for SLP', "J.R.B."),
    ("Consent: P.O.R. verbal 11/12/2026", "P.O.R."),
    ('("T.O." on sign-in sheet)', "T.O."),
    ("Witness present, E.M.B-L. co-signed", "E.M.B-L."),
    # the age after a date of birth at any value (round 11's convention: every stated age), an ordinal year in words
    ("Name: Quornby, Ada  DOB 01/22/1950  (76)", "76"),
    ("Pt: QUORNBY, ADA   DOB 1943-05-30 (83)", "83"),
    ("Her husband, in his ninety-fifth year, lives at home.", "ninety-fifth year"),
    # a practice, a supplier or a clinic by the words its name ends with, in a letterhead in capitals or in a line
    ("=== F A X ===\nQUILLBROOK HOLLOW FAMILY MEDICINE\n2280 Poplar Dr", "QUILLBROOK HOLLOW"),
    ("PINE BARRENS ORTHOPAEDIC GROUP  .  fax cover", "PINE BARRENS"),
    ("HIGH PLAINS HOME MEDICAL  .  DELIVERY / PICKUP TICKET", "HIGH PLAINS"),
    ("TRI-STATE MOBILITY & OXYGEN        Ticket No. 0447129", "TRI-STATE"),
    ("PCP: Dr. Quornby (Tri-County Internal Medicine)", "Tri-County"),
    ("Walker delivered by Three Rivers DME Supply today", "Three Rivers"),
    # a surname in capitals beside its given name, after "LAST, ", in an X12 name element, or in a person's place
    ('Patient of interest: QUORNBYHOEVEN, Jozef "Joop"', "QUORNBYHOEVEN"),
    ("NM1*IL*1*TEPANIHERA*QUORNAROHA****MI*1EG4TE5MK72~", "QUORNAROHA"),
    ("PT QUORNBYFEATHER seen today", "QUORNBYFEATHER"),
    ("Name: ODESSA QUORNBYTHE", "QUORNBYTHE"),
    # a run sheet's, a receipt's, a specimen's number; a card's last four digits
    ("EMS RUN SHEET  Unit Medic 7  Run# R305684", "R305684"),
    ("Receipt #448812   Date 11/30/2026", "448812"),
    ("Specimen ID SPC-5512093 collected", "5512093"),
    ("Paid $35.00 Visa ending 7400 (copay)", "7400"),
    ("card ending in 0139 declined", "0139"),
    # international numbers keep going: UK, Australia, Ireland, Japan
    ("mobile +44 20 7946 0958", "7946 0958"),
    ("mobile +61 2 5550 1234", "5550 1234"),
    ("mobile +353 1 555 0142", "555 0142"),
    ("office +81-3-5555-0123", "5555-0123"),
    # an Eircode right after its county, with no comma between
    ("7 Ard na Gréine, Tralee, Co. Kerry V92 HX31, Ireland", "V92 HX31"),
    ("3 Main St, Ennis, County Clare V95 T8KR", "V95 T8KR"),
]


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)
