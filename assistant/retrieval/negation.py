"""Mentions the question denies (pure): "the pt didn't owe it", "isn't in an advanced APM", "No MA130 on it".

A subject named only under a negation is not the subject asked about: "the pt didn't owe it" asks what the adjustment
is, not the patient's share; "No MA130 on it" says the line was processed, so it can be reopened. `affirmed` finds a
match of a pattern that no negation word governs, looking back over a short window within the same clause. Linear
in the text: one scan for the pattern, a bounded window per match.
"""

from __future__ import annotations

import re

# the words that deny what follows them in the same clause ("not", "isn't", "no longer", "never", "didn't")
# ("No MA130 on it"; not a bare "No," answering something)
_NEGATION = re.compile(r"\b(?:not|never|no(?![,.!?])|no longer"
                       r"|(?:is|are|was|were|did|does|do|has|have|had|wo|ca)n'?t)\b(?:\s+\S+){0,3}\s*$", re.I)
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\n]|\s--?\s|,\s+(?:but|so|and|or)\b", re.I)
_WINDOW = 40


def negated_at(text: str, start: int) -> bool:
    """A negation word governs the text at `start`: within a few words before it, in the same clause."""
    before = text[max(0, start - _WINDOW):start]
    ends = list(_CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    return bool(_NEGATION.search(before))


def denied_somewhere(pattern: re.Pattern[str], text: str) -> bool:
    """Some match of `pattern` in `text` is negated ("our group isn't in an advanced APM; the ACO is")."""
    return any(negated_at(text, m.start()) for m in pattern.finditer(text))


def denied_only(code: str, text: str) -> bool:
    """Every mention of `code` in `text` is negated ("No MA130 on it"): the question says it did not come."""
    found = list(re.finditer(rf"(?<!\w){re.escape(code)}(?!\w)", text, re.I))
    return bool(found) and all(negated_at(text, m.start()) for m in found)


def affirmed(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern` matches somewhere in `text` that no negation governs."""
    return any(not negated_at(text, m.start()) for m in pattern.finditer(text))
