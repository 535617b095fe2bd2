"""Round 10: month/days in a slash-dated text, hurried lower-case logs, record numbers behind letters, pagers, towns
with a ZIP and no state; and what stays: mail-merge fields, state programs and health plans, brand compounds, form
labels beside a number, table columns, quarters and codes with glued units. Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

KEEP = [
    # mail-merge fields left unfilled name a slot
    ("Dear «GuardianFirst» «GuardianLast», your visit", ["«GuardianFirst» «GuardianLast»"]),
    ("Thank you, «ClinicianName» («ClinicianPhone»)", ["«ClinicianName»", "«ClinicianPhone»"]),
    # a state program, the federal-style agency and a health plan are payers
    ("Quornshire Health and Human Services - Waiver unit", ["Health and Human Services"]),
    ("Plan: Quornby HealthPlan Plus, member since", ["HealthPlan"]),
    ("billed to AHCCCS for the 97550 line", ["AHCCCS"]),
    ("covered by MassHealth since spring", ["MassHealth"]),
    # two common words in camel case name a product; a telehealth platform by its brand
    ("exported from the BrightHome OT app", ["BrightHome"]),
    ("Platform: Doxy, audio-video", ["Doxy"]),
    # a common word beside a small number is a label or a ward
    # (the age itself is scrubbed since round 11: tests/phi/test_round11_shapes.py)
    ("Sex: F   DOB: 03/04/2016   Age 9   Grade 4", ["Age", "Grade 4"]),
    ("Unit: 4 North, bed B", ["4 North"]),
    # a table's columns: a sig before a prescriber, a header row
    ("4411907    lisinopril 10 mg tab      1 tab BID              Dr. Quorn Vexley      06/02/2024", ["1 tab BID"]),
    ("4411908    senna 8.6 mg tab         daily PRN              Q. Vexley, NP          06/03/2024", ["daily PRN"]),
    ("Rx#        Drug                Sig                Prescriber         Last fill", ["Rx#", "Sig", "Prescriber"]),
    # lower-case hyphenated words that are no surnames, and doubled words that are no given names
    ("chin-tuck with a fork-mash test, sit-to-stand, follow-up", ["chin-tuck", "fork-mash", "sit-to-stand"]),
    ("waved bye-bye; the Yo-Yo game; so-so effort", ["bye-bye", "Yo-Yo", "so-so"]),
    # a quarter and a CTS code with its units glued on
    ("audit of Q3-2025 charts: 97550+97551x2 billed", ["Q3-2025", "97551x2"]),
    # scores stay scores in a text that writes its dates with slashes
    ("DOB 4/4/41. Teach-back 2/3 trials then 3/3; pain 4/10; 5/10 effort", ["2/3", "3/3", "4/10", "5/10"]),
]

SCRUB = [
    # a month/day whose shape no score has, in a text that writes its dates with slashes
    ("DOB 2/2/39. Consent documented 7/9 (verbal) by the patient.", "7/9"),
    ("DOB 2/2/39. Row 6: ok (verbal 6/11)", "6/11"),
    # hurried lower-case logs
    ("picked up mrs. vexley; mrs q waited in the van", "mrs q"),
    ("driver log - unit 4 - dorian t.", "dorian"),
    ("dropped at the clinic - joy went in for the class", "joy"),
    ("which one? her kid wes + his wife did training", "wes"),
    ("0815 picked up at quornhaven terrace rm 214, with her son", "quornhaven terrace rm 214"),
    ("consent witnessed by charge nurse dolores", "dolores"),
    # record numbers behind letters and dashes, seven digits or more
    ('"object":"Encounter/ENC-3301947"', "ENC-3301947"),
    ("claim CLM-26-0117-442 pended", "CLM-26-0117-442"),
    # a pager, a town with its ZIP and no state, a video room, a scribe's initials
    ("Notify Dr. Vexley (pager 5127) if worse", "5127"),
    ("Parents (88 Calle Quornita, Quornsville 85719) asked", "Quornsville"),
    ("Platform: Doxy (room /drvexley-ot). Caregiver joined", "/drvexley-ot"),
    ("Present: OT, PT, SLP; scribe: qv", "qv"),
    # a double-barrelled surname in lower case, a given name said twice
    ("i think her last name is ferraro-ibarra the therapist", "ferraro-ibarra"),
    ("who has mrs. de la cruz-ibarra today?", "cruz-ibarra"),
    ("grandson Jun-Jun helped with the transfer", "Jun-Jun"),
    ("TRAINED: BONG-BONG (GRANDSON)", "BONG-BONG"),
    # a login built from a hyphenated surname
    ("Opened by Quorna Vex-Ledley (qvexledley) at 08:05; qvexledley: escalated", "qvexledley"),
]


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # "its" inside a sentence owns the word after it: no introduction of a name
        ("For each gap, put its placeholder text exactly as given", ["placeholder"]),
        ("the chair and its armrest were too low", ["armrest"]),
    ],
)
def test_possessive_its_is_no_introduction(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


def test_its_opening_a_message_still_introduces(deid: Deidentifier) -> None:
    assert_scrubbed(deid, "its quorvin, running late for the session", "quorvin")
