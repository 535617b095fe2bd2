"""Minutes told of two code families in one question ("ostomy bag changes (20 min) and then car transfers (25 min)"):
each family's own minutes, so each is counted on its own (docs/CONVENTIONS.md: each family is billed on the union of its
own segments' minutes, never pooled). Pure."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from assistant.knowledge.loader import Knowledge
from assistant.retrieval.understand import MINUTES, Intent

# Direct clinical care taught to a caregiver (facts §12; the g0541_vs_97550 FAQ): the G0541 family's content
DIRECT_CARE = re.compile(
    r"\bwound|pressure[\s-](?:injur|ulcer|sore)|decubit|infection control|\bostomy|catheter"
    r"|\btrach\b|tracheostomy|g-?tube|peg tube|tube feed|dressing change|\binjections?\b",
    re.I,
)
# Functional performance taught to a caregiver (facts §4): the 97550 family's content
FUNCTIONAL = re.compile(
    r"\btransfers?\b|\bADLs?\b|\bmobility\b|\bgait\b|\bwalk|\bambulat|\bbath|\bshower|\bdressing\b(?!\s+change)"
    r"|\btoilet|\bfeeding\b|\bswallow|\bcommunicat|\bsafety\b|\bfalls?\b|\bstairs?\b|\bwheelchair|\bpositioning\b"
    r"|\bbed mobility\b|\bhome (?:exercise|program)|\bHEP\b|\blift\b",
    re.I,
)
# the timed families whose units the knowledge states (each has a units passage)
_LABEL = {"direct_care": "direct-care", "cts": "functional"}


def _family(words: str, direct_care_in_force: bool) -> str | None:
    if DIRECT_CARE.search(words):
        return "direct_care" if direct_care_in_force else "cts"
    return "cts" if FUNCTIONAL.search(words) else None


def family_minutes(intent: Intent, kb: Knowledge) -> list[tuple[str, int]]:
    """(family, minutes) of each stretch of training the question times, in its order, when they fall in two families
    and every stretch names what was taught; else [] (one family: the minutes are one total, `stretches`)."""
    found = stretches(intent, kb)
    return found if len({f for f, _ in found}) > 1 else []


def stretches(intent: Intent, kb: Knowledge) -> list[tuple[str, int]]:
    """(family, minutes) of each stretch of training the question times, when every stretch names what was taught
    ("transfers 20 min and toileting 25 min"), else []."""
    if len(intent.minutes) < 2 or intent.procedure_codes:
        return []
    found = [m for m in MINUTES.finditer(intent.query) if int(m.group(1)) in intent.minutes]
    if len(found) != len(intent.minutes):
        return []
    text = intent.query
    gaps = [text[: found[0].start()]] + [text[a.end() : b.start()] for a, b in pairwise(found)]
    gaps.append(text[found[-1].end() :])
    start = kb.codes["G0541"].effective_from if "G0541" in kb.codes else None
    in_force = start is None or (intent.period or (date.max, date.max))[1] >= start
    # what was taught is written before its minutes ("wound care 20 min") or after them ("20 min of wound care")
    before = _family(gaps[0], in_force) is not None
    words = gaps[:-1] if before else gaps[1:]
    families = [_family(w, in_force) for w in words]
    if None in families:
        return []
    return [(f, int(m.group(1))) for f, m in zip(families, found, strict=True) if f is not None]


def label(family: str) -> str:
    """ "direct-care" or "functional": how an answer names a family's training."""
    return _LABEL.get(family, family)
