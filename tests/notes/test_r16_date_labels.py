"""A date's label: a question-and-answer row's question labels its answer's date, a plan of care's signing date is
not the session's (a date of birth or a plan-of-care date taken as the note's date refused appeals16); and a call at
another time than the session is not how the session was held."""

from __future__ import annotations

import pytest

from assistant.notes.extract import extract, session_dates
from assistant.notes.patterns import find_dates

_QA = (
    "Q  Patient / DOB?                         A  Gunnar Halvorsen-Obi, 07/30/1950\n"
    "Q  Date of service?                       A  11/05/2026\n"
)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # the padding puts the question beyond the 40 characters before the answer's date
        (_QA, ["other", "dos"]),
        ("Q: Date of birth?                                   A: 02/14/1943", ["other"]),
        # a question that labels nothing leaves its answer's date unlabelled
        ("Q  When did she last fall?                          A  10/30/2026", [""]),
        # a row cut by the reach is not read from its middle
        ("x" * 200 + " Q  DOB?" + " " * 30 + "A  10/30/2026", [""]),
        # a plan of care's signing date
        ("certifying physician, plan of care signed 10/02/2026", ["other"]),
        ("Plan of care certified 10/02/2026", ["other"]),
        # the session's own date stays so
        ("Date of service: 10/21/2026", ["dos"]),
        ("Session today 10/21/2026, e-signed 10/21/2026", ["dos", ""]),
    ],
)
def test_date_labels(text: str, labels: list[str]) -> None:
    assert [d.label for d in find_dates(text)] == labels


def test_a_letter_dated_above_its_salutation_is_the_session_when_the_body_dates_only_the_plan_of_care() -> None:
    text = (
        "CLINIC\nOctober 21, 2026\n\nDr. A, MD (certifying physician, plan of care signed 10/02/2026)\n\n"
        "Dear Dr. A,\nThis afternoon I trained his wife for 41 minutes.\n"
    )
    assert [d.value.isoformat() for d in session_dates(extract(text))] == ["2026-10-21"]


def test_a_date_of_birth_in_a_question_and_answer_form_is_not_the_session() -> None:
    assert [d.value.isoformat() for d in session_dates(extract(_QA))] == ["2026-11-05"]


def test_a_dictated_year_wrapped_onto_the_next_line_is_read_whole() -> None:
    text = "Date of service August third twenty twenty\nsix, patient not here."
    assert [d.value.isoformat() for d in find_dates(text)] == ["2026-08-03"]


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # a consent reconfirmed by phone before the session says nothing of how the session was held (appeals16)
        ("08/05/2026 -- reconfirmed with pt by phone before this session.", "not_applicable"),
        ("Called wife by phone after today's visit to check the bench height.", "not_applicable"),
        ("Session held by phone only; wife has no video.", "problem"),
    ],
)
def test_a_call_at_another_time_is_not_the_sessions_mode(line: str, status: str) -> None:
    import assistant

    note = (
        "Daily note 08/06/2026. Pt not present (at his stroke group). Trainee: daughter Priya, unpaid.\n"
        "8. Communication / coordination:\n   07/15/2026 -- pt gave verbal consent for daughter Priya Ozuna to "
        "receive caregiver training; documented in POC that day.\n"
        f"   {line}\nLTG 1: transfers with daughter's min assist. Taught stand-pivot; Priya return demo x3.\n"
        "Time: 9:00-9:30 (30 min). M. Oduya, PT, DPT\n"
    )
    report = assistant.check_note(note)
    assert next(c.status for c in report.checks if c.id == "telehealth") == status
