"""Round 15c: a patient joining mid-session (time-stamped entries with a doubled dash, a supervisor's addendum, a
telehealth transcript), OCR'd signatures and column splits, quoted code text and template boxes."""

from __future__ import annotations

import pytest

import assistant

BASE = "DOS 11/19/2025. Pt not present at first. Son (unpaid) trained in stand-pivot transfers. J. Ruiz, PT\n"


@pytest.mark.parametrize(
    ("entries", "minutes", "present"),
    [
        # "2:00 pm -- ...": a typed double dash after the stamp still opens an entry
        ("2:00 pm -- training with son alone.\n2:31 pm -- pt wheeled in; pt + son practised.\n2:50 pm -- done.\n",
         31, 19),
        ("10:00 -- Started with son.\n10:30 -- Pt walked in, joined.\n10:40 -- End.\n", 30, 10),
    ],
)
def test_stamps_followed_by_a_double_dash(entries: str, minutes: int, present: int) -> None:
    report = assistant.check_note(BASE + entries)
    assert report.time.total_minutes == minutes
    assert [s.minutes for s in report.time.patient_present] == [present]


ADDENDUM_NOTE = (
    "SLP caregiver training 09/10/2025. Trainee: wife Margit (unpaid). Pt not present (waiting for transport).\n"
    "Time: 10:00-10:35 (35 min). Consent: pt signed 08/27/2025 naming Margit.\n"
    "Trained: chin tuck cueing, IDDSI level 6 prep; Margit return demo correct. Skilled: aspiration risk.\n"
    "H. Reyes-Dunn, graduate clinician\n"
    "ADDENDUM 09/10/2025 -- C. Matsuda, CCC-SLP: {said}\n"
)


@pytest.mark.parametrize(
    ("said", "status"),
    [
        # brought in by someone else partway through the one counted range: present during the training
        ("Correction: transport brought\nMr. Tillotson into the treatment room at about 10:20 and he stayed.",
         "problem"),
        ("The aide wheeled pt in and she stayed until the end of the session.", "problem"),
        ("The aide wheeled pt in at 10:15; she practised with Margit.", "problem"),
        # brought in after the training, or into the waiting room: still away during it
        ("Transport brought pt in at 11:00 for his own 92526.", "met"),
        ("Transport wheeled pt into the waiting room at 10:20 and she stayed there.", "met"),
    ],
)
def test_patient_brought_in_during_the_training(said: str, status: str) -> None:
    report = assistant.check_note(ADDENDUM_NOTE.format(said=said), dos="2025-09-10")
    assert report.check("patient_absent").status == status


@pytest.mark.parametrize(
    ("scanned", "read"),
    [
        # the second half of a hyphenated name, and a 1 closing a word after a vowel or an l
        ("signed: Beatrix Ho1m-Sandova1, PT", "signed: Beatrix Holm-Sandoval, PT"),
        ("pt gave verba1 consent; goa1 met", "pt gave verbal consent; goal met"),
        # a code's tail after a hyphen, a count, and words that end in a real 1 stay
        ("97550-G1 x1 Page1 line1 item1", "97550-G1 x1 Page1 line1 item1"),
    ],
)
def test_ocr_ones_in_words(scanned: str, read: str) -> None:
    from assistant.notes import extract

    assert extract._ocr_letters(scanned) == read


def test_scanned_signature_keeps_its_discipline() -> None:
    note = (
        "Caregiver training 09/17/2025. Trainee: husband Gerald (unpaid). Pt stayed home, not present.\n"
        "Consent: pt verbal consent 09/15/25. Need: stage 3 sacral wound; POC LTG 2 CG indep w/ dressing.\n"
        "Trained wound cleanse + dressing; return demo correct after 1 cue. Skilled: fragile skin.\n"
        "Start 1:15 pm Stop 2:00 pm = 45 min. Charges: G0541 x1 / G0542 x1\n"
        "signed: Beatrix Ho1m-Sandova1, PT, CWS\n"
    )
    report = assistant.check_note(note)
    assert report.check("provider").status == "met"
    assert [ln.modifiers for ln in report.billing.lines] == [["GP"], ["GP"]]


def _screened(text: str) -> list[tuple[str, str]]:
    from assistant.notes.screen import screen

    return [(s.kind, text[s.start : s.end]) for s in screen(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a quotation the writer says they paste is reference text, across its lines
        ('Pasting our cheat sheet: "97550 -- caregiver training, without the patient\npresent, face to face."\n',
         [("guideline", '"97550 -- caregiver training, without the patient\npresent, face to face."')]),
        # an HTML checkbox left unticked is a template, a ticked one is not
        ('<p><input type="checkbox" disabled> Caregiver return demonstration completed</p>\n',
         [("template", '<input type="checkbox" disabled> Caregiver return demonstration completed')]),
        ('<p><input type="checkbox" checked disabled> Caregiver return demonstration completed</p>\n', []),
        # a quotation nobody pastes is the writer's own
        ('Wife said "he was not here today".\n', []),
    ],
)
def test_pasted_quotes_and_html_boxes_are_screened(text: str, found: list[tuple[str, str]]) -> None:
    assert _screened(text) == found


PASTED_NOTE = (
    '  Reviewing 04/21/2026, 97550 GP. Pasting our cheat sheet: "97550 -- caregiver training,'
    ' without the patient present, face to\n'
    'face; first 30 min." Do the minutes support it?\n'
    "Caregiver training with husband Wendell (unpaid), 2:05-2:48 pm. Consent: pt signed 04/07/2026 naming Wendell.\n"
    "Need: s/p THA; POC STG 1 LB dressing with SBA of trained CG. Taught: hip precautions, sock aid.\n"
    "Return demo: Wendell correct x2 after 1 cue. Skilled: dislocation risk. S. Kjeldsen, PT, DPT\n"
)


def test_a_pasted_descriptor_says_nothing_of_presence() -> None:
    report = assistant.check_note(PASTED_NOTE, dos="2026-04-21")
    assert report.check("patient_absent").status == "missing"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a note typed in lower case: codes right after a diagnosis label, when the code set knows them
        ("pt with ms, dx g35.", ["G35"]),
        ("dx: g35 ; r53.83", ["G35", "R53.83"]),
        # elsewhere a lower-case letter and digits are no code; nor is an unknown one
        ("room a10, bed c12", []),
        ("dx: q99.99x", []),
    ],
)
def test_lower_case_codes_after_a_diagnosis_label(text: str, codes: list[str]) -> None:
    from assistant.notes.icd import codeset
    from assistant.notes.patterns import find_icd10

    assert [m.code for m in find_icd10(text, is_code=lambda c: codeset().is_valid(c))] == codes


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a coder's unanswered question, and an offer to add a line, document nothing
        ("  2. Is there a return demonstration or teach-back? Reviewers look for it.\n",
         [("checklist", "2. Is there a return demonstration or teach-back?")]),
        ("> work. If it helps I can add a line\n> that she demonstrated the transfers correctly?\n",
         [("checklist", "If it helps I can add a line\n> that she demonstrated the transfers correctly?")]),
        # a form's question with its answer on its line or the next is documentation
        ("Return demo? Y\n", []),
        ("Did wife demo? yes 3/3\n", []),
        ("Pt present?\nNo\n", []),
    ],
)
def test_unanswered_questions_are_screened(text: str, found: list[tuple[str, str]]) -> None:
    assert _screened(text) == found


@pytest.mark.parametrize(
    ("text", "away"),
    [
        # a two-column scan: the answer goes on in the left column of the next line
        ("Pt whereabouts: at cardiac            [smudged]\nrehab appt dn the hall, not w/        Consent: on file\n",
         1),
        # one column: the answer is its line
        ("Pt whereabouts: at cardiac rehab appt\n", 1),
        ("Pt whereabouts: in the room            Consent: on file\nrehab gym next door\n", 0),
    ],
)
def test_where_answer_read_down_its_column(text: str, away: int) -> None:
    from assistant.notes.where_asked import asked_where

    assert len(asked_where(text)[1]) == away
