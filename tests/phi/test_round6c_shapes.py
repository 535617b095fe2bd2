"""Round 6c shapes: a value found by its column or label recurring bare where it looks like a billing code (a CSV row
quoted again in a brief), dotted initials found in a name cell recurring, initials of a double-barrelled name, the
surname after a quoted nickname, a nickname a note defines with "=", a name spelled in short parts, a short date and a
glued claim number in a file name, a lower-case first name after a messaging verb ("ping kwame"), a lower-case
facility after "at"/"@". Keep rows: an organisation's NPI in X12 (NM1 entity type 2, N1 payee), a CPT code read aloud
as "ninety-seven five five zero", a payer's toll-free fax line, "Papa" before a nickname. Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

_CSV = 'NOTE:\nacct,pt_name,dos,cpt,therapist\n66120,"QUORN, VELTRA",45702,97550,R.V.\n'
_BRIEF = 'Brief: {"placement": [{"text": "66120,\\"QUORN, VELTRA\\",45702,97550,R.V.", "heading": "Billing"}]}\n\n'

SCRUB = [
    # a column's value quoted again in a brief, where a 5-digit number looks like a CPT code
    (_BRIEF + _CSV, "66120"),
    (_BRIEF + _CSV, "45702"),
    (_BRIEF + _CSV, "R.V."),
    # initials and nicknames
    ("Families seen: (1) Q.V.-T. - dtr Ines; (2) wife Bram", "Q.V.-T."),
    ("group: R.M.-O. and her son attended", "R.M.-O."),
    ('(3) pt "Papa Rui" St. John - partner Ines', "St. John"),
    ('pt "Nana Lu" Ward - son at bedside', "Ward"),
    ("scans for Hemi's appeal\nHemi = Quennevald Orstadt, 97551 denied", "Hemi"),
    ("Tavo aka Quennevald Orstadt called", "Tavo"),
    # spelled and spoken
    ("my father, Orstadt Quenbo, Q-U-E N-B-O, his birthday is", "Q-U-E N-B-O"),
    ("spelled V-E-L T-R-A-N for the record", "V-E-L T-R-A-N"),
    # file names
    ("attached: consent_QUORN_010526.jpg and note.pdf", "010526"),
    ("attached: scan_Quorn_V_311225_p2.pdf", "311225"),
    ("and 835_remit_ICN22699001177231.txt", "22699001177231"),
    ("see ClaimNo44017723319.pdf", "44017723319"),
    # a lower-case first name after a messaging verb
    ("ya 05-05-2026. ill ping kwame to cosign", "kwame"),
    ("cc ngozi on the denial pls", "ngozi"),
    # a facility in lower case
    ("pt NOT present (at adult day @ brookvale senior day ctr).", "brookvale"),
    ("cg trained while pt at quarrymoor assisted living", "quarrymoor"),
]
KEEP = [
    ("NM1*85*2*QUORN REHAB LLC*****XX*1477023318~\nN3*1 MAIN ST~", ["1477023318"]),
    ("N1*PR*SOME PAYER~\nN1*PE*QUORN HOME THERAPY*XX*1588023319~\nCLP*X1*1*10*5~", ["1588023319"]),
    ("a bill for the caregiver training thing, ninety-seven five five zero, from October ninth", ["ninety-seven"]),
    ("TO: Redeterminations Unit, fax (877) 555-0100\nFROM: billing", ["(877) 555-0100"]),
    ('(3) pt "Papa Rui" St. John - partner Ines', ["Papa", "partner"]),
    ("at the local day center; at her adult day program; at home", ["local day center", "adult day program"]),
    ("ask about consent, call home, text april re: schedule", ["april", "home", "consent"]),
    ("group at the center 14:00-15:10, 97552 x1 GO", ["14:00-15:10", "97552", "x1", "GO"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


def test_individual_npi_in_x12_still_scrubbed(deid: Deidentifier) -> None:
    text = "NM1*82*1*QUENNARD*INES****XX*1922374011~\nNM1*85*2*QUORN REHAB LLC*****XX*1477023318~"
    out = deid.deidentify(text).text
    assert "1922374011" not in out and "QUENNARD" not in out, out
    assert "1477023318" in out, out


def test_spoken_phone_still_scrubbed_beside_a_spoken_code(deid: Deidentifier) -> None:
    text = "billed ninety-seven five five zero. Call me back at six two six, five five five, oh one nine one."
    out = deid.deidentify(text).text
    assert "oh one nine one" not in out and "ninety-seven five five zero" in out, out
