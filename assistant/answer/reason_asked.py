"""Values asked for by name that a passage states in passing (pure): which CARC/RARC (or group code) a situation gets,
and a code's MUE.

    "97551 x1 with no 97550 on that date. Which CARC/RARC applies?"
    # -> "Add-on billed without its primary code (B15 / 107 + N122): +97551 (or +G0542) was processed without ..."

The knowledge's denial patterns name their codes in their titles. The search already ranks the pattern whose situation
is the question's; this picks the first pattern among the top passages that is about a code asked (or about none) and
words its title and situation, so the codes asked for lead the answer rather than a fact about the codes billed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.facts import Claim
from assistant.knowledge.loader import Knowledge
from assistant.models import Passage
from assistant.retrieval.chunking import sentences
from assistant.retrieval.understand import Intent

# "which CARC/RARC applies", "group code + CARC?", "what denial code would that be", "what reason code do we expect"
ASKS_REASON = re.compile(
    r"\b(?:which|what|wat|expected|likely|right|correct)\b[^?.]{0,25}\b(?:carcs?|rarcs?|reason codes?|remark codes?"
    r"|denial codes?|adjustment codes?|group codes?|carc/rarc)\b"
    r"|\b(?:carcs?|rarcs?|carc/rarc|group code)\s*(?:\+|and|/|&)\s*(?:carcs?|rarcs?|group code)\b[^.]{0,20}\?"
    r"|\b(?:carcs?|rarcs?)\s*\??\s*$", re.I)
_DEPTH = 5  # how far down the search's passages a pattern may be found


def reason_claim(intent: Intent, passages: Sequence[Passage], kb: Knowledge) -> Claim | None:
    """The denial pattern's title and situation, when the question asks which reason code applies and names none."""
    if intent.reason_codes or not ASKS_REASON.search(intent.query):
        return None
    asked = set(intent.procedure_codes)
    for passage in passages[:_DEPTH]:
        entry = passage.id.split("#")[0]
        if passage.kind != "denial" or not entry.startswith("denial:"):
            continue
        pattern = kb.denial_patterns.get(entry.split(":", 1)[1])
        if pattern is None or (asked and pattern.codes and not asked & set(pattern.codes)):
            continue
        return Claim(f"{pattern.title}: {' '.join(pattern.situation.split())}", entry, "reason_asked")
    return None


# ("what's the unit limit on G0540": the MUE asked in plain words)
MUE_VALUE = re.compile(r"\b(?:what(?:'?s| is| are)|how many|mue for|mue of)\b[^?]{0,40}\bmues?\b|\bmues?\b[^?]{0,30}"
                       r"\b(?:for|of|on)\b|\bunits? (?:limit|cap|maximum|max)\b[^?]{0,20}\b(?:for|of|on)\b"
                       r"|\b(?:limit|cap|maximum|max) (?:on|of) (?:the )?units\b", re.I)
_STATES_MUE = re.compile(r"\bMUE (?:is|of) \d+\b")
_LEAD_IN = re.compile(r"^(?:For comparison|By comparison|In comparison|Also|However),\s+", re.I)


def mue_claim(intent: Intent, passages: Sequence[Passage]) -> Claim | None:
    """ "What is the practitioner MUE for G0540?": the sentence of a passage found that gives that code's MUE as a
    number (the knowledge holds G0540's only; for the others `compose` says it does not state one)."""
    if not intent.procedure_codes or not MUE_VALUE.search(intent.query):
        return None
    for passage in passages[:_DEPTH]:
        for sentence in sentences(passage.text):
            if _STATES_MUE.search(sentence) and any(c in sentence for c in intent.procedure_codes):
                said = _LEAD_IN.sub("", sentence)
                return Claim(said[:1].upper() + said[1:], passage.id.split("#")[0], "reason_asked")
    return None
