"""Questions whose subject is a topic an FAQ answers, however the question words it (pure).

    topic_pins(understand("found an unbilled 97550 from last year, can we still send it?"), kb)
    # -> [Pin("faq:timely_filing", "faq", ...)]

The search's words alone miss these: "still send it" shares no word with "timely filing limit", and "verbal ok over
the phone" reads as audio-only telehealth when the question is about consent. Each route names the FAQ topics that
answer it; among the FAQs tagged so, one that names a code the question asks about is preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.knowledge.loader import Knowledge
from assistant.retrieval.bm25 import tokenize
from assistant.retrieval.pin import Pin
from assistant.retrieval.understand import CONSENT_FORM, Intent


@dataclass(frozen=True)
class TopicRoute:
    """A subject asked about, and the FAQ topics whose answer states it."""

    name: str
    trigger: re.Pattern[str]
    topics: frozenset[str]
    needs_code: bool = False  # only for a code the question names: "can OT bill it on hospice?" is about hospice


_LATE_CLAIM = re.compile(
    r"\bunbilled\b|\bnever (?:got |been )?(?:billed|sent|submitted|filed)\b|\bforgot to (?:bill|submit|send|file)\b"
    r"|\b(?:still|too late to|late to) (?:send|submit|file)\b|\bhow (?:old|late) (?:can|may|of a)\b"
    r"|\bhow far back\b|\bold (?:claim|visit|date of service)s?\b.*\b(?:send|submit|bill|file)", re.I)
# "can I even bill G0541 or is that only for doctors", "can a PT bill 97552?": who may bill, not whether the code exists
_WHO_BILLS = re.compile(
    r"\bonly (?:for|by) (?:the )?(?:doctors?|physicians?|mds?|providers?)\b"
    r"|\bcan (?:a |an |our )?(?:PT|OT|SLP|therapist|NP|PA|nurse practitioner)s? (?:even |also )?bill\b"
    r"|\b(?:can|may) (?:i|we) even bill\b|\b(?:am i|are we|are therapists) (?:even )?allowed to bill\b"
    r"|\bwho (?:can|may|is allowed to|gets to) bill\b", re.I)

ROUTES: tuple[TopicRoute, ...] = (
    TopicRoute("late_claim", _LATE_CLAIM, frozenset({"timely_filing"})),
    TopicRoute("consent", CONSENT_FORM, frozenset({"verbal_consent"})),
    TopicRoute("who_bills", _WHO_BILLS, frozenset({"provider", "sometimes_therapy"}), needs_code=True),
)


def topic_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """The FAQ that answers each topic route the question triggers, best first."""
    out: list[Pin] = []
    for route in ROUTES:
        if not route.trigger.search(intent.query):
            continue
        asked = set(intent.procedure_codes)
        tagged = [f for f in kb.faqs.values() if route.topics & set(f.topics)
                  and (not route.needs_code or asked & set(f.codes))]
        if not tagged:
            continue
        words = set(tokenize(intent.query))
        # one naming an asked code first, then the one sharing most words with the question, then file order
        best = max(tagged, key=lambda f: (bool(asked & set(f.codes)) or not f.codes,
                                          len(words & set(tokenize(f"{f.question} {f.answer}")))))
        out.append(Pin(f"faq:{best.id}", "faq", best))
    return out
