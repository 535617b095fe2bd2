"""Codes, years and days spoken into a dictation app, written back as digits (pure).

    spell_codes("what does medicare pay for nine seven five five too in twenty twenty four after march ninth")
    # -> "what does medicare pay for 97552 in 2024 after march 9"

Speech-to-text writes a code as the words it heard: digit by digit ("nine seven five five zero"), in pairs
("ninety seven five fifty"), with a letter in front ("G zero five forty one", "gee oh five four three") and with
homophones ("too" for two). A run of number words is joined into digits only when the digits make something the rest
of `understand` reads: a CPT code (9xxxx), a HCPCS code (G0xxx, K0xxx), a year (2023-2030), a CARC with its group
("C O fifty" -> CO-50) or a RARC ("N one twenty two" -> N122); any other run (seven residents, forty five minutes) is
left as written, because those words are read elsewhere and echoed back as the asker wrote them. A day spoken as an
ordinal after a month ("march ninth", "october thirtieth") becomes its number.

Linear in the text: one pass over its words.
"""

from __future__ import annotations

import itertools
import re

_DIGITS = {"zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "too": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30}
# words that may stand for zero or two only inside a run of number words, never opening one
_INSIDE_ONLY = frozenset({"oh", "o", "too"})
# the letter a code is spoken with ("gee", "G"); a group code spelled out ("C O", "P R"); a RARC's letter
_LETTER = {"g": "G", "gee": "G", "k": "K", "kay": "K"}
_GROUPS = {("c", "o"): "CO", ("p", "r"): "PR", ("o", "a"): "OA", ("p", "i"): "PI"}
_GROUP_WORDS = {"co": "CO", "pr": "PR", "oa": "OA", "pi": "PI"}
_RARC = {"n": "N"}
_DX_LETTERS = {"z": "Z", "r": "R", "m": "M"}
_MONTH = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$", re.I)
_MAX_RUN = 8
_WORD = re.compile(r"[A-Za-z]+")
_NUMBER_WORDS = frozenset(_DIGITS) | frozenset(_TEENS) | frozenset(_TENS)


def _number_run(words: list[str], start: int, led: bool = False, end: int | None = None) -> tuple[str, int]:
    """The digits of the number words from `start` on ("ninety seven five fifty" -> "97550") and the index after them.
    A tens word takes a following digit word as its units ("forty one" -> 41); a teen or a digit is itself; "two
    thousand (and)" is the century of a year. `led`: a letter opens the run, so "oh" may be its first zero."""
    out: list[str] = []
    i = start
    # a code or a year is spoken in at most a few words: the cap keeps a long run of number words linear
    stop = min(len(words) if end is None else end, start + _MAX_RUN)
    while i < stop:
        w = words[i].lower()
        if not out and w == "two" and i + 1 < len(words) and words[i + 1].lower() == "thousand":
            out.append("20")
            i += 3 if i + 2 < len(words) and words[i + 2].lower() == "and" else 2
            continue
        if w in _TENS:
            nxt = words[i + 1].lower() if i + 1 < len(words) else ""
            if nxt in _DIGITS and _DIGITS[nxt] and nxt not in _INSIDE_ONLY:
                out.append(str(_TENS[w] + _DIGITS[nxt]))
                i += 2
                continue
            out.append(str(_TENS[w]))
        elif w in _TEENS:
            out.append(str(_TEENS[w]))
        elif w in _DIGITS and (out or led or w not in _INSIDE_ONLY):
            out.append(str(_DIGITS[w]))
        else:
            break
        i += 1
    return "".join(out), i


def _ordinal(words: list[str], i: int) -> tuple[int, int] | None:
    """The day spoken as an ordinal at `i` ("ninth", "twenty first", "thirty-first") and the index after it."""
    w = words[i].lower()
    if w in _TENS and i + 1 < len(words) and words[i + 1].lower() in _ORDINALS \
            and _ORDINALS[words[i + 1].lower()] < 10:
        return _TENS[w] + _ORDINALS[words[i + 1].lower()], i + 2
    if w in _ORDINALS:
        return _ORDINALS[w], i + 1
    return None


def _code(prefix: str, digits: str) -> str | None:
    """What the spoken digits (after an optional letter or group code) write, when it is a thing questions name."""
    if prefix in ("G", "K") and re.fullmatch(r"0\d{3}", digits):
        return prefix + digits
    if prefix in ("G", "Z", "R", "M"):  # an ICD-10-CM category: a letter and two digits ("g twenty" -> G20)
        return prefix + digits if re.fullmatch(r"\d{2}", digits) else None
    if prefix in ("CO", "PR", "OA", "PI"):
        return f"{prefix}-{digits}" if re.fullmatch(r"\d{1,3}", digits) else None
    if prefix == "N":
        return prefix + digits if re.fullmatch(r"\d{2,4}", digits) else None
    if re.fullmatch(r"9\d{4}", digits) or re.fullmatch(r"20(?:2[3-9]|30)", digits):
        return digits
    return None


def _prefix(words: list[str], i: int) -> tuple[str, int]:
    """A letter or a spelled group code before a run of number words ("G", "C O") and the index after it."""
    w = words[i].lower()
    if i + 1 < len(words) and (w, words[i + 1].lower()) in _GROUPS:
        return _GROUPS[(w, words[i + 1].lower())], i + 2
    if w in _LETTER:
        return _LETTER[w], i + 1
    if w in _GROUP_WORDS:
        return _GROUP_WORDS[w], i + 1
    if w in _RARC:
        return _RARC[w], i + 1
    if w in _DX_LETTERS:
        return _DX_LETTERS[w], i + 1
    return "", i


# punctuation a dictation app wrote out as words
_SPOKEN_MARKS = re.compile(r"\s*\b(?:question mark|comma)\b", re.I)


def spell_codes(text: str) -> str:
    """`text` with codes, years and ordinal days spoken in words written as digits; anything else unchanged."""
    text = _SPOKEN_MARKS.sub(lambda m: "?" if "question" in m.group(0).lower() else ",", text)
    found = list(_WORD.finditer(text))
    words = [m.group(0) for m in found]
    if not any(w.lower() in _NUMBER_WORDS or w.lower() in _ORDINALS or len(w) == 1 for w in words):
        return text
    # what stands between two words: a run may cross spaces and hyphens, nothing else
    seps = [text[a.end():b.start()] for a, b in itertools.pairwise(found)]
    out: list[str] = []
    at = 0  # how much of `text` is written out
    i = 0
    while i < len(words):
        taken = _replace_at(words, seps, i)
        if taken is None:
            i += 1
            continue
        written, after = taken
        out += [text[at:found[i].start()], written]
        at = found[after - 1].end()
        i = after
    return "".join(out) + text[at:]


# letters spelled one by one that make a modifier or an abbreviation the questions use ("c q", "k x", "a l j")
_SPELLED = frozenset({"CQ", "CO", "GP", "GO", "GN", "KX", "XE", "XP", "XS", "XU", "ALJ", "QIC", "MAC", "PTA", "OTA",
                      "COTA", "SLP", "SLPA", "NCCI", "MUE", "ABN", "POS", "DOS", "SNF", "CARC", "RARC", "EOB", "MSN",
                      "CMS", "HHA", "CORF", "FQHC", "LCD", "NCD", "RVU", "MBI"})
_LETTER_RUN = 5  # the longest abbreviation spelled


def _spelled(words: list[str], seps: list[str], i: int) -> tuple[str, int] | None:
    """The abbreviation spelled by the single letters from `i` ("k x" -> "KX"), and the index after them."""
    end = i
    while end < len(words) and end - i < _LETTER_RUN and len(words[end]) == 1 and _joined(seps, i, end + 1):
        end += 1
    for start in (i, i + 1):  # ("is a p t a": the article before the letters is no letter of them)
        run = "".join(words[start:end]).upper()
        if end - start >= 2 and run in _SPELLED and (start == i or words[i].lower() in ("a", "i")):
            return (run, end) if start == i else (f"{words[i]} {run}", end)
    return None


def _joined(seps: list[str], start: int, end: int) -> bool:
    """The words from `start` to `end` are separated only by spaces or hyphens."""
    return all(re.fullmatch(r"[ \t-]+", seps[j]) for j in range(start, end - 1) if j < len(seps))


def _phrase_end(seps: list[str], start: int, n: int) -> int:
    """The index after the last word joined to the word at `start` by spaces or hyphens only (looked at no further
    than a spoken code can run)."""
    i = start + 1
    while i < min(n, start + _MAX_RUN) and i - 1 < len(seps) and re.fullmatch(r"[ \t-]+", seps[i - 1]):
        i += 1
    return i


def _replace_at(words: list[str], seps: list[str], i: int) -> tuple[str, int] | None:
    """(the digits written for the spoken code, year or day at `i`, the index after it), or None."""
    if len(words[i]) == 1 and i > 0 and seps[i - 1][-1:] in ("'", "\u2019"):
        return None  # the "m" of "I'm", the "s" of "mom's": no letter of a code
    if _MONTH.match(words[i]) and i + 1 < len(words) and _joined(seps, i, i + 2):
        day = _ordinal(words, i + 1)
        if day is not None and 1 <= day[0] <= 31 and _joined(seps, i, day[1]):
            return f"{words[i]} {day[0]}", day[1]
    if len(words[i]) == 1 and (spelled := _spelled(words, seps, i)) is not None \
            and not (spelled[0] in _GROUP_WORDS.values() and spelled[1] < len(words)
                     and words[spelled[1]].lower() in _NUMBER_WORDS):  # ("C O fifty" is CO-50, below)
        return spelled
    prefix, start = _prefix(words, i)
    if start >= len(words) or not _joined(seps, i, start + 1):
        return None
    digits, end = _number_run(words, start, led=bool(prefix), end=_phrase_end(seps, start, len(words)))
    # two words at least ("nine seven ..."), unless a letter leads; only spaces and hyphens inside
    if not digits or (end - start < 2 and not prefix) or not _joined(seps, i, end):
        return None
    code = _code(prefix, digits)
    if code and re.fullmatch(r"[A-Z]\d{2}", code):  # "z ninety one point eight one", "g thirty five point a"
        code, end = _decimals(words, seps, code, end)
    return (code, end) if code else None


def _decimals(words: list[str], seps: list[str], code: str, end: int) -> tuple[str, int]:
    """A diagnosis code's characters after "point" (digits one by one, or a letter), up to four."""
    if end + 1 >= len(words) or words[end].lower() != "point" or not _joined(seps, end - 1, end + 2):
        return code, end
    out: list[str] = []
    i = end + 1
    while i < len(words) and len(out) < 4 and _joined(seps, end, i + 1):
        w = words[i].lower()
        if w in _DIGITS and w not in ("too",):
            out.append(str(_DIGITS[w]))
        elif len(w) == 1 and w.isalpha():
            out.append(w.upper())
        else:
            break
        i += 1
    return (f"{code}.{''.join(out)}", i) if out else (code, end)
