"""Names that a cue around them marks, whatever their case or length.

* a nickname in quotes beside a name or after "aka", "goes by", "listed as": 'Desmond "Dez"
  Achterberg', '(aka "kiki")', 'listed only as "S."';
* a name after a greeting or an introduction: "hi its cj", "Thanks CJ", "this is uh Priya"; any name between an
  introduction and a credential: "this is hope mcallister PT dictating";
* a lower-case surname after a title with its dot: "dr. siddiqui"; a title with one initial: "Mr. D";
* initials that sign a message at the end of a line: "- BN", "- K.O.";
* a name in Han or Hangul after a kin word of its script or before a role in brackets: "딸 박지민", "王秀英 (pt".
Each word must still be no common English word (or be a listed first name) and no clinical or
billing word: "thanks again", "hi all", '"Hoyer" lift' and "- PT" stay.
"""

from __future__ import annotations

import re

from assistant.phi import patterns as p
from assistant.phi.fold import fold_word
from assistant.phi.lexicon import get_lexicon
from assistant.phi.names import CLINICAL

Span = tuple[int, int, str, float]

QUOTED = re.compile(r"[\"“](?P<name>[^\W\d_][^\W\d_'’\-]{1,14}+|[A-Z]\.(?:[ ]?[A-Z]\.){0,2})[\"”]")
_NICK_CUE = re.compile(
    r"(?i:\b(?:aka|a\.k\.a\.?|goes[ \t]+by|known[ \t]+as|called|nicknamed?|prefers|as))[ \t]*\(?[ \t]*$"
)
# a kinship word right before a quoted capitalised word names that relative by a nickname, common word or not:
# 'granddaughter "Bee" (Beatrix ...)' (hostile15 #31)
_KIN_BEFORE = re.compile(
    r"(?i:\b(?:(?:great[- ])?grand(?:daughter|son|mother|father|child|ma|pa)|daughter|son|wife|husband|spouse"
    r"|partner|mother|father|mom|mum|dad|sister|brother|niece|nephew|aunt|uncle|cousin|friend|neighbou?r"
    r"|(?:daughter|son|mother|father|sister|brother)-in-law))[ \t]*,?[ \t]*$"
)
_NAME_BEFORE = re.compile(r"(?<![^\W\d_'’\-])(?P<word>[^\W\d_][^\W\d_'’\-]*+),?[ \t]*\(?[ \t]*$")
_NAME_AFTER = re.compile(r"[ \t]*\)?[ \t]*(?P<word>[^\W\d_][^\W\d_'’\-]*+)")
_HELLO = r"(?:hi|hey|hello|dear|thanks|thank[ \t]+you|thx)[ \t]*,?[ \t]+"
_INTRO = r"(?:it'?s|it’s|this[ \t]+is|i'?m|my[ \t]+name[ \t]+is)[ \t]+"
GREETING = re.compile(  # "hi its cj", "Thanks CJ", "this is uh Priya"
    # a filler may come before the introduction too: "hi um this is marisol"
    rf"(?i:\b(?:{_HELLO}(?:(?:uh|um|er)[ \t,]+)?(?:{_INTRO})?|{_INTRO})(?:(?:uh|um|er)[ \t,]+)?)"
    rf"(?P<name>[^\W\d_][^\W\d_'’\-]*+)"
)
# An introduction that gives a credential after the name: "this is hope mcallister PT dictating",
# "it's Ana Ruiz, OTR/L".
INTRO_CREDENTIAL = re.compile(
    rf"(?i:\b{_INTRO}(?:(?:uh|um|er)[ \t,]+)?)(?P<name>[^\W\d_][^\W\d_'’\-]*+(?:[ \t]+[^\W\d_][^\W\d_'’\-]*+)?+)"
    rf",?[ \t]+(?:{p.CREDENTIAL}|{p._LOWER_CREDENTIAL})\b"
)
LOWER_TITLE = re.compile(r"\b(?:dr|mr|mrs|ms|mx)\.[ \t]+(?P<name>[a-z][a-z'’\-]++)")
TITLE_INITIAL = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Sr|Sra)\.?[ \t]+(?P<name>[A-Z])(?![\w.’'\-])"
    r"|\b(?:mr|mrs|mx|miss)\.?[ \t]+(?P<name2>[a-z])(?![\w.’'\-])"  # a hurried lower-case log: "mrs c waited"
)
# At the end of a line, or of a JSON string when a brief quotes the line.
DASH_INITIALS = re.compile(
    r"(?m)(?:^|[ \t\"])[-–—~][ \t]*(?P<name>[A-Z]\.?[ \t]?[A-Z]\.?(?:[ \t]?[A-Z]\.?)?)[ \t]*(?:$|(?=\"))"
)
# Who wrote, typed or took it down: "Transcribed by jt.", "taken by mo"; a chat line's speaker: "[9:02 AM] tmurphy:".
BY_CUE = re.compile(
    r"(?i:\b(?:(?:transcribed|dictated|typed|scribed|entered|taken|written|message[ \t]+taken)[ \t]+by:?"
    r"|(?:scribe|recorder|note[ \t]?taker|minutes[ \t]+taker):))[ \t]+"
    r"(?P<name>[^\W\d_][^\W\d_'’.\-]*+)"
)
# A chat export's message header: the sender's display name, two blanks, the time ("sergei petrosyan  2:14 PM").
CHAT_HEADER = re.compile(
    r"(?m)^[ \t]*(?P<name>[^\W\d_][\w'’\-]*+(?:[ ][^\W\d_][\w'’\-]*+\.?){0,2}+)[ \t]{2,}+"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*\r?$"
)
CHAT_SPEAKER = re.compile(
    r"(?m)^[ \t]*\[(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]?[AaPp][Mm])?\][ \t]*(?P<name>[A-Za-z][\w.\-]{1,30}+):"
)
# A name in Han or Hangul after a kin word of that script ("女儿 李娜", "딸 박지민"), or before a role in brackets
# ("王秀英 (pt, MRN ...)"): these scripts have no capitals, so the cue is the only sign.
_HAN_HANGUL = r"[\u4e00-\u9fff\uac00-\ud7a3]"
_CJK_KIN = (
    r"女儿|儿子|妻子|丈夫|太太|母亲|父亲|妈妈|爸爸|孙子|孙女|儿媳|女婿|姐姐|妹妹|哥哥|弟弟|女兒|兒子|母親|父親|孫子|孫女"
    r"|어머님|아버님|할머님|할아버님|어머니|아버지|며느리|할머니|할아버지|아들|아내|남편|엄마|아빠|손자|손녀|사위|언니|누나|오빠"
    r"|딸|息子"
)
# the name after the kin word, or in brackets after it: "어머님 (윤정자)"
CJK_NAME = re.compile(
    rf"(?:{_CJK_KIN})(?:[ \t:：]+\(?|[ \t]*\()[ \t]*(?P<name>{_HAN_HANGUL}{{2,4}}+)(?!{_HAN_HANGUL})"
    rf"|(?<!{_HAN_HANGUL})(?P<name2>{_HAN_HANGUL}{{2,4}}+)[ \t]*\("
    r"(?i:pt|patient|caregiver|cg|son|daughter|wife|husband)\b"
)
_NOT_INITIALS = frozenset({"OK", "NA", "NO", "AM", "PM", "US", "UK", "ER", "ED", "OR", "IV"})


# Given names that are also words ("joy", "will", "hope"), no month: after "it's" / "this is" they can only be a name.
_WORD_NAMES = p.CONTEXT_NAMES - {"may", "june", "april", "august"}
_INTRODUCED = re.compile(rf"(?i:{_INTRO})(?:(?:uh|um|er)[ \t,]+)?$")


_ITS = re.compile(r"(?i:its)\b")
_WORD_BEFORE = re.compile(r"\w[ \t]*$")


def _possessive_its(m: re.Match[str]) -> bool:
    """ "put its placeholder text": "its" inside a sentence owns the word after it; only at the start of a message or
    a sentence ("its cj, running late") does it stand for "it's"."""
    return bool(_ITS.match(m.group())) and _WORD_BEFORE.search(m.string, max(0, m.start() - 8), m.start()) is not None


def _present(m: re.Match[str]) -> str:
    return "name" if m.group("name") is not None else "name2"


def _introduced(m: re.Match[str]) -> bool:
    """ "hey its joy", "this is will from the clinic": a word that is also a given name, right after an introduction."""
    return m.group("name").lower() in _WORD_NAMES and bool(_INTRODUCED.search(m.string, m.start(), m.start("name")))


def _plain_word(word: str) -> bool:
    """Not a clinical, billing or function word."""
    low = word.lower()
    return not (low in p.NOT_NAMES or low in CLINICAL or p.PROTECTED_WORDS_RE.fullmatch(word.upper()))


def namey(word: str, *, common: float = 4.0) -> bool:
    """A word English seldom uses, or a listed first name that is no very common word."""
    lex = get_lexicon()
    zipf = lex.zipf(word)
    first = lex.first_rank(word) or lex.first_rank(fold_word(word))
    return _plain_word(word) and (zipf < common or (0 < first <= 2000 and zipf < 5.0))


def _between_names(text: str, before: str, end: int) -> bool:
    """Capitalised plain words on both sides of a quoted word: a nickname inside a full name."""
    sides = (_NAME_BEFORE.search(before), _NAME_AFTER.match(text, end))
    return all(w is not None and w.group("word")[0].isupper() and _plain_word(w.group("word")) for w in sides)


def _quoted(text: str) -> list[Span]:
    out: list[Span] = []
    for m in QUOTED.finditer(text):
        name = m.group("name")
        before = text[max(0, m.start() - 20) : m.start()]
        cue = _NICK_CUE.search(before) is not None
        beside = any(
            w is not None and w.group("word")[0].isupper() and _plain_word(w.group("word"))
            for w in (_NAME_BEFORE.search(before), _NAME_AFTER.match(text, m.end()))
        )
        between = _between_names(text, before, m.end()) and name[:1].isupper()  # Mr. Oyel "Bo" Oyelaran
        # an initial in quotes needs no lexicon; a nickname after a kin word none either ('granddaughter "Bee"')
        cued = (cue or beside) and (name.endswith(".") or namey(name) or between)
        if cued or (name[:1].isupper() and _plain_word(name) and _KIN_BEFORE.search(before)):
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    return out


# A hurried lower-case log's initial and surname: "b. kowalski | for j kowalski" ("a" and "i" are words, not initials).
LOWER_INITIAL_SURNAME = re.compile(r"(?<![\w.'’\-])[b-hj-z]\.?[ \t](?P<name>[a-z][a-z'’\-]{2,20}+)(?![\w'’\-])")


def _lower_initial_surnames(text: str) -> list[Span]:
    """The surname a listed one English seldom uses ("kowalski"), never a word ("x ray", "c diff")."""
    lex = get_lexicon()
    return [
        (m.start(), m.end(), "PERSON", 0.85)
        for m in LOWER_INITIAL_SURNAME.finditer(text)
        if 0 < lex.last.get(m.group("name"), 0) <= 20000 and lex.zipf(m.group("name")) < 3.0
    ]


# "SURNAME, GIVEN" alone in a cell or at a row's start, as claims and remits print it: "LEE, MAY   1EG4...",
# '"Grant, April",1234'. The given name may be a word ("May", "April"): the shape and the lists decide.
_W = r"[A-Z][A-Za-z'’\-]{1,20}+"
LAST_COMMA_FIRST = re.compile(
    rf'(?m)(?:^|(?<=["|\t]))[ \t]*(?P<name>(?P<last>{_W}(?:[ ]{_W})?),[ ](?P<first>{_W}))(?=["|\t]|[ ]{{2,}}|[ \t]*$)'
)


def _last_comma_first(text: str) -> list[Span]:
    lex = get_lexicon()
    out: list[Span] = []
    for m in LAST_COMMA_FIRST.finditer(text):
        lasts = m["last"].lower().split()
        if all(0 < lex.last.get(w, 0) <= 20000 for w in lasts) and 0 < lex.first.get(m["first"].lower(), 0) <= 3000:
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    return out


def find_cued_names(text: str) -> list[Span]:
    out = _quoted(text) + _lower_initial_surnames(text) + _last_comma_first(text)
    for m in GREETING.finditer(text):
        name = m.group("name")
        if _possessive_its(m):
            continue
        short = len(name) <= 3 and (name.isupper() or name.islower()) and get_lexicon().zipf(name) < 3.6
        if (short and _plain_word(name)) or (len(name) > 3 and namey(name, common=3.6)) or _introduced(m):
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    out += [
        (m.start("name"), m.end("name"), "PERSON", 0.85)
        for m in INTRO_CREDENTIAL.finditer(text)
        if all(_plain_word(w) for w in m.group("name").split())
    ]
    out += [
        (m.start("name"), m.end("name"), "PERSON", 0.85)
        for m in LOWER_TITLE.finditer(text)
        if _plain_word(m.group("name")) and get_lexicon().zipf(m.group("name")) < 4.5
    ]
    out += [(*m.span(_present(m)), "PERSON", 0.85) for m in TITLE_INITIAL.finditer(text)]
    out += _by_and_speakers(text) + _sign_off(text)
    out += [
        (m.start(g), m.end(g), "PERSON", 0.85)
        for m in CJK_NAME.finditer(text)
        for g in ("name", "name2")
        if m.group(g) and m.group(g) not in CLINICAL  # "보호자 교육 (caregiver training)": a form word
    ]
    for m in DASH_INITIALS.finditer(text):
        letters = re.sub(r"[ .\t]", "", m.group("name"))
        if letters not in _NOT_INITIALS and not p.PROTECTED_WORDS_RE.fullmatch(letters):
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    return out


def _by_and_speakers(text: str) -> list[Span]:
    out: list[Span] = []
    for m in BY_CUE.finditer(text):
        name = m.group("name").rstrip(".")
        short = len(name) <= 3 and get_lexicon().zipf(name) < 3.6
        if (short and _plain_word(name)) or (len(name) > 3 and namey(name)):
            out.append((m.start("name"), m.start("name") + len(name), "PERSON", 0.85))
    for m in CHAT_SPEAKER.finditer(text):
        if _plain_word(m.group("name")):
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    for m in CHAT_HEADER.finditer(text):
        if all(_plain_word(w.rstrip(".")) for w in m.group("name").split()):
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    return out


_LAST_LINE = re.compile(r"[ \t]*(?:[-–—~][ \t]*)?(?P<name>[A-Z][a-z]{2,14}+)[ \t]*")


# The last line of a message quoted inside a longer text: after a sentence, before a blank line ("Monday.\nTerry\n\n")
_BLOCK_LAST_LINE = re.compile(r"(?<=[.!?,])[ \t]*\r?\n(?P<line>[^\n]{1,24}+)\r?\n[ \t]*(?=\r?\n)")


def _sign_off(text: str) -> list[Span]:
    """A message signed with a first name alone on its last line: "...call back Monday.\nTerry", also when the
    message is quoted before more text (its last line then comes after a sentence and before a blank line)."""
    body = text.rstrip()
    start = body.rfind("\n") + 1
    lines = [(start, len(body))] if start else []
    lines += [m.span("line") for m in _BLOCK_LAST_LINE.finditer(text)]
    out: list[Span] = []
    for begin, end in lines:
        m = _LAST_LINE.fullmatch(text, begin, end)
        if m is None:
            continue
        name = m.group("name")
        first = get_lexicon().first_rank(name)
        if 0 < first <= 3000 and namey(name):
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    return out
