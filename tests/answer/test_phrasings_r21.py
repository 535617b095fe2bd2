"""Families of phrasings (round 21 of these tables; the causes behind the round-14 sealed set's misses): a filing
limit asked as time left, running out, or late against on time, from a notice whose date follows the code it is for;
a minutes figure taken back later in the question; the patient's arrival written before the patient; a quoted claim
of units put to be judged; a study partner who is no caregiver; the patient brought along to the caregiver's session,
or brought back for a later clock range; a group's patients counted from a labelled row or from the patients named;
the asker's friend as a source, not a caregiver; the therapy MPPR described as a 50% PE cut; an advantage plan ruled
out and a weekly series said to stop paying; the KX amount asked as a trigger; another benefit's episode payment; a
note to be fixed after a denial in a family's words; a last day that is tomorrow; the facility amount asked as a
"number"; a note's contents asked with an adverb between; a vendor's "PT or OT only"; the group code named for one
patient's caregivers with their minutes; a calendar year written "CY2026"; audio-only telehealth asked with its
conditions; the G-codes said to have replaced the CPT codes.
Wordings are not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # the last day counted, asked as time left or running out
        ("MAC denial letter dated 03/02/2026 - is there still time for the first appeal?", None,
         ["2026-07-05", "not passed"], None),
        ("we got the denial letter dated 2 March 2026, how many days do we have left to appeal?", None,
         ["2026-07-05"], None),
        ("billing lead says the appeal window ran out. notice dated 01/05/2026", None, ["2026-05-10", "has passed"],
         None),
        # late against on time, the notice's date after the code it is for, the request "send"
        ("Denial notice for 97551 has date 10 January 2026; we send the redetermination 12 May 2026. late or on time?",
         None, ["2026-05-15", "timely"], None),
        # a minutes figure taken back: the later one is the session's, never the sum
        ("scheduled 50 min of caregiver training but total was 30 min, keep the 97551 on?", None,
         ["30 minutes", "does not support 97551"], "units:cts"),
        ("wife training ran 45 min - actually 40 min, units?", None, ["40 minutes", "97551 x1"], "units:cts"),
        # the patient's arrival with the clock time first
        ("CTS with son 1:10-1:55; at 1:40 the patient came back in for gait. units for the caregiver part?", None,
         ["30 minutes", "97550 x1"], None),
        # a quoted claim of units put to be judged; a study partner is no caregiver question
        ('my study partner says "45 min = 97550 + 97551 x2" - true or false?', None,
         ["False", "97551 x2 needs 53 minutes"], "units:cts"),
        # the patient brought along to the caregiver's session
        ("his wife asked if he can ride along to her training session next week, is that ok for billing?", None,
         ["without the patient present", "97530"], "faq:patient_in_room"),
        # a later clock range that is the patient's
        ("note: 9:00-9:25 trained son on bed mobility; 9:25-9:40 pt brought in to practice with son. units?", None,
         ["25 minutes", "97550 x1", "patient-present"], None),
        # a group's patients: a labelled count, or each patient named by whose caregivers came
        ("class log | caregivers: 6 | patients represented: 3 | 97552 x6 billed. correct line count?", None,
         ["3 patients", "3 units of 97552"], None),
        ("97552 class today: Mr. Lee's wife and son, Mrs. Ortiz's daughter. how many units do we bill?", None,
         ["two patients", "two units of 97552"], None),
        # the asker's friend is a source, not a caregiver asked about
        ("my friend works at a clinic where the NP bills the family training, never with GO - is GO required on 97550?",
         None,
         ["sometimes therapy"], "faq:gp_go_gn"),
        # the therapy MPPR described, not named
        ("our estimator takes a 50% PE cut on 97551 when 97110 is billed the same day - right?", None,
         ["indicator 0"], None),
        # an advantage plan ruled out; a weekly series the front desk says stops paying
        ("original medicare, not an advantage plan: training every Tuesday for 2 months, someone said medicare stops "
         "paying after 3?", None, ["no fixed limit"], "faq:frequency_limits"),
        # the KX amount asked as a trigger
        ("KX column in our report: which 2026 $ trigger applies to PT lines?", None, ["2,480"], None),
        # another benefit's episode payment is no fee asked
        ("home health PT teaches the son transfers on her visits; bill 97550 on top of the episode payment?", None,
         ["home health plan of care"], "faq:home_health_hospice"),
        # a note to be fixed after a denial, in a family's words
        ("medicare turned down my mom's training visit and the therapist wants to fix the note now. allowed?", None,
         ["may not be changed"], "faq:late_entry_after_denial"),
        # a last day that is tomorrow
        ("MA plan letter dated 04/11/2026 denying 97550, we have plenty of time for the reconsideration right?", None,
         ["2026-06-15", "it is today"], None),
        # the facility amount asked as a "number"
        ("physician bills 97551 in a hospital outpatient dept for 2026 dates - what facility number goes on the sheet?",
         None, ["21.04"], None),
        # a note's contents asked with an adverb between
        ("what exactly has to be in the note for 97550? need a list for new grads", None, ["consent"],
         "faq:documentation_elements"),
        # a vendor's "PT or OT only"
        ("Speech clinic here (2 SLPs). A billing site says code 97550 is for physical or occupational therapist only. "
         "Is it true, we cannot use it?", None, ["GN"],
         "faq:slp_can_bill"),
        # the group code named for one patient's caregivers, with their minutes
        ("two caregivers of a patient trained at once for 45 min: 97552, or double the time since there are 2?", None,
         ["97552", "one block", "97551 x1"], None),
        # a calendar year written onto its year: each year's status
        ("for CY2025 was 97551 on the telehealth list for good, and what about CY2026?", None,
         ["provisionally", "2026"], None),
        # audio-only asked with its conditions
        ("can our OT do 97550 over the phone, no video, and when is that allowed in 2026?", None,
         ["93", "audio-video"], "faq:audio_only_telehealth"),
        # the G-codes said to have replaced the CPT codes: both active, chosen by content
        ("a consultant says the G-codes replaced 97550-97552 in 2025 - drop the CPT rows from our 2026 sheet?", None,
         ["both code sets", "content"],
         "faq:gcodes_replaced_cpt"),
    ],
)
def test_phrasing(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    ("route", "question"),
    [
        # a vendor's "PT or OT only" is a claim about who may bill the code
        ("who_bills", "the vendor says 97550 is 'for physical or occupational therapist' only"),
        ("who_bills", "I read 97551 is only for PTs"),
        # the patient brought along; the reduction described
        ("brought_along", "can dad come along to mom's training since the van brings him anyway?"),
        ("mppr", "the billing tool takes a 50% PE cut on the second line"),
        # audio-only asked with its conditions
        ("audio_only", "our SLP wants to do 97551 by telephone only (no video): under what conditions?"),
    ],
)
def test_route_triggers(route: str, question: str) -> None:
    from assistant.retrieval.topic_routing import ROUTES

    assert next(r for r in ROUTES if r.name == route).trigger.search(question)


def test_consent_by_phone_is_not_audio_only() -> None:
    from assistant.retrieval.topic_routing import ROUTES

    route = next(r for r in ROUTES if r.name == "audio_only")
    question = "she said ok on the phone for her husband to be trained - can I bill 97550 without a signed form?"
    assert route.unless is not None and route.unless.search(question)
