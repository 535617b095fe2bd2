"""From an `Intent` to the knowledge entries that hold its answer, and to ranking priors (pure).

`pins(intent, kb)` names, best first, the entries whose passage states the fact asked for — the
fee passage of that code for that period, the code's own validity passage, the KX threshold of
that year, the appeal route — together with the knowledge object behind each, so that
`assistant.answer` can word the fact and cite the passage that holds it. The retriever gives the
pinned entries a bonus; `priors` adds the softer signals: the kind of passage a question kind
wants, and passages whose effective window misses the date asked about sink.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import numpy as np

from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import CodeInfo
from assistant.retrieval.appeal_routing import appeal_pins, clerical_pins
from assistant.retrieval.ask import asked
from assistant.retrieval.bm25 import tokenize
from assistant.retrieval.chunk_facts import UNIT_FAMILIES, fee_entry, tagged
from assistant.retrieval.negation import affirmed, denied_somewhere
from assistant.retrieval.pin import Pin, overlaps
from assistant.retrieval.query import expand
from assistant.retrieval.segments import DIRECT_CARE, FUNCTIONAL, family_minutes
from assistant.retrieval.topic_routing import (
    FIFTY_NINE_WITH_X,
    PATIENT_AWAY,
    SAME_DAY_OTHER,
    SEVERAL_PATIENTS,
    SNF_PART_A,
    patient_arrived,
    patient_there,
    topic_pins,
)
from assistant.retrieval.understand import CONSENT_FORM, TELEHEALTH_VISIT, Intent, asked_periods

# How much a question kind favours each passage kind (multipliers on the fused score).
KIND_PRIOR: dict[str, dict[str, float]] = {
    "fee": {"fee": 1.2, "faq": 1.1, "rule": 0.8, "denial": 0.8},
    "threshold": {"fee": 1.2, "faq": 1.1},
    "code_validity": {"code": 1.5, "dx": 1.5, "faq": 1.0, "fee": 0.7},
    "telehealth": {"fee": 1.2, "faq": 1.2, "rule": 1.1},
    "denial": {"reason": 1.3, "denial": 1.2, "faq": 1.1, "fee": 0.7},
    # "CO-29, can we appeal?", "forgot the GO, now what": what to do leads, the code's meaning follows
    "denial_action": {"reason": 1.0, "denial": 1.2, "faq": 1.3, "appeal": 1.3, "fee": 0.7},
    "appeal": {"appeal": 1.5, "faq": 1.0, "source": 1.6, "fee": 0.6, "rule": 0.8},
    "units": {"units": 1.0, "faq": 1.1, "rule": 1.0, "fee": 0.6},
    "modifier": {"faq": 1.1, "rule": 1.0, "fee": 0.9},
    "code_choice": {"code": 1.3, "faq": 1.1, "fee": 0.7},
    "rule": {"faq": 1.1, "rule": 1.05, "fee": 0.8},
}
# Computed tables (units by minutes) restate an FAQ: they lead only when pinned for a question with minutes.
PASSAGE_PRIOR: dict[str, float] = {"units": 0.5}
# Passages on a narrow case lead only when the question names it.
NARROW_TOPICS: dict[str, re.Pattern[str]] = {
    # ("audio+video", "audio-video", "audio and video" is the ordinary two-way visit, not audio-only)
    # ("phone-only", "flip phone, no video", "can't do video", "landline": audio-only said in other words)
    "audio_only": re.compile(r"audio(?!\s*(?:\+|/|-|&|and|\w*\s+and)\s*video)|(?:by|over the|on the) (?:tele)?phone"
                             r"|\b93\b|\b(?:tele)?phone[- ]only\b|\bflip phone\b|\blandline\b|\bvoice[- ]only\b"
                             # ("no video for 97550 because of the 2024 rule": video not allowed, not unavailable)
                             r"|\bno (?:video|camera|webcam|smart ?phone)\b"
                             r"(?!\s+(?:for|allowed|permitted|visits?|sessions?|because|bc|due|per|under)\b)"
                             r"|\bwithout (?:a )?video\b"
                             r"|\bcan(?:'?t|not) (?:do |use |get on )?video\b"
                             r"|\b(?:tele)?phone (?:call|session|visit)s?\b",
                             re.I),
    "modifier_59_with_x": FIFTY_NINE_WITH_X,  # "is XU ok on 97550" is not asking about 59 and XU together
    "patient_not_present": PATIENT_AWAY,  # "yes, the patient away is what the codes are for" only when said so
    # "SLP tele session ... covered?" is about the therapist; the SLP assistant's exclusion only when one is named
    "slpa": re.compile(r"\bSLP-?As?\b|\b(?:SLP|speech)\b.{0,40}\bassistants?\b", re.I),
    "same_day_other_service": SAME_DAY_OTHER,  # beside a patient-present code only when both are named
    "snf_part_a": SNF_PART_A,  # a covered Part A stay only when one is named (a SNF Part B resident is any outpatient)
}
NARROW_BONUS = 0.3  # ... and lead, pins included, when it does
TOPIC_BOOST = 1.2  # field boost: a passage tagged with a topic the question names ("consent", "patient present")
UNNAMED_CODE = 0.6  # a passage tagged with none of the procedure or reason codes the question names
PHRASE_BONUS = 0.02  # per three-word phrase of the question found verbatim in the passage
OUT_OF_PERIOD = 0.45  # a dated passage that misses the period asked about
IN_PERIOD_BONUS = 0.01  # a dated passage in force during that period
NEW_CODE_DAYS = 365  # a code is new in its first year: a date then makes its validity worth saying
PIN_BONUS = 0.25  # first pin; each later one gets less, so the pins lead in their own best-first order
PIN_DECAY = 0.25


# ("which minute band should return exactly 3 units of 97551": the band asked for by its units)
_ASKS_MINUTES = re.compile(r"how many minutes|minutes (?:do|does|would) (?:i|we|it) need|how long"
                           r"|\b(?:minute|time) (?:band|range)s?\b|\bband of minutes\b", re.I)
_ASSISTANT = re.compile(r"\b(?:PTA|OTA|COTA|CQ|CO)\b|assistant", re.I)
_FURNISHED_BY_ASSISTANT = re.compile(r"\b(?:PTA|OTA|COTA)s?\b|\b(?:therap\w*|PT|OT) assistant", re.I)
# the therapy threshold itself, not any threshold ("the 8 min threshold" is the 8-minute rule's)
_KX_NAMED = re.compile(r"\bKX\b|\b(?:therapy|annual|medicare|financial) (?:cap|threshold|limit)\b", re.I)
_WHETHER = re.compile(r"^\s*(?:is|are|does|do|did|can|could|will|would|should|must)\b", re.I)
_SEQUESTRATION = re.compile(r"sequest|\b(?:CO-?)?253\b", re.I)




def units_family(intent: Intent, kb: Knowledge) -> str | None:
    """The code family whose units some minutes are counted in: the one the question names; else direct care when
    it teaches direct clinical care on a date the G0541 family is valid; else the 97550 family."""
    if intent.procedure_codes:
        families = {kb.codes[c].family for c in intent.procedure_codes if c in kb.codes}
        counted = [f for f in UNIT_FAMILIES if f in families and set(kb.family_codes(f)) & set(intent.procedure_codes)]
        if families and not counted:
            return None  # "96202 ... 75 min": codes without a units passage count their time by their own rule
        return next((f for f in ("direct_care", "behavior") if f in counted), "cts")
    start = kb.codes["G0541"].effective_from if "G0541" in kb.codes else None
    in_force = intent.period is None or start is None or intent.period[1] >= start
    return "direct_care" if in_force and DIRECT_CARE.search(intent.query) else "cts"


# "can we bill extra units for the longer 97552", "how many 97552 units": the group code's unit (not "two daughters of
# one patient, so 97552 right?", which asks the code)
_GROUP_UNITS = re.compile(r"\bunits?\b|\blong(?:er)?\b|\bextra\b|\badditional\b|\bper (?:caregiver|session|patient"
                          r"|family|families)\b"
                          # "billed per 15 minutes or per 30?", "is it timed": whether a group code counts minutes
                          r"|\bper (?:\d{1,2}|fifteen|thirty)\b|\b(?:un)?timed\b|\bby the minute\b", re.I)


# "is that per session or what", "per caregiver?": what a group code's amount is paid for
_PER_WHAT = re.compile(r"\bper (?:caregivers?|sessions?|patients?|pts?|family|families|person|people|group|class)\b"
                       r"|\beach (?:caregiver|patient|pt|family|person)\b|\bor (?:per|each)\b", re.I)




def _group_only(intent: Intent, kb: Knowledge) -> bool:
    """The question names group codes only (97552, G0543): untimed, whatever minutes it mentions."""
    named = [kb.codes[c] for c in intent.procedure_codes if c in kb.codes]
    return bool(named) and len(named) == len(intent.procedure_codes) and all(c.kind == "group" for c in named)


def _one_group_code(intent: Intent, kb: Knowledge) -> bool:
    """ "caregivers of 4 other families, do I bill 97552?": one group code asked of a group of several patients (not
    "97552 or G0543?", which asks which family's code, nor "which code", which its descriptor answers)."""
    return (len(intent.procedure_codes) == 1 and _group_only(intent, kb)
            and bool(SEVERAL_PATIENTS.search(intent.query)) and not _ASKS_CODE.search(intent.query))


def _group_units_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """ "our 97552 group ran 90 min, extra units?": the FAQ on a group code's one unit per represented patient."""
    asked = set(intent.procedure_codes)
    faqs = [f for f in kb.faqs.values() if {"group", "units"} <= set(f.topics) and asked & set(f.codes)]
    # one about the group codes only first (not "several caregivers of one patient: 97550, not 97552")
    faqs.sort(key=lambda f: not all(c in kb.codes and kb.codes[c].kind == "group" for c in f.codes))
    return [Pin(f"faq:{f.id}", "faq", f) for f in faqs[:1]]


# "which code for a group session with 4 families", "caregiver class for three patients' families, what cpt": the
# group code's own descriptor answers which code (not "two caregivers of one patient", which is 97550)
# ("caregivers of ~6 long-stay residents", "families of 5 residents": residents of a facility are patients too)
_GROUP_SESSION = re.compile(
    r"\bgroups?\b|\bclass(?:es)?\b|\bmultiple sets\b|(?:~|\b)(?:\d+|two|three|four|five|six|several|multiple|many"
    r"|different)\s+(?:[\w-]+\s+)?(?:families|households|(?:different )?patients'?|pts'?|residents'?|clients'?"
    r"|sets of caregivers)\b", re.I)
# "which code and how many units": the group code's unit rule is asked too
_UNITS_ASKED = re.compile(r"\bunits?\b|\bhow many (?:times|lines)\b", re.I)
_ONE_PATIENT = re.compile(r"\b(?:one|same|single|1) (?:patient|pt)\b|\bof (?:one|the same) (?:patient|pt)\b", re.I)
_ASKS_CODE = re.compile(r"\b(?:which|what|wich|wat)\b[^?.]{0,25}\b(?:codes?|cpt|hcpcs)\b|\b(?:codes?|cpt|hcpcs)\b"
                        r" (?:for|to use|do (?:i|we) use|should (?:i|we) use)\b"
                        r"|\bhow (?:do|should|would) (?:i|we|you) (?:code|bill)\b", re.I)


# "97552, G0543 or 96202?", "G0539 or 96202 for this": codes offered as the alternatives to choose from
_OFFERED = re.compile(r"\b(?:9\d{4}|[GK]0\d{3})\b(?:\s*(?:,|/)\s*(?:9\d{4}|[GK]0\d{3})\b)*,?\s*(?:or|vs\.?|versus)\s+"
                      r"(?:9\d{4}|[GK]0\d{3})\b", re.I)
# behaviour management taught to caregivers: the behavior family (G0539/G0540; 96202/96203 for multiple families)
BEHAVIOR = re.compile(r"\bbeh(?:a)?vio(?:u)?r\w*|\bbhv\b", re.I)
_GROUPED = re.compile(r"\bgroups?\b|\bclass(?:es)?\b|\bmulti(?:ple)?[- ]famil\w*|\bmultiple sets\b", re.I)


def _offered_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """ "multi-family group, behavior mgmt, 97552, G0543 or 96202?": of the codes offered, the one whose family is what
    was taught (behaviour management, direct care, else functional) and which is a group code when a group is asked
    about, by its descriptor first; the others' descriptors follow."""
    offered = [kb.codes[c] for c in intent.procedure_codes if c in kb.codes]
    if len(offered) < 2 or not _OFFERED.search(intent.query):
        return []
    if not (BEHAVIOR.search(intent.query) or DIRECT_CARE.search(intent.query) or FUNCTIONAL.search(intent.query)):
        return []  # "96203 versus 97551, how do they differ": nothing taught is said, so the descriptors answer
    taught = "behavior" if BEHAVIOR.search(intent.query) else units_family(
        Intent(query=intent.query, kind=intent.kind, period=intent.period), kb)
    grouped = bool(_GROUPED.search(intent.query))

    def fit(code: CodeInfo) -> tuple[bool, bool]:
        return code.family == taught, grouped == ("group" in code.paraphrase.lower() or code.kind == "group")

    best = max(offered, key=fit)
    if not fit(best)[0]:
        return []
    return [Pin(f"code:{best.code}", "descriptor", best)] + [
        Pin(f"code:{c.code}", "descriptor", c, strong=False) for c in offered if c is not best]


_DESCRIPTOR_NAMED = re.compile(r"\b(?:short |long )?descriptors?\b", re.I)


def _quoted_descriptor_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """ 'CMS short descriptor "No pt prsnt train initial 30" -- which code?': the code whose own short descriptor
    (now or earlier) the question quotes, whatever else its words suggest ("no pt prsnt" is no patient in the room).
    Only when the code is what is asked: a statement line reading "Caregiver traing 1st 30 min" asked about as a bill,
    or "group caregiver training" said in passing, is not a question of which code."""
    if not (_ASKS_CODE.search(intent.query) or _DESCRIPTOR_NAMED.search(intent.query)):
        return []
    asked = " ".join(intent.query.lower().split())
    out: list[Pin] = []
    for info in kb.codes.values():
        said = [info.short_descriptor] + [d.text for d in info.previous_descriptors]
        if any(len(d) >= 12 and " ".join(d.lower().split()) in asked for d in said):
            out.append(Pin(f"code:{info.code}", "descriptor", info))
    return out


def _group_code_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """ "Which code for a group of 4 families?": the group code of each family in force then, by its descriptor (the
    direct-care group code when direct clinical care is taught)."""
    if intent.procedure_codes or not (_ASKS_CODE.search(intent.query) and _GROUP_SESSION.search(intent.query)) \
            or _ONE_PATIENT.search(intent.query):
        return []
    family = units_family(intent, kb) or "cts"  # no code is named here, so a family is always found
    groups = [c for c in kb.family_codes(family) if c in kb.codes and kb.codes[c].kind == "group"]
    out = [Pin(f"code:{c}", "descriptor", kb.codes[c]) for c in groups]
    if _UNITS_ASKED.search(intent.query):  # one unit on each represented patient's claim
        faqs = [f for f in kb.faqs.values() if {"group", "units"} <= set(f.topics) and set(groups) & set(f.codes)]
        out += [Pin(f"faq:{f.id}", "faq", f) for f in faqs[:1]]
    return out


# "we're a qualifying APM participant, which CF", "QP conversion factor": the QP variant is the one asked for
_QP = re.compile(r"(?<!non-)(?<!non )\b(?:QPs?|qualif(?:y|ying|ied) (?:APM|alternative payment)|advanced APMs?"
                 r"|APM participants?)\b", re.I)


def _fee_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    if re.search(r"conversion factor|\bcf\b", intent.query, re.I) and not intent.procedure_codes:
        factors = [cf for cf in kb.fees.conversion_factors
                   if intent.period is None or overlaps(cf.effective_from, cf.effective_to, intent.period)]
        # the variant asked about first (a stable sort keeps the rest in file order); "our group isn't in an advanced
        # APM; the ACO is": the asker's own, non-QP, factor leads
        if affirmed(_QP, intent.query) and not denied_somewhere(_QP, intent.query):
            factors.sort(key=lambda cf: cf.variant != "qp")
        return [Pin(f"fee:{tagged('cf', cf.id)}", "cf", cf, strong=intent.period is not None and not intent.asks_why)
                for cf in factors]
    # A reduction the question names (the assistant's rate, sequestration) is what it turns on: it leads,
    # and the amount it reduces follows.
    out = _sequestration_pins(intent, kb)
    if _ASSISTANT.search(intent.query):
        out.append(Pin("fee:assistant-rate", "assistant", None))
    adjusted = bool(out)
    # "dec 31 2024 vs jan 1 2025": each period named, when the question names more than one
    periods = [p for p in asked_periods(intent) if p is not None]
    # no code named: the first code of the family taught ("ostomy care teaching in 2026": G0541)
    for code in intent.procedure_codes or (kb.family_codes(units_family(intent, kb) or "cts")[0],):
        rows = [r for r in kb.fees.rvus if r.code == code]
        if periods:
            rows = [r for r in rows if any(overlaps(r.effective_from, r.effective_to, p) for p in periods)]
        elif rows:
            rows = [max(rows, key=lambda r: r.effective_from or date.min)]
        if intent.dos is not None and len(periods) > 1:
            # "for the 2026 budget ... finance pulled a 2025 figure", "2025 vs 2026" on a 2026 date of service: each
            # year named is answered, the date of service's own first (a stable sort keeps the rest in file order)
            rows.sort(key=lambda r: not overlaps(r.effective_from, r.effective_to, (intent.dos, intent.dos)))
        out += [Pin(f"fee:{fee_entry(r)}", "fee", r, strong=bool(periods) and not adjusted) for r in rows]
    return out


def _sequestration_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    if not _SEQUESTRATION.search(intent.query):
        return []
    return [Pin(f"fee:{tagged('sequestration', s.id)}", "sequestration", s) for s in kb.fees.sequestration
            if intent.period is None or overlaps(s.effective_from, s.effective_to, intent.period)]


def _addon_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """ "Can I bill 97551 by itself?": the add-on's own passage says which code it goes with."""
    if not intent.alone:
        return []
    return [Pin(f"code:{c}", "code", kb.codes[c]) for c in intent.procedure_codes
            if c in kb.codes and kb.codes[c].kind == "addon"]


# "is G35 still good for a 97550 claim", "R26.2 ok on the 97550 line?": the procedure code names the claim the
# diagnosis sits on, not a code asked about
_ON_CLAIM = (r"\b(?:for|on|with|in)\s+(?:an?\s+|the\s+|my\s+|our\s+|this\s+)?\+?{code}"
             r"\s+(?:claims?|lines?|sessions?|visits?)\b")


def _validity_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    # a diagnosis code named with a procedure code is what is asked ("G20 on the 97550 claim for 11/4/2026, fine?"):
    # its dated change leads, the procedure code's window only follows (one not in force leads: `_not_in_force`)
    dated = (intent.period is not None or intent.asks_meaning) and not intent.diagnosis_codes
    out = [Pin(f"code:{c}", "code", kb.codes[c], strong=dated) for c in intent.procedure_codes if c in kb.codes]
    return _dx_pins(intent, kb) + out


def _dx_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    # "a) R29.6 b) Z91.81 c) R26.8": codes offered as choices; one option's own change does not say which fits, so it
    # only follows the passage that sets the options side by side
    choices = offers_choices(intent)
    out: list[Pin] = []
    for code in intent.diagnosis_codes:  # the code itself, else its nearest parent: Z96.641 → Z96.64 → Z96.6 → Z96
        stem, _, tail = code.partition(".")
        for candidate in [code] + [f"{stem}.{tail[:n]}" if n else stem for n in range(len(tail) - 1, -1, -1)]:
            changes = [d for d in kb.diagnosis_changes if d.code == candidate]
            if changes:
                out.append(Pin(f"dx:{candidate}", "dx", changes, strong=not choices))
                break
    return out


def _not_in_force(intent: Intent, kb: Knowledge) -> list[Pin]:
    """Code pins for named procedure codes that were not in effect at any time in the period."""
    if intent.period is None:
        return []
    return [Pin(f"code:{c}", "code", kb.codes[c]) for c in intent.procedure_codes
            if c in kb.codes and not overlaps(kb.codes[c].effective_from, kb.codes[c].effective_to, intent.period)]


def _denial_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """One code: its meaning first. Several: the denial pattern that has them all, then each meaning."""
    named = [c for c in intent.reason_codes if c in kb.reason_codes]
    several = len(named) > 1
    acting = intent.asks_action or intent.clerical  # what to do leads; the codes' meanings only feed the answer
    # a pattern led by its remarks (CO-97 with N70) answers only a question that names one of them
    patterns = [p for p in kb.denial_patterns.values() if named and set(named) <= {*p.carcs, *p.rarcs}
                and (not p.rarc_led or set(named) & set(p.rarcs))]
    out = [Pin(f"denial:{p.id}", "denial", p, strong=several and not acting) for p in patterns]
    out += [Pin(f"reason:{c}", "reason", kb.reason_codes[c], strong=not several and not acting) for c in named]
    return clerical_pins(intent, kb) + (out if several else out[len(patterns):] + out[:len(patterns)]) \
        + _first_level(intent, kb, patterns)


def _first_level(intent: Intent, kb: Knowledge, patterns: list[Any]) -> list[Pin]:
    """ "CO-50 ... how do we fight this?", "medicare adv denied 97550, what do I do": a denial whose every pattern is
    answered by an appeal (or that names no code) is appealed by the payer's first level: the MAC's redetermination,
    or a Medicare Advantage plan's reconsideration (its filing limit follows the meaning)."""
    routes = {r.id: r for r in kb.appeals.routes}
    appealed = all(p.remedy == "appeal" for p in patterns) and (bool(patterns) or not intent.reason_codes)
    # "PR-119 ... how do we fix?": a denial whose every pattern is corrected, not appealed, is corrected the payer's
    # way (Medicare: a clerical-error reopening of the denied line)
    corrected = bool(patterns) and all(p.remedy == "corrected_claim" for p in patterns)
    route = _FIRST_LEVEL.get(intent.payer) if appealed else _CORRECTION.get(intent.payer) if corrected else None
    if not intent.asks_action or intent.clerical or route not in routes:
        return []
    # ("what must we do and until which time?": the route's filing limit is asked, so the route leads)
    return [Pin(f"appeal:{route}", "route", routes[route], strong=bool(_LIMIT_ASKED.search(intent.query)))]


# the filing limit asked in so many words (not any "day": "paid on a different claim for same day")
_LIMIT_ASKED = re.compile(r"\bhow long\b|\bdeadline|\bby when\b|\buntil (?:when|which)\b|\btime limit|\bfiling limit"
                          r"|\b(?:still|enough) time\b|\bhow many days\b|\btoo late\b", re.I)
_FIRST_LEVEL = {None: "redetermination", "medicare": "redetermination", "medicare_advantage": "plan_reconsideration"}
_CORRECTION = {None: "clerical_reopening", "medicare": "clerical_reopening"}


_THERAPIST = re.compile(r"\b(?:PT|OT|SLP|PTA|OTA|therapist)s?\b|speech|physical therap|occupational|lapse|waiver",
                        re.I)


_WAIVER_NAMED = re.compile(r"\bwaiver|\blaps|\bexpire|\bextend|\bshutdown\b", re.I)
_LIST_ASKED = re.compile(r"\b(?:got |was |were |been )?added\b|\b(?:on|off) the (?:telehealth )?list\b|\btemporar"
                         r"|\bprovisional|\bpermanent", re.I)


def _telehealth_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    # "one visit 12/31/24 and one 1/2/25": each period named, when the question names more than one
    periods = [intent.period] if intent.period is not None else list(intent.periods)
    if not periods:
        return []
    listed = [Pin(f"fee:{tagged('telehealth', t.id)}", "telehealth", t) for t in kb.fees.telehealth
              if any(overlaps(t.effective_from, t.effective_to, p) for p in periods)]
    waivers = [Pin(f"fee:{tagged('waiver', w.id)}", "waiver", w) for w in kb.fees.therapist_waivers
               if any(overlaps(w.effective_from, w.effective_to, p) for p in periods)]
    # "I heard it got added but just temporarily?": the list status is asked about, the waiver follows
    if not _THERAPIST.search(intent.query) or _LIST_ASKED.search(intent.query):
        return listed + waivers + _other_years(intent, kb)
    deciding = bool(_WAIVER_NAMED.search(intent.query))
    if not waivers and intent.period is not None:  # a date after the last waiver: until when therapists could bill
        ended = [w for w in kb.fees.therapist_waivers if w.effective_to and w.effective_to < intent.period[0]]
        waivers = [Pin(f"fee:{tagged('waiver', w.id)}", "waiver_ended", w)
                   for w in sorted(ended, key=lambda w: w.effective_to or date.min, reverse=True)[:1]]
        deciding = deciding or bool(waivers)
    # A therapist's telehealth turns on the statutory waiver, not only on the list. When the waiver decides it (its
    # lapse is asked about, or the date is past its end) the list status only follows.
    return waivers + [Pin(p.entry, p.what, p.obj, strong=not deciding) for p in listed] + _other_years(intent, kb)


def _other_years(intent: Intent, kb: Knowledge) -> list[Pin]:
    """ "can't do 97550 by video 'bc of the 2024 rule', we want one 12/15/2026": a year named beside the date asked
    about; its telehealth status follows (the date's own leads)."""
    if intent.period is None:
        return []
    others = [p for p in intent.periods if not overlaps(p[0], p[1], intent.period)]
    return [Pin(f"fee:{tagged('telehealth', t.id)}", "telehealth", t, strong=False) for t in kb.fees.telehealth
            if any(overlaps(t.effective_from, t.effective_to, p) for p in others)
            and not overlaps(t.effective_from, t.effective_to, intent.period)]


def _telehealth_not_listed(intent: Intent, kb: Knowledge) -> list[Pin]:
    """ "zoom session on 9/12/2024, billed 97550-95, denied. appeal?": a telehealth visit on a date the codes were not
    on the telehealth list is why it denied; that period's status leads the appeal or denial answer."""
    if intent.period is None or not (TELEHEALTH_VISIT.search(intent.query) or {"95", "93"} & set(intent.modifiers)):
        return []
    return [Pin(f"fee:{tagged('telehealth', t.id)}", "telehealth", t) for t in kb.fees.telehealth
            if t.status == "not_listed" and overlaps(t.effective_from, t.effective_to, intent.period)]


# "can I bill 97550 w/ modifier 95 for a zoom session on 5/20/2024?": whether, not which modifier
# "what does PR-50 mean", "CO-97 = ?", "what is N115": the meaning of a remittance code asked for itself
_REASON_MEANING = re.compile(r"\b(?:CO|PR|OA|PI|CR)[- ]?[A-Z]?\d{1,3}\b\s*(?:mean|means|stand for|stands for|=\s*\?)"
                             r"|\bwhat(?:'?s| is| does)\s+(?:a\s+|an\s+|the\s+)?(?:(?:CO|PR|OA|PI|CR)[- ]?)?"
                             r"(?:[A-Z]?\d{1,3}|[MN]A?\d{1,3})\s*(?:mean\b|\?)", re.I)
_WHETHER_BILL = re.compile(r"^\s*(?:can|could|may|is it (?:ok|okay|allowed) to|are we allowed to|am i allowed to)"
                           r"\s+(?:i|we|you|they|our \w+|a \w+)?\s*(?:still\s+|also\s+)?(?:bill|do|use|submit)\b"
                           # "zoom visit 8/2/24, 97550 95 POS 10 ok??": the question closes on whether it is allowed
                           r"|\b(?:ok|okay|allowed|fine|legit|covered|billable)"
                           r"(?:\s+(?:for|with|by)\s+(?:medicare|part b|the mac|cms))?\s*\?+\s*$"
                           # "billed 97550 with the 95 modifier. Looking back was that legit?": asked of a past claim
                           r"|\b(?:was|is|were) (?:that|this|it|they) (?:really |even )?(?:ok|okay|allowed|fine|legit"
                           r"|legal|covered|billable)\b", re.I)


def _timed_validity(intent: Intent, kb: Knowledge, family: str | None) -> list[Pin]:
    """Minutes told with a code and a date, asked whether: the validity of a named code that was new then (in its
    first year) follows the units ("can G0542 go on the 01/02/2025 claim with G0541, 50 min?"); a code whose family
    has no units passage ("96202 ... 75 min, payable in 2024?") is answered by its descriptor, which states its time,
    and its dates."""
    named = [c for c in intent.procedure_codes if c in kb.codes]
    if family is None:
        return [Pin(f"code:{c}", "code_time", kb.codes[c]) for c in named]
    if intent.period is None or not _WHETHER.search(intent.query):
        return []
    start = intent.period[0]
    return [Pin(f"code:{c}", "code", kb.codes[c], strong=False) for c in named
            if (since := kb.codes[c].effective_from) is not None and 0 <= (start - since).days < NEW_CODE_DAYS]


def _denial_route(intent: Intent, kb: Knowledge, topics: bool) -> tuple[list[Pin], list[Pin]]:
    """(pins that lead the question's other pins, pins that follow them) for a denial question."""
    denial = _denial_pins(intent, kb)
    lead: list[Pin] = []
    if _REASON_MEANING.search(intent.query):  # "what does PR-50 mean and do we owe it?": the meaning leads
        lead = [p for p in denial if p.what == "reason"]
        denial = [p for p in denial if p.what != "reason"]
    elif topics:  # "CO-50 ... go back into the note and add the goal?": the subject asked leads, the meaning follows
        denial = [Pin(p.entry, p.what, p.obj, strong=False) if p.what == "reason" else p for p in denial]
    # "billed G35 and it denied for the dx": the diagnosis code's validity on that date is why
    return lead, _dx_pins(intent, kb) + _telehealth_not_listed(intent, kb) + denial


# "Is that enough for the 30-min code?", "How many 97552 units do I bill?": the minutes or units of a session asked
_TIME_ASKED = re.compile(r"\bunits?\b|\bhow many\b|\bminutes?\b|\bmins?\b|\b\d+[- ]?min\b"
                         r"|\bhow (?:do|should|can) (?:i|we) bill\b", re.I)


def _asks_time_not_telehealth(query: str) -> bool:
    """A long question told of a video visit whose asking sentences ask its minutes or units and not about telehealth
    ("video log ... she joined 14:02, I ended 14:19 ... Is that enough for the 30-min code?")."""
    question = asked(query)
    return question is not None and bool(_TIME_ASKED.search(question)) and not TELEHEALTH_VISIT.search(question) \
        and not re.search(r"\btele|\b(?:modifier|mod)\s*9[35]\b|\bpos\s*(?:02|10)\b", question, re.I)


def pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """The entries that hold the answer to `intent`, best first (may be empty)."""
    # "G0541 with GO on 12/3/2024?", "G0543 on each claim for 11/14/24?": a code not in force then is the answer
    out = [Pin(p.entry, p.what, p.obj, corrects=True) for p in _not_in_force(intent, kb)]
    out += _quoted_descriptor_pins(intent, kb)
    topics = topic_pins(intent, kb)
    status = _telehealth_pins(intent, kb) if intent.kind == "telehealth" else []
    if status and _asks_time_not_telehealth(intent.query):  # the visit was by video; its minutes are what is asked
        status = [Pin(p.entry, p.what, p.obj, strong=False) for p in status]
    # whether it may be billed then, or whether the therapists' waiver had lapsed: the period's status leads,
    if status and (_WHETHER_BILL.search(intent.query) or _WAIVER_NAMED.search(intent.query)):
        out += status  # the claim's modifier and place of service only follow
        topics = [Pin(p.entry, p.what, p.obj, strong=False) for p in topics]
    out += _addon_pins(intent, kb) + topics + _group_code_pins(intent, kb)
    if intent.kind in ("rule", "code_choice", "code_validity"):
        out += _offered_pins(intent, kb)
    if intent.kind == "fee":
        out += _fee_pins(intent, kb)
        if _group_only(intent, kb) and _PER_WHAT.search(intent.query):  # "97552 pays what, per session or what?"
            out += _group_units_pins(intent, kb)
    elif intent.kind == "threshold" and (intent.period is not None
                                         or (intent.today is not None and _KX_NAMED.search(intent.query))):
        # "over the therapy cap, what modifier?": with no year named, the threshold in force today (which leads only
        # when the question asks what, not whether: "does CTS count toward the KX threshold?")
        # ("the thresholds for 2024, 2025 and 2026": each year named, not only today's)
        on = [p for p in asked_periods(intent) if p is not None] or (
            [(intent.today, intent.today)] if intent.today else [])
        strong = intent.period is not None or len(on) > 1 or not _WHETHER.search(intent.query)
        out += [Pin(f"fee:{tagged('kx', t.id)}", "kx", t, strong=strong) for t in kb.fees.kx_thresholds
                if not on or any(overlaps(t.effective_from, t.effective_to, p) for p in on)]
    elif intent.kind == "code_validity":
        out += _validity_pins(intent, kb)
    elif intent.kind in ("rule", "code_choice") and _one_group_code(intent, kb):
        out += _group_units_pins(intent, kb)  # "group with caregivers of 4 other families, bill 97552?": the group rule
    elif intent.kind == "denial":
        lead, follow = _denial_route(intent, kb, bool(topics))
        out = lead + out + follow
    elif intent.kind == "appeal":
        out += _telehealth_not_listed(intent, kb) + appeal_pins(intent, kb)
    elif intent.kind == "telehealth":
        out += status
    if intent.kind != "fee":
        out += _sequestration_pins(intent, kb)
    if intent.kind != "fee" and _FURNISHED_BY_ASSISTANT.search(intent.query):  # the assistant: CQ/CO, 85 %
        out.append(Pin("fee:assistant-rate", "assistant", None, strong=False))
    # "how many minutes for 2 units of 97551", "how many minutes do I need to bill 97551": the band that gives them
    # (minutes told of a group code are no count of its units: "97552 class ran 60 min, by the minute?")
    if intent.kind == "units" and _group_only(intent, kb) and (
            _GROUP_UNITS.search(intent.query) or (intent.minutes and SEVERAL_PATIENTS.search(intent.query))):
        out += _group_units_pins(intent, kb)
    elif intent.kind == "units" and (intent.minutes or (_ASKS_MINUTES.search(intent.query)
                                                        and (intent.unit_count or intent.procedure_codes))):
        split = list(dict.fromkeys(f for f, _ in family_minutes(intent, kb)))
        if split:  # "ostomy care (20 min) then transfers (25 min)": each family's own units, in the order told
            out += [Pin(f"units:{f}", "units", kb.family_codes(f)[:2]) for f in split]
        family = units_family(intent, kb)
        if family is not None and not split:
            out.append(Pin(f"units:{family}", "units", kb.family_codes(family)[:2], strong=False))
        out += _timed_validity(intent, kb, family)
    if patient_arrived(intent) or patient_there(intent):
        out = [p for p in out if p.what != "units"]
    if any(p.corrects for p in out):  # a premise corrected leads; the facts it corrects only follow
        out = [p for p in out if p.corrects] + [Pin(p.entry, p.what, p.obj, strong=False)
                                                for p in out if not p.corrects]
    seen: set[str] = set()
    return [p for p in out if not (p.entry in seen or seen.add(p.entry))]  # type: ignore[func-returns-value]


_WORDS = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


def phrases(query: str) -> list[str]:
    """The question's three-word phrases ("targeted medical review"), for the phrase bonus."""
    words = _WORDS.findall(query.lower())
    return [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]


def plain(text: str) -> str:
    """Lower-case words separated by single spaces: what the phrase bonus matches against."""
    return " ".join(_WORDS.findall(text.lower()))


def phrase_bonus(query_phrases: list[str], plain_text: str) -> float:
    """A bonus for a passage that uses the question's own wording, three words at a time (at most three)."""
    return PHRASE_BONUS * min(3, sum(1 for p in query_phrases if p in plain_text))


class Topics:
    """The passages' topic tags, tokenised once: which passages carry a topic the question names."""

    def __init__(self, topics: list[frozenset[str]]) -> None:
        self.of = topics
        self.words = {t: frozenset(tokenize(t.replace("_", " "))) for ts in topics for t in ts}
        self.tagged = {t: np.array([t in ts for ts in topics], dtype=bool) for t in self.words}

    def hits(self, query: str) -> np.ndarray:
        """Passages tagged with a topic whose every word (stemmed) the question uses."""
        asked = set(tokenize(expand(query)))
        out = np.zeros(len(self.of), dtype=bool)
        for topic, words in self.words.items():
            if words and words <= asked:
                out |= self.tagged[topic]
        return out


def same_diagnosis(asked: str, tag: str) -> bool:
    """An ICD-10-CM code asked about and a passage's code tag are one code or category: R29.6 and R29.6, G20 and
    G20.A1, Z96.641 and Z96.64."""
    return diagnosis_matcher((asked,))(tag)


def diagnosis_matcher(asked: Iterable[str]) -> Callable[[str], bool]:
    """`same_diagnosis` against every code asked about at once, in time linear in the tag: a question of hundreds of
    codes against every passage's tags took a second (hostile13 #15) when each pair was compared."""
    codes = set(asked)
    prefixes = {d[:k] for d in codes for k in range(1, len(d) + 1)}
    return lambda tag: tag in prefixes or any(tag[:k] in codes for k in range(1, len(tag) + 1))


def _in_period(intent: Intent, from_n: np.ndarray, to_n: np.ndarray) -> np.ndarray:
    """Passages in force in a period asked about (every period the question names around its date of service)."""
    if intent.period is None:
        return np.ones(len(from_n), dtype=bool)
    out = np.zeros(len(from_n), dtype=bool)
    for period in asked_periods(intent):
        start, end = (int(d.strftime("%Y%m%d")) for d in period)  # type: ignore[union-attr]
        out |= (from_n <= end) & (to_n >= start)
    return out


def _narrow(intent: Intent, topic: str, trigger: re.Pattern[str]) -> bool:
    if intent.kind != "telehealth" and CONSENT_FORM.search(intent.query):  # consent given by phone is no phone visit
        return False
    return bool(trigger.search(intent.query)) and intent.kind in ("telehealth", "modifier", "rule")


def leading(intent: Intent, entries: np.ndarray, from_n: np.ndarray, to_n: np.ndarray, pinned: list[Pin],
            topics: Topics | None = None) -> np.ndarray:
    """Passages that lead the search whatever the channels found: the strong pins, and the passages on a narrow
    case the question names (in force in the period asked about)."""
    out = np.isin(entries, [p.entry for p in pinned if p.strong])
    for topic, trigger in NARROW_TOPICS.items():
        if topics is not None and topic in topics.tagged and _narrow(intent, topic, trigger):
            out |= topics.tagged[topic] & _in_period(intent, from_n, to_n)
    return out


# "MCQ: ... a) R29.6   b) Z91.81   c) R26.8": codes offered as lettered (or numbered) choices
_CHOICE = re.compile(r"(?:^|\s)\(?[a-dA-D1-4]\)\s*[A-Z]\d")
_QUIZ = re.compile(r"\bMCQ\b|\bmultiple[- ]choice\b", re.I)
CHOICE_COVER = 0.5  # per further option a passage names: the one that sets the options side by side answers "which"
MAX_CHOICES = 6  # a quiz offers a few options; hundreds of codes are no choice (and each compared would be slow)


def offers_choices(intent: Intent) -> bool:
    """Whether the question offers its diagnosis codes as choices to pick from (a quiz), not each asked about."""
    if not 2 <= len(intent.diagnosis_codes) <= MAX_CHOICES:
        return False
    return bool(_QUIZ.search(intent.query)) or len(_CHOICE.findall(intent.query)) >= 2


def _code_fit(intent: Intent, entries: np.ndarray, pinned: list[Pin], codes: list[frozenset[str]],
              mult: np.ndarray) -> None:
    """Naming none of the codes asked about sinks a passage; of diagnosis codes offered as choices, a passage that
    names more of them rises (it compares the options; one option's own change does not say which fits)."""
    named = set(intent.procedure_codes) | set(intent.reason_codes)
    if not (named or intent.diagnosis_codes):
        return
    leading = np.isin(entries, [p.entry for p in pinned if p.strong])
    about = [bool(named & c) for c in codes]
    if intent.diagnosis_codes:
        same = diagnosis_matcher(intent.diagnosis_codes)
        about = [a or any(same(t) for t in c) for a, c in zip(about, codes, strict=True)]
    if offers_choices(intent):  # at most MAX_CHOICES codes, each matched against the tags
        matchers = [diagnosis_matcher((d,)) for d in intent.diagnosis_codes]
        hits = np.array([sum(any(m(t) for t in c) for m in matchers) for c in codes])
        mult *= 1 + CHOICE_COVER * np.maximum(hits - 1, 0)
    mult[~np.array(about, dtype=bool) & ~leading] *= UNNAMED_CODE


def priors(
    intent: Intent,
    kinds: np.ndarray,
    entries: np.ndarray,
    from_n: np.ndarray,
    to_n: np.ndarray,
    pinned: list[Pin],
    topics: Topics | None = None,
    codes: list[frozenset[str]] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(multiplier, bonus) per passage for `intent`: kind preference, period fit, narrow topics and pins."""
    mult = np.ones(len(kinds), dtype=float)
    bonus = np.zeros(len(kinds), dtype=float)
    for topic, trigger in NARROW_TOPICS.items():
        if topics is not None and topic in topics.tagged:
            tagged = topics.tagged[topic]
            if _narrow(intent, topic, trigger):
                bonus[tagged & _in_period(intent, from_n, to_n)] += NARROW_BONUS
            else:
                mult[tagged] *= 0.5
    if topics is not None:
        mult[topics.hits(intent.query)] *= TOPIC_BOOST
    for kind, factor in PASSAGE_PRIOR.items():
        mult[kinds == kind] *= factor
    wants = "denial_action" if intent.kind == "denial" and (intent.asks_action or intent.clerical) else intent.kind
    for kind, factor in KIND_PRIOR.get(wants, {}).items():
        mult[kinds == kind] *= factor
    if codes is not None:
        _code_fit(intent, entries, pinned, codes, mult)
    if intent.kind == "modifier" and intent.modifiers and codes is not None and topics is not None:
        # "does G0541 need GP?": a passage about none of the modifiers asked about sinks, however well it matches
        asked = {m.lower() for m in intent.modifiers}
        about = [bool(asked & {c.lower() for c in cs} or asked & ts) for cs, ts in zip(codes, topics.of, strict=True)]
        mult[~np.array(about, dtype=bool)] *= UNNAMED_CODE
    if intent.kind == "code_validity":  # a procedure code's validity is not a diagnosis code's, and back
        mult[kinds == "dx"] *= 1.0 if intent.diagnosis_codes else 0.5
        mult[kinds == "code"] *= 1.0 if intent.procedure_codes else 0.7
    if intent.period is not None:
        dated = (from_n > 0) | (to_n < 99991231)
        hit = _in_period(intent, from_n, to_n)
        mult[dated & ~hit] *= OUT_OF_PERIOD
        bonus[dated & hit] += IN_PERIOD_BONUS
    for rank, pin in enumerate(p for p in pinned if p.strong):
        bonus[entries == pin.entry] += PIN_BONUS * (1 - PIN_DECAY * rank)
    return mult, bonus
