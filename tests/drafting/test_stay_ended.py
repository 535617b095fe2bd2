"""A stay that had ended before the date of service: a consolidated-billing denial is appealed (appeals16)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.denial import match_pattern, parse_denial
from assistant.drafting.stay_ended import stay_ended
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()
ON = date(2026, 10, 9)


@pytest.mark.parametrize(
    ("note", "payer_text", "remedy"),
    [
        ("Discharged home from Willowmere Care Center on 10/02/2026 (d/c summary scanned).", "", "appeal"),
        ("", "SNF discharge date 10/01/2026 per the facility.", "appeal"),
        # a discharge after the session, or on its day: the stay covered it
        ("Discharged home from Willowmere Care Center on 10/12/2026.", "", None),
        ("Discharged from the SNF on 10/02/2026; readmitted to the SNF 10/05/2026, discharged 10/20/2026.", "", None),
        # a hospital discharge often begins the home health period the denial names: no stay of the bundle ended
        ("Discharged from the hospital on 09/20/2026, now on home health.", "", None),
        ("Home health: discharged from the hospital 09/20/2026; HH start of care 09/22/2026.", "", None),
        ("Discharged from home health on 10/01/2026.", "", "appeal"),
        ("Pt home; no discharge mentioned.", "", None),
    ],
)
def test_stay_ended(note: str, payer_text: str, remedy: str | None) -> None:
    denial, _ = parse_denial("CO-109 MA101", KB.reason_codes, payer_text)
    pattern = match_pattern(denial, KB.denial_patterns)
    assert pattern is not None and pattern.id == "consolidated_billing"
    found = stay_ended(pattern, note, payer_text, ON)
    assert (found.remedy if found else None) == remedy
