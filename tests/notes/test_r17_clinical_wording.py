"""Round 17: the element checks' reading of clinical wording in notes written elsewhere (issue #8). One synthetic
note per phrase; statuses per docs/checks.md."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.notes.api import check_note

BASE = (
    "PT caregiver session 11/24/2026\n{p}\nTrainee: wife June (unpaid).\n"
    "{consent}\nNeed: June does all transfers; POC goal 2: transfers w/ min A of family.\n"
    "Taught: stand-pivot, gait belt use. Return demo: June did 3 transfers, cued once then correct.\n"
    "Skilled: fall risk; hands-on correction.\n10:05-10:40\n{mode}K. Lee, PT\n"
)
CONSENT = "Consent: pt signed 11/17/2026 for June."


def _check(p: str, check: str, consent: str = CONSENT, mode: str = "") -> str:
    text = BASE.format(p=p, consent=consent, mode=mode)
    return check_note(text, knowledge=cached_knowledge(), today=date(2026, 12, 3)).check(check).status


@pytest.mark.parametrize(("phrase", "status"), [
    # the trainee alone, by kinship, closing its bracket or clause
    ("Patient: Walter Lindqvist, 70, L CVA.\nTime: face to face (wife only).", "met"),
    ("Patient: Walter Lindqvist, 70, L CVA.\nPresent: wife only.", "met"),
    # ... not how well someone did, nor the patient with the trainee
    ("Patient: Walter Lindqvist, 70, L CVA.\nWife only needed one cue.", "missing"),
    # a group's caregivers, plural
    ("Patient: Walter Lindqvist, 70, L CVA.\n(All patients stay home; caregivers only.)", "met"),
    # the patient napped in another room (a new user's note after round 17's first contact)
    ("Patient: Walter Lindqvist, 70, L CVA.\nTrained wife 2:05-2:48p while pt napped in bedroom.", "met"),
    # a capitalised NOT at a hard line break
    ("Patient: Walter Lindqvist, 70, L CVA.\nTraining with wife June, pt NOT\npresent (in waiting room).", "met"),
    # the patient named on the label line, then where: home with someone else, set off by a dash
    ("Patient: Walter Lindqvist (L CVA) -- home w/ his sister while I met w/ June at the clinic", "met"),
    # a compound specialty's visit elsewhere
    ("Patient: Walter Lindqvist, 70.\nTrained June while pt was still at his neuro-oncology visit.", "met"),
    # a room on another floor
    ("Walter (70, L CVA) was in the prosthetist's fitting room downstairs the whole time.", "met"),
    # present by video is present
    ("Patient: Walter Lindqvist, 70.\nPt stayed home (fatigue) but was on FaceTime for the whole session.", "problem"),
    ("Patient: Walter Lindqvist, 70.\nPt not present. June joined by video from work.", "met"),
])
def test_presence_wordings(phrase: str, status: str) -> None:
    assert _check(phrase, "patient_absent") == status


def test_patient_on_facetime_is_not_a_telehealth_session() -> None:
    p = "Patient: Walter Lindqvist, 70.\nIn clinic with June. Pt stayed home but was on FaceTime for the whole session."
    assert _check(p, "telehealth") == "not_applicable"


@pytest.mark.parametrize(("consent", "status"), [
    # the consent names its caregiver by "naming"; another came in that caregiver's place
    ("Consent on file: signed 11/10/2026 by pt naming her son, Rafael Lindqvist, as the caregiver to be trained.\n"
     "Rafael had a work conflict -- his wife June came in his place.", "missing"),
    # a consent field answered with a refusal
    ("Consent: asked pt again at his 11/17 session -- he declined to sign for June's training. Not obtained.",
     "problem"),
    ("Consent: verbal 11/17/2026 from pt for June; written form to follow.", "met"),
    ("Consent: pt signed 11/17/2026 for June; June declined the handout.", "met"),
])
def test_consent_wordings(consent: str, status: str) -> None:
    p = "Patient: Walter Lindqvist, 70. Pt not present (at dialysis)."
    assert _check(p, "consent", consent=consent) == status


@pytest.mark.parametrize(("mode", "status"), [
    # said of the session itself, audio only outweighs a video link named as the place; the clinician's camera
    # failing is no beneficiary's reason
    ("Location: Doxy.me room\nMode: my camera would not start, so we did the session by phone (audio only).\n",
     "problem"),
    ("Location: Doxy.me room\nMode: session by phone (audio only); pt has no smartphone or computer.\n", "met"),
])
def test_audio_only_said_of_the_session(mode: str, status: str) -> None:
    p = "Patient: Walter Lindqvist, 70. Pt not present (at dialysis)."
    assert _check(p, "telehealth", mode=mode) == status


OT = (
    "OT caregiver training {date}\nPatient: Walter Lindqvist, 70, {dx}. Pt not present (at dialysis).\n"
    "Caregiver: daughter June (unpaid). Consent: pt signed 11/17/2026 for June.\n"
    "Need: June does all dressing; POC goal 2: UB dressing w/ min A of family.\n"
    "{taught}\n{demo}\n{skilled}\n10:05-10:40\nBilled: 97550 x1 GO\n{signed}\n"
)
OT_PARTS = {
    "date": "11/24/2026", "dx": "L CVA", "taught": "Taught: hemi-dressing technique, sling removal.",
    "demo": "Return demo: June did 3 reps, cued once then correct.", "skilled": "Skilled: subluxation risk.",
    "signed": "K. Lee, OTR/L",
}


def _ot(check: str, **parts: str) -> str:
    text = OT.format(**{**OT_PARTS, **parts})
    return check_note(text, knowledge=cached_knowledge(), today=date(2026, 12, 3)).check(check).status


@pytest.mark.parametrize(("check", "parts", "status"), [
    # the staff member a return demonstration was done on is not the demonstrator, nor a paid trainee
    ("return_demo", {"demo": "Return demo on OT staff member: 3 reps; cued once, then correct."}, "met"),
    ("caregiver", {"demo": "Return demo on OT staff member: 3 reps; cued once, then correct."}, "met"),
    # a possessive time word names a thing, not a plan
    ("return_demo", {"demo": "She filled out next week's grid w/ me, corrected herself after teach-back."}, "met"),
    ("return_demo", {"demo": "Teach-back next week."}, "missing"),
    # a credential in capitals broken over a line by a PDF's hard wrap
    ("assistant_modifier", {"signed": "Session furnished by: Tamsin Okereke-Lind, CO-\nTA/L"}, "problem"),
    # a field cut's scanning, a caregiver's guiding
    ("skills_taught", {"taught": "Segment 2: she practiced guiding from his L, cart as a bumper."}, "met"),
    # the posterior cerebral artery is no personal care aide
    ("caregiver", {"dx": "L homonymous hemianopia after R PCA stroke"}, "met"),
    ("caregiver", {"dx": "L CVA; June is his PCA through the county program"}, "problem"),
    # a month's name with dashes
    ("date_of_service", {"date": "Nov-24-2026"}, "met"),
    # a bare cue word in the taught list is the caregiver's cueing; the therapist's skill is said elsewhere
    ("skilled_need", {"taught": "Taught: heel slides, straight leg raise cueing, cane on the left.", "skilled": "",
                      "demo": "Return demo: June did 3 reps correctly."}, "missing"),
    ("skilled_need", {"skilled": "June needed verbal cues from me to protect the shoulder."}, "met"),
])
def test_element_wordings(check: str, parts: dict[str, str], status: str) -> None:
    assert _ot(check, **parts) == status


@pytest.mark.parametrize(("goal", "status"), [
    ('"Goal link",""', "missing"),
    ("POC goal: N/A", "missing"),
    ("POC goal 2: UB dressing w/ min A of family.", "met"),
])
def test_empty_goal_field(goal: str, status: str) -> None:
    text = OT.format(**OT_PARTS).replace("POC goal 2: UB dressing w/ min A of family.", "\n" + goal)
    report = check_note(text, knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("need_and_goal").status == status


def test_spoken_diagnosis_after_a_spoken_colon() -> None:
    text = (
        "O T note comma caregiver training period date March eighteenth twenty twenty five period new paragraph\n"
        "patient was not present comma she was at the dentist period trainee is her husband Desmond comma unpaid "
        "period written consent for Desmond signed March fourth twenty twenty five period\n"
        "diagnoses colon G twenty comma Parkinson's disease period new paragraph\n"
        "time ten fifteen to ten fifty period bill ninety seven five fifty comma one unit comma modifier G O period\n"
    )
    report = check_note(text, knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("diagnosis_codes").status == "problem"


@pytest.mark.parametrize(("dx", "status"), [
    # a remark on the retired code beside its replacement is no listed code
    ("Dx: G20.A1   (updated 2/11 -- G20 no longer billable)", "met"),
    # ... a remarked code alone is still the one listed
    ("Dx: G35 (no longer billable) -- asked MD for the specific code", "problem"),
    ("Dx: G20", "problem"),
])
def test_remark_on_a_code(dx: str, status: str) -> None:
    assert _ot("diagnosis_codes", dx=f"L CVA\n{dx}\n") == status


@pytest.mark.parametrize(("consent", "status"), [
    # the field points to its answer at the end of the note, which decides
    ("CONSENT: see end of note", "problem"),
])
def test_consent_points_to_the_end(consent: str, status: str) -> None:
    text = OT.format(**OT_PARTS).replace("Consent: pt signed 11/17/2026 for June.", consent) + (
        "CONSENT (added 10:45): could not reach pt before the session; no signed form yet. Consent not obtained.\n"
    )
    report = check_note(text, knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("consent").status == status


def test_consent_pointing_to_a_given_consent() -> None:
    text = OT.format(**OT_PARTS).replace("Consent: pt signed 11/17/2026 for June.", "CONSENT: see end of note") + (
        "CONSENT (added 10:45): pt gave verbal consent by phone 11/23/2026 for June's training.\n"
    )
    report = check_note(text, knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("consent").status == "met"


@pytest.mark.parametrize(("phrase", "status"), [
    # someone keeps the patient company at home
    ("Patient: Walter Lindqvist, 70.\nPt at home; a friend from church is sitting with him (not paid).", "met"),
    # taken out, the place a few words on
    ("Patient: Walter Lindqvist, 70.\nThe sitter took him for a walk to the corner cafe while June and I worked.",
     "met"),
    # the presence word left out after "were not"
    ("Families present (the clients themselves were not -- all at the day program during the group):", "met"),
    ("Patient: Walter Lindqvist, 70.\nPt was not cued by June; pt present in the room throughout.", "problem"),
    # for the whole time, after a label's colon
    ("Patient: Walter Lindqvist, 70.\nWhat we did, 10:05-10:40: pt sat at the kitchen table eating his lunch for the "
     "whole time so June could see the strategies live.", "problem"),
    ("Patient: Walter Lindqvist, 70.\nPt was at dialysis the whole time.", "met"),
])
def test_presence_wordings_older_rounds(phrase: str, status: str) -> None:
    assert _check(phrase, "patient_absent") == status


DICTATED = (
    "dictated 2/11/26 ot home visit caregiver training kallio residence\n"
    "patient ilkka kallio huntington disease. pt not present at start, he was out on the porch with his son.\n"
    "trained wife marjatta kallio (unpaid). consent verbal from pt today, documented here.\n"
    "session ran 10:02 to 10:40. around 10:20 {who} came in from the porch on his own and stayed for the rest.\n"
    "return demo wife guarded 4 stands, needed cue x1, then correct.\nmarit lindqvist otr/l\n"
)


@pytest.mark.parametrize(("who", "status"), [
    # a lower-case dictation names the patient in lower case too
    ("ilkka", "problem"),
    ("the mailman", "met"),
])
def test_lower_case_patient_name(who: str, status: str) -> None:
    report = check_note(DICTATED.format(who=who), knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("patient_absent").status == status


def test_day_month_name_two_digit_year() -> None:
    assert _ot("date_of_service", date="24-Nov-26") == "met"


@pytest.mark.parametrize(("demo", "status"), [
    # the later attempts' result
    ("Practice station: June guided a PT staff 'patient'; let go of the belt during the turn -> corrected; safe on 2 "
     "more trials.", "met"),
    # the caregiver, by name, did the task with its result
    ("June put on and took off both slings correctly after one demonstration.", "met"),
])
def test_return_demo_wordings(demo: str, status: str) -> None:
    assert _ot("return_demo", demo=demo) == status


def test_care_givers_of_other_patients_are_not_the_patient() -> None:
    p = ("Patient: Walter Lindqvist, 70.\nThe patients were not present, they were in the balance class down the hall."
         "\nCare givers of three different patients attended: this patient's wife June; a second patient's husband.")
    assert _check(p, "patient_absent") == "met"


@pytest.mark.parametrize(("skilled", "status"), [
    # where the hands go is not hands-on care; an edit's attribution is no correction of the caregiver
    ("Stepping into the walker with both hands on the grips.", "missing"),
    ("Corrected by author 7/29/2025 5:40 pm.", "missing"),
    ("Hands on correction of her grip.", "met"),
])
def test_skilled_need_wordings(skilled: str, status: str) -> None:
    assert _ot("skilled_need", skilled=skilled, demo="Return demo: June did 3 reps correctly.") == status


def test_need_under_a_why_heading() -> None:
    text = OT.format(**OT_PARTS).replace(
        "Need: June does all dressing; POC goal 2:", "Why: pt is new to a manual wheelchair after R BKA. POC goal 2:"
    )
    report = check_note(text, knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("need_and_goal").status == "met"


def test_mail_header_date_is_not_the_session_date() -> None:
    text = (
        "Subject: Re: Lindqvist CTS\nFrom: K. Lee <klee@clinic.example>\nDate: 11/25/2026 9:14 AM\n"
        "To: Billing <billing@clinic.example>\n\nFixed, see below.\n\n"
        + OT.format(**OT_PARTS)
    )
    report = check_note(text, dos=date(2026, 11, 24), knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("date_of_service").status == "met"


def test_credential_in_brackets_after_a_display_name() -> None:
    assert _ot("provider", signed="Annika Ströbel-Hart (OTR/L) 2:07 PM") == "met"


HANDOFF = (
    "HANDOFF -- 03/24/2026 -- OT\nPt: Geraldine Stroud (NOT present -- at her chemo infusion)   CG: Lyle Stroud, "
    "husband, unpaid\nConsent: written, pt signed 03/10/2026 for Lyle\n"
    "POC: goal 1 toilet transfers w/ SBA of trained spouse; goal 2 ostomy care by spouse w/o leaks.\n"
    "A) 9:00-9:24 -- Odette Marais, OTR/L -- functional training\nNeed: new colostomy; 1 fall from the toilet.\n"
    "Taught toilet transfer w/ grab bar. Return demo: Lyle guided me (as pt) x2, then correct.\n"
    "B) 9:24-9:50 -- Tamsin Oduro, COTA/L -- direct-care training (ostomy)\nTaught: empty the pouch, wafer change.\n"
    "Skilled: fall risk; corrected wafer sizing.\nCharges: 97550 x1 GO ({first}); G0541 x1 GO CO (Oduro)\n"
)


@pytest.mark.parametrize(("first", "status"), [
    # the line the note gives to the OTR by name needs no CO; the COTA's carries it
    ("Marais", "met"),
    ("Oduro", "problem"),
])
def test_assistant_modifier_per_furnisher(first: str, status: str) -> None:
    text = HANDOFF.format(first=first)
    report = check_note(text, knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("assistant_modifier").status == status


def test_a_video_capable_platform_is_no_patient_on_video() -> None:
    p = "Patient: Walter Lindqvist.\nI was on a video-capable platform. Pt napping upstairs, not on the call."
    assert _check(p, "patient_absent") == "met"


def test_record_date_beside_a_subject_field_is_the_notes() -> None:
    text = "title: Caregiver Training -- OT\ndate: 2026-11-24\nsubject: Lindqvist, Walter\n" + OT.format(**OT_PARTS)
    report = check_note(text, dos=date(2026, 11, 24), knowledge=cached_knowledge(), today=date(2026, 12, 3))
    assert report.check("date_of_service").status == "met"


def test_a_call_that_cut_the_session_short_is_not_its_mode() -> None:
    assert _check("Patient: Walter Lindqvist. Pt not present (at dialysis).", "telehealth",
                  mode="Time 10:05-10:40 -- had to cut short, clinic phone call.\n") == "not_applicable"
