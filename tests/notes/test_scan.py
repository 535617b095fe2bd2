"""`scan.finditer` skips a Python pattern only when it cannot match: the RE2 probe of each pattern the
extractor guards this way must find a match wherever the pattern does (checked on random ASCII text
made of the pattern's own words), and the translation of Python syntax for RE2 is checked directly."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from assistant.notes import (
    actors,
    checks_claim,
    checks_documentation,
    context,
    demo,
    extract,
    instructions,
    kin,
    nlp,
    patients,
    patterns,
    presence,
    scan,
    screen,
    times,
    timing,
    whereabouts,
)

# (pattern, necessary) as the modules pass them to scan.finditer
GUARDED = {
    "presence._NAMED_ABSENT": (presence._NAMED_ABSENT, None),
    "presence._TITLED_NAME": (presence._TITLED_NAME, None),
    "presence._CAREGIVERS_OF": (presence._CAREGIVERS_OF, None),
    "presence._AWAY": (presence._AWAY, presence._AWAY_BODY),
    "presence._PRESENT_NO": (presence._PRESENT_NO, presence._PRESENT_ASKED),
    "presence._PRESENT_YES": (presence._PRESENT_YES, presence._PRESENT_ASKED),
    "context._DIRECT_CARE_SESSION": (context._DIRECT_CARE_SESSION, None),
    "demo._LABELLED_NAME": (demo._LABELLED_NAME, None),
    "patterns._ROLE_WORDS": (patterns._ROLE_WORDS, patterns._ROLE_WORDS_BODY),
    "patterns._CODE_TOKEN": (patterns._CODE_TOKEN, patterns._CODE_SHAPE),
    "screen._GUIDELINE": (screen._GUIDELINE, None),
    "checks_documentation._TRAINING_HEADING": (checks_documentation._TRAINING_HEADING, None),
    "checks_documentation._CONTENT_LABEL": (checks_documentation._CONTENT_LABEL, checks_documentation._CONTENT_LINE),
    "instructions._LINE": (instructions._LINE, None),
    "whereabouts._NAMED_GATE": (whereabouts._NAMED_GATE, None),
    "instructions._INLINE": (instructions._INLINE, None),
    "instructions._REQUEST": (instructions._REQUEST, None),
    "instructions._IMPERATIVE": (instructions._IMPERATIVE, None),
    "screen._EMPTY_FIELD": (screen._EMPTY_FIELD, None),
    "screen._YES_NO_BLANK": (screen._YES_NO_BLANK, None),
    "screen._LINE_WITH_OPEN_BOX": (screen._LINE_WITH_OPEN_BOX, None),
    "screen._FORM_TEXT": (screen._FORM_TEXT, None),
    "screen._CHECKLIST_HEAD": (screen._CHECKLIST_HEAD, None),
    "screen._CHECKLIST_LINE": (screen._CHECKLIST_LINE, None),
    "screen._PASTED_LINE": (screen._PASTED_LINE, None),
    "screen._CHECKLIST_ITEM": (screen._CHECKLIST_ITEM, screen._ITEM_NEEDS),
    # searched with scan.search (the probe is the same as finditer's)
    "checks_documentation._REPRESENTATIVE": (checks_documentation._REPRESENTATIVE, None),
    "checks_documentation._NOT_ASKED": (checks_documentation._NOT_ASKED, None),
    "checks_documentation._CAREGIVER_AGREES": (checks_documentation._CAREGIVER_AGREES, None),
    "checks_documentation._DECIDES_FOR_SELF": (checks_documentation._DECIDES_FOR_SELF, None),
    "checks_documentation._IN_PLACE": (checks_documentation._IN_PLACE, None),
    "context._CO_TREAT": (context._CO_TREAT, None),  # perf17: once per note, Python tried it at every position
    # finditer with what every match holds (perf16: Python's `re` tried these at every position of every note)
    "times._DOTTED_RANGE": (times._DOTTED_RANGE, times._DOTTED_NEEDS),
    "timing._NOT_FIGURE": (timing._NOT_FIGURE, None),
}
_GLUE = [" ", " ", "  ", "\n", "\t", "\x0b", "\x1c", ".", ",", ":", ";", "-", "'", "(", ")", "[", "]", "x", "?", "1"]
_CATEGORY = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_WORD": "abzAZ09_",
    "CATEGORY_SPACE": " \t\n\x0b\x0c\r\x1c\x1f",
    "CATEGORY_NOT_SPACE": "a.Z-",
}


def _sample(rng: random.Random, items: Any, groups: dict[int, str]) -> str:
    """A string that an sre parse tree (sometimes: lookarounds and \\b are ignored) matches."""
    out = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "NOT_LITERAL":
            out.append(rng.choice([c for c in "a .:-\n" if ord(c) != av]))
        elif name == "ANY":
            out.append(rng.choice("a .:-"))
        elif name == "IN":
            out.append(_pick(rng, av))
        elif name == "BRANCH":
            out.append(_sample(rng, rng.choice(av[1]), groups))
        elif name == "SUBPATTERN":
            text = _sample(rng, av[3], groups)
            groups[av[0]] = text
            out.append(text)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = av
            out += [_sample(rng, body, groups) for _ in range(rng.randint(low, min(high, low + 3)))]
        elif name == "GROUPREF":
            out.append(groups.get(av, ""))
    return "".join(out)


def _pick(rng: random.Random, charset: list[tuple[Any, Any]]) -> str:
    op, av = rng.choice(charset)
    name = str(op)
    if name == "LITERAL":
        return chr(av)
    if name == "RANGE":
        return chr(rng.randint(*av))
    if name == "CATEGORY":
        return rng.choice(_CATEGORY.get(str(av), "a"))
    if name == "NEGATE":
        return rng.choice("a Z0.-\n")
    return "a"


def _text(rng: random.Random, tree: Any) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        piece = _sample(rng, tree, {})
        piece = rng.choice([piece, piece, piece.upper(), piece.lower(), piece.capitalize()])
        if rng.random() < 0.3 and piece:  # break it somewhere
            i = rng.randrange(len(piece))
            piece = piece[:i] + rng.choice(_GLUE) + piece[i + 1 :]
        parts += [rng.choice(_GLUE) * rng.randint(0, 2), piece]
    return "".join(parts)


# characters beyond ASCII of every kind the stand-in tells apart (shadow.py): letters, spaces, symbols, a folding
# letter, digits beyond ASCII, and characters the patterns name themselves
_BEYOND = ["é", "Ó", "ñ", "\u00a0", "\u2009", "—", "–", "’", "☐", "☑", "•", "😀", "²", "K", "ı", "٣", "\u200b"]


def _beyond(rng: random.Random, text: str) -> str:
    """`text` with one to three characters beyond ASCII put in, in place of one or between two."""
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(_BEYOND) + text[at + rng.choice([0, 1]) :]
    return text


def _same_matches(name: str, pattern: re.Pattern[str], guarded: Callable[[str], Any], beyond: bool = False) -> int:
    """How many of 3,000 texts generated from `pattern` match; `guarded(text)` must find what finditer does.
    `beyond`: each text gets characters beyond ASCII (RE2 then reads its stand-in)."""
    tree = list(_parser.parse(pattern.pattern, pattern.flags))
    rng = random.Random(name)
    hits = 0
    for _ in range(3000):
        text = _text(rng, tree)
        text = _beyond(rng, text) if beyond else text
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in guarded(text)] == expected, (name, text)
        hits += bool(expected)
    return hits


@pytest.mark.slow  # generated texts per pattern: the full suite runs them
@pytest.mark.parametrize("name", sorted(GUARDED))
def test_probe_finds_a_match_wherever_the_pattern_does(name: str) -> None:
    pattern, necessary = GUARDED[name]
    hits = _same_matches(name, pattern, lambda text: scan.finditer(pattern, text, necessary))
    assert hits >= 50, f"{name}: the random texts matched only {hits} times"


@pytest.mark.slow  # generated texts per pattern: the full suite runs them
@pytest.mark.parametrize("name", sorted(GUARDED))
def test_probe_reads_the_stand_in_of_text_beyond_ascii(name: str) -> None:
    pattern, necessary = GUARDED[name]
    hits = _same_matches(name, pattern, lambda text: scan.finditer(pattern, text, necessary), beyond=True)
    assert hits >= 20, f"{name}: the random texts matched only {hits} times"


def test_translation_spells_out_python_whitespace() -> None:
    assert scan._as_re2(r"a\sb[^\s,]", False) == r"a[\t-\r\x1c-\x1f ]b[^\t-\r\x1c-\x1f ,]"
    assert scan._as_re2(r"[]\s]x", False) == r"[]\t-\r\x1c-\x1f ]x"
    assert scan._as_re2(r"^a$", True) == r"(?m)^a$"
    with pytest.raises(ValueError):
        scan._as_re2(r"a$", False)
    with pytest.raises(ValueError):
        scan._as_re2(r"[^\S]", False)


def test_non_ascii_text_is_always_scanned_by_python() -> None:
    # "K" (Kelvin sign) is "k" to Python's ignore-case matching, not to RE2
    pattern = re.compile(r"\bkg\b", re.I)
    assert [m.group(0) for m in scan.finditer(pattern, "5 \u212ag")] == ["\u212ag"]
    assert list(scan.finditer(pattern, "5 lb")) == []


# Patterns rewritten to start with a literal or a character class (which `re` scans for in C), beside
# the form they had: both must find the same matches.
REWRITTEN = {
    "extract._WRAPPED": (extract._WRAPPED, r"(?<=[a-z,])\n(?=[a-z])", "ab,\n- \t"),
    "patterns._ICD_DOTTED": (
        patterns._ICD_DOTTED,
        r"(?=[A-TV-Z])(?<![\w.])(?P<code>[A-TV-Z]\d[0-9AB]\.[0-9A-Z]{1,4})(?!\w|\.\w)",
        "AUVM0123AB9.. ,\n\tab_é-x",
    ),
    "patterns._ICD_BARE": (
        patterns._ICD_BARE,
        r"(?=[A-TV-Z])(?<![\w.])(?P<code>[A-TV-Z]\d[0-9AB])(?!\w|\.\w)",
        "AUVM0123AB9.. ,\n\tab_é-x",
    ),
}


@pytest.mark.slow  # generated texts per pattern: the full suite runs them
@pytest.mark.parametrize("name", sorted(REWRITTEN))
def test_rewritten_patterns_match_as_before(name: str) -> None:
    pattern, before, alphabet = REWRITTEN[name]
    original = re.compile(before, pattern.flags)
    rng = random.Random(name)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
            (m.span(), m.groups()) for m in original.finditer(text)
        ], text


def test_long_run_candidate_is_found_wherever_a_long_run_is() -> None:
    probe = scan.compiled(nlp._LONG_RUN_CANDIDATE)
    rng = random.Random(7)
    rare = ["é", "\u00a0", "\u2003", " ", "\x1c", "\n", "\x0b", "-"]
    runs = 0
    for _ in range(3000):
        text = "".join("a" if rng.random() < 0.98 else rng.choice(rare) for _ in range(90))
        if nlp._LONG_RUN.search(text):
            runs += 1
            assert probe.search(text) is not None, text
    assert runs > 100


def test_spans_of_ascii_and_other_text() -> None:
    assert list(scan.spans(r"\bpt\b", "pt and PT")) == [(0, 2), (7, 9)]
    assert list(scan.spans(r"\bpt\b", "é pt and PT")) == [(2, 4), (9, 11)]


@pytest.mark.parametrize("names", [["Ann", "Anna", "Bo", "Nan"], ["Ann", "Lee-Ann", "O'Neil"], []])
def test_name_spans_as_the_names_pattern_finds_them(names: list[str]) -> None:
    pattern = presence._names_pattern(frozenset(names)) if names else None
    rng = random.Random(11)
    glue = [" ", "-", "'", "a", "A", "_", "1", "\n", ".", "é", "Ann", "nna"]
    for _ in range(5000):
        text = "".join(rng.choice(names + glue) for _ in range(rng.randint(0, 10)))
        expected = [m.span() for m in pattern.finditer(text)] if pattern else []
        assert presence.name_spans(frozenset(names), text) == expected, text


# (pattern searched in slices of the note, what every match contains) as the checks pass them to may_contain
SLICE_GUARDED = {
    "consent video": (checks_documentation._ABOUT_VIDEO, checks_documentation._ABOUT_VIDEO_WORDS),
    "consent plan": (checks_documentation._CONSENT_PLAN, checks_documentation._PLAN_WORDS),
    "consent pending": (checks_documentation._PENDING, checks_documentation._PENDING_WORDS),
    "written": (extract._WRITTEN, extract._WRITTEN_WORDS),
    "verbal": (extract._VERBAL, extract._VERBAL_WORDS),
    "patient and": (presence._PATIENT_AND, presence._PATIENT_AND.pattern),
    "he or she": (presence._PRONOUN_BEFORE, presence._HE_OR_SHE),
    "future": (demo._FUTURE, demo._FUTURE_WORDS),
    "qualified": (demo._RD_QUALIFIED, demo._QUALIFIED_WORDS),
}


WINDOWS_ONLY = {"patient and", "he or she"}


@pytest.mark.slow  # generated texts per pattern: the full suite runs them
@pytest.mark.parametrize("name", sorted(SLICE_GUARDED))
def test_may_contain_wherever_a_slice_matches(name: str) -> None:
    pattern, necessary = SLICE_GUARDED[name]
    tree = list(_parser.parse(pattern.pattern, pattern.flags))
    rng = random.Random(name)
    hits = 0
    for _ in range(3000):
        text = _text(rng, tree)
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        # a slice or a window of the note, as the checks search them (the probe is sound for the ones below
        # that are searched in slices only when it needs no word boundary at its edges)
        if pattern.search(text, a, b) or (name not in WINDOWS_ONLY and pattern.search(text[a:b])):
            hits += 1
            assert scan.may_contain(necessary, text), (name, text, a, b)
    assert hits >= 50
    assert not scan.may_contain(necessary, "nothing to see here")


def test_spans_are_the_wrappers_matches() -> None:
    rng = random.Random(5)
    for pattern in (presence._PATIENT_WORDS, presence._CAREGIVER_WORDS, r"x*", r"\b", r"a|b\b"):
        for _ in range(500):
            text = "".join(rng.choice(["pt", "wife", " ", "x", "a", "b", "-", "\n", "patients"]) for _ in range(12))
            assert list(scan.spans(pattern, text)) == [m.span() for m in scan.compiled(pattern).finditer(text)]


# (pattern, what each match holds) as the extractors pass them to line_finditer: no match holds a line break
LINE_GUARDED = {
    "content label": (checks_documentation._CONTENT_LABEL, checks_documentation._CONTENT_LINE),
    "patient field": (patients._FIELD, patients._FIELD.pattern),
}
_LINES = ["\n", "\n\n", ". ", "; ", ".\n", "\n  - "]


@pytest.mark.slow  # generated texts per pattern: the full suite runs them
@pytest.mark.parametrize("beyond", [False, True])
@pytest.mark.parametrize("name", sorted(LINE_GUARDED))
def test_line_finditer_finds_what_finditer_finds(name: str, beyond: bool) -> None:
    pattern, necessary = LINE_GUARDED[name]
    rng = random.Random(name)

    def lines(text: str) -> list[re.Match[str]]:  # several generated lines in one text, joined by breaks
        more = [_text(rng, list(_parser.parse(pattern.pattern, pattern.flags))) for _ in range(rng.randint(0, 3))]
        whole = "".join(part + rng.choice(_LINES) for part in [text, *more])
        assert [(m.span(), m.groups()) for m in scan.line_finditer(pattern, whole, necessary)] == [
            (m.span(), m.groups()) for m in pattern.finditer(whole)
        ], whole
        return list(pattern.finditer(text))

    assert _same_matches(name, pattern, lines, beyond=beyond) >= (20 if beyond else 50)


def test_line_finditer_reads_each_line_once() -> None:
    pattern = re.compile(r"(?:^|(?<=\.\s))[ \t]*taught:[ \t]*(?P<body>[^\n]+)", re.I | re.M)
    text = "x\nTaught: a. taught: b\nno\n\nTAUGHT:c\nlast. Taught: d"
    assert [m["body"] for m in scan.line_finditer(pattern, text, "taught:")] == ["a. taught: b", "c", "d"]
    assert list(scan.line_finditer(pattern, "nothing here\n" * 3, "taught:")) == []


# (pattern, where its matches can start) as the extractors pass them to sparse_finditer
SPARSE = {
    "dates": (patterns._DATE, patterns._DATE_STARTS),
    "codes": (patterns._CODE_TOKEN, patterns._CODE_SHAPE),
    "credentials": (patterns._CREDENTIAL, patterns._CRED_ALT),
    "spelled credentials": (patterns._SPELLED, patterns._SPELLED_STARTS),
    "clock times": (times._TOKEN, times._TOKEN_STARTS),
    "durations": (times._DURATION, times._DURATION_STARTS),
    "icd dotted": (patterns._ICD_DOTTED, patterns._ICD_SHAPE + r"\."),
    "icd bare": (patterns._ICD_BARE, patterns._ICD_SHAPE),
    # a pattern whose starts are the pattern itself (minus a lookahead): RE2 finds each match, Python reads its groups
    "patient acts": (actors._ACTED, actors._ACTED_STARTS),
    "patient watched": (actors._WATCHED, actors._WATCHED_STARTS),
    "kin away": (actors._KIN_AWAY, actors._KIN_AWAY.pattern),
    "loose range lead": (times._LOOSE_LEAD, times._LOOSE_LEAD.pattern),
    "labelled total": (times._LABELLED_TOTAL, times._LABELLED_TOTAL_STARTS),
    "kin and name": (kin.KIN_NAME, kin._KIN_STARTS),
    "kx passed": (checks_claim._KX_PASSED, checks_claim._KX_PASSED.pattern),
    "year-to-date amount": (checks_claim._YTD_AMOUNT, checks_claim._YTD_AMOUNT.pattern),
    "patient label and name": (presence._PATIENT_NAME, presence._PATIENT_STARTS),
    **{
        f"whereabouts {name}": (pattern, whereabouts._PROBES.get(id(pattern), pattern.pattern))
        for name, pattern in (
            ("elsewhere", whereabouts._ELSEWHERE), ("pt at", whereabouts._PT_AT), ("taken", whereabouts._TAKEN),
            ("collected", whereabouts._COLLECTED), ("alone", whereabouts._ALONE), ("named at", whereabouts._NAMED_AT),
            ("joined part", whereabouts._JOINED_PART), ("beside us", whereabouts._BESIDE_US),
            ("throughout", whereabouts._THROUGHOUT), ("takes part", whereabouts._TAKES_PART),
            ("handled named", whereabouts._HANDLED_NAMED), ("arrives", whereabouts._ARRIVES),
        )
    },
}


@pytest.mark.slow  # generated texts per pattern: the full suite runs them
@pytest.mark.parametrize("name", sorted(SPARSE))
def test_sparse_finditer_finds_what_finditer_finds(name: str) -> None:
    pattern, starts = SPARSE[name]
    hits = _same_matches(name, pattern, lambda text: scan.sparse_finditer(pattern, text, starts))
    # the generator seldom writes a whole "beside us" clause (its words must line up): fewer matching texts
    assert hits >= (50 if name == "whereabouts beside us" else 300), hits


@pytest.mark.slow  # generated texts per pattern: the full suite runs them
@pytest.mark.parametrize("name", sorted(SPARSE))
def test_sparse_finditer_reads_the_stand_in_of_text_beyond_ascii(name: str) -> None:
    pattern, starts = SPARSE[name]
    hits = _same_matches(name, pattern, lambda text: scan.sparse_finditer(pattern, text, starts), beyond=True)
    assert hits >= 20, hits


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (patterns._DOS_LABEL, patterns._DOS_LABEL_WORDS),
        (patterns._OTHER_DATE_LABEL, patterns._OTHER_LABEL_WORDS),
    ],
)
def test_date_label_words_are_in_every_match(pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
    tree = list(_parser.parse(pattern.pattern, pattern.flags))
    rng = random.Random(pattern.pattern)
    hits = 0
    for _ in range(3000):
        text = _text(rng, tree)
        m = pattern.search(text)
        if m is not None and text.isascii():
            hits += 1
            assert any(w in m.group(0).lower() for w in words), text
    assert hits >= 100, hits


@pytest.mark.parametrize(
    "name, pattern, necessary",
    [
        (name, pattern, necessary)
        for name, (pattern, necessary) in sorted(GUARDED.items())
        if "documentation._" in name or name == "context._CO_TREAT"
    ],
)
def test_search_finds_what_the_pattern_finds(name: str, pattern: re.Pattern[str], necessary: str | None) -> None:
    tree = list(_parser.parse(pattern.pattern, pattern.flags))
    rng = random.Random(name)
    hits = 0
    for _ in range(1000):
        text = _text(rng, tree)
        expected = pattern.search(text)
        found = scan.search(pattern, text, necessary)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
        hits += expected is not None
    assert hits >= 100, hits


def test_ocr_letters_reads_ascii_words_as_the_python_pattern_does() -> None:
    rng = random.Random(11)
    alphabet = "aO0l1I.-_ x9G\n"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        expected = extract._OCR_WORD.sub(lambda m: extract._ocr_word(m.group(0)), text)
        assert extract._ocr_letters(text) == expected, text
    fixed = extract._ocr_letters("97550x1 pt at h0me, CAREG1VER n0t present")
    assert fixed == "97550x1 pt at home, CAREGIVER not present"


def test_ocr_digit_matches_lie_where_their_gate_finds_something() -> None:
    rng = random.Random(12)
    alphabet = "0O1lIo3 :/.-\nAx"
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        if extract._OCR_DIGIT.search(text):
            hits += 1
            assert scan.may_contain(extract._OCR_DIGIT_NEAR, text), text
    assert hits > 1000
    assert extract._ocr_digits("1O:3O to 10:l5 on O3/O4/2026") == "10:30 to 10:15 on 03/04/2026"
    assert extract._ocr_digits("TIME O9:15 - 1O:O3") == "TIME 09:15 - 10:03"  # a letter after a letter


@pytest.mark.parametrize("names", [set(), {"Ana"}, {"Mary Jo", "O'Neil", "Jean-Luc"}])
def test_sparse_search_finds_what_search_finds_for_the_caregiver_subject(names: set[str]) -> None:
    pattern, head = demo._subject_pattern(names)
    words = ["she", "wife", "Ana", "Mary Jo", "then", "demonstrated", "did", "it", "safely", ".", ";", "\n", " ", "x"]
    rng = random.Random(len(names))
    hits = 0
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        pos = rng.randint(0, len(text))
        expected = pattern.search(text, pos)
        found = scan.sparse_search(pattern, text, head, pos)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
        hits += expected is not None
    assert hits >= 100, hits


def test_probes_are_found_by_pattern_identity_and_survive_a_full_cache() -> None:
    """The probe cache is keyed by the pattern's id (hashing a compiled pattern hashes its program): each entry holds
    its pattern, a full cache is emptied, and every pattern still gets the probe of its own source."""
    built = [re.compile(rf"\bword{i}\b", re.I) for i in range(scan.PROBE_CACHE + 10)]
    for i, pattern in enumerate(built):
        assert scan._probe(pattern, None).search(f"a WORD{i} b".encode()) is not None
        assert scan._probe(pattern, None).search(f"a word{i + 1} b".encode()) is None
    assert len(scan._PROBED) <= scan.PROBE_CACHE
    first = re.compile(r"\bfirst\b")
    assert scan._probe(first, None) is scan._probe(first, None)  # found again, not compiled again
    assert scan._probe(first, r"fir") is not scan._probe(first, None)  # its own probe per `necessary`
