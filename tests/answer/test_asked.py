"""Topics the knowledge does not state are refused, each by its own row (answer/asked.py); questions next to them that
the knowledge answers are not. Wordings are not those of any eval set."""

from __future__ import annotations

import re

import pytest

from assistant.answer.asked import TOPICS, unstated
from assistant.retrieval.understand import understand
from assistant.service import Assistant

REFUSED = [
    ("licensure", "can our OT train the daughter by video if she lives in a state where the OT isn't licensed?"),
    ("licensure", "does the state practice act let a PTA run 97550 alone?"),
    ("record_retention", "how many years do we have to keep the signed CTS consent forms?"),
    ("record_retention", "what's the record retention period for caregiver training notes"),
    ("clinic_type", "our FQHC wants to add 97550 - billable on the cost report?"),
    ("clinic_type", "can a rural health clinic bill G0541 in 2026?"),
    ("originating_site", "caregiver comes to our clinic for a telehealth 97550 with a remote OT: can we bill Q3014?"),
    ("decision_time", "How many days does the QIC have to issue a reconsideration decision?"),
    ("decision_time", "how long does the ALJ take on a caregiver training appeal"),
    ("ncci_table", "what's the NCCI modifier indicator for 97550 with 97165 this quarter?"),
    ("household", "does the caregiver have to live with the patient for 97550?"),
    ("prior_authorization", "do we need prior auth before 97552 groups?"),
    ("clinical_fellow", "I'm a CF in my clinical fellowship - can I bill 97550 under my NPI?"),
    ("supplemental", "will the patient's medigap plan pick up the 20% on 97550?"),
    ("deductible_amount", "what is the part B deductible for 2026 on these claims?"),
    ("payment_timing", "how long until medicare pays a clean claim for 97550?"),
    ("record_retention", "how long must signed CTS consent forms be retained?"),
    ("denial_rate", "what percentage of 97550 claims get denied by Medicare?"),
    ("denial_rate", "how often do MACs turn caregiver training claims down?"),
    ("future_codes", "are any new caregiver training codes coming next year?"),
    ("caregiver_condition_code", "what dx code do we use for caregiver burnout on a 97550 claim?"),
    ("patient_death", "our patient died on 11/02/2026 - is the 11/01 caregiver session still billable?"),
    ("consent_frequency", "do we need the patient to sign consent again at each session or is it good once a year?"),
    ("respite", "will medicare cover a respite worker for dad while mom attends the training?"),
    ("oasis", "where in OASIS do we record caregiver training?"),
    ("caregiver_abroad", "can the patient's son join the training by video from overseas?"),
    ("revenue_code", "hospital outpatient: what rev code goes with 97551 on the UB04?"),
    ("consent_form", "does CMS publish an official form for the caregiver training consent?"),
    ("consent_form", "is there a consent template we must use for 97550?"),
    ("network", "will the advantage plan pay an out-of-network OT for 97550 in 2027?"),
    ("em_modifier_25", "same day as a 99213, does the E/M take modifier 25 if we also bill 97550?"),
    ("prior_authorization", "the advantage plan wants to pre-approve 97552 classes; how fast must they respond?"),
    ("travel_time", "does my drive time to the family's house go into the 97550 minutes?"),
    ("travel_time", "can travel time to a home visit count toward G0541"),
    ("travel_time", "I drive 25 min between homes - is windshield time part of 97550?"),
    ("denial_rate", "what percent of home caregiver training claims does the MAC deny each year?"),
]

ANSWERED = [
    "how long do we have after the QIC decision to ask for an ALJ hearing?",
    "how long does the MAC have to decide a redetermination?",
    "how long do we have to appeal a CO-50 on 97550?",
    "97550 denied CO-197 for no precertification - what now?",
    "is 97550 subject to the part B deductible?",
    "what will the patient owe for 97550 after the deductible in 2025?",
    "can a PTA furnish 97550 under general supervision in 2026?",
    "can the neighbor be the caregiver trained?",
    "is there an NCCI edit between 97550 and 97530?",
    "my sister who lives with dad wants the PT to train her too - can they bill 97550?",
    "I'm a licensed OT in Ohio, which modifier goes on 97550?",
    "how long do we keep training the daughter before she is independent?",
    "how often can we bill 97550 for the same caregiver?",
    "97550 was denied CO-50, how do I appeal?",
    "when did the new caregiver training codes come into effect?",
    "are the G-codes new codes for 2025?",
    "the caregiver is under a lot of stress; can we train her husband instead?",
    "consent was for the wife; a new caregiver, the son, joins next session - consent again?",
    "does the patient's consent have to name each caregiver?",
    "can the son in another state join the training by video?",
    "what goes in the consent for 97550 - does it have to name the caregiver?",
    "does the patient have to sign a consent form, or is verbal consent enough in 2026?",
    "which modifier goes on 97550 for an OT?",
    "how much time did the caregiver spend practicing the transfer?",
]


@pytest.mark.parametrize(("topic", "question"), REFUSED)
def test_topic_refused_by_its_row(topic: str, question: str) -> None:
    rows = {t.id: t for t in TOPICS}
    said = unstated(understand(question))
    assert said is not None and said.endswith(rows[topic].says + "."), said


@pytest.mark.parametrize("question", ANSWERED)
def test_neighbouring_question_not_refused(question: str) -> None:
    assert unstated(understand(question)) is None


def test_every_row_has_a_refusal_case() -> None:
    assert {t.id for t in TOPICS} == {topic for topic, _ in REFUSED}


@pytest.mark.parametrize("question", [
    "how many years must we keep caregiver training records?",
    "can I do telehealth caregiver training with a caregiver in another state where I'm not licensed?",
    "can an FQHC bill 97550?",
    "Which place-of-service code goes on the claim when training is at an adult day center?",
    "what will 97551 pay next year?",  # (asked in the question's words: no year it never wrote)
    "our OTs are licensed in Texas only - can they do 97550 video sessions with caregivers in Oklahoma?",
    "we're in Chicago, what's the locality-adjusted 97550 amount for 2026?",
    "how many caregivers max can we put in one 97552 class?",
    # a student furnishing, in the asker's own words; a Medicaid program paying for the service
    "PT student here: if I run the caregiver session with my CI watching, do all 30 min count?",
    "my mom is on Medicaid and her OT wants to train me at home; will Medicaid pay her for that?",
])
def test_answer_says_the_sources_do_not_state_it(assistant: Assistant, question: str) -> None:
    answer = assistant.answer(question)
    assert not answer.answered, answer.text
    assert answer.text.startswith("I can't answer this from the knowledge base")
    # a refusal cites no passage: no number the question does not hold
    assert all(n in question for n in re.findall(r"\d+", answer.text)), answer.text
