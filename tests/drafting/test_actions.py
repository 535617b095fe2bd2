"""What the biller is told to do for a correction, by route and payer type."""

from __future__ import annotations

import pytest

from assistant.drafting.actions import added_modifiers, correction_actions
from assistant.knowledge.loader import cached_knowledge
from assistant.models import BilledLine

KB = cached_knowledge()
LINES = [BilledLine(code="97550", units=1, modifiers=["GP"])]


@pytest.mark.parametrize(("route", "payer_type", "says", "never"), [
    ("clerical_reopening", "medicare", "clerical-error reopening", "Submit"),
    ("new_claim", "medicare", "Submit a new claim with: 97550 x1 GP", "replacement"),
    ("new_claim", "commercial", "Submit a corrected (replacement) claim with: 97550 x1 GP", "new claim with"),
    ("new_claim", "medicare_advantage", "corrected (replacement) claim", "new claim with"),
])
def test_correction_actions(route: str, payer_type: str, says: str, never: str) -> None:
    text = " ".join(correction_actions(KB, route, None, LINES, payer_type=payer_type))
    assert says in text and never not in text


@pytest.mark.parametrize("payer_type", ["medicare", "medicare_advantage", "commercial"])
def test_a_claim_for_another_payer_is_a_new_claim_to_that_payer(payer_type: str) -> None:
    text = " ".join(correction_actions(KB, "new_claim", None, LINES, payer_type=payer_type, another_payer=True))
    assert "Submit a new claim to the payer responsible with: 97550 x1 GP" in text and "replacement" not in text


def test_corrected_diagnoses_are_named() -> None:
    text = " ".join(correction_actions(KB, "clerical_reopening", None, LINES, ["G20.A1", "R26.89"]))
    assert "with diagnosis codes G20.A1, R26.89" in text


@pytest.mark.parametrize(("billed", "corrected", "credential", "says"), [
    ("97550:GO 97551:GO", "97550:GO,CO 97551:GO,CO", "COTA/L",
     "adds the CO modifier to 97550, 97551 (furnished in whole or in part by an occupational therapy assistant: the "
     "note's COTA/L)"),
    ("97550:GP", "97550:GP,CQ", "PTA", "adds the CQ modifier to 97550 (furnished in whole or in part by a physical"),
    # KX names the threshold in force on the date of service
    ("G0541:GO", "G0541:GO,KX", "", "adds the KX modifier to G0541 (services above the therapy threshold"),
    ("97550:GP", "97550:GP,KX", "", "; the 2026 KX threshold is $2,480 (PT and SLP combined"),
    ("97550:GP,KX", "97550:GP,KX", "", ""),  # nothing added: nothing said
])
def test_added_modifiers_are_named_with_their_reason(billed: str, corrected: str, credential: str, says: str) -> None:
    from datetime import date

    def lines(spec: str) -> list[BilledLine]:
        return [BilledLine(code=c, units=1, modifiers=m.split(",")) for c, m in (x.split(":") for x in spec.split())]

    text = " ".join(added_modifiers(KB, lines(billed), lines(corrected), credential, date(2026, 3, 4)))
    assert (says in text) if says else text == ""


def test_a_denial_that_stands_outside_the_note_says_why_not_that_the_note_fails() -> None:
    from assistant.drafting.actions import no_appeal_actions
    from assistant.drafting.decision import Decision
    from assistant.drafting.models import Reason

    why = "The payer's own rule settles it: nothing in the record changes that."
    text = " ".join(no_appeal_actions(Decision("no_appeal", [Reason(text=why)])))
    assert why in text and "the note does not support" not in text


@pytest.mark.parametrize(("quote", "enclose"), [
    ("Consent: pt verbal consent 08/12/2026; documented in the 08/12/2026 re-evaluation note (same chart)",
     "Enclose the 08/12/2026 re-evaluation note: the note points to it for consent."),
    ("Written consent signed 03/02/2026, on file with the plan of care", "Enclose the plan of care"),
    ("Consent: see initial evaluation 02/01/2026", "Enclose the initial evaluation"),
    ("Consent: pt verbal consent today for wife's training", ""),  # points to nothing else
    ("Need documented in the notes of the home visit", ""),  # not a record kind an appeal encloses by name
])
def test_an_appeal_encloses_the_record_the_note_points_to(quote: str, enclose: str) -> None:
    from assistant.drafting.actions import referenced_records
    from assistant.drafting.decision import Decision
    from assistant.drafting.models import Reason

    decision = Decision("appeal", [Reason(check_id="consent", text="Consent is documented.", quotes=[quote])])
    found = referenced_records(KB, decision)
    assert (found[0].startswith(enclose) if enclose else found == [])


@pytest.mark.parametrize(("billed", "says", "never"), [
    ("97550:GO 97551:GO", "bill the patient-present code the note supports for OT: 97530 or 97535 (timed: units of 15",
     "92507"),
    ("97550:GP", "for PT: 97530 or 97535 (timed", "92526"),
    ("97550:GN", "for SLP: 92507 or 92526 (untimed: 1 unit for the session)", "97535"),
    ("97550", "97530 or 97535 for PT/OT (timed: units of 15 minutes for the minutes the note documents); "
     "92507 or 92526 for SLP (untimed", "for PT:"),
])
def test_patient_present_correction_is_said_in_words(billed: str, says: str, never: str) -> None:
    """A patient-present session has no corrected caregiver-training line: the action names the codes in words."""
    from assistant.drafting.actions import recode_text

    lines = [BilledLine(code=c, units=1, modifiers=m.split(",") if m else [])
             for c, _, m in (x.partition(":") for x in billed.split())]
    for route, payer in (("clerical_reopening", "medicare"), ("new_claim", "commercial")):
        text = " ".join(correction_actions(KB, route, None, [], payer_type=payer, recode=recode_text(KB, lines)))
        assert says in text and never not in text and "billing: ." not in text and "with: ." not in text
        assert "drop the caregiver-training lines (97550 x1" in text
