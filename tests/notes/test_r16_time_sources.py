"""Round 16: which clock ranges are the training's, on notes written in other hands (an e-mail thread with quoted
earlier messages, a key=value export, a visit frame with its length, a sentence wrapped onto the next line, codes
indented under a range). One synthetic note per case; minutes per docs/CONVENTIONS.md."""

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
SIGNED = "\nJ. Okafor, OTR/L\n"


@pytest.mark.parametrize(("body", "minutes"), [
    # an earlier visit quoted under the newest message is another session
    ("Time: 1:15-1:41 pm = 26 min\n\nOn Tue, 17 Nov 2026, J. Okafor wrote:\n> CTS 11/17/2026\n"
     "> Time 1:00-1:50 pm = 50 min. Charges 97550 x1 + 97551 x1.", 26),
    # the reply corrects the stop time of the note it quotes
    ("Please fix before billing: we stopped at 2:14, not 2:24. So start 2:00, stop 2:14.\n\n"
     "On 11/24/2026 4:48 PM, J. Okafor wrote:\n>> Session 2:00-2:24 pm\n>> Billing: 97550 x1", 14),
    # a whole note forwarded under one quote mark is still the note
    ("> Session 2:00-2:24 pm\n> Billing: 97550 x1", 24),
    # a visit frame with its length before it holds the training and another service
    ("Visit total: 65 min (2:00-3:05)\n2:00-2:30 caregiver training, pt not present.\n"
     "2:35-3:05 self-care training WITH pt: 97535 x2.", 30),
    # an export's field of where the patient was holds the training's range
    ("PT_WHERE=dialysis (chair 11:00-15:00 Tue/Thu/Sat)\nSTART=13:20\nSTOP=13:52", 32),
    # a sentence wrapped onto the next line names its service there
    ("10:00-10:31 caregiver training, pt in another room.\n10:31-10:50 Walt back from the lab; he and Marisol "
     "practised stand-pivots together,\nI cued both (97530 x1).", 31),
    # codes indented under a range are that range's service
    ("1) Pt tx 8:50-9:35\n   97110 x2 -- LE strengthening\n   97530 x1 -- transfers\n\n"
     "2) CTS, pt not present -- daughter 9:40-10:15", 35),
    # a fax's page turn between a labelled start and its stop
    ("CTS start: 2:05 pm\n                                    ...continued on next page\n"
     "==================== PAGE BREAK ====================\n"
     "11/25/2026 09:41  NORTHSIDE OUTPATIENT REHAB  555-0100             P. 2/2\n"
     "NORTHSIDE OUTPATIENT REHAB   pt: LANE, Walter   (cont'd)\nCTS stop: 2:40 pm", 35),
    # a range on its own line is not carried on by the next entry
    ("Time: 10:00-10:40\n   reviewed the ther ex (97110) HEP Marisol supervises", 40),
])
def test_only_the_trainings_own_ranges_count(body: str, minutes: int) -> None:
    report = check_note(HEAD + body + SIGNED, knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.time.total_minutes == minutes
