"""The answer gate: no number, code or date in an answer sentence that its cited passages (or the
question itself) do not hold. Pure: text in, reasons out; an empty list means the answer passed.

It follows the letter gate of `assistant.drafting.gate` (facts found by kind in the output must be
found in the inputs), with a fact finder tuned to short billing answers: dollar amounts and
decimals ("$26.05", "2,410", "32.3465"), unit counts ("x2"), percentages, CPT/HCPCS and ICD-10-CM
codes, CARC/RARC codes with or without a group code ("PR-119" and "CARC 119" are the same fact),
modifiers, and dates in ISO, US or written form (the year of a date counts as a number too).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
DATES = (
    (re.compile(r"\b(20\d{2})-(\d{2})-(\d{2})\b"), (1, 2, 3)),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d{2})\b"), (3, 1, 2)),
    (re.compile(_MONTH + r"\.?\s+(\d{1,2}),?\s+(20\d{2})\b"), (3, 1, 2)),
    (re.compile(r"\b(\d{1,2})\s+" + _MONTH + r"\.?,?\s+(20\d{2})\b"), (3, 2, 1)),
)
CODE = re.compile(
    r"(?<![\w.$])(?:(?:CO|PR|OA|PI|CR)-)?(\d{5}|[A-Z]\d{4}|[A-Z]\d{2}\.[0-9A-Za-z]{1,4}|[A-Z]\d{2}(?=\b(?!\.\d))"
    r"|MA\d{2,3}|[BMN]\d{1,4})(?![\w]|\.\d)"
)
GROUPED = re.compile(r"(?<![\w.])(?:CO|PR|OA|PI|CR)-(\d{1,3})\b")
MODIFIER = re.compile(r"(?<![\w-])(GP|GO|GN|CQ|KX|GA|GY|GZ|XE|XP|XS|XU|GT|FQ|FR)(?![\w-])")
CLOCK = re.compile(r"(?<![\w:.])(\d{1,2}):(\d{2})(?![\w:])")
# "1:00 to 1:35 is 35 minutes": minutes worked out from two clock times (on the 12-hour dial, as the question writes)
SPAN = re.compile(r"(?<![\w:.])(\d{1,2}):(\d{2}) to (\d{1,2}):(\d{2}) is (\d{1,3}) minutes\b")
NUMBER = re.compile(r"(?<![\w.])(?:x|×)?\$?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w]|\.\d)")


def _number(whole: str, frac: str | None) -> str:
    value = float(whole.replace(",", "") + (frac or ""))
    return f"num:{int(value)}" if value.is_integer() else f"num:{value:g}"


def _date_facts(text: str) -> tuple[set[str], list[tuple[int, int]]]:
    found: set[str] = set()
    spans: list[tuple[int, int]] = []
    for rx, (y, m, d) in DATES:
        for match in rx.finditer(text):
            month = match.group(m)
            month_n = int(month) if month.isdigit() else _MONTHS.get(month.lower()[:3], 0)
            try:
                found.add(f"date:{date(int(match.group(y)), month_n, int(match.group(d))).isoformat()}")
            except ValueError:
                continue
            spans.append(match.span())
    return found, spans


def facts(text: str) -> set[str]:
    """The checkable facts of `text`: "num:26.05", "code:97551", "code:119", "mod:KX", "date:2025-01-01"."""
    found, spans = _date_facts(text)

    def free(pos: int) -> bool:
        return not any(a <= pos < b for a, b in spans)

    for match in CODE.finditer(text):
        if free(match.start()):
            found.add(f"code:{match.group(1).upper()}")
            spans.append(match.span())
    for match in GROUPED.finditer(text):
        found.add(f"code:{match.group(1)}")
        spans.append(match.span())
    found |= {f"mod:{m.group(1)}" for m in MODIFIER.finditer(text)}
    found |= {f"clock:{int(m.group(1))}:{m.group(2)}" for m in CLOCK.finditer(text)}
    for match in NUMBER.finditer(text):
        if free(match.start()):
            found.add(_number(match.group(1), match.group(2)))
    return found


# Arithmetic written out in a sentence: "20 + 25 = 45", "$52.77 + 2 × $26.05 = $104.87", "85% × $52.08 = $44.27",
# "$52.77 − $39.75 = $13.02". One token pass (linear in the sentence): numbers (with "$" or "%"), operators, "=".
_TOKEN = re.compile(r"\$?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)|(\s[-−]\s|[+−×*=]|\s[x]\s)|(\S)")
CENT = 0.011  # a cent of rounding at each step


Factor = tuple[float, bool]  # a number, and whether it is a percentage
Term = tuple[str, list[Factor]]  # "+" or "-", and the factors multiplied


def _value(term: list[Factor]) -> float:
    out = 1.0
    for number, percent in term:
        out *= number / 100 if percent else number
    return out


def _expressions(text: str) -> list[tuple[list[Term], float, str]]:
    """The "a op b ... = c" runs of `text`, in order: their terms (sign and factors), the stated result and the
    result's fact."""
    out = []
    terms: list[Term] = []
    operator: str | None = "+"
    for match in _TOKEN.finditer(text):
        whole, frac, percent, op, other = match.groups()
        if whole is not None:
            number = float(whole.replace(",", "") + (frac or ""))
            if operator == "=" and terms:
                out.append((terms, number, _number(whole, frac)))
                terms, operator = [], "+"
                continue
            if operator in ("+", "-"):
                terms.append((operator, [(number, bool(percent))]))
            elif operator == "*" and terms:
                terms[-1][1].append((number, bool(percent)))
            else:
                terms = [("+", [(number, bool(percent))])]
            operator = None
        elif op is not None:
            op = op.strip()
            operator = {"−": "-", "×": "*", "x": "*"}.get(op, op) if terms and operator is None else None
            if operator is None:
                terms = []
        elif other is not None:
            terms, operator = [], "+"
    return out


def summed(text: str, allowed: set[str]) -> set[str]:
    """Results `text` works out as "a + b = c", "2 × $26.05 = $52.10" or "20% × $52.08 = $10.42" whose operands are
    all allowed (or worked out earlier in the same text) and whose arithmetic holds to the cent: such a result is as
    grounded as its operands (the arithmetic is checked here, not taken on trust)."""
    out: set[str] = set()
    for terms, stated, fact in _expressions(text):
        operands = [f for _, factors in terms for f in factors]
        if not all(_number(*_split(n)) in allowed | out for n, _ in operands):
            continue
        value = sum(_value(factors) * (-1 if sign == "-" else 1) for sign, factors in terms)
        if abs(value - stated) <= CENT * len(operands):
            out.add(fact)
    return out | _spans(text, allowed)


def _spans(text: str, allowed: set[str]) -> set[str]:
    """Minutes of "h:mm to h:mm is n minutes" whose clock times are allowed and whose difference is n."""
    out: set[str] = set()
    for m in SPAN.finditer(text):
        start, end = (int(m.group(i)) % 12 * 60 + int(m.group(i + 1)) for i in (1, 3))
        ends = {f"clock:{int(m.group(1))}:{m.group(2)}", f"clock:{int(m.group(3))}:{m.group(4)}"}
        if ends <= allowed and (end - start) % 720 == int(m.group(5)):
            out.add(f"num:{int(m.group(5))}")
    return out


# "2026-08-14 + 5 days (presumed receipt) + 120 days = 2026-12-17": a date worked out from a date and day counts
DATE_SUM = re.compile(r"(\d{4}-\d{2}-\d{2})((?:\s*\+\s*\d{1,4} days?(?:\s*\([^()\n]{0,40}\))?){1,4})\s*=\s*"
                      r"(\d{4}-\d{2}-\d{2})")


def dated(text: str, allowed: set[str]) -> set[str]:
    """Dates `text` works out as "a date + n days = a date" from an allowed date and allowed day counts, when the
    calendar agrees: such a date is as grounded as what it is counted from."""
    out: set[str] = set()
    for match in DATE_SUM.finditer(text):
        days = [int(n) for n in re.findall(r"\+\s*(\d{1,4}) day", match.group(2))]
        try:
            start, end = date.fromisoformat(match.group(1)), date.fromisoformat(match.group(3))
        except ValueError:
            continue
        if f"date:{start.isoformat()}" in allowed and all(f"num:{n}" in allowed for n in days) \
                and start + timedelta(days=sum(days)) == end:
            out |= {f"date:{end.isoformat()}", f"num:{end.year}"}
    return out


def _split(number: float) -> tuple[str, str | None]:
    whole, _, frac = f"{number:.10g}".partition(".")
    return whole, ("." + frac) if frac else None


def allowed_facts(texts: Iterable[str]) -> set[str]:
    """Facts of the given texts, plus each date's year and each code's digits as numbers (and a bare number
    of up to three digits as a CARC: "CARC 119" allows "PR-119")."""
    pool: set[str] = set()
    for text in texts:
        pool |= facts(text)
    pool |= {f"num:{int(f[5:9])}" for f in pool if f.startswith("date:")}
    pool |= {f"num:{int(f[5:])}" for f in pool if f.startswith("code:") and f[5:].isdigit()}
    pool |= {f"code:{f[4:]}" for f in pool if f.startswith("num:") and f[4:].isdigit() and len(f) <= 7}  # CARC 119
    return pool


@dataclass(frozen=True)
class Cited:
    """One answer sentence and the texts it cites."""

    text: str
    cited: Sequence[str]


def check_answer(sentences: Sequence[Cited], question: str, *, dos: date | None = None,
                 max_sentences: int = 3) -> list[str]:
    """Reasons the answer is not grounded; [] when every sentence's facts are in its cited passages."""
    reasons: list[str] = []
    if not sentences:
        reasons.append("the answer has no sentence")
    if len(sentences) > max_sentences:
        reasons.append(f"the answer has {len(sentences)} sentences; at most {max_sentences}")
    asked = allowed_facts([question, dos.isoformat() if dos else ""])
    for n, sentence in enumerate(sentences, 1):
        if not sentence.text.strip():
            reasons.append(f"sentence {n} is empty")
            continue
        allowed = asked | allowed_facts(sentence.cited)
        extra = facts(sentence.text) - allowed - summed(sentence.text, allowed) - dated(sentence.text, allowed)
        if extra:
            shown = ", ".join(sorted(f.split(":", 1)[1] for f in extra)[:6])
            reasons.append(f"sentence {n} states what its cited passages do not hold: {shown}")
    return reasons


def ungrounded(sentence: str, cited: Sequence[str], question: str, dos: date | None = None) -> set[str]:
    """The facts of `sentence` found neither in `cited` nor in the question (for evals and tests)."""
    allowed = allowed_facts([question, dos.isoformat() if dos else ""]) | allowed_facts(cited)
    return facts(sentence) - allowed - summed(sentence, allowed) - dated(sentence, allowed)
