"""Worked sums for money questions: the total allowed for some minutes, an assistant's 85 %, the patient's
coinsurance, Medicare's share after sequestration, a group's units across patients, the facility gap.

Each sum is written out ("$52.77 + 2 × $26.05 = $104.87") and cites the passage of every figure it uses, so the
answer gate checks the operands against those passages and the arithmetic itself (`gate.summed`): a result is
as grounded as its operands. Amounts come from `assistant.billing` through `unit_amounts`; rates (85 %, 20 %,
2 %) from the fee schedule's own entries. Pure: an `Intent` and the knowledge in, `Claim`s out.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.answer.facts import Claim, when
from assistant.billing import supported_lines_for_minutes
from assistant.drafting.deadlines import deadline_for
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import RVU
from assistant.retrieval import routing
from assistant.retrieval.chunk_base import money
from assistant.retrieval.chunk_facts import fee_entry, lines_words, tagged, unit_amounts, unit_bands
from assistant.retrieval.pin import Pin
from assistant.retrieval.understand import MONTHS, Intent, Period, find_dates

# "what's the total allowed", "what will medicare pay", "how much is her share": a sum of money is asked for (not
# "do families have to pay out of pocket?", which asks whether)
MONEY = re.compile(r"how much|\$|\btotal (?:national |medicare |\w+ )?(?:allow|pa(?:y|id)|amount|reimburs)"
                   r"|\bactual (?:number|amount|payment)\b"
                   r"|\bwhat(?:'s| is| are| was| will| would| does| do| did)?\b.{0,60}?\b(?:share|owe|pay|paid|allow"
                   r"|amount|number|rate|check|cost|reimburs)", re.I)
# "$22/hr", "$18 an hour": an hourly wage paid to a person
WAGE = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?\s*(?:/\s*|per\s+|an?\s+)(?:hr|hour)s?\b", re.I)
ASSISTANT = re.compile(r"\b(?:pta|ota|cota|assistants?)\b|\b(?:cq|co) modifier\b|\bwith (?:cq|co)\b", re.I)
SHARE = re.compile(r"\b(?:her|his|their|the patient'?s?|pt'?s?|member'?s?) (?:share|portion|part|responsibility)\b"
                   r"|\bcoinsurance\b|\bout of pocket\b|\b(?:she|he|they|patient|pt) (?:owes?|pays?)\b"
                   r"|\bwhat (?:does|will|would) (?:she|he|they|the patient|the pt) (?:owe|pay)\b", re.I)
NET = re.compile(r"\bsequest|\b2 ?(?:%|percent)|\bactual(?:ly)? (?:paid|payment|number|check|amount)"
                 r"|\bless than 80\b|\bmedicare'?s (?:check|payment|share)\b|\bnet\b", re.I)
GAP = re.compile(r"\bgap\b|\bdifference\b|\b(?:less|lower|more|higher) than\b"
                 r"|\bhow (?:much|big) (?:less|lower|more|higher|of a)\b|\bvs\.?\b|\bversus\b",
                 re.I)
# the facility rate named ("what's the facility rate"), not only the non-facility one the question is paid at
FACILITY = re.compile(r"(?<!non)(?<!non-)(?<!non )\bfacility\b", re.I)
QP = re.compile(r"(?<!non)(?<!non-)(?<!non )\b(?:qp|qualifying apm)\b", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "caregivers of 4 different patients", "they belong to 5 different pts", "from 3 pts"
# ("families of 3 Part B residents", "caregivers of 3 members": a payer's word for its patients, after a qualifier;
# not "7 family members", who are the caregivers)
PATIENTS = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:different\s+|separate\s+"
                      r"|distinct\s+|individual\s+)?(?:(?:part b|medicare|snf|plan|long-stay|ltc|mds)\s+)?"
                      r"(?:pts|patients|beneficiaries|families|residents|kids|children|members)\b", re.I)
# "patients represented: 4", "patients = 3": a sign-in sheet's count written after its label
PATIENTS_LABELLED = re.compile(r"\bpatients?(?:\s+represented)?\s*[:=]\s*(\d{1,2})\b", re.I)
# "Mr. Abernathy's wife ... Mrs. Bellweather's husband": each patient named once, by whose caregivers came
_WHOSE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][\w-]+)'s\b")
_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
# (a session for "families of 3 residents", "caregivers of 3 members" is a group, whatever the question calls it)
GROUP = re.compile(r"\bgroup\b|\bclass\b|\b97552\b|\bG0543\b|\b(?:families|caregivers) of (?:\d{1,2}|two|three|four"
                   r"|five|six)\b", re.I)
# "how many 97552 units", "1 unit total on one claim?", "total allowed": a count or sum is asked, not which code
COUNT_ASKED = re.compile(r"\bhow many\b|\bunits?\b|\bclaims?\b|\btotal\b|\ballow|\bline count\b", re.I)


@dataclass(frozen=True)
class _Fee:
    """One code's national unit amount on a date, and the entry whose passage states it."""

    code: str
    amount: float
    entry: str


def _on(intent: Intent) -> date | None:
    if intent.period is not None:
        return intent.period[0]
    return intent.today


def _rvu(kb: Knowledge, code: str, on: date) -> RVU | None:
    return next((r for r in kb.fees.rvus if r.code == code and (r.effective_from is None or r.effective_from <= on)
                 and (r.effective_to is None or r.effective_to >= on)), None)


def _fee(kb: Knowledge, code: str, on: date, intent: Intent) -> _Fee | None:
    rvu = _rvu(kb, code, on)
    amounts = unit_amounts(kb.fees, code, on, qp=bool(QP.search(intent.query))) if rvu else None
    if rvu is None or amounts is None:
        return None
    return _Fee(code, amounts[1] if intent.facility else amounts[0], f"fee:{fee_entry(rvu)}")


def _family_name(intent: Intent, kb: Knowledge) -> str:
    """The caregiver-training family of the codes asked about; when none is named, the family of what was taught
    (direct care, such as wound care, on a date the G0541 family exists), else the 97550 family."""
    families = [kb.codes[c].family for c in intent.procedure_codes if c in kb.codes]
    named = next((f for f in families if f in ("cts", "direct_care", "behavior")), None)
    return named or routing.units_family(intent, kb) or "cts"


def _in_force(kb: Knowledge, code: str, intent: Intent) -> bool:
    """The code was in effect in the period asked about (or no period is asked about)."""
    known = kb.codes.get(code)
    period = intent.period
    return known is None or period is None or (
        (known.effective_from is None or known.effective_from <= period[1])
        and (known.effective_to is None or known.effective_to >= period[0]))


def _family(intent: Intent, kb: Knowledge) -> tuple[str, str, str]:
    return kb.family_codes(_family_name(intent, kb))


def _rate_words(on: date, intent: Intent) -> str:
    setting = "facility" if intent.facility else "non-facility"
    return f"{on.year} national {setting} amounts"


def minutes_total(intent: Intent, kb: Knowledge) -> tuple[Claim, float, list[_Fee]] | None:
    """ "55 min ... total Medicare allowed": the lines the minutes support and the sum of their amounts."""
    on = _on(intent)
    if on is None or len(set(intent.minutes)) != 1 or not MONEY.search(intent.query):
        return None
    primary, addon, _ = _family(intent, kb)
    lines = supported_lines_for_minutes(intent.minutes[0], codes=(primary, addon))
    fees = [_fee(kb, code, on, intent) for code, _ in lines]
    if not lines or any(f is None for f in fees):
        return None
    found = [f for f in fees if f is not None]
    pairs = list(zip(found, [units for _, units in lines], strict=True))
    terms = [money(f.amount) if units == 1 else f"{units} × {money(f.amount)}" for f, units in pairs]
    total = round(sum(round(f.amount, 2) * units for f, units in pairs), 2)
    family = _family_name(intent, kb)
    worked = f"{' + '.join(terms)} = {money(total)}" if len(terms) > 1 or lines[0][1] > 1 else money(total)
    text = (f"{intent.minutes[0]} minutes supports {lines_words(lines)}; at the {_rate_words(on, intent)} that is "
            f"{worked}.")
    entries = [f.entry for f in found]
    return Claim(text, entries[0], "worked", (f"units:{family}", *entries[1:])), total, found


# "97550 plus 3 units of 97551", "97550 x1 + 97551 x3", "97551 x 2": the units of each line billed, as written
_LINE_UNITS = re.compile(r"\b(?P<code>9\d{4}|G0\d{3})\s*(?:x|×|\*)\s*(?P<after>\d{1,2})\b"
                         r"|\b(?P<before>\d{1,2}|one|two|three|four|five|six)\s+(?:units?|x)\s+(?:of\s+)?"
                         r"(?P<code2>9\d{4}|G0\d{3})\b", re.I)
_WORD_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def lines_total(intent: Intent, kb: Knowledge) -> tuple[Claim, float, list[_Fee]] | None:
    """ "97550 plus 3 units of 97551 in 2025, total?": the lines as billed (a code named without a count is one unit)
    and the sum of their amounts, when an add-on's units are written and no minutes are."""
    on = _on(intent)
    if on is None or intent.minutes or not MONEY.search(intent.query) or len(intent.procedure_codes) < 2:
        return None
    counts: dict[str, int] = {}
    for m in _LINE_UNITS.finditer(intent.query):
        code = (m.group("code") or m.group("code2")).upper()
        said = m.group("after") or m.group("before")
        counts[code] = int(said) if said.isdigit() else _WORD_UNITS[said.lower()]
    if not any(n > 1 for n in counts.values()):
        return None
    lines = [(c, counts.get(c, 1)) for c in intent.procedure_codes]
    fees = [_fee(kb, code, on, intent) for code, _ in lines]
    if any(f is None or n < 1 for f, (_, n) in zip(fees, lines, strict=True)):
        return None
    found = [f for f in fees if f is not None]
    terms = [money(f.amount) if n == 1 else f"{n} × {money(f.amount)}" for f, (_, n) in zip(found, lines, strict=True)]
    total = round(sum(round(f.amount, 2) * n for f, (_, n) in zip(found, lines, strict=True)), 2)
    billed = " plus ".join(c if n == 1 else f"{n} units of {c}" for c, n in lines)
    text = f"{billed}: at the {_rate_words(on, intent)} that is {' + '.join(terms)} = {money(total)}."
    entries = [f.entry for f in found]
    return Claim(text, entries[0], "worked", tuple(entries[1:])), total, found


def _base(intent: Intent, kb: Knowledge) -> tuple[float, str, tuple[str, ...]] | None:
    """The amount a percentage applies to: the minutes' total when minutes are given, else one unit of the first
    code asked about (or the family's primary code); with the entries that hold it."""
    worked = minutes_total(intent, kb) or lines_total(intent, kb)
    if worked is not None:
        claim, total, _ = worked
        return total, claim.entry, claim.also
    on = _on(intent)
    code = next((c for c in intent.procedure_codes if c in kb.codes), _family(intent, kb)[0])
    fee = _fee(kb, code, on, intent) if on else None
    return (fee.amount, fee.entry, ()) if fee else None


# "reimbursed 110% of the CY2025 Medicare national non-facility rate", "80 percent of the fee schedule": a contract's
# share of Medicare's amount
PERCENT_OF_RATE = re.compile(r"\b(\d{2,3}(?:\.\d{1,2})?)\s?(?:%|percent)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?"
                             r"(?:medicare|mpfs|fee schedule|allowable|rate)\b", re.I)


def percent_of_rate(intent: Intent, kb: Knowledge) -> list[Claim]:
    """A contract paid at a share of the Medicare amount: that share of one unit of the code asked, worked out."""
    found = PERCENT_OF_RATE.search(intent.query)
    on = _on(intent)
    code = next((c for c in intent.procedure_codes if c in kb.codes), None)
    fee = _fee(kb, code, on, intent) if found and on and code else None
    if fee is None or not found:
        return []
    share = float(found.group(1))
    amount = round(fee.amount * share / 100, 2)
    where = "facility" if intent.facility else "non-facility"
    return [Claim(f"At {found.group(1)}% of the {on.year} national {where} amount for {code}: {found.group(1)}% × "
                  f"{money(fee.amount)} = {money(amount)} per unit.", fee.entry, "worked")]


def percentages(intent: Intent, kb: Knowledge) -> list[Claim]:
    """An assistant's 85 %, the patient's coinsurance, and Medicare's share after sequestration."""
    base = _base(intent, kb)
    # ("family pays her $22/hr privately, out of pocket": a person's wage is no fee whose share is asked)
    query = WAGE.sub(" ", intent.query)
    if base is None or not MONEY.search(query):
        return []
    amount, entry, also = base
    fees = kb.fees
    out: list[Claim] = []
    if ASSISTANT.search(intent.query):
        rate = round(fees.assistant_payment_rate * 100)
        paid = round(amount * fees.assistant_payment_rate, 2)
        out.append(Claim(f"A line furnished by an assistant (CQ or CO) is paid at {rate}% of the fee schedule amount: "
                         f"{rate}% × {money(amount)} = {money(paid)}.", "fee:assistant-rate", "worked", (entry, *also)))
        amount = paid
    coins = round(fees.coinsurance * 100)
    share = round(amount * fees.coinsurance, 2)
    if SHARE.search(intent.query):
        out.append(Claim(f"After the deductible the patient owes {coins}% coinsurance: {coins}% × {money(amount)} = "
                         f"{money(share)}.", "fee:coinsurance", "worked", (entry, *also)))
    on = _on(intent)
    seq = next((s for s in fees.sequestration if on and (s.effective_from is None or s.effective_from <= on)), None)
    if NET.search(intent.query) and seq is not None:
        medicare = round(amount - share, 2)
        cut = round(seq.rate * 100)
        net = round(medicare * (1 - seq.rate), 2)
        out.append(Claim(f"Medicare's share is {money(amount)} − {coins}% × {money(amount)} = {money(medicare)}, and "
                         f"sequestration takes {cut}% of it: {money(medicare)} − {cut}% × {money(medicare)} = "
                         f"{money(net)}.", f"fee:{tagged('sequestration', seq.id)}", "worked",
                         (entry, *also, "fee:coinsurance")))
    return out


def _patients_counted(query: str) -> tuple[int, str] | None:
    """How many patients the question's caregivers represent, and the count as said (a count read off the patients'
    names is said in words: the question never wrote its digit)."""
    found = PATIENTS.search(query) or PATIENTS_LABELLED.search(query)
    if found:
        return (int(found.group(1)) if found.group(1).isdigit() else _NUMBER_WORDS[found.group(1).lower()],
                found.group(1))
    named = len({m.group(1) for m in _WHOSE.finditer(query)})
    return (named, _COUNT_WORDS[named]) if named in _COUNT_WORDS else None


def group_units(intent: Intent, kb: Knowledge) -> list[Claim]:
    """ "7 caregivers of 5 different patients": one unit of the group code on each represented patient's claim."""
    counted = _patients_counted(intent.query)
    if counted is None or not GROUP.search(intent.query) or not COUNT_ASKED.search(intent.query):
        return []
    count, said = counted
    _, _, group = _family(intent, kb)
    if not group or count < 2 or not _in_force(kb, group, intent):
        return []  # (a group code asked about on a date before it existed: its dates answer, not its units)
    family = _family_name(intent, kb)
    out = [Claim(f"{group} is one unit on each represented patient's claim: {said} patients, so {said} units of "
                 f"{group}, one on each of the {said} patients' claims.", f"units:{family}", "worked")]
    on = _on(intent)
    fee = _fee(kb, group, on, intent) if on else None
    if on and fee is not None and MONEY.search(intent.query) and re.search(r"how much|total|allow|\$", intent.query,
                                                                          re.I):
        out.append(Claim(f"At the {_rate_words(on, intent)}: {count} × {money(fee.amount)} = "
                         f"{money(round(fee.amount * count, 2))} across the {said} claims.", fee.entry, "worked",
                         (f"units:{family}",)))
    return out


def facility_gap(intent: Intent, kb: Knowledge) -> list[Claim]:
    """ "what is the facility rate, and how far below the office rate is it?": both amounts of one unit and their
    difference."""
    on = _on(intent)
    if on is None or not GAP.search(intent.query) or not FACILITY.search(intent.query):
        return []
    code = next((c for c in intent.procedure_codes if c in kb.codes), _family(intent, kb)[0])
    # "how much bigger is the 2026 gap compared to 2025?": each year named, on the same day of that year
    days = [on] + [on.replace(year=y, day=min(on.day, 28)) for y in sorted(set(intent.years)) if y != on.year]
    out: list[Claim] = []
    for day in days:
        rvu = _rvu(kb, code, day)
        amounts = unit_amounts(kb.fees, code, day, qp=bool(QP.search(intent.query))) if rvu else None
        if rvu is None or amounts is None:
            continue
        nonfac, fac = amounts
        out.append(Claim(f"In {day.year} {code} pays {money(fac)} facility against {money(nonfac)} non-facility "
                         f"nationally: {money(nonfac)} − {money(fac)} = {money(round(nonfac - fac, 2))} per unit.",
                         f"fee:{fee_entry(rvu)}", "worked"))
    return out


_CLOCK = r"(\d{1,2}):(\d{2})"
# "session was 1:00-1:50", "10:00 to 10:40"
CLOCK_RANGE = re.compile(_CLOCK + r"\s*(?:[ap]\.?m\.?)?\s*(?:-|–|to|until|till)\s*" + _CLOCK, re.I)
# "the pt wandered in at 1:35", "patient joined at 10:40" (the patient's part ends the training); "pt left at 9:20"
# (the training starts then)
PATIENT_AT = re.compile(r"\b(?:pt|patient|client|child|kid|resident|he|she)\b(?:\s+[\w']+){0,3}?\s+"
                        r"(?:(walked in|wandered in|came in|came back|joined|arrived|returned|(?:was )?brought in)"
                        r"|(left|went home|walked out|was taken out))\b(?:\s+[\w']+){0,2}?\s+at\s+" + _CLOCK, re.I)


# "from 10:30 pt came from waiting room", "at 2:15 the patient joined": the moment written before the patient
# ("14:30-14:42 pt brought back to practice": a later range that is the patient's starts the patient's part)
PATIENT_FROM = re.compile(r"(?:\b(?:from|at|after)\s+" + _CLOCK + r"|\b" + _CLOCK.replace("(", "(?:")
                          + r"\s*(?:-|–|to)\s*\d{1,2}:\d{2})\s*(?:[ap]\.?m\.?)?,?\s+(?:the\s+|my\s+)?"
                          r"(?:pt|patient|client|child|kid|resident)\b(?:\s+[\w']+){0,1}?\s+"
                          r"(?:(walked in|wandered in|came|joined|arrived|returned|(?:was )?brought)"
                          r"|(left|went home|walked out|was taken out))\b", re.I)


# "he was at the neighbor's until 11:35, then wandered in": away until a time, then in
PATIENT_UNTIL = re.compile(r"\b(?:pt|patient|client|child|kid|resident|he|she)\b[^.?!;]{0,40}?\buntil\s+" + _CLOCK
                           + r"\s*(?:[ap]\.?m\.?)?,?\s+(?:and\s+)?(?:then\s+)?(?:he\s+|she\s+)?"
                           r"(walked in|wandered in|came in|came back|joined|arrived|returned|was brought in)\b", re.I)


def _patient_moment(query: str) -> tuple[str | None, str, str] | None:
    """(came, hours, minutes) of the moment the patient came in or (came None) left, in either word order."""
    until = PATIENT_UNTIL.search(query)
    if until is not None:
        return until.group(3), until.group(1), until.group(2)
    after = PATIENT_AT.search(query)
    if after is not None:
        return after.group(1), after.group(3), after.group(4)
    before = PATIENT_FROM.search(query)
    if before is not None:
        hours, minutes = re.findall(r"(\d{1,2}):(\d{2})", before.group(0))[0]
        return before.group(3), hours, minutes
    return None


def _clock(hours: str, minutes: str, after: int | None = None) -> int:
    """Minutes since 12:00 of a clock time written without am/pm, on the 12-hour dial; not before `after`."""
    value = int(hours) % 12 * 60 + int(minutes)
    return value + 720 if after is not None and value < after else value


def absent_minutes(intent: Intent, kb: Knowledge) -> list[Claim]:
    """ "session 1:00-1:50, the pt walked in at 1:35": only the minutes without the patient are caregiver training,
    counted from the clock times the question gives (CONVENTIONS: a patient who joins for a part)."""
    session = CLOCK_RANGE.search(intent.query)
    moment = _patient_moment(intent.query)
    if session is None or moment is None:
        return []
    start = _clock(session.group(1), session.group(2))
    end = _clock(session.group(3), session.group(4), after=start)
    came, hours, mins = moment
    at = _clock(hours, mins, after=start)
    # (the patient coming in as the range ends: the range is the caregiver's, the patient's part another range)
    if not (start < at < end or (came and at == end)):
        return []
    said = f"{hours}:{mins}"
    first, last = (f"{session.group(1)}:{session.group(2)}", said) if came else (said, f"{session.group(3)}:"
                                                                                        f"{session.group(4)}")
    absent = at - start if came else end - at
    primary, addon, _ = _family(intent, kb)
    lines = supported_lines_for_minutes(absent, codes=(primary, addon))
    band = next(((lo, hi) for lo, hi, got in unit_bands((primary, addon)) if lo <= absent <= hi), None)
    if band is None:
        return []
    family = _family_name(intent, kb)
    supports = f"supports {lines_words(lines)}" if lines else "supports nothing reportable"
    return [Claim(f"Only the minutes without the patient count as caregiver training: {first} to {last} is {absent} "
                  f"minutes, which {supports} under the CPT mid-point rule ({band[0]}-{band[1]} minutes); the time "
                  "with the patient belongs to a patient-present code.",
                  f"units:{family}", "worked")]


# "remit dated August 14, 2026 ... what's the last day?": the date a filing limit counts from is a notice's
# ("Denied CO-50 on 11/20/2026": the denial code between "denied" and its day)
NOTICE_CUE = re.compile(r"\b(?:dated|notice|letter|remit\w*|RA|EOB|MSN|decision|determination"
                        r"|den(?:ied|ial)(?:\s+(?:as\s+)?(?:CO|PR|OA|PI)[- ]?[A-Z]?\d{1,3})?\s+on)\b", re.I)
# "no wait, that one's from the drug plan", "I had the wrong envelope", "correction:": what follows replaces what the
# question said before
SELF_CORRECTION = re.compile(r"\bno,? wait\b|\bwait,? no\b|\bscratch that\b|\bcorrection\b|\bI mean\b"
                             r"|\b(?:had|grabbed|got|read|opened) the wrong\b|\bsorry,? (?:it'?s|it was|I meant)\b",
                             re.I)
SERVICE_CUE = re.compile(r"\bDOS\b|date of service|\bsession on\b|\bseen on\b", re.I)
DUE_ASKED = re.compile(r"\bdeadline\b|\blast day\b|\b(?:still|yet) open\b"
                       r"|\bby when\b|\buntil when\b|\bhow long\b|\bstill in time\b"
                       r"|\btoo late\b|\bdue\b|\bneed to go in\b|\bfile by\b|\b(?:un)?timely\b|\bin time\b"
                       r"|\bstill (?:file|appeal|send)\b"
                       # "is there still time", "how many days I have left", "it ran out yesterday", "late or on time?"
                       r"|\bstill (?:have )?time\b|\bstill can\b|\b(?:days|time) (?:\w+ ){0,3}left\b"
                       r"|\b(?:ran|run) out\b|\b(?:lots of|plenty of|enough) time\b"
                       r"|\bon time\b|\b(?:was|is|it|were) late\b", re.I)


LATE_ASKED = re.compile(r"\btoo late\b|\bstill in time\b|\b(?:still|yet) open\b|\bopen still\b"
                        r"|\bmissed\b|\bstill (?:file|appeal|send)|\b(?:un)?timely\b"
                        r"|\bin time\b|\b(?:lots of|plenty of|enough) time\b|\bstill (?:have )?time\b|\bstill can\b"
                        r"|\b(?:ran|run) out\b|\bon time\b"
                        r"|\b(?:was|is|it|were) late\b", re.I)
# "request date-stamped received by the MAC 06/25/2024", "we faxed it on 7/30/2026": the day a request went in, which
# an auditor compares with the last day
_FILED_ON = re.compile(r"\b(?:received|filed|submitted|sent|send|faxed|mailed|postmarked|date-stamped|stamped"
                       r"|reached|arrived|got (?:to|there))\b"
                       r"(?P<rest>[^.?!;]{0,60})", re.I)


# "remit dated 09/01/2026", "letter of Oct 9 2026", "notice date 2026-10-30": a day written just after a notice's name
# ("initial determination (remittance) dated 02/20/2024": a bracketed aside between the name and its date; "notice for
# 97550 have date 25 January 2024": the code it is for and a learner's verb between them)
# ("Remit/notice date 08/14/2026": two names of the one notice joined by a slash)
# ("initial determination notice dated 2024-02-08": a second name of the one notice before its date)
_NOTICE_DATED = re.compile(NOTICE_CUE.pattern + r"(?:\s*/\s*[A-Za-z]+)?(?:\s+(?:notice|letter))?"
                           r"(?:\s*\([^()\n]{1,30}\))?(?:\s+for\s+[A-Z]?\d{4,5}\b)?"
                           r"(?:\s+(?:dated|date|of|on|from|was|is|have|has|had)){0,2}:?\s*(?P<rest>[^.?!;]{6,20})",
                           re.I)


# "denial dated 7/29", "letter of Oct 9": a day written without its year
_YEARLESS = re.compile(r"^(?:(\d{1,2})/(\d{1,2})(?![/\d])|(" + "|".join(sorted(MONTHS, key=len, reverse=True))
                       + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d))", re.I)


def _yearless(rest: str, today: date | None) -> date | None:
    """A notice day written without its year is the last such day on or before today (a notice is never future)."""
    m = _YEARLESS.match(rest)
    if m is None or today is None:
        return None
    month = int(m.group(1)) if m.group(1) else MONTHS[m.group(3).lower()]
    day = int(m.group(2) or m.group(4))
    for year in (today.year, today.year - 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found <= today:
            return found
    return None


def _yearless_written(query: str) -> str | None:
    """The notice day as the question wrote it, when it wrote it without a year ("7/29")."""
    for m in _NOTICE_DATED.finditer(query):
        found = _YEARLESS.match(m.group("rest"))
        if found is not None and not find_dates(m.group("rest"))[0]:
            return found.group(0)
    return None


def _named_notice_day(query: str, today: date | None = None) -> date | None:
    """The day written right after a notice's name, when one is ("Remit dated 09/01/2026 ... DOS 08/12/2026"); of
    several, the first one after the question corrects itself ("dated September 14 -- no wait, that one's from the
    drug plan ... The Medicare one is dated October 1")."""
    named: list[tuple[int, date]] = []
    # (overlapping: a name with no date after it, "the wrong letter, the denial is dated April 9", must not swallow
    # the next name; each match is short, so this stays linear in the text)
    m = _NOTICE_DATED.search(query)
    while m is not None:
        days, _, spans = find_dates(m.group("rest"))
        day = days[0] if days and spans and spans[0][0] == 0 else _yearless(m.group("rest"), today) if not days \
            else None
        if day is not None:
            named.append((m.start(), day))
        m = _NOTICE_DATED.search(query, m.start() + 1)
    fix = SELF_CORRECTION.search(query, named[0][0]) if len(named) > 1 else None
    later = [day for at, day in named if fix is not None and at > fix.start()]
    return later[0] if later else named[0][1] if named else None


def _filed_day(query: str, notice: date) -> date | None:
    """The day the question says a request went in, when it names one after the notice's day."""
    for m in _FILED_ON.finditer(query):
        days, _, _ = find_dates(m.group("rest"))
        later = [d for d in days if d > notice]
        if later:
            return later[0]
    return None


def _late_words(query: str, notice: date, due: date, overdue: bool, asks_late: bool, today: date) -> str:
    """How the last day compares with the day the request went in (said without a count the gate cannot check), or
    with today."""
    filed = _filed_day(query, notice)
    if filed is not None:
        return (f"; the request that went in on {filed.isoformat()} was after that day, so it was late" if filed > due
                else f"; the request that went in on {filed.isoformat()} was on or before that day, so it was timely")
    if overdue:
        return "; that day has passed"
    # (a last day that is today or tomorrow is said so: the asker has to act now)
    soon = {today: " (it is today)", today + timedelta(days=1): " (it is tomorrow)"}.get(due, "")
    # ("is the window still open?": said in the asker's word)
    still = ", so the filing window is still open" if asks_late else ""
    return f"; that day has not passed yet{soon}{still}" if asks_late or soon else ""


def _notice_day(intent: Intent) -> Period | None:
    """The day a filing limit counts from: the day written after a notice's name; else the one day the question
    writes ("letter dated June 1 2026"), even when a date of service was passed with it (a notice is never the date of
    service); else the period asked about."""
    named = _named_notice_day(intent.query, intent.today)
    if named is not None:
        return (named, named)
    days = [p for p in intent.periods if p[0] == p[1]]
    return days[0] if len(days) == 1 else intent.period


def _first_level(kb: Knowledge, payer: str | None) -> Pin | None:
    """The payer's first appeal level, for a deadline asked from a notice when the search pinned no route ("a letter
    dated October 7 saying no to paying for the training ... is there still time?" reads like a fee question)."""
    route = next((r for r in kb.appeals.routes if r.level == 1 and (payer or "medicare") in r.payer_types), None)
    return Pin(f"appeal:{route.id}", "route", route) if route is not None else None


def filing_deadline(intent: Intent, kb: Knowledge, pins: Sequence[Pin]) -> list[Claim]:
    """ "letter dated Oct 9 2026, by when does the QIC request go in?": the route's last day, counted from the
    notice date with the route's own days (`drafting.deadlines`), the count written out for the gate to check."""
    routes = [p for p in pins if p.what == "route"]
    # the payer's own route when the question names the payer ("MA plan denial": the plan's reconsideration)
    route_pin = next((p for p in routes if intent.payer and intent.payer in p.obj.payer_types), None) \
        or next(iter(routes), None) or _first_level(kb, intent.payer)
    period = _notice_day(intent)
    if route_pin is None or period is None or period[0] != period[1] or intent.today is None \
            or not DUE_ASKED.search(intent.query) or not NOTICE_CUE.search(intent.query) \
            or (SERVICE_CUE.search(intent.query) and _named_notice_day(intent.query, intent.today) is None):
        return []
    route = route_pin.obj
    if route.counts_from not in ("receipt", "notice") or not route.filing_days:
        return []
    notice = period[0]
    deadline = deadline_for(kb, route=route.id, today=intent.today, notice_date=notice)
    receipt = kb.appeals.presumed_receipt_days if route.counts_from == "receipt" else 0
    if deadline.due_date is None or notice + timedelta(days=receipt + route.filing_days) != deadline.due_date:
        return []  # counted another way (months, a payer's date): the route's own words answer
    steps = (f" + {receipt} days (presumed receipt)" if receipt else "") + f" + {route.filing_days} days"
    late = _late_words(intent.query, notice, deadline.due_date, deadline.overdue, bool(LATE_ASKED.search(intent.query)),
                       intent.today)
    what = re.sub(r"^(?:an?|the) ", "", route.title.removeprefix("Request for "))
    written = _yearless_written(intent.query)
    if written is not None and not find_dates(intent.query)[0]:
        # the year was not written: the answer states no date the question lacks, only the count and the verdict
        return [Claim(f"The {what} must be filed within{steps.removeprefix(' +')} of the notice dated {written}"
                      f"{late.replace('; that day', '; counted from the last ' + written + ', that day')}.",
                      route_pin.entry, "worked")]
    return [Claim(f"Counted from the notice dated {notice.isoformat()}: {notice.isoformat()}{steps} = "
                  f"{deadline.due_date.isoformat()}{_leap_day(notice, deadline.due_date)}, the last day to file the "
                  f"{what}{late}.", route_pin.entry, "worked")]


def _leap_day(start: date, end: date) -> str:
    """ "(2024 is a leap year: ...)" when a count of days passes a 29 February, which an asker counting a 28-day
    February gets wrong by one (said without the figure, which no passage holds)."""
    for year in range(start.year, end.year + 1):
        if calendar.isleap(year) and start < date(year, 2, 29) <= end:
            return f" ({year} is a leap year: the count includes February's leap day)"
    return ""


def filing_window(intent: Intent, kb: Knowledge, pins: Sequence[Pin]) -> list[Claim]:
    """ "never billed a 97550 from 11/15/2025, can we still send it?": whether today is inside Medicare's 12-month
    timely-filing limit from that date of service (`drafting.deadlines`), said with no date the passages do not hold."""
    today = intent.today
    # the service's day or month ("from 11/15/2025", "last march"), not the "today" the question also names
    dated = [p for p in ([intent.period] if intent.period else intent.periods) if p != (today, today)]
    # (the limit leads only when it is the subject: "was 97552 valid in Nov 2023" asks the code first)
    if not pins or pins[0].entry != "faq:timely_filing" or today is None or len(dated) != 1 \
            or intent.payer not in (None, "medicare") \
            or dated[0][1] > today or NOTICE_CUE.search(intent.query):
        return []
    first, last = (deadline_for(kb, route="new_claim", today=today, dos=day) for day in dated[0])
    if first.due_date is None or last.due_date is None or first.overdue != last.overdue:
        return []  # a month whose first days are past the limit and last days are not
    # the day as the question wrote it, or its ISO form; a relative month ("last march") is not restated in a year
    # the question never wrote
    day = when(dated[0], intent.said if intent.period else None).removeprefix("on ") \
        if dated[0][0] == dated[0][1] or intent.said else None
    service = f"A claim for the date of service {day}" if day else "A claim for that date of service"
    inside = "is past" if last.overdue else "is still inside"
    return [Claim(f"{service} {inside} Medicare's 12-month timely-filing limit as of today.", "faq:timely_filing",
                  "worked")]


def worked(intent: Intent, kb: Knowledge, pins: Sequence[Pin] = ()) -> list[Claim]:
    """The worked sums a question asks for: money, or a filing deadline (none for a question that asks no sum)."""
    due = filing_deadline(intent, kb, pins) or filing_window(intent, kb, pins)
    if due:
        return due
    if intent.payer not in (None, "medicare"):
        return []  # another payer's amounts are not Medicare's
    group = group_units(intent, kb)
    if group:
        return [*group, *percent_of_rate(intent, kb)][:3]
    contract = percent_of_rate(intent, kb)
    if contract:
        return contract
    absent = absent_minutes(intent, kb)
    if absent:
        return absent
    gap = facility_gap(intent, kb)
    if gap:
        return gap
    total = minutes_total(intent, kb) or lines_total(intent, kb)
    return ([total[0]] if total else []) + percentages(intent, kb)
