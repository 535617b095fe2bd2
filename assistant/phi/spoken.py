"""Identifiers read aloud: dictation and voicemail transcripts spell them out in words.

* a name spelled letter by letter: "b-l-a-c-k-w-o-o-d", "A-S-H-D-O-W-N hyphen Q-U-A-Y-E", "B-A-O G-U-O";
* numbers read digit by digit: "four four seven nine two two one", "five oh three, five five five, oh
  one four four", "R as in Robert 4 4 7 1 9 0 2 C". A digit-by-digit reading marks an identifier; a
  code is read in groups ("ninety-seven five fifty") and stays;
* a ZIP code read aloud after its city: "portland ninety-seven two oh two"; a street line read aloud:
  "fourteen oh two north broad street apartment six c", "rural route two box thirty one";
* a date of birth read as numbers after its label: "date of birth eleven twelve thirty-two";
* dates in words: "January ninth nineteen thirty-two", "April the second, twenty twenty-five", and a
  day alone after "on/for/by the": "on the sixteenth", "for the twenty-first", "on the 29th".
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, float]

# Spanish digits too: a phone read out in a Spanish call ("siete cero siete, cinco cinco cinco, cero uno ...")
_DIGIT = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
)
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMBER_WORD = rf"(?:{_TENS}(?:-{_DIGIT})?|{_TEEN}|{_DIGIT}|double|triple)"
# between number words: a comma, a space, a hyphen, or a joiner said aloud ("seven seven four, dash, three one")
_SEP = r"(?:[ \t]*,[ \t]*|[ \t]+|[ \t]*-[ \t]*)(?:(?i:dash|hyphen|slash)(?:[ \t]*,[ \t]*|[ \t]+))?"

# Letter by letter, hyphen-joined, in parts joined by a spoken "hyphen"/"dash"/"space"/"apostrophe".
# A short first part needs a spoken joiner after it: "O-B-I dash C-A-S-T-E-L-L-A-N-O".
_JOINED = r"(?:[ \t]+(?i:hyphen|dash|space|apostrophe)[ \t]+[A-Za-z](?:-[A-Za-z])++)"
# Short parts may also follow one another after a plain space when each has three letters or more: "B-A-O G-U-O".
SPELLED = re.compile(
    rf"(?<![\w\-])[A-Za-z](?:(?:-[A-Za-z]){{3,}}+{_JOINED}*+|(?:-[A-Za-z]){{1,2}}+{_JOINED}++"
    rf"|(?:-[A-Za-z]){{2}}+(?:[ \t]+[A-Za-z](?:-[A-Za-z]){{2,}}+)++)(?![\w\-])"
)
# Letters read one by one with blanks, in lower case too: "spelled a l dash q a h t a n i", "duc d u c". Taken
# after "spelled"/"spelling" or where they spell the word just before them; never "g n" or "p t" alone.
SPACED_LETTERS = re.compile(
    r"(?<![\w\-])[A-Za-z](?:(?:[ \t]+(?i:dash|hyphen|space|apostrophe))?[ \t]+[A-Za-z](?![\w\-'’])){2,}+"
)
_SPELL_CUE = re.compile(r"(?i:\b(?:spelled|spelt|spelling|spells|that[ \t]+is|that's)[ \t]*[,:]?[ \t]*)$")
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:['’\-][^\W\d_]+)*+)[ \t,]*$")


def _spaced_letters(text: str) -> list[Span]:
    out: list[Span] = []
    for m in SPACED_LETTERS.finditer(text):
        letters = "".join(re.findall(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])", m.group())).lower()
        before = text[max(0, m.start() - 40) : m.start()]
        word = _WORD_BEFORE.search(before)
        echo = word is not None and len(letters) >= 3 and re.sub(r"['’\-]", "", word.group(1).lower()) == letters
        if echo or _SPELL_CUE.search(before):
            out.append((m.start(), m.end(), "PERSON", 0.9))
    return out


NUMBER_RUN = re.compile(rf"(?i:\b{_NUMBER_WORD}(?:{_SEP}{_NUMBER_WORD})++\b)")
_RUN_WORD = re.compile(rf"(?i:{_NUMBER_WORD})")
_ONE_DIGIT = re.compile(rf"(?i:{_DIGIT})")
_AS_IN = r"[A-Z](?:[ \t]+as[ \t]+in[ \t]+[A-Z][a-z]+)?"
# Digits spoken one by one ("4 4 7 1 9 0 2"), with letters before or after ("R as in Robert ... C").
DIGITS = re.compile(rf"(?<![\w.])(?:{_AS_IN}[ \t]+)?\d(?:[ \t]+\d){{4,}}+(?:[ \t]+{_AS_IN})?(?!\w)")

# A Medicare number or a code read out in letters and digits: "one E G four, T E five, M K seven three".
_CODE_TOKEN = rf"(?:(?i:{_DIGIT})|[A-Z])(?![\w\-])"
SPOKEN_CODE = re.compile(rf"(?<![\w\-]){_CODE_TOKEN}(?:(?:[ \t]*,[ \t]*|[ \t]+){_CODE_TOKEN}){{5,}}+")
_LETTER_TOKEN = re.compile(r"(?<![\w\-])[A-Z](?![\w\-])")
# The same read in lower-case dictation, letters as words of the radio alphabet or "q as in queen", digits as figures
# too, joined by commas, blanks or a spoken "dash": "one e g four t e five m k seven two", "five e t nine dash h w
# two", "one, alpha, golf, seven, hotel", "X-ray, Q as in Quebec, 7, 7, 0, 4".
_NATO = (
    r"(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|november|oscar|papa"
    r"|quebec|romeo|sierra|tango|uniform|victor|whiskey|x-ray|xray|yankee|zulu)"
)
_SAID_LETTER = rf"(?:{_NATO}|[a-z](?:[ \t]+as[ \t]+in[ \t]+[a-z]{{2,12}}+)?)"
_SAID_TOKEN = rf"(?i:{_DIGIT}|\d|{_SAID_LETTER})(?![\w\-])"
_SAID_SEP = r"(?:[ \t]*,[ \t]*|[ \t]+)(?:(?i:dash|hyphen)(?:[ \t]*,[ \t]*|[ \t]+))?"
_SAID_TOKEN_RE = re.compile(rf"(?i:(?P<d>{_DIGIT}|\d)|(?P<l>{_SAID_LETTER}))(?![\w\-])")
SAID_CODE = re.compile(rf"(?<![\w\-]){_SAID_TOKEN}(?:{_SAID_SEP}{_SAID_TOKEN}){{5,}}+")

_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_ORDINAL_ONE = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_ORDINAL = (
    rf"(?:thirty[- \t]first|thirtieth|twenty[- \t]{_ORDINAL_ONE}|twentieth|{_ORDINAL_ONE}|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)"
)
_YEAR_WORDS = (
    rf"(?:(?:nineteen|twenty)[ \t]+(?:{_TENS}(?:-{_DIGIT})?|{_TEEN}|oh[ \t]+{_DIGIT}|hundred)"
    rf"|two[ \t]+thousand(?:[ \t]+(?:and[ \t]+)?(?:{_TENS}(?:-{_DIGIT})?|{_TEEN}|{_DIGIT}))?)"
)
_CARDINAL_DAY = rf"(?:(?:twenty|thirty)[- \t]{_DIGIT}|twenty|thirty|{_TEEN}|{_DIGIT})"
SPOKEN_DATE = re.compile(
    rf"(?i:\b{_MONTH}[ \t]+(?:the[ \t]+)?{_ORDINAL}\b(?:,?[ \t]+{_YEAR_WORDS}\b)?)"
    # a cardinal day needs its year: "march one, nineteen forty-six", "twenty six february twenty six"
    rf"|(?i:\b{_MONTH}[ \t]+{_CARDINAL_DAY},?[ \t]+{_YEAR_WORDS}\b)"
    rf"|(?i:\b{_CARDINAL_DAY}[ \t]+(?:of[ \t]+)?{_MONTH},?[ \t]+(?:{_YEAR_WORDS}|(?:twenty|thirty)[- \t]{_DIGIT})\b)"
)
# "the fourth of February, nineteen twenty-six"; "Friday the twenty-ninth", "on Tuesday the 3rd"
DAY_OF_MONTH = re.compile(
    rf"(?i:\b(?:the[ \t]+)?{_ORDINAL}[ \t]+of[ \t]+{_MONTH}\b(?:,?[ \t]+{_YEAR_WORDS}\b)?)"
    # "fifteenth August nineteen thirty-two": without "of" only with the year, so "first may be" stays
    rf"|(?i:\b{_ORDINAL}[ \t]+{_MONTH},?[ \t]+{_YEAR_WORDS}\b)"
    # or with a capitalised month that is no verb: "on twenty-eighth November"
    rf"|(?i:\b{_ORDINAL}[ \t]+)(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    rf"|(?i:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day[ \t]+the[ \t]+(?:{_ORDINAL}|(?:3[01]|[12]\d|0?[1-9])"
    rf"(?:st|nd|rd|th))\b)"
)
# "on the sixteenth.", "for the twenty-first but", "on the 29th and": a day of the month, not "on the
# second floor" (a noun after the ordinal makes it a rank).
_FREE_WORDS = (
    r"(?:and|but|or|at|so|when|then|as|if|since|because|is|was|will|we|she|he|they|i|please|of|to|through|thru"
    r"|until|instead)"
)
DAY_ALONE = re.compile(
    rf"(?i:\b(?:on|for|by|until|till|before|after|since|from|visit|appointment|appt|session)[ \t]+)"
    rf"(?P<id>(?i:the)[ \t]+"
    rf"(?:(?i:{_ORDINAL})|(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)))\b"
    rf"(?![ \t]+(?!(?i:{_FREE_WORDS})\b)[A-Za-z])"
)
# A date of birth read as numbers after its label: "date of birth eleven twelve thirty-two", "DOB three, twelve,
# nineteen twenty-nine", "born twelve slash seven slash forty-four".
SPOKEN_BIRTH = re.compile(
    rf"(?i:\b(?:date[ \t]+of[ \t]+(?:birth|service|injury|onset)|birth[ \t]?date|birthday|dob|dos|born(?:[ \t]+on)?)"
    r"(?:[ \t]+(?:is|was))?[ \t]*[,:]?[ \t]*)"
    rf"(?P<id>(?i:{_NUMBER_WORD})(?:{_SEP}(?i:{_NUMBER_WORD})){{1,6}}+)\b"
)
# A street line read aloud: "fourteen oh two north broad street apartment six c", "rural route two box thirty one".
_STREET_WORD = (
    r"(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|place|pl|terrace|circle|highway"
    r"|parkway|pike|trail)"
)
SPOKEN_STREET = re.compile(
    rf"(?i:\b(?:{_NUMBER_WORD})(?:[ \t]+(?:{_NUMBER_WORD})){{0,4}}+(?:[ \t]+[a-z][a-z'’]{{1,20}}+){{1,3}}?[ \t]+"
    rf"{_STREET_WORD}\b(?:[ \t]+(?:apartment|apt|unit|suite)[ \t]+(?:{_NUMBER_WORD}[ \t]*)+(?:[a-z]\b)?)?"
    rf"|\b(?:rural[ \t]+route|route|box)[ \t]+(?:{_NUMBER_WORD})(?:[ \t]+(?:{_NUMBER_WORD}))*+"
    rf"(?:[ \t]+box[ \t]+(?:{_NUMBER_WORD})(?:[ \t]+(?:{_NUMBER_WORD}))*+)?)"
)
# The town after a street line read aloud, before its ZIP or at the end of the clause: "... box thirty one ligonier."
_TOWN_AFTER_STREET = re.compile(
    rf"[ \t]*,?[ \t]+(?P<city>[a-z][a-z'’\-]{{2,20}}+(?:[ \t][a-z][a-z'’\-]{{2,20}}+)?+)"
    rf"(?=[ \t]*,?[ \t]+(?i:{_NUMBER_WORD})\b|[ \t]*,?[ \t]+\d{{5}}\b|[ \t]*[.;]|[ \t]*$)"
)
_NOT_TOWN = frozenset({"and", "with", "in", "at", "for", "the", "to", "of", "on", "by", "from", "near", "please"})
_CITY_BEFORE = re.compile(
    r"(?i:\b(?:in|at|from|to|near)[ \t\n]+(?P<city>[a-z][a-z'’.\-]*(?:[ \t]+[a-z][a-z'’.\-]*)?)[ \t\n]+)$"
)


def _digits(run: str) -> tuple[int, int]:
    """(digits spoken one by one, digits in all) of a run of number words."""
    words = _RUN_WORD.findall(run)
    singles = sum(bool(_ONE_DIGIT.fullmatch(w)) for w in words)
    return singles, sum(1 if _ONE_DIGIT.fullmatch(w) else 0 if w.lower() in ("double", "triple") else 2 for w in words)


# A procedure code read digit by digit among billing words: "Code nine seven five five zero, one unit, plus ..."
_SPOKEN_CPT = re.compile(rf"(?i:[ \t]*(?:nine[ \t]+seven|ninety-seven)(?:[ \t]+{_DIGIT}){{3}}[ \t]*)")
_BILLING_CUE = re.compile(r"(?i:\b(?:codes?|cpt|bill(?:ed|ing)?|units?|plus|times|charged?|minutes)\b|\bG-?[PON]\b)")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The run without the comma-set groups that read a 97xxx code, when billing words are near: "nine seven five
    five zero, one unit" ("ninety-seven five five zero") is a code and a count. A phone's groups ("nine seven
    three, five five five") are shorter."""
    if not _BILLING_CUE.search(text, max(0, start - 80), min(len(text), end + 40)):
        return [(start, end)]
    pieces, pos = [], start
    for group in re.finditer(r"[^,]+", text[start:end]):
        if _SPOKEN_CPT.fullmatch(group.group()):
            pieces.append((pos, start + group.start()))
            pos = start + group.end()
    return [(s, e) for s, e in [*pieces, (pos, end)] if _RUN_WORD.search(text, s, e)]


def _spoken_numbers(text: str) -> list[Span]:
    out: list[Span] = []
    for m in NUMBER_RUN.finditer(text):
        for start, end in _pieces(text, m.start(), m.end()):
            singles, digits = _digits(text[start:end])
            if singles >= 3 and digits >= 5:  # not "ninety-seven five fifty" (a code in groups), "fourteen thirty"
                out.append((start, end, "ID", 0.9))
        singles, digits = _digits(m.group())
        if singles < 3 or digits < 5:
            continue
        city = _CITY_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if city and digits == 5:  # a ZIP code read aloud after its city: "in portland ninety-seven two oh two"
            out.append((city.start("city"), city.end("city"), "ADDRESS", 0.85))
    return out


def _spoken_street(value: str) -> bool:
    """A street line needs its number and a word that is not a number word ("rural route two box thirty one" has
    its box): never "one or two more times" before "way"."""
    return bool(re.search(r"(?i:box)", value)) or not re.search(r"(?i:\b(?:or|and|to|more|times|the|a|of)\b)", value)


def _said_code(value: str) -> bool:
    """Letters and digits read out as one identifier: digits and letters interleave ("e g four t e five m k"),
    or a letter is made plain by the radio alphabet or "as in"; never a code and its modifier ("nine seven five
    five zero g p") or words of a sentence ("a", "i")."""
    kinds, letters, plain, digits = [], 0, False, 0
    for m in _SAID_TOKEN_RE.finditer(value):
        kind = "d" if m.group("d") else "l"
        word = m.group("l") or ""
        if kind == "l" and word.lower() in ("a", "i"):
            kind = "x"
        letters += kind == "l"
        digits += kind == "d"
        plain = plain or (kind == "l" and len(word) > 1)
        if not kinds or kinds[-1] != kind:
            kinds.append(kind)
    return digits >= 2 and ((letters >= 3 and kinds.count("l") >= 2) or (plain and letters >= 1 and digits >= 4))


def find_spoken(text: str) -> list[Span]:
    out = [(m.start(), m.end(), "PERSON", 0.9) for m in SPELLED.finditer(text)] + _spaced_letters(text)
    out += _spoken_numbers(text)
    out += [(m.start(), m.end(), "ID", 0.9) for m in DIGITS.finditer(text)]
    for m in SPOKEN_CODE.finditer(text):
        letters = len(_LETTER_TOKEN.findall(m.group()))
        if letters >= 2 and len(_RUN_WORD.findall(m.group())) >= 2:
            out.append((m.start(), m.end(), "ID", 0.9))
    out += [(m.start(), m.end(), "ID", 0.9) for m in SAID_CODE.finditer(text) if _said_code(m.group())]
    out += [(m.start(), m.end(), "DATE", 0.9) for m in SPOKEN_DATE.finditer(text)]
    out += [(m.start("id"), m.end("id"), "DATE", 0.9) for m in SPOKEN_BIRTH.finditer(text)]
    for m in SPOKEN_STREET.finditer(text):
        if _spoken_street(m.group()):
            out.append((m.start(), m.end(), "ADDRESS", 0.85))
            town = _TOWN_AFTER_STREET.match(text, m.end())
            if town and not set(town.group("city").lower().split()) & _NOT_TOWN:
                out.append((town.start("city"), town.end("city"), "ADDRESS", 0.85))
    out += [(m.start(), m.end(), "DATE", 0.9) for m in DAY_OF_MONTH.finditer(text)]
    return out + [(m.start("id"), m.end("id"), "DATE", 0.85) for m in DAY_ALONE.finditer(text)]
