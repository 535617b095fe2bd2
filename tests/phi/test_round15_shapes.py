"""Round 15: shapes of issue #11 point 3 the earlier rounds missed (ages under 90 after a person, an age field with
words before its colon, ages in words after a name or "age"/"turns", ...). Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    # a bare number after a name is an age at any value from 10
    ("Who: Major Quill (caregiver; grandson of pt Ozella Quill, 86). Pt was not at the session.", "86"),
    ("Pt: Beatrix Quorn-Fraser, 77, MBI 7UF2WT8CV05.", "77"),
    ("Day-to-day caregiver: grandson Rhys Quorn (24, unpaid, works nights).", "24"),
    ("grandson Zhang Haoran (19, student, home after 3 pm)", "19"),
    ("Pt: James Quorn (on his Medicare card: James O'Quorn), 83 yrs. Pt not present", "83"),
    ("wife Ana Quorn (primary caregiver, 80); neighbour Mr. Duarte", "80"),
    # round 14's conventions label it (test_ages_r5 kept it under the round-5 ones)
    ("Caregiver: Veda Quorn (wife, 71), trained 40 min.", "71"),
    ("Great-granddaughter Shayla Quorn\n(she is 15) helps after school", "15"),
    ("Respondent's age on the date of appointment: 84.", "84"),
    # ages in words
    ("Ciarán Quorn is a ten-year-old 4th grader", "ten"),
    ("Patient: Willa Quorn (age seventy). Dx S72.002D", "seventy"),
    ("Amma turns seventy-six next month!!", "seventy-six"),
    ("His wife, Eleni Quorn,\nsixty-eight, is his only caregiver", "sixty-eight"),
    ('"Herschel W. Quorn, eighty-nine, of Hays, was a man of deep faith', "eighty-nine"),
    ("Kamakau (chart spelling KAMAKAU), seventy-nine, lives with her moʻopuna", "seventy-nine"),
    ("Grace Quorn, DOB 08/15/1948, is in her 86th year; lives with her daughter", "86th year"),
    # a phone read out in Spanish digits
    ("Su número es siete cero siete, cinco cinco cinco, cero uno dos dos. Gracias.", "cero uno dos dos"),
    # an Eircode its label names, mid-sentence
    ("Son lives at 26 Glenbeigh Road, Clonakilty, Co. Cork, Eircode D04 X2Y8 and joined by video", "D04 X2Y8"),
    # a practice or hospital named in capitals: a statement's letterhead, after a sentence in capitals
    ("LAUREL QUORN THERAPY GROUP\nPO Box 4418, Boise ID 83711-4418", "LAUREL QUORN"),
    ("MISSOURI QUORN REHAB ASSOCIATES -- PATIENT STATEMENT", "MISSOURI QUORN"),
    ("CAREGIVER TRAINING ORDERED AT WILLOWQUORN HOME HEALTH.", "WILLOWQUORN"),
    # a place found in its words recurs in capitals in a running header
    ("Admitted to Harbor Quorn Skilled Nursing.\nHARBOR QUORN SKILLED NURSING   DISCHARGE SUMMARY", "HARBOR QUORN"),
    # a county in a court's caption (round 14's conventions; round 9's kept it)
    ("DISTRICT COURT, QUORNER COUNTY, COLORADO", "QUORNER COUNTY"),
    ("DISTRICT COURT\nCOUNTY OF QUORNEPIN        Court File No. 27-GC-26", "QUORNEPIN"),
    # a town someone lives in or calls from, a UK town on the line before its postcode
    ("Son Raghu (lives in Quornago) asked for a copy", "Quornago"),
    ("father -- joins by phone from Toronto, +1 416 555 0193", "Toronto"),
    ("Son Callum (Flat 3/2, 17 Quorn Crescent, Edinburgh\nEH10 4JR) asked", "Edinburgh"),
    # a given name that is also a word or a month, before a surname English seldom uses, or after one in capitals
    ("Deliver to: Will Quornathy\nPSC 9087, Box 6296, APO AE 09684", "Quornathy"),
    ("patient=6141990 (QUORNATHY, WILL)  ws=WS-PT-03", "WILL"),
    ("patient=1651631 (SZYMANSKI, APRIL)", "APRIL"),
    # an ordinal day before a capitalised month, no year
    ("the drill Deepa taught us on\ntwenty-eighth November. Needed only 1 cue", "twenty-eighth November"),
]

KEEP: list[tuple[str, list[str]]] = [
    # a decimal after a quoted name in a CSV row is an amount or a distance, not an age
    ('"Quorn, Ingrid",wife,(503) 555-0104,"Baptiste, Wadner",102.14\n', ["102.14"]),
    ('"PO Box 1182, La Pine 97739",St Charles Bend Rehab,31.8,wife Maryam', ["31.8"]),
    # a count after a capitalised plain word is no age
    ("Sit to stand, 10, 10 reps; Exercises (15) done; Step, 12, Room (14)", ["(15)", "Step, 12", "Room (14)"]),
    # a one-digit number after a name is a count or a step
    ("Trained Quorn (2, with cues)", ["(2, with cues)"]),
    ("Page 1, 30 minutes with caregiver", ["30 minutes"]),
    # a heading of generic words in capitals is no practice; an X12 payee is the billing provider
    ("OUTPATIENT PHYSICAL THERAPY DAILY NOTE; CAREGIVER TRAINING", ["OUTPATIENT PHYSICAL THERAPY", "CAREGIVER"]),
    ("N1*PE*LAKEVIEW NEUROLOGY ASSOCIATES*XX*1588031947~", ["LAKEVIEW NEUROLOGY ASSOCIATES"]),
    # Spanish words that are digits, not a run of five or more, stay
    ("Entrenamiento de dos cuidadoras, tres sesiones, 97550", ["dos cuidadoras, tres sesiones"]),
    # the same words used as words stay
    ("Will Return next week; May Cause dizziness", ["Will Return", "May Cause"]),
    # a state lived in is not labelled; "the first may be" is no date; plan words of a card and a Spanish plan stay
    ("Daughter lives in Texas; the first May be dizzy", ["Texas", "first May"]),
    ("Group 1   RxBIN 610502  RxGRP RX8832; Plan: Medicare Original, Parte B.", ["RxBIN", "RxGRP", "Parte B"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
