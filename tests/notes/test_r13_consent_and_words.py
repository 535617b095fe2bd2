"""Round-13 causes behind sealed9's consent, presence, return-demonstration and skilled-need errors, each in a note
of its own: consent not yet given, a signed form still to come, a caregiver sent in place of the one consented for,
"not at this visit", and an after-visit summary's own headings."""

from __future__ import annotations

import pytest

from assistant import check_note

BODY = (
    "PT caregiver session. DOS {dos}.\n{presence}\nCaregiver: {who}, unpaid.\n{consent}\n"
    "Need: POC goal 2, bed to commode with one person's help.\n"
    "Taught: slide board transfer, brakes, armrest off, board under the thigh.\n"
    "{demo}\n{skilled}\nTime 10:00-10:30 (30 min).\nGwen Moyo, PT"
)
DEFAULTS = {
    "dos": "03/04/2025", "presence": "Pt not present (home with his son).", "who": "daughter Bea",
    "consent": "Consent: pt signed consent 02/20/2025 for his daughter Bea to be trained.",
    "demo": "Return demo: Bea did two clean transfers.",
    "skilled": "Skilled: BKA and neuropathy, fall risk; PT corrected her hand placement.",
}


def _status(check_id: str, **parts: str) -> str:
    report = check_note(BODY.format(**{**DEFAULTS, **parts}))
    return next(c.status for c in report.checks if c.id == check_id)


CASES = {
    "permission not yet given": (
        "consent", "problem",
        {"consent": "Your dad hasn't given permission yet for you to be trained; the consent form is in your folder."},
    ),
    "signed form still to come": (
        "consent", "problem",
        {"dos": "06/25/2024", "consent": "Consent: he told me by phone this morning he is OK with it (we only have "
                                         "his verbal OK so far -- please bring the signed form next week)."},
    ),
    "another caregiver came in place of the one consented for": (
        "consent", "missing",
        {"who": "daughter-in-law", "consent": "Consent: pt signed 02/20/2025 for her son Dorian to receive "
                                              "caregiver training.\nToday son had to work -> his wife came instead."},
    ),
    "a consent for caregivers in general covers whoever came": (
        "consent", "met",
        {"consent": "Consent: pt signed consent for caregiver training 02/20/2025.\nSon had to work; his wife "
                    "came instead."},
    ),
    "the caregiver attended alone": (
        "patient_absent", "met",
        {"presence": "Patient Agnes Pell not present today; her daughter Bea Pell (lives w/ her, unpaid) "
                     "attended alone."},
    ),
    "a presence field answered no beside a narrative that handles the patient": (
        "patient_absent", "unclear",
        {"presence": "Patient present: No\nNarrative: Home visit. Pt in bed; we turned him together, daughter did "
                     "the roll with a wedge."},
    ),
    "not at this visit": ("patient_absent", "met", {"presence": "Pt: E. D. (home, not at this visit)."}),
    "an after-visit summary's why-a-therapist heading": (
        "skilled_need", "met", {"skilled": "Why a PT: he has a below-knee amputation and weak arms."},
    ),
    "an after-visit summary's your-turn heading": (
        "return_demo", "met", {"demo": "Your turn: you moved the board under my thigh, and your second try was right."},
    ),
}


@pytest.mark.parametrize(("check_id", "status", "parts"), CASES.values(), ids=CASES.keys())
def test_round13_words(check_id: str, status: str, parts: dict[str, str]) -> None:
    assert _status(check_id, **parts) == status
