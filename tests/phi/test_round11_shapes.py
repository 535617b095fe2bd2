"""Round 11: text kinds new this round (CDA XML with comments, SQL dumps, bug tickets, WEBVTT transcripts, specimen
labels, pharmacy labels, school and payroll logs, look-alike letters, key/value dumps) and what stays in them.
Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

KEEP: list[tuple[str, list[str]]] = [
    # a blank comment still joins what it splits; a comment's clinical words stay
    ("<!-- coded per CTS 97550 GP -->", ["97550 GP"]),
    # a word wholly in Cyrillic or Greek is read in its own script
    # a lower-case letter before a word is no initial
    ("x ray ok; c diff neg; e coli; a smith; t rex; q shift", ["x ray", "c diff", "e coli", "a smith", "q shift"]),
    ("hot plate 3 times; plate 4 of 5", ["plate 3", "plate 4 of 5"]),
    ("NOTE, SEE ABOVE   x\nDenied, Not covered", ["NOTE, SEE ABOVE", "Denied, Not covered"]),
    ("Verbal consent accepted (CY2025); FY 2026 budget", ["CY2025", "FY 2026"]),
    ("97550 1 40 2026 budget", ["97550 1 40 2026"]),
    # a number that is no age: a measure, a range of ages, a stage, years of something else
    ("age 2 weeks post-op; married 50 years; Stage 3; ages 7-9 group", ["2 weeks", "50 years", "Stage 3", "7-9"]),
    ("\u0421\u044b\u043d \u043e\u0431\u0443\u0447\u0435\u043d, 97550 GP; \u039f\u039a",
     ["\u043e\u0431\u0443\u0447\u0435\u043d", "97550 GP"]),
]

SCRUB = [
    # a comment is sent as it is: what it holds is read
    ("<!-- exported by qvexley @ 198.51.100.23 -->\n<patient/>", "198.51.100.23"),
    ("<x/>\n<!-- ssn 078-00-4431 should not be here -->\n<y/>", "078-00-4431"),
    ("MRN&nbsp;ON-55<!-- -->1207 on file", "1207"),
    # Greek, Cyrillic and Roman-numeral look-alikes inside a Latin word or a number
    ("Pt seen. MRN \u039cR-44\u039f19, DOS 19 N\u043ev 2026", "44\u039f19"),
    ("caregiver \u0422\u043em\u00e1s \u041a\u0435lly (son) trained", "\u041a\u0435lly"),
    ("caregiver \u0422\u043em\u00e1s \u041a\u0435\u200blly (son) trained", "lly"),
    ("\u216fary Quornby signed the form", "Quornby"),
    # practices where someone was, pharmacies, parishes, day cares
    ("got caregiver training on brace donning at Quornby Peds Therapy last wk.", "Quornby"),
    ("Loc: Vexley Home Health draw", "Vexley"),
    ("Reply: sent to Quornby Drug #3321. Ola can come Sat", "3321"),
    ("drop-off at Little Vexley Daycare by 8", "Vexley"),
    ("Usher roster, Quornby Congregation, Sunday", "Quornby"),
    # the first word of a place's name, English seldom using it, recurs alone
    ("caregiver training at Quornby Peds Therapy last wk. PT at Quornby is Ms. Vexley.", "Quornby"),
    ("nephew says the patient was at Quornby Adult Day", "Quornby"),
    ("to home (ring bell, apt 12, 3rd fl)", "apt 12"),
    ("we live at the yellow house apartment c in town", "apartment c"),
    ('{"user.name":"jquorn.ot","host.ip":"10.1.1.1"}', "jquorn.ot"),
    # "SURNAME, GIVEN" alone in a cell, the given name a word
    ("LEE, MAY               1EG4TE5MK72      01/02/2026", "MAY"),
    ('"Grant, April",8841,PTA,9,3', "April"),
    # a CDA identifier by its extension
    ('<id root="2.16.840.1.113883.19.5.99999.1" extension="TT988"/>', "TT988"),
    # sealed8 regression shapes: a dictated date with blanks, a preschool in lower case, a log's encounter key, a
    # licence number with its discipline
    ("dictated 3 15 2026 transcribed 3 16 2026 by vq", "3 15 2026"),
    ("no kiddo present (he's at Little Quornby preschool MWF)", "Quornby"),
    ("act=chart.open enc=V55120 x", "V55120"),
    ("Therapist: Quorn, OTR/L   Lic. OT 18223   Signature on file", "18223"),
    # dates in Japanese, Chinese and Korean order
    ("\u751f\u5e74\u6708\u65e5 1940\u5e743\u670821\u65e5", "1940"),
    ("\uc0dd\ub144\uc6d4\uc77c 1940\ub144 3\uc6d4 21\uc77c", "1940"),
    # a hurried log's lower-case initial and listed surname
    ("b. kowalski | for j kowalski | Oct 2026 | no sessions | $0", "kowalski"),
    # a licence plate, a badge, an incident or referral number
    ("Alleged perpetrator drives a grey van. Plate MN 8KX 441.", "8KX 441"),
    ("Referral #: APS-26-118204. Worker badge 5512", "APS-26-118204"),
    ("Incident #IR-2026-0412 on the unit", "IR-2026-0412"),
    # small capitals, circled and mathematical letters
    ("daughter \u029f\u1d00\u1d1c\u0280\u1d00 \u0262\u0280\u1d07\u1d07\u0274, trained", "\u029f\u1d00\u1d1c"),
    ("wife \u24c2\u24d0\u24e1\u24d8\u24d0 trained", "\u24d0\u24e1\u24d8"),
    ("son \U0001d403\U0001d41e\U0001d42c\U0001d426\U0001d428\U0001d427\U0001d41d trained", "\U0001d41e\U0001d42c"),
    # every stated age, whatever its value
    ("HALVERSEN-OYE, MARGIT   F   DOB 03/14/1932   92Y\nMRN 00884210", "92Y"),
    ("Patient: Quorn Vexley   Age 79\nCaregivers trained: wife", "79"),
    ("Sex: F   DOB: 03/04/2016   Age 9   Grade 4", "Age 9"),
    ("10:40  Pell Vexley, gr 2, 7 yo, student id 2031877", "7 yo"),
    ("MRN TJ-0045512 / 86\u6b73 / 310-555-0153", "86"),
    ("a 6-year-old with spastic diplegia", "6-year-old"),
    ("Seen: 79 years old, lives alone", "79"),
    ("<value>93 years at DOS</value>", "93"),
    ("Demographics: M/79, widowed", "79"),
    ("abuela de 79 a\u00f1os", "79"),
    ("| # | Patient | Age | Minutes |\n|---|---|---|---|\n| 1 | Varlow, Edwin | 84 | 45 |\n", "84"),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)
