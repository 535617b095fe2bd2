"""Checks of the claim lines against the note: units, add-ons, group, telehealth, modifiers, ICD-10."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from assistant.billing import supported_lines_for_minutes
from assistant.codes import near_codes
from assistant.models import BilledLine
from assistant.notes.context import ASSISTANT_MODIFIER, THERAPY_MODIFIER, Context, Outcome
from assistant.notes.disciplines import co_treatment_split, units_by_discipline
from assistant.notes.furnished import therapist_only_codes
from assistant.notes.icd import check_code
from assistant.notes.nlp import Concept
from assistant.notes.patterns import TEAM_MEETING, impossible_dos
from assistant.notes.presence import people
from assistant.notes.registry import check
from assistant.notes.scan import sparse_finditer
from assistant.notes.whereabouts import ON_LINK

GROUP_CODES = ("97552", "G0543")
_VIDEO = re.compile(r"video|zoom|doxy|facetime|teams|audio-video|audio and video|audio/video|two-way|real-time", re.I)
# "called the pharmacy by phone during the break": a call beside the session, not how it was furnished
_NOT_THE_SESSION = re.compile(
    r"\b(?:break|pharmacy|physician|md office|doctor|pcp|insurance|schedul\w*|reschedul\w*|voicemail"
    r"|left (?:a )?message"
    # "reconfirmed with pt by phone before this session": a call at another time than the session
    r"|to confirm|follow[- ]up call|(?:prior to|before|after) (?:the |this |today's )?(?:session|visit)"
    # "pt at home with wife; confirmed by phone": how a fact was checked, not how the session was held
    r"|(?:re-?)?confirmed|verified|checked"
    # "training approved by adjuster T. Brannigan by phone, auth # IB-A-552871": how an authorization was given
    r"|authoriz\w*|authoris\w*|auth|approv\w*"
    r"|available|supervis\w*|on call|reachable|off the clock|not counted|paused|stepped out"
    r"|tried to reach|no answer"
    # "had to cut short, clinic phone call": a call that ended the session, not how it was held
    r"|cut\s+(?:it\s+|the\s+session\s+)?short|interrupt\w*"
    # "interpreter via phone line": how the words were carried, not how the session was furnished; a call off the
    # clock ("husb phone call, off clock"); a family that cancelled by phone did not come
    r"|interpret\w*|off[- ]clock|cancel\w*|called (?:in|out)"
    # "role-played a phone call with me as pt": a call as what was trained (phone use), not how it was furnished;
    # "word retrieval, scripted phone call practice": a treatment's content
    r"|role[- ]?play\w*|simulat\w*|mock|script(?:ed|s)?[ \t]+(?:tele)?phone[ \t]+calls?"
    r"|(?:tele)?phone[ \t]+calls?[ \t]+(?:practice|script|skills?|training)"
    r"|practic\w*[ \t]+(?:tele)?phone[ \t]+calls?)\b",
    re.I,
)
# Why video was not used, when audio-only is allowed (from 2025): the beneficiary (not the caregiver,
# not the clinician) cannot use video or does not consent to it (docs/CONVENTIONS.md, telehealth).
_BENEFICIARY = re.compile(r"\b(?:pt|patient|beneficiary)\b(?!'s|’s)", re.I)
# "Mrs. Stroud-Amadi and her son have no smartphone": the patient by title and name
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\b(?!'s|’s)")
# video named only as what was planned, usual or possible elsewhere: "Planned video visit; my camera would
# not start, so the whole session was done by phone, audio only"; "normally joins by video"
_VIDEO_NOT_USED = re.compile(
    r"\b(?:planned|scheduled as|normally|usually|could have|offered|instead of|previous|prior|did video visits"
    r"|would not start|failed|outage|was down|not possible|not available|unavailable"
    # a video link tried and given up: "we tried to connect by video but her phone would not load it"
    r"|tried|attempted|would not (?:load|connect|work|open)|could not (?:load|connect|open)|couldn't"
    # a video app someone has or uses elsewhere: "pt has an iPad and uses FaceTime with his grandkids"; one that
    # cannot do video: "her phone can't do video"; "they have a tablet with video and use it for her MD visits"
    r"|uses|has|have|owns|use it|can't|cannot|can not"
    # video only at the start of a session finished audio-only: "Started on video; at 2:03 my camera failed"
    r"|started|began|switched)\b",
    re.I,
)
# "this session was by phone", "SLP caregiver session by phone": the phrase says how the session itself was
# furnished, whatever else its sentence mentions (a break, a consent, a schedule)
# "(at home with wife; confirmed by phone)": a fact checked by a call, not the session's mode
# "POA present by phone? -- no": a question the note answers no
_ANSWERED_NO = re.compile(r"[ \t]*\?[ \t]*(?:-{1,2}|–|—|:|=)?[ \t]*(?:no|n)\b", re.I)
# "Present: DON; OT R. Ekstrand, OTR/L; resident's son (POA) by phone": a meeting's attendance list says how
# someone attended the meeting, not how the training was furnished
# ... in a note of a meeting (a telehealth session's own "Present: daughter by phone" is the session's mode)
_ATTENDANCE = re.compile(r"[ \t*-]*(?:present|attendees|attending|in attendance|participants)[ \t]*:", re.I)
_MEETING = re.compile(TEAM_MEETING, re.I)
_CHECKED_BY = re.compile(r"\b(?:confirm\w*|verif\w*|checked|reported|called)\s+(?:[\w']+\s+){0,2}$", re.I)
_SESSION_MODE = re.compile(
    r"\b(?:session|visit|training|treatment|appointment|encounter|class|conducted|held|furnished|provided|done"
    r"|completed)\s+(?:was\s+|is\s+)?(?:held\s+|done\s+|conducted\s+)?$",
    re.I,
)
# "daughter Rehema (in person) and Zawadi (joined by speakerphone from work)": the session was held in person; a
# caregiver who called in took part from elsewhere, which does not make the session a telehealth one
# ... not another visit's ("consent signed at last in-person visit 3/24/26")
_IN_PERSON = re.compile(
    r"(?<!not )(?<!planned )(?<!scheduled )(?<!instead of )(?<!usually )(?<!normally )"
    r"(?<!last )(?<!prior )(?<!previous )(?<!next )(?<!earlier )\bin[- ]person\b",
    re.I,
)
# "daughter A (in person) and daughter B (joined by speakerphone for the last 10 min)": one caregiver in the room,
# another joining remotely for part; the session is furnished in person
_JOINED_REMOTELY = re.compile(
    r"\b(?:joined|joining|joins|dialed in|dialled in|called in|listened in)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:by|via|on|over)\s+"
    r"(?:the\s+)?(?:speaker\s?phone|phone|telephone|video|zoom|facetime|teams)\b",
    re.I,
)
_TITLE_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr)\.")
_STRICT_AUDIO = ("audio only", "audio-only", "telephone only", "phone only")
_NO_VIDEO = re.compile(
    r"\b(?:no|without|lacks?|doesn't have|does not have|don't have|do not have|not able to use|unable to use|cannot use"
    r"|can't use)\s+(?:a\s+|any\s+)?"
    r"(?:video|camera|webcam|smartphone|smart phone|device|internet|broadband|computer|tablet)"
    r"|\b(?:declined|refused|declines|refuses|did not consent to|does not consent to|do not consent to"
    r"|did not want)\s+(?:the\s+)?video"
    r"|\bvideo\s+(?:(?:was\s+|is\s+)?not possible|not available|unavailable|declined|refused)"
    # "Neither pt nor Lorraine has a smartphone, computer or any video device": the patient is one of them
    r"|\bneither\s+(?:the\s+)?(?:pt|patient|beneficiary)\s+nor\s+[^.;\n]{1,40}?\b(?:has|have|owns?|uses?)\s+"
    r"(?:a\s+|any\s+)?(?:video|camera|webcam|smartphone|smart phone|device|internet|broadband|computer|tablet)",
    re.I,
)
ADDONS = {"97551": "97550", "G0540": "G0539", "G0542": "G0541"}
FAMILY_WORDS = {
    "cts": "functional training",
    "direct_care": "direct-care training",
    "behavior": "behavior-management training",
}
TIMED = ("97550", "97551", "G0539", "G0540", "G0541", "G0542")


def _fmt(lines: list[tuple[str, int]]) -> str:
    return " + ".join(f"{code}×{units}" for code, units in lines) or "no CTS units"


@check
def units(ctx: Context) -> Outcome:
    billed = ctx.billed_cts
    if not billed:
        return Outcome("not_applicable", _did_you_mean(ctx))
    spans = ctx.billed_spans[:3]
    if ctx.impossible_units:  # quoted as written, never read as one unit (hostile12 #9)
        return Outcome(
            "problem",
            f"the note bills {', '.join(ctx.impossible_units)}: not a unit count a claim line can carry (1 to 99).",
            spans,
        )
    group = [line for line in billed if line.code in GROUP_CODES]
    timed: dict[str, int] = {}
    for line in billed:  # a code on two lines is that many units of it ("97550x1, 97550x1" is 97550 x2)
        if line.code in TIMED and line.units > 0:
            timed[line.code] = timed.get(line.code, 0) + line.units
    if group:
        found = _group_units(ctx, group, spans)
        if found is not None:
            return found
        if not timed:
            return Outcome("met", "One group unit for this patient.", spans)
    if ctx.is_group and timed:
        return Outcome(
            "problem", "Caregivers of several patients were trained together: bill the group code, one unit.", spans,
            ("timed_in_group",),
        )
    if ctx.total_minutes is None:
        return Outcome("problem", f"{_fmt(sorted(timed.items()))} billed, but no minutes are documented.", spans)
    if ctx.co_treated_by:  # both co-treating disciplines bill: together they may bill only what the minutes support
        within = timed == dict(ctx.minute_lines())
        return Outcome("met" if within else "problem", co_treatment_split(ctx), spans,
                       () if within else ("co_treatment_split",))
    primary = ctx.knowledge.family_codes(ctx.family)[0]
    if ctx.discipline_minutes and timed.get(primary, 0) > 1:
        # each discipline timed on its own session, but the primary code is billed once per patient per date (facts
        # §3, [inferred]; the MUE was not found): the day's minutes together decide the lines
        _, said = units_by_discipline(ctx)
        pooled = _fmt(sorted(dict(ctx.minute_lines()).items()))
        return Outcome("problem", f"{said}; but {primary} is billed at most once per patient per date, so the "
                       f"{ctx.total_minutes} minutes of the day support {pooled} in total.", spans,
                       ("one_primary_per_date",))
    supported = dict(ctx.minute_lines())
    billed_text = _fmt(sorted(timed.items()))
    if timed == supported:
        return Outcome("met", f"{billed_text} matches {ctx.total_minutes} minutes.", spans)
    if ctx.family_minutes:
        return Outcome("problem", f"{billed_text} billed; {_by_family(ctx)}.", spans)
    early = _not_yet_valid(ctx, timed)
    if early:
        return Outcome("problem", f"{billed_text} billed, but {early}.", spans)
    primary = ctx.knowledge.family_codes(ctx.family)[0]
    if supported and primary not in timed and set(timed) & set(TIMED):
        return Outcome(
            "problem",
            f"{billed_text} billed, but the training content supports {_fmt(sorted(supported.items()))}.",
            spans,
        )
    return Outcome(
        "problem",
        f"{billed_text} billed; {ctx.total_minutes} minutes support {_fmt(sorted(supported.items()))}.",
        spans,
    )


def _group_units(ctx: Context, group: list[BilledLine], spans: list[tuple[int, int]]) -> Outcome | None:
    """What is wrong with the billed group lines, or None."""
    # caregivers of one patient is the first thing wrong, whatever units the group code carries (qa10 #16)
    if not ctx.is_group:
        return Outcome(
            "problem",
            "A group code is billed, but the note documents individual training of one patient's caregivers.",
            spans,
            ("group_for_one_patient",),
        )
    if any(line.units > 1 for line in group) or len({line.code for line in group}) < len(group):
        return Outcome(
            "problem", "Group CTS is one unit per patient represented, billed on each patient's claim.", spans,
            ("group_units",),
        )
    wanted = ctx.knowledge.family_codes(ctx.family)[2]
    wrong = sorted({line.code for line in group if line.code != wanted})
    if wrong:
        return Outcome("problem", f"{', '.join(wrong)} billed, but the session supports {wanted}.", spans,
                       ("group_wrong_code",))
    return None


def _not_yet_valid(ctx: Context, codes: dict[str, int]) -> str:
    """'G0541, G0542 did not exist before 2025-01-01 (...); the codes in force then are for ...' for billed
    codes not yet in force on the date of service; the content is not said to support the older family's code (2024
    direct-care training had no code of its own, and 97550 is for functional tasks)."""
    dos, kb = ctx.dos, ctx.knowledge
    starts = {c: kb.codes[c].effective_from for c in codes if c in kb.codes}
    early = {c: d for c, d in starts.items() if dos is not None and d is not None and d > dos}
    if dos is None or not early:
        return ""
    first = min(early.values())
    then = _fmt(ctx.minute_lines())
    return (
        f"{', '.join(early)} did not exist before {first.isoformat()} (date of service {dos.isoformat()}); "
        f"the codes in force then are for {FAMILY_WORDS.get(ctx.family, 'caregiver training')}: "
        f"{ctx.total_minutes} minutes give {then} only if the training fits them"
    )


def _did_you_mean(ctx: Context) -> str:
    """ " 97505 is not a code the knowledge base describes: did you mean 97550?" for a billed code one slip away from a
    caregiver-training code."""
    unknown = [line.code for line in ctx.billed or [] if line.code not in ctx.knowledge.codes]
    for code in unknown:
        near = near_codes(code, ctx.knowledge.training_codes)
        if near:
            return f"{code} is not a code the knowledge base describes: did you mean {' or '.join(near)}?"
    return ""


def _by_family(ctx: Context) -> str:
    """'26 min of functional training support 97550×1 and 22 min of direct-care training G0541×1':
    each family on its own minutes, never pooled."""
    parts = []
    for family, minutes in ctx.family_minutes.items():
        primary, addon, _ = ctx.knowledge.family_codes(family)
        lines = supported_lines_for_minutes(minutes, rule=ctx.rule, codes=(primary, addon))
        parts.append(f"{minutes} min of {FAMILY_WORDS[family]} support {_fmt(lines) or 'no unit'}")
    return "; ".join(parts) + " (each code family is billed on its own minutes, never pooled)"


@check
def addon_pairing(ctx: Context) -> Outcome:
    billed = {line.code for line in ctx.billed_cts if line.units > 0}
    addons = [code for code in billed if code in ADDONS]
    if not addons:
        return Outcome("not_applicable", "No add-on code is billed.")
    alone = [code for code in addons if ADDONS[code] not in billed]
    if alone:
        return Outcome(
            "problem", f"+{', +'.join(sorted(alone))} billed without its primary code.", ctx.billed_spans[:3]
        )
    return Outcome("met", "Each add-on is billed with its primary code.", ctx.billed_spans[:3])


@check
def group_session(ctx: Context) -> Outcome:
    billed = ctx.billed_cts
    group_billed = [line for line in billed if line.code in GROUP_CODES]
    individual_billed = [line for line in billed if line.code in TIMED]
    evidence = [s for s in (ctx.ex.group_span, ctx.ex.single_patient_group) if s]
    if group_billed:
        if not ctx.is_group:  # several caregivers of one patient are no group, whatever units were billed
            return Outcome(
                "problem",
                "A group code is billed, but the note does not show caregivers of two or more patients: the group"
                " code is for caregivers of different patients trained together; bill the individual codes.",
                evidence,
            )
        if any(line.units > 1 for line in group_billed):
            return Outcome(
                "problem", "Group CTS is billed as one unit for each patient represented, not per caregiver.", evidence
            )
        if ctx.is_group and individual_billed:
            return Outcome(
                "problem", "A group session is billed with both the group code and an individual code.", evidence
            )
        return Outcome("met", f"Caregivers of {ctx.ex.group_patients} patients were trained together.", evidence)
    if ctx.is_group and individual_billed:
        return Outcome(
            "problem",
            "Caregivers of several patients were trained together, but an individual code is billed.",
            evidence,
        )
    if ctx.is_group:
        return Outcome("met", f"Group session: caregivers of {ctx.ex.group_patients} patients.", evidence)
    return Outcome("not_applicable", "Individual session.")


def _in_waiver(ctx: Context, on: date) -> bool:
    return any(w.in_force(on) for w in ctx.knowledge.fees.therapist_waivers)


# "the parents, as Elias's legal representatives, do not consent": they decide for the beneficiary
_REPRESENTATIVE = re.compile(r"\b(?:legal\s+(?:representatives?|guardians?)|guardians?|health\s?care proxy)\b", re.I)
# "... so video is not possible for the beneficiary": the reason names whose it is after it
_FOR_BENEFICIARY = re.compile(r"[^.;]{0,12}?\bfor\s+(?:the\s+)?(?:beneficiary|patient|pt)\b", re.I)


def _about_beneficiary(ctx: Context, pos: int, end: int) -> bool:
    """ "pt and wife have no internet", "pt does not consent to video"; not "pt's wife has no device"."""
    if _FOR_BENEFICIARY.match(ctx.ex.text, end, end + 40):
        return True
    before = ctx.ex.lines.before(pos, 80)
    undotted = _TITLE_DOT.sub(lambda m: m.group(1) + " ", before)  # "Mrs. Stroud" is not a sentence end
    cut = max(undotted.rfind(". "), undotted.rfind("; "))
    clause = before[cut + 1 :]
    if _PRONOUN_OPENS.match(clause) and cut > 0:
        # "Beneficiary: Clement H., at home. He does not consent to video": the pronoun's referent is before it
        clause = before[max(undotted.rfind(". ", 0, cut), undotted.rfind("; ", 0, cut)) + 1 : cut + 1]
    names = people(ctx.ex).patient
    return bool(
        _BENEFICIARY.search(clause)
        or _TITLED.search(clause)
        or _REPRESENTATIVE.search(clause)
        or (names and any(re.search(rf"\b{re.escape(n)}\b(?!'s|’s)", clause) for n in names))
    )


_PRONOUN_OPENS = re.compile(r"\s*(?:he|she)(?:\s+\w+)?\s*$", re.I)


def _audio_only(ctx: Context, evidence: list[tuple[int, int]]) -> Outcome | None:
    """Audio-only is payable from 2025 for a beneficiary at home who cannot use or refuses video (modifier 93);
    None lets the telehealth rules for the date decide the rest."""
    if ctx.dos is None:
        return None  # the date decides; without it the telehealth check is unclear anyway
    if not any(w.in_force(ctx.dos) for w in ctx.knowledge.fees.audio_only):
        return Outcome(
            "problem",
            "Audio-only CTS is not payable as Medicare telehealth on this date; it must be audio-video.",
            evidence,
        )
    if not any(
        _BENEFICIARY.search(m.group(0)) or _about_beneficiary(ctx, m.start(), m.end())
        for m in _NO_VIDEO.finditer(ctx.ex.text)
    ):
        return Outcome(
            "problem",
            "Audio-only telehealth is payable on this date only when the beneficiary cannot use "
            "video or does not consent to it (modifier 93); the note gives no such reason.",
            evidence,
        )
    return None


# a sentence break: a period (not a flowsheet's dot leader) and a capital; a line break and a label
# a stop that ends a sentence; not a title's ("consent from pt (Mr. Abernathy) ... by phone" is one sentence)
_BREAK = re.compile(r"(?<!\.)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)[.!?]\s+[A-Z]|\n\s*[A-Z][\w /-]{0,30}:")
CONSENT_REACH = 120
CLAUSE_REACH = 400


def _about_consent(text: str, mention: Concept, consents: list[Concept]) -> bool:
    """Whether an audio-only phrase says how consent was given: in a consent's sentence, or after a consent
    in the same sentence across a flowsheet's dot leaders or a wrapped line ("Consent ..... verbal, by phone",
    "verbal consent 4/14 ...\nand re-confirmed by phone today")."""
    for c in consents:
        # a dictation with no stops is one "sentence": only a consent near the phrase says how it was given
        gap = mention.start - c.end if mention.start >= c.end else c.start - mention.end
        if (c.sent_start, c.sent_end) == (mention.sent_start, mention.sent_end) and gap <= CONSENT_REACH:
            return True
        if 0 <= mention.start - c.end <= CONSENT_REACH and not _BREAK.search(text, c.end, mention.start):
            return True
    return False


def _clause_around(text: str, c: Concept) -> str:
    """The mention's sentence, with the words before it on a wrapped line ("pt has an iPad and uses\nFaceTime")."""
    before = text[max(0, c.start - 40) : c.start]
    cut = max(before.rfind(". "), before.rfind("; "), before.rfind(".\n"))
    # a clause is near its mention: a note without stops is one sentence, read whole once per mention (quadratic)
    return before[cut + 1 :] + text[c.start : min(c.sent_end, c.start + CLAUSE_REACH)]


ATTENDANCE_REACH = 400  # characters back to the line's start: a bound keeps one giant line linear


def _on_attendance_line(text: str, at: int) -> bool:
    start = text.rfind("\n", max(0, at - ATTENDANCE_REACH), at) + 1
    return (start > 0 or at <= ATTENDANCE_REACH) and _ATTENDANCE.match(text, start) is not None


def _patient_linked(ctx: Context) -> list[tuple[int, int]]:
    """The patient taking part by video or phone from elsewhere ("pt was on FaceTime for the whole session", read as
    presence by presence.py): how the patient took part, not how the training was furnished."""
    return sorted((a, b) for a, b in ctx.presence if ON_LINK.fullmatch(ctx.ex.text, a, b))


def _inside_any(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies in one of the sorted, disjoint `spans` (binary search: many mentions stay linear)."""
    i = bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@check
def telehealth(ctx: Context) -> Outcome:
    ex = ctx.ex
    consents = ex.of("CONSENT")
    linked = _patient_linked(ctx)
    remote = [
        c
        for c in ex.of("TELEHEALTH", negated=False)
        if not _ANSWERED_NO.match(ex.text, c.end) and not _inside_any(linked, c.start)
    ]
    spoken = [c for c in ex.of("AUDIO_ONLY", negated=False) if not _inside_any(linked, c.start)]
    # once, and only for a note with such a cue: the cues below may be many
    meeting = bool(spoken) and _MEETING.search(ex.text) is not None
    # "consent given by phone" says how consent came, not how the session was furnished
    audio = [
        c
        for c in spoken
        if _SESSION_MODE.search(ex.text, max(0, c.start - 30), c.start)
        or (
            not _about_consent(ex.text, c, consents)
            and not _NOT_THE_SESSION.search(ex.text[c.sent_start : c.sent_end])
            and not _CHECKED_BY.search(ex.text, max(0, c.start - 30), c.start)
            and not _ANSWERED_NO.match(ex.text, c.end)
            and not (meeting and _on_attendance_line(ex.text, c.start))
        )
    ]
    if audio and not remote and ex.may_contain(r"\bin[- ]person\b") and _IN_PERSON.search(ex.text):
        audio = [c for c in audio if _SESSION_MODE.search(ex.text, max(0, c.start - 30), c.start)]
    if (remote or audio) and _IN_PERSON.search(ex.text) and _JOINED_REMOTELY.search(ex.text):
        remote = audio = []  # a caregiver joining an in-person session remotely: how they took part, not the mode
    if not remote and not audio:
        return Outcome("not_applicable", "Furnished in person.")
    video = [c for c in remote if _VIDEO.search(c.text)]
    if any(c.text.lower() in _STRICT_AUDIO for c in audio):
        video = [c for c in video if not _VIDEO_NOT_USED.search(_clause_around(ex.text, c))]
        if any(_SESSION_MODE.search(ex.text, max(0, c.start - 30), c.start) for c in audio):
            # "we did the session by phone (audio only)": said of the session itself, it outweighs a video link
            # named only as a place or a title ("Location: Doxy.me room", an invite's "Telehealth -- ...")
            video = [c for c in video if _SESSION_MODE.search(ex.text, max(0, c.start - 30), c.start)]
    evidence = [(c.start, c.end) for c in (remote + audio)[:3]]
    if audio and not video:
        found = _audio_only(ctx, evidence)
        if found is not None:
            return found
    if ctx.dos is None:
        return Outcome("unclear", "Telehealth CTS depends on the date of service, which is not documented.", evidence)
    period = next((p for p in ctx.knowledge.fees.telehealth if p.in_force(ctx.dos)), None)
    status = period.status if period else "not_listed"
    unlisted = [ln.code for ln in ctx.billed_cts if period and period.codes and ln.code not in period.codes]
    if unlisted:
        return Outcome(
            "problem",
            f"{', '.join(unlisted)} not on the Medicare Telehealth Services List on {ctx.dos.isoformat()}.",
            evidence,
        )
    if status == "not_listed":
        return Outcome(
            "problem", f"CTS was not on the Medicare Telehealth Services List on {ctx.dos.isoformat()}.", evidence
        )
    if ctx.therapy_billed and not _in_waiver(ctx, ctx.dos):
        return Outcome(
            "problem",
            f"Therapists could not furnish Medicare telehealth on {ctx.dos.isoformat()} (outside the statutory waiver"
            f").",
            evidence,
        )
    how = "Audio-only CTS (modifier 93)" if audio and not video else "Audio-video CTS"
    return Outcome("met", f"{how} is payable on {ctx.dos.isoformat()} ({status} on the telehealth list).", evidence)


@check
def therapy_modifier(ctx: Context) -> Outcome:
    """The modifiers of each billed line: the therapy modifier of the discipline, and no distinct-service
    modifier (59, XE ...) by reflex, never 59 together with an X modifier (codes/modifiers.yaml)."""
    lines = ctx.billed_cts
    if not lines:
        return Outcome("not_applicable", "No billed lines are known.")
    found = _therapy_findings(ctx) if ctx.therapy_billed else []
    kx = _kx_passed(ctx) if ctx.therapy_billed else []
    found += _kx_findings(ctx, kx)
    found += _distinct_findings(ctx)
    if found:
        return Outcome(
            "problem", " ".join(text for _, text in found), ctx.billed_spans[:3] + kx[:1], tuple(f for f, _ in found)
        )
    if not ctx.therapy_billed:
        return Outcome("not_applicable", "Billed by a physician or NPP outside a therapy plan.")
    return Outcome("met", "Every CTS line carries its therapy modifier.", ctx.billed_spans[:3])


def _therapy_findings(ctx: Context) -> list[tuple[str, str]]:
    lines = ctx.billed_cts
    therapy = set(ctx.knowledge.modifiers_of("therapy"))
    wanted = THERAPY_MODIFIER.get(ctx.discipline or "")
    # each code named once: "97550x1:CQ,97550x1:CO" are two lines of one code (hostile12 #18)
    missing = list(dict.fromkeys(line.code for line in lines if not set(line.modifiers) & therapy))
    if missing:
        hint = f" (use {wanted})" if wanted else ""
        return [("therapy", f"{', '.join(missing)} lack a therapy modifier{hint}.")]
    if ctx.discipline_minutes or ctx.co_treated_by:  # each discipline's modifier on its own lines (disciplines.py)
        return []
    wrong = list(dict.fromkeys(line.code for line in lines if wanted and wanted not in line.modifiers))
    if wrong:
        return [
            ("therapy", f"{', '.join(wrong)} carry the wrong therapy modifier for a {ctx.discipline} service "
                        f"(use {wanted}).")
        ]
    return []


# "over KX threshold", "exceeded the therapy threshold", "KX threshold met": the year's threshold is passed
_KX_PASSED = re.compile(
    r"\b(?:over|above|past|passed|beyond|exceed(?:s|ed|ing)?|reached|met|hit)\s+(?:the\s+)?(?:(?:\d{4}|annual|yearly"
    r"|medicare|therapy|pt|ot|slp)\s+){0,2}(?:kx|therapy)\s+(?:threshold|cap|limit)\b"
    r"|\b(?:kx|therapy)\s+(?:threshold|cap)\s+(?:has\s+been\s+|was\s+|is\s+)?(?:met|exceeded|reached|passed)\b",
    re.I,
)
_KX_DENIED_BEFORE = re.compile(r"\b(?:not|never|isn't|hasn't|not\s+yet|below|under)\s+(?:yet\s+)?$", re.I)
# "Therapy costs this year to date $2,650", "YTD therapy charges: $2,650": the year's therapy spending as stated
_YTD_AMOUNT = re.compile(
    r"\b(?:year[- ]to[- ]date|ytd|this\s+year|so\s+far\s+this\s+year)\b[^.\n$]{0,40}?"
    r"\$\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+)",
    re.I,
)


def _kx_passed(ctx: Context) -> list[tuple[int, int]]:
    """Where the note says the year's therapy threshold is passed: in words, or a year-to-date amount above the
    date of service's KX threshold (fees/schedule.yaml)."""
    text = ctx.ex.text
    said = [
        m.span() for m in sparse_finditer(_KX_PASSED, text, _KX_PASSED.pattern)  # RE2 finds the starts
        if not _KX_DENIED_BEFORE.search(text, max(0, m.start() - 16), m.start())
    ]
    on = ctx.dos
    limit = next((t.amount for t in ctx.knowledge.fees.kx_thresholds if on is not None and t.in_force(on)), None)
    if limit is not None:
        ytd = sparse_finditer(_YTD_AMOUNT, text, _YTD_AMOUNT.pattern)
        said += [m.span() for m in ytd if float(m["amount"].replace(",", "")) > limit]
    return sorted(said)


def _kx_findings(ctx: Context, passed: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """The note says the threshold is passed and a therapy line lacks KX (facts §9: a PR-119 denial)."""
    lacking = list(dict.fromkeys(line.code for line in ctx.billed_cts if "KX" not in line.modifiers))
    if not passed or not lacking:
        return []
    return [("kx", f"The note says the year's therapy threshold is passed, but {', '.join(lacking)} "
                   f"{'lacks' if len(lacking) == 1 else 'lack'} KX.")]


def _distinct_findings(ctx: Context) -> list[tuple[str, str]]:
    """59 with an X modifier on one line (never: it blocks); any distinct-service modifier on a caregiver
    training line (no published NCCI edit pairs these codes with another: a warning)."""
    table = ctx.knowledge.modifiers
    distinct = set(ctx.knowledge.modifiers_of("distinct"))
    clashes: list[str] = []
    reflex: dict[str, list[str]] = {}
    for line in ctx.billed_cts:
        for mod in line.modifiers:
            info = table.get(mod)
            both = [x for x in line.modifiers if info and x in info.never_with]
            if both:
                clashes.append(f"{line.code} carries {mod} together with {'/'.join(both)}")
            if mod in distinct:
                reflex.setdefault(mod, []).append(line.code)
    found: list[tuple[str, str]] = []
    if clashes:
        found.append(("never_together", "; ".join(clashes) + ": never on the same line."))
    if reflex:
        named = "; ".join(f"{mod} on {', '.join(codes)}" for mod, codes in reflex.items())
        found.append(
            ("distinct_by_reflex", f"{named}, but no published NCCI edit pairs caregiver training with another code.")
        )
    return found


@check
def assistant_modifier(ctx: Context) -> Outcome:
    role = ctx.assistant_role
    if role is None:
        return Outcome("not_applicable", "No PTA or OTA furnished the service.")
    lines = ctx.billed_cts
    if not lines:
        return Outcome("not_applicable", "No billed lines are known.")
    wanted = ASSISTANT_MODIFIER[role]
    spans = [span for r, span in ctx.roles if r == role][:2]
    # "97550 x1 GO (Marais)" where Marais signs as the OTR: that line is the therapist's alone (furnished.py)
    theirs = therapist_only_codes(ctx.ex)
    missing = list(
        dict.fromkeys(line.code for line in lines if wanted not in line.modifiers and line.code not in theirs)
    )
    # the credential as the note writes it ("COTA/L"), so a biller can find it on the signature line
    written = next((c.text for c in ctx.ex.credentials if c.role == role), role)
    who = written if written.upper() == role else f"{written} ({role})"
    if missing:
        return Outcome(
            "problem", f"{', '.join(missing)} furnished by the {who} lack {wanted}: add {wanted} to each line.", spans
        )
    return Outcome("met", f"Lines furnished by the {who} carry {wanted}.", spans)


@check
def diagnosis_codes(ctx: Context) -> Outcome:
    codes = ctx.ex.icd10
    if not codes:
        return Outcome("not_applicable", "No ICD-10-CM codes are listed (CTS is not diagnosis-restricted).")
    on = ctx.dos or ctx.today
    bad = []
    for mention in codes:
        verdict = check_code(mention.code, on, ctx.knowledge.diagnosis_changes)
        if not verdict.billable:
            hint = f"; use {verdict.replacement}" if verdict.replacement else ""
            bad.append((mention, f"{mention.code} is {verdict.reason}{hint}"))
    if bad:
        return Outcome("problem", "; ".join(text for _, text in bad) + ".", [m.span for m, _ in bad])
    # a written date of service that is no calendar day: the codes were read against today, and say so (hostile17 #24)
    undated = ctx.dos is None and impossible_dos(ctx.ex.text) is not None
    when = (f"today ({on.isoformat()}); the note's date of service is not a calendar date, so they could not be "
            "checked for that day") if undated else f"on {on.isoformat()}"
    return Outcome("met", f"{len(codes)} ICD-10-CM code(s) billable {when}.", [m.span for m in codes][:4])
