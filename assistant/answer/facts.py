"""Sentences for the dated facts a question pins: code validity on a date, payment by code and
period (amounts from `assistant.billing`), conversion factors, KX thresholds, telehealth status,
appeal routes and amounts in controversy, units for a number of minutes. Pure: an `Intent`, its
`Pin`s and the knowledge in; `Claim`s (a sentence and the entry whose passage holds it) out.

A period the knowledge does not cover (a KX threshold for 2027, a fee for a year with no fee table)
yields no claim: the caller then says it cannot answer rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from assistant.answer.settled import settled
from assistant.billing import supported_lines_for_minutes
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import RVU, DiagnosisChange
from assistant.retrieval.chunk_base import sentence
from assistant.retrieval.chunk_facts import counted, lines_words, overlap, unit_amounts, unit_bands
from assistant.retrieval.chunk_text import plan_answers
from assistant.retrieval.chunking import money, window_words
from assistant.retrieval.pin import Pin, overlaps
from assistant.retrieval.segments import label, stretches
from assistant.retrieval.understand import Intent, Period, asked_periods


@dataclass(frozen=True)
class Claim:
    """One answer sentence and the knowledge entry whose passage states it."""

    text: str
    entry: str
    what: str = ""  # the pin kind it words: fee, code, dx, kx, route ...
    also: tuple[str, ...] = ()  # further entries whose passages hold the figures a worked sum uses


def when(period: Period, said: str | None = None) -> str:
    """ "on 2024-06-01", "in March 2024" or "in 2024"; or the question's own words for the period (`said`)."""
    if said:
        return said
    start, end = period
    if start == end:
        return f"on {start.isoformat()}"
    if start.year == end.year and start.month == end.month and start.day == 1:
        return f"in {start:%B %Y}"
    return f"in {start.year}" if start.year == end.year else f"from {start.isoformat()} to {end.isoformat()}"


def _window(start: date | None, end: date | None) -> str:
    return window_words(start, end) or "with no end date"


def _said(intent: Intent) -> str | None:
    """The period in the question's words: as written ("on 12/31/23"), or a relative date of the past ("two years
    ago", "last march"), whose year no passage holds (a date ahead is said as the dates the code sets give)."""
    past = intent.period is not None and intent.today is not None and intent.period[1] < intent.today
    return intent.said or (intent.relative if past else None)


# "with the patient absent", "train the wife alone without the patient", "when the patient stays home": the question
# puts the service without the patient
PATIENT_AWAY = re.compile(
    r"\bwithout (?:the |my |our |a )?(?:pt|patient|client)\b"
    r"|\b(?:pt|patient|client)(?:'s)? (?:is |was |being |stays |stayed |stay )?"
    r"(?:absent|not (?:present|there|in the room)|(?:at |stays? |stayed )?home|away|gone|out of the room)\b",
    re.I,
)


# "bill 97550 and G0541 for the same 30 minutes", "both codes for the same time"
SAME_MINUTES = re.compile(r"\bsame (?:\d+ )?(?:min(?:ute)?s?|time|session)\b", re.I)


def _same_minutes(intent: Intent, kb: Knowledge) -> bool:
    """Codes of two families asked for the same minutes: whether each code is in effect is no answer to it (the
    minutes are never billed under both), so no validity "Yes" is said."""
    families = {kb.codes[c].family for c in intent.procedure_codes if c in kb.codes}
    return len(families) > 1 and bool(SAME_MINUTES.search(intent.query))


# "is G0539 billable by a physical therapist?": a therapist asked about as the one who bills a code whose descriptor
# names its furnisher otherwise (facts §4: no source settles whether G0539/G0540 are therapy codes)
THERAPIST_ASKED = re.compile(r"\b(?:pts?|ots?|slps?|ptas?|cotas?|therapists?|pathologists?)\b", re.I)
QHP_FURNISHED = "physician or other qualified professional"


def code_validity(intent: Intent, pin: Pin, horizon: date | None = None) -> Claim:
    """Whether the code was in effect in the period asked; of a period ahead, past the knowledge's `horizon` or asked
    as a day, only that nothing ends it as of today. A patient-present code asked about for a session without the
    patient is answered by what the code is, not by its dates."""
    info = pin.obj
    if QHP_FURNISHED in info.paraphrase and THERAPIST_ASKED.search(intent.query):
        return Claim(f"No source was found on whether {info.code} is billed by a therapist: its descriptor names a "
                     f"{QHP_FURNISHED} as the one who furnishes it.", pin.entry)
    if info.family == "patient_present" and PATIENT_AWAY.search(intent.query):
        return Claim(f"No: {info.code} is a patient-present code ({info.paraphrase.rstrip('.')}), not one for a "
                     "session without the patient.", pin.entry)
    if intent.alone and info.kind == "addon" and info.primary:
        return Claim(f"No: {info.code} is an add-on code, billed only together with {info.primary}.", pin.entry)
    if intent.period is None:
        return Claim(f"{info.code} is valid {_window(info.effective_from, info.effective_to)}.", pin.entry)
    if intent.today is not None and intent.period[0] > intent.today and info.effective_to is None \
            and (intent.said or intent.period[0] == intent.period[1]
                 or (horizon is not None and intent.period[0] > horizon)):
        # a date ahead: the code sets of later years are not published, so "in effect then" is not known, only that
        # nothing ends it as of today
        return Claim(f"{info.code} is valid {_window(info.effective_from, None)} with no end date as of today; the "
                     "code sets of later years are not published yet.", pin.entry)
    said = _said(intent)
    if not overlaps(info.effective_from, info.effective_to, intent.period):
        since = f"it is valid {_window(info.effective_from, info.effective_to)}"
        # (a date before the code began: "not yet", so the asker learns it did not exist then, not that it lapsed)
        yet = " yet" if info.effective_from is not None and intent.period[1] < info.effective_from else ""
        return Claim(f"No: {info.code} was not{yet} in effect {when(intent.period, said)}; {since}.", pin.entry)
    past = said is not None and said == intent.relative
    return Claim(f"Yes: {info.code} {'was' if past else 'is'} in effect {when(intent.period, said)}; it is valid "
                 f"{_window(info.effective_from, info.effective_to)}.", pin.entry)


def _in_force_before(code: str, period: Period, kb: Knowledge | None) -> list[Claim]:
    """ "G35.B1 in August 2025?": the code it later replaced, billable in the period asked (G35), said from that
    code's own passage, so the asker learns what to bill then and not only what not to."""
    if kb is None:
        return []
    header = next((c.code for c in kb.diagnosis_changes
                   if not c.billable and code in re.split(r",\s*|\s+or\s+", c.replacement)), None)
    then = next((c for c in kb.diagnosis_changes if c.code == header and c.billable
                 and overlaps(c.effective_from, c.effective_to, period)), None)
    if then is None:
        return []
    span = window_words(then.effective_from, then.effective_to)
    return [Claim(f"The code then is ICD-10-CM {then.code}, billable {span}.", f"dx:{then.code}")]


def dx_validity(intent: Intent, pin: Pin, kb: Knowledge | None = None) -> Claim | list[Claim]:
    changes: list[DiagnosisChange] = pin.obj
    code = changes[0].code
    relevant = [c for c in changes if intent.period is None or overlaps(c.effective_from, c.effective_to,
                                                                        intent.period)]
    if not relevant and intent.period is not None:  # the code starts after the period asked about
        later = min(changes, key=lambda c: c.effective_from or date.min)
        span = window_words(later.effective_from, later.effective_to)
        said = when(intent.period, _said(intent))
        return [Claim(f"No: ICD-10-CM {code} is not yet in the code set {said}; it is "
                      f"{'billable' if later.billable else 'not billable'} {span}.", pin.entry),
                *_in_force_before(code, intent.period, kb)]
    relevant = relevant or changes
    if intent.period is not None and len({c.billable for c in relevant}) > 1:  # the period spans the change
        return [Claim(f"In part: ICD-10-CM {code} is {'billable' if c.billable else 'not billable'} "
                      f"{window_words(c.effective_from, c.effective_to)}"
                      f"{'; use ' + c.replacement + ' instead' if c.replacement and not c.billable else ''}.",
                      pin.entry) for c in sorted(relevant, key=lambda c: c.effective_from or date.min)]
    change = next((c for c in relevant if not c.billable), relevant[0])
    status = "billable" if change.billable else "not billable"
    span = window_words(change.effective_from, change.effective_to)
    use = f"; use {change.replacement} instead" if change.replacement and not change.billable else ""
    asked = next((c for c in intent.diagnosis_codes if c != code and c in (change.replacement or "")), None)
    if asked and not change.billable:  # a subcode of a header: the header's passage lists it as the code to use
        return Claim(f"Yes: {asked} is one of the codes to use, because ICD-10-CM {code} itself is not billable"
                     f"{' ' + span if span else ''}; use {change.replacement} instead.", pin.entry)
    if intent.period is None:
        return Claim(f"ICD-10-CM {code} is {status}{' ' + span if span else ''}{use}.", pin.entry)
    verdict = "Yes" if change.billable else "No"
    said = when(intent.period, _said(intent))
    claim = Claim(f"{verdict}: ICD-10-CM {code} is {status} {said} ({status}"
                  f"{' ' + span if span else ''}){use}.", pin.entry)
    return [claim, *_next_change(intent.period, change, changes, pin.entry)]


def _next_change(period: Period, now: DiagnosisChange, changes: list[DiagnosisChange], entry: str) -> list[Claim]:
    """What changes after the date asked about: "G35 on 2025-08-15" is fine, but not from 2025-10-01."""
    later = [c for c in changes if c.effective_from and c.effective_from > period[1] and c.billable != now.billable]
    if not later:
        return []
    nxt = min(later, key=lambda c: c.effective_from or date.min)
    use = f"; use {nxt.replacement} instead" if nxt.replacement and not nxt.billable else ""
    return [Claim(f"From {window_words(nxt.effective_from, None).removeprefix('from ')} ICD-10-CM {nxt.code} is "
                  f"{'billable' if nxt.billable else 'not billable'}{use}.", entry)]


WHETHER = re.compile(r"(?:^|[.?!]\s+)(?:is|are|does|do|did|should|can|could|will|would|when)\b", re.I)
AMOUNT_ASKED = re.compile(r"how much|\$|\bwhat(?:'s| is| are| was| does| did| do)\b.{0,40}\b"
                          r"(?:pay|paid|rate|fee|amount|worth|reimburs|allow)"
                          r"|\b(?:rate|fee|payment|reimbursement|allowable) (?:for|of)\b", re.I)
HOW_MUCH = re.compile(r"how much|\$|\bwhat\b", re.I)
RVU_ASKED = re.compile(r"\brvus?\b|relative value", re.I)
_FACTOR = {"qp": "QP conversion factor", "non_qp": "non-QP conversion factor", "standard": "conversion factor"}


def _amount_parts(kb: Knowledge, rvu: RVU, period: Period | None) -> list[str]:
    parts: list[str] = []
    for cf in kb.fees.conversion_factors:
        window = overlap(rvu, cf)
        if window is None or (period and not overlaps(window[0], window[1], period)):
            continue
        amounts = unit_amounts(kb.fees, rvu.code, window[0], qp=cf.variant == "qp")
        if amounts is None:
            continue
        one_day = period is not None and period[0] == period[1]
        span = "" if one_day or (window[0].month == 1 and window[0].day == 1 and window[1] and window[1].month == 12
                                 and window[1].day == 31) else f" {window_words(*window)}"
        parts.append(f"{money(amounts[0])} non-facility and {money(amounts[1])} facility per unit{span} "
                     f"({_FACTOR[cf.variant]} ${cf.amount:.4f})")
    return parts


def fee(intent: Intent, pin: Pin, kb: Knowledge) -> Claim | None:
    rvu: RVU = pin.obj
    # "is the facility rate used for therapists?", "do I get the facility rate for 97550?" ask which rate, not how much
    if intent.period is None and WHETHER.search(intent.query) and not HOW_MUCH.search(intent.query):
        return None
    if RVU_ASKED.search(intent.query):
        year = (rvu.effective_from or date(2024, 1, 1)).year
        detail = (f"work {rvu.work:.2f}, practice expense {rvu.pe_nonfacility:.2f} non-facility / "
                  f"{rvu.pe_facility:.2f} facility, malpractice {rvu.mp:.2f}")
        return Claim(f"Total RVUs for {rvu.code} in {year}: {rvu.total_nonfacility:.2f} non-facility and "
                     f"{rvu.total_facility:.2f} facility ({detail}).", pin.entry)
    scope = asked_periods(intent)
    year = (rvu.effective_from or date(2024, 1, 1)).year
    if intent.period is not None and scope != [intent.period]:
        # periods named around the date of service: one span over them, each conversion factor of this year's fee in
        # it (said as the fee's year: the days the question wrote may be written otherwise)
        span: Period = (min(p[0] for p in scope if p), max(p[1] for p in scope if p))
        parts = _amount_parts(kb, rvu, span)
        on = f"in {year}"
    else:
        parts = _amount_parts(kb, rvu, intent.period)
        on = when(intent.period, intent.said) if intent.period else f"in {year}"
    if not parts:
        return None
    return Claim(f"The Medicare national payment for {rvu.code} {on} is " + "; ".join(parts[:2]) + ".", pin.entry)


def conversion_factor(pin: Pin) -> Claim:
    cf = pin.obj
    who = {"qp": " for qualifying APM participants (QP)", "non_qp": " for non-QP clinicians"}.get(cf.variant, "")
    return Claim(f"The Medicare conversion factor{who} is ${cf.amount:.4f} "
                 f"{_window(cf.effective_from, cf.effective_to)}.", pin.entry)


def kx(pin: Pin) -> Claim:
    t = pin.obj
    year = t.effective_from.year if t.effective_from else ""
    return Claim(f"The {year} therapy KX modifier threshold is {money(t.amount, cents=False)} ({t.applies_to}); "
                 f"caregiver training lines{counted(t)} billed under a therapy plan count toward it.", pin.entry)


def units_for_count(intent: Intent, pin: Pin) -> Claim | None:
    """ "How many minutes for 2 units of 97551": the band of minutes that gives that many add-on units."""
    primary, addon = pin.obj
    count = intent.unit_count or 1  # "how many minutes to bill 97551": its first unit
    for lo, hi, lines in unit_bands(pin.obj):
        if dict(lines).get(addon) == count or (count == 1 and addon not in intent.procedure_codes
                                               and dict(lines) == {primary: 1}):
            return Claim(f"{lo}-{hi} minutes of caregiver training supports {lines_words(lines)} under the CPT "
                         "mid-point rule.", pin.entry)
    return None


# "20 min in the am and 25 in the pm", "30 + 15 min same day": sessions of one date whose minutes make one total
SESSIONS = re.compile(r"\btwice\b|\btwo (?:sessions|visits|97550s|G0541s)\b|\b(?:am|morning)\b.*\b(?:pm|afternoon"
                      r"|evening|later)\b|\bmins?\b.*(?:\+|\bplus\b|\bthen another\b)|\b(?:same|one) (?:day|date)\b"
                      r"|\badd(?:ed)? (?:up|together)\b|\bcombine", re.I)


# "52 min ... n wht if it was 53", "38 vs 37 minutes": two totals asked about in turn, each answered on its own
ALTERNATIVE = re.compile(r"\bw(?:ha?)?t if\b|\bvs\.?(?!\w)|\bversus\b|\binstead\b|\bw(?:ha?)?t (?:about|abt)\b", re.I)


def units(intent: Intent, pin: Pin, kb: Knowledge) -> Claim | list[Claim] | None:
    given = bool(intent.minutes)
    intent = settled(intent)  # a clock range corrected later, or beside a longer visit, is the session's minutes
    if given and not intent.minutes:  # ("lives 3 hrs away": the only figure was a distance, no session's minutes)
        return None
    asked = list(dict.fromkeys(intent.minutes))  # two different totals, each asked about in turn
    if len(asked) == 2 and len(intent.minutes) == 2 and ALTERNATIVE.search(intent.query) and not intent.full_time:
        each = [units(replace(intent, minutes=(m,)), pin, kb) for m in asked]
        return [c for c in each if isinstance(c, Claim)] or None
    if not intent.minutes:
        return units_for_count(intent, pin)
    split = stretches(intent, kb)
    if len({f for f, _ in split}) > 1:
        return family_units(split, pin)
    if split and not intent.full_time:  # "transfers 20 min and toileting 25 min": one family's stretches, one total
        return _total_units(intent.minutes, pin)
    # (not "20 min + 20 min ... for the 40 min", which already names the total, perhaps of two families)
    parts = list(intent.minutes)
    if len(parts) > 1 and SESSIONS.search(intent.query) and not intent.full_time and 2 * max(parts) != sum(parts):
        return _total_units(intent.minutes, pin)
    if len(set(intent.minutes)) != 1:  # "present for 10 of 40 minutes": not one total to look up
        return None
    minutes = intent.minutes[0]
    if intent.full_time:
        return full_time_units(minutes, pin)
    lines = supported_lines_for_minutes(minutes, codes=pin.obj)
    band = next(((lo, hi) for lo, hi, got in unit_bands(pin.obj) if lo <= minutes <= hi), None)
    # minutes written in words ("an hour") are said as written: their figure is in neither the question nor a passage
    spoken = dict(intent.spoken).get(minutes)
    told = spoken[0].upper() + spoken[1:] if spoken else f"{minutes} minutes"
    # minutes worked out from clock times: the working first, so the figure is checked against the times
    working = next((f"{w[0].upper()}{w[1:]}: " for m, w in intent.clocked if m == minutes and str(m) not in
                    re.findall(r"\d+", intent.query)), "")
    if band is None:
        return beyond_bands(minutes, told, lines, pin)
    if not lines:  # say where the first unit starts, so "can I bill it with 52?" learns the minimum too
        return Claim(f"{working}{told} is not reportable: under the CPT mid-point rule {band[0]}-{band[1]} minutes "
                     f"of caregiver training is nothing reportable, and {pin.obj[0]} needs at least {band[1] + 1} "
                     "minutes.", pin.entry)
    addon = pin.obj[1]
    # "37 min, 97550 + 1 unit 97551 ok?": the add-on asked about and not supported, so say where its first unit starts
    short = (f" The first {addon} unit needs {band[1] + 1} minutes, so {told} does not support {addon}."
             if addon in intent.procedure_codes and all(code != addon for code, _ in lines)
             else _more_than_supported(intent, lines, told, pin))
    verdict = _verdict(intent, lines, addon)
    return Claim(f"{verdict}{working}{told} of caregiver training supports {lines_words(lines)} under the CPT "
                 f"mid-point rule ({band[0]}-{band[1]} minutes).{short}", pin.entry)


# "= 97550 + 97551 x2", "97551 x 3": the add-on units the question claims for its minutes
_CLAIMED_ADDON = re.compile(r"\b(9755[01]|G054[12])\s*(?:x|×|\*)\s*(\d{1,2})\b", re.I)
# "true or false?", "is the card true?": a claim put to be judged
_TRUE_ASKED = re.compile(r"\btrue or false\b|\bfalse or true\b|\b(?:is (?:it|that|this)|card) true\b", re.I)


def _claimed_units(intent: Intent, addon: str) -> int | None:
    return next((int(m.group(2)) for m in _CLAIMED_ADDON.finditer(intent.query) if m.group(1).upper() == addon), None)


def _more_than_supported(intent: Intent, lines: Sequence[tuple[str, int]], told: str, pin: Pin) -> str:
    """ "52 min = 97550 + 97551 x2?": more add-on units claimed than the minutes support, so say where that count
    starts (a band the passage states)."""
    addon = pin.obj[1]
    claimed, have = _claimed_units(intent, addon), dict(lines).get(addon, 0)
    if claimed is None or claimed <= have:
        return ""
    start = next((lo for lo, _, got in unit_bands(pin.obj) if dict(got).get(addon, 0) == claimed), None)
    return f" {addon} x{claimed} needs {start} minutes, so {told} does not support it." if start else ""


def _verdict(intent: Intent, lines: Sequence[tuple[str, int]], addon: str) -> str:
    """ "True: " or "False: " when the question puts a claimed unit count to be judged."""
    claimed = _claimed_units(intent, addon)
    if claimed is None or not _TRUE_ASKED.search(intent.query):
        return ""
    return "True: " if claimed == dict(lines).get(addon, 0) else "False: "


def beyond_bands(minutes: int, told: str, lines: list[tuple[str, int]], pin: Pin) -> Claim | None:
    """ "120 minutes": past the passage's last band, worked from it and "each further 15 minutes adds one" (the sum
    written out, so the gate checks it)."""
    last_lo, last_hi, last = unit_bands(pin.obj)[-1]
    addon = pin.obj[1]
    have, want = dict(last).get(addon, 0), dict(lines).get(addon, 0)
    if minutes <= last_hi or want <= have or want - have > 12:
        return None
    # (one "+ 1" per further unit: every operand is a figure the passage states)
    return Claim(f"{told} of caregiver training supports {lines_words(lines)} under the CPT mid-point rule: "
                 f"{last_lo}-{last_hi} minutes gives {addon} x{have} and each further 15 minutes adds one "
                 f"({have}{' + 1' * (want - have)} = {want}).", pin.entry)


def family_units(split: Sequence[tuple[str, int]], pin: Pin) -> Claim | None:
    """ "ostomy care 20 min, transfers 25 min": the minutes of the pin's family only, counted on their own."""
    family = pin.entry.removeprefix("units:")
    parts = [m for f, m in split if f == family]
    total = sum(parts)
    lines = supported_lines_for_minutes(total, codes=pin.obj)
    band = next(((lo, hi) for lo, hi, _ in unit_bands(pin.obj) if lo <= total <= hi), None)
    if not parts or band is None:
        return None
    summed = f"{' + '.join(map(str, parts))} = {total}" if len(parts) > 1 else str(total)
    billed = lines_words(lines) if lines else "nothing reportable"
    first = "Each code family is counted on its own minutes, never pooled: " if split[0][0] == family else ""
    return Claim(f"{first}{summed} minutes of {label(family)} caregiver training supports {billed} under the CPT "
                 f"mid-point rule ({band[0]}-{band[1]} minutes).", pin.entry)


def _total_units(parts: Sequence[int], pin: Pin) -> Claim | None:
    """Minutes of one patient's sessions on one date are one total (written out, so the gate can check the sum)."""
    total = sum(parts)
    lines = supported_lines_for_minutes(total, codes=pin.obj)
    band = next(((lo, hi) for lo, hi, _ in unit_bands(pin.obj) if lo <= total <= hi), None)
    if band is None:
        return None
    billed = lines_words(lines) if lines else "nothing reportable"
    return Claim(f"The minutes of one date are one total: {' + '.join(map(str, parts))} = {total} minutes of "
                 f"caregiver training supports {billed} under the CPT mid-point rule ({band[0]}-{band[1]} minutes).",
                 pin.entry)


def full_time_units(minutes: int, pin: Pin) -> Claim | None:
    """ "A payer requires the full time ... 40 min": whole 30- and 15-minute blocks, cited to the FAQ that states
    them (facts §3: 30 / 45 / 60 minutes)."""
    primary, addon = pin.obj
    lines = supported_lines_for_minutes(minutes, rule="full_time", codes=pin.obj)
    billed = f"supports {lines_words(lines)}" if lines else "supports nothing reportable"
    return Claim(f"Under a payer that requires the full time, {minutes} minutes {billed}: {primary} needs 30 minutes "
                 f"and each {addon} a full further 15 minutes (45 minutes for {primary} + {addon} x1).",
                 "faq:full_time_payer")


def waiver_ended(intent: Intent, pin: Pin) -> Claim | None:
    """ "Can our SLPs keep doing telehealth in 2028?": the statutory waiver ends before the period asked about."""
    waiver = pin.obj
    if intent.period is None or waiver.effective_to is None:
        return None
    return Claim(f"Not as the law stands: the statutory waiver that lets physical therapists, occupational therapists "
                 f"and speech-language pathologists furnish Medicare telehealth runs through "
                 f"{waiver.effective_to.isoformat()}, so {when(intent.period, intent.said)} they cannot bill caregiver "
                 "training by telehealth unless Congress extends it again.", pin.entry)


def decision(pin: Pin) -> Claim:
    """ "How long does the MAC have to decide?": the days the decider has, from receiving the request."""
    route = pin.obj
    who = route.decided_by[0].upper() + route.decided_by[1:]
    what = route.title.removeprefix("Request for ").lower()
    return Claim(f"{who} decides a {what} within {route.decision_days} days of receiving the request.", pin.entry)


def denial_stands(intent: Intent, pin: Pin) -> Claim | None:
    """A denial whose usual answer is not to appeal (a timely-filing denial has no appeal rights): its situation,
    which says so, answers "can we appeal?" before any appeal attachment or argument is quoted; from another payer
    named in the question, that payer type's own answer when the pattern has one ("a CO-29 from BCBS": appealed with
    proof of timely filing)."""
    pattern = pin.obj
    if getattr(pattern, "remedy", "") != "no_appeal":
        return None
    own = next((st for st in plan_answers(pattern) if intent.payer in st.payer_types), None)
    if own is not None and own.remedy != "no_appeal":
        return Claim(sentence(own.remedy_reason), pin.entry)
    return Claim(" ".join(pattern.situation.split()), pin.entry)


Worder = Callable[[Intent, Pin, Knowledge], "Claim | list[Claim] | None"]
_WORDERS: dict[str, Worder] = {
    "code": lambda intent, pin, kb: None if _same_minutes(intent, kb) else code_validity(intent, pin, kb.horizon),
    "dx": dx_validity,
    "fee": fee,
    "cf": lambda intent, pin, kb: conversion_factor(pin),
    "kx": lambda intent, pin, kb: kx(pin),
    "units": lambda intent, pin, kb: units(intent, pin, kb),
    "waiver_ended": lambda intent, pin, kb: waiver_ended(intent, pin),
    "decision": lambda intent, pin, kb: decision(pin),
    "denial": lambda intent, pin, kb: denial_stands(intent, pin),
}
QUOTED = frozenset({"route", "aic", "telehealth", "waiver", "reason", "assistant", "sequestration", "faq",
                    "descriptor"})
# Quoted pins whose passage needs more than its opening: the waiver's lapses and their retroactive restoration; a
# route's filing limit and when it is the right route ("appeal or reopen?", "what's next after ...").
QUOTED_SENTENCES = {"waiver": 2, "route": 2, "faq": 2}
# Quoted pins whose later sentences say what a period's status means: the one naming a word the question asks about
# follows the opening ("still only provisional in 2026?": "CY2026 removed the provisional/permanent distinction"); an
# FAQ's likewise ("justify every session?": "Each session must be justified as reasonable and necessary").
QUOTED_NAMING = frozenset({"telehealth", "faq"})


# "G0540 as the add-on for G0541", "bill 97551 with G0541", "97550 + G0542": the codes asked about as billed together
PAIRED = re.compile(r"\badd-?on\b|\bwith\b|\btogether\b|\balongside\b|\bpair(?:ed|ing|s)?\b|\bprimary\b|\bparent\b"
                    r"|\bplus\b|\b[A-Z]?\d{4,5}\s*(?:\+|&)\s*\+?[A-Z]?\d{4,5}\b", re.I)


def pairing(intent: Intent, kb: Knowledge) -> list[Claim]:
    """ "Can G0540 be the add-on for G0541?": an add-on named with a primary code that is not its own is answered by
    each code's own pairing, from the knowledge's add-on/primary relations (each sentence cited to the add-on's
    descriptor, which states it)."""
    if not PAIRED.search(intent.query):  # ("the MUE for +G0540, and one for 97550?": each asked on its own)
        return []
    named = [kb.codes[c] for c in intent.procedure_codes if c in kb.codes]
    addons = [c for c in named if c.kind == "addon" and c.primary]
    primaries = [c for c in named if c.kind == "primary"]
    out: list[Claim] = []
    for addon in addons:
        others = [p for p in primaries if p.code != addon.primary]
        if not others or any(p.code == addon.primary for p in primaries):
            continue
        out.append(Claim(f"No: {addon.code} is an add-on code, billed only together with {addon.primary}.",
                         f"code:{addon.code}", "code"))
        for primary in others:
            own = next((c for c in kb.codes.values() if c.kind == "addon" and c.primary == primary.code), None)
            if own is not None:
                out.append(Claim(f"The add-on to {primary.code} is {own.code}: {own.code} is an add-on code, billed "
                                 f"only together with {primary.code}.", f"code:{own.code}", "code"))
    return out


def claims(intent: Intent, pins: Sequence[Pin], kb: Knowledge, opening: Callable[[str, int, bool], str]) -> list[Claim]:
    """The structured claims for `pins`, in pin order (at most three), after an add-on's pairing when a question
    names an add-on with another primary code."""
    out: list[Claim] = pairing(intent, kb)
    for pin in pins:
        claim: Claim | list[Claim] | None
        if pin.what in QUOTED:
            text = opening(pin.entry, QUOTED_SENTENCES.get(pin.what, 1), pin.what in QUOTED_NAMING)
            claim = Claim(text, pin.entry) if text else None
        elif (pin.what == "code" and intent.asks_meaning and not intent.alone) or pin.what == "code_time":
            # "what is G0539?": its descriptor; "96202 ... 75 min": its descriptor states its time
            text = opening(pin.entry, 1, False)
            valid = code_validity(intent, pin, kb.horizon)
            claim = [Claim(text, pin.entry), valid] if text else valid
        else:
            worder = _WORDERS.get(pin.what)
            claim = worder(intent, pin, kb) if worder else None
        if pin.what == "reason" and intent.asks_action and any(c.what == "reason" for c in out):
            continue  # "what does it mean and how do I fix it": one meaning, and room for what to do
        for one in claim if isinstance(claim, list) else [claim] if claim else []:
            if all(c.text != one.text for c in out):
                out.append(Claim(one.text, one.entry, pin.what))
    return out[:3]

