"""Relative dates read against today (pure): "last March", "this year", "next January", "oct 3rd last year".

    resolve("fee for 97550 last march?", today=date(2026, 12, 1))  # -> "fee for 97550 March 2026?"

The words are rewritten into the absolute forms `understand` already reads ("March 2026", "2025", "Oct 3 2025"),
so a relative date takes the same path as a written one. Today comes from the caller's clock, never from the
system, so tests and evals fix it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_MONTH_NAMES = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
                r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH_NUMBER["sep"] = 9
# "march 4th this year", "oct 3rd last year": the day keeps its month and takes the year the words name
_YEAR_WORDS = re.compile(r"\b(this|last|next|previous)\s+(?:calendar\s+)?year\b|\bthe\s+year\s+before\b", re.I)
_YEARS_AGO = re.compile(r"\b(a|one|two|three|[1-9])\s+(?:years?|yrs?)\s+ago\b", re.I)
_AGO = {"a": 1, "one": 1, "two": 2, "three": 3}


def _years(word: str) -> int:
    """ "two years ago", "2 yrs ago", "a year ago": how many years back."""
    return int(word) if word.isdigit() else _AGO[word.lower()]


_AFTER_YEAR = re.compile(r"\bafter\s+(this|last|next|previous)\s+(?:calendar\s+)?year\b", re.I)
_RELATIVE_MONTH = re.compile(rf"\b(last|next|this|past)\s+(?P<name>{_MONTH_NAMES})\b(?!\s+\d)", re.I)
_RELATIVE_UNIT = re.compile(r"\b(last|next|this)\s+month\b", re.I)
_DAY_WORDS = re.compile(r"\b(today|yesterday|tomorrow)\b(?!'s\s+date)", re.I)
_YEAR_OFFSET = {"this": 0, "last": -1, "previous": -1, "next": 1}
_DAY_OFFSET = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _month_of(name: str) -> int:
    return _MONTH_NUMBER[name.lower()[:3]]


def _named_month(word: str, month: int, today: date) -> int:
    """The year of "last March" (the latest March before this month), "next January" (the first one after this
    month) or "this March" (this year's)."""
    word = word.lower()
    if word in ("last", "past"):
        return today.year if month < today.month else today.year - 1
    if word == "next":
        return today.year if month > today.month else today.year + 1
    return today.year


def _year_word(m: re.Match[str], today: date) -> str:
    if m.group(1) is None:  # "the year before": the year before this one
        return str(today.year - 1)
    return str(today.year + _YEAR_OFFSET[m.group(1).lower()])


def _month_word(m: re.Match[str], today: date) -> str:
    name = m.group("name")
    # "May" is also a verb: "this may be wrong" names no month, so May counts only before punctuation, a day or
    # the end
    if name.lower() == "may" and not re.match(r"\s*(?:$|[?.,;:!)]|\d|for\b|of\b|and\b|when\b)", m.string[m.end():]):
        return m.group(0)
    month = _month_of(name)
    return f"{calendar.month_name[month]} {_named_month(m.group(1), month, today)}"


def _unit_month(m: re.Match[str], today: date) -> str:
    shift = {"last": -1, "this": 0, "next": 1}[m.group(1).lower()]
    index = today.year * 12 + today.month - 1 + shift
    return f"{calendar.month_name[index % 12 + 1]} {index // 12}"


def _day_word(m: re.Match[str], today: date) -> str:
    return (today + timedelta(days=_DAY_OFFSET[m.group(1).lower()])).isoformat()


# "before 2025", "prior to 2026", "after 2024": the year on the other side of the one named
_BEFORE_YEAR = re.compile(r"\b(?:before|prior to|earlier than)\s+(20\d{2})\b(?![-/.]\d)", re.I)
_AFTER_YEAR_NAMED = re.compile(r"\b(?:after|later than)\s+(20\d{2})\b(?![-/.]\d)", re.I)


BOUNDED_YEAR = re.compile(rf"{_BEFORE_YEAR.pattern}|{_AFTER_YEAR_NAMED.pattern}", re.I)


def bounded_years(text: str) -> str:
    """ "is G0539 valid before 2025?" asks about 2024, "after 2025" about 2026: the year next to the one named."""
    text = _BEFORE_YEAR.sub(lambda m: f"in {int(m.group(1)) - 1}", text)
    return _AFTER_YEAR_NAMED.sub(lambda m: f"in {int(m.group(1)) + 1}", text)


_RELATIVE = (_AFTER_YEAR, _YEAR_WORDS, _YEARS_AGO, _RELATIVE_MONTH, _RELATIVE_UNIT, _DAY_WORDS)


def relative_phrase(text: str) -> str | None:
    """The question's own words for a relative date ("two years ago", "last march"), when it uses exactly one."""
    found = {m.group(0) for rx in _RELATIVE for m in rx.finditer(text)}
    return found.pop() if len(found) == 1 else None


def resolve(text: str, today: date | None) -> str:
    """`text` with its relative dates written out against `today`; unchanged when `today` is None."""
    if today is None:
        return text
    # "after next year": from the year after it on, so the year named is the one after
    text = _AFTER_YEAR.sub(lambda m: f"in {int(_year_word(m, today)) + 1}", text)
    text = _YEAR_WORDS.sub(lambda m: _year_word(m, today), text)
    text = _YEARS_AGO.sub(lambda m: f"in {today.year - _years(m.group(1))}", text)
    text = _RELATIVE_MONTH.sub(lambda m: _month_word(m, today), text)
    text = _RELATIVE_UNIT.sub(lambda m: _unit_month(m, today), text)
    return _DAY_WORDS.sub(lambda m: _day_word(m, today), text)
