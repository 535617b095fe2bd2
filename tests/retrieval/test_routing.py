"""Pins: the entries that hold a dated fact, chosen by the code and the period asked about."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.retrieval.pin import Pin
from assistant.retrieval.routing import NARROW_TOPICS, pins, priors
from assistant.retrieval.understand import understand


@pytest.mark.parametrize(
    ("question", "dos", "expected"),
    [
        ("how much does medicare pay for 97551 in 2026?", None, [("fee:97551-RVU26C", True)]),
        ("what did G0541 pay in 2024?", None, [("code:G0541", True)]),
        ("97550 rate on 2024-02-15", None, [("fee:97550-RVU24A", True)]),
        ("how much does 97550 pay", None, [("fee:97550-RVU26C", False)]),
        ("conversion factor 2025", None, [("fee:cf-2025", True)]),
        ("KX threshold 2025", None, [("fee:kx-2025", True)]),
        ("KX threshold 2027", None, []),
        ("is G0541 billable?", date(2024, 6, 1), [("code:G0541", True)]),
        ("was G35 still valid in November 2025?", None, [("dx:G35", True)]),
        ("is G35.B1 billable in 2026?", None, [("dx:G35.B1", True)]),
        ("what does CO-50 mean?", None, [("reason:50", True), ("denial:medical_necessity", False),
                                        ("denial:wrong_code_patient_present", False)]),
        ("ALJ amount in controversy 2025?", None, [("appeal:aic-alj-2025", True)]),
        ("how long do we have to request a redetermination?", None, [("appeal:redetermination", True)]),
        # what to do about a denial: the FAQ or route that says so leads, the code's meaning only feeds the answer
        # (a Medicare denial whose usual remedy is an appeal: the first level follows)
        ("CO-50 on 97550 how do we appeal", None, [("reason:50", False), ("denial:medical_necessity", False),
                                                  ("denial:wrong_code_patient_present", False),
                                                  ("appeal:redetermination", False)]),
        ("CO-97 on 97550, now what?", None, [("reason:97", False), ("denial:bundling_ncci", False),
                                             ("appeal:redetermination", False)]),
        ("CO-29 on 97550, now what?", None, [("reason:29", False), ("denial:timely_filing", False)]),  # no appeal
        ("MA plan denied 97550 CO-50, how do we fight it", None,
         [("reason:50", False), ("denial:medical_necessity", False), ("denial:wrong_code_patient_present", False),
          ("appeal:plan_reconsideration", False)]),
        ("medicare adv denied 97550 what do i do", None, [("appeal:plan_reconsideration", False)]),
        ("97550 denied, now what?", None, [("appeal:redetermination", False)]),
        ("97550 denied, what does that mean?", None, []),  # no action asked
        # a slip on a denied Medicare line is corrected by a clerical-error reopening, however it is worded
        ("forgot the GO on a 97550 line and it denied", None, [("appeal:clerical_reopening", True)]),
        ("left off the KX modifier, line denied PR-119", None, [("appeal:clerical_reopening", True),
                                                                ("reason:119", False), ("denial:kx_threshold", False)]),
        ("wrong units on 97551 and it denied. appeal or reopen?", None, [("appeal:clerical_reopening", True)]),
        ("missing GP modifier, CO-16 MA130", None, [("denial:missing_therapy_modifier", False),
                                                    ("reason:16", False), ("reason:MA130", False)]),  # unprocessable
        ("humana medicare advantage forgot the GP, how do we fix", None, []),  # a plan, not Medicare: no reopening
        # the level after the one the question says was lost
        ("lost the redetermination on 97550. whats next and how long do i have", None,
         [("appeal:reconsideration", True)]),
        ("QIC upheld the denial, what now?", None, [("appeal:alj", True)]),
        ("after the QIC decision what's the next level?", None, [("appeal:alj", True)]),
        ("lost at the ALJ", None, [("appeal:appeals_council", True)]),
        ("how long do I have to appeal after the denial?", None, [("appeal:redetermination", True)]),
        # a level sent to another level's contractor: the level that contractor decides leads
        ("we mailed a reconsideration to our MAC last week, was that the right form?", None,
         [("appeal:redetermination", True), ("appeal:reconsideration", False)]),
        ("filed a redetermination with the QIC, is that wrong?", None, [("appeal:reconsideration", False)]),
        ("how long do I have to file a reconsideration with the QIC?", None, [("appeal:reconsideration", True)]),
        # the amount in controversy, however the amount is asked for
        ("QIC upheld it. to go to an ALJ in 2026 how much has to be in dispute", None, [("appeal:aic-alj-2026", True)]),
        ("minimum dollar amount for federal court review in 2025", None, [("appeal:aic-federal_court-2025", True)]),
        # a therapist's telehealth after the last waiver: the waiver says until when
        ("can our SLPs keep doing telehealth caregiver training in 2028?", None,
         [("fee:therapist-waiver-2025-2027", True), ("fee:telehealth-2026", False)]),
        ("telehealth in 2024?", None, [("fee:telehealth-2024", True)]),
        # a diagnosis code named beside a procedure code: the diagnosis leads, the procedure code's window follows
        ("can I use G20 on our 97550 claims in 2026?", None, [("dx:G20", True), ("code:97550", False)]),
        ("is G35 still ok for a 97550 session on 11/3/2025?", None, [("dx:G35", True), ("code:97550", False)]),
        ("is 97550 valid with G35 in 2025?", None, [("dx:G35", True), ("code:97550", False)]),
        # ... and a procedure code not in force then leads
        ("is G0541 ok with Z96.641 on 12/2/2024?", None, [("code:G0541", True), ("dx:Z96.64", False)]),
        # two dates on either side of a change: each period's status
        ("telehealth visits on 12/30/2024 and 1/3/2025, which is billable?", None,
         [("fee:telehealth-2024", True), ("fee:telehealth-2025", True), ("fee:therapist-waiver-2025-2027", True)]),
        ("52 minutes, how many units", None, [("units:cts", False)]),
        ("can the patient be in the room?", None, []),
    ],
)
def test_pins(question: str, dos: date | None, expected: list[tuple[str, bool]]) -> None:
    found = pins(understand(question, dos), cached_knowledge())
    assert [(p.entry, p.strong) for p in found] == expected


def test_priors_sink_passages_outside_the_period_and_lift_pins() -> None:
    kinds = np.array(["fee", "fee", "faq"])
    entries = np.array(["fee:a", "fee:b", "faq:c"])
    from_n = np.array([20250101, 20260101, 0])
    to_n = np.array([20251231, 20261231, 99991231])
    mult, bonus = priors(understand("what does 97550 pay in 2026?"), kinds, entries, from_n, to_n,
                         [Pin("fee:b", "fee")])
    assert mult[0] < mult[1] and bonus[1] > bonus[0]
    assert bonus[1] == max(bonus)


@pytest.mark.parametrize(
    ("question", "audio_only"),
    [
        ("audio-only visit with the husband, modifier 93?", True),
        ("we did it over the phone, no camera", True),
        ("audio and no video on the daughter's end", True),
        # the ordinary two-way visit names audio with video
        ("OT session by audio+video on 1/2/25", False),
        ("audio/video zoom with the wife", False),
        ("real-time audio and video, is 95 right", False),
    ],
)
def test_audio_only_is_audio_without_video(question: str, audio_only: bool) -> None:
    assert bool(NARROW_TOPICS["audio_only"].search(question)) == audio_only
