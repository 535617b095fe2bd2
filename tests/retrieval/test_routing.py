"""Pins: the entries that hold a dated fact, chosen by the code and the period asked about."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.retrieval.routing import Pin, pins, priors
from assistant.retrieval.understand import understand


@pytest.mark.parametrize(
    ("question", "dos", "expected"),
    [
        ("how much does medicare pay for 97551 in 2026?", None, [("fee:97551-RVU26C", True)]),
        ("what did G0541 pay in 2024?", None, [("code:G0541", True)]),
        ("97550 rate on 2024-02-15", None, [("fee:97550-RVU24A", True)]),
        ("how much does 97550 pay", None, [("fee:97550-RVU26C", False)]),
        ("conversion factor 2025", None, [("fee:cf-2025", True)]),
        ("KX threshold 2025", None, [("fee:kx-2025", True)]),
        ("KX threshold 2027", None, []),
        ("is G0541 billable?", date(2024, 6, 1), [("code:G0541", True)]),
        ("was G35 still valid in November 2025?", None, [("dx:G35", True)]),
        ("is G35.B1 billable in 2026?", None, [("dx:G35.B1", True)]),
        ("what does CO-50 mean?", None, [("reason:50", True), ("denial:medical_necessity", False),
                                        ("denial:wrong_code_patient_present", False)]),
        ("ALJ amount in controversy 2025?", None, [("appeal:aic-alj-2025", True)]),
        ("how long do we have to request a redetermination?", None, [("appeal:redetermination", True)]),
        ("CO-50 on 97550 how do we appeal", None, [("reason:50", True), ("denial:medical_necessity", False),
                                                  ("denial:wrong_code_patient_present", False)]),
        ("telehealth in 2024?", None, [("fee:telehealth-2024", True)]),
        ("52 minutes, how many units", None, [("units:cts", False)]),
        ("can the patient be in the room?", None, []),
    ],
)
def test_pins(question: str, dos: date | None, expected: list[tuple[str, bool]]) -> None:
    found = pins(understand(question, dos), cached_knowledge())
    assert [(p.entry, p.strong) for p in found] == expected


def test_priors_sink_passages_outside_the_period_and_lift_pins() -> None:
    kinds = np.array(["fee", "fee", "faq"])
    entries = np.array(["fee:a", "fee:b", "faq:c"])
    from_n = np.array([20250101, 20260101, 0])
    to_n = np.array([20251231, 20261231, 99991231])
    mult, bonus = priors(understand("what does 97550 pay in 2026?"), kinds, entries, from_n, to_n,
                         [Pin("fee:b", "fee")])
    assert mult[0] < mult[1] and bonus[1] > bonus[0]
    assert bonus[1] == max(bonus)
