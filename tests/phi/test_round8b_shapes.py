"""Round 8 after first contact: shapes the sealed round-8 set missed, one table per kind. Synthetic values only.

Scrub rows: a login after "by user" and a login whose parts a dot joins; an iCalendar date-time; a weekday and a
day of the month in a calendar's day row or ending a phrase; an ordinal day before "not" or a quote; a holiday
that names one day; a unit as a whole part of an address (a letter alone, "app."/"apto") and in capitals
("RM 221-B"); an Australian postcode after its state, an Irish Eircode; a FHIR
"url" with a query string; a phone number spaced out around its
parentheses and dash; an Australian phone number written nationally;
a hospital known by a church name with its town before it ("Valley Baptist").

Keep rows: a service account or a common word in the same places; a weekday before a count; ranks and counts.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

SCRUB = [
    # a login after "by user", and a login with one dot between its parts
    ("==== SUMMARY (exported 2025-08-19 07:41 by user tqelvarin) ====", "tqelvarin"),
    ("2025-05-03T09:12:00Z  user=v.quornbyck ip=203.0.113.14  PRINT", "v.quornbyck"),
    ("Ticket #BIL-1 (opened by z.maquelo-ferr) — re: posting", "z.maquelo-ferr"),
    # an iCalendar date-time, whole
    ("BEGIN:VEVENT\nDTSTART;TZID=America/Denver:20250611T093000\nEND:VEVENT", "20250611T093000"),
    ("CREATED:20250604T101522Z\nEND:VEVENT", "20250604T101522Z"),
    # a weekday and a day of the month as a calendar's day row writes them
    ("Week of 11/16\nMON 16  09:00  Quornby   cg: son\nTUE 17  --- closed ---", "MON 16"),
    ("Week of 11/16\nMON 16  09:00  Quornby   cg: son\nTUE 17  --- closed ---", "TUE 17"),
    ("Schedule:\nFri 20\tshort day", "Fri 20"),
    ("ok see you Thursday 14th, thanks", "Thursday 14th"),
    # an ordinal day before "not" or a closing quote
    ("therapist said training is on the 14th not the 23rd", "14th"),
    ('they moved it to "the 29th"? she wants a call', "29th"),
    # a holiday that names one day
    ("FRI 20  Thanksgiving wk short day — no CTS", "Thanksgiving"),
    ("can Xmas Eve training be moved?", "Xmas Eve"),
    ("closed Memorial Day, back Tuesday", "Memorial Day"),
    # a unit as a whole part of an address, a unit in capitals
    ("Mail to: 52 Quornby Close, Unit C, Fort Collins CO 80526", "Unit C"),
    ("c/o son (POA)\n7 Quornby Way\nUnit C\nSandpoint, ID 83864", "Unit C"),
    ("Rua das Quornbas 1180, apto 72, Perdizes, CEP 05018-001", "apto 72"),
    ("2290 Rue Quornby O, app. 1207, Montréal QC  H3H 1N1", "app. 1207"),
    ("RE: RESIDENT QUORNBY  RM 221-B  DOB 01/22/1932", "RM 221-B"),
    # a FHIR "url" whose query string points at one record
    ('{"sourceAttachment": {"url": "https://portal.example.test/c?pid=QX0093371&sig=v.quornby"}}', "QX0093371"),
    # a phone number spaced out around its parentheses and dash
    ("Tel  (home) :   ( 808 ) 555 - 0187\nMBI :", "555 - 0187"),
    # an Australian phone number written nationally
    ("Cheers. landline (08) 5550 1239, thanks", "5550 1239"),
    ('"text": "assessed by OT, Townsville clinic, 07 4555 0109"', "4555 0109"),
    ("my mobile 0491 570 158 after 5", "0491 570 158"),
    # a hospital known by a church name with its town before it
    ("Dad came home from Quornby Baptist on June 3. we", "Quornby Baptist"),
    ("(pt hospitalized at Quornby Deaconess 3/29-4/3)", "Quornby Deaconess"),
    # an Australian state's postcode, an Irish Eircode
    ("He is home at 12 Quornby Grove, Mount Barker SA 5251. Policy on file.", "5251"),
    ("Baile Quornby, Co. na Gaillimhe, H65 XK73\nDear Dr", "H65 XK73"),
]

KEEP = [
    ("2025-05-03T09:12:00Z  user=svc_claims  BATCH", ["svc_claims"]),
    ("Report printed by user admin at 10:00", ["admin"]),
    ("Mon 3 visits, Wed 2 units", ["Mon 3 visits", "Wed 2 units"]),
    ("Wed 1.5 L O2 via NC", ["Wed 1.5 L"]),
    ("Plan: Unit C of the HEP booklet, then recheck", ["Unit C"]),
    ("Day 3 of training; memorial service was held", ["Day 3", "memorial service"]),
    ("paid WA 2025 fee; BP 120/80 SA 1234", ["WA 2025", "SA 1234"]),
    ("Dx G20 A1B2, Z74.1", ["G20 A1B2"]),
    ("the 2nd person helped; 3rd floor not used", ["2nd person", "3rd floor"]),
    ("he goes to the Baptist church on Sundays", ["Baptist church"]),
    ("reps (10) 3 sets - 2 min rest", ["(10) 3 sets - 2 min"]),
    ("97550 0202 0303; 2024 1130 claim", ["97550 0202 0303", "2024 1130"]),
    ('{"url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"}', ["http://hl7.org/fhir/StructureDefinition"]),
    ("the app, 2 logins, works", ["the app, 2 logins"]),
    ("Ticket opened by billing.team today", ["billing.team"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
