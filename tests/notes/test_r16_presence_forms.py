"""Round 16: the patient's absence (or presence) said in the forms of exports, dictation and narrative that notes
written elsewhere use. One synthetic note per phrase; statuses per docs/checks.md (patient_absent)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.notes.api import check_note

BASE = (
    "PT caregiver session 11/24/2026\nPatient: Walter Lindqvist, 70, L CVA.\n{p}\nTrainee: wife June (unpaid).\n"
    "Consent: pt signed 11/17/2026 for June.\nNeed: June does all transfers; POC goal 2: transfers w/ min A of family."
    "\n"
    "Taught: stand-pivot, gait belt use. Return demo: June did 3 transfers, cued once then correct.\n"
    "Skilled: fall risk; hands-on correction.\n10:05-10:40\nK. Lee, PT\n"
)


@pytest.mark.parametrize(("phrase", "status"), [
    # an export's boolean, quoted as JSON or not
    ('"pt_present": false,', "met"),
    ('"patient_present": "N",', "met"),
    ("pt_present=false", "met"),
    ('"pt_present": true,', "problem"),
    # speech recognition's homophone of "not"
    ("Pt knot present.", "met"),
    ("Patient was knot in the room, he was at his cardiology appointment.", "met"),
    # out of the house, said of the patient by pronoun or name
    ("He was out of the house for the session.", "met"),
    ("Walter was away from home during the visit.", "met"),
    # a study or a therapy of the patient's own elsewhere
    ("Pt location ..... at his swallow study at Eastgate Imaging", "met"),
    ("Walter was at his hand therapy at the burn center during this session.", "met"),
    # the patient who comes in inside the one counted range is present for part of it
    ("Pt not in the room at the start. At 10:20 Mr. L wheeled himself into the gym and parked next to June; he stayed "
     "for the rest of the session.", "problem"),
    # "declined to ..." negates what follows it, not the presence said before it
    ("Pt was in the room for the whole session -- declined to wait in the lobby and practiced alongside.", "problem"),
    ("~~Pt not present -- waited in lobby.~~ Pt was in the room for the whole session.", "problem"),
    ("Pt declined to come in; waited in the car with his son.", "met"),
])
def test_absence_in_other_forms(phrase: str, status: str) -> None:
    report = check_note(BASE.format(p=phrase), knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("patient_absent").status == status


PIPE = (
    "#PIPE EXPORT | clinic=Saltmarsh PT | pt=Delacroix, Emile | dos=11/24/2026\n"
    "line|svc|units|mods|start|end|pt_present|who|detail\n"
    "1|97110|2|GP|09:00|09:30|{first}|G. Lindahl PT|LE strengthening\n"
    "2|97550|1|GP|09:35|10:10|{second}|G. Lindahl PT|caregiver training w/ wife Lorraine (unpaid)\n"
    "consent|written, pt signed 11/12/2026 naming Lorraine\n"
    "need|PD w/ freezing; POC goal 3: community gait w/ SBA of trained spouse\n"
    "taught|freeze-breaking: stop, weight shift, step over a line\n"
    "return_demo|Lorraine cued me (as pt) through 4 freezes; corrected once\n"
    "skilled|festinating gait; hands-on correction of her guarding\n"
)


@pytest.mark.parametrize(("first", "second", "status"), [
    # the patient-present row is the other service's; the training's own row answers
    ("Y", "N", "met"),
    ("Y", "Y", "problem"),
])
def test_a_grid_row_of_another_service_answers_for_it(first: str, second: str, status: str) -> None:
    report = check_note(PIPE.format(first=first, second=second), knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("patient_absent").status == status
