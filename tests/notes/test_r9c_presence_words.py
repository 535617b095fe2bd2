"""Absence said in the words of hurried, transcribed and mixed Spanish-English notes (round 9 sealed sets)."""

from __future__ import annotations

import pytest

import assistant

NOTE = (
    "Caregiver training 2025-10-06, 10:00-10:30.\n{presence}\n"
    "Caregiver: son, unpaid. Consent signed by pt 2025-09-29.\n"
    "POC goal: safe transfers with son. Taught son stand-pivot transfer; son return demo with cues.\n"
    "Priya Adebayo, PT\n"
)


@pytest.mark.parametrize(
    ("presence", "status"),
    [
        ("Pt: Kaveh Rostami -- not pres. (at cardiology)", "met"),
        # a long aside between the patient and where he was
        ("Pt (Marcus Lindgren, 44, C6 incomplete tetraplegia, G82.54; K59.2 neurogenic bowel) at his job.", "met"),
        ("CTS sin paciente con el hijo.", "met"),
        ("Pt at home, dormido, no participó en la llamada.", "met"),
        # the Spanish words for the child are the patient's
        ("El niño estuvo presente y participó toda la sesión.", "problem"),
        ("El niño no estuvo presente.", "met"),
        # nothing said of the patient's whereabouts
        ("Son arrived on time.", "missing"),
    ],
)
def test_absence_in_short_and_spanish_words(presence: str, status: str) -> None:
    report = assistant.check_note(NOTE.format(presence=presence))
    assert report.check("patient_absent").status == status
