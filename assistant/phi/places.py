"""Places in lower case and Canadian addresses, which the capitalised address patterns miss.

* "2911 w mcdowell rd": a lower-case street is taken when a word of its name is rare in English
  or the street type is unmistakable ("st", "ave", "blvd"): "5 steps to the way" stays;
* "phoenix az 85009": a state code and a ZIP after a place word. Many lower-case state codes are
  English words ("in", "or", "me", "ok"), and "97550 or 97551" is two codes, so for those the place
  word must be rare or a comma must stand before the state;
* "Montréal QC H2X 3K8": a province and a postal code, or a postal code on its own;
* "at casa de paz adult day": a facility in lower case, after "at", "to", "from", "in".
"""

from __future__ import annotations

import re

from assistant.phi import patterns as p
from assistant.phi.lexicon import get_lexicon
from assistant.phi.names import CLINICAL

Span = tuple[int, int, str, float]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_SUFFIX = (
    r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|circle|cir|way|place|pl|"
    r"terrace|ter|parkway|pkwy|highway|hwy|trail|trl|loop|pike|cove)"
)
STREET = re.compile(
    rf"(?<![\w/.:\-$])\d{{1,6}}[a-z]?[ \t]+(?:[nsew]\.?[ \t]+)?"
    # a column's gap (three spaces, a tab) ends the line's words: "1 tab TID        Dr. Fonoti" is a table row
    rf"(?P<words>(?:(?:[a-z][a-z'’\-]*+|\d{{1,3}}(?:st|nd|rd|th))[ ]{{1,2}}+){{1,3}}){_SUFFIX}\b\.?",
    re.IGNORECASE,
)
# The unit written after a street line: "1180 NORIEGA ST APT 4", "22 oak rd, unit 3b".
UNIT_AFTER = re.compile(r"(?i:,?[ \t]*(?P<unit>(?:apt|unit|suite|ste|bldg|rm)\.?[ \t]*#?[ \t]*[a-z]?\d{1,5}[a-z]?)\b)")
_PLAIN_SUFFIX = _words("st ave blvd rd ln pkwy hwy street avenue road boulevard")
_HOUSE_SUFFIX = _words("dr drive ct court lane")
STATE_ZIP = re.compile(
    rf"(?i:(?<![^\W\d_])(?P<state>{'|'.join(p.STATES)})\.?)[ \t]+(?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\d\-])"
)
# State codes that are also English words or clinical abbreviations ("chest ct 71250", "d/c 97550").
AMBIGUOUS_STATES = _words("in or me ok hi oh co la pa de id ma mi ms al md mo ne ga wa ct sc nd va dc pr")
# The first word of a two-word city name, which the one-word city before the state leaves out.
_CITY_PREFIX = re.compile(
    r"(?i:\b(?:san|santa|los|las|el|la|new|fort|ft|port|saint|st|mount|mt|lake|north|south|east|west|palm|glen)"
    r"\.?[ \t]+)$"
)
_AFTER_STREET = re.compile(rf"\b{_SUFFIX}\.?,?[ \t]+$", re.IGNORECASE)
_CITY_WORD = re.compile(r"([^\W\d_][^\W\d_'’.\-]*+)(,?)[ \t]*$")
_PROVINCE = r"(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|PQ|SK|YT|Qu[ée]bec|Ontario|Alberta|Manitoba)"
_POSTAL = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \-]?\d[ABCEGHJ-NPRSTV-Z]\d"
CANADA = re.compile(
    rf"(?:(?P<city>{p.UP}{p.LOW}++(?:[ \t\-]{p.UP}{p.LOW}++){{0,2}}),?[ \t]+)?{_PROVINCE}\.?,?[ \t]+"
    rf"(?P<zip>{_POSTAL})\b"
    rf"|\b(?P<bare>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \-]\d[ABCEGHJ-NPRSTV-Z]\d)\b"
)
_KIND = (
    r"(?:adult[ \t]+day(?:[ \t]+(?:program|center|centre|care))?|day[ \t]+program|nursing[ \t]+home|"
    r"assisted[ \t]+living|memory[ \t]+care|manor|snf|alf|hospice|dialysis|clinic|hospital|center|centre|village|"
    r"lodge|gardens|residence|estates|pavilion|commons|towers?|general|memorial)"  # "at mercy general"
)
FACILITY = re.compile(rf"(?i:\b(?:at|to|from|in|@)[ \t]+)(?P<name>(?:[^\W\d_][\w'’\-]*+[ \t]+){{1,4}}?)(?i:{_KIND})\b")
_GENERIC = _words("""
adult day senior nursing home care health medical memory assisted living rehab center clinic the of outpatient
inpatient wound dialysis hospital community county regional general skilled a an his her their our my local
same new old this that new usual regular de la del los las el le
""")


def _rare(word: str, limit: float = 4.0) -> bool:
    """Rare in English and no clinical, billing or role word: may name a street or a facility."""
    low = word.lower()
    if low in p.NOT_NAMES or low in CLINICAL or p.PROTECTED_WORDS_RE.fullmatch(word.upper()):
        return False
    return get_lexicon().zipf(word) < limit


def _place_name(word: str) -> bool:
    """A word that names a facility: a listed name English seldom uses ("casa", "paz") or no English word at
    all; never a service word ("infusion", "cardiology", "respite")."""
    lex = get_lexicon()
    return _rare(word, 4.5) and (lex.name_rank(word) > 0 or lex.zipf(word) < 2.5)


# The town or neighbourhood written after a street line: "9 Tremont Ct, Dorchester.", "2217 W Devon Ave, unit 3 north,
# Chicago, ...", "19 NE 54th St, Little Haiti."
TOWN_AFTER = re.compile(
    r"(?:,[ \t]*(?i:unit|apt|suite|ste|flat|#)[^,\n]{0,20})?,[ \t]*"
    r"(?P<town>[A-Z][a-z'’\-]++(?:[ \t][A-Z][a-z'’\-]++){0,2})(?=[ \t]*(?:[,.;:)\n]|$)"
    rf"|[ \t]+(?:{'|'.join(p.STATES)})\b(?![\-\w]))"  # "12 Birch Rd, Waco TX" with no ZIP
)


# The same in lower case after a lower-case street, the comma optional: "2700 e lake st apt 512 minneapolis."
LOWER_TOWN_AFTER = re.compile(
    r"(?:,?[ \t]*(?:unit|apt|suite|ste|flat|#)\.?[ \t]*#?[ \t]*[a-z0-9\-]{1,6}+)?,?[ \t]+"
    r"(?P<town>[a-z][a-z'’\-]++(?:[ \t][a-z][a-z'’\-]++)?)(?=[ \t]*(?:[,.;:)\n]|$))"
)


def _town_after(text: str, end: int) -> list[Span]:
    m = TOWN_AFTER.match(text, end)
    if m is None and text[end - 1 : end].islower():
        m = LOWER_TOWN_AFTER.match(text, end)
        if m is not None and not all(_rare(w, 5.0) for w in m.group("town").split()):
            return []  # "12 oak st then home."
    if m is None or any(w.lower() in p.NOT_NAMES or p.PROTECTED_RE.fullmatch(w) for w in m.group("town").split()):
        return []
    return [(m.start("town"), m.end("town"), "ADDRESS", 0.85)]


def find_streets(text: str) -> list[Span]:
    out: list[Span] = []
    for m in STREET.finditer(text):
        words = m.group("words").split()
        suffix = re.findall(r"[A-Za-z]+", m.group())[-1].lower()
        if any(w.lower() in p.NOT_NAMES or p.PROTECTED_WORDS_RE.fullmatch(w.upper()) for w in words):
            continue
        number = re.match(r"\d+", m.group()).group()  # type: ignore[union-attr]
        # "100 main dr": a drive, court or lane after a house number; "10 reps each way" stays
        short = len(words) <= 2 and (suffix in _PLAIN_SUFFIX or (suffix in _HOUSE_SUFFIX and len(number) >= 2))
        if any(w[0].isdigit() or _rare(w) for w in words) or short:
            out += [(m.start(), m.end(), "ADDRESS", 0.85), *_town_after(text, m.end())]
            unit = UNIT_AFTER.match(text, m.end())
            out += [(unit.start("unit"), unit.end("unit"), "ADDRESS", 0.85)] if unit else []
    return out


def find_state_zips(text: str) -> list[Span]:
    out: list[Span] = []
    for m in STATE_ZIP.finditer(text):
        city = _CITY_WORD.search(text, max(0, m.start() - 40), m.start())
        if not city or city.group(1).lower() in p.NOT_NAMES or p.PROTECTED_RE.fullmatch(city.group(1)):
            continue
        if m.group("state").lower() in AMBIGUOUS_STATES and not _plainly_a_city(text, city):
            continue  # "billed in 97550", "97550 or 97551"
        prefix = _CITY_PREFIX.search(text, max(0, city.start() - 12), city.start())
        begin = prefix.start() if prefix else city.start(1)  # "santa fe nm", "new york ny"
        out += [(begin, city.end(1), "ADDRESS", 0.9), (m.start("zip"), m.end("zip"), "ZIP", 0.95)]
    return out


# A ZIP code as a scan reads it after a state in capitals: a letter O for a zero ("VT O53O1"), a blank inside it
# ("HI  967 97"). Three digits at least, so no word ("NY OOOPS") passes.
OCR_ZIP = re.compile(
    rf"(?<=[^\W\d_][ \t,])[ \t]*(?:{'|'.join(p.STATES)})[ \t]{{1,2}}"
    r"(?P<zip>[\dO]{5}(?![\w\-])|\d{3}[ ]\d{2}(?=[ \t]*(?:[,;|)\n]|$)))"
)


def find_ocr_zips(text: str) -> list[Span]:
    return [
        (m.start("zip"), m.end("zip"), "ZIP", 0.9)
        for m in OCR_ZIP.finditer(text)
        if sum(c.isdigit() for c in m.group("zip")) >= 3 and ("O" in m.group("zip") or " " in m.group("zip"))
    ]


def _plainly_a_city(text: str, city: re.Match[str]) -> bool:
    """A comma before the state, a capitalised or uncommon place word ("spokane wa", "portland or"), or a
    street right before it; never a common word ("billed in 97550")."""
    word = city.group(1)
    if city.group(2) or word[0].isupper() or (_rare(word, 4.5) and not word.lower().endswith(("ed", "ing"))):
        return True
    return _AFTER_STREET.search(text, max(0, city.start() - 12), city.start()) is not None


def find_canadian(text: str) -> list[Span]:
    out: list[Span] = []
    for m in CANADA.finditer(text):
        if m.group("bare"):
            out.append((m.start("bare"), m.end("bare"), "ZIP", 0.95))
            continue
        out.append((m.start("zip"), m.end("zip"), "ZIP", 0.95))
        if m.group("city") and m.group("city").lower() not in p.NOT_NAMES:
            out.append((m.start("city"), m.end("city"), "ADDRESS", 0.9))
    return out


def find_facilities(text: str) -> list[Span]:
    out: list[Span] = []
    for m in FACILITY.finditer(text):
        words = list(re.finditer(r"[^\W\d_][\w'’\-]*", m.group("name")))
        named = [w for w in words if w.group().lower() not in _GENERIC and _place_name(w.group())]
        if named:
            out.append((m.start("name") + named[0].start(), m.end(), "ADDRESS", 0.8))
    return out


# A Korean address in romanisation: the district ("Mapo-gu", "Suwon-si"), then the city and its postal code
# ("Mapo-gu, Seoul 04107"); the street ("Baekbeom-ro 22-gil") is a road name with its "-ro"/"-gil".
KOREAN = re.compile(
    r"\b(?P<district>[A-Z][a-z]+-(?:gu|si|gun|dong|eup|myeon))\b(?:,?[ \t]+(?P<city>[A-Z][a-z]+(?:-si|-do)?)"
    r"(?:[ \t]+\d{5}(?!\d))?(?![\w\-]))?"
    r"|\b[A-Z][a-z]+-(?:ro|gil|daero)(?:[ \t]+\d{1,3}(?:beon)?-gil)?\b"
)


_KOREAN_PARTS = ("-gu", "-si", "-gun", "-dong", "-eup", "-myeon", "-ro", "-gil", "-daero")


def find_korean(text: str) -> list[Span]:
    if not any(part in text for part in _KOREAN_PARTS):
        return []
    out: list[Span] = []
    for m in KOREAN.finditer(text):
        if m.group("district") and m.group("city"):
            out += [(m.start(), m.end("district"), "ADDRESS", 0.85), (m.start("city"), m.end(), "ADDRESS", 0.85)]
        else:
            out.append((m.start(), m.end(), "ADDRESS", 0.85))
    return out


def find_places(text: str) -> list[Span]:
    zips = find_state_zips(text) + find_ocr_zips(text) + find_canadian(text)
    return find_streets(text) + zips + find_facilities(text) + find_korean(text)
