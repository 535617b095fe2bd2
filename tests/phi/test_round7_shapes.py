"""Round 7 shapes, one table per kind of miss. Synthetic values only.

Scrub rows: month/day dates without a year told from scores by their context (a weekday among the words before, a
bracket after an event, a padded month or day, a visit log row's billed code, "+" between two dates, a follow-up after
a determiner, "DOS 08.19"), form dates with spaced slashes, a misread date with a short year; tables written by
spreadsheets (";"-separated, quoted column names with a note in brackets, "last;first" name columns, Excel serial
dates); card numbers in spaced groups after a label; an HTML body's character references and comments; Portuguese
dates and a Roman-numeral month without its year; a name in another script set off by commas after the name, a found
name spelled out letter by letter after it, a line of dictation with commas (no table header: it heads no row);
lower-case names after any kin word, a lower-case surname English does not know after a found first name or owning
something; dictation: a number read with a spoken "dash", a date of birth read as numbers, a street line and its town
read aloud, "next visit the twenty-third"; a name between an introduction and a credential.

Keep rows: scores, ratios and amounts beside the same words; a table's codes, units and minutes; modal verbs after kin
words; Vietnamese words after a kin word; "min A", SpO2, PEG and the Tagalog "Lola"; spelled credentials; number words
that count.
"""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from tests.phi.roundtrip import assert_kept, assert_scrubbed

_LOG = (
    "Visits:\n  #1  03/03   97550 x1   31 min\n  #2  3/10    97550, 97551 x1   47 min\n"
    "  #7  14/04   97552 x1   60 min\n"
)

_SEMI = (
    "acct;last;first;dob_serial;dos_serial;code;units;min;zip\nK-2209;von Quorn;Veltra;11890;45751;97550;1;33;68508\n"
)
_QUOTED = '"Name","DOB","DOS (serial)","Notes"\n"Quorn, Veltra","1931-10-05","45720","dtr Ines attends"\n'

_HTML = (
    "<b>O&#39;Quorn, Ve&aacute;n</b> (MRN&nbsp;ON-55<!-- -->1207, DOB&nbsp;1942&#8209;06&#8209;30) &amp; "
    '<a href="tel:x">+1&nbsp;212&nbsp;555&nbsp;0119</a>'
)

_ASR = (
    "patient lives at fourteen oh two north broad street apartment six c philadelphia one nine one two three. "
    "wife's phone two one five dash five five five dash zero one three one. 97550 one unit 97551 one unit GP"
)

SCRUB = [
    # an introduction with a credential after the name
    ("this is hope mcallister PT dictating a caregiver training note", "hope mcallister"),
    ("Hi, it's Ana Quorn, OTR/L, calling back", "Ana Quorn"),
    # read aloud
    (_ASR, "fourteen oh two north broad street apartment six c"),
    (_ASR, "philadelphia"),
    (_ASR, "five five five dash zero one three one"),
    ("Medical record number is seven seven four, dash, three one nine two.", "three one nine two"),
    ("correction osei, date of birth eleven twelve thirty-two, he's", "eleven twelve thirty-two"),
    ("Date of birth three, twelve, nineteen twenty-nine. He is", "nineteen twenty-nine"),
    ("date of birth twelve slash seven slash forty-four. Medicaid", "forty-four"),
    ("patient lives at rural route two box thirty one ligonier. diagnosis", "ligonier"),
    ("Next visit the twenty-third.\nTherapist: PT", "twenty-third"),
    # lower-case names
    ("my grandson wyatt typed this for me.", "wyatt"),
    ("and her partner rich. patient not present.", "rich"),
    ("also his daughter-in-law hwang jiyoung called, wants the session moved", "hwang jiyoung"),
    ("anyone know why dlamini's 97551 keeps bouncing?", "dlamini"),
    # beside a found name
    ("this is, uh, Kim Sujin, 김수진, calling for my father-in-law", "김수진"),
    ("for my father-in-law Mr. Park Jungho, 박정호... his appointment", "박정호"),
    ("Patient Quorn Osei, O S E I, date of birth", "O S E I"),
    ("Patient name Veltran Quorn, V E L T R A N, goes by Vel", "V E L T R A N"),
    # prose with commas is no table header
    ("note for mister osei oh say, correction Osei, O S E I, date of birth", "Osei"),
    # card numbers in spaced groups after a label
    ("Subscriber: Q. Orn     ID: KMH 4410 2277 0931     Group: 4401", "KMH 4410 2277 0931"),
    ("Mum's Aetna id is W 1193 0047 21 (with spaces on the card).", "W 1193 0047 21"),
    ("Insurance: NO - RAMQ card TREM 3803 6214 (exp 2027)", "TREM 3803 6214"),
    # an HTML body
    (_HTML, "1207"),
    (_HTML, "1942&#8209;06&#8209;30"),
    (_HTML, "555&nbsp;0119"),
    (_HTML, "Quorn"),
    # foreign and Roman-numeral dates
    ("marcar o treino de transferência para 16 de julho? Meu irmão", "16 de julho"),
    ("  #4  24.III  97550, 97551 x2   61 min", "24.III"),
    # spreadsheet tables
    (_SEMI, "von Quorn"),
    (_SEMI, "Veltra"),
    (_SEMI, "11890"),
    (_SEMI, "45751"),
    (_SEMI, "68508"),
    (_QUOTED, "45720"),
    (_QUOTED, "Quorn, Veltra"),
    # month/day by context
    ("my dad fell again sat 2/8 in the bathroom at home", "2/8"),
    ("mom fell again Saturday night (2/7), no injury.", "2/7"),
    ("tues: wife came for 4/9 training", "4/9"),
    ("Bring his hearing aids to the 1/7 follow-up at the clinic", "1/7"),
    ("Next: confirm with the PT before scheduling 9/10.", "9/10"),
    ("Hoyer lift w/ full-body sling delivered 6/12.", "6/12"),
    (_LOG, "03/03"),
    (_LOG, "3/10"),
    (_LOG, "14/04"),
    ("2) acct / DOS 8/26+8/28 - CO-16 M77", "8/28"),
    ("1) acct / DOS 08.19 - CO-50, N115", "08.19"),
    # form and OCR dates
    ("Patient signature: /s/ Q. Orn.       Date: 1 / 13 / 2026", "1 / 13 / 2026"),
    ("Physician signature: [illegible]    Date: l0/03/25", "l0/03/25"),
]
KEEP = [
    ("3 trials, 2 w/ min A (granddaughter) on FaceTime; Mod assist x1", ["min A", "Mod assist"]),
    ("Vitals: BP 128/76, HR 72, SpO2 96% RA. PEG set-up, flushing 30 mL", ["SpO2 96% RA", "PEG"]),
    ("CG: apo (grandson); Lola watched from the chair", ["Lola"]),
    ("this is the PT note for today; this is a PT eval; this is caregiver training PT", ["the PT note", "a PT eval"]),
    (_ASR, ["97550 one unit 97551 one unit GP"]),
    ("repeat one or two more times the same way; walked two hundred feet down the road", ["one or two", "two hundred"]),
    ("lives at twelve main street with her daughter.", ["with her daughter"]),
    ("next visit the second week of the month", ["the second week"]),
    ("my son will call; her partner may come; my friend can help", ["will call", "may come", "can help"]),
    ("caregivers: con trai (son) Minh; con dâu (daughter-in-law) Lan. Huệ ngủ lúc đầu", ["con dâu", "lúc đầu"]),
    ("Met wife Maria, 그리고 son Tom, 오늘 trained.", ["그리고", "오늘"]),
    ("Pt Quorn, S L P caregiver training, I D D S I level two", ["S L P", "I D D S I"]),
    ("visit #: 12 30 min; Group: 97552 60 min", ["12 30 min", "97552 60 min"]),
    ("<p>97550&nbsp;GP x1 &amp; 97551 &ndash; 38&nbsp;min</p>", ["97550", "GP", "97551", "38&nbsp;min"]),
    ("Stage 2 CKD; see section 3.iv and Mr. Pell III", ["3.iv", "Stage 2"]),
    (_SEMI, ["97550;1;33", "acct;last;first"]),
    ("first_visit;code;units;min\nyes;97550;1;33\n", ["yes;97550;1;33"]),
    ("Strength 4/5 RLE; MMT 3/5; return demo 2/3 trials.", ["4/5", "3/5", "2/3"]),
    ("Pain decreased from 6/10 to 3/10 97550 x1.", ["6/10", "3/10"]),
    ("return demonstration improved from 1/4 to 4/4 steps of the bathing routine", ["1/4", "4/4"]),
    ("tues: walked 1/2 mile with wife; pt sat 1/2 hour", ["1/2 mile", "1/2 hour"]),
    ("Fri: pain 3/10 after 2/3 trials", ["3/10", "2/3"]),
    ("wound 1/2 in deep; 3/4 of the time", ["1/2", "3/4"]),
    ("Grade 4/5+ hip flexion; 5/5 strength", ["4/5+", "5/5"]),
    ("on 1.5 L O2; dose 2.5 mg", ["1.5 L", "2.5 mg"]),
]


@pytest.mark.parametrize(("text", "secret"), SCRUB)
def test_scrubbed(deid: Deidentifier, text: str, secret: str) -> None:
    assert_scrubbed(deid, text, secret)


@pytest.mark.parametrize(("text", "words"), KEEP)
def test_kept(deid: Deidentifier, text: str, words: list[str]) -> None:
    assert_kept(deid, text, words)


def test_markup_view_maps_back_to_the_text() -> None:
    from assistant.phi.spans import chain, markup_view

    text = "a&nbsp;b<!--  -->c &amp; d"
    view, index = markup_view(text)
    assert view == "a\xa0bc & d"
    assert index is not None and [text[i] for i in index] == ["a", "&", "b", "c", " ", "&", " ", "d"]
    # a comment with words is sent as it is: its words are read, on lines of their own
    view, index = markup_view("a<!--x&amp;y-->b")
    assert view == "a\nx&y\nb" and index == [0, 1, 5, 6, 11, 12, 15]
    assert markup_view("no markup <b>here</b>") == ("no markup <b>here</b>", None)
    assert markup_view("unclosed <!-- " * 3) == ("unclosed <!-- " * 3, None)
    assert chain([5, 6, 7], [0, 2]) == [5, 7] and chain(None, [1]) == [1] and chain([3], None) == [3]
