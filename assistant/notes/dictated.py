"""Billing lines and ICD-10-CM codes as dictation software writes them: "ninety seven five fifty, one unit, and
the add on one unit, modifier G O on both", "Diagnoses G three five point A and R two six point eight one".

Spoken numbers are read as a code only in a billing or diagnosis clause: after "bill", "billing", "charge",
"code", "CPT" (billing lines) or "diagnosis", "dx", "ICD", "code" (diagnosis codes), up to the end of that
sentence. Minutes, ages and clock times said elsewhere stay words. The clause is read word by word (one pass
over a bounded window per cue), so the cost stays linear in the note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from assistant.notes.lines import MAX_MENTIONS
from assistant.words import NUMBER_TENS, NUMBER_UNITS

_BILL_CUE = re.compile(r"\b(?:bill(?:ed|ing)?|charg(?:e|ed|es|ing)|cpt|codes?|coded|coding)\b", re.I)
_DX_CUE = re.compile(r"\b(?:diagnos[ie]s|diagnosis|dx|icd(?:[- ]?10)?(?:[- ]?cm)?|codes?)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+|\d+|[.,;:]")
CLAUSE_REACH = 300
_CLAUSE_END = re.compile(r"\.(?:\s|$)|\n|\bperiod\b|\bend (?:of )?dictation\b", re.I)
_DIGITS = {"zero": 0, "oh": 0, **{w: n for w, n in NUMBER_UNITS.items() if n <= 9}}
_TEENS = {w: n for w, n in NUMBER_UNITS.items() if n >= 10}
_ICD_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTVWXYZ")
# "modifier G O", "G P", "GP": a therapy or assistant modifier spelt out
_MODIFIERS = frozenset({"GP", "GO", "GN", "CQ", "CO", "KX"})
# "modifier G P and fifty nine": the numeric modifiers a claim line may carry, said as a number
_NUMERIC_MODIFIERS = frozenset({"59", "93", "95"})
_MODIFIER_LEADS = frozenset(
    {"modifier", "modifiers", "and", "plus", *(m.lower() for m in _MODIFIERS), "p", "o", "n", "q", "x"}
)
_NOT_MODIFIER_AFTER = frozenset({"minutes", "minute", "min", "mins", "units", "unit", "percent"})
_UNIT_WORDS = frozenset({"unit", "units"})
_TIMES_WORDS = frozenset({"times", "x", "by"})
ADDON_OF = {"97550": "97551", "G0541": "G0542", "G0539": "G0540"}
CODE_LENGTH = 5


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Spoken:
    """A code read from words: its value, where its words are, units and modifiers with their spans."""

    code: str
    span: tuple[int, int]
    units: int | None = None
    modifiers: tuple[str, ...] = ()
    modifier_spans: tuple[tuple[int, int], ...] = ()


def _tokens(text: str, a: int, b: int) -> list[_Tok]:
    return [_Tok(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, a, b)]


def _clauses(text: str, cue: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Each cue's clause: from the cue to the end of its sentence, bounded; overlapping clauses merged."""
    last = -1
    for m in islice(cue.finditer(text), MAX_MENTIONS):
        if m.start() < last:
            continue
        end = _CLAUSE_END.search(text, m.end(), m.end() + CLAUSE_REACH)
        last = end.start() if end else min(len(text), m.end() + CLAUSE_REACH)
        yield m.end(), last


def _number_run(toks: list[_Tok], i: int, limit: int = 0) -> tuple[str, int]:
    """Digits said by the words from toks[i] ("ninety seven five fifty" -> "97550", "two six" -> "26") and the
    index after them; with a `limit`, the run stops once it holds that many digits ("nine seven five five zero one
    unit": the code, then its count)."""
    digits = ""
    while i < len(toks) and not (limit and len(digits) >= limit):
        word = toks[i].text.lower()
        if word in NUMBER_TENS:
            nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
            # "fifty one unit": the digit before "unit" is the count, not the tens' ones
            if _DIGITS.get(nxt) and not (i + 2 < len(toks) and toks[i + 2].text.lower() in _UNIT_WORDS):
                digits += str(NUMBER_TENS[word] + _DIGITS[nxt])
                i += 2
                continue
            digits += str(NUMBER_TENS[word])
        elif word in _TEENS:
            digits += str(_TEENS[word])
        elif word in _DIGITS:
            digits += str(_DIGITS[word])
        else:
            break
        i += 1
    return digits, i


def _count(toks: list[_Tok], i: int) -> int | None:
    """A small count said as a word or a digit ("one", "2")."""
    if i >= len(toks):
        return None
    word = toks[i].text.lower()
    if word.isdigit() and len(word) <= 2:
        return int(word)
    value = _DIGITS.get(word) or _TEENS.get(word)
    return value or None


def _units(toks: list[_Tok], i: int) -> tuple[int | None, int]:
    """Units said after a code: "times one", "x 2", ", one unit", "two units"; the index after them."""
    j = i + 1 if i < len(toks) and toks[i].text == "," else i
    if j < len(toks) and toks[j].text.lower() in _TIMES_WORDS and (n := _count(toks, j + 1)):
        return n, j + 2
    if (n := _count(toks, j)) and j + 1 < len(toks) and toks[j + 1].text.lower() in _UNIT_WORDS:
        return n, j + 2
    if j < len(toks) and toks[j].text.lower() in _UNIT_WORDS and (n := _count(toks, j + 1)):
        return n, j + 2
    return None, i


def _modifier(toks: list[_Tok], i: int) -> tuple[str, tuple[int, int], int] | None:
    """ "G O", "GP": a modifier spelt out at toks[i], its span and the index after it; "(G P and) fifty nine": a
    numeric modifier said as a number, right after the word "modifier" or another modifier."""
    word = toks[i].text
    if word in _MODIFIERS:
        return word, (toks[i].start, toks[i].end), i + 1
    # a dictation typed all in lower case spells it "g o": two single letters, in either case
    pair = word + toks[i + 1].text if len(word) == 1 and i + 1 < len(toks) and len(toks[i + 1].text) == 1 else ""
    if pair and (word.isupper() or pair.islower()) and pair.upper() in _MODIFIERS:
        return pair.upper(), (toks[i].start, toks[i + 1].end), i + 2
    if (word.lower() in NUMBER_TENS or word.lower() in _DIGITS) and i and toks[i - 1].text.lower() in _MODIFIER_LEADS:
        digits, j = _number_run(toks, i, 2)
        after = toks[j].text.lower() if j < len(toks) else ""
        if digits in _NUMERIC_MODIFIERS and after not in _NOT_MODIFIER_AFTER:
            return digits, (toks[i].start, toks[j - 1].end), j
    return None


def _is_addon(toks: list[_Tok], i: int) -> bool:
    """ "the add on", "add-on": the add-on of the primary said before it."""
    return toks[i].text.lower() == "add" and i + 1 < len(toks) and toks[i + 1].text.lower() == "on"


def _code_at(toks: list[_Tok], i: int, known: frozenset[str]) -> tuple[str, int] | None:
    """A code said from toks[i]: five digits ("ninety seven five fifty") or a letter and four ("G oh five four
    one") that `known` holds, and the index after it."""
    word = toks[i].text
    letter = len(word) == 1 and word.isupper() and word != "I"
    digits, j = _number_run(toks, i + 1 if letter else i, CODE_LENGTH - letter)
    code = (word if letter else "") + digits
    if len(code) == 5 and code in known:
        return code, j
    return None


def spoken_codes(text: str, known: frozenset[str]) -> list[Spoken]:
    """Billing lines said in words in a billing clause, with their units and modifiers ("... modifier G O on
    both": modifiers said once after the last code go on every code of the clause)."""
    out: list[Spoken] = []
    for a, b in _clauses(text, _BILL_CUE):
        toks = _tokens(text, a, b)
        lines: list[dict[str, Any]] = []
        mods: list[tuple[str, tuple[int, int]]] = []
        i = 0
        while i < len(toks):
            found = _code_at(toks, i, known)
            if found is None and _is_addon(toks, i) and lines and lines[-1]["code"] in ADDON_OF:
                found = (ADDON_OF[lines[-1]["code"]], i + 2)
            if found is not None:
                units, k = _units(toks, found[1])
                lines.append({"code": found[0], "span": (toks[i].start, toks[found[1] - 1].end), "units": units,
                              "mods": []})
                i = k
                continue
            mod = _modifier(toks, i)
            if mod is not None and lines:
                lines[-1]["mods"].append(mod[:2])
                mods.append(mod[:2])
                i = mod[2]
                if lines[-1]["units"] is None:  # "ninety seven five fifty g o one unit": the count after the modifier
                    lines[-1]["units"], i = _units(toks, i)
                continue
            i += 1
        if lines and all(not line["mods"] for line in lines[:-1]):
            for line in lines[:-1]:
                line["mods"] = list(lines[-1]["mods"])
        out += [
            Spoken(line["code"], line["span"], line["units"], tuple(dict.fromkeys(m for m, _ in line["mods"])),
                   tuple(s for _, s in line["mods"]))
            for line in lines
        ]
    return out


def _icd_at(toks: list[_Tok], i: int) -> tuple[str, int] | None:
    """ "G three five point A", "R two six point eight one", "J forty four point nine": an ICD-10-CM code said
    from toks[i] (a capital letter, two digits, then "point" and up to four digits or capitals)."""
    word = toks[i].text
    if len(word) != 1 or word.upper() not in _ICD_LETTERS:
        return None
    digits, j = _number_run(toks, i + 1)
    if len(digits) != 2:
        return None
    code = word.upper() + digits
    pointed = j < len(toks) and toks[j].text.lower() in ("point", "dot")
    # a lower-case letter ("i six nine point three five one") is a code's only with its "point", or as the clause's
    # first word ("diagnosis g twenty"): elsewhere "a" and "i" are words
    if word.islower() and not pointed and i:
        return None
    if pointed:
        tail, k = "", j + 1
        while k < len(toks) and len(tail) < 4:
            part, nxt = _number_run(toks, k)
            if part:
                tail, k = tail + part, nxt
            elif len(toks[k].text) == 1 and toks[k].text.isalpha() and (toks[k].text.isupper() or len(tail) in (0, 3)):
                tail, k = tail + toks[k].text.upper(), k + 1  # lower case: "point a" (G35.A), a seventh character
            else:
                break
        if not tail or len(tail) > 4:
            return None
        return f"{code}.{tail}", k
    return code, j


def spoken_icd10(text: str) -> list[tuple[str, tuple[int, int]]]:
    """ICD-10-CM codes said in words in a diagnosis clause, with the span of their words."""
    out: list[tuple[str, tuple[int, int]]] = []
    for a, b in _clauses(text, _DX_CUE):
        toks = _tokens(text, a, b)
        i = 0
        while i < len(toks):
            found = _icd_at(toks, i)
            if found is None:
                i += 1
                continue
            out.append((found[0], (toks[i].start, toks[found[1] - 1].end)))
            i = found[1]
    return out
