"""Round-8 time, units and billing lines: export field names, dictated billing clauses, where the patient spends
the day, tables of several rows, a patient who joins late, an addendum written for a denial, and group rosters.

The minutes follow docs/CONVENTIONS.md (clock-derived CTS minutes when clock times are documented; only the minutes
without the patient count), the lines the time-to-units rule and the group rule of docs/checks.md.
"""

from __future__ import annotations

import pytest

import assistant
from assistant.models import Report
from assistant.notes.addenda import find_entries
from assistant.notes.dictated import spoken_codes
from assistant.notes.group import find_group

BASE = "DOS 11/19/2025. Pt not present (stayed home). Son (unpaid) trained in stand-pivot transfers. J. Ruiz, PT\n"
KNOWN = frozenset({"97550", "97551", "97552", "G0541", "G0542", "G0543"})


def _lines(report: Report) -> list[tuple[str, int]]:
    return [(ln.code, ln.units) for ln in report.billing.lines]


@pytest.mark.parametrize(
    ("fields", "minutes", "stated"),
    [
        ("Start_Time: 13:05\nStop_Time: 13:52\nTotal_Minutes: 47\n", 47, 47),
        ("TIME_IN=14:40\nTIME_OUT=15:02\n", 22, None),
        ("Session_Start: 9:00\nSession_End: 9:31\n", 31, None),
        ("CTS_Minutes: 28\n", 28, 28),
    ],
)
def test_export_field_names_joined_by_underscores(fields: str, minutes: int, stated: int | None) -> None:
    report = assistant.check_note(BASE + fields)
    assert report.time.total_minutes == minutes
    assert report.time.stated_total_minutes == stated
    assert report.check("total_time").status == "met"


def test_a_key_value_presence_field() -> None:
    report = assistant.check_note(BASE.replace("Pt not present (stayed home). ", "") + "PT_PRESENT=No\n9:00-9:30\n")
    assert report.check("patient_absent").status == "met"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # the digit before "unit" is the count, not the ones of the code's last number
        ("Bill ninety seven five fifty one unit modifier G P.", [("97550", 1, ("GP",))]),
        ("Billing ninety seven five fifty two units G O.", [("97550", 2, ("GO",))]),
        # a code spoken digit by digit stops at its five digits; the next word is its count
        ("Charge nine seven five five zero one unit G P.", [("97550", 1, ("GP",))]),
        # the add-on said in full, then its own count
        ("Charges ninety seven five fifty one, two units G P.", [("97551", 2, ("GP",))]),
        ("Charges ninety seven five fifty one unit G P and ninety seven five fifty one two units G P.",
         [("97550", 1, ("GP",)), ("97551", 2, ("GP",))]),
        # a numeric modifier said as a number after another modifier
        ("Charge nine seven five five zero one unit G P and fifty nine.", [("97550", 1, ("GP", "59"))]),
        # ... but minutes said after a code stay minutes
        ("Bill ninety seven five fifty one unit and fifty nine minutes.", [("97550", 1, ())]),
    ],
)
def test_dictated_billing_clause(clause: str, expected: list[tuple[str, int, tuple[str, ...]]]) -> None:
    assert [(s.code, s.units, s.modifiers) for s in spoken_codes(clause, KNOWN)] == expected


@pytest.mark.parametrize(
    ("line", "minutes"),
    [
        ("Pt not present; at senior day center 9a-3p.\nCTS 10:02-10:42 via video.\n", 40),
        ("Pt at dialysis 12:30-4:30 pm. Trained son 1:00-1:35 pm.\n", 35),
        ("Pt attends adult day program 8-2 pm. Session 10:00-10:30.\n", 30),
    ],
)
def test_the_patient_s_hours_elsewhere_are_not_session_time(line: str, minutes: int) -> None:
    assert assistant.check_note(BASE + line).time.total_minutes == minutes


def test_a_lone_range_after_a_place_is_still_the_session() -> None:
    # the place names where the training was, and there is no other range: the range is the training's
    assert assistant.check_note(BASE + "Trained at the clinic 10:00-10:30.\n").time.total_minutes == 30


@pytest.mark.parametrize(
    "table",
    [
        "Segment\tStart\tStop\tContent\n1\t09:00\t09:20\ttransfers\nbreak\t09:20\t09:35\t(not counted)\n"
        "2\t09:35\t09:58\tdressing\nReturn demo:\tson did it\n",
        "| Part | Start | Stop |\n|---|---|---|\n| 1 | 09:00 | 09:20 |\n| break | 09:20 | 09:35 |\n"
        "| 2 | 09:35 | 09:58 |\n",
    ],
)
def test_every_row_of_a_start_stop_table_counts(table: str) -> None:
    report = assistant.check_note(BASE + table)
    assert report.time.total_minutes == 43
    assert _lines(report) == [("97550", 1), ("97551", 1)]


def test_a_table_ends_at_the_first_row_without_two_times() -> None:
    table = "Start\tStop\n09:00\t09:30\nNotes\tnone\n11:00\t11:10\n"
    assert assistant.check_note(BASE + table).time.total_minutes == 30


@pytest.mark.parametrize(
    ("entries", "minutes", "present"),
    [
        ("09:00 Video started with son. Taught transfers.\n09:34 Pt got home and joined the call; practiced.\n"
         "09:46 Ended.\n", 34, 12),
        # dictated: each entry's time said aloud and followed by "colon"
        ("Nine o'clock a m colon met with son alone period. Taught transfers period.\n"
         "Nine thirty one colon patient brought in and joined comma practiced together period.\n"
         "Nine forty five colon done period.\nCaregiver training time nine o'clock to nine thirty one period.\n",
         31, 14),
    ],
)
def test_a_patient_who_joins_late_is_kept_apart(entries: str, minutes: int, present: int) -> None:
    report = assistant.check_note(BASE.replace("Pt not present (stayed home). ", "") + entries)
    assert report.time.total_minutes == minutes
    assert [s.minutes for s in report.time.patient_present] == [present]
    assert report.check("patient_absent").status == "met"
    assert report.check("distinct_time").status == "met"  # the patient's part has its own time
    assert _lines(report) == [("97550", 1)]


def test_a_patient_who_did_not_join_is_not_kept_apart() -> None:
    entries = "09:00 Met with son. Taught transfers.\n09:34 Pt did not join; reviewed handout.\n09:46 Ended.\n"
    report = assistant.check_note(BASE + entries)
    assert report.time.patient_present == []
    assert report.check("distinct_time").status == "not_applicable"


@pytest.mark.parametrize(
    ("entry", "payment"),
    [
        ("Addendum 01/21/2025 (records request / denial CO-16 M53 rec'd 01/09/2025): session was approx. 40 min.",
         True),
        ("Addendum 01/21/2025: per ADR, session was 40 min.", True),
        ("Late entry 01/21/2025 after claim denial: session lasted 40 minutes.", True),
        ("Addendum 01/21/2025 re: denial N657 - time 10:00-10:40.", True),
        ("Addendum 01/21/2025 (requested by the billing department): 40 min.", True),
        ("Amendment 01/21/2025 for TPE audit: 40 min.", True),
        ("Addendum 11/06/2024: forgot to record time; session 10:00-10:40.", False),
        ("Addendum 11/06/2024: return demo details omitted yesterday; son repeated it with one cue.", False),
    ],
)
def test_an_entry_for_a_denial_is_for_payment(entry: str, payment: bool) -> None:
    assert [e.payment for e in find_entries("Note text.\n\n" + entry)] == [payment]


def test_minutes_added_after_a_denial_do_not_count() -> None:
    note = (
        "PT note 11/5/2024. Pt not present (at dialysis). Wife (unpaid) trained in transfers.\n"
        "Billed 97550 GP, 97551 GP\n-- C. Abe, PT\n\n"
        "Addendum 01/21/2025 (records request / denial CO-16 rec'd 01/09/2025): session was approx. 40 min.\n"
    )
    report = assistant.check_note(note)
    assert report.time.total_minutes is None
    assert report.check("total_time").status == "missing"
    assert report.check("units").status == "problem"
    assert report.billing.lines == []


@pytest.mark.parametrize(
    ("roster", "patients"),
    [
        # a bracket qualifies the heading; "Last, First" names and initials split at semicolons
        ("Residents represented (none present): Baptiste, Lucien (this claim; CGS); E.P.; G.T.; W.N.\n", 4),
        ("Families: pt Mahlangu, Sifiso (wife Nomvula) - this chart; pt C.D. (daughter); pt R.S. (husband + son)\n", 3),
        # a lettered attendance list with each child's age
        ("Families present:\n  (a) Cyrus Farahani, 3 -- mother Leyla Farahani\n"
         "  (b) Ingrid Solberg, 2 -- father Kwabena Appiah\n", 2),
    ],
)
def test_group_rosters(roster: str, patients: int) -> None:
    assert find_group("Group caregiver training.\n" + roster).patients == patients


def test_caregivers_of_named_patients_written_last_name_first() -> None:
    text = (
        "Group caregiver training. Present: caregivers of pt Ekwueme, Chukwudi (brother, unpaid) and of pt "
        "Salo-Varga, Tímea (partner, unpaid).\n"
    )
    assert find_group(text).patients == 2


def test_a_group_billed_with_individual_codes() -> None:
    note = (
        "Group caregiver training, 3 July 2025, 11:15-12:00. Patients not present.\n"
        "Present: caregivers of pt Ekwueme, Chukwudi (brother Obiora, unpaid) and of pt Salo-Varga, Timea "
        "(partner Ildiko, unpaid).\nContent: limb wrapping, slide-board transfer.\n"
        "Billed: 97550 x1 GP + 97551 x1 GP. R. Doyle, PT\n"
    )
    report = assistant.check_note(note)
    assert report.check("group_session").status == "problem"
    assert report.check("minimum_time").status == "not_applicable"
    assert report.check("units").status == "problem"
    assert _lines(report) == [("97552", 1)]


@pytest.mark.parametrize(
    ("opening", "role"),
    [
        ("O T caregiver training dictation comma Siobhan Achebe-Holm O T R slash L period.", "OT"),
        ("Physical therapy dictation period. Therapist Anneliese Kowalczyk P T period.", "PT"),
    ],
)
def test_a_dictated_credential_right_after_the_clinician_s_name(opening: str, role: str) -> None:
    from assistant.notes.patterns import find_credentials

    assert role in [c.role for c in find_credentials(opening)]


@pytest.mark.parametrize(
    ("plan", "status", "same_day"),
    [
        ("P: continue POC; recheck wife's technique w/ pt present next visit (97530).", "not_applicable", []),
        ("Plan: 97530 with pt next week.", "not_applicable", []),
        # a service of this day, named without times
        ("Pt seen for 97530 before the training.", "unclear", ["97530"]),
    ],
)
def test_a_planned_service_is_not_a_same_day_service(plan: str, status: str, same_day: list[str]) -> None:
    report = assistant.check_note(BASE + "Training 10:15-11:00. 97550 x1 GP, 97551 x1 GP.\n" + plan)
    assert report.check("distinct_time").status == status
    assert [line.code for line in report.billing.same_day] == same_day


@pytest.mark.parametrize(
    ("fields", "minutes", "stated"),
    [
        # field names run together, a JSON export's quotes, a timestamp's date before the time
        ("TimeIn: 1305\nTimeOut: 1352\n", 47, None),
        ('"start": "13:05", "end": "13:52"\n', 47, None),
        ("CTS_START_TS: 2025-11-19 13:05\nCTS_END_TS: 2025-11-19 13:52\n", 47, None),
        ("Start: 11/19/2025 13:05  End: 11/19/2025 13:52\n", 47, None),
        # the unit in brackets, or a minutes field named before or after what it measures
        ("Total Time (min): 47\n", 47, 47),
        ("Duration (min): 47\n", 47, 47),
        ("Duration_Minutes: 47\n", 47, 47),
        ("Minutes_CTS: 47\n", 47, 47),
        ("CTS Time (minutes): 47\n", 47, 47),
    ],
)
def test_more_export_field_forms(fields: str, minutes: int, stated: int | None) -> None:
    report = assistant.check_note(BASE + fields)
    assert report.time.total_minutes == minutes
    assert report.time.stated_total_minutes == stated


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        # the visit's own clock around the training's
        ("Visit Start: 13:00 Visit End: 14:00\nCaregiver training 13:05-13:52\n", 47),
        ("Appointment 1:00-2:00 pm. CTS 1:05-1:52 pm with son.\n", 47),
        # where the patient was meanwhile, the patient leading the clause
        ("Pt went to church 9:00-12:00 with neighbor. CTS 10:02-10:42 with son.\n", 40),
        ("Pt's infusion ran 9:30-11:30. Son trained 10:02-10:42.\n", 40),
        # the days of the week, slashed, before someone's hours
        ("Time 10:02-10:42. Pt's dialysis M/W/F 6:00-10:00.\n", 40),
    ],
)
def test_the_visit_s_and_the_patient_s_clocks_are_not_training(text: str, minutes: int) -> None:
    assert assistant.check_note(BASE + text).time.total_minutes == minutes


@pytest.mark.parametrize(
    "text",
    [
        # two parts of the training: the longer one is not taken out when nothing names it the visit's
        "CTS 2:00-3:00: transfers 2:00-2:30, dressing 2:30-3:00.\n",
        # the patient at the training, not away
        "Pt present in the room 2:00-3:00 while son trained 2:10-2:40.\n",
    ],
)
def test_a_range_holding_another_stays_without_a_visit_or_away_cue(text: str) -> None:
    assert assistant.check_note(BASE + text).time.total_minutes == 60


def test_a_visit_total_beside_its_evaluation_is_not_the_training_s() -> None:
    report = assistant.check_note(
        BASE + "Caregiver training 10:02-10:42 (40 min). Total visit time 75 min including eval 35 min.\n"
    )
    assert report.time.stated_total_minutes == 40
    assert report.check("total_time").status == "met"


@pytest.mark.parametrize(
    ("entries", "minutes", "present"),
    [
        # the stamp in brackets, or a military time without a colon; a comma between the patient and the verb
        ("[10:00] Session began with daughter.\n[10:32] Patient returned home and joined.\n[10:47] Session ended.\n",
         32, 15),
        ("0900 Started w/ son.\n0930 Pt home from church, joined.\n0945 Done.\n", 30, 15),
        ("10:00 AM Started with daughter alone.\n10:32 AM Patient walked in; practiced with daughter.\n10:47 AM End.\n",
         32, 15),
    ],
)
def test_more_time_stamp_forms(entries: str, minutes: int, present: int) -> None:
    report = assistant.check_note(BASE.replace("Pt not present (stayed home). ", "Pt not present at first. ") + entries)
    assert report.time.total_minutes == minutes
    assert [s.minutes for s in report.time.patient_present] == [present]


@pytest.mark.parametrize(
    ("text", "patients"),
    [
        ("Caregiver group (n=5 families), 2:00-3:00.", 5),
        ("Group training with caregivers from 3 households.", 3),
        ("Caregiver training group -- 3 patients' families present (this pt's wife, plus 2 others).", 3),
        ("In-service for facility aides caring for 5 residents.", 5),
        ("Group caregiver training. Residents represented: Mr. Lee (this claim), Mrs. Park, Mr. Diaz.", 3),
        ("Group CTS (97552). Trainees: Tom Lee (husband, pt Ann Lee - this chart); Mi Park (daughter, pt Jin Park).",
         2),
        ("| Patient | Caregiver | Relationship |\n|---|---|---|\n| Lee, Ann (this note) | Tom Lee | husband |\n"
         "| Park, Jin | Mi Park | daughter |\n| Diaz, Rosa | Luis Diaz | son |\n", 3),
        # a row marked absent does not count
        ("| Patient | Caregiver | Relationship |\n|---|---|---|\n| Lee, Ann (this note) | Tom Lee | husband |\n"
         "| Park, Jin | no caregiver came | - |\n", None),
        # one patient's caregivers, however many
        ("Caregiver training for wife and daughter of this patient (group of two caregivers, one patient).", None),
    ],
)
def test_more_group_forms(text: str, patients: int | None) -> None:
    assert find_group(text).patients == patients


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        # a split session's numbered fields
        ("Start_1: 09:00 Stop_1: 09:20 Start_2: 09:35 Stop_2: 09:58\n", 43),
        # a table without a header: two clock cells side by side, a break row told by its own cell
        ("| 09:00 | 09:20 | transfers |\n| 09:35 | 09:58 | dressing |\n", 43),
        ("| 09:00 | 09:20 | transfers |\n| 09:20 | 09:35 | BREAK |\n| 09:35 | 09:58 | dressing |\n", 43),
        # a year in the cell before a clock is not a clock
        ("DOS: February 11, 2025 | 1:10 PM - 2:00 PM\n", 50),
    ],
)
def test_split_sessions_in_fields_and_table_rows(text: str, minutes: int) -> None:
    assert assistant.check_note(BASE + text).time.total_minutes == minutes
