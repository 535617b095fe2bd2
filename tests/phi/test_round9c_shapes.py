"""Round 9 (after first contact): a payer's or contractor's mailing box, a page count and mail-transport words are
nobody's; the patient's own box and a name before a date stay hidden. Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

KEEP = [
    # a claims or appeals office in lower case, then its box: after "claims to", "claims:", the town before ", ST"
    ("Providers: file claims to PO Box 660417, Quornton TX 75266-0417", ["PO Box 660417", "75266-0417"]),
    ("Medical claims: PO Box 30417, Salt Lake City, UT 84130-0417", ["PO Box 30417", "84130-0417"]),
    ("Send appeals to P.O. Box 2210, Quornville OH 45201", ["P.O. Box 2210", "45201"]),
    # a payer's box with the town on the line after, and the state right after a one-word town
    ("write within 180 days to Aetna, PO Box 14417, Quornby KY 40512. Your care", ["PO Box 14417", "40512"]),
    ("First Coast Service Options, P.O. Box 45417,\nQuornville FL 32232-5417.", ["P.O. Box 45417", "32232-5417"]),
    ("To: Novitas Solutions, P.O. Box 3417, Quornsburg PA 17055-1417", ["P.O. Box 3417", "17055-1417"]),
    # a page count in a PDF header or footer
    ("Quornby Therapy Associates                    Page 1 of 3", ["Page 1 of 3"]),
    ("Quornby Neuro Clinic   Page 1/2\nPt seen", ["Page 1/2"]),
    ("Sheet 2 of 5 printed", ["Sheet 2 of 5"]),
    # mail-transport words in a Received: header, and the word PHI
    ("by mx.quornby.example.org with ESMTPS id 4Wk2pQ0x1Rz; Mon", ["ESMTPS"]),
    ("Quornby Therapy     Confidential — contains PHI     Printed", ["contains PHI"]),
]

SCRUB = [
    # the patient's own box follows a name, never an office word
    ("Mail to Quorna Vexley, PO Box 1217, Quornby OR 97301", "PO Box 1217"),
    ("claims she moved; new address PO Box 88, Quornton WI 53707", "PO Box 88"),
    # a name before a date is no page count
    ("seen by Vexley 1/2 with her daughter", "Vexley"),
    ("Quornby 3 of the 4 days", "Quornby"),
]


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)
