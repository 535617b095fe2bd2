"""A rendering provider's enrolment or credentialing effective date against the date of service (CO-B7 and kin)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.enrollment import effective_dates, enrolled_after_service
from assistant.drafting.remedy import pattern_remedy
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()
ELIGIBLE = KB.denial_patterns["provider_not_eligible"]
DOS = date(2026, 7, 23)
PHONE = ("Agent: claims for DOS 07/16 and 07/23 are denied B7. His reassignment to your group has an effective date of "
         "08/05/2026.\nClaim appeals won't change an enrollment effective date. If you believe the date was assigned\n"
         "incorrectly, that's handled by provider enrollment.")
BOTH = ("PROVIDER NETWORK EFFECTIVE DATE ON FILE: 08/01/2026. Credentialing file: welcome letter -- approved as a "
        "participating provider effective July 1, 2026.")


@pytest.mark.parametrize(("text", "found"), [
    (PHONE, [date(2026, 8, 5)]),  # the phrase without a date after it ("effective date. If ...") adds none
    (BOTH, [date(2026, 8, 1), date(2026, 7, 1)]),
    ("Effective as of 2026-09-01 the group is enrolled.", [date(2026, 9, 1)]),
    ("The effective date was assigned from the application.", []),
    # a date cut by the window is read whole, never as a shorter year
    ("effective " + "x" * 32 + " 08/05/2026", [date(2026, 8, 5)]),
    ("effective 13/45/2026", []),  # not a date
])
def test_effective_dates(text: str, found: list[date]) -> None:
    assert effective_dates(text, ELIGIBLE.effective_date_words) == found


@pytest.mark.parametrize(("text", "found"), [
    (PHONE, [date(2026, 8, 5)]),  # "reassignment" in the sentence
    (BOTH, [date(2026, 8, 1), date(2026, 7, 1)]),  # "network", "participating"
    # a waiver's or a policy's effective date is not the provider's enrolment
    ("Telehealth flexibilities for therapists are effective through 01/30/2026 only.", []),
    ("Policy MP-114 revision effective 09/01/2026 requires prior authorization.", []),
])
def test_only_the_providers_effective_dates(text: str, found: list[date]) -> None:
    assert effective_dates(text, ELIGIBLE.effective_date_words, ELIGIBLE.effective_context_words) == found


@pytest.mark.parametrize(("text", "on", "after"), [
    (PHONE, DOS, True),  # the only effective date is after the service: nothing to file
    (PHONE, date(2026, 8, 5), False),  # in force on the day
    (BOTH, DOS, False),  # the file also holds an earlier date: the payer's date is disputed, appealed
    ("Provider not eligible on the date of service.", DOS, False),  # no date stated: the pattern's own answer
    (PHONE, None, False),  # no date of service known
])
def test_enrolled_after_service(text: str, on: date | None, after: bool) -> None:
    assert enrolled_after_service(ELIGIBLE, text, on) is after


def test_remedy_no_appeal_only_with_the_date_of_service() -> None:
    met = frozenset(KB.rules)
    assert pattern_remedy(ELIGIBLE, "medicare", PHONE, met, DOS).remedy == "no_appeal"
    assert "effective date" in pattern_remedy(ELIGIBLE, "medicare", PHONE, met, DOS).reason
    assert pattern_remedy(ELIGIBLE, "medicare", PHONE, met).remedy != "no_appeal"
    # a pattern without effective-date words never reads one
    assert pattern_remedy(KB.denial_patterns["bundling_ncci"], "medicare", PHONE, met, DOS).remedy != "no_appeal"


@pytest.mark.parametrize(("dos", "recommendation"), [("2026-03-04", "no_appeal"), ("2026-04-10", "appeal")])
def test_drafted_answer_follows_the_effective_date(dos: str, recommendation: str) -> None:
    """End to end: the B7 answer turns on whether the reassignment was in force on the date of service."""
    from assistant.service import Assistant
    from tests.drafting.stubs import GOOD_NOTE

    note = GOOD_NOTE.replace("03/04/2025", dos[5:7] + "/" + dos[8:] + "/" + dos[:4])
    claim = {"payer_type": "medicare", "date_of_service": dos, "notice_date": "2026-05-01",
             "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}, {"code": "97551", "units": 1,
                                                                           "modifiers": ["GP"]}]}
    text = "Denied B7. The rendering therapist's reassignment has an effective date of 04/01/2026."
    assistant = Assistant()
    assistant.clock = lambda: date(2026, 5, 15)  # inside the redetermination window whatever today is
    result = assistant.draft_appeal("CO-B7", note, claim=claim, denial_text=text)
    assert result.recommendation == recommendation
