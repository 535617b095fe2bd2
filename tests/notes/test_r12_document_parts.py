"""Parts of a document that are not the training's: a team conference's attendees of other disciplines, the
author's own pre-billing checklist (the signature after it is the note's)."""

from __future__ import annotations

import assistant

BODY = (
    "Pt at dialysis, not present. Daughter Ann (unpaid) trained. Consent signed by pt 04/01/2025 naming Ann.\n"
    "POC goal: dressing with daughter's set-up. Taught sock aid, reacher. Ann return demo correct after 1 cue.\n"
    "Skilled: fall risk, hypotension.\n"
)


def test_the_discipline_that_bills_when_several_attend() -> None:
    note = (
        "TEAM CONFERENCE + FAMILY TRAINING 04/15/2025\n"
        "Attendees: Ann (daughter); Ilka Marten, OTR/L; Faye Roux, PT; Colm Reyes, LCSW\n"
        "13:35-14:05 OT caregiver training.\n" + BODY + "OT billing: 97550 GO x1\n-- I. Marten, OTR/L\n"
    )
    report = assistant.check_note(note, billed="97550x1:GO")
    assert [line.modifiers for line in report.billing.lines] == [["GO"]]
    assert report.check("therapy_modifier").status == "met"


def test_the_signature_after_a_checklist_of_boxes_is_kept() -> None:
    note = (
        "Date 1/22/25. 10:10-10:55 caregiver training.\n" + BODY + "\nChecklist before billing:\n"
        "(x) consent   (x) CG identified   (x) goal   (x) RD\n"
        "Units 45 min -> 97550 + 97551 GP\nFarida Nasser-Holt, PT\n"
    )
    report = assistant.check_note(note)
    assert report.check("provider").status == "met"
    assert [line.modifiers for line in report.billing.lines] == [["GP"], ["GP"]]


def test_a_range_after_its_code_is_that_codes_time() -> None:
    note = (
        "Visit 09/16/2025. From 3:00 to 3:35 pm caregiver training with daughter; pt in waiting room, not present.\n"
        + BODY + "Pt joined 3:35 to 3:50 pm for therapeutic activity.\n"
        "Billing: 97550 GP (3:00-3:35) ; 97530 GP (3:35-3:50)\n-- Ansgar Montclair, PT\n"
    )
    report = assistant.check_note(note, billed="97550x1:GP,97530x1:GP")
    assert report.check("distinct_time").status == "met"
    assert report.time.total_minutes == 35
    assert report.time.basis.count("15:00-15:35") == 1
