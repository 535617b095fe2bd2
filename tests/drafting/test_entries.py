"""A file that lists several claims: this claim's entry, and the denial codes it gives."""

from __future__ import annotations

import pytest

from assistant.drafting.appeal import draft_appeal
from assistant.drafting.claims import parse_claim
from assistant.drafting.denial import codes_in_words
from assistant.drafting.entries import claim_entry, entry_codes
from assistant.drafting.offline import OfflineDrafter
from assistant.knowledge.loader import cached_knowledge
from tests.drafting.stubs import GOOD_NOTE, StubAssistant

CLAIM = parse_claim(
    {
        "icn": "2226302117742",
        "patient_name": "Helena Przybylski",
        "date_of_service": "03/04/2025",
        "payer_type": "medicare",
        "lines": [{"code": "97550", "units": 1, "modifiers": [], "denied": True}],
    }
)
QUEUE = (
    "WORK QUEUE - denials - 11/30\n"
    "(1) Oduya, Grace  ICN 2226302117741  97110 GO x2 denied CO-151 N362 - check units vs time\n"
    "(2) Przybylski, Helena  ICN 2226302117742  97550 denied CO-4 N519 - no modifier on the line\n"
    "-> working #2 today; #1 parked."
)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("97110 GO x2 denied CO-151 N362 - check", "CO-151 N362"),
        ("denied CO-4 - no modifier", "CO-4"),
        ("Reason 27: expenses after coverage ended", ""),  # a bare number without a word naming a CARC
        ("CARC 50, RARC N115", "50 N115"),
        ("", ""),
    ],
)
def test_codes_in_words(text: str, codes: str) -> None:
    assert codes_in_words(text) == codes


@pytest.mark.parametrize(
    ("text", "entry", "codes"),
    [
        # the lines that name the claim (its ICN, the patient's surname), never the other patient's
        (QUEUE, QUEUE.splitlines()[2], "CO-4 N519"),
        ("Acct 1 KOWALSKI 97550 GP CO-50\nAcct 2 PRZYBYLSKI 97550 CO-4", "Acct 2 PRZYBYLSKI 97550 CO-4", "CO-4"),
        # nothing names the claim: the lines that name a caregiver-training code
        ("97110 denied CO-151\n97550 denied CO-16 MA130", "97550 denied CO-16 MA130", "CO-16 MA130"),
        ("No codes on the portal screen.", "", ""),
    ],
)
def test_claim_entry(text: str, entry: str, codes: str) -> None:
    training = cached_knowledge().training_codes
    assert claim_entry(text, CLAIM, training) == entry
    assert entry_codes(text, CLAIM, training) == codes


def test_a_denial_given_without_codes_is_read_from_the_claims_own_entry() -> None:
    a = StubAssistant(OfflineDrafter(), None)
    result = draft_appeal(a.deps(), denial="", note=GOOD_NOTE, claim=CLAIM, denial_text=QUEUE)
    assert [c.code for c in result.denial.carcs] == ["4"] and [r.code for r in result.denial.rarcs] == ["N519"]
    assert any("CO-4 N519 read from the file's entry for this claim" in w for w in result.warnings)


def test_a_remittance_pasted_as_the_file_with_no_codes_given_is_read_as_the_denial() -> None:
    paste = "CLP*PT1*4*98.00*0*0*MB*2226302117742*11*1~\nSVC*HC:97550*98.00*0**1~\nDTM*472*20250304~\nCAS*CO*4*98.00~"
    a = StubAssistant(OfflineDrafter(), None)
    result = draft_appeal(a.deps(), denial="", note=GOOD_NOTE, claim=CLAIM, denial_text=paste)
    assert [c.code for c in result.denial.carcs] == ["4"]


LOG = ("11/21/2026 JK: called MAC re claim 2226112000111 (ZED, ANN) - denied CO-50 N115, LCD cited. will appeal.\n"
       "11/21/2026 JK: claim 2226112000222 (YAN, BOB) - denied CO-16 M53 units invalid; rebill.")


@pytest.mark.parametrize("log", [
    LOG,
    LOG.replace("claim 2226112000222 (YAN, BOB) -", "Yan, Bob:"),
    LOG.replace("claim 2226112000222 (YAN, BOB) - denied", "Bob Yan -"),
])
def test_a_short_surname_names_the_claims_own_line(log: str) -> None:
    # hostile14 #7: a three-letter surname did not count, so both claims' codes were lent to this one
    claim = parse_claim({"patient_name": "Bob Yan", "date_of_service": "03/04/2025", "payer_type": "medicare"})
    training = cached_knowledge().training_codes
    assert entry_codes(log, claim, training) == "CO-16 M53"
    assert entry_codes(log.replace("YAN", "RYANS").replace("Yan", "Ryans"), claim, training) == ""  # a whole word


@pytest.mark.parametrize(("text", "kept"), [
    (LOG, LOG.splitlines()[1]),
    # the patient named in a heading only, the codes on rows that name nobody: nothing is cut
    ("EOB for YAN, BOB\n97550 CO-50 N115\n97551 CO-50 N115", None),
    ("no names here CO-50", None),
])
def test_a_work_logs_rows_of_other_patients_are_cut(text: str, kept: str | None) -> None:
    from assistant.drafting.paste import own_named_rows

    assert own_named_rows(text, "yan") == (kept if kept is not None else text)


def test_an_appeal_from_a_two_claim_work_log_takes_this_claims_codes() -> None:
    claim = {"patient_name": "Bob Yan", "date_of_service": "2025-03-04", "payer_type": "medicare",
             "notice_date": "2026-11-20"}
    for given in ({"denial": LOG}, {"denial": "", "denial_text": LOG}):
        result = draft_appeal(StubAssistant(OfflineDrafter(), None).deps(), note=GOOD_NOTE, claim=claim, **given)
        assert [c.code for c in result.denial.carcs] == ["16"] and result.recommendation == "corrected_claim"
