"""A corrected claim quotes the note's record of what the claim got wrong: the physician who certified the plan of
care for a referring-provider remark (N286), not the specialist copied (appeals16)."""

from __future__ import annotations

from datetime import date

from assistant.service import Assistant

NOTE = """CLINIC
October 21, 2026

Imogen Farrow-Baptiste, MD (primary care; certifying physician, plan of care signed 10/02/2026)
NPI 1487265390
cc: Lucius Okafor-Quinn, MD (neurology -- for information only)

Dear Dr. Farrow-Baptiste,
This afternoon I trained his wife, Carmela (unpaid), without him there -- he was at his brother's. She has his
signed consent of 10/02/2026. Plan of care goal 2 is safe oral intake at home with her cueing. From 2:00 to 2:41 pm
(41 minutes) I taught meal set-up and the chin tuck cue; she ran a practice lunch and caught the pocketing check
after one prompt. Skill was needed because he aspirates silently.
Billing today: caregiver training 97550 x1 + 97551 x1 GN.
Wren Adeyemi, MS, CCC-SLP
"""


def test_a_referring_provider_correction_names_the_certifying_physician() -> None:
    a = Assistant()
    a.clock = lambda: date(2026, 11, 10)
    claim = {"payer_type": "medicare", "date_of_service": "2026-10-21", "notice_date": "2026-11-05",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GN"], "denied": True},
                       {"code": "97551", "units": 1, "modifiers": ["GN"], "denied": True}]}
    result = a.draft_appeal("CO-16 MA130 N286", NOTE, claim=claim)
    assert (result.recommendation, result.route) == ("corrected_claim", "new_claim")
    named = [r for r in result.reasons if "certified the plan of care" in r.text]
    assert named and "Farrow-Baptiste" in named[0].text and "Okafor-Quinn" not in named[0].text
