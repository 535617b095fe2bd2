"""Round 17: notes in shapes nobody here wrote (issue #8): a CSV/TSV row export with a header row and quoted cells,
a two-column field export, and a calendar invite pasted above the visit note. One synthetic note per case; minutes
per docs/CONVENTIONS.md."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.models import BilledLine
from assistant.notes import grid, invites
from assistant.notes.api import check_note

CONTENT = (
    '"Ramos, Ines","2025-03-04","Teodor Ruiz, PT","husband Abel (unpaid)","{present}",'
    '"pt signed written consent for Abel 02/18/2025","falls on stairs; POC goal 1: stairs w/ rail + husband CGA",'
    '"step-to pattern, guarding below on descent","Abel guarded PT x3, cued once, then correct",'
    '"fall risk; PT corrected guarding hands-on","{start}","{stop}","97550 x1 GP"'
)
HEADER = "pt_name,dos,clinician,caregiver,pt_present,consent,need_goal,skills,return_demo,skilled,start,stop,charges\n"


def _check(note: str, billed: list[BilledLine] | None = None, dos: date = date(2025, 3, 4)):
    return check_note(note, knowledge=cached_knowledge(), today=date(2026, 12, 3), dos=dos, billed=billed)


@pytest.mark.parametrize(("text", "wanted"), [
    # quoted values: the value is inside the quotes, a doubled quote stays inside the cell
    ('"Start","Stop","Note"\n"08:31","09:18","said ""ok"", then left"',
     {"start": "08:31", "stop": "09:18", "note": 'said ""ok"", then left'}),
    # a quoted cell with a line break: the record runs on to the next line
    ('start,stop,narrative,min\n10:00,10:34,"line one\nline two, still the cell",34',
     {"narrative": "line one\nline two, still the cell", "min": "34"}),
    # a tab inside quotes in a TSV export does not split
    ('Start\tStop\tNote\n13:00\t13:34\t"a\tb"', {"start": "13:00", "stop": "13:34", "note": "a\tb"}),
    # headings are read by their words
    ("PtPresent,Total_Min,\"Time In\"\nN,30,10:00", {"pt present": "N", "total min": "30", "time in": "10:00"}),
])
def test_export_cells(text: str, wanted: dict[str, str]) -> None:
    found = {c.heading: text[c.start : c.end] for c in grid.cells(text)}
    assert {k: found.get(k) for k in wanted} == wanted


def test_a_row_export_is_read_by_its_headings() -> None:
    note = HEADER + CONTENT.format(present="N - pt at senior center", start="08:31", stop="09:18")
    report = _check(note, [BilledLine(code="97550", units=1, modifiers=["GP"]),
                           BilledLine(code="97551", units=1, modifiers=["GP"])])
    assert report.time.total_minutes == 47
    assert report.check("start_stop").status == "met"
    assert report.check("patient_absent").status == "met"  # the "pt_present" heading says nothing itself
    start = note.index("08:31")
    # evidence quotes the row as the note has it
    assert any(s.start == start and s.quote == note[s.start : s.end] for s in report.check("start_stop").evidence)


def test_a_row_exported_twice_is_one_session() -> None:
    row = CONTENT.format(present="N", start="13:00", stop="13:34")
    report = _check(HEADER + row + "\n" + row)
    assert report.time.total_minutes == 34


def test_a_two_column_field_export_reads_as_labelled_lines() -> None:
    note = ('"field","value"\n"Date of service","03/04/2025"\n"Clinician","T. Ruiz, PT"\n'
            '"Patient presence","not present -- at adult day health"\n"Caregiver","son Ali (unpaid)"\n'
            '"Consent","written, pt signed 02/18/2025 for Ali"\n"Start","10:00"\n"Stop","10:28"\n')
    assert _check(note).time.total_minutes == 28


def test_an_export_count_column_makes_a_group() -> None:
    note = ('Group,Date,Leader,RepresentedPatients,ThisPatient,PatientsPresent,Start,End,Charge\n'
            '"Stroke Caregiver Group","03/04/2025","T. Ruiz, PT","3 (Doe, Roe, Poe)","Ramos, Ines",'
            '"none -- caregivers only","11:00","12:00","97552 x1 GP"\n'
            'Consent: pt signed written consent for husband Abel 02/18/2025.\n')
    report = _check(note, [BilledLine(code="97552", units=1, modifiers=["GP"])])
    assert [line.code for line in report.billing.lines] == ["97552"]


BODY = (
    "PT NOTE 03/04/2025 -- T. Ruiz, PT\nCaregiver training; pt NOT present (at home with a neighbor).\n"
    "Caregiver: daughter Rosa (unpaid). Consent: written consent signed by pt 02/18/2025 for Rosa.\n"
    "Need: 2 near-falls in shower; POC goal 2: shower transfer with daughter's SBA.\n"
    "Taught: tub bench transfer. Return demo: Rosa guarded PT x2, cued once.\n"
    "Skilled: fall risk, PT corrected guarding.\n"
)


@pytest.mark.parametrize(("invite", "times", "minutes"), [
    # the booked slot is not the session: the note's own times win
    ("BEGIN INVITE ----\nWhen: Tue Mar 4, 2025 1:00 PM - 3:00 PM\nOrganizer: T. Ruiz, PT\nEND INVITE ----\n",
     "2:10 pm to 2:48 pm\n", 38),
    ("Invite: Caregiver training -- Ramos (daughter only)\nTue 3/4/2025, 3:00-3:45 pm, Room 4\n"
     'Auto-text: "Please bring the patient.\nArrive 15 minutes early."\n------\n', "3:05 pm to 3:32 pm\n", 27),
    ("Microsoft Outlook -- Meeting\nDate: Tuesday, March 4, 2025   9:00 AM-9:45 AM\nDuration: 45 minutes\n"
     "Reminder: 15 minutes before\n------\n", "Connected 9:02; ended 9:33.\n", 31),
    # the template's time fields left blank: the recurring slot does not fill them
    ("EVENT: Home CTS -- Ramos (dtr Rosa)\nMar 4, 2025, 9:00 AM - 9:45 AM   (recurring: every Tue x4)\n____\n",
     "Time in: __:__     Time out: __:__     Total: ___ min\n", None),
])
def test_an_invite_slot_is_not_session_time(invite: str, times: str, minutes: int | None) -> None:
    assert _check(invite + BODY + times).time.total_minutes == minutes


def test_invite_blocks_end_at_the_note() -> None:
    text = 'Calendar: "Telehealth -- CG session"\nFeb 10, 2026  10:30-11:00  |  Location: room\nNote written after:\n'
    assert invites.blocks(text) == ((0, text.index("\nNote")),)
    # an "Event:" line of the patient's history opens no slot over the note's own time line
    note = "Event: fall at home last week\nTime: 10:00-10:30 CTS"
    assert not invites.in_invite(note, note.index("10:00"))
    assert invites.blocks("Adverse event: none. 10:00-10:30 CTS") == ()


def test_a_sentence_with_commas_is_no_header_row() -> None:
    # a prose line with commas above a line that splits alike is no row of column names: its words still count
    note = ("Pt not present (pt at home w/ wife); son, Jon Lund, trained alone (unpaid).\n"
            "Consent: pt signed written consent naming son, 01/14/2025, in chart.\n"
            "Need: morning ADLs; OT POC goal 1: dressing with set-up.\n97550 x1 GO\nI. Tallis, OTR/L\n")
    assert grid.header_rows(note) == ()
    assert _check(note, dos=date(2025, 1, 21)).check("patient_absent").status == "met"


def test_other_represented_patients_counted_after_the_label() -> None:
    note = ("GROUP CAREGIVER CLASS RECORD 05/20/2025\nRepresented patient on this record: Rao, Pia\n"
            "Her caregiver attending: granddaughter Lidia (unpaid). Consent: pt signed CTS consent for Lidia "
            "05/06/2025.\nPatients NOT present -- caregivers only.\nOther represented patients: 2 others (caregivers: "
            "one husband, one son).\nClass time 2:00 - 3:00 pm\nBilling for this pt: 97552 x1 GP\n"
            "Instructor: B. Whitcombe, PT, DPT\n")
    report = _check(note, [BilledLine(code="97552", units=1, modifiers=["GP"])], dos=date(2025, 5, 20))
    assert report.check("group_session").status == "met"


def test_a_credential_broken_at_a_pdf_line_end_is_read() -> None:
    note = ("Caregiver Training -- DOS: 02/24/2026\nPt stayed at home, not present.\n"
            "Caregiver: Anders (husband, unpaid). Consent: signed by pt 02/10/2026 for husband Anders.\n"
            "Need: L hemiparesis; POC goal 2 (OT): UB dressing w/ min A of trained spouse.\n"
            "Taught: hemi-dressing. Return demo: 3 reps, cued once, then correct.\nSkilled: subluxation risk.\n"
            "Time 3:10 pm -- 3:48 pm.\nBilled: 97550 x1 GO; 97551 x1 GO\n"
            "Session furnished by: Tamsin Okereke-Lind, CO-\nTA/L, under general supervision of R. Vasquez, OTR/L\n")
    report = _check(note, [BilledLine(code="97550", units=1, modifiers=["GO"]),
                           BilledLine(code="97551", units=1, modifiers=["GO"])], dos=date(2026, 2, 24))
    assert [sorted(line.modifiers) for line in report.billing.lines] == [["CO", "GO"], ["CO", "GO"]]


def test_a_chat_sender_credential_in_brackets_names_the_discipline() -> None:
    note = ("Google Chat -- space \"OT Clinic Ops\"   Tue Aug 26 2025\nAnnika Ströbel-Hart (OTR/L) 2:07 PM\n"
            "  Caregiver training, pt NOT present. Daughter Janelle (unpaid) trained.\n"
            "  Consent: Ruth signed consent for Janelle 08/12/2025.\n  Session 1:00-1:40 PM.\n  97550 x1 GO\n")
    report = _check(note, [BilledLine(code="97550", units=1, modifiers=["GO"])], dos=date(2025, 8, 26))
    assert report.check("provider").status == "met"
