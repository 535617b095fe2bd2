"""Project recognizers for Presidio: names, dates, identifiers and addresses.

Each finder is a plain function ``text -> [(start, end, entity, score)]``; ``ProjectRecognizer``
wraps one for Presidio's registry. Scores: >= STRONG marks a labelled/contextual detection that
may override the allow-list (``MRN: 97550`` or ``IL 62704``); heuristics stay below it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from presidio_analyzer import LocalRecognizer, RecognizerResult

from assistant.phi import patterns as p
from assistant.phi.names import brand_compound
from assistant.phi.vocab import KIN_WORDS, NEVER_NAMES

Span = tuple[int, int, str, float]
Finder = Callable[[str], list[Span]]
STRONG = 0.9

_WORD_OR_INITIAL = re.compile(rf"{p.UP}\.|{p.NAME_WORD}")


def _name_run(text: str, start: int, end: int, *, trailing: bool) -> tuple[int, int] | None:
    """The run of acceptable name words in ``text[start:end]`` (leading or trailing run)."""
    words = [(m.start() + start, m.end() + start, m.group()) for m in _WORD_OR_INITIAL.finditer(text[start:end])]
    if trailing:
        words.reverse()
    run: list[tuple[int, int, str]] = []
    while not trailing and words and words[0][2].lower() in KIN_WORDS:
        words.pop(0)  # an honorific or kin word before the name stays: "Patient: Hajj Abd al-Karim"
    for w in words:
        if run and _COLUMN_GAP.search(text, min(run[-1][1], w[1]), max(run[-1][0], w[0])):
            break  # a table's next column: "daily PRN          N. Abara, NP"
        if (
            ((len(w[2]) == 2 and w[2].endswith(".")) or p.is_name_word(w[2]))
            and _bare(w[2]) not in NEVER_NAMES
            and not brand_compound(w[2])
        ):
            run.append(w)
        else:
            break
    if trailing:
        run.reverse()
    while len(run) > 1 and _bare(run[0][2]) in KIN_WORDS:
        run.pop(0)  # "Lola Pacita (grandmother ...)": the name after the kin word
    while run and run[-1][2].endswith("."):  # never end a name on a bare initial
        run.pop()
    if not any(not w[2].endswith(".") for w in run):
        return None
    return run[0][0], run[-1][1]


_COLUMN_GAP = re.compile(r"[ ]{3}|\t")


def _bare(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s")


def find_names(text: str) -> list[Span]:
    from assistant.phi.vocab import payer

    return [span for span in _names_by_context(text) if not payer(text, span[0], span[1])]


_CLOCK = ("A.M.", "P.M.")
_ROMAN = re.compile(r"I{1,3}|IV|VI{0,3}|IX|XI{0,3}")


def _names_by_context(text: str) -> list[Span]:
    out: list[Span] = []
    for regex, score, trailing in (
        (p.TITLE_RE, 0.85, False),
        (p.RELATION_RE, 0.8, False),
        (p.NAME_RELATION_RE, 0.8, True),
        (p.LABEL_RE, 0.8, False),
        (p.SIGNATURE_RE, 0.85, True),
    ):
        for m in regex.finditer(text):
            run = _name_run(text, m.start("name"), m.end("name"), trailing=trailing)
            if run:
                out.append((run[0], run[1], "PERSON", score))
    out += [
        (m.start(group), m.end(group), "PERSON", 0.8)
        for regex in (p.INITIALS_RE, p.SIGNED_INITIALS_RE, p.HYPHEN_INITIALS_RE)
        for m in regex.finditer(text)
        for group in ("name", "name2")
        if group in regex.groupindex and m.group(group) and m.group(group).replace(" ", "").upper() not in _CLOCK
    ]
    out += [
        (m.start("name"), m.end("name"), "PERSON", 0.8)
        for m in p.KIN_INITIALS_RE.finditer(text)
        if m.group("name").lower() not in p.NOT_NAMES
        and not p.PROTECTED_RE.fullmatch(m.group("name"))
        and m.group("name") not in p.STATES
        and not _ROMAN.fullmatch(m.group("name"))  # "Provider Relations Rep II"
    ]
    return out + _lower_signatures(text) + _lower_titles(text) + _initials_lists(text) + _dotted_initials(text)


# Two to four dotted capitals standing alone, one pair maybe hyphenated: "by T.W.", '"J.R.B."', "E.M.B-L.".
_DOTTED = re.compile(r"(?<![\w.\-])[A-Z]\.(?:[A-Z](?:-[A-Z])?\.){1,3}+(?![\w\-])")


def _dotted_initials(text: str) -> list[Span]:
    """Dotted initials without a label are a person's: an abbreviation is written so only from a short list."""
    from assistant.phi.vocab import DOTTED_ABBREVIATIONS

    out: list[Span] = []
    for m in _DOTTED.finditer(text):
        letters = re.sub(r"[.\-]", "", m.group())
        if letters not in DOTTED_ABBREVIATIONS and not p.PROTECTED_WORDS_RE.fullmatch(letters):
            out.append((m.start(), m.end(), "PERSON", 0.8))
    return out


def _initials_lists(text: str) -> list[Span]:
    """Pairs of initials in a bracketed list after a word for people: "(LZ, DK, WY)"."""
    out: list[Span] = []
    for m in p.INITIALS_LIST_RE.finditer(text):
        if not p.PEOPLE_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
            continue
        for pair in re.finditer(r"[A-Z]{2}", m.group("list")):
            if pair.group().lower() not in p.NOT_NAMES and not p.PROTECTED_WORDS_RE.fullmatch(pair.group()):
                out.append((m.start("list") + pair.start(), m.start("list") + pair.end(), "PERSON", 0.8))
    return out


def _lower_signatures(text: str) -> list[Span]:
    """ "r. ybarra pt": every name word rare in English or a listed name, none a clinical word."""
    from assistant.phi.lexicon import get_lexicon
    from assistant.phi.names import PARTICLES

    lex = get_lexicon()
    out: list[Span] = []
    for m in p.LOWER_SIGNATURE_RE.finditer(text):
        words = [w for w in re.findall(r"[a-z][a-z'’\-]+", m.group("name")) if len(w) > 1 and w not in PARTICLES]
        initial = re.match(r"[a-z]\.", m.group("name")) is not None  # "j.park pta": any listed surname
        if words and all(
            w not in p.NOT_NAMES and (lex.zipf(w) < 4.0 or (lex.name_rank(w) and (initial or lex.zipf(w) < 5.0)))
            for w in words
        ):
            out.append((m.start("name"), m.end("name"), "PERSON", 0.85))
    return out


def _lower_titles(text: str) -> list[Span]:
    """ "mr okafor", "doctor of physical therapy hannah reyes": the first word a listed name or one English seldom
    uses; the next ones while they are too ("dr lee said" ends at "said")."""
    from assistant.phi.lexicon import get_lexicon
    from assistant.phi.names import CLINICAL, NEXT_SLOT, PARTICLES

    lex = get_lexicon()

    def namey(word: str) -> bool:
        if word in p.NOT_NAMES or word in CLINICAL or word in NEXT_SLOT or word.endswith(("ing", "ed")):
            return False
        parts = [x for x in re.split(r"['’\-]", word) if len(x) > 1]
        return bool(parts) and all(lex.zipf(x) < 3.5 or (lex.name_rank(x) and lex.zipf(x) < 5.0) for x in parts)

    out: list[Span] = []
    for m in p.LOWER_TITLE_RE.finditer(text):
        if not namey(m.group("name")):
            continue
        end = m.end()
        for _ in range(3):  # up to three more words: "hannah okonkwo-reyes", "maria de la cruz"
            nxt = _LOWER_NEXT.match(text, end)
            if nxt is None or not (namey(nxt.group(1)) or nxt.group(1) in PARTICLES):
                break
            end = nxt.end()
        while end > m.end() and text[m.start("name") : end].rsplit(" ", 1)[-1] in PARTICLES:
            end = m.start("name") + text[m.start("name") : end].rstrip().rfind(" ")
        out.append((m.start("name"), end, "PERSON", 0.85))
    return out


_LOWER_NEXT = re.compile(r"[ \t]+([a-z][a-z'’\-]*+)")


_MONTH_WORD = re.compile(p.MONTH, re.IGNORECASE)


def find_dates(text: str) -> list[Span]:
    from assistant.phi.dates import lower_month_is_date

    out: list[Span] = []
    for m in p.DATE_RE.finditer(text):
        month = _MONTH_WORD.search(m.group())
        if month and not month.group()[0].isupper() and not lower_month_is_date(m.group()):
            continue  # "may 2x/week" is not a date; "april 3" and "march 4 2025" are
        out.append((m.start(), m.end(), "DATE", 0.8))
    out += [(*_group(m, "id", "id2"), "DATE", 0.8) for m in p.DATE_NO_YEAR_RE.finditer(text)]
    if "_" in text:  # dates in file names: "consent_2025-03-04.pdf"
        out += [(m.start("id"), m.end("id"), "DATE", 0.8) for m in p.UNDERSCORE_DATE_RE.finditer(text)]
        out += [(m.start("id"), m.end("id"), "DATE", 0.8) for m in p.UNDERSCORE_SHORT_DATE_RE.finditer(text)]
    return out


def _group(m: re.Match[str], *names: str) -> tuple[int, int]:
    for name in names:
        if name in m.re.groupindex and m.group(name) is not None:
            return m.start(name), m.end(name)
    return m.start(), m.end()


def find_ids(text: str) -> list[Span]:
    from assistant.phi.shapes import code_after_weak_label

    out: list[Span] = []
    for regex, entity, score in (
        (p.MRN_RE, "MRN", 0.95),
        (p.NPI_RE, "NPI", 0.95),
        (p.ID_RE, "ID", 0.9),
        (p.SPACED_ID_RE, "ID", 0.9),
        (p.MBI_RE, "MBI", 0.9),
        (p.SPACED_MBI_RE, "MBI", 0.9),
        (p.LOOSE_MBI_RE, "MBI", 0.85),
        (p.FHIR_REF_RE, "ID", 0.85),
        (p.ACCOUNT_JOINED_RE, "ID", 0.9),
        (p.SPELLED_ID_RE, "ID", 0.9),
        (p.ACCESS_CODE_RE, "ID", 0.9),
        (p.PLATE_RE, "ID", 0.9),
        (p.LICENSE_RE, "ID", 0.9),
        (p.MASKED_ID_RE, "ID", 0.85),
        (p.CARD_TAIL_RE, "ID", 0.85),
        (p.SSN_RE, "SSN", 0.85),
        (p.PHONE_RE, "PHONE", 0.7),
        (p.URL_RE, "URL", 0.7),
        (p.EMAIL_RE, "EMAIL_ADDRESS", 0.9),
        (p.LONG_NUMBER_RE, "ID", 0.5),
        (p.AGE_RE, "AGE", 0.9),
    ):
        for m in regex.finditer(text):
            spaced = regex in (p.SPACED_ID_RE, p.SPELLED_ID_RE)
            if spaced and not p.ID_LABEL_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
                continue  # spaced groups are an id only after an id label
            if regex is p.ID_RE and code_after_weak_label(m.group("label"), m.group("id")):
                continue  # "Group: 97552 x1" is a billing line
            start, end = _group(m, "id", "id2", "last4")
            labelled = entity == "SSN" and (m.group("id") or m.group("last4")) is not None
            out.append((start, end, entity, 0.95 if labelled else score))
    out += [
        (m.start("id"), m.end("id"), "ID", 0.6)
        for m in p.LETTER_DASH_ID_RE.finditer(text)
        if sum(ch.isdigit() for ch in m.group("id")) >= 7
    ]
    out += [(m.start("id"), m.end("id"), "PHONE", 0.85) for m in p.PAGER_RE.finditer(text)]
    out += [
        (m.start("id"), m.end("id"), "ID", 0.9)
        for m in p.BARE_ID_RE.finditer(text)
        if not p.ORG_ID_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
    ]
    return out + _rare_ids(text)


def _rare_ids(text: str) -> list[Span]:
    """Shapes that need a character most notes lack: file-name numbers ("_"), chat handles ("@"), and a number
    given by its last digits ("claim number ends in 7 7 4 1"); a long number glued to a file name's label."""
    out: list[Span] = []
    if "_" in text:
        out += [(m.start(), m.end(), "ID", 0.6) for m in p.UNDERSCORE_NUMBER_RE.finditer(text)]
    if "@" in text:
        out += [(*_group(m, "id", "id2"), "ID", 0.85) for m in p.HANDLE_RE.finditer(text)]
    out += [(m.start(), m.end(), "ID", 0.6) for m in p.GLUED_FILE_NUMBER_RE.finditer(text)]
    if "/" in text:
        out += [(m.start("id"), m.end("id"), "URL", 0.85) for m in p.VIDEO_ROOM_RE.finditer(text)]
    if "end" in text.lower():
        out += [
            (m.start("id"), m.end("id"), "ID", 0.9)
            for m in p.ID_ENDING_RE.finditer(text)
            if p.ID_ENDING_LABEL_RE.search(text, max(0, m.start() - 40), m.start())
        ]
    return out


_BILLING_MODIFIERS = frozenset({"GP", "GO", "GN", "CQ", "CO", "KX", "XE", "XS", "XP", "XU", "GA", "GY", "GZ"})


def find_addresses(text: str) -> list[Span]:
    out: list[Span] = []
    for m in p.STREET_RE.finditer(text):
        words = re.findall(r"[A-Za-z]+", m.group())[:-1]
        if any(w in _BILLING_MODIFIERS for w in words):
            continue  # "97552 GN. Dr. ..." is a billed line and a title, not a street
        if any(w.lower() not in p.NOT_NAMES for w in words) or m.group().startswith("P"):
            out.append((m.start(), m.end(), "ADDRESS", 0.85))
            town = p.TOWN_AFTER_STREET_RE.match(text, m.end())
            if town and town.group("city").lower() not in p.NOT_NAMES:
                out.append((town.start("city"), town.end("city"), "ADDRESS", 0.85))
    if any(word in text for word in ("HWY", "Hwy", "Highway", "HIGHWAY")):
        out += [(m.start(), m.end(), "ADDRESS", 0.85) for m in p.HIGHWAY_LINE_RE.finditer(text)]
    for m in p.CITY_STATE_ZIP_RE.finditer(text):
        if p.PAYER_ID_BEFORE_RE.search(text, max(0, m.start("zip") - 40), m.start("zip")):
            continue  # "payer ID 01112" is an id's label and its value, not Idaho and a ZIP
        out.append((m.start("zip"), m.end("zip"), "ZIP", 0.95))
        if m.group("city"):
            out += _city(text, m)
    for m in p.CITY_STATE_RE.finditer(text):
        out += _city(text, m, score=0.7)
    for m in p.TOWN_ZIP_RE.finditer(text):
        if m.group("city").lower() not in p.NOT_NAMES:
            out += [(*m.span("city"), "ADDRESS", 0.8), (*m.span("zip"), "ZIP", 0.8)]
    for m in p.ZIP_LABEL_RE.finditer(text):
        out.append((m.start("zip"), m.end("zip"), "ZIP", 0.95))
    return out


_TOWN_TAILS = frozenset({"City", "Park", "Beach", "Village", "Springs", "Falls", "Heights", "Island", "Lake"})


def _city(text: str, m: re.Match[str], score: float = 0.9) -> list[Span]:
    words = list(re.finditer(r"[A-Za-z]+", m.group("city")))
    keep = []
    for w in reversed(words):  # the trailing run of words that are not clinical/common words
        if w.group().lower() in p.NOT_NAMES and not (w is words[-1] and len(words) > 1 and w.group() in _TOWN_TAILS):
            break  # "Dodge City", "Carson City" keep their last word
        keep.append(w)
    if not keep:
        return []
    base = m.start("city")
    return [(base + keep[-1].start(), base + keep[0].end(), "ADDRESS", score)]


class ProjectRecognizer(LocalRecognizer):
    """Adapts a finder function to Presidio's recognizer interface."""

    def __init__(self, name: str, entities: list[str], finder: Finder) -> None:
        self._finder = finder
        self._label = name
        super().__init__(supported_entities=entities, name=name, supported_language="en")

    def load(self) -> None:  # nothing to load: regular expressions only
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        meta = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self._label,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,  # context is already in the regex
        }
        wanted = set(entities or self.supported_entities)
        return [
            RecognizerResult(entity, start, end, score, recognition_metadata=dict(meta))
            for start, end, entity, score in self._finder(text)
            if entity in wanted and end > start
        ]


ID_ENTITIES = ("MRN", "NPI", "ID", "MBI", "SSN", "PHONE", "URL", "AGE", "EMAIL_ADDRESS")
FIELD_ENTITIES = ("PERSON", "ID", "DATE", "ADDRESS", "ZIP", "AGE", "PHONE", "EMAIL")


def project_recognizers() -> list[ProjectRecognizer]:
    from assistant.phi.ages import find_ages
    from assistant.phi.cues import find_cued_names
    from assistant.phi.dates import find_more_dates
    from assistant.phi.fields import find_fields
    from assistant.phi.names import find_name_words
    from assistant.phi.places import find_places as find_more_places
    from assistant.phi.shapes import find_shapes
    from assistant.phi.spoken import find_spoken
    from assistant.phi.whereabouts import find_whereabouts

    return [
        ProjectRecognizer("CtsNameRecognizer", ["PERSON"], find_names),
        ProjectRecognizer("CtsNameWordRecognizer", ["PERSON"], find_name_words),
        ProjectRecognizer("CtsCuedNameRecognizer", ["PERSON"], find_cued_names),
        ProjectRecognizer("CtsShapeRecognizer", ["ID", "DATE", "AGE", "ADDRESS", "PERSON", "PHONE"], find_shapes),
        ProjectRecognizer("CtsDateRecognizer", ["DATE"], find_dates),
        ProjectRecognizer("CtsIdRecognizer", [*ID_ENTITIES], find_ids),
        ProjectRecognizer("CtsAddressRecognizer", ["ADDRESS", "ZIP"], find_addresses),
        ProjectRecognizer("CtsMoreDatesRecognizer", ["DATE"], find_more_dates),
        ProjectRecognizer("CtsAgeRecognizer", ["AGE"], find_ages),
        ProjectRecognizer("CtsPlaceRecognizer", ["ADDRESS", "ZIP"], find_more_places),
        ProjectRecognizer("CtsWhereaboutsRecognizer", ["ADDRESS", "ZIP"], find_whereabouts),
        ProjectRecognizer("CtsSpokenRecognizer", ["PERSON", "ID", "DATE", "ADDRESS"], find_spoken),
        ProjectRecognizer("CtsFieldRecognizer", [*FIELD_ENTITIES], find_fields),
    ]
