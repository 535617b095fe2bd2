"""Lines a typed denial names with their modifiers ("97550-GP denied CO-4, OT billed GP", "line 2 97551 x2-GP - does
not support this many services"): what was billed, when no claim file gives it.

Only a code joined to its modifiers by a hyphen is read as a billed line (a bare "97551" may be a code the payer
suggests); its units are the "x2" beside it, else none stated. Whether the line was denied is read from the words
after it, up to the next line. Pure; one bounded pattern, linear in the text.
"""

from __future__ import annotations

import re

from assistant.drafting.models import DeniedLine

MAX_LINES = 20
_LINE = re.compile(
    r"(?<![\w.$/-])(?P<code>\d{4}[0-9A-Z]|[A-V]\d{4})(?:[ \t]*[x×][ \t]*(?P<u1>\d{1,2}))?"
    r"(?P<mods>(?:[ \t]*-[ \t]*[A-Z0-9]{2}(?![A-Za-z0-9]))+)(?:[ \t]*[x×][ \t]*(?P<u2>\d{1,2})(?!\d))?"
)
_MOD = re.compile(r"[A-Z0-9]{2}")
_DENIED = re.compile(r"\b(?:denied|denial|rejected|not\s+(?:support|covered|payable|allowed)|CO-?\d|PR-?\d|OA-?\d)",
                     re.I)
_PAID = re.compile(r"\b(?<!un)paid\b", re.I)
# "line 2 97551-GO denied", "ln #3": the number the claim gives the line
_LINE_NUMBER = re.compile(r"\b(?:line|ln)[ \t]*#?[ \t]*(\d{1,2})\b", re.I)


def typed_lines(text: str | None) -> list[DeniedLine]:
    """The billed lines a typed denial names, in its order."""
    if not text:
        return []
    found = list(_LINE.finditer(text))[:MAX_LINES]
    lines = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else min(len(text), m.end() + 120)
        after = re.split(r"[.;\n]", text[m.end():end], maxsplit=1)[0]
        denied = True if _DENIED.search(after) else (False if _PAID.search(after) else None)
        units = m["u1"] or m["u2"]
        lines.append(DeniedLine(code=m["code"], units=int(units) if units else None,
                                modifiers=_MOD.findall(m["mods"]), denied=denied))
    return lines


def part_of_claim(text: str | None, named: int) -> bool:
    """The typed denial numbers a line past the count it names ("line 2 97551-GO denied" names one): the claim had
    other lines (line 1, most often the primary 97550), so the lines named are not the whole claim."""
    if not text or named == 0:
        return False
    return any(int(m.group(1)) > named for m in _LINE_NUMBER.finditer(text[:2000]))
