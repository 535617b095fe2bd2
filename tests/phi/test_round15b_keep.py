"""Round 15b: plan, product and form data about no person that the name and id finders took for PHI (the keep
side of issue #11 point 3), and the names beside them that must still go. Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

KEEP: list[tuple[str, list[str]]] = [
    # pharmacy routing numbers, a drug's NDC, a label's quantity, refills and DAW code
    ("Group: 765777   RxBIN 610502  RxPCN MEDDADV  RxGRP RX8832", ["RxBIN 610502", "RxPCN MEDDADV"]),
    ("Copay $1.60     Part D  BIN 004336  PCN MEDDADV", ["BIN 004336", "PCN MEDDADV"]),
    ("NDC 00093-0295-01  Teva\nQty 28   Refills 0   DAW 0", ["NDC 00093-0295-01", "Teva", "Qty 28", "DAW 0"]),
    # a payer's electronic id
    ("Not identifiers, FYI: payer ID 01112 (Noridian JE)", ["01112"]),
    ("Payer ID 01112; pt Quornby", ["Payer ID 01112"]),
    # C-CDA: a coded concept, a template's version date
    ('<code code="47519-4" codeSystem="2.16.840.1.113883.6.1" displayName="History of Procedures"/>', ["47519-4"]),
    ('<templateId root="2.16.840.1.113883.10.20.22.2.17" extension="2015-08-01"/>', ["2015-08-01"]),
    # a form's revision date and code, a template's code, a workstation
    ("CTS-CONSENT v3 (rev 2025-02-14)", ["2025-02-14"]),
    ("Rev. 2026-01 / Form OT-CG-11", ["Rev. 2026-01 / Form OT-CG-11"]),
    ("IEP notice of procedural safeguards, rev. 07/2025", ["rev. 07/2025"]),
    ("Template RMD-CTS-03 (was RMD-PT-01)", ["RMD-CTS-03", "RMD-PT-01"]),
    ("2026-11-30T10:02:11 user=jdoe ws=WS-PT-01 action=VIEW", ["WS-PT-01"]),
    # a page marker, a schedule's days, a statute, a liturgy, a ride log's column, a plan's short name
    ("REHAB NOTE - CAREGIVER TRAINING        Pg 1/1", ["Pg 1/1"]),
    ("HEP Tu/Th/Sa with daughter", ["Tu/Th/Sa"]),
    ("under C.R.S. 15-14-312 and MCL 700.5508", ["C.R.S. 15-14-312", "MCL 700.5508"]),
    ("A Mass of Christian Burial will be held Saturday", ["Mass of Christian Burial"]),
    ("Veh: WC-14    Odometer start 48213 / end 48377", ["Odometer start 48213 / end 48377"]),
    ("Payer: Medicare Adv; fall with no LOC", ["Medicare Adv", "no LOC"]),
    ("Sit-Stand x5; Follow-Up in 2 wk", ["Sit-Stand", "Follow-Up"]),
    ("Montreal Cognitive Assessment 22/30; Sundowning after 4 pm", ["Montreal Cognitive Assessment", "Sundowning"]),
]

SCRUB = [
    # a name still goes where a word-name is used as one, beside the same word used as a word
    ("Trained daughter May Quornby. May cause dizziness. May reports she practised.", "Quornby"),
    ("Son Mark Quornby present. Mark the HEP sheet; Mark demonstrated the transfer.", "Mark demonstrated"),
    # a hyphenated name in capitals keeps going: every part has a vowel
    ("CG: KIM MIN-SEO (daughter)", "MIN-SEO"),
    # a claim's patient control number keeps going beside the pharmacy PCN that stays
    ("PCN 4471092 on the remit; RxPCN MEDDADV on the card", "4471092"),
    ("Group: 765777   RxBIN 610502", "765777"),
    # two given names joined, each a common word a little
    ("3. Ruth-Ann Polk -- daughter of the patient", "Ruth-Ann"),
    ("Trained Mary-Kate on the slide board", "Mary-Kate"),
]


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


def test_word_sense_kept_beside_the_name(deid: Deidentifier) -> None:
    assert_kept(deid, SCRUB[0][0], ["May cause dizziness"])
    assert_kept(deid, SCRUB[1][0], ["Mark the HEP"])


def test_a_plan_revised_on_a_day_is_still_a_date(deid: Deidentifier) -> None:
    assert_scrubbed(deid, "Plan of care revised 11/14/2026 with daughter", "11/14/2026")
