"""A paid person beside the unpaid caregiver: trained with them, or the one who did the return demonstration.

docs/CONVENTIONS.md: paid staff are not caregivers. When the note also trains an unpaid family member, friend or
neighbour, the session is theirs: a paid aide trained in the same sentence is a warning (the session counts for the
unpaid caregiver only, hostile15 #19), not a paid trainee; a paid aide who only did the return demonstration was not
trained, and their demonstration is not the caregiver's (hostile15 #17).
"""

from __future__ import annotations

import re

from assistant.notes.context import Context

SENTENCE_REACH = 300
# a hard-wrapped line does not end a sentence; a blank line does
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n[ \t]*\n")
_TRAINED = re.compile(r"\b(?:train\w*|taught|instruct\w*|educat\w*|coach\w*|showed|show\w*\s+(?:her|him|them))\b",
                      re.I)
_DEMONSTRATED = re.compile(r"\b(?:return\s*demo\w*|teach[- ]?back|demonstrat\w*|RD)\b", re.I)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around a span: to a stop, semicolon or line end, at most SENTENCE_REACH away."""
    lo = max(0, start - SENTENCE_REACH)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    after = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    return (before[-1] if before else lo), (after.start() if after else min(len(text), end + SENTENCE_REACH))


# two people joined ("daughter Colette and paid aide Dolores"), not one described ("niece Renata, who is paid")
_JOINED = re.compile(r"\b(?:and|with|along\s*side|together\s+with)\b|&|\+", re.I)


def trained_in_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a span says someone was trained, before the span ("Trained daughter Colette and
    son-in-law Marcus")."""
    a, _ = sentence(text, start, end)
    verbs = list(_TRAINED.finditer(text, a, start))
    # the name is the verb's object, in a list of people: not "trained in transfers for her father, Cormac"
    return bool(verbs) and _PEOPLE_LIST.fullmatch(text, verbs[-1].end(), start) is not None


# kin words, names and "and" only, up to the name: "Trained| daughter Colette and son-in-law |Marcus"
_PEOPLE_LIST = re.compile(r"(?:\s+(?!(?:for|to|of|in|on|with|by|at)\b)[\w'’-]+){0,6}?\s+(?:and\s+)?(?:[\w'’-]+\s+)?",
                          re.I)


_EVERYONE = re.compile(r"\b(?:both|each|all|together)\b", re.I)


def _holds(bounds: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(bounds[0] <= a < bounds[1] for a, _ in spans)


# what lies between two people listed together: a name, a remark in brackets, the joining word, an article and
# one word of the role ("daughter| Colette and |paid aide", "daughter| Ana along with |hired aide")
_BETWEEN = re.compile(
    r"\s*(?:[A-Z][\w'’-]*\s*){0,3}(?:\([^()\n]{0,40}\)\s*)?,?\s*"
    r"(?:and|&|\+|with|along\s*with|alongside|together\s+with)\s+"
    r"(?:(?:the|a|an|her|his|their|pt's|patient's)\s+)?(?:[\w-]+\s+)?",
    re.I,
)
BETWEEN_REACH = 80


def _joined(text: str, paid: tuple[int, int], family: list[tuple[int, int]]) -> bool:
    """An unpaid caregiver listed together with the paid person ("daughter Colette and paid aide Dolores"), not one
    person described as both ("niece Renata, who is paid", "son ... and is paid hourly by the county")."""
    for a, b in family:
        lo, hi = (b, paid[0]) if b <= paid[0] else (paid[1], a)
        if 0 <= hi - lo <= BETWEEN_REACH and (a, b) != paid and _BETWEEN.fullmatch(text, lo, hi):
            return True
    return False


def demonstrated_only(ctx: Context, paid: tuple[int, int]) -> bool:
    """A paid mention in a sentence that says a return demonstration was done and says nobody was trained
    ("The paid aide Dolores then performed the return demonstration")."""
    text = ctx.ex.text
    a, b = sentence(text, *paid)
    if _DEMONSTRATED.search(text, a, b) is None or _TRAINED.search(text, a, b) is not None:
        return False
    # the paid person alone demonstrated: not "Colette and the paid aide each performed a return demonstration"
    return _JOINED.search(text, a, paid[0]) is None and _EVERYONE.search(text, a, b) is None


def split_paid(ctx: Context, paid: list[tuple[int, int]], family: list[tuple[int, int]]) -> dict[str, list]:
    """The paid mentions by what the note says of them beside an unpaid caregiver: `demo` (did only the return
    demonstration), `alongside` (trained in the same sentence as the caregiver), `trained` (the rest)."""
    out: dict[str, list] = {"demo": [], "alongside": [], "trained": []}
    # only an unpaid person the note trains makes the session theirs: a daughter who only consented does not
    # ("CG = CNA from facility ... Consent: pt's dtr (POA) ... TB: CNA demonstrated": the CNA is the trainee)
    text = ctx.ex.text
    family = [f for f in family if _TRAINED.search(text, *sentence(text, *f))]
    if not family:
        out["trained"] = list(paid)
        return out
    # a sentence that lists the paid person with the caregiver: its other paid words are that person's too
    # ("and paid aide Dolores Fenn from Sunrise Home Care")
    listed = {sentence(ctx.ex.text, *span) for span in paid if _joined(ctx.ex.text, span, family)}
    for span in paid:
        bounds = sentence(ctx.ex.text, *span)
        if bounds in listed:
            out["alongside"].append(span)
        elif demonstrated_only(ctx, span) and not _holds(bounds, family):
            out["demo"].append(span)
        else:
            out["trained"].append(span)
    if out["trained"]:  # a paid trainee is the caregiver problem, and their demonstration the session's
        out["trained"] += out["demo"]
        out["demo"] = []
    return out


def caregivers_demo(ctx: Context, documented: list[tuple[int, int]],
                    paid_demo: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The return demonstrations that are not in a sentence where only a paid person demonstrated."""
    if not paid_demo:
        return documented
    theirs = {sentence(ctx.ex.text, *span) for span in paid_demo}
    return [d for d in documented if not any(a <= d[0] < b for a, b in theirs)]
