"""A subject named only under a negation is not asked about (`retrieval/negation.py`): the helper, and the pins it
changes. Each row fails without the negation check."""

from __future__ import annotations

import re

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.retrieval.negation import affirmed, denied_only
from assistant.retrieval.routing import pins
from assistant.retrieval.understand import understand

_HOSPICE = re.compile(r"\bhospice\b", re.I)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not hospice yet (palliative consult pt)", False),
        ("she is not yet on hospice", False),
        ("pt elected hospice 11/02", True),
        ("not on home health, but on hospice since May", True),  # a second, plain mention
        ("we did not know for weeks that she was on hospice", True),  # the negation is too far back
        ("No, she is on hospice", True),  # a bare "No," answers something else
    ],
)
def test_affirmed(text: str, expected: bool) -> None:
    assert affirmed(_HOSPICE, text) is expected


def test_denied_only() -> None:
    assert denied_only("MA130", "97551 denied CO-4. No MA130 on it.")
    assert not denied_only("MA130", "CO-16 with MA130, no other remark")
    assert not denied_only("16", "denied CO-16 with MA130")
    assert not denied_only("MA130", "denied CO-16")  # not mentioned at all: nothing said against it


@pytest.mark.parametrize(
    ("question", "first", "absent"),
    [
        # "for people who are NOT on a home health plan": the home health FAQ still answers (when an HHA may bill)
        ("We also run an outpatient therapy line under Part B for people who are NOT on a home health plan. Can "
         "those therapists bill 97550-97552?", "faq:home_health_hospice", None),
        # "the pt didn't owe it": what CO-253 is, not the patient's share
        ('On a practice ERA the 97550 line shows an adjustment "CO-253" of about a dollar. The pt didn\'t owe it. '
         "What is CO-253?", "reason:253", "faq:abn"),
        # "No MA130 on it": a missing modifier on a processed line is reopened, not sent as a new claim
        ("97551 line denied CO-4, the GO got left off the add-on line. No MA130 on it. Business office wants to "
         "rebill a fresh claim with the GO. Best route?", "appeal:clerical_reopening", None),
    ],
)
def test_negated_subject_pins(question: str, first: str | None, absent: str | None) -> None:
    found = [p.entry for p in pins(understand(question), cached_knowledge())]
    if first:
        assert found[0] == first
    if absent:
        assert absent not in found



@pytest.mark.parametrize(
    ("question", "first"),
    [
        # the asker's group is not a QP (the ACO is): its own, non-QP, factor leads
        ("Our employed-therapist group isn't in an advanced APM; the ACO side of the house is. For 2026, which "
         "conversion factor applies to each, and what decides QP status?", "fee:cf-2026-non-qp"),
        ("We are a QP in an advanced APM. What is our 2026 conversion factor?", "fee:cf-2026-qp"),
    ],
)
def test_the_askers_own_conversion_factor_leads(question: str, first: str) -> None:
    assert pins(understand(question), cached_knowledge())[0].entry == first
