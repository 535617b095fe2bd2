"""The part of a two-part question that the search's pins leave unanswered (pure).

    "(a) PR-119 on the 97550 line, what does it mean, (b) what's the amount before KX is needed in 2026?"
    # the pins answer (a) from the denial code; (b) is the year's KX threshold, worded from the knowledge

A question that asks a denial's meaning and a figure in one breath is pinned by its denial; the figure, which
the knowledge holds by date, is added here so the answer does not stop at the first part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.facts import Claim, kx
from assistant.knowledge.loader import Knowledge
from assistant.retrieval.chunk_facts import tagged
from assistant.retrieval.pin import Pin, overlaps
from assistant.retrieval.understand import Intent

# "kx threshold OT 2026", "the dollar amount the pt has to pass before KX is needed": the threshold's amount asked
KX_AMOUNT_ASKED = re.compile(r"\bkx\b[^.?!;]{0,40}\b(?:threshold|cap|limit)\b"
                             r"|\b(?:threshold|cap)\b[^.?!;]{0,40}\bkx\b"
                             r"|\b(?:dollar amount|how much|amount)\b[^.?!;]{0,80}\bbefore\s+(?:the\s+)?kx\b", re.I)
# "does CTS count toward the KX threshold?": whether lines count, not the amount
COUNTS_TOWARD = re.compile(r"\bcount(?:s|ed)?\s+(?:toward|towards|against|to)\b", re.I)


def kx_part(intent: Intent, made: Sequence[Claim], kb: Knowledge) -> list[Claim]:
    """The KX threshold for the period asked (or today), when the question asks its amount and no claim gives it."""
    on = intent.period or ((intent.today, intent.today) if intent.today else None)
    if on is None or any(c.what in ("kx", "second_part") for c in made) or not KX_AMOUNT_ASKED.search(intent.query) \
            or COUNTS_TOWARD.search(intent.query):
        return []
    found = [t for t in kb.fees.kx_thresholds if overlaps(t.effective_from, t.effective_to, on)]
    if len(found) != 1:  # (a period across two years asks two thresholds: the pins' own route answers that)
        return []
    claim = kx(Pin(f"fee:{tagged('kx', found[0].id)}", "kx", found[0]))
    # (its own kind: a second part leaves room for a quoted sentence on the first part, which a "kx" claim would not)
    return [Claim(claim.text, claim.entry, "second_part")]


def second_parts(intent: Intent, made: Sequence[Claim], kb: Knowledge) -> list[Claim]:
    """`made` with the figures of a second part added, in place of the last claims beyond three."""
    extra = kx_part(intent, made, kb)
    return [*made[: 3 - len(extra)], *extra] if extra else list(made)
