"""EOB and remittance lines as words: portal tables, work-queue comments, letters that name a line and its codes.

    "Line 2 97551 GO x4: CO-151, N362 -- entire line denied."
    "1  03/01/2026  97550  GP  1  150.00  0.00  CO-50  N115"
    "CO-50 N657 (G0539); CO-107 N122 (G0542)"

The text is cut into clauses (lines, `;`, sentences). The codes of a clause belong to the procedure codes named in
it; a clause naming no procedure code adds its codes to the lines of the clause before (or to the claim, before any
line). Linear in the length of the text: every pattern is a bounded scan from where it starts.
"""

from __future__ import annotations

import re

from assistant.drafting.paste.common import GROUPS as _GROUPS
from assistant.drafting.paste.common import MAX_CODES, MAX_LINES, Adj, Item, Reading, carc, money
from assistant.parsing import modifier_of
from assistant.words import CODE_SHAPE

_CLAUSE = re.compile(r"\n|;|(?<=[.!?])\s+(?=[A-Z0-9(\"'])|(?=\bLine\s+\d{1,2}\b)")
_PROCEDURE = re.compile(rf"(?<![\w.$/-])({CODE_SHAPE})(?![\w]|[./]\d)")
_GROUP_CARC = re.compile(
    r"(?<![A-Z0-9])(CO|PR|OA|PI|CR)\s?[-/*]?\s?([A-Z]?\d{1,3})(?![\d.,/]\d|\d)(?:\s*\$?\s*(\d[\d,]*\.\d{2}))?"
)
_NAMED_CARC = re.compile(
    r"\b(?:CARCS?|REASON(?:\s+CODES?)?|ADJ(?:USTMENT)?\s+REASON)\s*[:#]?\s*([A-Z]?\d{1,3})\b", re.I
)
_RARC = re.compile(r"(?<![A-Z0-9-])(MA\d{1,3}|[MN]\d{1,3})(?!\d|\.\d|[A-Z]\d)")
_TOKENS = re.compile(r"[^\s,:;]+")
_UNITS_MARK = re.compile(r"^(?:[x×*](\d{1,2})|\((\d{1,2})\)|(\d{1,2})u)$", re.I)
_UNITS_WORD = re.compile(r"^(?:units?|qty|uos)[:=]?$", re.I)
_MONEY = re.compile(r"^\$?\d[\d,]*\.\d{2}$")
_GROUPED = re.compile(r"^(?:CO|PR|OA|PI|CR)-?[A-Z]?\d{1,3}$")
_LINE_MARK = re.compile(r"\bline\s*#?\s*\d{1,2}\b", re.I)
_CARC_NUM = re.compile(r"^[A-Z]?\d{1,3}$")
_PAID = re.compile(r"\bpaid\b(?!\s+(?:zero|\$?0(?:\.00)?\b|nothing|amount\s*:?\s*\$?0))", re.I)
_DENIED = re.compile(r"\b(?:denied|denial|not\s+paid|paid\s+(?:zero|\$?0(?:\.00)?\b|nothing))", re.I)


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c and c.strip()]


def _codes(clause: str) -> tuple[list[Adj], list[str]]:
    upper = clause.upper()
    adjs = [Adj(m.group(1), carc(m.group(2)), money(m.group(3) or "")) for m in _GROUP_CARC.finditer(upper)]
    adjs += [Adj("", carc(m.group(1))) for m in _NAMED_CARC.finditer(clause)]
    return adjs, [m.group(1) for m in _RARC.finditer(upper)]


def _item(clause: str, match: re.Match[str]) -> Item:
    """The line a procedure code opens: the modifiers right after it, then its units ("x2", "(2)", "units 2",
    "2 units", or a table's bare count before the amounts)."""
    tokens = [t.strip("-.") for t in _TOKENS.findall(clause, match.end(), match.end() + 60)][:8]
    mods: list[str] = []
    units: int | None = None
    i = 0
    while i < len(tokens) and units is None:
        # a modifier is written in capitals ("97551 GO"); "97551 is not supported" has none
        written, after = tokens[i], (tokens[i + 1] if i + 1 < len(tokens) else "").upper()
        token = written.upper()
        if (mark := _UNITS_MARK.match(token)) is not None:
            units = int(next(g for g in mark.groups() if g))
        elif _UNITS_WORD.match(token) and after.isdigit() and len(after) <= 2:
            units = int(after)
        elif token.isdigit() and len(token) <= 2 and (_UNITS_WORD.match(after) or _MONEY.match(after) or not after):
            units = int(token)
        elif (modifier_of(written) == written and not _GROUPED.match(token)
              and not (token in _GROUPS and _CARC_NUM.match(after))):
            mods.append(token)
        else:
            break
        i += 1
    return Item(match.group(1), units, mods)


_SENTENCE = re.compile(r"\n|(?<=[.!?])\s+(?=[A-Z0-9(\"'])")


def _in_sentence(sentence: str) -> list[tuple[str, list[Item]]]:
    """Each clause of one sentence with the procedure codes it names as lines. A bare five-digit number (a ZIP
    code, an amount's digits) is no line unless something marks it as one: its clause's codes or words, its own
    modifiers or units, or another code of the same sentence marked so ("Item/service: 97550 Caregiver training,
    first 30 minutes; 97551 x3.": both are lines, hostile15 #3)."""
    read: list[tuple[str, list[Item], bool]] = []
    for clause in clauses(sentence):
        adjs, remarks = _codes(clause)
        marked = bool(adjs or remarks or _PAID.search(clause) or _DENIED.search(clause) or _LINE_MARK.search(clause))
        read.append((clause, [_item(clause, m) for m in _PROCEDURE.finditer(clause)][:MAX_LINES], marked))
    beside = any(i.modifiers or i.units is not None for _, found, _ in read for i in found)
    return [(clause, [i for i in found if marked or beside or i.modifiers or i.units is not None])
            for clause, found, marked in read]


def read_items(text: str) -> Reading:
    """Lines with their codes, and the codes given for the whole claim, from a text that names them in words."""
    reading = Reading()
    last: list[Item] = []
    for clause, found in (pair for sentence in _SENTENCE.split(text) for pair in _in_sentence(sentence)):
        adjs, remarks = _codes(clause)
        paid, denied = _PAID.search(clause) is not None, _DENIED.search(clause) is not None
        if found:
            for item in found:
                item.add(adjs, remarks)
                item.paid = True if paid and not denied and not any(not a.routine for a in adjs) else None
            reading.items += found[: MAX_LINES - len(reading.items)]
            last = found
        elif last:
            for item in last:
                item.add(adjs, remarks)
        else:
            reading.adjustments += adjs[: MAX_CODES - len(reading.adjustments)]
            reading.remarks += remarks[: MAX_CODES - len(reading.remarks)]
    return reading
