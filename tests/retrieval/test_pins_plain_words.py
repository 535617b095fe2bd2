"""Pins for questions said in the asker's own words: the MA ladder and an MA plan's duty, a video visit whose minutes
are asked, a session short of the code's time, a family's words for an appeal, for the patient's share and for
rewriting a record after a denial. Each row names the pin that must lead."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.retrieval.routing import pins
from assistant.retrieval.understand import understand


@pytest.mark.parametrize(
    ("question", "dos", "first"),
    [
        # the MA ladder: the plan's own reconsideration, then the IRE (not the QIC, not an ALJ)
        ("If our plan upholds its denial at reconsideration for a member's 97550 claim, where does the case go next?",
         None, ("appeal:independent_review", True)),
        ("Our denial notice for 97552 is dated 09/29/2026. What's the deadline to request the plan reconsideration?",
         date(2026, 9, 29), ("appeal:plan_reconsideration", True)),
        # an MA plan held to Medicare's coverage rules, said without the words "Medicare Advantage"
        ("UM letter says caregiver education is not skilled per plan clinical criteria. Can our plan apply its own "
         "criteria for 97550, or do we have to follow Medicare's?", None, ("faq:ma_own_criteria", True)),
        ("Remit on 97550 came back CO-204 not covered. Clinic says it's a Part B service and MA plans can't just "
         "exclude it. Which is it?", None, ("faq:ma_own_criteria", True)),
        # a video visit whose asking sentence is about its minutes: the minimum leads, telehealth status follows
        ("Video visit today with the son: he logged on at 9:03 and we stopped at 9:21, the patient asleep upstairs. "
         "Is that enough for the 30-min code or should I skip billing it?", None, ("faq:minimum_minutes", True)),
        ("The statement says 30 min of caregiver training but the therapist and I only talked about 20 minutes.",
         None, ("faq:minimum_minutes", True)),
        # an appeal in a family's words
        ("Medicare sent my wife a letter saying they won't pay for the training. We need to ask them to look at it "
         "again. How long do we have?", None, ("appeal:redetermination", True)),
        ("Will we have to pay for the lessons ourselves? Dad has regular Medicare.", None, ("faq:cost_sharing", True)),
        # a record rewritten or backdated after a denial
        ("After Medicare turned down the visit, the clinic wants me to sign a form and put the June date on it.",
         None, ("faq:late_entry_after_denial", True)),
        ("97551 denied B12. Can the therapist go into the note now and change 20 to 55 before we appeal?", None,
         ("faq:late_entry_after_denial", True)),
        # a line short of the note is a clerical slip, which a reopening corrects without an appeal
        ("I under-billed a run of March 2026 sessions as 97550 only; notes support 97551 x1 too. Can I still fix "
         "them without a formal appeal?", None, ("appeal:clerical_reopening", True)),
        # the claim's modifier and place of service told in passing: the period's telehealth status leads
        ("Solo PT planning next year: most of my week is video caregiver sessions (97550, POS 10 + 95) with my older "
         "patients' adult kids. Can I count on "
         "those being payable all the way through 2027?", date(2027, 7, 1), ("fee:therapist-waiver-2025-2027", True)),
        # two years named on a date of service in one of them: that year's amount first
        ("For the 2026 budget, what's the national Medicare amount for 97550? Finance pulled one from a 2025 article.",
         date(2026, 7, 1), ("fee:97550-RVU26C", True)),
        # every required element asked for, even with one named as a guess
        ("My supervisor says two required things are missing from my 97550 note (25 min, wife trained on transfers). "
         "Is start/stop time one of them?", None, ("faq:documentation_elements", True)),
    ],
)
def test_the_pin_that_answers_leads(question: str, dos: date | None, first: tuple[str, bool]) -> None:
    found = pins(understand(question, dos), cached_knowledge())
    assert found and (found[0].entry, found[0].strong) == first


def test_telehealth_status_follows_when_the_minutes_are_asked() -> None:
    question = ("Zoom session with the daughter, she logged on 14:02 and I ended at 14:19 on 3/3/2026, patient napping "
                "in the other room the whole time. Is that enough for the "
                "30-min code or do I just not bill it?")
    found = pins(understand(question), cached_knowledge())
    # the minimum leads; telehealth status, if pinned at all, follows (answers16 drops it for a units question)
    assert found and found[0].entry == "faq:minimum_minutes" and found[0].strong
    status = [p for p in found if p.entry.startswith(("fee:telehealth", "fee:therapist-waiver"))]
    assert not any(p.strong for p in status)


def test_claim_parts_still_answer_when_the_asking_sentence_names_them() -> None:
    question = ("Caregiver session by video with the patient's wife on 3/3/2026, patient at home too. Which modifier "
                "and place of service go on the 97550 line?")
    found = pins(understand(question), cached_knowledge())
    assert "faq:telehealth_modifier" in [p.entry for p in found]


def test_telehealth_status_still_leads_when_telehealth_is_asked() -> None:
    question = "Can I bill 97550 by video on 3/3/2026 for a caregiver session with modifier 95?"
    found = pins(understand(question), cached_knowledge())
    assert any(p.strong for p in found if p.entry.startswith(("fee:telehealth", "fee:therapist-waiver")))


def test_a_neighbors_house_is_a_place_not_a_caregiver() -> None:
    question = ("Today's session with Mrs. Lee (wife) on stair safety, 10:00-10:40. He was at the neighbor's until "
                "10:30. How do I bill this, 97550 + 97551?")
    found = pins(understand(question), cached_knowledge())
    assert "faq:who_counts_as_caregiver" not in [p.entry for p in found]
    assert "faq:who_counts_as_caregiver" in [p.entry for p in pins(understand(
        "Can my neighbor be the caregiver trained under 97550?"), cached_knowledge())]


def test_bringing_the_patient_along_is_the_patient_present() -> None:
    # the patient brought to the caregiver's own training, in a family's words: a patient-present FAQ leads
    question = "The clinic wants me in Thursday for caregiver training. Do I need to bring my mother with me?"
    found = pins(understand(question), cached_knowledge())
    assert found and found[0].strong and "patient_present" in found[0].obj.topics


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # a family's words for a denial and for "can we still appeal": the plan's own first level
        ("My husband's in a Medicare Advantage plan. They sent a letter dated October 7, 2026 saying no to paying for "
         "the caregiver training. My son says we go to Medicare first. Is that right, and is there still time?",
         "appeal:plan_reconsideration"),
        # "turned us down ... what must we do and until which time?": the first level, its filing limit asked
        ("Medicare turned us down for the teaching session of March. The letter is from 2 October 2026. What must we "
         "do and until which time?", "appeal:redetermination"),
        # "cannot give his agreement": who consents for a patient who cannot
        ("My father has strong memory sickness and he cannot give his agreement. Who can give the agreement for "
         "teaching me?", "faq:consent_representative"),
        # "certain sicknesses ... from a list": no diagnosis list
        ("Somebody told me the training lessons are only paid for certain sicknesses, like stroke, from a list. My "
         "wife has dementia. Is dementia on the list?", "faq:diagnosis_codes_vendor"),
    ],
)
def test_plain_words_pins(question: str, first: str) -> None:
    assert pins(understand(question), cached_knowledge())[0].entry == first


@pytest.mark.parametrize(
    ("question", "first", "absent"),
    [
        # a neighbour who "says" something is a source, not a caregiver: the patient away is the subject
        ("My neighbor says Medicare won't pay unless the patient is right there in the room. The therapist had me "
         "come in by myself while my wife stayed home. Is that so?", "faq:patient_not_present_ok", None),
        # "however pt came out and participated": the patient came into the session
        ("Caregiver training with son 45 min re: tub bench transfers. Pt was initially resting in bedroom, however pt "
         "came out and participated in all practice trials. Billed 97550 + 97551. Does that hold up?",
         "faq:patient_briefly_present", None),
        # a helper's wage paid "out of pocket" is who the caregiver is, not the patient's share
        ("The family pays her $22/hr privately. Does a privately paid companion count as the caregiver for 97550? "
         "The $22/hr is out of pocket, not agency.", "faq:paid_aide", "faq:cost_sharing"),
        # an LCD said to be outdated and not to apply: contractors are bound by it
        ("97550 denial carries N115. Provider's letter argues the LCD is outdated and shouldn't apply to caregiver "
         "training. Does that argument work at the MAC/QIC level?", "faq:lcd_binding", None),
        # which code for wound care: the patient's absence is a detail, not the subject
        ("Wife to be trained on sacral wound dressing and turning schedule, pt absent, DOS 1/14/2026. Ordering office "
         "coded it 97550. Is that the right code for wound care training?", None, "faq:patient_not_present_ok"),
    ],
)
def test_the_subject_not_the_detail(question: str, first: str | None, absent: str | None) -> None:
    found = [p.entry for p in pins(understand(question), cached_knowledge())]
    if first:
        assert found[0] == first
    if absent:
        assert absent not in found


@pytest.mark.parametrize(
    ("question", "strong"),
    [
        # the filing limit asked: the first level leads
        ("Medicare turned us down for the session. The letter is from 2 October 2026. What must we do and until "
         "which time?", True),
        # "same day" is no deadline asked: the route only feeds the answer
        ("got CO-B15 and N122 on the 97551 line, 97550 paid on a different claim for same day. what now", False),
    ],
)
def test_the_route_leads_when_its_limit_is_asked(question: str, strong: bool) -> None:
    route = next(p for p in pins(understand(question), cached_knowledge()) if p.what == "route")
    assert route.strong is strong
