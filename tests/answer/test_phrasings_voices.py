"""Families of phrasings (round-10 voices: compliance officers, EHR build analysts, physician offices, travelling
therapists, second-language typists): a national fee asked with "no GPCI adjustment" is answered, not refused as a
locality rate; "what's G0541 for, how's it different from 97550" gets the descriptors, and training "one family at a
time" is no one-patient group; a patient under a home health plan of care or on hospice is the subject whatever code
and date the question names (a home health aide stays paid staff); a telehealth period's status note follows when the
question names it ("still provisional in 2026?"); CMS's caregiver is quoted in CMS's spelling ("neighbor"). Wordings
are not those of any eval set; the clock is fixed at 2026-06-15.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant
from tests.answer.expect import holds_answer


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # the locality set aside in other words: the national amount
        (
            "compliance audit: 97550 on 1/20/2024, national non-facility rate, no GPCI adjustment?",
            None,
            ["$52.06"],
            "fee:97550-RVU24A",
        ),
        ("97551 national amount for 2025 at GPCI 1.0?", None, ["$25.55"], "fee:97551-RVU25D"),
        # what a code is for, and how it differs from another: the descriptors
        ("what's G0541 for, and how's it different from 97550?", None, ["direct care", "97550"], "code:G0541"),
        # a home health plan of care or hospice is the subject, whatever code and date are named
        (
            "pt is on hospice. can the PT still bill 97550 for training the wife in 2026?",
            None,
            ["hospice"],
            "faq:home_health_hospice",
        ),
        (
            "patient still open to home health - can outpatient OT bill 97551 on 3/3/2025?",
            None,
            ["home health plan"],
            "faq:home_health_hospice",
        ),
        # a home health aide is paid staff, not the home health benefit
        ("can I bill 97550 for teaching the home health aide?", None, ["unpaid"], "faq:paid_aide"),
        # a period's status note, when the question names it
        (
            "is G0541 still provisional on the telehealth list in 2026?",
            None,
            ["provisional/permanent"],
            "fee:telehealth-2026",
        ),
        # CMS's caregiver in CMS's spelling
        (
            "unpaid neighbor helps him daily, can we train her under 97550?",
            None,
            ["neighbor"],
            "faq:who_counts_as_caregiver",
        ),
    ],
)
def test_answered(dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    ("question", "dos", "holds", "first"),
    [
        # a patient-present code billed for a session with the patient away, denied: the wrong code, caregiver training
        (
            "remit says 97530 GP denied N657 - PT trained the husband on car transfers while the pt was at dialysis, "
            "pt not present. why?",
            date(2026, 3, 10),
            ["97550", "N657"],
            "faq:caregiver_only_wrong_code",
        ),
        (
            "we billed 92507 for teaching the wife swallow strategies after the patient left, it got denied CO-16. "
            "what should we have billed?",
            None,
            ["97550"],
            "faq:caregiver_only_wrong_code",
        ),
        # a telehealth visit denied on a date the codes were not on the list: the list status explains it
        (
            "video visit with the son on 5/6/2024, billed 97550 95, denied - worth appealing?",
            date(2024, 5, 6),
            ["not on the Medicare Telehealth Services List"],
            "fee:telehealth-2024",
        ),
        (
            "zoom caregiver session 10/15/2024 got denied, should we file a redetermination?",
            None,
            ["in person"],
            "fee:telehealth-2024",
        ),
    ],
)
def test_denials_answered(
    dated: Assistant, question: str, dos: date | None, holds: list[str], first: str | None
) -> None:
    holds_answer(dated.answer(question, dos=dos), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # pooling with a patient-present code, or no denial at all, is not the wrong-code subject
        "we pooled 97110 and caregiver minutes w/o the patient, denied?",
        "can I bill 97530 and 97550 same day if the patient was not present for the 97550 part?",
    ],
)
def test_wrong_code_needs_a_denial_of_the_present_code(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert all(p.id.split("#")[0] != "faq:caregiver_only_wrong_code" for p in answer.passages[:1]), answer.text


@pytest.mark.parametrize(
    "question",
    [
        # individual sessions, one family after another, are no one-patient "group"
        "our behavioral health NP trains parents one family at a time - G0539 or 96202?",
        "psychologist in our group sees one family at a time for behavior training, which code?",
    ],
)
def test_one_family_at_a_time_is_no_group(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert answer.passages[0].id.split("#")[0] != "faq:several_caregivers_one_patient", answer.text


def test_a_telehealth_status_note_is_left_out_when_not_asked(dated: Assistant) -> None:
    """The note follows only when the question names a word of it."""
    answer = dated.answer("can an OT bill 97550 by video in 2026?")
    assert "provisional" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        # an MUE asked for a code no passage gives one for (the knowledge holds G0540's only)
        "what's the MUE for G0541?",
        "G0543 mue per day?",
        "mue for G0541 and G0542 - scrubber setup",
    ],
)
def test_an_mue_not_stated_is_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text
    assert "MUE" in answer.text, answer.text


def test_an_mue_the_knowledge_holds_is_answered(dated: Assistant) -> None:
    assert dated.answer("G0540 MUE?").answered


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # a denial code named beside the subject asked (changing the note after it): the subject leads
        (
            "got CO-16 on 97551, can the PT add an addendum to the note now?",
            ["may not be changed"],
            "faq:late_entry_after_denial",
        ),
        # an EHR builder's "hard stop" is a rule on the charge, not a session's stop time
        ("EHR build: do we need a hard stop if total CTS minutes under 16?", ["16 minutes"], "faq:minimum_minutes"),
        # a clinician's word for what the knowledge says plainly
        (
            "SLP: does dysphagia training of the husband count as caregiver training?",
            ["swallowing"],
            "faq:slp_can_bill",
        ),
    ],
)
def test_subject_in_other_words(dated: Assistant, question: str, holds: list[str], first: str) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    "question",
    [
        # a diagnosis code the knowledge does not hold, the procedure code only naming its claim
        "can i use Z63.6 as dx for 97550?",
        "Z74.09 ok on the 97551 claim?",
    ],
)
def test_an_unknown_diagnosis_on_a_claim_is_refused(dated: Assistant, question: str) -> None:
    answer = dated.answer(question)
    assert not answer.answered, answer.text


def test_a_known_diagnosis_on_a_claim_is_answered(dated: Assistant) -> None:
    assert "R26.81" in dated.answer("R26.81 ok on a 97550 claim?").text


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # a typo in the thing a code is asked for is no thing the knowledge lacks
        ("pls what is code for trainng caregiver when patient is not there", True),
        ("what code for caregver training with no patient", True),
        # a thing no passage names, nor one typo away
        ("what cpt for dry needling", False),
        ("ICD-10 code for autism?", False),
    ],
)
def test_code_asked_for_a_typed_thing(dated: Assistant, question: str, answered: bool) -> None:
    assert dated.answer(question).answered is answered


@pytest.mark.parametrize(
    ("question", "holds", "first"),
    [
        # a representative who consents for the patient is no other caregiver trained
        (
            "consent from the patient's POA instead of the patient ok?",
            ["representative may consent"],
            "faq:consent_representative",
        ),
        # another caregiver than the one consented to still is
        (
            "consent on file is for the son, today the daughter came instead - ok?",
            ["specific caregiver"],
            "faq:consent_declined",
        ),
        # the documentation asked for in other words
        ("what docs are needed to support G0541?", ["consent"], "faq:documentation_elements"),
        # an assistant's supervisor in another building
        (
            "can a PTA do the caregiver training in 2024 with the PT in another building?",
            ["direct supervision"],
            "faq:assistant_supervision_by_year",
        ),
    ],
)
def test_who_consents_documents_supervises(dated: Assistant, question: str, holds: list[str], first: str) -> None:
    holds_answer(dated.answer(question), holds, first)


@pytest.mark.parametrize(
    ("question", "holds", "absent"),
    [
        # no code named: the family of what was taught, on a date it exists
        (
            "group of caregivers from 4 different patients for wound care in 2026, how many units?",
            ["4 units of G0543"],
            "97552",
        ),
        (
            "45 min of ostomy care teaching with the daughter in 2026, total medicare allowed?",
            ["G0541 x1 and G0542 x1", "$53.11 + $26.05 = $79.16"],
            "97550",
        ),
        # before the G-codes existed, and functional training: the 97550 family
        (
            "wound care class with caregivers of 3 different patients in 2024, how many units?",
            ["3 units of 97552"],
            "G0543",
        ),
        ("caregivers of 5 different patients in a transfer training class, units?", ["5 units of 97552"], "G0543"),
    ],
)
def test_family_by_what_was_taught(dated: Assistant, question: str, holds: list[str], absent: str) -> None:
    answer = dated.answer(question)
    holds_answer(answer, holds, None)
    assert absent not in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # a late claim's date of service read against today (the clock: 2026-06-15)
        ("we never billed a 97550 from 4/2/2025. can we still send it today?", ["past Medicare's 12-month"]),
        ("is it too late to bill a 97550 from 11/20/2025?", ["still inside Medicare's 12-month"]),
        ("found an unbilled 97551 from last march, can we still submit it?", ["that date of service is still inside"]),
        ("forgot to bill a session from 3/2/2025 - too late?", ["past Medicare's 12-month"]),
    ],
)
def test_timely_filing_against_today(dated: Assistant, question: str, holds: list[str]) -> None:
    holds_answer(dated.answer(question), holds, "faq:timely_filing")


@pytest.mark.parametrize(
    "question",
    [
        # the code's dates are the subject, or another payer's limit is asked
        "was 97552 valid on 11/14/2023 or is that claim too old anyway?",
        "unbilled 97550 from 3/3/2025 for an Aetna patient, can we still submit it?",
    ],
)
def test_timely_filing_window_not_stated(dated: Assistant, question: str) -> None:
    assert "timely-filing limit as of today" not in dated.answer(question).text
