"""A service named in a later sentence of the line, with its own clock range, does not own the caregiver range
before it (a new user's note, round 15)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.notes.api import check_note

HEAD = (
    "OT Caregiver Training 11/24/2026. Pt stayed upstairs napping; not in session. Trained: daughter Marisol "
    "(unpaid). Pt gave verbal consent 11/17/26 for Marisol to be trained. Need: LB dressing w/ hip precautions; POC "
    "goal 2. Taught reacher and sock aid use; Marisol return-demo'd x2. Skilled: graded cueing.\n"
)


@pytest.mark.parametrize(("line", "minutes"), [
    ("10:05-10:48a (43 min) face to face w/ daughter.  Same day 11:00-11:30 97535 self-care w/ pt (separate).", 43),
    # the service named before the range on its line still owns it
    ("Same day 97535 self-care w/ pt 11:00-11:30.  Caregiver training 10:05-10:48 (43 min).", 43),
    ("10:05-10:48 face to face w/ daughter; 97535 self-care w/ pt after.", None),
    # the service a sentence names ends inside that sentence, though its pattern reads the ";" after it
    ("9:00-9:45 co-treatment with pt; billed 97530. Caregiver training 10:05-10:48 (43 min).", 43),
])
def test_a_later_sentences_service_owns_its_own_range(line: str, minutes: int | None) -> None:
    report = check_note(HEAD + line + "\nJ. Okafor, OTR/L\n", knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.time.total_minutes == minutes
