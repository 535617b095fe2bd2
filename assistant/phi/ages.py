"""Ages over 89 (Safe Harbor) written the ways notes write them, beside the "93 yo" shapes.

"Mrs. Park (95)", "she's 98", "turns 100", "ninety-four", "M/93", "93/F", "93 años", "almost 93",
"DOB 14/02/1931 (94)", "ninety (90) years old", "Jónsson, 94, trained", "patient_age: 90",
"ninety-three-year-old", a "ninety-fifth birthday", "nonagenarian". A number that a unit follows
("turns 90 degrees", "she's 95% accurate", "ninety minutes") is no age.
An age stated as one ("Age 79", "7 yo", "6-year-old", "86歳") is scrubbed at any value (`STATED_AGES`).
"""

from __future__ import annotations

import re

from assistant.phi.lexicon import get_lexicon

Span = tuple[int, int, str, float]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_AGE = r"(?P<age>9\d|1[01]\d)"
# Round 14's conventions: a bare number after a name is an age at any value from 10 (a one-digit number there is as
# often a count, a step or a page).
_AFTER_NAME = r"(?P<age>1[01]\d|[1-9]\d)(?!\d)"
# Words a family calls the patient by, English and the languages families write them in.
KIN = (
    r"grandma|grandpa|granny|gramps|nana|mom|mum|dad|mother|father|aunt|auntie|uncle|vov[ôó]|av[óô]|abuela|abuelo|"
    r"papa|mama|pop|granddad|grandmother|grandfather|nonna|nonno|oma|opa|babcia|dziadek|lola|lolo|bubbe|zayde|savta|saba|amma|appa|mémère|pépère|grand-?m[èe]re"
)
_RELATIONS = (
    r"wife|husband|spouse|partner|son|daughter|dtr|mother|father|sister|brother|niece|nephew|grandson|granddaughter"
    r"|friend|neighbou?r|pt|patient"
)
# a person an age is said of, and the verb that says it: "she's", "my husband Gus is", "he just turned"
_SUBJECT = rf"\b(?:she|he|pt|patient|who|{KIN}|{_RELATIONS})"
_IS = r"(?:['’]s|[ \t]+(?:is|was|turned|just[ \t]+turned|will[ \t]+be))[ \t]+(?:now[ \t]+)?"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_WORDS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINAL_ONES = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
AGE_SHAPES = [
    # after a name: "Mrs. Park (95)", "Hoa Tran (92)", "grandson Rhys Pemberton (24, unpaid)"
    re.compile(rf"(?<=[^\W\d_])[ \t]*\({_AFTER_NAME}(?:\)|,(?=[ \t]*[^\W\d_]))"),
    # after a name and a comma: "Jónsson, 94, trained", '("Mina"), 97 - DOB', "Motherhouse, 93 - the",
    # "Ozella Tolliver, 86)", "(chart: James O'Sullivan), 83 yrs."
    re.compile(
        rf"(?m)(?:(?<=[^\W\d_])|(?<=[)\"”]))[ \t]*,[ \t]*{_AFTER_NAME}"
        r"(?:[ \t]*(?i:y/o|yo|yrs?|years?)\b)?(?=[ \t]*(?:[,;)(]|\.(?!\d)|[-–—][ \t]|$))"
    ),
    # after a date: "DOB 14/02/1931 (94)"
    re.compile(rf"(?<=\d)[ \t]+\({_AGE}\)"),
    # "(90) years old", "almost 93", "patient_age: 90"
    re.compile(rf"\({_AGE}\)(?=[ \t]*(?i:years?|yrs?|y/?o)\b)"),
    re.compile(rf"(?i:\b(?:almost|nearly|turning|going[ \t]+on)[ \t]+){_AGE}\b"),
    re.compile(rf"(?i:(?<=_)age[ \t]*[:=]?[ \t]*){_AGE}\b"),
    # "her ninety-fifth birthday", "his 100th birthday"; "nonagenarian", "centenarian"
    re.compile(
        rf"(?i:\b(?P<age>ninety-{_ORDINAL_ONES}|ninetieth|(?:one[ \-])?hundredth|(?:9\d|1[01]\d)(?:st|nd|rd|th))"
        rf"(?=[ \t]+birthday))"
    ),
    re.compile(r"(?i:\b(?P<age>(?:super)?centenarian|nonagenarian)s?\b)"),
    # "she's 98", "he is 93", "pt was 101", "mom turned 95", "turns 100", "hooyo (my mom) is 91"
    re.compile(
        rf"(?i:\b(?:(?:she|he|pt|patient|member|beneficiary|client|resident|who|mom|dad|mother|father)\)?"
        rf"(?:['’]s|[ \t]+(?:is|was|now|will[ \t]+be))"
        rf"|turn(?:s|ed|ing)?))[ \t]+(?:now[ \t]+)?{_AGE}(?!\d)"
    ),
    re.compile(rf"\b[MF][ \t]?/[ \t]?{_AGE}\b"),  # M/93
    re.compile(rf"\b{_AGE}(?:[ \t]?[Yy])?[ \t]?/[ \t]?[MF]\b"),  # 93/F, "Age/Sex: 96 Y / F"
    re.compile(rf"\b[MF],[ \t]*{_AGE}(?=[ \t]*[,;)])"),  # "Seo Jung-ja, F, 93, present"
    # 93 años, 98 tuổi, 94 yaşında, 95 سنة, 91 лет, 92 anni
    re.compile(
        rf"\b{_AGE}[ \t]+(?i:a[ñn]os|ans|jahre|tuổi|jaar|lat|ya[şs](?:ında|inda)?|سنة|سنه|عاما?|лет|года|anni|anos|taon"
        rf"|साल|वर्ष)(?!\w)"
    ),
    re.compile(rf"\b{_AGE}[ \t]*(?:歳|岁|세|살)"),  # 93歳, 95岁, 92세
    # a family's word for the patient, then the age: "vovô is 93", "grandma just turned 95"
    # also with the name between ("my father Abdirahman is 92")
    re.compile(
        rf"(?i:\b(?:{KIN})[ \t]+(?:(?-i:[A-Z][^\W\d_]+)[ \t]+)?(?:is|was|turned|just[ \t]+turned|will[ \t]+be)"
        rf"[ \t]+){_AGE}(?!\d)"
    ),
    # the writer's own age: "im 92 in october", "I am 95"
    re.compile(rf"(?i:\b(?:i['’]?m|i[ \t]+am)[ \t]+(?:now[ \t]+)?){_AGE}(?![\d.,])"),
    # a caregiver's relation and age: "Kamla Ramdial (wife, 91)", "Ana B. (primary caregiver, 80)"
    re.compile(rf"(?i:\((?:[^\W\d_]+[ \t]+){{0,2}}(?:{_RELATIONS}|caregiver|cg),[ \t]*){_AFTER_NAME}\)"),
    # "a woman in her mid-nineties", "aged in his nineties"
    re.compile(r"(?i:\b(?:her|his|their)[ \t]+(?P<age>(?:(?:early|mid|late)[ \t\-]?)?(?:nineties|90s)))\b"),
    re.compile(rf"(?i:\b(?:edad|âge)[ \t]*:?[ \t]*){_AGE}\b"),  # edad: 93
    # in words: "ninety-four", "one hundred and one"
    re.compile(
        rf"(?<![^\W\d_]-)(?i:\b(?P<age>ninety(?:[ \-]{_ONES})?|(?:one|a)[ \-]hundred(?:[ \-](?:and[ \-])?"
        rf"(?:{_ONES}|{_TEENS}))?))\b(?!-(?!y(?:ea)?rs?-old)[^\W\d_])"
    ),
]
# Every stated age is PHI from round 11 on (its conventions label "Age 79" and "7 yo" as they label "Age 93"): an age
# written as an age, with its label or its unit, is scrubbed whatever its value. A bare number beside a name
# ("Mrs. Park (95)") is an age only over 89 (the shapes above): below that it is as often a count or a room.
_ANY_AGE = r"(?P<age>1[01]\d|[1-9]?\d)"
STATED_AGES = [
    # "Age 79", "age: 8", "aged 67", "Age/Sex: 79 F", "edad 79", "âge : 79"; not "Age 7-9" (a range) nor "age 2.5"
    re.compile(
        rf"(?i:\b(?:age[ds]?|age/(?:sex|gender)|edad|âge|alter|idade|età)[ \t]*(?:\.{{2,}}+[ \t]*)?[:=#]?[ \t]*)"
        rf"{_ANY_AGE}"
        r"(?![\d.,:/\-]\d|\d)"
    ),
    # "7 yo", "79 y/o", "79 y.o.", "6-year-old", "79 years old", "79 yrs old", "79 years of age", "93 years at DOS"
    re.compile(
        rf"\b{_ANY_AGE}(?=[ \t\-]*(?i:y/o\b|y\.o\b|yo\b"
        r"|(?:years?|yrs?|yr)[ \t\-]+(?:old|of[ \t]+age|at[ \t]+(?:DOS|the[ \t]+visit))))"
    ),
    re.compile(rf"\b[MF][ \t]?/[ \t]?{_ANY_AGE}\b(?!/)"),  # M/79
    # a wristband's "92Y", "(89Y)", a log's "7yr"
    re.compile(rf"\b{_ANY_AGE}(?:Y|y|yr|yrs)(?=[ \t),;\]]|$)", re.MULTILINE),
    re.compile(rf"\b{_ANY_AGE}(?:[ \t]?[Yy])?[ \t]?/[ \t]?[MF]\b"),  # 79/F, "Age/Sex: 76 Y / F"
    # 79 años, 86 tuổi, 79 yaşında, 79 лет, 79 anni; 86歳, 79岁, 79세
    re.compile(
        rf"\b{_ANY_AGE}[ \t]+(?i:a[ñn]os|jahre|tuổi|jaar|ya[şs](?:ında|inda)?|سنة|عاما?|лет|года|anni|anos|taon)(?!\w)"
    ),
    re.compile(rf"(?<!\d){_ANY_AGE}[ \t]*(?:歳|岁|세|살)"),
    # age glued to a sex letter, set off by a bracket or a comma: "Choi Young-sook, 79F, L CVA", "Shaw (89M)"
    re.compile(rf"(?:(?<=\()|(?<=,)|(?<=,[ \t])){_ANY_AGE}[MF](?=[ \t]*[),;])"),
    # an adult's age said after a person: "She's 86", "my husband Gus is 73", "his wife was 68"
    re.compile(
        rf"(?i:{_SUBJECT}(?:[ \t]+(?-i:[A-Z][^\W\d_]+)){{0,2}}{_IS})"
        r"(?P<age>1[01]\d|[1-9]\d)(?![\d.,:/]\d|\d|[ \t]*(?:-|to|or)[ \t]*\d)"
    ),
    # "in his 92nd year", "in her 86th year of life", "in his ninety-fifth year"
    re.compile(r"(?i:\bin[ \t]+(?:his|her|their)[ \t]+)(?P<age>1?\d\d(?:st|nd|rd|th)[ \t]+year)\b"),
    re.compile(rf"(?i:\bin[ \t]+(?:his|her|their)[ \t]+)(?P<age>(?i:{_TENS_WORDS})-(?i:{_ORDINAL_ONES})[ \t]+year)\b"),
    # the age a date of birth is followed by, at any value: "DOB 01/22/1950  (76)", "DOB 1943-05-30 (83)"
    re.compile(
        r"(?i:\b(?:DOB|D\.O\.B\.|date[ \t]+of[ \t]+birth|born)[ \t]*[:#]?[ \t]*)"
        r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}[ \t]*\((?P<age>1[01]\d|[1-9]?\d)\)"
    ),
    # "Wes turned 75 on the 19th", "she turns 82 Friday", "i am 70 next month": the verb states an age at any value
    # from 10 (a unit after it, "turned 45 degrees", "I am 10 minutes late", makes it a measure)
    re.compile(
        r"(?i:\b(?:turn(?:s|ed)|i['’]?m|i[ \t]+am)[ \t]+(?:now[ \t]+|just[ \t]+)?)(?P<age>1[01]\d|[1-9]\d)"
        r"(?![\d.,:/%]|[ \t]*(?:-|to|or)[ \t]*\d)"
    ),
    # "Her 80th is Dec 14", "his 75th birthday", "my 70th b-day": a birthday by its ordinal
    re.compile(
        r"(?i:\b(?:her|his|my|their|your)[ \t]+)(?P<age>[1-9]\d(?:st|nd|rd|th))(?=[ \t]+(?i:is|was|party)\b)"
    ),
    re.compile(r"(?i:\b(?P<age>[1-9]\d(?:st|nd|rd|th))(?=[ \t]+(?:birthday|bday|b-day)\b))"),
    # "(DOB 1951-05-17, 75 y)", "Ana, 82 yrs)": an age with a spaced unit, set off by a comma or a bracket
    # and an infant's in months: "Khulan Baatar, 7 mos, for", "(9 mo)"
    re.compile(
        r"(?:(?<=\()|(?<=,)|(?<=,[ \t]))(?P<age>(?:1[01]\d|[1-9]?\d)[ \t](?:y|yr|yrs|mos?)\.?|1?\d[ \t]?mos?\.?)"
        r"(?=[ \t]*[),;\]])"
    ),
    # an age field with words between: "Respondent's age on the date of appointment: 84."
    re.compile(rf"(?i:\bage[ \t][^\d\n:;.]{{0,40}}?:[ \t]*){_ANY_AGE}(?![\d.,:/\-]\d|\d)"),
]
# An age in words, 20 to 99, where its unit or its sentence makes it one: "Seventy-two-year-old",
# "eighty-one years old", "he's eighty four", "ochenta y un años". Never a bare number word (minutes, codes).
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_WORD_AGE = rf"(?P<age>{_TENS}(?:[ \-]{_ONES})?)"
_DECENAS = r"(?:veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)"
WORD_AGES = [
    re.compile(rf"(?i:\b{_WORD_AGE}(?=[ \t\-]+(?:years?|yrs?)[ \t\-]+(?:old|of[ \t]+age)\b|[ \t\-]+y/?o\b))"),
    re.compile(rf"(?i:{_SUBJECT}{_IS}{_WORD_AGE}\b)"),
    # "(age seventy)", "Amma turns seventy-six", "ten-year-old"
    re.compile(rf"(?i:\b(?:age[ds]?|turn(?:s|ed|ing)?)[ \t]+{_WORD_AGE}\b)"),
    re.compile(rf"(?i:\b(?P<age>{_TEENS}|{_ONES})(?=[ \t\-]+years?[ \t\-]+old\b))"),
    re.compile(
        rf"(?i:\b(?P<age>{_DECENAS}(?:[ \t]+y[ \t]+(?:un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?"
        r")[ \t]+años\b)"
    ),
]
# an age in words after a name and a comma: "Eleni Petrakis,\nsixty-eight, is", "(KAMAKAU), seventy-nine, lives"
NAMED_WORD_AGE = re.compile(
    rf"(?:(?<=[^\W\d_])|(?<=[)\"”])),[ \t]*\n?[ \t]*{_WORD_AGE}(?=[ \t]*(?:[,;)]|[-–—][ \t]))", re.I
)
# A unit after the number makes it a measure, not an age.
UNITS = _words("""
deg degree degrees percent min mins minute minutes sec secs second seconds hour hours hr hrs day days week weeks
month months ft feet foot meter meters m yard yards lb lbs pound pounds kg reps rep steps step times units unit
dollars cents ml mg cc mmhg bpm beats breaths psi mph
""")
_AFTER = re.compile(r"[ \t\-]*(?P<next>°|%|[A-Za-z]+)")


# Number words after "ninety seven": a code or an amount read aloud ("billed ninety seven five fifty").
NUMBER_WORDS = _words("""
zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand point
""")


def _measure(text: str, end: int) -> bool:
    m = _AFTER.match(text, end, min(len(text), end + 24))
    if not m:
        return False
    word = m.group("next").lower()
    return word in "°%" or word in UNITS or word in NUMBER_WORDS


_DATE_BEFORE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}[ \t]+$")


# "Thursday, 12", "November, 26": a day of the month, not an age
_CALENDAR = _words("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun january february
march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""")


def _after_name(text: str, start: int, strict: bool = False) -> bool:
    """ "(95)" is an age after a name ("Mrs. Park (95)"), not after a modifier or code ("POS (95)"). Under 90
    (``strict``) the word must read as a name too: "Exercises (15)" and "Step, 10" are counts."""
    word = re.search(r"([^\W\d_]+)[ \t]*$", text[max(0, start - 30) : start])
    if not word or word.group(1).lower() in _CALENDAR:
        return False
    name = word.group(1)
    if not (name[0].isupper() and len(name) >= (4 if name.isupper() else 2)):
        return False
    return not strict or _namey(name)


def _namey(word: str) -> bool:
    lex = get_lexicon()
    rank, zipf = lex.name_rank(word), lex.zipf(word)
    return zipf < 3.0 or (rank > 0 and (zipf < 4.2 or rank <= 50))


def find_ages(text: str) -> list[Span]:
    out: list[Span] = []
    for regex in AGE_SHAPES:
        for m in regex.finditer(text):
            end = m.end("age")
            closed = regex is AGE_SHAPES[1] and text[m.start() - 1 : m.start()] in ')"”'  # '("Mina"), 97'
            strict = m.group("age").isdigit() and int(m.group("age")) < 90
            if regex in AGE_SHAPES[:2] and not closed and not _after_name(text, m.start(), strict):
                continue
            if regex is AGE_SHAPES[2] and not _DATE_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1):
                continue
            if not _measure(text, end):
                out.append((m.start("age"), end, "AGE", 0.9))
    for regex in STATED_AGES:
        out += [(m.start("age"), m.end("age"), "AGE", 0.9) for m in regex.finditer(text) if not _measure(text, m.end())]
    for m in NAMED_WORD_AGE.finditer(text):
        if text[m.start() - 1 : m.start()] in ')"”' or _after_name(text, m.start(), strict=True):
            out.append((m.start("age"), m.end("age"), "AGE", 0.9))
    for regex in WORD_AGES:
        out += [(m.start("age"), m.end("age"), "AGE", 0.9) for m in regex.finditer(text) if not _measure(text, m.end())]
    return out
