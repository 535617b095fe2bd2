"""Who was trained is paid to care: an aide, staff, or anyone an agency or employer places.

CMS's caregiver for CTS is an unpaid family member, friend or neighbour (docs/CONVENTIONS.md,
real-world notes). Notes rarely say "paid": they name the employer ("Rosa, from BrightPath Home
Care, scheduled by the agency"), the arrangement ("employed by the family through Comfort
Keepers") or the role ("the facility's CNA", "private-duty aide"). The role words are the
PAID_CAREGIVER vocabulary; the employer and arrangement shapes are the patterns here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from assistant.notes.context import Context
from assistant.notes.nlp import Concept
from assistant.notes.scan import finditer

_PAST = re.compile(
    r"\b(?:previously|formerly|no longer|used to|prior|in the past|not a|is not|isn't|not an?|works as an?"
    r"|worked as an?|employed as an?|job as an?"
    # "worked for twenty years as a home health aide before she retired": a past job, not this care
    r"|worked\s+(?:[\w-]+\s+){1,4}?as\s+an?"
    # "works full time as a CNA at a nursing home": a job elsewhere (paid status is about this patient)
    r"|works\s+(?:[\w-]+\s+){1,3}?as\s+an?)\b"
    r"|\b(?:retired|former|ex-)\s?(?:[\w-]+\s+)?$",  # "a retired CNA", "ex-home health aide"
    re.I,
)
_NOT_TRAINED = re.compile(
    r"\b(?:was|were|is)\s+not\s+(?:being\s+)?trained\b|\bnot\s+(?:the\s+)?(?:one\s+)?trained\b|\bobserved only\b"
    # "Rehab aide set up the mat (not involved in training)": staff who helped with the room, not a trainee
    r"|\bnot\s+(?:involved|participating)\s+in\s+(?:the\s+)?(?:training|session|cts)\b"
    # "aide drove pt home at 1:30 today and was NOT part of the training"
    r"|\bnot\s+(?:a\s+)?part\s+of\s+(?:the\s+)?(?:training|session|cts)\b",
    re.I,
)
# "the aide ... came in at 11:37 and listened for ten minutes, I did not count that time": present after
# the counted training, not the caregiver trained in it
_NOT_COUNTED_AFTER = re.compile(
    r"\b(?:did not|didn't|do not|don't)\s+(?:count|bill)\s+(?:that|this|the|her|his|their)\s+time\b"
    r"|\b(?:that|this|her|his|their)\s+time\s+(?:was\s+)?not\s+(?:counted|billed)\b"
    r"|\bnot\s+part\s+of\s+(?:the\s+)?(?:training|session|cts|counted|billed)\s+time\b"
    # "rehab aide set up the second bathroom ... - aide time, not counted as caregiver training"
    r"|\bnot\s+(?:counted|billed)\s+as\s+(?:caregiver\s+training|cts|training)\b",
    re.I,
)
# "josefina (aide) observed.", "the home health aide, Josefina, watched": a paid person who only looked on was not
# trained (hostile13 #1: the son's session was refused as paid staff); one who observed and then practised was
_ONLY_WATCHED = re.compile(
    r"[ \t)\]]*(?:,[ \t]*[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?,)?[ \t]*(?:also[ \t]+|just[ \t]+|only[ \t]+)?"
    r"(?:observed|watched|looked[ \t]+on|sat[ \t]+in|listened(?:[ \t]+in)?)\b"
    r"(?![^.;\n]{0,60}\b(?:practi[cs]\w*|return\w*|perform\w*|demonstrat\w*|tried|did[ \t]+(?:the|it|a))\b)",
    re.I,
)
# "the aide can watch after", "his aide Lorna from Sunrise Home Care might show up ~1:30, she can listen in": the
# arrangement, in the mention's clause, that the paid person only looks on
_MAY_WATCH = re.compile(
    r"[^.;\n]{0,80}?\b(?:can|could|may|might|will)[ \t]+(?:just[ \t]+|only[ \t]+)?(?:watch|observe|look[ \t]+on"
    r"|sit[ \t]+in|listen(?:[ \t]+in)?)\b"
    r"(?![^.;\n]{0,60}\b(?:practi[cs]\w*|return\w*|perform\w*|demonstrat\w*|tried|tr(?:y|ain\w*)"
    r"|do[ \t]+(?:the|it|a))\b)",
    re.I,
)
WATCHED_REACH = 80
NOT_COUNTED_REACH = 200
PAST_REACH = 45
# the rest of the mention's sentence: "Waiver aide from <agency> comes M-F for bathing; aide drove pt home ... and was
# NOT part of the training" says it of the first mention too
NOT_TRAINED_REACH = 160
# bare "staff" or "agency" names paid caregivers only in a sentence about who was trained
_WEAK_PAID = frozenset({"staff", "staff member", "staff members", "agency", "dsp"})
_TRAINED_HERE = re.compile(
    r"\b(?:train\w*|taught|instruct\w*|educat\w*|caregiver|return demo\w*|attend\w*|present)\b", re.I
)
# "with a staff member as patient": the paid person played the patient, they were not trained
_NOT_THE_TRAINEE = re.compile(r"^\s*(?:\w+\s+)?(?:as|playing)\s+(?:the\s+)?(?:patient|pt)\b(?!['’]s)", re.I)
# "each attendee set up the bench and coached staff through the transfer": the staff member the caregivers practised
# on stood in for the patient
_STAND_IN_BEFORE = re.compile(
    r"\b(?:coached|cued|guarded|guided|transferred|dressed|fed|walked|spotted|practi[cs]ed on|used"
    # ... "Return demo on OT staff member: 3 reps"
    r"|demonstrat\w*\s+on|demo(?:'?d|s)?\s+on|modell?ed\s+on|shown\s+on)\s+(?:the\s+|a\s+)?"
    # "guided a PT staff 'patient'": the clinic's own staff, by discipline or department
    r"(?:(?:PT|OT|SLP|rehab|clinic|therapy)\s+)?$",
    re.I,
)
# "practised stair guarding with a partner or our PT aide": the practice's own staff (ours) are never the caregiver
_OURS_BEFORE = re.compile(r"\bour\s+(?:[\w-]+\s+)?$", re.I)
# "demonstration on a staff model", "a staff volunteer played the patient": the paid person was the demonstration
# model the caregiver watched or practised on, not the person trained
_STAND_IN_AFTER = re.compile(r"\s*(?:member\s+)?(?:model|mannequin|volunteer|stand-in|demonstrator)\b", re.I)
# "pt not present; at home with an aide from church", "children in the sibling room with child-life staff": who
# stayed with the patient (one word may name their kind, unless it is their pay: "along with a hired aide" is trained)
_WITH_BEFORE = re.compile(
    r"(?:\bwith|\bw/)\s*(?:(?:an?|the|his|her|their)\s+)?"
    r"(?:(?!(?:paid|hired|agency|private|contracted|employed|home)\b)[\w-]+\s+)?$",
    re.I,
)
ABSENCE_REACH = 120
# "Pt then taken to waiting room by aide": the aide who took the patient away, not who was trained
_ESCORT_BEFORE = re.compile(
    r"\b(?:taken|escorted|walked|wheeled|brought|driven|transported|collected|picked up)\b[^.;]{0,60}?"
    r"\bby\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?$"
    # "pt then left with transport aide": the aide went away with the patient, before the training
    r"|\b(?:left|went\s+(?:home|back)|returned|departed)\b[^.;]{0,40}?"
    r"\bwith\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?$"
    # "Pt then went w/ OT aide to the waiting room": the patient went off with the aide
    r"|\b(?:left|went|returned|departed)\s+(?:with\s+|w/\s*)(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
ESCORT_REACH = 80
# "Her CNA habits (lifting under the arms) corrected": the trainee's job elsewhere named as a trait of hers, not a
# sign that she is paid for this patient's care (a paid arrangement is named by its own words)
_JOB_TRAIT_AFTER = re.compile(
    r"\s+(?:habits?|background|experience|instincts?|reflexes|skills?|certification|license)\b", re.I
)
# "sock aide", "dressing aide": a device (an aid), spelled or transcribed as the role
_DEVICE_BEFORE = re.compile(r"\b(?:sock|stocking|dressing|hearing|walking|bathing|mobility|memory)\s+$", re.I)
# "Paid caregiver?  [ ] Yes  [x] No", "Paid caregiver: no": a form's question about pay, answered no
# ... and a radio button: "Paid caregiver?  ( ) Y  (•) N"
_EMPTY = r"(?:\[[ \t]*\]|\([ \t]*\)|☐|○)"
_TICKED = r"(?:\[[ \t]*[xX✓✔][ \t]*\]|\([ \t]*[xX•●*][ \t]*\)|☒|☑|◉)"
ANSWER_REACH = 60  # a flowsheet's label column is padded to its width before the bar
# ... and a flowsheet's row: "Paid caregiver?        | No (all three family)", "Paid caregiver | No"
_ANSWERED_NO = re.compile(
    rf"[ \t]*(?:[?:][ \t]*|\??[ \t]*\|[ \t]*)(?:{_EMPTY}[ \t]*(?:yes|y)\b[ \t]*)?(?:{_TICKED}[ \t]*)?(?:no|n)\b"
    # not an answer before its own box ("No ( )"); a bracketed remark after it is fine ("No (all three family)")
    r"(?![ \t]*(?:[\[☐○]|\([ \t]*[xX•●*]?[ \t]*\)))",
    re.I,
)
# "daughter Chidinma (unpaid, lives with pt) and Ms. Dlamini, private-duty aide": "unpaid" speaks of whoever its own
# clause names; another person joined by "and" or a semicolon is not covered by it
LINE_REACH = 300  # characters either side of the mention on its line
MAX_ON_LINE = 8
_ANOTHER_PERSON = re.compile(r"\band\b|;\s*(?:also\b|(?:his|her|pt's|the)\s+)|\balso\b", re.I)
# "Consent: signed by the county caseworker (agency holds legal custody)": who consented, not who was trained
_CONSENT_LINE = re.compile(r"\bconsent", re.I)
# in a group: "One attendee (for pt Abdi) is a CNA ... (not billed for that pt)": another patient's caregiver
_OTHER_PATIENTS = re.compile(
    r"\bfor\s+(?i:pt|patient)\.?\s+(?:#\s?\d|[A-Z])|\b(?i:another|other|a different)\s+(?i:pt|patient|family)\b"
    r"|\b(?i:not\s+billed\s+for\s+(?:that|this|the\s+other)\s+(?:pt|patient|family))\b"
)
OTHER_REACH = 100
# "from BrightPath Home Care", "of Sunrise Senior Care": a named care employer (capitalised, as names are)
_EMPLOYER = re.compile(
    r"\b(?i:from|with|of|through|via|by)\s+(?:the\s+)?(?:[A-Z][\w'&.-]*\s+){1,3}"
    r"(?i:home\s?care|home health(?:\s+care)?|senior care|senior services|care services"
    r"|staffing|nursing services|in-home care|home instead|comfort keepers|visiting angels)\b"
    # "from Loving Caregivers": the plural is a company's name only capitalised ("with the Dalgaard caregivers" is
    # a family's)
    r"|\b(?i:from|with|of|through|via|by)\s+(?:[A-Z][\w'&.-]*\s+){1,3}Caregiv(?:ers|ing)\b"
)
# "employed by the Adler family", "scheduled by the agency", "placed through an agency": an employer's arrangement
_ARRANGED = re.compile(
    r"\b(?:employed|hired|contracted|placed|scheduled|sent|staffed|paid|assigned)(?:\s+to\s+\w+)?"
    r"\s+(?:by|through|via|from)\s+"
    r"(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?(?:[\w'-]+\s+){0,2}"
    r"(?:family|agency|home care|home health|facility|company|employer|program|school district|district|school)\b"
    # a relative as the employer: "the family's nanny, employed by the parents", "hired by her son"
    r"|\b(?:employed|hired)\s+by\s+(?:the\s+|his\s+|her\s+|their\s+|(?:pt|patient)['’]s\s+)?"
    r"(?:parents|mother|father|son|daughter|children|husband|wife)\b"
    r"|\bagency[- ](?:employed|hired|placed|scheduled)\b"
    # "dining assistant employed by Willow Creek", "hired by Golden Years": a named employer (capitalised)
    r"|\b(?:employed|hired|contracted|staffed)\s+by\s+(?:the\s+)?(?-i:[A-Z])[\w'&.-]*"
    # "both employees of Sunflower Kids", "staff of Lakeview Manor": a named employer
    r"|\b(?:employees?|staff)\s+(?:of|at)\s+(?:the\s+)?(?-i:[A-Z])"
    # the family as the employer: "the family pays him as her caregiver", "a companion the family hires 20 hrs/week"
    r"|\b(?:family|pt|patient|client)\s+(?:pays|paid|hires|hired|employs|employed)\s+(?:him|her|them)\b"
    # money for the care: "Delphine pays him $60 a week out of her own pocket", "paid $15/hr"
    r"|\b(?:pays|paid|pay|gives)\s+(?:him|her|them)\s+\$\s?\d+"
    r"|\b(?:is|was|are|gets|get)\s+paid\s+\$\s?\d+"
    r"|\b(?:companion|caregiver|helper|sitter|attendant|housekeeper)\s+(?:that\s+|whom\s+)?(?:the\s+)?"
    r"(?:family|pt|patient|client)\s+(?:pays|hires|employs|hired|paid)\b",
    re.I,
)


def _near_absence(ctx: Context, pos: int) -> bool:
    """An absence stated on the same line, before the mention or after it ("children in childcare with staff,
    not in the group room")."""
    line = ctx.ex.lines.bounds(pos)
    return any(line[0] <= a < line[1] and abs(a - pos) <= ABSENCE_REACH for a, _ in ctx.absence)


def stayed_with_patient(ctx: Context, start: int) -> bool:
    """A person named as the one who stayed with the absent patient ("resting at home with neighbour Mr. Pruitt"),
    not one trained."""
    return bool(_WITH_BEFORE.search(ctx.ex.text[max(0, start - 30) : start])) and _near_absence(ctx, start)


def _mentions(ctx: Context) -> list[tuple[int, int, int, int, str]]:
    """(start, end, sentence start, sentence end, text) of every paid-role word and employer phrase."""
    ex = ctx.ex
    found = [(c.start, c.end, c.sent_start, c.sent_end, c.text) for c in ex.of("PAID_CAREGIVER", negated=False)]
    for pattern in (_EMPLOYER, _ARRANGED):
        for m in finditer(pattern, ex.text):  # RE2 first: most notes name no employer
            if pattern is _EMPLOYER and _DISCHARGED.search(ex.text, max(0, m.start() - 24), m.start()):
                continue  # "discharged from Lakeside Home Health": the patient's past care, not the trainee's employer
            a, b = ex.lines.bounds(m.start())
            found.append((m.start(), m.end(), a, b, m.group(0)))
    return found


# "after R PCA stroke", "left PCA territory infarct": the posterior cerebral artery, not a personal care aide
_ARTERY_BEFORE = re.compile(r"\b(?:L|R|left|right|bilateral|bilat|rt|lt)\.?[ \t]+$", re.I)
_ARTERY_AFTER = re.compile(
    r"[ \t]+(?:stroke|infarct\w*|territory|cva|occlusion|aneurysm|isch(?:a)?emi\w*|distribution|bleed)\b", re.I
)


def _artery(text: str, start: int, end: int) -> bool:
    return bool(_ARTERY_BEFORE.search(text, max(0, start - 10), start) or _ARTERY_AFTER.match(text, end))


_DISCHARGED = re.compile(r"\b(?:discharged|d/c'?d?)(?:\s+home)?\s*$", re.I)


def paid_caregivers(ctx: Context) -> list[tuple[int, int]]:
    """Spans naming the trained person as paid to care; role words that describe someone else (a past job,
    the person who stayed with the patient, a paid aide who only listened after the counted time) are not."""
    ex = ctx.ex
    unpaid = ex.of("UNPAID", negated=False)
    unpaid_starts = [c.start for c in unpaid]  # sorted: concepts come in text order
    paid = []
    for start, end, sent_start, sent_end, text in _mentions(ctx):
        line = ex.line(start)
        if (
            _said_unpaid(ctx, (unpaid, unpaid_starts), start, end)
            or _PAST.search(ex.text[max(sent_start, start - PAST_REACH) : start])
            or _NOT_TRAINED.search(line)
            or _NOT_TRAINED.search(_clause_after(ex.text, end))
            or _NOT_COUNTED_AFTER.search(ex.text[end : end + NOT_COUNTED_REACH])
            or _ONLY_WATCHED.match(ex.text, end, min(len(ex.text), end + WATCHED_REACH))
            or _MAY_WATCH.match(ex.text, end, min(len(ex.text), end + 2 * WATCHED_REACH))
            or (text.lower() in _WEAK_PAID and not _weakly_trained(ctx, start, sent_start, sent_end))
            or _STAND_IN_BEFORE.search(ex.text, max(0, start - 30), start)
            or _OURS_BEFORE.search(ex.text, max(0, start - 20), start)
            or _NOT_THE_TRAINEE.search(ex.text[end : end + 30])
            or (text.lower() in _WEAK_PAID and _STAND_IN_AFTER.match(ex.text, end, min(len(ex.text), end + 30)))
            or stayed_with_patient(ctx, start)
            # across a wrapped line: "(pt escorted to PT gym for her PT\n  session at 1000 by rehab aide)"
            or _ESCORT_BEFORE.search(ex.text[max(0, start - ESCORT_REACH) : start])
            or _DEVICE_BEFORE.search(ex.text, max(0, start - 16), start)
            or _JOB_TRAIT_AFTER.match(ex.text, end, min(len(ex.text), end + 20))
            or (text.lower() == "pca" and _artery(ex.text, start, end))
            # "97110 x2 ... ther ex (pt on NuStep w/ rehab aide watching)": the same-day service's staff
            or ex.service.belongs_to_other((start, end))
            or _ANSWERED_NO.match(ex.text, end, min(len(ex.text), end + ANSWER_REACH))
            or (ctx.is_group and _OTHER_PATIENTS.search(ex.text[max(0, start - OTHER_REACH) : end + OTHER_REACH]))
        ):
            continue
        paid.append((start, end))
    return sorted(set(paid))


def _said_unpaid(ctx: Context, found: tuple[list[Concept], list[int]], start: int, end: int) -> bool:
    """Whether an "unpaid" on the mention's line speaks of the same person: no other person joined in between ("wife,
    not paid, no aide" is one person; "dtr (unpaid) and a hired aide", "cousin (unpaid); also his PCA" two)."""
    text, line = ctx.ex.text, ctx.ex.lines.bounds(start)
    unpaid, starts = found
    lo = bisect_left(starts, max(line[0], start - LINE_REACH))
    hi = bisect_right(starts, min(line[1], end + LINE_REACH))
    for c in unpaid[lo:hi][:MAX_ON_LINE]:  # the few on the mention's line: bounded, linear overall
        a, b = (c.end, start) if c.end <= start else (end, c.start)
        if not _ANOTHER_PERSON.search(text, a, b):
            return True
    return False


def _clause_after(text: str, end: int) -> str:
    """The rest of the mention's sentence, across a hard-wrapped line ("set up the mat\n(not involved in training)")."""
    return text[end : end + NOT_TRAINED_REACH].split(".", 1)[0]


def _weakly_trained(ctx: Context, start: int, sent_start: int, sent_end: int) -> bool:
    """A bare 'staff' or 'agency' counts in a sentence, or on a line, about who was trained."""
    if _CONSENT_LINE.search(ctx.ex.line(start)):
        return False
    # a sentence is read once for all its mentions: a note without stops is one sentence (quadratic before)
    said = ctx.ex.memo.setdefault("trained in sentence", {})
    if (sent_start, sent_end) not in said:
        said[sent_start, sent_end] = _TRAINED_HERE.search(ctx.ex.text[sent_start:sent_end]) is not None
    return said[sent_start, sent_end] or bool(_TRAINED_HERE.search(ctx.ex.line(start)))
