"""Where the patient was, said indirectly: taking part, interpreting for the caregiver, sitting in a chair through
the session (present); not at home, taken to the waiting room (absent)."""

from __future__ import annotations

import pytest

import assistant

NOTE = (
    "Caregiver training 2025-03-04. {where}\nTrained wife Ann (unpaid). Consent signed by pt 2025-02-01.\n"
    "POC goal: safe transfers with wife's assist. Taught stand-pivot transfer; wife return demo with 1 cue.\n"
    "10:00-10:30 CTS. Jane Roe, PT\n"
)


@pytest.mark.parametrize(
    ("where", "status"),
    [
        ("Pt (bilingual) interpreted for his wife during the session at his own request.", "problem"),
        ("Pt in recliner during session.", "problem"),
        ("Pt seated in w/c during session and practiced sit-stand with wife guarding x4.", "problem"),
        ("Paciente dormido en otro cuarto, no estaba en la llamada.", "met"),
        ("Pt was in the recliner the whole time and took part in each practice.", "problem"),
        ("pt not at home (dialysis chair time Tu/Th/Sa)", "met"),
        ("Pt taken to the waiting room by transport at the end of her session and stayed there.", "met"),
        # someone else taking part or interpreting says nothing of the patient
        ("Interpreter interpreted for wife; pt at day program.", "met"),
        ("Wife took part in each practice; pt at day program.", "met"),
        ("Pt was at dialysis the whole time.", "met"),
        # gone before the training (an appeals scenario's note shapes)
        ("Pt then walked out to the car with his grandson for a dental appointment.", "met"),
        ("Pt location: at home (wife's friend staying with him); not at training.", "met"),
        ("32 min, patient gone.", "met"),
        # "the whole time" alone says how long, not where: away there is absent
        ("Pt stayed in waiting area with her sister the whole time (not in the treatment room).", "met"),
    ],
)
def test_patient_whereabouts(where: str, status: str) -> None:
    report = assistant.check_note(NOTE.format(where=where))
    assert next(c.status for c in report.checks if c.id == "patient_absent") == status


def test_spanish_return_demo_is_read() -> None:
    note = NOTE.replace("wife return demo with 1 cue", "Ann hizo la demostración de retorno x3").format(
        where="Pt at day program."
    )
    report = assistant.check_note(note)
    assert next(c.status for c in report.checks if c.id == "return_demo") == "met"
