"""An appeal of a Medicare overpayment demand names the date that also stops recoupment (42 CFR 405.379)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.recoupment import recoupment_reason
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()
DEMAND = "Overpayment demand letter: $103.47 will be recouped by offset unless paid or appealed."


@pytest.mark.parametrize(("recommendation", "payer_type", "text", "notice", "said"), [
    ("appeal", "medicare", DEMAND, date(2026, 9, 28), "2026-10-28"),
    ("appeal", "medicare", "CO-50 N115: not medically necessary.", date(2026, 9, 28), None),  # no demand
    ("no_appeal", "medicare", DEMAND, date(2026, 9, 28), None),  # nothing filed, nothing stopped
    ("appeal", "commercial", DEMAND, date(2026, 9, 28), None),  # 405.379 is Medicare's
    ("appeal", "medicare", DEMAND, None, None),  # no demand date to count from
    ("appeal", "medicare", "PLB*1234567*20261231*WO:0426281933506*-45.00~ overpayment recovery", date(2026, 9, 28),
     None),  # an 835 recovering another claim's overpayment is not this claim's demand
])
def test_recoupment(recommendation: str, payer_type: str, text: str, notice: date | None, said: str | None) -> None:
    reasons = recoupment_reason(KB, recommendation, payer_type, text, notice)
    assert (said in reasons[0].text if reasons else None) == (True if said else None)
    assert all(r.source_ids == ["cfr-405-379"] for r in reasons)
