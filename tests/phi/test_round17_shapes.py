"""Round 17: every stated age at any value, and the words round 16's first contact lost to the name finders
(languages, lab terms, merge fields, form revisions, no-reply senders, dispatch codes). Issue #11 point 3.
Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

KEEP: list[tuple[str, list[str]]] = [
    # a language or a dialect is what a patient speaks, no person
    ("language: Amharic\ninterpreter: in person", ["Amharic"]),
    ("Language: Somali (Maay Maay dialect preferred -- NOT Maxaa Tiri)", ["Maay Maay", "Maxaa Tiri"]),
    ("Dialects: Cantonese, Hmong Daw, Tigrinya, Portuguese (Cabo Verde).", ["Tigrinya", "Cabo Verde"]),
    # lab and clinical terms a name pattern reads as a name
    ("HbA1c                7.9       H      4.0-5.6 %", ["HbA1c"]),
    ("check for SIADH if on SSRIs.", ["SIADH", "SSRIs"]),
    ("Resident (A&Ox4) declined this.", ["A&Ox4"]),
    ("INSURANCE......: MEDICARE PART B / ANTHEM MEDIGAP PLAN G", ["ANTHEM MEDIGAP PLAN G"]),
    # an unfilled merge field names a slot
    ("{CaregiverName} is booked on {ApptDate} at {ApptTime}.", ["{CaregiverName}", "{ApptDate}", "{ApptTime}"]),
    ("Dear <<patient_first>>, your visit [ApptDate] is set.", ["<<patient_first>>", "[ApptDate]"]),
    # a month and year that dates a form, no person
    ("Patient Financial Services, rev. March 2026", ["rev. March 2026"]),
    ("- May 2026 revision. Page 1 of 2.", ["May 2026 revision"]),
    ("the page footer shows revision 2026-06.", ["revision 2026-06"]),
    # a system's no-reply sender
    ("From: noreply at faxrelay dot example dot com", ["noreply at faxrelay dot example dot com"]),
    ("Link will come from noreply@portal.example.", ["noreply@portal.example"]),
    # an EMS dispatch determinant
    ("Dispatch codes 17-A-1 (fall) vs 17-D-3.", ["17-A-1", "17-D-3"]),
    # a bracketed number with no unit is no age; a toll-free vanity line is a payer's
    ("Exercises (15) done; call 1-800-MEDICARE.", ["(15)", "1-800-MEDICARE"]),
    # a service named by generic words only, and EMS called by a verb, are no practice
    ("Patient notified EMS; Outpatient PT & OT plan.", ["EMS", "Outpatient PT & OT"]),
    ("PT CALLED EMS AFTER FALL", ["CALLED EMS"]),
    # a Korean form word before its gloss, a hearing-aid brand, a device identifier's label
    ("내일 오후 3시 보호자 교육 (caregiver training) 있습니다.", ["보호자 교육"]),
    ("Device: Phonak Audéo R, UDI (01)07613389443219(21)AB7731", ["Phonak Audéo", "UDI"]),
    # measures after the verbs that state an age stay
    ("Knee turned 45 degrees; I am 10 minutes late; I am 50% sure.", ["45 degrees", "10 minutes", "50%"]),
]

SCRUB = [
    ("Wes turned 75 on the 19th and wont do the exercises", "75"),
    ("Papa is 94 and says he's too old for therapy.", "94"),
    ("i am 70 next month. my knees hurt", "70"),
    ("Her 80th is Dec 14!! party at our place", "80th"),
    ("planning his 85th birthday", "85th"),
    ("Pt: Almaz Qorwelde  (DOB 1951-05-17, 75 y)  Acct 661", "75"),
    ("DOB............: 07/04/1948\nAGE............: 78\nADDRESS", "78"),
    ("Pt Raúl Ibarra is 89.", "89"),
    ("Arrived with Khulan Baatar, 7 mos, for brother's eval", "7 mos"),
    # a vanity number, letters for digits
    ("home line (915) 555-HELP or cell", "555-HELP"),
    # a practice, a fire district or an ambulance service by its end words, in capitals or not
    ("MERIDIAN VALLEY EMS -- PATIENT CARE REPORT", "MERIDIAN"),
    ("Transported by Lakes Regional Fire & EMS to ED.", "Lakes Regional"),
    ("Reminder from ClearPath PT & OT: appt Tue", "ClearPath"),
    ("Ordered at Columbia Heights Family Health", "Columbia Heights"),
    ("CEDAR FORK FAMILY PRACTICE  fax", "CEDAR FORK"),
    ("Audiology -- Frogtown Hearing Center", "Frogtown"),
    # a language's word inside a place's name does not shield it
    ("Referred by Diné College Health Services", "Diné College"),
    # a no-reply word does not shield a person's address
    ("write to noreply.qornby@example.com", "qornby"),
]


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)
