"""Class rosters count the families who attended: a row per family naming its patient, or a table with a patient
column and an attendance column; a row marked absent, cancelled, a no-show or "NO" does not count."""

from __future__ import annotations

import pytest

import assistant
from assistant.notes.group import find_group
from assistant.notes.roster import column_table, roster_rows

HEAD = "Caregiver class 04/02/2025 1:00-2:00 pm, OT: R. Lind, OTR/L\n"


@pytest.mark.parametrize(
    ("rows", "patients"),
    [
        # a table aligned with spaces, the attendance column last
        (
            " #  Patient represented   Caregiver present   Relationship   Attended\n"
            " 1  Iris Mendel           Paul Mendel         husband        YES\n"
            " 2  Noor Haddad           Sami Haddad         son            NO (flu)\n"
            " 3  Olaf Brandt           Ute Brandt          wife           YES\n",
            2,
        ),
        (
            " #  Patient represented   Caregiver present   Relationship   Attended\n"
            " 1  Iris Mendel           Paul Mendel         husband        YES\n"
            " 2  Noor Haddad           Sami Haddad         son            NO\n",
            1,
        ),
        # the same with "|" between the columns
        (
            "| Patient | Family member | Present |\n|---|---|---|\n| Iris Mendel | Paul (husband) | yes |\n"
            "| Noor Haddad | Sami (son) | no |\n| Olaf Brandt | Ute (wife) | yes |\n",
            2,
        ),
        # rows naming the patient after the caregiver, or first with the relative by name
        (
            "Attendance:\n   1. Paul Mendel (husband) ...... pt Iris Mendel\n"
            "   2. Ute Brandt (wife) ........ pt Olaf Brandt\n",
            2,
        ),
        (
            "Families enrolled (3):\n   Mendel, Iris -- husband Paul ..... attended\n"
            "   Brandt, Olaf -- wife Ute ....... absent\n   Haddad, Noor -- son Sami ....... attended\n",
            2,
        ),
        (
            "Registered families:\n   Mendel, Iris (pt) -- Paul Mendel (husband) [attended]\n"
            "   Brandt, Olaf (pt) -- Ute Brandt (wife) [cancelled]\n"
            "   Haddad, Noor (pt) -- Sami Haddad (son) [no-show]\n",
            1,
        ),
        (
            "ROSTER\n   Pt: Iris Mendel -> caregivers: Paul Mendel (husband), Eva Mendel (daughter) -- present\n"
            "   Pt: Olaf Brandt -> caregiver: Ute Brandt (wife) -- present\n",
            2,
        ),
        (
            "Roster:\n   [x] Paul Mendel (husband) -> pt Iris Mendel\n   [ ] Ute Brandt (wife) -> pt Olaf Brandt\n"
            "   [x] Sami Haddad (son) -> pt Noor Haddad\n",
            2,
        ),
        # a row for this note's patient, patients by initials, a scan's "N0 SH0W"
        (
            "Sign-in:\n   1. Eva Lind (wife) ........ Tor Lind - this chart\n   2. (son) ........ pt R.A.\n"
            "   3. (daughter) ........ pt M.S. ..... N0 SH0W\n",
            2,
        ),
    ],
)
def test_roster_counts_the_families_who_attended(rows: str, patients: int) -> None:
    assert find_group(HEAD + rows + "\nContent: transfers.\n").patients == patients


@pytest.mark.parametrize(
    "text",
    [
        # one patient's caregivers, each named with their role: no roster of patients
        "Caregivers present:\n   - Mary Smith -- wife (unpaid)\n   - Tom Smith -- son (unpaid)\n",
        "Pt: Iris Mendel\n   Caregiver: husband Paul\n   Consent: pt signed 3/2/25\n",
        # a table without a patient column
        "Caregiver   Relationship   Attended\nPaul        husband        YES\nEva         daughter       YES\n",
    ],
)
def test_one_patients_caregivers_are_no_roster(text: str) -> None:
    assert roster_rows(text) is None and column_table(text) is None


def test_roster_group_supports_the_group_code() -> None:
    note = (
        HEAD + "Caregivers only; patients not present.\n"
        " #  Patient represented   Caregiver present   Relationship   Attended\n"
        " 1  Iris Mendel           Paul Mendel         husband        YES\n"
        " 2  Noor Haddad           Sami Haddad         son            NO\n"
        " 3  Olaf Brandt           Ute Brandt          wife           YES\n\n"
        "For Iris Mendel: husband Paul, unpaid. Consent signed by pt 03/20/2025 naming Paul.\n"
        "POC goal 2: bed to chair transfer with husband's CGA by 5/30/25. Taught stand-pivot and gait-belt use.\n"
        "Return demo: 3 stand-pivots, knee block corrected once. Skilled: L hemiparesis, fall risk.\n"
    )
    report = assistant.check_note(note, billed="97552x1:GO")
    assert report.check("group_session").status == "met"
    assert [(line.code, line.units) for line in report.billing.lines] == [("97552", 1)]


def test_a_long_line_is_read_in_linear_time() -> None:
    # a hostile line: one long word, then a table header's words; RE2 reads it once
    text = "  " + "A" * 200_000 + " wife\n" + "patient " * 20_000 + "  attended\n"
    assert roster_rows(text) is None and column_table(text) is None
