"""A CO-18 duplicate is answered on the original claim (hostile17 #10): the reopening names the original's ICN, its
window counts from the original's determination (asked for when the file does not give it, never the duplicate's
notice), and the route's "why" is the duplicate's reason. A line the payer calls another session is this claim's."""

from __future__ import annotations

import pytest

from assistant.service import Assistant

NOTE = """Date of service: 10/15/2026
Patient: Harold Vickery. Patient not present for this session; training delivered to his wife (unpaid caregiver).
Consent: patient verbally consented to caregiver training on 10/01/2026, documented in chart.
Start 10:15 AM  Stop 11:07 AM (52 minutes), face-to-face with caregiver.
Training: PT taught sit-to-stand transfer with gait belt and stand-pivot transfer; caregiver return-demonstrated 3
trials with verbal cues. Goal: caregiver will perform safe transfers independently, as in the plan of care.
Billed: 97550 x1 GP, 97551 x1 GP
Dana Whitfield, PT, DPT
"""
CLAIM = {"icn": "2226300112233", "payer": "Novitas Solutions JL", "payer_type": "medicare",
         "date_of_service": "2026-10-15", "notice_date": "2026-11-22", "patient_name": "Harold Vickery",
         "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]},
                   {"code": "97551", "units": 1, "modifiers": ["GP"]}]}


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant()


@pytest.mark.parametrize(("words", "icn"), [
    (None, "[[original claim's ICN]]"),
    ("97550 GP, 97551 GP denied CO-18 N522: duplicate of claim ICN 2226281009930.",
     "ICN 2226281009930"),
])
def test_a_duplicate_reopens_the_original_and_asks_for_its_date(assistant: Assistant, words: str | None,
                                                                 icn: str) -> None:
    result = assistant.draft_appeal("CO-18 N522", NOTE, claim=CLAIM, denial_text=words)
    assert result.route == "clerical_reopening"
    assert any(a.startswith(f"Reopen the original claim ({icn})") for a in result.actions), result.actions
    assert result.deadline is not None
    if words is None:  # nothing says whose notice the claim's is: counted from it, with what to count from otherwise
        assert result.deadline.due_date is not None and "original claim's notice date" in result.deadline.basis
    else:  # the file names another claim as the original: this claim's notice is the duplicate's
        assert result.deadline.due_date is None and "original claim's notice date" in result.deadline.basis
    why = next(a for a in result.actions if a.startswith("Why this route"))
    assert "duplicate" in why and "modifier" not in why


def test_a_line_the_payer_calls_another_session_is_this_claims(assistant: Assistant) -> None:
    words = ("Novitas remittance 11/22/2026: 97550 GP denied CO-18, duplicate of the PT line paid on ICN "
             "2226281009930. AR note: OT and PT saw the wife in different sessions.")
    result = assistant.draft_appeal("CO-18", NOTE, claim=CLAIM, denial_text=words)
    assert not any(a.startswith("Reopen the original claim") for a in result.actions)
    assert result.deadline is None or result.deadline.due_date is not None


def test_a_duplicate_of_a_line_of_the_same_claim_is_this_claims(assistant: Assistant) -> None:
    """The same code paid on one line and denied CO-18 on another of this claim: the line is this claim's, its window
    counts from this claim's notice (r15 sealed: two visits billed as two lines)."""
    claim = {**CLAIM, "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"], "denied": False},
                                {"code": "97550", "units": 1, "modifiers": ["GP"], "denied": True}]}
    result = assistant.draft_appeal("CO-18", NOTE, claim=claim)
    assert not any(a.startswith("Reopen the original claim") for a in result.actions)
    assert result.deadline is None or result.deadline.due_date is not None


def test_the_original_claim_given_keeps_its_own_notice(assistant: Assistant) -> None:
    """The claim given is the original (its ICN is the one the file names, r12 sealed): its notice date is the
    original's determination, so the reopening's year counts from it."""
    claim = {**CLAIM, "icn": "2226240381172", "notice_date": "2026-08-28"}
    words = "08/28 original ICN 2226240381172 -- 97550 denied CO-4. 10/02 new claim denied CO-18 duplicate."
    result = assistant.draft_appeal("CO-18", NOTE, claim=claim, denial_text=words)
    assert any(a.startswith("Reopen the original claim (ICN 2226240381172)") for a in result.actions)
    assert result.deadline is not None and result.deadline.due_date is not None
