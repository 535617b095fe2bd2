"""Denials as billers paste them into the denial box: 835 segment excerpts, EOB and portal lines, Medicare Summary
Notices, redetermination and reconsideration decision letters, work-queue comments.

    paste = read_paste(text)          # None when the text is a typed code list ("CO-50 N115") or plain words
    paste.group, paste.carcs, paste.rarcs   # the denial's codes: the denied lines' (routine adjustments left out)
    paste.lines, paste.level, paste.notice_date

`denial.parse_denial` reads a paste that names a CARC this way; `case.build_case` takes the lines, the decided level
and the notice date from either input (`fill_claim`) where the claim leaves them out. Pure; linear in the text's
length; nothing read from a paste (names, member ids, claim numbers) is echoed in a warning or an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assistant.drafting.claims import Claim, ClaimLine
from assistant.drafting.models import Denial, DeniedLine
from assistant.drafting.paste.common import FILING_INDICATORS, ROUTINE, Adj, Item, Reading, as_shown
from assistant.drafting.paste.identifiers import stated_identifiers
from assistant.drafting.paste.items import read_items
from assistant.drafting.paste.notice import decided_level, notice_date, service_dates
from assistant.drafting.paste.rows import own_named_rows
from assistant.drafting.paste.segments import has_segments, own_claim, read_segments
from assistant.drafting.paste.typed import part_of_claim, typed_lines

__all__ = [
    "FILING_INDICATORS", "ROUTINE", "Paste", "as_shown", "fill_claim", "own_claim", "own_named_rows", "read_paste",
    "service_dates", "with_paste",
]
#: Longer pastes are read up to this many characters (a whole 835 belongs in `assistant era import`).
MAX_CHARS = 100_000


@dataclass
class Paste:
    """What a pasted denial says: its lines with their codes, the denial's codes, the decided level, the date."""

    kind: str
    lines: list[DeniedLine] = field(default_factory=list)
    group: str | None = None
    carcs: list[str] = field(default_factory=list)
    rarcs: list[str] = field(default_factory=list)
    level: str | None = None
    notice_date: date | None = None
    words: str = ""
    payer_type: str | None = None
    #: Each CARC's own group where the paste gives it one that is not the denial's.
    own_groups: dict[str, str] = field(default_factory=dict)

    def attach(self, denial: Denial) -> Denial:
        """The denial with the paste's lines, level and date where it has none of its own."""
        return denial.model_copy(update={
            "lines": denial.lines or self.lines,
            "level": denial.level or self.level,
            "notice_date": denial.notice_date or self.notice_date,
            "payer_type": denial.payer_type or self.payer_type,
        })

    def summary(self) -> str:
        parts = [f"{len(self.lines)} line(s)"] if self.lines else []
        parts += [f"a {self.level} decision"] if self.level else []
        parts += [f"notice dated {self.notice_date.isoformat()}"] if self.notice_date else []
        return f"the denial was read from a pasted {self.kind}" + (f": {', '.join(parts)}" if parts else "")


def _denied(item: Item, claim_level: list[Adj]) -> bool | None:
    own = item.adjustments or claim_level
    if any(not a.routine for a in own):
        return True
    if own or item.paid:
        return False
    return None


def _line(item: Item, claim_level: list[Adj]) -> DeniedLine:
    return DeniedLine(
        code=item.code, units=item.units, modifiers=list(dict.fromkeys(item.modifiers)),
        adjustments=list(dict.fromkeys(a.label for a in item.adjustments)),
        remarks=list(dict.fromkeys(item.remarks)), denied=_denied(item, claim_level),
    )


def _codes(reading: Reading) -> tuple[str | None, list[str], list[str]]:
    """The denial's group, CARCs and RARCs: the adjustments other than routine ones (all when only routine ones were
    made, as when a line went to the deductible), with the remarks of the lines they took and the claim's."""
    taken = [i for i in reading.items if any(not a.routine for a in i.adjustments)]
    adjs = [a for a in [*reading.adjustments, *(a for i in reading.items for a in i.adjustments)] if not a.routine]
    if not adjs:
        adjs = [*reading.adjustments, *(a for i in reading.items for a in i.adjustments)]
        taken = reading.items
    amounts: dict[str, Decimal] = {}
    for a in adjs:
        if a.group:
            amounts[a.group] = amounts.get(a.group, Decimal(0)) + (a.amount or Decimal(0))
    group = max(amounts, key=lambda g: amounts[g]) if amounts else None  # ties keep the first named
    remarks = [*reading.remarks, *(r for i in taken for r in i.remarks)]
    return group, list(dict.fromkeys(a.reason for a in adjs)), list(dict.fromkeys(remarks))


def _own_groups(reading: Reading, group: str | None, carcs: list[str]) -> dict[str, str]:
    """Each CARC's own group where it is not the denial's ("CO-45, PR-2": PR for 2)."""
    own: dict[str, str] = {}
    for a in [*reading.adjustments, *(a for i in reading.items for a in i.adjustments)]:
        if a.group and a.reason in carcs and a.reason not in own:
            own[a.reason] = a.group
    return {c: g for c, g in own.items() if g != group}


def read_paste(text: str | None) -> Paste | None:
    """The paste's reading, or None when `text` is not a paste (a typed code list, a sentence with no line or date)."""
    if not text or not text.strip():
        return None
    text = text[:MAX_CHARS]
    dated: date | None
    if has_segments(text):
        kind, (reading, dated) = "835 excerpt", read_segments(text)
        words = "\n".join(reading.words)
    else:
        kind, reading, dated, words = "remittance or notice", read_items(text), None, text
    level = decided_level(text)
    dated = dated or notice_date(text)
    if kind != "835 excerpt" and not (level or dated or "\n" in text.strip()):
        return None  # one line of typed codes or words, dated by nothing: the typed-denial reader's
    if not (reading.items or reading.adjustments or level or dated):
        return None
    kind = "decision letter" if level else kind
    group, carcs, rarcs = _codes(reading)
    lines = [_line(i, reading.adjustments) for i in reading.items]
    own = _own_groups(reading, group, carcs)
    return Paste(kind, lines, group, carcs, rarcs, level, dated, words.strip(), reading.payer_type, own)


def with_paste(denial: Denial, *texts: str | None) -> Denial:
    """The denial with the lines, decided level and notice date of whichever input is a paste."""
    for text in texts:
        if denial.lines and denial.level and denial.notice_date and denial.payer_type:
            break
        if (paste := read_paste(text)) is not None:
            denial = paste.attach(denial)
    for text in texts if not denial.lines else ():  # no paste gave lines: those a typed denial names
        if (lines := typed_lines(text)):
            return denial.model_copy(update={"lines": lines})
    return denial


def _decision_dated(claim: Claim, denial: Denial) -> dict[str, object]:
    """A pasted decision letter later than the claim's notice (a QIC decision pasted, the claim keeping the initial
    denial's date, hostile15 #1): the next level counts from the letter's own date, so its date and level replace
    the claim's older ones. A claim that names its last decision's level keeps its own date and level."""
    given, dated = claim.notice_date, denial.notice_date
    if denial.level is None or dated is None or given is None or dated <= given or claim.prior_level is not None:
        return {}
    return {"notice_date": dated, "prior_level": denial.level}


def _named_in_prose(denial: Denial) -> bool:
    """A decision letter names the service in its prose ("Item/service: 97550 ...; 97551 x3"), not how the claim
    billed it: with no modifier on any line, the billed modifiers are unknown, not missing, so they are no billed
    lines to correct (hostile15 #3: a decided redetermination goes to the next level, never a reopening)."""
    return denial.level is not None and not any(ln.modifiers for ln in denial.lines)


def fill_claim(claim: Claim, denial: Denial) -> tuple[Claim, list[str]]:
    """The claim with what the pasted denial adds and the claim leaves out: the notice date, the decided level, the
    payer type (CLP06), the lines (when the claim has none) or which of its lines were denied (when it flags none).
    Overrides only the notice date and level of a decision letter later than the claim's notice."""
    later = _decision_dated(claim, denial)
    claim = claim.model_copy(update=later) if later else claim
    said = [f"the pasted decision letter is dated {denial.notice_date} (a {denial.level} decision), later than the "
            "claim's notice date: the next level counts from the letter"] if later else []
    update: dict[str, object] = {}
    if claim.notice_date is None and denial.notice_date is not None:
        update["notice_date"] = denial.notice_date
    if claim.prior_level is None and denial.level is not None:
        update["prior_level"] = denial.level
    if claim.payer_type is None and denial.payer_type is not None:
        update["payer_type"] = denial.payer_type
    # a typed denial's claim number, ICN and payer ("Noridian JF remittance ..., claim #NJ-2291"): not placeholders
    update.update({k: v for k, v in stated_identifiers(denial.text).items() if getattr(claim, k) is None})
    # a typed "line 2 97551-GO denied" is one line of a longer claim: the note's billing stands for the rest
    partial = part_of_claim(denial.text, len(denial.lines))
    if not claim.lines and denial.lines and not _named_in_prose(denial) and not partial:
        update["lines"] = [
            ClaimLine(code=ln.code, units=ln.units if ln.units is not None else 1, modifiers=ln.modifiers,
                      denied=ln.denied)
            for ln in denial.lines
        ]
    elif claim.lines and all(ln.denied is None for ln in claim.lines):
        flags = {ln.code: ln.denied for ln in denial.lines if ln.denied is not None}
        if flags:
            update["lines"] = [ln.model_copy(update={"denied": flags.get(ln.code)}) for ln in claim.lines]
    if not update:
        return claim, said
    named = ", ".join(k.replace("_", " ") for k in update)
    return claim.model_copy(update=update), [*said, f"from the pasted denial: {named} (the claim did not give it)"]
