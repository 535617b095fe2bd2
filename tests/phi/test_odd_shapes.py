"""Odd shapes: lower-case notes, dates without a year, ages in words, Canadian and Spanish forms.

Each scrub row names a secret that must disappear; each keep row is a text that must come back
unchanged (scores, codes, units and common words that look like the secrets). Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi import cases_messages as messages
from tests.phi import test_records_and_places as records

SCRUB = [
    # dates without a year, by the word before them or a neighbouring date
    ("tues 4/22 seen with wife", "4/22"),
    ("Per Dr. Reyes referral of 3/5.", "3/5"),
    ("Enclosed: notes for 5/1 and 5/8 (97550 GP).", "5/1"),
    ("Enclosed: notes for 5/1 and 5/8 (97550 GP).", "5/8"),
    ("CTS sessions 1/13, 20-Jan-2025, Feb 3rd", "1/13"),
    ("goal: stairs with son's CGA by 4/15.", "4/15"),
    ("Next visit May 5 10:00.", "May 5"),
    ("seen april 3 at home", "april 3"),
    # Spanish and French dates
    ("grupo jueves 8 de mayo de 2025 15:00-16:00", "8 de mayo de 2025"),
    ("visite le 8 mai 2025", "8 mai 2025"),
    # ages over 89 in the ways notes write them
    ("Mrs. Park (95) lives with them", "95"),
    ("my mother can't come, she's 98 and tired", "98"),
    ("S. Whitaker, ninety-four - paid aide", "ninety-four"),
    ("aged 95, lives alone", "95"),
    ("M/93 with CHF", "93"),
    ("93/F, CHF", "93"),
    ("Paciente de 93 años", "93"),
    ("she turns 100 next week", "100"),
    # places in lower case and Canadian addresses
    ("lives 2911 w mcdowell rd phoenix az 85009.", "mcdowell"),
    ("lives 2911 w mcdowell rd phoenix az 85009.", "phoenix"),
    ("lives 2911 w mcdowell rd phoenix az 85009.", "85009"),
    ("mail to salem, or 97301", "97301"),
    ("Son's address: app. 4, Montréal QC H2X 3K8; cell", "H2X 3K8"),
    ("Son's address: app. 4, Montréal QC H2X 3K8; cell", "Montréal"),
    ("pt at casa de paz adult day today", "casa de paz"),
    # identifiers: masked SSNs, MBIs in spaced groups
    ("SSN last4 xxx-xx-4417", "4417"),
    ("SSN ***-**-1187 on file", "1187"),
    ("SSN last 4: 5521", "5521"),
    ("MBI 6HU9 T41 AF82, SSN", "6HU9 T41 AF82"),
    # names: initials after a relation, lower-case signatures, surnames
    ("CG: wife; son T.J. to attend next time", "T.J."),
    ("97550 gp x1\nr. ybarra pt\n", "ybarra"),
    ("Auditor: Gretchen Albright, RHIA", "Albright"),
    ("Abernathy reports the neighbor helps.", "Abernathy"),
    ("Pt Abernathy not present today.", "Abernathy"),
    ("Hija Guadalupe Vega Ortiz y yerno Efraín de la Cruz", "Guadalupe"),
    ("son Pieter van der Berg attended", "Berg"),
    ("PT O'NEILL, PATRICK J  ICN 2225070944173", "PATRICK"),
]

KEEP = [
    "Strength 4/5 RLE; MMT 3/5; return demo 2/3 trials.",
    "Pain decreased from 6/10 to 3/10.",
    "Rest for 1/2 hour between sets.",
    "Pt sat 3/5 trials without loss of balance.",
    "Patient turns 90 degrees to sit; she's 95% accurate with cues.",
    "billed ninety seven five fifty GP times one",
    "Rested ninety minutes; one hundred percent of steps safe.",
    "Telehealth with modifier (95) and POS (10).",
    "chest ct 71250 reviewed; billed in 97550 or 97551.",
    "walked 5 steps to the way out; 10 reps each way.",
    "Pt not present - at the infusion center; wife came to wound clinic alone.",
    "Plan: 97550 GP; goal: car transfers.",
    "Group: 97552 x1",
    "11:00-11:50 (50 min): 97550-GP-CQ x1, 97551-GP-CQ x1",
    "Hija and yerno trained on car transfers.",
    "Auditor signed, RHIA; coder CPC.",
    "pt may need 2 more visits",
    "Pt Tolerated well. Pt Ambulated 50 ft.",
    "Interpreter used: [ ] Yes [ ] No",
    "Aide reports the patient slept well.",
    "nothing else says where the pt was",
]


# the tables of every PHI shape file, run by one pair of tests
ALL_SCRUB = [*SCRUB, *records.SCRUB, *messages.SCRUB]
ALL_KEEP = [*KEEP, *records.KEEP, *messages.KEEP]


@pytest.mark.parametrize(("text", "secret"), ALL_SCRUB, ids=[f"{r[1]}|{r[0][:30]}" for r in ALL_SCRUB])
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    result = deid.deidentify(text)
    assert secret not in result.text, result.text
    assert result.reidentify(result.text) == text


@pytest.mark.parametrize("text", ALL_KEEP)
def test_kept(deid: Deidentifier, text: str) -> None:
    assert deid.deidentify(text).text == text


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("Son Young Park trained to park the wheelchair.", "Young Park", "park the wheelchair"),
        ("Rose attended; BP rose after standing.", "Rose", "BP rose"),
    ],
)
def test_known_name_that_is_a_common_word(deid: Deidentifier, text: str, name: str, kept: str) -> None:
    """A known name is scrubbed where it names the person, not where it is the common word."""
    result = deid.deidentify(text, extra_names=[name])
    assert kept in result.text, result.text
    assert name.split()[-1] not in result.text.replace(kept, ""), result.text
