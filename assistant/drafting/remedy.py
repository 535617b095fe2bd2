"""The answer a denial pattern gives for this payer, and what the payer's own words change (pure).

    pattern_remedy(pattern, payer_type, payer_text, met) -> Remedy
    time_profile(kb, payer_type, payer_text) -> (profile, the words that set it)
    payer_points(kb, payer_text, met) -> the reasons the payer states that the note lets an appeal answer

The payer's text is data: it is never obeyed, only searched for statements a biller would act on
(knowledge/denials/patterns.yaml `when_payer_says`, knowledge/appeals/levels.yaml `time_rule_hints`):
a plan's edit that allows a modifier, proof that an earlier claim reached the payer in time, a
written rule that pays only full time units. Planted instructions are masked before the search.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from assistant.drafting.enrollment import enrolled_after_service
from assistant.drafting.keyed_number import transposed_numbers
from assistant.drafting.sentences import sentence_spans
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import DenialPattern, PayerPoint, PayerStatement
from assistant.models import Profile


@dataclass(frozen=True)
class Remedy:
    """What the pattern asks for when the note supports the service."""

    remedy: str  # appeal | corrected_claim | no_appeal
    title: str = ""
    reason: str = ""
    #: Added to the corrected lines that carry a therapy modifier (KX past the therapy threshold).
    therapy_modifiers: tuple[str, ...] = ()
    #: Added to every corrected caregiver-training line (XE when the payer's edit allows a modifier).
    line_modifiers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    #: Opened by the payer's own words: the reason is part of the answer even for an appeal.
    from_payer: bool = False
    #: The sentence of the payer's (or the file's) words that opened this answer, verbatim: the biller sees what it
    #: rests on (the plan the patient moved to, the 277CA that proves timely filing).
    quoted: str = ""

    @property
    def modifiers(self) -> tuple[str, ...]:
        return (*self.therapy_modifiers, *self.line_modifiers)


NO_PATTERN = Remedy("appeal")


@lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])")


def says(text: str, words: Sequence[str]) -> str | None:
    """The first of `words` in `text` as a whole phrase, any case and spacing; None when none is there."""
    flat = " ".join(text.lower().split())
    # one compiled pass says whether any is there (most sentences hold none: a file of 28,000 short lines took
    # seconds when each word's pattern was built and tried on each); which one comes first in `words` is then looked up
    if not words or _any_of(tuple(words)).search(flat) is None:
        return None
    for word in words:
        if re.search(rf"(?<![a-z0-9]){re.escape(word.lower())}(?![a-z0-9])", flat):
            return word
    return None


QUOTE_CHARS = 240  # longer is a paste's run of lines, not a sentence: its line is quoted


def said_sentence(text: str, word: str) -> str:
    """The sentence of `text` that holds the phrase `word` (as `says` finds it), whitespace normalised; its line
    when the sentence runs longer than a sentence does; "" when the phrase is not there."""
    for a, b in sentence_spans(text):
        if says(text[a:b], [word]) is None:
            continue
        said = text[a:b]
        if len(said) > QUOTE_CHARS:
            said = next((line for line in said.splitlines() if says(line, [word])), said[:QUOTE_CHARS])
        return " ".join(said.split()).strip(" '\"")
    return ""


# a claim number (Medicare ICNs are 13 digits) a few words after the phrase that names the earlier claim
_CLAIM_NUMBER_AFTER = re.compile(r"^[\s:#,-]*(?:(?:icn|dcn|claim|number|no\.?|#)[\s:#.-]*){0,3}(\d{10,15})\b", re.I)


def earlier_claim(pattern: DenialPattern, payer_text: str) -> str | None:
    """The earlier claim's number as the payer's notice names it (pattern `earlier_claim_words`), else None."""
    flat = " ".join(payer_text.split())
    for word in pattern.earlier_claim_words:
        for m in re.finditer(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", flat, re.I):
            if (number := _CLAIM_NUMBER_AFTER.match(flat[m.end() : m.end() + 40])) is not None:
                return number.group(1)
    return None


# "paid" said of the earlier claim, not "not paid", "unpaid" or "no payment"
_PAID = re.compile(r"\b(?<!un)paid\b", re.I)
_NOT_PAID = re.compile(r"\b(?:not|never|unpaid|no payment|denied)\b", re.I)
_SENTENCES = re.compile(r"[^.;\n]+(?:\.(?=\S)[^.;\n]*)*")


def _said_paid_of_earlier(sentence: str, words: Sequence[str]) -> bool:
    """"paid", not negated, said of the earlier claim: read from the first phrase naming that claim on, so the
    denial of this line earlier in the same sentence ("97550 denied CO-18 -- duplicate of claim 222…, paid 10/14")
    is not read as the earlier claim's."""
    flat = " ".join(sentence.split())
    named = _any_of(tuple(words)).search(flat.lower()) if words else None
    if named is None:
        return False
    tail = flat[named.start() :]
    paid = _PAID.search(tail)
    return paid is not None and not _NOT_PAID.search(tail[: paid.start()])


def earlier_claim_paid(pattern: DenialPattern, payer_text: str) -> bool:
    """The payer's notice says the earlier claim it names was paid ("Original claim 9907101 paid 10/02/2026")."""
    if not pattern.earlier_claim_paid:
        return False
    return any(_said_paid_of_earlier(m.group(0), pattern.earlier_claim_words) for m in _SENTENCES.finditer(payer_text))


def _statement_remedy(pattern: DenialPattern, said: PayerStatement, payer_type: str, payer_text: str,
                      met: Collection[str], named: str) -> Remedy | None:
    """The answer one `when_payer_says` entry gives when its payer type, words (none of `unless`) and checks fit."""
    word = says(payer_text, said.words) if said.words else None
    heard = (not said.words or word is not None) and says(payer_text, said.unless) is None
    if payer_type not in said.payer_types or not set(said.requires_met) <= set(met) or not heard:
        return None
    return Remedy(
        said.remedy, pattern.title, said.remedy_reason + named, line_modifiers=tuple(said.add_modifiers),
        sources=tuple(said.sources or pattern.sources), from_payer=True,
        quoted=said_sentence(payer_text, word) if word else "",
    )


def pattern_remedy(pattern: DenialPattern | None, payer_type: str, payer_text: str, met: Collection[str],
                   on: date | None = None) -> Remedy:
    """The pattern's remedy, or the first `when_payer_says` answer whose payer type, words and checks all fit
    (an answer without words is opened by the payer type alone); a denied line the words call another service than
    the paid one first, then an earlier claim the notice says was paid, then a provider whose every stated effective
    date falls after the date of service `on`."""
    if pattern is None:
        return NO_PATTERN
    number = earlier_claim(pattern, payer_text)
    named = f" The payer's notice names the earlier claim: ICN {number}." if number is not None else ""
    first = [said for said in pattern.when_payer_says if said.another_service]
    for said in first:  # "different sessions": the paid claim is another service, so its payment closes nothing
        if (remedy := _statement_remedy(pattern, said, payer_type, payer_text, met, named)) is not None:
            return remedy
    if earlier_claim_paid(pattern, payer_text):  # the service is already paid: nothing else the words say changes that
        return Remedy("no_appeal", pattern.title, pattern.earlier_claim_paid, sources=tuple(pattern.sources),
                      from_payer=True)
    if enrolled_after_service(pattern, payer_text, on):  # no claim appeal moves an enrolment's effective date
        return Remedy("no_appeal", pattern.title, pattern.effective_after_service, sources=tuple(pattern.sources),
                      from_payer=True)
    if pattern.keyed_number_wrong and (pair := transposed_numbers(pattern.keyed_number_words, payer_text)):
        said = f" The file states {pair[0]} and {pair[1]}: the same characters in another order."
        return Remedy("corrected_claim", pattern.title, pattern.keyed_number_wrong + said,
                      sources=tuple(pattern.sources), from_payer=True)
    for said in pattern.when_payer_says:
        if not said.another_service and (
                remedy := _statement_remedy(pattern, said, payer_type, payer_text, met, named)) is not None:
            return remedy
    return Remedy(
        pattern.remedy, pattern.title, pattern.remedy_reason + named, therapy_modifiers=tuple(pattern.add_modifiers),
        sources=tuple(pattern.sources),
    )


def time_profile(kb: Knowledge, payer_type: str, payer_text: str) -> tuple[Profile, str | None]:
    """The profile the note is checked by: a payer's written full-time rule makes it strict."""
    for hint in kb.appeals.time_rule_hints:
        if payer_type in hint.payer_types and (word := says(payer_text, hint.words)):
            return hint.profile, word
    return "medicare", None


def payer_points(kb: Knowledge, payer_text: str, met: Collection[str]) -> list[PayerPoint]:
    """The reasons the payer's words state (knowledge/denials/payer_points.yaml) whose required checks are met."""
    return [
        point
        for point in kb.payer_points.values()
        if set(point.requires_met) <= set(met)
        and says(payer_text, point.words) is not None
        and says(payer_text, point.unless) is None
    ]
