"""A document of several visits (round 13, sealed9 causes): only the billed date's visit counts, whatever marks its
heading; from the other visits only the consent's own sentence and the diagnosis codes carry over. And a return
demonstration the note says was not done is not found in the therapist's own demonstration."""

from __future__ import annotations

from assistant import check_note

FIRST = (
    "{lead}02/04/2025{tail}\n"
    "PT visit, pt present: gait training 97116 x2 GP (0900-0930). Wife watched. Pt signed CTS consent today naming "
    "wife Honor.\nDx: G20.A2\nSigned W. Oster, PT\n\n"
)
SECOND = (
    "{lead}02/11/2025{tail}\n"
    "Pt did not attend (home with son); session with wife Honor only (unpaid).\nConsent: signed 02/04/2025, above.\n"
    "POC goal 2: toilet transfers with wife's CGA by 03/15/2025.\nTaught: stand-to-sit, rollator brakes.\n"
    "Return demo: wife guarded PT x4, correct after one cue.\nSkilled: PD, orthostatic; PT corrected her stance.\n"
    "Time 1000-1034 (34 min)\nBilled: 97550 x1 GP\nSigned W. Oster, PT\n"
)


def _statuses(lead: str, tail: str) -> dict[str, str]:
    text = FIRST.format(lead=lead, tail=tail) + SECOND.format(lead=lead, tail=tail)
    return {c.id: c.status for c in check_note(text, dos="2025-02-11").checks}


def test_another_dates_service_is_no_same_day_service_under_banner_headings() -> None:
    statuses = _statuses("=== ", "  ===")
    assert statuses["distinct_time"] == "not_applicable"


def test_the_consent_sentence_carries_over_but_not_its_lines_other_service() -> None:
    statuses = _statuses("", " -- ")
    assert statuses["distinct_time"] == "not_applicable"
    assert statuses["consent"] == "met"


def test_a_diagnosis_listed_at_another_visit_is_still_the_patients() -> None:
    assert _statuses("", " -- ")["diagnosis_codes"] == "met"


def test_a_demo_said_not_done_is_not_found_in_the_therapists_demonstration_on_a_model() -> None:
    text = (
        "PT caregiver training 03/12/2026. Pt not present (home w/ husband). Son Ike, unpaid; consent signed "
        "02/26/2026 naming son.\nTaught: car transfer, tub bench.\n"
        "Return demo: not done today -- son had to leave for work.\n"
        "Skilled: hip precautions, fall risk; PT explained each precaution w/ demonstration on the model, son "
        "correct in his answers.\n1000-1050 (50 min).\nM. Lieb, PT, DPT"
    )
    assert next(c.status for c in check_note(text).checks if c.id == "return_demo") == "missing"


def test_a_range_given_to_another_service_is_a_same_day_service() -> None:
    """ "0800-0845 OT initial eval with pt" names no code and no listed service phrase, but the time accounting gave
    its range to another service: distinct_time compares it (was not_applicable)."""
    text = (
        "OT -- CTS w/o patient     DOS 2025-10-15\n0800-0845 OT initial eval with pt (separate note).\n"
        "0900-0930 CTS with husband Teo (unpaid) -- pt NOT present.\nConsent: pt gave verbal OK at eval this am.\n"
        "Need: OT goal LB dressing with husband set-up only.\nTaught: reacher, sock aid.\n"
        "He return demo'd AE set-up correctly x2.\nSkilled: fall precautions, corrected his set-up.\nT. Lind, OTR/L"
    )
    assert next(c.status for c in check_note(text).checks if c.id == "distinct_time") == "met"
