"""A remittance pasted as text (an EOB or portal table, HTML or plain) that lists several claims: this claim's rows.

A row that opens with another claim's identifier of the same shape as one of this claim's (another ICN, another
member id), before the procedure code or adjustment it carries, is another patient's line: its codes are no part of this
denial (an outside tester's HTML EOB lent this 97550 line the next patient's CO-97 and M15). Rows that name no
identifier (headings, a line continued) stay. Nothing changes unless some row names this claim. Linear in the text.
"""

from __future__ import annotations

import re

from assistant.words import CODE_SHAPE

# a table row ends at a line break or an HTML row's end tag
_ROW_END = re.compile(r"\n|</tr\s*>", re.I)
_ID_TOKEN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z][0-9A-Za-z-]{5,39}(?![0-9A-Za-z])")
_LINE_CODES = re.compile(rf"(?<![\w.$/-])(?:{CODE_SHAPE})(?!\w)|(?<![A-Z0-9])(?:CO|PR|OA|PI|CR)[-\s]?[A-Z]?\d{{1,3}}\b")


def plain(value: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", value.upper())


def _rows(text: str) -> list[str]:
    rows, pos = [], 0
    for m in _ROW_END.finditer(text):
        rows.append(text[pos : m.end()])
        pos = m.end()
    return [*rows, text[pos:]]


def own_rows(text: str, wanted: set[str]) -> str:
    """`text` without the rows of other claims, when a row names one of `wanted` (plain identifiers, >= 6 chars)."""
    if not wanted:
        return text
    lengths = {len(w) for w in wanted}
    rows = _rows(text)
    mine, others = [], []
    for i, row in enumerate(rows):
        found = [(m.start(), p) for m in _ID_TOKEN.finditer(row)
                 if len(p := plain(m.group())) in lengths and sum(c.isdigit() for c in p) >= 6]
        if any(p in wanted for _, p in found):
            mine.append(i)
            continue
        code = _LINE_CODES.search(row.upper())
        # the other claim's id heads the row (its own column, before the codes); an id after the codes is a
        # reference this claim's line makes ("97550 GO ... CO-18 dup of ICN 0226236118200") and the row stays
        if found and code is not None and found[0][0] < code.start():
            others.append(i)
    if not mine or not others:
        return text
    dropped = set(others)
    return "".join(row for i, row in enumerate(rows) if i not in dropped)


# a group code and reason ("CO-16", "PR 204"): what a work log's line says a claim was denied for
_GROUP_CARC = re.compile(r"(?<![A-Z0-9])(?:CO|PR|OA|PI|CR)[-\s]?\d{1,3}\b")


def own_named_rows(text: str, surname: str | None) -> str:
    """`text` without other claims' coded rows, when rows that name this claim's patient by surname give codes of
    their own (a work log of two claims: "(ZED, ANN) - denied CO-50 ... (YAN, BOB) - denied CO-16"; hostile14 #7).
    A row naming the surname as a whole word is this claim's; another row that gives a group code and reason is
    another claim's. Nothing changes when no row naming the patient gives a code (an EOB that names the patient in
    its heading only). Linear in the text."""
    if not surname or len(surname) < 2:
        return text
    name = re.compile(rf"(?<![^\W\d_]){re.escape(surname)}(?![^\W\d_])", re.I)
    rows = _rows(text)
    mine = {i for i, row in enumerate(rows) if name.search(row)}
    if not any(_GROUP_CARC.search(rows[i].upper()) for i in mine):
        return text
    return "".join(row for i, row in enumerate(rows) if i in mine or not _GROUP_CARC.search(row.upper()))
