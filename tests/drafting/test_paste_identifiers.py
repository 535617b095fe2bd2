"""The claim number, ICN and payer a typed denial states fill the claim that lacks them (appeals16: they were left
as placeholders)."""

from __future__ import annotations

import pytest

from assistant.drafting.paste.identifiers import stated_identifiers


@pytest.mark.parametrize(("text", "expected"), [
    ("Noridian JF remittance 11/02/2026, claim #NJ-2291 (ICN 2226306112345): 97550 GP x1 CO-50 N115.",
     {"icn": "2226306112345", "claim_number": "NJ-2291", "payer": "Noridian JF"}),
    ("Claim 88120-A denied by Noridian JF on 11/02/26: 97550-GP CO-50 N115.",
     {"claim_number": "88120-A", "payer": "Noridian JF"}),
    # a contractor named with its jurisdiction opens the typed line (round 17)
    ("Noridian JE: line 2 97551-GO denied CO-50", {"payer": "Noridian JE"}),
    ("WPS J5 Part B - 97550-GP denied CO-4", {"payer": "WPS J5 Part B"}),
    ("Line 2 97551-GO denied CO-50", {}),
    ("Noridian JF remit dated 11/18/26: 97551-GN x2 came back CO-B15 / N122.", {"payer": "Noridian JF"}),
    # no labelled number, no payer opening the paste: nothing read
    ("Claim status: 97550 GP, 97551 GP from 06/07/2026 CO-26 N30", {}),
    ("claim: 97550 GP denied CO-50", {}),  # a procedure code is no claim number
    ("AR note: claim denied, see remit", {}),
    ("", {}),
])
def test_stated_identifiers(text: str, expected: dict[str, str]) -> None:
    assert stated_identifiers(text) == expected


def test_a_typed_denial_fills_the_letters_identifiers() -> None:
    from assistant.drafting.claims import Claim
    from assistant.drafting.models import Denial
    from assistant.drafting.paste import fill_claim

    denial = Denial(raw="CO-50", carcs=[], text="Noridian JF remittance 11/02/2026, claim #NJ-2291: CO-50.")
    claim, said = fill_claim(Claim(), denial)
    assert (claim.claim_number, claim.payer) == ("NJ-2291", "Noridian JF")
    assert any("claim number" in s for s in said)  # the warning says where they came from
    kept, _ = fill_claim(Claim(claim_number="C-1", payer="Plan A"), denial)  # what the claim gives is kept
    assert (kept.claim_number, kept.payer) == ("C-1", "Plan A")
