"""Round 16: a paid person the note names who was not the one trained (the practice's own staff the caregivers
practised on, an aide who may only look on, an entry left out of the counted time) does not make the trainee paid;
a paid person who was trained still does."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.notes.api import check_note

BASE = (
    "PT caregiver training 11/24/2026. Pt not present (at home with his sister).\nTrained: son Nico, unpaid.\n"
    "Consent: pt signed 11/17/2026 naming Nico.\nNeed: Nico does all transfers; POC goal 2: transfers w/ min A.\n"
    "Taught 10:00-10:35: stand-pivot, gait belt grip.\n{line}\nSkilled: fall risk; hands-on correction.\n"
    "K. Lee, PT\n"
)


@pytest.mark.parametrize(("line", "status"), [
    ('Practice stations -- each caregiver guided a PT staff "patient"; Nico let go of the belt once, corrected.',
     "met"),
    ("Return demonstration, each care giver guarded a staff member, Nico was on the wrong side at first, corrected.",
     "met"),
    ("Return demo: Nico practised the pivot with our PT aide x3; cued once, then correct.", "met"),
    ("Return demo: Nico did 3 pivots, correct. His aide Lorna from Sunrise Home Care may come by, she can listen in.",
     "met"),
    ("Return demo: Nico did 3 pivots, correct.\n10:37-10:45 showed aide Lorna the chart -- NOT counted, not billed.",
     "met"),
    # round 17: the patient who went off with an aide before the training; the trainee's job elsewhere as a trait
    ("Return demo: Nico did 3 pivots, correct. Pt then went w/ OT aide to the waiting room for his ride.", "met"),
    ("Return demo: Nico did 3 pivots. His CNA habits (lifting under the arms) corrected toward pt's technique.", "met"),
    # the paid aide who was trained is still paid
    ("Return demo: Nico and his aide Lorna from Sunrise Home Care each did 3 pivots, correct.", "problem"),
    ("Also trained: his aide Lorna, from Sunrise Home Care; she will practise the pivot tonight.", "problem"),
    ("Return demo: Nico did 3 pivots and went over the log with the agency aide Lorna, who practised too.", "problem"),
])
def test_paid_people_who_were_not_trained(line: str, status: str) -> None:
    report = check_note(BASE.format(line=line), knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("caregiver").status == status
