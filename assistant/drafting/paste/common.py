"""What every pasted shape is read into: lines with their adjustments and remarks, and claim-level ones.

Routine adjustments (contractual CO-45, sequestration CO-253, deductible/coinsurance/copay PR-1/2/3, prior payer
OA-23 …) take money from a line without denying it; the worklist and the pasted-denial reader share this one list.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

ROUTINE = frozenset(
    {
        ("CO", "45"),
        ("CO", "253"),
        ("PI", "45"),
        ("OA", "45"),
        ("CO", "42"),
        ("PR", "1"),
        ("PR", "2"),
        ("PR", "3"),
        ("OA", "23"),
    }
)
#: CLP06 claim filing indicator → payer type.
FILING_INDICATORS = {
    "MB": "medicare",
    "MA": "medicare",
    "16": "medicare_advantage",
    "MC": "medicaid",
    "12": "commercial",
    "13": "commercial",
    "14": "commercial",
    "15": "commercial",
    "HM": "commercial",
    "17": "commercial",
}
GROUPS = ("CO", "PR", "OA", "PI", "CR")
#: A line carries at most this many adjustments and remarks (an 835 line has up to 99 CAS segments but a real one a
#: few); a claim at most MAX_LINES lines (an electronic professional claim has up to 50). Keeps every reading linear.
MAX_CODES = 20
MAX_LINES = 50
CARC = re.compile(r"^[A-Z]?\d{1,3}$")
RARC = re.compile(r"^(?:MA\d{1,3}|[MN]\d{1,3})$")


def carc(code: str) -> str:
    """ "050" and "50" are the same CARC; letter prefixes are kept."""
    return str(int(code)) if code.isdigit() else code


def money(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("$", "")) if text else None
    except InvalidOperation:
        return None


@dataclass
class Adj:
    """One adjustment: group, CARC and, when the paste gives it, the amount."""

    group: str
    reason: str
    amount: Decimal | None = None

    @property
    def routine(self) -> bool:
        return (self.group, self.reason) in ROUTINE

    @property
    def label(self) -> str:
        return f"{self.group}-{self.reason}" if self.group else self.reason


@dataclass
class Item:
    """One service line being read: code, units, modifiers, its adjustments and remarks, and whether it was paid."""

    code: str
    units: int | None = None
    modifiers: list[str] = field(default_factory=list)
    adjustments: list[Adj] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    paid: bool | None = None

    def add(self, adjustments: list[Adj], remarks: list[str]) -> None:
        self.adjustments += adjustments[: max(0, MAX_CODES - len(self.adjustments))]
        self.remarks += remarks[: max(0, MAX_CODES - len(self.remarks))]


@dataclass
class Reading:
    """What one pasted shape yields: its lines, the claim-level adjustments and remarks, and the prose left over."""

    items: list[Item] = field(default_factory=list)
    adjustments: list[Adj] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    payer_type: str | None = None


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,9})\b[^<>]{0,500}>")
_HTML = re.compile(r"</[A-Za-z][A-Za-z0-9]{0,9}\s*>|<br\s*/?>", re.I)  # a page's markup, not "a <b and c> d"
_BLOCK_TAGS = frozenset({"br", "p", "div", "tr", "li", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "ul", "ol"})


def _tag(m: re.Match[str]) -> str:
    return "\n" if m.group(2).lower() in _BLOCK_TAGS else " "


def as_shown(text: str | None) -> str | None:
    """A denial copied from a web portal's HTML ("<p>CO&#45;50&nbsp;N115</p>") as the words the page shows: a row's,
    a paragraph's or a break's tag is a line break, another tag a space, an entity its character. Other text as is."""
    if not text or ("<" not in text and "&" not in text):
        return text
    if _HTML.search(text):
        text = _TAG.sub(_tag, text)
    return html.unescape(text) if _ENTITY.search(text) else text
