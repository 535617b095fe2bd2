"""The part of a two-part question that the search's pins leave unanswered (pure).

    "(a) PR-119 on the 97550 line, what does it mean, (b) what's the amount before KX is needed in 2026?"
    # the pins answer (a) from the denial code; (b) is the year's KX threshold, worded from the knowledge

A question that asks a denial's meaning and a figure in one breath is pinned by its denial; the figure, which
the knowledge holds by date, is added here so the answer does not stop at the first part. A question that gives the
minutes of a session the patient took part in throughout asks first whether it is caregiver training at all: that
premise is answered before (and instead of) the units.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer.facts import PATIENT_AWAY, Claim, kx
from assistant.answer.reason_asked import MUE_VALUE
from assistant.knowledge.loader import Knowledge
from assistant.models import Passage
from assistant.retrieval.chunk_facts import tagged
from assistant.retrieval.chunking import sentences
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


# "what does PR-119 mean", "(1) meaning of CO-4": a denial code's meaning asked
MEANING_ASKED = re.compile(r"\bmean(?:s|ing)?\b|\bstand for\b|\bdefinition\b", re.I)


def reason_part(intent: Intent, made: Sequence[Claim], opening: Callable[[str, int, bool], str]) -> list[Claim]:
    """The meaning of the denial code asked, when the question asks it beside a figure the pins answer ("(1) what
    does PR-119 mean (2) the 2026 KX amount"), quoted from the code's own passage."""
    if len(intent.reason_codes) != 1 or not MEANING_ASKED.search(intent.query) \
            or any(c.entry.startswith("reason:") or c.what in ("reason", "reason_asked") for c in made):
        return []
    entry = f"reason:{intent.reason_codes[0]}"
    text = opening(entry, 1, False)
    return [Claim(text, entry, "second_part")] if text else []


_MUE_NOT_FOUND = re.compile(r"\bMUE\b[^.;]{0,60}\bnot found\b", re.I)
_RANGE = re.compile(r"\b(\d{5})-(\d{5})\b")


def _covers(sentence: str, code: str) -> bool:
    """The sentence names `code`, alone or inside a range of codes ("97550-97552")."""
    return code in sentence or (code.isdigit() and any(int(a) <= int(code) <= int(b)
                                                       for a, b in _RANGE.findall(sentence)))


def mue_part(intent: Intent, made: Sequence[Claim], passages: Sequence[Passage]) -> list[Claim]:
    """ "The MUE for +G0540, and is there one for 97550?": for a code whose MUE no claim gives, the sentence of a
    passage found that says its MUE was not found."""
    # (only beside a code's MUE given: an MUE asked alone and not found is said to be unknown by `compose`)
    if not MUE_VALUE.search(intent.query) or not any(c.what == "reason_asked" and "MUE" in c.text for c in made):
        return []
    said = " ".join(c.text for c in made)
    missing = [c for c in intent.procedure_codes if c not in said]
    for passage in passages[:5] if missing else []:
        for sentence in sentences(passage.text):
            if _MUE_NOT_FOUND.search(sentence) and any(_covers(sentence, c) for c in missing):
                return [Claim(sentence, passage.id.split("#")[0], "second_part")]
    return []


def second_parts(intent: Intent, made: Sequence[Claim], kb: Knowledge,
                 opening: Callable[[str, int, bool], str], passages: Sequence[Passage] = ()) -> list[Claim]:
    """`made` with the part a two-part question's pins left out added, in place of the last claims beyond three:
    the meaning asked goes first (it is what the figure is about), a figure last."""
    reason = reason_part(intent, made, opening)
    extra = kx_part(intent, [*made, *reason], kb) or mue_part(intent, made, passages)
    kept = list(made[: 3 - len(reason) - len(extra)])
    return [*reason, *kept, *extra]


# "pt came out and participated in all practice trials for the full session", "dad stayed the whole 40 min": the
# patient present and taking part throughout (not "walked in for the last few minutes", which splits the session)
# (the patient named as such: "she practiced every transfer" may be the caregiver)
PRESENT_THROUGHOUT = re.compile(
    r"\b(?:pt|patient|client|resident)\b[^.?!;]{0,60}?"
    r"\b(?:participated|took part|joined in|was present|was there|was in the room|stayed|sat in)\b"
    r"[^.?!;]{0,50}?\b(?:all|whole|entire|full|every|throughout)\b", re.I)
DURING_TREATMENT = "faq:caregiver_training_during_treatment"  # the FAQ on training given with the patient taking part


def present_throughout(intent: Intent, made: Sequence[Claim],
                       opening: Callable[[str, int, bool], str]) -> list[Claim]:
    """`made` without its units when the patient took part throughout, led by the rule that makes that session a
    patient-present service."""
    if not PRESENT_THROUGHOUT.search(intent.query) or PATIENT_AWAY.search(intent.query) \
            or not any(c.what in ("units", "worked") for c in made):
        return list(made)
    text = opening(DURING_TREATMENT, 2, False)
    if not text:
        return list(made)
    return [Claim(text, DURING_TREATMENT, "faq"), *(c for c in made if c.what not in ("units", "worked"))][:3]


# "two daughters came in together ... one unit per daughter", "both sons", "each caregiver got 30 min": several
# caregivers of the one patient, whose shared minutes a units answer alone would leave open to multiplying
SEVERAL_CAREGIVERS = re.compile(
    r"\b(?:two|three|four|2|3|4|both|several|multiple)\s+(?:of\s+(?:her|his|the)\s+)?(?:daughters|sons|caregivers"
    r"|family members|kids|children|grandchildren|siblings|sisters|brothers)\b"
    r"|\b(?:one|a|1)\s+(?:unit\s+)?(?:per|for each)\s+(?:caregiver|daughter|son|person|family member)\b", re.I)
GROUP_SAID = re.compile(r"\b(?:9755[2]|G0543|group|class)\b|\bpatients\b|\bfamilies\b", re.I)
SHARED_TIME = "faq:several_caregivers_one_patient"  # the FAQ on caregivers of one patient trained together


def shared_minutes(intent: Intent, made: Sequence[Claim],
                   opening: Callable[[str, int, bool], str]) -> list[Claim]:
    """`made` with the rule on several caregivers of one patient after its units, when the question counts them."""
    if not SEVERAL_CAREGIVERS.search(intent.query) or GROUP_SAID.search(intent.query) \
            or not any(c.what == "units" for c in made) or any(c.entry == SHARED_TIME for c in made):
        return list(made)
    # (without the FAQ's one-word verdict, "Neither.", which answers its own question, not this one)
    text = re.sub(r"^(?:Neither|Yes|No|Both)\.\s+", "", opening(SHARED_TIME, 2, False))
    if not text:
        return list(made)
    at = next(i for i, c in enumerate(made) if c.what == "units") + 1
    # ("follows": placed right after the units it qualifies, wherever the search ranked its passage)
    return [*made[:at], Claim(text, SHARED_TIME, "follows"), *made[at:]][:3]
