"""Round 6 shapes: look-alike and zero-width characters inside values, dates inside file names, misread by OCR or
after "tomorrow", spaced and masked identifiers, grid and lower-case town addresses, initials of a signer, a
generational suffix, a spelled name with a spoken "dash", a table column headed "CG (rel)". Each scrub row names a
secret that must disappear; each keep row words that must come back (a postal instruction, te reo Māori kin words and
greetings, codes, times, ratios). Synthetic values only.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

ZWJ, ZWSP, NBH = "\u200d", "\u200b", "\u2011"

SCRUB = [
    # non-breaking hyphens, fullwidth digits, zero-width characters inside values
    (f"dob={'1931' + NBH + '07' + NBH + '22'}|dos=2025-03-04", f"1931{NBH}07{NBH}22"),
    (f"cell (603){NBH}555{NBH}0199 after 5", f"(603){NBH}555{NBH}0199"),
    ("DOB １９３３-０４-１８ on file", "１９３３-０４-１８"),
    (f"pt=Mar{ZWJ}isol Quentara-Vell|dos=2025-01-02", f"Mar{ZWJ}isol"),
    (f"callback 603-55{ZWSP}5-0142 please", f"603-55{ZWSP}5-0142"),
    # dates inside file names and URLs
    ("Attached: consent_Orvell_2024-11-05.pdf (80 KB)", "2024-11-05"),
    ("scan_20250117_front.png", "20250117"),
    # dates an OCR pass misread
    ("DOB: O4/l7/1930   MRN on file", "O4/l7/1930"),
    ("Signed 1O/2l/2025 by the ordering MD", "1O/2l/2025"),
    # a month/day after "tomorrow" or before "at" and a clock time
    ("Reminder: visit tomorrow 3/4 with the OT.", "3/4"),
    ("CTS booked 5/6 at 10:15a, reply C to confirm", "5/6"),
    # a labelled number in spaced groups; a masked number still showing characters; an OCR-spaced MBI
    ("Member #: QRT 4410 2278 61", "QRT 4410 2278 61"),
    ("Medicare Number XXXX-XXX-PM41 on the notice", "XXXX-XXX-PM41"),
    ("MBI ****-***-QK27 on card", "QK27"),
    ("mbi=7 T E 4 – A C 8 – M R 3 0 (spaced)", "7 T E 4 – A C 8 – M R 3 0"),
    # a grid address; a lower-case town after a lower-case street and unit
    ("moved to 1875 N 950 E, Orem UT", "1875 N 950 E"),
    ("we are at 410 w vantor ave apt 3 duluth. call first", "duluth"),
    # an age after a bracketed kin word
    ("aabo (my dad) is 93 now, still drives", "93"),
    # initials of whoever signed and of whom they signed for
    ("Signed T.Q. for M.R-V.   2025-06-01", "T.Q."),
    ("Signed T.Q. for M.R-V.   2025-06-01", "M.R-V."),
    # a spelled surname with a short first part and a spoken joiner
    ('spelled it "D-U-A dash P-E-L-L-E-G-R-I-N-I" twice', "D-U-A"),
    # a table whose relationship column is headed "CG (rel)": the therapist column is read
    (
        "Date | Time | Patient | CG (rel) | Code | Therapist\n"
        "Mon 6/9 | 08:00 | Orvane, Lettie | Sam (son) | 97550 | QK\n",
        "QK",
    ),
]
STRICT = [
    # a generational suffix after a name found from the claim
    ('"Patient","DOS"\n"Ambrose Tellwright III","10/02/2025"\n', ["Ambrose", "Tellwright", "III"]),
    ("Caregiver: son Dorian Pell Jr. trained on transfers", ["Dorian", "Pell", "Jr"]),
]
KEEP = [
    ("N3*GENERAL DELIVERY~\nN4*KOTZEBUE*AK*99752~", ["GENERAL DELIVERY"]),
    ("Kia ora, for my Koro. Can Whaea Ana come too?\nNgā mihi,\nRewi", ["Kia ora", "Koro", "Whaea", "Ngā mihi"]),
    ("97550 GP 10:00-10:40; strength 4/5; 3/4 trials; 2 x 10 reps", ["97550", "GP", "10:00-10:40", "4/5", "3/4"]),
    ("CO-50 N115; Dx I69.351; 40 min; $9.21 each additional 15 minutes", ["CO-50", "N115", "I69.351", "40 min"]),
    ("Walked 300 ft x2, 2 W 5 E cues not needed", ["300 ft", "x2"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), STRICT)
def test_every_word_of_the_name_scrubbed(deid: Deidentifier, text: str, words: list[str]) -> None:
    names = ["Tellwright, Ambrose"] if "Tellwright" in text else []
    out = deid.deidentify(text, extra_names=names).text
    assert not [w for w in words if w in out], out


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


def test_zero_width_view_maps_back_to_the_text() -> None:
    from assistant.phi.spans import plain_view, to_text

    text = f"a{ZWSP}b{NBH}c{ZWJ}d"
    view, index = plain_view(text)
    assert view == "ab-cd"
    assert to_text(index, [(1, 5, "X", 1.0)]) == [(2, 7, "X", 1.0)]  # "b-cd": the joiner inside stays in
    assert plain_view("plain ascii") == ("plain ascii", None)
