"""Round 15: absence said beside another person ("at home with Ruth's father, not present"), time forms (a dotted
range with am/pm, HTML/XML cells, the Spanish "a" between clock times, OCR'd digits before am/pm, "an hour and ten",
a correction's bare figure, a bracketed range after the patient's place), dates only one order makes a calendar day,
Spanish pending consent and Spanish teaching words."""

from __future__ import annotations

import pytest

import assistant

ABSENCE_NOTE = (
    "OT caregiver training note 03/04/2025\n"
    "Trainee: son Rupert Vandermeer (unpaid). {where}\n"
    "Consent: verbal consent from pt for Rupert obtained 2/1/25.\n"
    "Need: falls at home; POC goal 2 safe tub transfers.\n"
    "Trained tub transfer bench technique; Rupert return demo 3/3 correct. Skilled: fall risk, hands-on correction.\n"
    "Time 10:00-10:30 (30 min). Jane Roe, OTR/L\n"
)


def _status(report: assistant.Report, check: str) -> str:
    return next(c.status for c in report.checks if c.id == check)


@pytest.mark.parametrize(
    ("where", "status"),
    [
        # another relative after "with", named by a possessive, is where the patient was, not who is absent
        ("Pt at home with Rupert's mother, not present.", "met"),
        # a title and the surname's initial name the patient
        ("Mrs V. at home with her sister, not present.", "met"),
        ("Pt at home, not brought to the session.", "met"),
        ("Pt home w/ a neighbour today, NOT at session", "met"),
        ("Paciente: (no vino hoy -- se quedó en casa con su hermana)", "met"),
        # left home by others (passive) is not the patient leaving: here she came along
        ("Pt could NOT be left home alone today, so she came along and sat in on the session.", "problem"),
        # the caregiver's own absence is still the caregiver's
        ("Rupert's wife not present.", "missing"),
    ],
)
def test_absence_beside_another_person(where: str, status: str) -> None:
    report = assistant.check_note(ABSENCE_NOTE.format(where=where), dos="2025-03-04")
    assert _status(report, "patient_absent") == status


def test_patient_label_after_a_credential_line() -> None:
    """ "..., PT" ending one line and "Pt: Name" opening the next: the label names the patient."""
    note = (
        "[mobile] entry 03/04/2025 · Dana Quill, PT\nPt: Wilma Hartigan — home w/ neighbor today, NOT at session\n"
        "CG: Ottilie Hartigan (daughter, unpaid)\nConsent signed 2/27/25 by pt, names Ottilie\n"
        "Need: hip fx; POC STG 2 car transfers. Taught car transfer; Ottilie return demo correct after 1 cue.\n"
        "Skilled: fall risk, corrected guarding. 10:00-10:30\n"
    )
    assert _status(assistant.check_note(note), "patient_absent") == "met"


def test_another_first_name_before_the_caregivers_surname() -> None:
    """ "Bertram Hartigan — not in clinic" with caregiver "Ottilie Hartigan": Bertram is the patient."""
    note = (
        "OT ShortNote 03/04/2025\nBertram Hartigan — not in clinic (wound check at surgeon's)\n"
        "trained: Ottilie Hartigan, daughter-in-law, unpaid\nconsent: signed by pt 02/27/2025 naming Ottilie\n"
        "need: hip precautions; POC LTG 1 LB dressing. taught: hip kit, sock aid; Ottilie return demo correct.\n"
        "skilled: dislocation risk, corrected. 1:35p-2:20p (45 min)\n"
    )
    assert _status(assistant.check_note(note), "patient_absent") == "met"


def test_quoted_nickname_names_the_patient() -> None:
    note = (
        'SLP note 03/04/2025\nChild: Bartholomew "Bart" Quill, 4y\n'
        "Session 2 -- parent coaching / caregiver training, 9:35-10:07. Bart went to the waiting room with grandpa;"
        " not present.\nCaregiver: mom, Dana Quill. Consent signed by Dana 2/25/25.\n"
        "POC goal 2: requests with AAC. Coached aided language modeling; Dana modeled 6 core words.\n"
        "Skilled: SLP gave feedback.\n"
    )
    assert _status(assistant.check_note(note), "patient_absent") == "met"


TIME_NOTE = (
    "Caregiver training 2025-03-11. Pt at day program, not present.\nTrained wife Ann (unpaid). Consent signed by pt"
    " 2025-02-01.\nPOC goal: safe transfers with wife's assist. Taught stand-pivot transfer; wife return demo with 1"
    " cue.\n{time}\nJane Roe, PT\n"
)


@pytest.mark.parametrize(
    ("time", "minutes"),
    [
        ("3.05-3.41 pm", 36),  # a dotted range with am/pm needs no lead word
        ("9.15-9.50", 35),  # a dotted range alone on its line
        ("9.15-9.50 (35 min)", 35),
        ("<tr><td>Start / end</td><td>10:02 / 10:30</td></tr>", 28),
        ("<startTime>15:00</startTime><endTime>16:10</endTime>", 70),
        ("Fecha: 08/05/2025   11:05 a 11:48", 43),
        ("Start 2:O2p    End 2:4Op", 38),  # OCR: letter O for a zero before the am/pm letter
        ("Time: an hour and ten (face to face with wife)", 70),
        ("CTS time (40 min—correction: 34) face to face", 34),
        ("1:00-1:40 pm  CTS -- pt at dialysis (his chair time is 12:00-3:00)", 40),
        ("Start 1:15 pm   Stop 2:OO pm", 45),  # OCR: two letters O for the two zeros
        # a home programme's dose ("30 min 3x/day") is not the session's minutes beside the stated figure
        ("14:45-14:12 (27 min)\ntaught: leg elevation 30 min 3x/day", 27),
    ],
)
def test_time_forms(time: str, minutes: int) -> None:
    assert assistant.check_note(TIME_NOTE.format(time=time)).time.total_minutes == minutes


@pytest.mark.parametrize(
    ("time", "minutes"),
    [
        ("weight 2.50-3.00 kg; Time 10:00-10:30", 30),  # a dotted pair with a unit is no clock range
        ("Total 40 min. Correction to the need line: 3 falls.", 40),  # a correction of something else
        ("1 hour and 2 caregivers trained", 60),  # "and" a count, not minutes
    ],
)
def test_not_time(time: str, minutes: int) -> None:
    assert assistant.check_note(TIME_NOTE.format(time=time)).time.total_minutes == minutes


def test_date_only_day_first_is_read_in_a_month_first_note() -> None:
    """ "Date: 14/08/2024" beside "by 9/20/24": each unambiguous date is read its only way."""
    note = (
        "Date: 14/08/2024\nCarer: husband Pieter (unpaid). Pt not present.\n"
        "Consent: pt said OK verbally to having Pieter trained -- no form signed.\n"
        "Need: toileting at night. POC LTG: toilet transfers with supervision by 9/20/24.\n"
        "Training: raised toilet seat, walker placement; Pieter return demo correct. Skilled: fall risk.\n"
        "Time 10:40-11:05\nT. Roe, PT\n"
    )
    report = assistant.check_note(note)
    assert _status(report, "date_of_service") == "met"
    assert _status(report, "consent") == "problem"  # verbal consent before 2025


def test_spanish_pending_consent_and_teaching_words() -> None:
    note = (
        "SLP nota 01/14/2026  09:10-09:36\nPaciente: no vino hoy, se quedó en casa.\nCuidador: esposo Efrain (no"
        " pagado)\nConsentimiento: pendiente -- la paciente lo firmará en la próxima cita.\n"
        "POC goal 3: mensajes con estrategias.\nEstrategias enseñadas: reducir ruido de fondo; tablero alfabético.\n"
        "Return demo: role-play, Efrain confirmó 5/6 mensajes. Skilled: disartria -- corrección.\nR. Almanza, CCC-SLP\n"
    )
    report = assistant.check_note(note)
    assert _status(report, "consent") == "problem"
    assert _status(report, "skills_taught") == "met"


XML_GROUP = """<GroupNote>
  <sessionDate>2025-11-20</sessionDate>
  <startTime>15:00</startTime><endTime>16:10</endTime>
  <title>Wound home care -- caregiver class (no patients present)</title>
  <leader credentials="PT, CWS">Odile Varga</leader>
  <attendees>
    <caregiver relation="husband" name="Anton Pribyl" patient="Zdenka Pribyl" thisRecord="true"/>
    <caregiver relation="daughter" name="Mia Ruel" patient="Hugo Ruel"/>
  </attendees>
  <narrative>
For Z. Pribyl: written consent signed 11/06/2025 naming husband Anton. Need: sacral pressure injury; POC goal 2:
healed wound with CG-performed dressing changes. Class content: dressing change, skin checks, turning schedule.
Return demo: each caregiver changed a dressing on a model; Anton correct after 1 cue. Skilled: fragile skin,
hands-on correction by the PT.
  </narrative>
</GroupNote>
"""


def test_xml_attributes_are_the_notes_fields() -> None:
    """Attendees and the leader's credentials in XML attributes: a group of two patients, furnished by a PT."""
    report = assistant.check_note(XML_GROUP, billed=[{"code": "G0543", "units": 1, "modifiers": ["GP"]}])
    assert _status(report, "provider") == "met"
    assert [(line.code, line.units, line.modifiers) for line in report.billing.lines] == [("G0543", 1, ["GP"])]


def test_a_cda_header_code_is_no_service() -> None:
    """ '<code code="11506-3" displayName="Progress note"/>' is the document's kind, not a same-day service."""
    note = '<ClinicalDocument>\n  <code code="11506-3" displayName="Progress note"/>\n</ClinicalDocument>\n' + TIME_NOTE
    report = assistant.check_note(note.format(time="Time 10:00-10:30"))
    assert _status(report, "distinct_time") == "not_applicable"


def test_no_sign_before_present() -> None:
    report = assistant.check_note(ABSENCE_NOTE.format(where="pt 🚫 present — at her infusion"), dos="2025-03-04")
    assert _status(report, "patient_absent") == "met"


def test_spanish_agency_caregiver_is_paid() -> None:
    note = ABSENCE_NOTE.replace(
        "Trainee: son Rupert Vandermeer (unpaid).",
        "Persona entrenada: Sra. Beatriz Olmedo, cuidadora de la agencia; la familia le paga por hora.",
    ).replace("Rupert", "Beatriz")
    report = assistant.check_note(note.format(where="Pt not present."), dos="2025-03-04")
    assert _status(report, "caregiver") == "problem"


SPANISH_GROUP = """GRUPO DE CAPACITACION PARA CUIDADORES -- Caregiver Group
Centro Norte        18 de junio de 2024        10:00 a 11:00 am
Facilitadora: Ana Ruiz, M.S., CCC-SLP
Asistentes (los pacientes no asistieron / patients not present):
  - Rosa Vidal, esposa de Sr. Ignacio Vidal  <- este expediente
  - Lucia Mora, hija de Sra. Carmen Mora
Para Sr. Vidal: consentimiento escrito firmado por el paciente el 06/04/2024 nombrando a Rosa. Rosa no recibe pago.
Necesidad: disfagia; POC goal 1: dieta picada sin signos de aspiracion.
Contenido: como espesar liquidos; postura a 90 grados; bocados pequenos.
Rosa demostro la prueba de flujo -- 1a mezcla muy rala, corrigio; 2a correcta.
Skilled: neumonia por aspiracion; correccion directa.
"""


def test_spanish_group_roster_and_date() -> None:
    report = assistant.check_note(SPANISH_GROUP)
    assert _status(report, "date_of_service") == "met"  # "18 de junio de 2024", not the consent's date
    assert [(line.code, line.units) for line in report.billing.lines] == [("97552", 1)]


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("Paid caregiver?              | No (all three family)", "met"),  # a flowsheet row, answered no
        ("Paid caregiver | No", "met"),
        ("Paid caregiver | Yes", "problem"),
    ],
)
def test_flowsheet_pay_question(answer: str, status: str) -> None:
    report = assistant.check_note(ABSENCE_NOTE.format(where="Pt not present.\n" + answer), dos="2025-03-04")
    assert _status(report, "caregiver") == status


def test_pressure_injury_shorthand_is_direct_care() -> None:
    note = ABSENCE_NOTE.replace(
        "Trained tub transfer bench technique",
        "Content: 30 deg lateral tilt w/ wedges; floating heels; q2h turning log; incontinence skin care. Trained",
    ).replace("safe tub transfers", "skin intact").replace("03/04/2025", "04/09/2026")
    report = assistant.check_note(note.format(where="Pt not present."))
    assert [line.code for line in report.billing.lines] == ["G0541"]


ROSTER = """Group Note -- Dressing Caregiver Group   9/12/2024   2:00-2:45 pm   Simone Nwosu, OTR/L
Roster:  (1) Harlan family -- pt Edwin Harlan; wife Marjorie  [this chart]
         (2) Ochoa family -- pt Rosa Ochoa; daughter
         (3) Wendt family -- pt Gerhard Wendt; wife
Patients not present (caregivers only).
Consent (Harlan): written, pt signed 8/29/24 naming Marjorie.
Need (Harlan): dementia, hands-on help dressing; POC LTG 2: dresses with set-up and cues from trained CG.
Content: dressing seated, pants over feet before standing, one-step cues.
Return demo: Marjorie practiced pants-over-feet on a partner, correct on 2nd try.
Skilled: caregiver back strain; body-mechanics correction by OTR.
{addendum}
"""


@pytest.mark.parametrize(
    ("addendum", "codes"),
    [
        ("ADDENDUM: The Ochoa and Wendt caregivers did not come (storm).", ["97550", "97551"]),
        ("", ["97552"]),
        # the patient named as not coming is no family's absence
        ("Gerhard Wendt did not come; his wife attended.", ["97552"]),
    ],
)
def test_families_named_absent_after_the_roster(addendum: str, codes: list[str]) -> None:
    report = assistant.check_note(ROSTER.format(addendum=addendum))
    assert [line.code for line in report.billing.lines] == codes


TABLE_GROUP = """=== GROUP SESSION FLOWSHEET (OT) ===
Date: 12/10/2025 | Group: Dressing Strategies -- Dementia Caregivers | Leader: Hana Lund, OTR/L
| Start 13:00 | End 14:00 | Patients in room: {count} |
+------------------+----------+---------------------+-----------+
| Caregiver        | Relation | Patient represented | Attended  |
+------------------+----------+---------------------+-----------+
| Per Ibsen        | son      | Walter Ibsen *      | yes       |
| Lourdes Fay      | wife     | Anton Fay           | yes       |
+------------------+----------+---------------------+-----------+
Consent (Ibsen) ....... written, pt signed 11/30/2025 for son Per
POC goal (Ibsen) ...... OT LTG 2: dressing with set-up + one-step verbal cues from trained CG; need: apraxia
Content ............... clothes laid out in dressing order; one-step cues; hand-under-hand guiding
Return demo ........... Per practiced hand-under-hand dressing on a partner, correct after 1 cue
Skilled ............... apraxia + fall hx; OT corrected cue pacing
"""


@pytest.mark.parametrize(("count", "status"), [("0", "met"), ("none", "met"), ("2", "problem")])
def test_patients_in_room_count_and_a_table_heading(count: str, status: str) -> None:
    """ "Patients in room: 0" is absence; the "Attended" heading of a ruled table says nothing of the patient."""
    report = assistant.check_note(TABLE_GROUP.format(count=count))
    assert _status(report, "patient_absent") == status


def test_spanish_return_demo_without_accents() -> None:
    spanish = "Demostracion de regreso: Rupert hizo la transferencia x3"
    note = ABSENCE_NOTE.replace("Rupert return demo 3/3 correct", spanish)
    report = assistant.check_note(note.format(where="Pt not present."), dos="2025-03-04")
    assert _status(report, "return_demo") == "met"
