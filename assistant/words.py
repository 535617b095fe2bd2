"""Word tables shared by every parser: month names, number words and code shapes (one copy each)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# A regex alternation that matches every month name above (longest forms first).
MONTH_ALT = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

NUMBER_UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
NUMBER_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept", "march"), else None."""
    return MONTHS.get(name.lower().rstrip("."))


# A well-formed CPT code (five digits; category II/III, PLA, vaccine and MAAA codes end in F, T, U, A
# or M) or HCPCS Level II code (a letter A-V and four digits). Whether the code exists is the knowledge
# base's business; this is only its shape.
CODE_SHAPE = r"(?:\d{4}[0-9AFMTU]|[A-V]\d{4})"
MODIFIER_SHAPE = r"[A-Z0-9]{2}"
