"""Names without context: every word is judged by its shape, the lexicon and its neighbours.

A word is a name when
* it is capitalised and English does not know it ("Olufemi", "Kayenta": Zipf < 2.5), or it is a
  listed name that is not a very common word where it stands ("Mark" mid-sentence, not "Will" at
  the start of one);
* it is in capitals and a listed name that is rare as an English word ("NGUYEN"), unknown to
  English ("BLACKFEATHER"), or one half of "LAST, FIRST" in capitals ("JOHNSON, DELORES");
* it is in lower case, a common first name, and stands where a person does ("seen with maria",
  "frank needed cues"), or is no English word at all ("xiomara");
and it is none of the clinical words, eponyms and brands in ``CLINICAL``. Neighbouring name
words, initials and particles ("de la", "bin", "Ó") join into one span. Known names (from the
claim or the EHR) are matched ASCII-folded and in any case by `assistant.phi.known`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.phi import patterns as p
from assistant.phi.fold import fold_word
from assistant.phi.lexicon import Lexicon, get_lexicon
from assistant.phi.vocab import BRANDS, KEEP_WORDS, payer

Span = tuple[int, int, str, float]


def words(block: str) -> frozenset[str]:
    """The set of whitespace-separated words in a block of text (word lists as data)."""
    return frozenset(block.split())


_words = words


WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
UNKNOWN, RARE, COMMON, VERY_COMMON = 2.5, 3.6, 4.0, 5.5
PARTICLES = _words("""
de del della der den la le van von bin binti bint ibn al el da das dos di du ní ó nic mac ter ten st
""")
# Clinical eponyms, scales, brands and payers that look like names but must stay readable.
_EPONYMS = _words("""
berg hoyer parkinson parkinsons alzheimer alzheimers tinetti barthel romberg foley heimlich trendelenburg epley
hallpike dix babinski hoehn yahr katz lawton borg folstein glasgow rancho ranchos purdue jebsen fugl meyer
ashworth oswestry bobath brunnstrom kegel valsalva guillain barre barré bell bells huntington huntingtons gehrig
crohn crohns cushing addison graves hashimoto raynaud sjogren lewy wernicke broca korsakoff meniere hodgkin
kaposi achilles colles baker dupuytren osgood schlatter charcot duchenne becker tourette asperger rett apgar
snellen weber rinne lachman mcmurray phalen tinel finkelstein spurling hawkins neer ober gaenslen morse braden
norton zarit stedy arjo medline graston theraband rollator velcro kinesio bioness saebo walkaide lokomat biodex
nustep vitalstim passy muir iddsi yale frazier rosenbek shaker masako mendelsohn lsvt otago medicare medicaid
tricare aetna humana cigna anthem kaiser noridian palmetto novitas permobil invacare hoveround dynavision moca
mmse slums nihss fim tug dgi fga dynamic gait walker cane down downs brandt daroff roho stryker memory english spanish
hoffmann hoffman nation
carbidopa levodopa sinemet baclofen tizanidine gabapentin warfarin coumadin eliquis apixaban xarelto donepezil
aricept memantine namenda
montreal sundowning sundowner sundowners
french german chinese vietnamese korean arabic russian polish italian portuguese japanese hindi tagalog navajo
somali american mexican african asian hispanic latino ft cm kg lb lbs sec secs hr hrs yd yds reps rep sets jan
feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thur thurs fri sat
""")
CLINICAL = _EPONYMS | KEEP_WORDS  # and the brands, kinship and form words of `assistant.phi.vocab`
PREV_SLOT = _words("""
with w/ and & pt cg dtr son wife husband daughter by per to from called told asked mother father mom dad sister
brother neighbor neighbour friend caregiver caregivers aide spouse partner niece nephew grandson granddaughter
for saw seen see met trained taught educated instructed patient resident client hija hijo esposa esposo yerno
nuera nieta nieto madre padre hermana hermano aunt auntie aunty uncle grandma grandpa gramps granny
ask tell remind ping cc msg dm text call email
kid kids nurse signed ty thx
""")
# A report verb after a capitalised word puts a person there: "Abernathy reports ...", "Okonjo states".
REPORT_VERBS = _words("reports reported states stated says said verbalized verbalizes denies denied arrives arrived")
NEXT_SLOT = _words("""
return returned returns demo demonstrated demonstrates needed needs reports reported states stated said says
verbalized performed was is has had able unable and & agreed asked completed required requires did does today
went came waited stayed arrived drove
""")


# The word after an eponym that makes it a scale, test, lesion or device, not the person: "Katz index", "Berg score",
# "Unna boot", "Lisfranc injury", "Kennedy terminal ulcer". One of a few descriptive words may stand between, never
# a verb: "Okafor did exercises".
_EPONYM_BETWEEN = (
    r"terminal|pressure|venous|arterial|diabetic|stress|compression|functional|naming|balance|gait|walk|grip"
)
EPONYM_HEAD = re.compile(
    rf"(?:['’]s)?[ \t\-]*(?:(?:{_EPONYM_BETWEEN})[ \t]+)?(?i:catheter|index|adls?|scale|score|test|sign|lift|"
    r"maneuver|manoeuvre|balance|assessment|exercises?|disease|syndrome|position|criteria|protocol|method|technique|"
    r"sling|ulcers?|boot|injury|fracture|mobili[sz]ation|splint|brace|reflex|palsy|classification|contracture|"
    r"deformity|questionnaire|inventory|procedure|repair|bandage|dressing|stockings?|collar|cushion)\b"
)


def _lookup_forms(word: str) -> list[str]:
    base = word[:-2] if word.lower().endswith(("'s", "’s")) else word
    forms = [base]
    folded = fold_word(base)
    if folded != base:
        forms.append(folded)
    return forms


def _rank(lex: Lexicon, word: str) -> int:
    return _word_facts(word)[0] if lex is get_lexicon() else _facts(lex, word)[0]


def _zipf(lex: Lexicon, word: str) -> float:
    return _word_facts(word)[1] if lex is get_lexicon() else _facts(lex, word)[1]


def _facts(lex: Lexicon, word: str) -> tuple[int, float]:
    forms = _lookup_forms(word)
    return min((r for f in forms if (r := lex.name_rank(f))), default=0), max(lex.zipf(f) for f in forms)


@lru_cache(maxsize=65536)
def _word_facts(word: str) -> tuple[int, float]:
    """(best name rank, English Zipf) of a word against the shared lexicon; words repeat, so cached."""
    return _facts(get_lexicon(), word)


_CAMEL = re.compile(r"(?P<a>[A-Z][a-z]{2,}+)(?P<b>[A-Z][a-z]{2,}+)")


def brand_compound(word: str) -> bool:
    """Two common English words run together in camel case name a product or a firm, never a person: "SafeHome",
    "HealthPlan", "BrightStar"; a name's own capitals stay ("McArthur", "DeShawn", "LeBlanc")."""
    m = _CAMEL.fullmatch(word)
    lex = get_lexicon()
    return m is not None and all(lex.zipf(part.lower()) >= COMMON for part in (m.group("a"), m.group("b")))


def _blocked(word: str) -> bool:
    low = word.lower().removesuffix("'s").removesuffix("’s")
    if brand_compound(word):
        return True
    if "-" in low and all(part in CLINICAL for part in low.split("-")):
        return True  # "Dix-Hallpike", "Brandt-Daroff"; not "Nakashima-Brandt"
    if "-" in word and all(p.PROTECTED_WORDS_RE.fullmatch(part.upper()) for part in word.split("-")):
        return True  # joined modifiers: "GP-CQ" in "97550-GP-CQ"
    return low in p.NOT_NAMES or low in CLINICAL or bool(p.PROTECTED_RE.fullmatch(word))


def _hyphen_name(lex: Lexicon, word: str) -> bool:
    """ "Eze-Okafor", "Min-seo", "Al-Sayed": every part a listed name or unknown, one of them rare."""
    parts = re.split(r"['’\-]", word.removesuffix("'s").removesuffix("’s"))
    if (
        len(parts) < 2
        or not word[0].isupper()
        or any(x.lower() in {"to", "in", "on", "up", "of", "the"} for x in parts)
    ):
        return False
    namey = all(_rank(lex, x) or _zipf(lex, x) < 3.0 for x in parts if len(x) > 1)
    if namey and any(_zipf(lex, x) < COMMON for x in parts if len(x) > 1):
        return True
    # two given names joined, each also a word a little: "Ruth-Ann", "Mary-Kate" (never "Sit-Stand", "Will-May"; a
    # word said twice, "Yo-Yo", is `_doubled_name`'s)
    distinct = len({x.lower() for x in parts}) == len(parts)
    given = all(x.istitle() and 0 < lex.first_rank(x.lower()) <= 500 for x in parts)
    return distinct and given and all(lex.zipf(x.lower()) < 5.0 for x in parts)


def _doubled_name(lex: Lexicon, word: str) -> bool:
    """A given name said twice, as a family nickname: "Jun-Jun", "BONG-BONG" (never "bye-bye": no listed name)."""
    first, dash, second = word.partition("-")
    same = dash and first.lower() == second.lower() and 2 <= len(first) <= 6 and first[:1].isupper()
    return bool(same) and 0 < lex.first_rank(first.lower()) <= 2000 and lex.zipf(first.lower()) < 4.3


def _lower_double_surname(lex: Lexicon, word: str) -> bool:
    """ "russo-ferraro", "cruz-ibarra": a double-barrelled surname in lower case, every part a listed surname and one
    unknown to English ("sit-to-stand", "follow-up", "chin-tuck" never are)."""
    parts = word.split("-")
    if not word.islower() or len(parts) != 2 or any(len(x) < 3 for x in parts):
        return False
    listed = all(0 < lex.last.get(x, 0) <= 5000 and lex.zipf(x) < 4.5 and x not in CLINICAL for x in parts)
    return listed and any(lex.zipf(x) < UNKNOWN for x in parts)  # never "chin-tuck", "fork-mash"


def is_name_word(lex: Lexicon, word: str, *, initial: bool, slot: int) -> bool:
    """The judgement for one word; ``initial``: it starts a sentence; ``slot``: a person's place."""
    if len(word) < 2 or _blocked(word):
        return False
    zipf, rank = _zipf(lex, word), _rank(lex, word)
    if re.search(r"['’\-]", word.removesuffix("'s").removesuffix("’s")):
        if word.isupper() and any(not _VOWEL.search(fold_word(x)) for x in word.split("-") if len(x) > 1):
            return False  # joined acronyms in capitals, a form's or a workstation's code: "OT-CG", "RMD-PT", "WS-PT"
        return _hyphen_name(lex, word) or _lower_double_surname(lex, word) or _doubled_name(lex, word)
    if word.isupper():
        if not re.search("[AEIOUYÀ-ÖØ-Ý]", fold_word(word).upper()) or (len(word) <= 4 and not rank):
            return False  # an acronym: "MRC", "LCSW", "CARC", "HCPC"
        # right after "WIFE", "PT", "SON" a listed name in capitals is one, as it is in title case ("WIFE PATRICIA")
        # ("PT ROSE FROM CHAIR" stays: a word that is also a verb or noun needs more than a slot in capitals)
        strong = slot >= 2 and 0 < rank <= 2000 and zipf < COMMON + 0.5
        return len(word) >= 3 and ((0 < rank <= 1000 and zipf < RARE) or (len(word) >= 4 and zipf < 2.0) or strong)
    if word[0].isupper():
        if zipf < UNKNOWN and not word.lower().endswith(p.NOT_NAME_SUFFIXES):
            return True
        if slot >= 2 and zipf < RARE and not _verbish(word):
            return True  # "Pt Abernathy", "Whitfield reports"
        return 0 < rank <= 2000 and zipf < (COMMON if initial else VERY_COMMON)
    first = lex.first_rank(word) or lex.first_rank(fold_word(word))
    # a person's place lets a first name through; only a strong one ("pt", "dtr") a common word ("john"), and
    # right after a kin word any listed name English seldom uses ("my grandson wyatt", "daughter-in-law hwang")
    return (
        (0 < first <= 300 and ((slot >= 1 and zipf < 4.9) or (slot >= 2 and zipf < 5.4)))
        or (0 < first <= 1000 and slot >= 1 and zipf < RARE)  # "her kid wes", "violet or the sister-in-law"
        or (0 < first <= 1000 and zipf < UNKNOWN)
        or (slot >= 2 and 0 < rank <= 2000 and zipf < RARE)
        # a name English does not know, in a person's place or owning something: "why dlamini's claim"
        or (0 < rank <= 1000 and zipf < UNKNOWN and (slot >= 1 or word.endswith(("'s", "’s"))))
    )


_VOWEL = re.compile("[AEIOUYaeiouy]")


def _verbish(word: str) -> bool:
    """ "Tolerated", "Ambulating", "Transfers": a capitalised verb or plural, not a surname."""
    low = word.lower()
    return low.endswith(("ed", "ing", *p.NOT_NAME_SUFFIXES)) or (low.endswith("s") and not low.endswith("ss"))


PLACE_SLOT = _words("in from near lives live living visiting")


def _place(lex: Lexicon, words: list[re.Match[str]], i: int, text: str) -> bool:
    """A capitalised word English seldom uses, after "in", "from", "near": a place ("at home in Gallup")."""
    word = words[i].group()
    if not i or not word.isalpha() or not word[0].isupper() or word.isupper() or _blocked(word):
        return False
    return (
        words[i - 1].group().lower() in PLACE_SLOT
        and _zipf(lex, word) < RARE
        and not _is_initial(text, words[i].start())
    )


def _is_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in '\n.!?•*>"'  # a JSON string in a brief starts a line too


STRONG_PREV = _words("""
pt patient dtr son wife husband cg caregiver daughter mother father mom dad sister brother cousin w/ hija hijo esposa
esposo yerno nuera nieta nieto aunt auntie aunty uncle grandma grandpa gramps granny grandson granddaughter
grandmother grandfather grandchild grandkid niece nephew stepson stepdaughter stepmother stepfather partner fiance
fiancee fiancé fiancée girlfriend boyfriend neighbor neighbour friend daughter-in-law son-in-law mother-in-law
father-in-law sister-in-law brother-in-law
""")


def _slot(words: list[re.Match[str]], i: int, text: str) -> int:
    """2: right after "pt", "dtr", "wife"...; 1: another person's place; 0: none."""
    prev = words[i - 1].group().lower() if i else ""
    nxt = words[i + 1].group().lower() if i + 1 < len(words) else ""
    if prev in STRONG_PREV and _same_phrase(text, words[i - 1], words[i]):
        return 2
    if nxt in REPORT_VERBS and words[i].group()[0].isupper() and _same_phrase(text, words[i], words[i + 1]):
        return 2  # "Abernathy reports"; never "nothing else says"
    after = text[words[i].end() : words[i].end() + 3].lstrip()
    initial = _INITIAL_AFTER.match(text, words[i].end()) is not None  # "marcus t." signs a log line
    return int(prev in PREV_SLOT or nxt in NEXT_SLOT or after.startswith("(") or initial)


_INITIAL_AFTER = re.compile(r"[ \t][A-Za-z]\.(?![\w.])")


def _same_phrase(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Two words in one phrase: "pt Okafor", "wife: June"; not across a line break ("(by pt)\nInterpreter")."""
    return re.fullmatch(r"[ \t]*:?[ \t]*(?:\n[ \t]*)?", text[a.end() : b.start()]) is not None


def _last_first_caps(text: str, words: list[re.Match[str]], lex: Lexicon) -> set[int]:
    """Indexes of words in "LAST, FIRST" written in capitals where both are listed names."""
    out: set[int] = set()
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if text[a.end() : b.start()] not in (", ", ","):
            continue
        caps = a.group().isupper() and b.group().isupper() and len(b.group()) > 1
        # never "ROE, BILLING"; a given name that is also a word or a month stands there too ("ABERNATHY, WILL")
        given_ok = not _blocked(b.group()) or b.group().lower() in p.CONTEXT_NAMES
        caps = caps and not _blocked(a.group()) and given_ok
        last = _rank(lex, a.group()) or _hyphen_parts_ranked(lex, a.group()) or _zipf(lex, a.group()) < RARE
        if caps and last and len(a.group()) >= 3 and _rank(lex, b.group()):
            out.update({i, i + 1})
    return out


def _word_name_pairs(text: str, words: list[re.Match[str]], lex: Lexicon) -> set[int]:
    """ "Will Abernathy", "June Whitacre": a given name that is also a word, then a capitalised word English
    seldom uses, is a person (never "Will Return", "May Cause", "Grace Period")."""
    out: set[int] = set()
    for i in range(len(words) - 1):
        a, b = words[i].group(), words[i + 1].group()
        if a.lower() not in p.CONTEXT_NAMES or not a.istitle() or not b.istitle() or len(b) < 4:
            continue
        if _adjacent(text, words[i], words[i + 1]) and _zipf(lex, b) < 3.0 and not _blocked(b) and not _verbish(b):
            out.update({i, i + 1})
    return out


def _hyphen_parts_ranked(lex: Lexicon, word: str) -> bool:
    return all(_rank(lex, x) or _zipf(lex, x) < UNKNOWN for x in re.split(r"['’\-]", word) if len(x) > 1)


def _joinable(lex: Lexicon, word: str, *, before: bool) -> bool:
    """May this word join a name next to it? Initials, particles, listed names; before a name, any
    common first name too ("Will Okonkwo")."""
    if len(word) == 1:
        return word.isupper()
    if word.lower() in PARTICLES:
        return True
    if before and word.lower() in p.CONTEXT_NAMES and word[0].isupper():
        return True  # "Patient May Ellison", "Will Okonkwo"
    if not word[0].isupper() or _blocked(word):
        return False
    if word.isupper():  # a label in a form ("MEMBER", "NAME") never joins a name
        return _rank(lex, word) > 0 and _zipf(lex, word) < RARE
    if before and 0 < (lex.first_rank(word) or lex.first_rank(fold_word(word))) <= 500:
        return True
    if not before and not word.isupper() and _zipf(lex, word) < RARE and not _verbish(word):
        return True  # a surname English seldom uses after a name: "Gretchen Albright"
    return _rank(lex, word) > 0 and _zipf(lex, word) < VERY_COMMON


def _lower_surname(lex: Lexicon, word: str, after_name: bool) -> bool:
    """ "john smith": a listed surname in lower case right after a lower-case first name; any word English does not
    know there ("june littlewolf", "hwang jiyoung")."""
    if not after_name or not word.islower() or word in NEXT_SLOT or word in PREV_SLOT or _blocked(word):
        return False
    unknown = len(word) > 2 and word.isascii() and lex.zipf(word) < UNKNOWN  # never a word of a Vietnamese sentence
    return (0 < lex.last.get(word, 0) <= 2000 and lex.zipf(word) < 5.0) or unknown


def _after_particle(particle: str, word: str) -> bool:
    """ "van der Berg": after a particle a capitalised surname joins even when it names a scale."""
    return particle in PARTICLES and word[:1].isupper() and word.lower() not in p.NOT_NAMES


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    gap = text[a.end() : b.start()]
    return gap in (" ", "  ", "\t") or (len(a.group()) == 1 and gap in (". ", "."))


def _runs(text: str, words: list[re.Match[str]], flags: list[bool], lex: Lexicon) -> list[Span]:
    out: list[Span] = []
    i = 0
    while i < len(words):
        if not flags[i]:
            i += 1
            continue
        start = end = i
        while (
            start > 0
            and _adjacent(text, words[start - 1], words[start])
            and (flags[start - 1] or _joinable(lex, words[start - 1].group(), before=True))
        ):
            start -= 1
        while (
            end + 1 < len(words)
            and _adjacent(text, words[end], words[end + 1])
            and (
                flags[end + 1]
                or _joinable(lex, words[end + 1].group(), before=False)
                or _lower_surname(lex, words[end + 1].group(), words[end].group().islower())
                or _after_particle(words[end].group(), words[end + 1].group())
            )
        ):
            end += 1
        while start < i and words[start].group() in PARTICLES:  # lower-case particles only: "Ó" stays
            start += 1
        while end > i and words[end].group() in PARTICLES:
            end -= 1
        out.append((words[start].start(), words[end].end(), "PERSON", 0.7))
        i = end + 1
    return out


# "Pages: 4" and "Run# R305684" are field labels, not names; nor is a word that counts "1 of 3" (a page, a sheet,
# a visit), nor a page's own word before "1/2".
_FIELD_LABEL = re.compile(
    r":[ \t]*\d|#[ \t]?[A-Z]{0,3}+\d|[ \t]{1,3}+\d{1,4}+[ \t]{1,3}+of[ \t]{1,3}+\d|(?<=Page)[ \t]{1,3}+\d{1,4}+/\d"
)


# A small number right beside a word with one space: "Age 7", "Unit 5", "5 South", "Grade 4".
_NUMBER_AFTER = re.compile(r" \d{1,3}+(?![\d/:.,\-]|[ \t]*(?i:y|yo|yrs?|years?|min|mins|minutes)\b)")
_NUMBER_BEFORE = re.compile(r"(?<![\d/:.,\-])\d{1,3}+ $")


def _numbered(lex: Lexicon, text: str, w: re.Match[str]) -> bool:
    """A common English word beside a small number is a form's label or a ward, not a name: "Age 7", "5 South".
    A name English seldom uses stays one ("Okafor 45" in a table row)."""
    if _zipf(lex, w.group()) < COMMON:
        return False
    return bool(_NUMBER_AFTER.match(text, w.end()) or _NUMBER_BEFORE.search(text, max(0, w.start() - 5), w.start()))


def _judge(lex: Lexicon, words: list[re.Match[str]], i: int, text: str) -> bool:
    slot = _slot(words, i, text)
    # a line that starts right after "my cousin" goes on the sentence: "my cousin\nMarcus (Navy)"
    initial = _is_initial(text, words[i].start()) and slot < 2
    if slot == 0 and _lone_code(lex, words, i, text):
        return False
    return is_name_word(lex, words[i].group(), initial=initial, slot=slot)


def _lone_code(lex: Lexicon, words: list[re.Match[str]], i: int, text: str) -> bool:
    """A word in plain capitals that is neither English nor a listed name, with no other word in capitals beside it
    and in no person's place, is a code or an acronym: "signs of CAUTI", '"code": "DAUINLAW"', "WEBVTT". A surname
    in capitals stands beside a given name ("ODESSA FAIRCLOTH", "LEE, SOO-AH", "DOE^JANE") or in a person's place."""
    word = words[i].group()
    if not (word.isupper() and word.isascii() and word.isalpha()) or _rank(lex, word):
        return False
    if "*" in text[max(0, words[i].start() - 1) : words[i].end() + 1]:
        return False  # an X12 element ("NM1*IL*1*...*AROHA****"): a name field, whatever stands beside it
    near = (j for j in (i - 1, i + 1) if 0 <= j < len(words))
    return not any(_name_beside(text, words, i, j) for j in near)


def _name_beside(text: str, words: list[re.Match[str]], i: int, j: int) -> bool:
    """Another word of the same name beside word ``i``: in capitals, or a given name after "LAST, " ("VAN, Mieke")."""
    other = words[j].group()
    caps = other.isupper() and len(other) > 1
    given = j == i + 1 and other.istitle() and text[words[i].end() : words[j].start()] in (", ", ",")
    return (caps or given) and _near(text, i, j, words)


def _near(text: str, i: int, j: int, words: list[re.Match[str]]) -> bool:
    a, b = (words[i], words[j]) if i < j else (words[j], words[i])
    return _NEAR_GAP.fullmatch(text, a.end(), b.start()) is not None


# a gap inside one person's name: a space, "LAST, FIRST", an HL7 or a pipe field
_NEAR_GAP = re.compile(r"[ \t,^|]{1,3}+")


def _eponym(text: str, words: list[re.Match[str]], i: int) -> bool:
    """A capitalised word before a lesion's, test's or device's word, outside a person's place: "Unna boot",
    "Marjolin ulcer" (never "pt Okafor test results": the slot wins)."""
    w = words[i]
    return w.group()[:1].isupper() and bool(EPONYM_HEAD.match(text, w.end())) and _slot(words, i, text) < 2


def find_name_words(text: str) -> list[Span]:
    """Name spans judged word by word (see the module docstring)."""
    lex = get_lexicon()
    words = list(WORD_RE.finditer(text))
    pairs = _last_first_caps(text, words, lex) | _word_name_pairs(text, words, lex)
    flags = [
        (i in pairs or _judge(lex, words, i, text) or _place(lex, words, i, text))
        and not _FIELD_LABEL.match(text, w.end())
        and not _numbered(lex, text, w)
        and not (i and words[i - 1].group().lower() in BRANDS)  # a model name: "Molift Smart 150"
        and (i in pairs or not _eponym(text, words, i))
        for i, w in enumerate(words)
    ]
    return [span for span in _runs(text, words, flags, lex) if not payer(text, span[0], span[1])]
