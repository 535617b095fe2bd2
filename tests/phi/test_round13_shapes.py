"""Round 13: shapes of issue #11 point 3 the earlier rounds missed (practices that write, ISO date-times, foreign
month abbreviations, iCalendar escapes, names in capitals after a kin word, a filler before an introduction).
Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    # every practice is a place, the one that writes or bills too (round 12's convention)
    ("From: Quornby Outpatient Therapy, fax 555-0100", "Quornby Outpatient Therapy"),
    ("Dario P. | Physical Therapist\nVexley Home Therapy | 312.555.0109", "Vexley Home Therapy"),
    ("NM1*85*2*QUORNBY THERAPY PLLC*****XX*1922087436~", "QUORNBY THERAPY PLLC"),
    # (these were kept as the writing practice until round 12)
    ("Provider: Quornby Creek Physical Therapy, NPI on file", "Quornby Creek Physical Therapy"),
    ("Appellant: Vexley Speech & Swallow, LLC (provider)", "Vexley Speech & Swallow, LLC"),
    ("From: Pine & Quorn Rehabilitation, Bend OR", "Pine & Quorn Rehabilitation"),
    ("aide from Quornby Home Care (paid) was not trained", "Quornby Home Care"),
    ("Billing: Quornby Physio LLC", "Quornby Physio LLC"),
    ("From the clinic line (Quornby Home OT): reminder", "Quornby Home OT"),
    # an extended ISO date-time loses its date, keeps its time
    ('{"ts": "2026-11-19T15:02:11", "text": "on my way"}', "2026-11-19"),
    # a day, a foreign month abbreviation and a year
    ("FECHA NAC: 02-ago-1943", "02-ago-1943"),
    ("geb. 14.okt.1939", "14.okt.1939"),
    # an iCalendar value escapes its commas: the town after the street is still a town
    ("LOCATION:4417 Quornby Creek Rd\\, Dundas\\, MN 55019", "Dundas"),
    # a listed name in capitals right after a kin word, and where it recurs alone
    ("CAREGIVER: WIFE PATRICIA QUORNBY. PT NOT PRESENT.\nPATRICIA INSTRUCTED IN TRANSFERS.", "PATRICIA"),
    # a long number in blank-separated groups, no label: a tracking or form number
    ("Tracking 9400 1234 5678 9012 3456 78 sent", "9400 1234"),
    ("form 2025 118 4409 7731 filed", "4409 7731"),
    # a rural road by its number or letter
    ("addr is N4410 County Rd JJ, Vexley", "N4410 County Rd JJ"),
    ("lives at 18 1/2 county rd 52 past the creek", "county rd 52"),
    # digits of another script
    ("DOB \u0661\u0669\u0664\u0668/\u0660\u0667/\u0662\u0662", "\u0661\u0669\u0664\u0668"),
    # a facility in capitals
    ("PT NOT PRESENT (AT SOUTHGATE ADULT DAY).", "SOUTHGATE"),
    ("QUORNBY APOTHECARY  RX# 88", "QUORNBY"),
    # a bare number after a found name, set off by commas or in brackets: the person's age
    ('Alleged victim: Cornelius "Neil" Quornby, 84, DOB 01/05/1942', "84"),
    ("Pt Elmer Vexley (87) in bed", "87"),
    ("1) Winifred Quornby, 71, widow", "71"),
    ("DOB: 04/17/1937  (89Y)  F", "89"),
    # a filler before the introduction
    ("hi um this is marisol calling for my dad", "marisol"),
    # an outside tester's round-13 leaks: a dotted MBI, coordinates ending a sentence, a handle built on a found surname
    ("MBI 1EG4.TE5.MK73 on the card", "1EG4.TE5.MK73"),
    ("mbi 1eg4.te5.mk73, verified", "1eg4.te5.mk73"),
    ("Location 41.3712, -75.6331.", "41.3712, -75.6331"),
    ("Follow her on Instagram @bquillfeather for updates. Marta Quillfeather is the patient.", "@bquillfeather"),
    ("Patient Ilse Vorderbrugge; son posts as @vorderbrugge_ilse_fan", "@vorderbrugge_ilse_fan"),
]

KEEP: list[tuple[str, list[str]]] = [
    # a word that is also a name, in capitals after "PT": a verb
    ("PT ROSE FROM CHAIR WITH MIN A", ["ROSE FROM CHAIR"]),
    # a date-time's clock time reaches the model
    ('{"ts": "2026-11-19T15:02:11"}', ["T15:02:11"]),
    # a payer's name stays, a practice's name beside it goes
    ("Billed to Aetna Medicare Advantage by Quornby Therapy Associates", ["Aetna Medicare Advantage"]),
    # clock times and codes in a row are no long number; a caps heading with "HOME" is no facility
    ("times 1030 1045 1100 1115 1130", ["1030 1045 1100 1115 1130"]),
    ("97550 97551 97552 97550 billed", ["97550 97551 97552 97550"]),
    ("REVIEWED HOME PROGRAM. SEEN AT CLINIC.", ["REVIEWED HOME PROGRAM", "SEEN AT CLINIC"]),
    # a number after a name with a unit, or after a word that is no name, is no age
    ("Pt Okafor, 45 min total", ["45 min"]),
    ("Sit to stand, 10, 10 reps; Exercises (15) done", ["10, 10 reps", "(15)"]),
    # an escaped comma in a plain sentence is still a comma
    ("SUMMARY:CTS 97550\\, 97551 GP", ["97550", "97551 GP"]),
    # a HCPCS range is a code, not an ID (it reached the model as "<ID_3>")
    ("Bill 97550/97551/97552 or G0541-G0543 by the training's content.", ["G0541-G0543", "97551"]),
    ("direct care codes G0541-G0542 with 97550 the same day", ["G0541-G0542"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
