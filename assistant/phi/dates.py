"""Dates the plain patterns miss: a month/day without its year, lower-case weekdays, Spanish, French, Portuguese.

"3/5" is a date in "referral of 3/5" or "notes for 5/1 and 5/8" and a score in "strength 4/5",
"2/3 trials" or "MMT 3/5". A score never has more points than its scale and a month has no day 13,
so "4/2", "10/3", "7/22" and a day-first "26/5" are dates unless a score word stands in their clause
("MoCA 8/28"). A month/day that could be a score ("3/5") is taken only after a word that announces a
date ("of", "for", "on", "due"...), with a weekday among the three words before ("sat 2/8", "Saturday night
(2/7)"), written padded ("03/10": no score is), before a clock time ("3/5 0930-1017"), opening a visit log's row
before a billed code ("#2  3/10  97550"), or in a list or range next to another date ("8/26+8/28"), and never when
a score word stands within a few words of it or an amount follows ("1/2 hour"). Spanish,
French and Portuguese dates carry their own words ("jueves 8 de mayo de 2025", "le 8 mai 2025", "16 de julho") and
are taken as they are.
"""

from __future__ import annotations

import re

from assistant.phi import patterns as p

Span = tuple[int, int, str, float]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# A month/day alone: not part of a longer date, fraction, score ("3+/5") or path.
_NOT_AFTER = (  # "3/5-2" and "3/5+" no; "8/11-8/22" and "8/26+8/28" yes
    r"(?![\w/%]|\.\d|/\d|-(?!(?:1[0-2]|0?[1-9])/)\d|\+(?!(?:1[0-2]|0?[1-9])/\d))"
)
MONTH_DAY = re.compile(rf"(?<![\w/.+\-])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9]){_NOT_AFTER}")
# The second half of a range or pair ("8/11-8/22", "8/26+8/28"), and a day-first date ("w/c 26/5") whose day
# cannot be a month.
RANGE_END = re.compile(rf"(?<=\d[-–+])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9]){_NOT_AFTER}")
DAY_MONTH = re.compile(rf"(?<![\w/.+\-])(?P<d>1[3-9]|2\d|3[01])/(?P<m>1[0-2]|0?[1-9]){_NOT_AFTER}")
_CLOCK_AFTER = re.compile(r"[ \t]*(?:(?:@|at)[ \t]*)?(?:(?:[01]?\d|2[0-3]):[0-5]\d|(?:[01]\d|2[0-3])[0-5]\d[ \t]*[-–])")
DATE_WORDS = _words("""
on of for dos date dated seen since until thru through from by before after starting started effective eff
visit visits session sessions note notes referral referred eval evaluation reeval re-eval appointment appt
scheduled next last week wk discharge discharged admit admitted dc d/c call called faxed sent received
monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday saturday sunday f/u fu due
recert return rtc till til back bday birthday dob born w/c today tomorrow yesterday tonight mon sat sun
come coming rescheduled resched moved schedule scheduling reschedule delivered
class group training consent consented signed expires expired exp worklist
""")
# Two words that announce a date together: "follow up 6/10", "check in 3/2".
DATE_PHRASES = {("follow", "up"), ("check", "in"), ("due", "by"), ("seen", "on"), ("start", "of")}
# Weekdays anywhere among the three words before: "sat 2/8", "Saturday night (2/7)".
WEEKDAYS = _words("""
monday mon tuesday tue tues wednesday wed weds thursday thu thur thurs friday fri saturday sat sunday sun
""")
SCORE_WORDS = _words("""
strength mmt pain score scored scores grade graded rated rating rate trials trial attempts reps repetitions
steps opportunities opps correct accuracy accurate times sets cues items vas nprs berg tinetti moca slums mmse
ratio power effort fatigue borg rpe dyspnea level stairs flights flight days nights meals questions words
tasks occasions assist stand stands bilat bilaterally rle lle rue lue ue le max min mod fga dgi tug sppb bbs
mrc grip scale successful charts items mmt
""")
# "the 2/6 visit", "her 3/14 appointment": a determiner before and an event noun after
_DETERMINERS = _words("the this that his her their our your next last")
_DATED_NOUNS = _words("""
visit visits session sessions appt appointment eval evaluation call class group training follow-up followup f/u
""")
# After the number only: "1/2 hour", "3/4 of the time", "1/2 flight".
AMOUNT_WORDS = _words("""
of the hour hours hr hrs mile miles cup cups tsp tbsp tab tabs tablet tablets dose doses way ways time block
blocks lap laps length lengths inch inches ft feet portion portions plate glass
""")
_SEPARATOR = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|&)[ \t]+)?|(?:and|&|or|to|thru|through|-|–|\+)[ \t]*)")
_WORD = re.compile(r"[A-Za-z][A-Za-z/\-]*")

_ES_MONTH = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)"
_FR_MONTH = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
    r"|janv|f[ée]vr|avr|juil|sept|oct|nov|d[ée]c)"  # the abbreviations French notes write: "14 févr. 2025"
)
_PT_MONTH = r"(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)"
# Turkish, German, Italian and Polish (genitive) months, taken after a day: "12 haziran", "3. März", "5 maggio".
_OTHER_MONTH = (
    r"(?:ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
    r"|januar|februar|märz|juni|juli|oktober|dezember"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)"
)
_WEEKDAY = (
    r"(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche)"
)
_YEAR = r"(?:19|20)\d{2}"
FOREIGN = re.compile(
    rf"\b(?:{_WEEKDAY},?[ \t]+)?(?:(?:el|le)[ \t]+)?(?:3[01]|[12]\d|0?[1-9])(?:er|º|°|\.)?[ \t]+(?:de[ \t]+)?"
    rf"(?:{_ES_MONTH}|{_FR_MONTH}|{_PT_MONTH}|{_OTHER_MONTH})\b\.?(?:,?[ \t]+(?:(?:de|del)[ \t]+)?{_YEAR}\b)?"
    rf"|\b(?:{_ES_MONTH}|{_FR_MONTH}|{_PT_MONTH})[ \t]+(?:de[ \t]+)?{_YEAR}\b",
    re.IGNORECASE,
)
# Full month names that are no other English word: safe in lower case ("april 3"); "may", "march" are not.
LOWER_MONTHS = _words("january february april june july august september october november december")


def lower_month_is_date(value: str) -> bool:
    """A date written with a lower-case month name: only with a year or an unambiguous full month."""
    if re.search(rf"\b{_YEAR}\b|'\d\d\b|^\d\d?[ \t\-]+[a-z]{{3,9}}\.?[ \t,\-]+\d\d$", value):
        return True
    first = re.match(r"[A-Za-z]+", value)
    return bool(first) and first.group().lower() in LOWER_MONTHS


_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z]+)")  # the word right after: "1/2 hour", not "4/8 0815-0900 in"
_CLAUSE_END = re.compile(r"[.;!?](?:[ \t]|$)|[()]")


def _near_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Three words before and two after a span (lower case), within the same line and clause:
    "3/4 trials correct. FEES 6/3" keeps "trials" away from "6/3". A bracket opened right before the span
    does not end the clause before it ("fell Saturday night (2/7)"), and the words after stop at the next
    number ("3/10   97550 x1   47 min": the minutes belong to the billed line, not to the month/day), never at the
    other end of a range ("from 1/4 to 4/4 steps")."""
    cut = start - 1 if text[start - 1 : start] == "(" else start
    before = _CLAUSE_END.split(text[max(0, cut - 40) : cut].rsplit("\n", 1)[-1])[-1]
    after = _CLAUSE_END.split(text[end : end + 40].split("\n", 1)[0])[0]
    after = _UP_TO_NUMBER.match(after).group()  # type: ignore[union-attr]
    return [w.lower() for w in _WORD.findall(before)[-3:]], [w.lower() for w in _WORD.findall(after)[:2]]


# Words, and the other end of a range of scores ("1/4 to 4/4 steps"), up to the first other number.
_UP_TO_NUMBER = re.compile(r"(?:[^\d\w]|[^\W\d]++(?!\d)|\d{1,3}/\d{1,3}(?![\d/]))*+")
# A visit log's row: the month/day opens its line (after a row number or bullet) and a billed code follows it
# ("  #2  3/10    97550, 97551 x1   47 min").
_ROW_START = re.compile(r"(?:^|\n)[ \t]*(?:(?:#|No\.?[ \t]*)?\d{1,3}[.):]?|[-*•])?[ \t]*$")
_CODE_AFTER = re.compile(r"[ \t]+(?:9\d{4}|G0\d{3})\b")


def _by_context(text: str, m: re.Match[str]) -> bool | None:
    """True: a date by its shape, a date word or a clock time; False: a score word stands by it;
    None: undecided."""
    start, end = m.span()
    before, after = _near_words(text, start, end)
    amount = _NEXT_WORD.match(text, end)
    if any(w in SCORE_WORDS for w in before + after):
        return False
    if amount and amount.group(1).lower() in AMOUNT_WORDS:
        return False  # "tues: walked 1/2 mile", "pt sat 1/2 hour"
    if any(w in WEEKDAYS for w in before):
        return True  # "sat 2/8 in the bathroom", "Saturday night (2/7)"
    if int(m.group("m")) > 12 or int(m.group("d")) > 12 or int(m.group("m")) > int(m.group("d")):
        return m.group() != "24/7"  # no score has more points than its scale; "24/7" is round the clock
    if m.group("m").startswith("0") or m.group("d").startswith("0"):
        return True  # a score is never written "03/10": a padded month or day is a date's
    announced = before and (before[-1] in DATE_WORDS or tuple(before[-2:]) in DATE_PHRASES)
    if announced and text[start - 1 : start] in " \t:":
        return True
    if before and before[-1] in _DETERMINERS and after and after[0] in _DATED_NOUNS:  # "the 2/6 visit"
        return True
    if "s/p" in before:  # "s/p ORIF 3/9": the day of the operation
        return True
    if _CODE_AFTER.match(text, end) and _ROW_START.search(text, max(0, start - 12), start):
        return True
    return True if _CLOCK_AFTER.match(text, end) else None


def find_month_days(text: str) -> list[Span]:
    """Month/day without a year, decided by context and then by neighbouring dates in a list."""
    # (start, end, is_anchor, reading): full dates anchor a list; bare month/days are judged
    items = [(m.start(), m.end(), True, True) for m in p.DATE_RE.finditer(text)]
    items += [
        (m.start(), m.end(), False, _by_context(text, m))
        for regex in (MONTH_DAY, RANGE_END, DAY_MONTH)
        for m in regex.finditer(text)
    ]
    items.sort(key=lambda item: item[:2])
    state = [v for *_, v in items]
    if _writes_slash_dates(text, items, state):
        state = [
            True if v is None and _dated_shape(text[s:e]) else v for (s, e, *_), v in zip(items, state, strict=True)
        ]
    # a list carries the date reading both ways: "for 5/1 and 5/8", "sessions 1/13, 20-Jan-2025"
    for order in (range(1, len(items)), range(len(items) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            if state[i] is None and state[j] is True and _listed(text, items[min(i, j)][1], items[max(i, j)][0]):
                state[i] = True
    return [(s, e, "DATE", 0.8) for (s, e, anchor, _), v in zip(items, state, strict=True) if v and not anchor]


def _writes_slash_dates(text: str, items: list[tuple[int, int, bool, bool | None]], state: list[bool | None]) -> bool:
    """A text that writes its dates with slashes ("DOB 3/3/40", "7/22") writes its undecided month/days so too:
    "documented 7/9 (verbal)", "(verbal 6/11)". A score word by one still says no, and so does a score's shape."""
    return any(v is True and "/" in text[s:e] for (s, e, *_), v in zip(items, state, strict=True))


# The scales scores are counted on ("2/3 trials", "4/5", "5/10", "1/2") and full marks ("3/3", "4/4").
_SCALES = frozenset({"2", "3", "4", "5", "10"})


def _dated_shape(value: str) -> bool:
    """A month/day that cannot be a score out of a common scale: "7/9", "6/11", "5/6" (not "2/3", "3/3", "5/10")."""
    month, _, day = value.partition("/")
    return day.lstrip("0") not in _SCALES and month.lstrip("0") != day.lstrip("0")


def _listed(text: str, left_end: int, right_start: int) -> bool:
    gap = text[left_end:right_start]
    return len(gap) <= 8 and _SEPARATOR.fullmatch(gap) is not None


# A birth year written short ("b. '32", "born '32"): with an age over 89 beside it, it dates the person.
# A birth year in full ("b. 1934", "born in 1927", "sinh năm 1927", "YOB 1930"): a year is no PHI alone, but a
# birth year beside an age over 89 gives the age away, and the finders cannot tell which ages a note states.
BORN_YEAR = re.compile(
    r"(?i:\b(?:b\.|born(?:[ \t]+in)?|dob:?|yob:?|year[ \t]+of[ \t]+birth:?|sinh[ \t]+năm|nacid[oa][ \t]+en))[ \t]*"
    r"(?P<id>['’]\d{2}|(?:18|19|20)\d{2})(?![\d/.\-])"
)


# A day of the month alone, as an ordinal that ends its phrase: "moved to the 7th.", "Thursday or 14th,",
# "Next: the 4th.", "on the 12th not the 21st", 'moved to "the 30th"'. A following word ("the 2nd person", "3rd floor")
# makes it a count or a rank instead.
ORDINAL_DAY = re.compile(
    r"(?i:\b(?:the|on|or|and|to|for|until|till|by|before|after|next|since)[ \t]*:?[ \t]+)"
    r"(?P<id>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b"
    r"(?=[ \t]*(?:[.,;!?)\x22”’]|$|(?i:at|then|instead|so|but|when|not)\b))",
    re.MULTILINE,
)


# A weekday and a day of the month with nothing after them but a column gap, a clock time or the end of the phrase,
# as a calendar's day rows write them: "MON 16  09:00", "Fri 20  --- out ---", "see you Thursday 14th."
# A word after one space makes it a count instead: "Mon 3 visits".
_EN_WEEKDAY = "|".join(
    alt for w in sorted(WEEKDAYS, key=len, reverse=True) if w.isalpha() for alt in (w.capitalize(), w.upper())
)
WEEKDAY_DAY = re.compile(
    rf"\b(?:{_EN_WEEKDAY})\.?,?[ \t]+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"(?=[ \t]*(?:$|[.,;!?)](?!\d)|\t|[ \t]{2}|[ \t]+(?:[01]?\d|2[0-3])[:.][0-5]\d\b))",
    re.MULTILINE,
)


# A holiday that names one day of the year: "Thanksgiving", "Xmas Eve", "New Year's Day", "Fourth of July".
HOLIDAY = re.compile(
    r"\b(?:Thanksgiving|THANKSGIVING|Christmas|CHRISTMAS|Xmas|XMAS|Easter|EASTER|Halloween|Hanukkah|Diwali"
    r"|New[ \t]+Year['’]?s|(?:Memorial|Labou?r|Veterans['’]?|Independence|Boxing|Valentine['’]?s|Mother['’]?s"
    r"|Father['’]?s|Presidents['’]?|Columbus|Juneteenth|MLK)(?=[ \t]+Day\b)|Fourth[ \t]+of[ \t]+July)"
    r"(?:[ \t]+(?:Eve|Day|Sunday|Monday)\b)?(?![\w'’])",
)


# A date an OCR pass misread, "l" or "I" for 1 and "O" for 0: "1l/2O/1936", "O3/l2/2026", "l0/03/25".
_OCR_DIGIT = "[0-9lIO]"
OCR_DATE = re.compile(
    rf"(?={_OCR_DIGIT})(?<![^\W_/]){_OCR_DIGIT}{{1,2}}/{_OCR_DIGIT}{{1,2}}/(?:[12lI][09O])?{_OCR_DIGIT}{{2}}(?![^\W_/])"
)
# A date filled into a form with spaces around its slashes: "Date: 1 / 13 / 2026".
SPACED_DATE = re.compile(
    rf"(?<![\d/])(?:1[0-2]|0?[1-9])[ \t]*/[ \t]*(?:3[01]|[12]\d|0?[1-9])[ \t]*/[ \t]*{_YEAR}(?![\d/])"
)


def find_ocr_dates(text: str) -> list[Span]:
    """Misread dates with four or more real digits and a misread character: "3/4/2025" is the plain patterns';
    and dates with spaced slashes."""
    out = [(m.start(), m.end(), "DATE", 0.8) for m in SPACED_DATE.finditer(text) if " " in m.group()]
    for m in OCR_DATE.finditer(text):
        value = m.group()
        if sum(ch.isdigit() for ch in value) >= 4 and re.search("[lIO]", value):
            out.append((m.start(), m.end(), "DATE", 0.8))
    return out


def find_foreign_dates(text: str) -> list[Span]:
    return [(m.start(), m.end(), "DATE", 0.85) for m in FOREIGN.finditer(text)]


# A date in Japanese, Chinese or Korean order: "1940年3月21日", "2026年11月27日", "1940년 3월 21일", "3月21日",
# and a Japanese era year: "昭和15年3月21日".
CJK_DATE = re.compile(
    r"(?:(?:\d{4}|(?:明治|大正|昭和|平成|令和)(?:\d{1,2}|元))[ \t]*[年년][ \t]*)?"
    r"(?<!\d)(?:1[0-2]|0?[1-9])[ \t]*[月월][ \t]*"
    r"(?:3[01]|[12]\d|0?[1-9])[ \t]*[日일]"
)


def find_more_dates(text: str) -> list[Span]:
    born = [(m.start("id"), m.end("id"), "DATE", 0.85) for m in BORN_YEAR.finditer(text)]
    ordinals = [(m.start("id"), m.end("id"), "DATE", 0.8) for m in ORDINAL_DAY.finditer(text)]
    ordinals += [(m.start(), m.end(), "DATE", 0.8) for regex in (WEEKDAY_DAY, HOLIDAY) for m in regex.finditer(text)]
    cjk = [(m.start(), m.end(), "DATE", 0.85) for m in CJK_DATE.finditer(text)] if not text.isascii() else []
    return find_month_days(text) + find_foreign_dates(text) + find_ocr_dates(text) + born + ordinals + cjk
