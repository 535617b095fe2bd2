"""What stands right beside a name or an address found by the other finders.

* initials that a note defines as a person: "TMK = Tamsin M. Kealoha", "KLR (Kaveh L. Rostami)",
  "J.M.O. (Jorge M. Oyelaran-Quispe)", "Anneliese Vogt-Mwangi (AV)": taken when the letters are the
  first letters of the name's words, then scrubbed wherever they recur; a nickname defined the same way
  ("Hemi = Hemmat Mahmoudi");
* a given name right before a found surname: "..., Tallis Brandvold"; a surname after a quoted nickname:
  '"Papa Jo" St. John';
* a generational suffix after a name: "Amos Pell III", "Sterling Vance Jr."; the name spelled out after it
  letter by letter: "Osei, O S E I";
* a name written in another script in brackets beside the name: "Seo Jung-ja (서정자)", or set off by commas
  after it: "Kim Su-jin, 김수진, calling";
* an age over 89 from a table cell, quoted again without its header between two other values that were
  found ("1935-01-30 91 FA-30117", ",94,"), never a bare "91" in a sentence;
* a ZIP code right after a street address or its town, with no state: "221 Kestrel Ct, Alhambra 91801".
Runs once on the resolved spans, each check a bounded look at the text next to one span.
"""

from __future__ import annotations

import itertools
import re

from assistant.phi import patterns as p
from assistant.phi.fold import fold_word
from assistant.phi.vocab import KEEP_WORDS

Span = tuple[int, int, str, float]

_INITIALS = r"(?P<ini>(?<![\w.])(?:[A-Z]\.?){2,4}+)(?![\w])"
INITIALS_BEFORE = re.compile(rf"{_INITIALS}[ \t]*(?:=|\(|:|[-–])[ \t]*$")
INITIALS_AFTER = re.compile(rf"[ \t]*\([ \t]*{_INITIALS}[ \t]*\)")
_SCRIPT_NAME = r"(?P<name>[^\W\d_]{1,20}+(?:[ \t][^\W\d_]{1,20}+){0,2}+)"
SCRIPT_AFTER = re.compile(rf"[ \t]*\([ \t]*{_SCRIPT_NAME}[ \t]*\)")
SCRIPT_BEFORE = re.compile(rf"{_SCRIPT_NAME}[ \t]*\([ \t]*$")
# The same name set off by commas: "this is Kim Su-jin, 김수진, calling"; one or two words that end their phrase.
SCRIPT_APPOSITIVE = re.compile(
    r",[ \t]*(?P<name>[^\W\d_]{1,20}+(?:[ \t][^\W\d_]{1,20}+)?+)(?=[ \t]*(?:[,.;:…!?)]|\r?\n|$))"
)
ZIP_AFTER = re.compile(
    r",?[ \t]+(?:(?P<city>(?![A-Z]{2}\b)[A-Z][^\W\d_]*+(?:[ \t][A-Z][^\W\d_]*+)?),?[ \t]+)?"
    r"(?P<zip>\d{5}(?:-\d{4})?)(?![\d\-])"
)


def _name_initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][^\s]*", name)).upper()


def _other_script(word: str) -> bool:
    """Letters of a script the capitalised-name patterns do not read (Hangul, Han, Arabic, Devanagari...)."""
    return any(ch.isalpha() and ord(ch) > 0x052F and not 0x1E00 <= ord(ch) <= 0x1EFF for ch in word)


def _initials(text: str, start: int, end: int) -> list[Span]:
    want = _name_initials(text[start:end])
    out: list[Span] = []
    before = INITIALS_BEFORE.search(text, max(0, start - 14), start)
    after = INITIALS_AFTER.match(text, end, min(len(text), end + 14))
    for m in (before, after):
        if m and len(want) >= 2 and m.group("ini").replace(".", "") == want:
            out.append((m.start("ini"), m.end("ini"), "PERSON", 0.85))
    return out


def _scripts(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    before = SCRIPT_BEFORE.search(text, max(0, start - 70), start)
    after = SCRIPT_AFTER.match(text, end, min(len(text), end + 70))
    for m in (before, after):
        # "어머님 (윤정자)": a kin word; "보호자 교육 (caregiver training)": a form word
        if m and _other_script(m.group("name")) and m.group("name") not in KEEP_WORDS:
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    apposed = SCRIPT_APPOSITIVE.match(text, end, min(len(text), end + 50))
    if apposed and all(_other_script(ch) for ch in apposed.group("name") if ch.isalpha()):
        out.append((apposed.start("name"), apposed.end("name"), "PERSON", 0.85))
    return out


def _zip_after(text: str, end: int) -> list[Span]:
    m = ZIP_AFTER.match(text, end, min(len(text), end + 50))
    if not m:
        return []
    out: list[Span] = [(m.start("zip"), m.end("zip"), "ZIP", 0.9)]
    if m.group("city"):
        out.append((m.start("city"), m.end("city"), "ADDRESS", 0.85))
    return out


_WORD_BEFORE = re.compile(r"(?<![\w'’.\-])(?P<name>[A-Z][a-z]{2,14}+)[ \t]$")


def _first_name_before(text: str, start: int) -> list[Span]:
    """A given name right before a found surname: "Mr. Oyelaran, Tallis Brandvold": a listed first name or
    a word English seldom uses, never a clinical or common word."""
    from assistant.phi.cues import namey

    m = _WORD_BEFORE.search(text, max(0, start - 17), start)
    return [(m.start("name"), m.end("name"), "PERSON", 0.8)] if m and namey(m.group("name")) else []


_GIVEN_BEFORE_NICKNAME = re.compile(r"(?<![\w'’.\-])(?P<name>[A-Z][A-Za-z'’\-]{1,20}+)[ \t]+[\"“]$")


def _given_before_nickname(text: str, start: int, end: int) -> list[Span]:
    """The given name before a quoted nickname: 'TERESA "TERRI" OCHOA', 'Guadalupe "Lupita" Zamora'."""
    if text[end : end + 1] not in ('"', "”"):
        return []
    m = _GIVEN_BEFORE_NICKNAME.search(text, max(0, start - 24), start)
    if m is None or m.group("name").lower() in p.NOT_NAMES or p.PROTECTED_RE.fullmatch(m.group("name")):
        return []
    return [(m.start("name"), m.end("name"), "PERSON", 0.8)]


# The surname after a quoted nickname: 'pt "Papa Jo" St. John', '"Lupita" Zamora' (the nickname was found).
_SURNAME_AFTER_NICKNAME = re.compile(
    r"[\"”][ \t]+(?P<name>(?:(?:St|Ste|San|Van|Von|De|Del|Da|Di|Le|La)\.?[ \t]+)?[A-Z][a-z][\w'’\-]{0,20}+)"
)


def _surname_after_nickname(text: str, start: int, end: int) -> list[Span]:
    from assistant.phi.cues import namey
    from assistant.phi.lexicon import get_lexicon

    if not re.search('["“]', text[max(0, start - 12) : start]):
        return []
    m = _SURNAME_AFTER_NICKNAME.match(text, end, min(len(text), end + 40))
    last = m.group("name").split()[-1] if m else ""
    if m is None or last.lower() in p.NOT_NAMES or p.PROTECTED_RE.fullmatch(last):
        return []
    if not (namey(last) or get_lexicon().first_rank(last)):  # a listed name ("St. John") or a rare word
        return []
    return [(m.start("name"), m.end("name"), "PERSON", 0.8)]


# A nickname a note defines by a found name: "Hemi = Hemmat Mahmoudi", "Bibi aka Farideh Alavi".
_NICKNAME_DEFINED = re.compile(r"(?<![\w'’.\-])(?P<name>[A-Z][a-z]{1,14}+)[ \t]*(?:=|\ba\.?k\.?a\.?)[ \t]*$")


def _nickname_defined(text: str, start: int) -> list[Span]:
    m = _NICKNAME_DEFINED.search(text, max(0, start - 24), start)
    if m is None or m.group("name").lower() in p.NOT_NAMES or p.PROTECTED_RE.fullmatch(m.group("name")):
        return []
    return [(m.start("name"), m.end("name"), "PERSON", 0.8)]


_COMPOUND_AFTER = re.compile(r"[ \t](?P<word>[^\W\d_]{1,12}(?:['’\-][^\W\d_]{2,12}){1,2})(?![\w'’\-])")


def _compound_after(text: str, end: int) -> list[Span]:
    """The rest of a name written after a found part: "lee byung-ho", "kim soon-ja", "siobhan o'hare": a hyphen or
    apostrophe compound whose later parts are name-like ("ho", "ja", "hare"), never "follow-up" or "sit-to-stand"."""
    from assistant.phi.cues import namey

    m = _COMPOUND_AFTER.match(text, end)
    if m is None:
        return []
    head, *rest = re.split(r"['’\-]", m.group("word"))
    if all(namey(part) for part in rest) and (len(head) <= 2 or namey(head)):
        return [(m.start("word"), m.end("word"), "PERSON", 0.8)]
    return []


# A name broken by the line's end: "Annaliese Wojcie-" / "chowski in transfers" (the hyphen right after the found part)
_BROKEN_AFTER = re.compile(r"-[ \t]*\r?\n[ \t]*(?P<word>[^\W\d_]{2,30}+)(?![\w\-'’])")


def _broken_after(text: str, end: int) -> list[Span]:
    m = _BROKEN_AFTER.match(text, end, min(len(text), end + 40))
    if m is None or m.group("word").lower() in p.NOT_NAMES:
        return []
    return [(m.start("word"), m.end("word"), "PERSON", 0.8)]


# A found name spelled out letter by letter after it: "Bartholomew, B A R T H O L O M E W", "Osei, O-S-E-I".
_SPELLED_AFTER = re.compile(r"[ \t]*,?[ \t]*(?P<letters>[^\W\d_](?:[ \-][^\W\d_]){1,30}+)(?![\w\-])")


def _spelled_after(text: str, start: int, end: int) -> list[Span]:
    m = _SPELLED_AFTER.match(text, end, min(len(text), end + 70))
    if m is None:
        return []
    spelled = re.sub(r"[ \-]", "", m.group("letters")).casefold()
    parts = {w.casefold() for w in _NAME_PART.findall(text[start:end])}
    return [(m.start("letters"), m.end("letters"), "PERSON", 0.85)] if spelled in parts else []


# A generational suffix after a name: "Sterling Vance Jr.", "Amos Pell III" (a numeral only where the name ends).
SUFFIX_AFTER = re.compile(
    r",?[ \t]+(?P<sfx>(?:Jr|Sr|JR|SR)\.?(?![\w.])|(?:II|III|IV)(?=[ \t]*(?:[\"”'’,;)\]|\r?\n]|$)))"
)


def _suffix_after(text: str, end: int) -> list[Span]:
    m = SUFFIX_AFTER.match(text, end, min(len(text), end + 8))
    return [(m.start("sfx"), m.end("sfx"), "PERSON", 0.8)] if m else []


_NAME_BEFORE_STREET = re.compile(
    r"(?:^|(?<=[(\n:;]))[ \t]*(?P<name>[^\W\d_][\w'’\-]{1,20}(?:[ \t][^\W\d_][\w'’\-]{1,20}){1,2}),[ \t]*$"
)


def _name_before_street(text: str, start: int) -> list[Span]:
    """Who lives at a street line written right after the name: "(lachlan mackenzie, 27 glen rd, ...)": two or three
    name-like words opening a bracket, line or clause, then a comma and the street."""
    from assistant.phi.cues import namey

    if not text[start : start + 1].isdigit():
        return []
    m = _NAME_BEFORE_STREET.search(text, max(0, start - 48), start)
    if m is None or not all(namey(w) and w.lower() not in p.NOT_NAMES for w in m.group("name").split()):
        return []
    return [(m.start("name"), m.end("name"), "PERSON", 0.8)]


_PARTICLE_GAP = re.compile(r"[ \t](?P<word>[^\W\d_]{1,5})[ \t]")


def _joined_by_particle(text: str, spans: list[Span]) -> list[Span]:
    """Two parts of one name with a particle between them are one name: "Abd al-Karim bin Yusuf"."""
    from assistant.phi.names import PARTICLES

    people = sorted((s, e) for s, e, label, _ in spans if label == "PERSON")
    out: list[Span] = []
    for (s1, e1), (s2, e2) in itertools.pairwise(people):
        m = _PARTICLE_GAP.fullmatch(text, e1, s2) if s2 - e1 <= 7 else None
        if m and m.group("word").lower() in PARTICLES:
            out.append((s1, e2, "PERSON", 0.8))
    return out


# A bare number right after a found name, set off by commas or in brackets, is the person's age (every stated age is
# PHI since round 11): "Cornelius Ashgrove, 84, DOB ...", "Pt Elmer Halvorsen (87) in bed", "Winnie Alcott, 71, widow".
# Two or three digits, and no unit after it ("Okafor, 45 min" is a time).
AGE_AFTER_NAME = re.compile(
    r"(?:[ \t]*,[ \t]*(?P<age>1[01]\d|[1-9]\d)(?=[ \t]*(?:[,;]|[-–—][ \t]|$))"
    r"|[ \t]+\((?P<paren>1[01]\d|[1-9]\d)\))",
    re.MULTILINE,
)


def _age_after(text: str, end: int) -> list[Span]:
    m = AGE_AFTER_NAME.match(text, end)
    if m is None:
        return []
    group = "age" if m.group("age") else "paren"
    return [(m.start(group), m.end(group), "AGE", 0.8)]


def around_names(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end, label, _ in spans:
        if label == "PERSON":
            out += _initials(text, start, end) + _scripts(text, start, end) + _first_name_before(text, start)
            out += _age_after(text, end)
            out += _compound_after(text, end) + _suffix_after(text, end) + _given_before_nickname(text, start, end)
            out += _broken_after(text, end)
            out += _nickname_defined(text, start) + _surname_after_nickname(text, start, end)
            out += _spelled_after(text, start, end)
        elif label == "ADDRESS":
            out += _zip_after(text, end) + _name_before_street(text, start)
    return out + _joined_by_particle(text, spans + out)


_GAP = " \t,|;"


def recurring_ages(text: str, spans: list[Span]) -> list[Span]:
    """Short ages found once, recurring where a found value or a comma stands on either side."""
    from assistant.phi.recognizers import STRONG  # here: importing it loads Presidio

    ages = {text[s:e] for s, e, label, _ in spans if label == "AGE" and e - s < 3}
    # an age read from its column keeps that strength where it recurs, where it looks like a modifier ("93")
    strong = {text[s:e] for s, e, label, score in spans if label == "AGE" and e - s < 3 and score >= STRONG}
    if not ages:
        return []
    ends = {e for _, e, _, _ in spans}
    starts = {s for s, _, _, _ in spans}
    out: list[Span] = []
    cells = "|".join(map(re.escape, sorted(ages)))
    for m in re.finditer(rf"(?<![\w.])(?:{cells})(?![\w.%])", text):
        before = m.start()
        while before > 0 and text[before - 1] in _GAP and m.start() - before < 4:
            before -= 1
        after = m.end()
        while after < len(text) and text[after] in _GAP and after - m.end() < 4:
            after += 1
        # a CSV cell: a comma before, a comma or the row's end after (the last column, also as a row quoted in a
        # JSON brief: '..., B",86",')
        commas = text[m.start() - 1 : m.start()] == "," and text[m.end() : m.end() + 1] in (",", '"', "\n", "\r", "")
        if commas or (before in ends and after in starts):
            out.append((m.start(), m.end(), "AGE", STRONG if m.group() in strong else 0.8))
    return out


_NAME_PART = re.compile(r"[^\W\d_]+")
_JOINED = re.compile(r"[ \t]*[,_ ][ \t]*")


def _initials_of(value: str) -> set[str]:
    """The initials a colleague writes for a name: "Armen Hakobyan" -> AH, "DUBOIS, Jean-Baptiste" -> JB, JBD, DJB."""
    family, _, given = value.partition(",")
    out = {"".join(w[0] for w in _NAME_PART.findall(value))}
    if given:
        out.add("".join(w[0] for w in _NAME_PART.findall(given + " " + family)))
    for word in value.replace(",", " ").split():
        if "-" in word and word[0].isupper() and len(_NAME_PART.findall(word)) == 2:
            out.add("".join(w[0] for w in _NAME_PART.findall(word)))  # "Jean-Baptiste" -> JB
    return {i.upper() for i in out if 2 <= len(i) <= 3}


def name_initials(text: str, spans: list[Span]) -> list[Span]:
    """The initials of a found name, standing alone elsewhere: "consent_AH_0318.jpg", "JB - can you call".
    Names found in parts ("Hakobyan_Armen") are read together both ways; initials that are a state, a
    credential or a billing token are never taken."""
    people = sorted((s, e) for s, e, label, _ in spans if label == "PERSON")
    values = [text[s:e] for s, e in people]
    for (s1, e1), (s2, e2) in itertools.pairwise(people):
        if _JOINED.fullmatch(text, e1, s2):
            values += [f"{text[s2:e2]} {text[s1:e1]}", f"{text[s1:e1]} {text[s2:e2]}"]
    wanted = set().union(*map(_initials_of, values)) if values else set()
    wanted = {
        i for i in wanted if i not in p.STATES and i.lower() not in p.NOT_NAMES and not p.PROTECTED_RE.fullmatch(i)
    }
    if not wanted:
        return []
    alternation = "|".join(sorted(wanted, key=len, reverse=True))
    return [(m.start(), m.end(), "PERSON", 0.8) for m in re.finditer(rf"(?<![^\W_])(?:{alternation})(?![^\W_])", text)]


# The separators a login puts between the parts of a name: "jsmith", "j.smith", "smith_j", "kgreenberg-ito".
_LOGIN_JOINS = ("", ".", "_")
_LOGIN_PART = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def _logins_of(value: str) -> set[str]:
    """The user names a system builds from a name: first initial + surname, first name + surname, surname + initial."""
    family, comma, given = value.partition(",")
    words = _LOGIN_PART.findall(f"{given} {family}" if comma else value)
    parts = [fold_word(w).lower().replace("'", "") for w in words]
    parts = [w for w in parts if w.isascii()]
    if len(parts) < 2:
        return set()
    first = parts[0]
    made: set[str] = set()
    for last in {parts[-1], parts[-1].replace("-", "")}:  # "Obi-Kristiansen" -> "aobikristiansen" too
        made |= {f"{first[0]}{j}{last}" for j in _LOGIN_JOINS} | {f"{first}{j}{last}" for j in _LOGIN_JOINS}
        made |= {f"{last}{j}{first[0]}" for j in _LOGIN_JOINS}
    return {login for login in made if len(login) >= 5}


def name_logins(text: str, spans: list[Span]) -> list[Span]:
    """A login built from a found name, standing alone elsewhere: "LOGIN kkahananui", "READ by kpalakiko"
    for "Kaleo Kahananui" and "Keoni Palakiko" found in the note (any case, a number after it: "jsmith2")."""
    wanted = set().union(*(_logins_of(text[s:e]) for s, e, label, _ in spans if label == "PERSON"), set())
    if not wanted:
        return []
    alternation = "|".join(map(re.escape, sorted(wanted, key=len, reverse=True)))
    return [
        (m.start(), m.end(), "PERSON", 0.8)
        for m in re.finditer(rf"(?i)(?<![\w.@\-])(?:{alternation})\d{{0,3}}(?![\w@\-])", text)
    ]


_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{3,30}(?![\w@])")  # a social handle, never an e-mail's domain


def name_handles(text: str, spans: list[Span]) -> list[Span]:
    """A social handle that holds a surname found in the text: "@bquillfeather", "@marta_q_1941" for Marta
    Quillfeather (hostile13 #6: it went out whole). Only surnames of five letters or more, so "@team_lee" stays."""
    if "@" not in text:
        return []
    surnames = {fold_word(w).lower() for s, e, label, _ in spans if label == "PERSON"
                for w in _LOGIN_PART.findall(text[s:e])[-1:] if len(w) >= 5}
    surnames = {w for w in surnames if w.isascii()}
    if not surnames:
        return []
    return [(m.start(), m.end(), "PERSON", 0.8) for m in _HANDLE.finditer(text)
            if any(name in m.group().lower() for name in surnames)]
