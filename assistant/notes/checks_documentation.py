"""Checks of the documentation elements: who, what, consent, presence, need, skill, date."""

from __future__ import annotations

import re
from bisect import bisect_right

from assistant.notes.addenda import says_absent
from assistant.notes.alongside import caregivers_demo, split_paid, trained_in_sentence
from assistant.notes.context import Context, Outcome
from assistant.notes.demo import find_return_demo
from assistant.notes.extract import consent_kind
from assistant.notes.kin import kin_names
from assistant.notes.nlp import Concept
from assistant.notes.paid import paid_caregivers, stayed_with_patient
from assistant.notes.patterns import impossible_dos
from assistant.notes.presence import name_spans, people
from assistant.notes.registry import check
from assistant.notes.scan import finditer, line_finditer, search
from assistant.notes.vocabulary import CONCEPTS, PREDICATE_NEGATED

_CAREGIVER_NAME = re.compile(
    r"(?=[CcTtNn])\b(?:[Cc]aregi?v\w*|CG|[Cc]g|c/g)(?:\s*name)?(?:\s*[:(\-])?(?:\s*is)?\s[^\n]{0,30}?\b"
    r"(?P<name>[A-Z][a-z]+\s[A-Z][a-z]+)"
    r"|(?=[CcTtNn])\b(?:[Tt]rained|[Nn]aming|[Nn]ames|[Tt]raining (?:with|for))\s+(?P<name2>[A-Z][a-z]+\s[A-Z][a-z]+)"
)
_CONTENT_WORD = (
    r"(?:taught|training|trained|teaching|instructed|instruction|education provided|techniques?|strategies|topics"
    r"|skills? (?:taught|trained)|content|covered)"
)
# "Taught blister pack reading, timer/phone cue, missed dose plan": the verb opens the line, the list follows it
_TAUGHT_VERBS = r"(?:taught|trained|instructed|coached)"  # in every match of _TAUGHT_LINE, for RE2
_TAUGHT_LINE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?" + _TAUGHT_VERBS + r"(?:[ \t]+(?:in|on|re:?))?[ \t]+"
    # ... to its first stop; whom it was taught to ("Trained Abigail per POC.") is no content
    r"(?-i:(?![A-Z]))(?P<body>[^:.\n]+)",
    re.I | re.M,
)
_CONTENT_LABEL = re.compile(
    # at a line start, or a sentence start inside a line ("O: 0.5 hr. Trained neighbour in kitchen safety: ...")
    r"(?:^|(?<=[.;]\s))[ \t]*(?:[-*•][ \t]*)?"
    # ... after the clock range the line opens with: "12:10-12:28 taught: memory wallet ..."
    r"(?:\d{1,2}:?\d\d[ \t]*[-–][ \t]*\d{1,2}:?\d\d[ \t]*(?:[ap]\.?m\.?)?[ \t,:-]*)?"
    # a qualifier may name the kind of content: "Behavior-management strategies taught:", "Home-safety techniques:"
    # ... or what was trained: "Behavior plan trained:" (not who was: "Caregiver trained: wife Ana")
    + r"(?:(?!(?:no|not|need|goal|goals|poc|plan|dx|skilled|reason|caregivers?|cg|family|parents?|pt|patient"
    + r"|person|who)\b)[A-Za-z][\w/-]*[ \t]+"
    + r"(?:(?!(?:no|not|need|goal|goals|poc|dx|skilled|reason)\b)[A-Za-z][\w/-]*[ \t]+)?"
    + r"(?=(?:strategies|techniques?|skills?|trained|taught|teaching)\b))?"
    + _CONTENT_WORD
    # "Taught (1:1 since only one family): ...": an aside between the word and its colon
    + r"(?:[ \t]+(?!(?:poc|goal|goals|ltg|stg|need|supports)\b)[\w-]+){0,5}(?:[ \t]*\([^()\n]{0,60}\))?"
    + r"[ \t]*:[ \t]*(?P<body>[^\n]+)",
    re.I | re.M,
)
_CONTENT_LINE = _CONTENT_WORD + r"[^\n]*:"  # the word, then a colon on its line: in every match of _CONTENT_LABEL
_TRAINING_HEADING = re.compile(
    r"^[ \t]*(?:training provided|training content|training|taught|instruction provided|instruction"
    r"|techniques taught|skills taught|trained|content|covered|strategies taught)[ \t]*:?[ \t]*$",
    re.I | re.M,
)
_GENERAL_WORDS = frozenset(
    [
        "general",
        "education",
        "handout",
        "handouts",
        "discussed",
        "reviewed",
        "provided",
        "materials",
        "information",
        "the",
        "a",
        "an",
        "and",
        "of",
        "on",
        "in",
        "to",
        "with",
        "for",
        "questions",
        "answered",
        "diagnosis",
        "brochure",
        "pamphlet",
    ]
)
_NOT_CONTENT_LINE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?:need|goal|poc|plan|dx|diagnos\w*|reason|skilled|assessment|a:|s:|ltg|stg)\b", re.I
)
# what every match of the three patterns below contains (no word boundaries: they are searched in slices)
_ABOUT_VIDEO_WORDS = r"consents? to (?:the )?(?:video|camera|recording|photo)|(?:video|camera) consent"
_PLAN_WORDS = r"P:|obtain|will (?:get|request)|needs? (?:to )?sign"
# ... and consent the patient has not given yet ("your dad hasn't given permission yet", "has not consented yet")
_PENDING_WORDS = (
    r"pending|not yet (?:signed|returned|obtained)|unsigned|awaiting|not returned"
    # "Consentimiento: pendiente -- la paciente lo firmará en la próxima cita"
    r"|pendiente|sin firmar|no firmado|no firmada|todav[ií]a no"
    r"|(?:hasn't|has not|haven't|have not) (?:yet )?(?:given (?:his |her |their )?(?:permission|consent)|consented"
    r"|agreed)"
)
_ABOUT_VIDEO = re.compile(
    r"\bconsents? to (?:the )?(?:video|camera|recording|photos?)\b|\b(?:video|camera) consent\b", re.I
)
SECTION_CHARS = 2000
_CONSENT_PLAN = re.compile(
    r"^\W*P:|\bobtain\b|\bwill (?:obtain|get|request)\b|\bto be obtained\b|\bneeds? (?:to )?(?:obtain|sign)", re.I
)
# "verbal consent by phone today for future sessions": consent after the session does not cover it
_FUTURE_ONLY = re.compile(
    r"\bfor (?:future|upcoming|subsequent|later|the next|next) (?:sessions?|visits?|training|appointments?)\b"
    r"|\bgoing forward\b|\bfrom now on\b",
    re.I,
)
_PENDING = re.compile(rf"\b(?:{_PENDING_WORDS})\b", re.I)
_WITHOUT_PATIENT = re.compile(r"\bwithout\s+(?:the\s+)?(?:pt|patient)\b[^,;.()]{0,25}$", re.I)
# "(patient NOT present): daughters ...", "so not here caregiver is her son": a "not" closed by its own predicate
# says something else of someone else, not that there was no caregiver
_CLOSED_NOT_BEFORE = re.compile(
    # ... also across the line break after it ("pt: B. E. not present\ndaughter Grete (unpaid)")
    r"\bnot\s+(?:" + "|".join(sorted(PREDICATE_NEGATED)) + r")\b[^,;.\n]{0,30}(?:\n[^,;.\n]{0,30})?$", re.I
)
_POSSESSIVE_BEFORE = re.compile(r"\w(?:'s|’s)\s+$")


@check
def date_of_service(ctx: Context) -> Outcome:
    if ctx.dos is None:
        bad = impossible_dos(ctx.ex.text)
        if bad:  # "DOS: 13/45/2025": written, but no such day
            return Outcome("missing", f"The date written after its label ({bad.group('date')}) is not a calendar date.",
                           [bad.span("date")])
        return Outcome("missing", "No date of service was found in the note.")
    evidence = [ctx.dos_span] if ctx.dos_span else []
    if ctx.dos > ctx.today:  # written in the note or passed: billed after it is furnished
        return Outcome("problem", f"The date of service {ctx.dos.isoformat()} is in the future.", evidence,
                       ("future",))
    earliest = ctx.knowledge.training_codes_from
    if ctx.dos < earliest:  # written in the note or passed: the codes did not exist
        return Outcome(
            "problem",
            f"The date {ctx.dos.isoformat()} is before the CTS codes took effect ({earliest.isoformat()}).",
            evidence,
            ("before_codes",),
        )
    if not ctx.dos_from_note and ctx.note_dos is not None and ctx.note_dos != ctx.dos:
        return Outcome(
            "problem",
            f"The date of service given ({ctx.dos.isoformat()}) differs from the note's own date "
            f"({ctx.note_dos.isoformat()}).",
            evidence,
            ("differs",),
        )
    return Outcome("met", f"Date of service {ctx.dos.isoformat()}.", evidence)


@check
def patient_absent(ctx: Context) -> Outcome:
    if ctx.presence and ctx.absence:
        return Outcome(
            "unclear", "The note says both that the patient was and was not present.", ctx.absence + ctx.presence
        )
    if ctx.presence:
        # an entry added to support payment cannot settle it, but the record now says both (facts §11)
        later = [(s.start, s.end) for s in ctx.ex.screened if s.kind == "after_the_fact"]
        denied = says_absent(ctx.ex.original, later) if later else []
        if denied:
            return Outcome(
                "unclear",
                "The note says the patient was present; an entry added later to support payment says not.",
                ctx.presence + denied,
            )
        return Outcome("problem", "The note says the patient was present during the training.", ctx.presence)
    if ctx.absence:
        return Outcome("met", "The note says the patient was not present.", ctx.absence)
    return Outcome("missing", "Nothing says whether the patient was present.")


# a field the goal word labels, left empty: '"Goal link",""', "POC goal: N/A", "Goal: ***" (an export's or a template's
# blank is no goal; a bare colon is not read so, as the goal may follow on the next line)
_EMPTY_FIELD_AFTER = re.compile(
    r"(?:[ \t]+[\w-]+){0,2}[\"']?[ \t]*[:=,|][ \t]*(?:\"\"|''|n/?a\b|none\b|\*{3}|_{3,}|\[[ \t]*\])[ \t]*(?:\n|$)",
    re.I,
)
CONSENT_REACH = 120  # a dictated "sentence" may be the whole note: the search stays near the consent


def _near(pattern: re.Pattern[str], text: str, c: Concept) -> bool:
    """`pattern` in the consent's sentence, within CONSENT_REACH characters of it."""
    a, b = max(c.sent_start, c.start - CONSENT_REACH), min(c.sent_end, c.end + CONSENT_REACH)
    return pattern.search(text[a:b]) is not None  # a slice: "^P:" anchors at the sentence start


_RELATION = "|".join(
    re.escape(w) for w in sorted(CONCEPTS["RELATIONSHIP"], key=len, reverse=True) if w.isalpha() and len(w) > 2
)
# "signed the caregiver training consent for her daughter only": the consent names one caregiver
_FOR_ONLY = re.compile(
    rf"[^.;\n]{{0,60}}?\bfor\s+(?:her|his|their|the\s+)?\s*(?P<rel>{_RELATION})\s+only\b", re.I
)
# "the caregiver trained today was her son", "trained her son": who was trained
_TRAINED_REL = re.compile(
    rf"\b(?:trained|taught|instructed)\b\W+(?:[\w']+\W+){{0,3}}?(?:her|his|their|the|pt's|patient's)\s+"
    rf"(?P<rel>{_RELATION})\b",
    re.I,
)


def _wrong_person(ctx: Context, stated: list[Concept], given: list[Concept]) -> Outcome | None:
    """Consent given by someone without authority to give it, or for another caregiver than the one trained."""
    if stated and _without_authority(ctx):
        return Outcome(
            "problem",
            "The consent documented was given by someone without authority to consent for the patient (the patient "
            "or the patient's legal representative must consent).",
            [(c.start, c.end) for c in stated],
        )
    unnamed = _trainee_not_named(ctx, given)
    if unnamed is not None:
        return Outcome(
            "missing",
            f"The consent documented names {unnamed[0]}; no consent is documented for training {unnamed[1]}.",
            [(c.start, c.end) for c in given],
        )
    substitute = _sent_in_place(ctx, given)
    if substitute is not None:
        return Outcome(
            "missing",
            f"The consent documented names a caregiver; the {substitute} came in that caregiver's place, and no "
            f"consent is documented for training the {substitute}.",
            [(c.start, c.end) for c in given],
        )
    other = _consent_for_another(ctx, given)
    if other is not None:
        return Outcome(
            "problem",
            f"The consent names only the {other[0]}; the caregiver trained is the {other[1]}.",
            [(c.start, c.end) for c in given],
        )
    return None


def _consent_for_another(ctx: Context, given: list[Concept]) -> tuple[str, str] | None:
    """(named, trained) when the consent names one caregiver only and the note trains another."""
    text = ctx.ex.text
    named = {m["rel"].lower() for c in given if (m := _FOR_ONLY.match(text, c.end, c.end + 80))}
    if not named:
        return None
    trained = {m["rel"].lower() for m in _TRAINED_REL.finditer(text)} - named
    return (sorted(named)[0], sorted(trained)[0]) if trained else None


# "son had to work -> his wife (daughter-in-law) Lucía came instead", "pt's daughter came in her place": another
# caregiver sent in place of the one the consent is for
_IN_PLACE = re.compile(
    r"\b(?:came|attended|was\s+trained|come)\s+(?:today\s+|here\s+)?instead\b|\bin\s+(?:her|his|their)\s+place\b"
    r"|\bin\s+place\s+of\b|\bsubstitut\w*\s+for\b",
    re.I,
)
# kinship words whole ("daughter-in-law", not its "daughter")
_RELATION_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(CONCEPTS["RELATIONSHIP"], key=len, reverse=True)
                        if w.replace("-", "").isalpha() and len(w) > 2) + r")\b",
    re.I,
)
# the consent is for someone it names: "for her son Dorian", "for Rosalind to receive caregiver training", "signed by
# pt naming her son, Rafael Idowu, as the caregiver"
_FOR_SOMEONE = re.compile(
    rf"\b(?:for|naming|names|named)\s+(?:(?:her|his|their|the\s+pt's|the\s+patient's)\s+(?:{_RELATION})\b"
    rf"|[A-Z][a-z]+\b)"
)


def _sent_in_place(ctx: Context, given: list[Concept]) -> str | None:
    """The kin of a caregiver sent in place of the one the consent names (facts §1.3: consent is for specific
    caregivers), when the consent's clause names its caregiver and not that kin; None otherwise."""
    if not given or ctx.is_group:
        return None
    text = ctx.ex.text
    m = search(_IN_PLACE, text)  # RE2 first: Python's `re` tries the alternation at every position (~0.1 ms)
    if m is None:
        return None
    start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - CONSENT_REACH) + 1
    windows = _merged(sorted(_consent_clause(ctx, c) for c in given))
    if any(_FOR_EVERYONE.search(text, a, b) for a, b in windows):
        return None
    if not any(_FOR_SOMEONE.search(text, a, b) for a, b in windows):
        return None  # "consent for caregiver training": it names no one, so it covers whoever came
    named = {r.group(0).lower() for a, b in windows for r in _RELATION_WORD.finditer(text, a, b)}
    sent = [r.group(0).lower() for r in _RELATION_WORD.finditer(text, start, m.start())]
    others = [rel for rel in sent if rel not in named]
    return others[-1] if others else None


MAX_NAMES = 20  # caregivers one note names; bounds the name lookups
TRAINEE_MENTIONS = 2  # a caregiver named this often outside the consent took part; one mention may be a bystander


# a consent given for the caregivers together: "for both parents' training", "for all caregivers", "each parent"
_FOR_EVERYONE = re.compile(
    r"\b(?:both|all\s+(?:the\s+|three\s+|four\s+)?(?:caregivers|parents|family\s+members|trainees)|each\s+"
    r"(?:caregiver|parent|family\s+member))\b",
    re.I,
)


_ONLY_AFTER = re.compile(r"[ \t]+(?:only|alone)\b", re.I)
_NAMED_BY = re.compile(r"\b(?:names?|named|naming|lists?|listed|covers?)[ \t]+(?:\w+[ \t]+)?$", re.I)


def _trainee_not_named(ctx: Context, given: list[Concept]) -> tuple[str, str] | None:
    """(named, other) when the consent names its caregiver(s) after it on its line ("verbal consent to train wife
    Marisol", "for 'my son Arjun'") and another caregiver the note introduces by kinship, and goes on naming, is not
    among them: consent is for specific caregivers (facts §1.3), so a caregiver added to the series, or sent in
    place of the one named, has none. A group's consents are per family, and not read here."""
    if not given or ctx.is_group:
        return None
    text = ctx.ex.text
    introduced = kin_names(text)
    names = frozenset(sorted(introduced)[:MAX_NAMES])
    # "Communication Partner Training": a word the note also writes in lower case names no one
    common = {text[a:b] for a, b in name_spans(frozenset(n.lower() for n in names), text)}
    names = frozenset(n for n in names if n.lower() not in common)
    if len(names) < 2:
        return None
    windows = _merged(sorted(_consent_clause(ctx, c) for c in given))
    if any(_FOR_EVERYONE.search(text, a, b) for a, b in windows):
        return None  # "signed consent for both parents' training": it covers every caregiver it trains
    spans = name_spans(names, text)
    inside = {text[a:b] for a, b in spans if _inside(windows, a)}
    if not inside:
        return None  # "consent for caregiver training": no one named, so it covers whoever the note trains
    # "caregiver training -- Casimir only": the one consented to was the one trained; "the consent names Lorraine
    # only" says who consent covers, not who was trained (r8b-series-slp-new-caregiver-not-in-consent)
    if any(text[a:b] in inside and _ONLY_AFTER.match(text, b) and not _NAMED_BY.search(text, max(0, a - 30), a)
           for a, b in spans):
        return None
    outside: dict[str, int] = {}
    for a, b in spans:
        if text[a:b] not in inside and not _inside(windows, a):
            # named once, but as one trained ("Trained daughter Colette and son-in-law Marcus"): took part
            # (hostile15 #18)
            weight = TRAINEE_MENTIONS if trained_in_sentence(text, a, b) else 1
            outside[text[a:b]] = outside.get(text[a:b], 0) + weight
    others = sorted(name for name, n in outside.items() if n >= TRAINEE_MENTIONS)
    return (" and ".join(sorted(inside)), others[0]) if others else None


# where the consent's sentence ends or begins: a stop that is not a title's ("for Mrs. Haddad's husband"), a blank
# line, or a line that opens a field or a time-stamped entry; a hard-wrapped sentence goes on over its line break
_STOP = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)\.(?=\s)|\n(?=[ \t]*(?:\n|[\w /()-]{1,24}:|\d{1,2}:?\d\d\b))"
)


def _consent_clause(ctx: Context, c: Concept) -> tuple[int, int]:
    """The consent's sentence, at most CONSENT_REACH characters either side: who gave it and for whom."""
    text = ctx.ex.text
    a = max(0, c.start - CONSENT_REACH)
    for stop in _STOP.finditer(text, a, c.end + 30):  # bounded; the line break before "Consent:" sees its label
        if stop.start() < c.start:
            a = stop.end()
    b = min(len(text), c.end + CONSENT_REACH)
    after = _STOP.search(text, c.end, b)
    return a, after.start() if after else b


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with the overlapping ones joined, for a binary search."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` falls in one of the sorted, disjoint `spans` (windows, sections)."""
    i = bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# a form's field for the consent's type: "CONSENT_TYPE=VERBAL", "Consent method: verbal (phone)", "Consent form: signed"
_CONSENT_TYPE = re.compile(
    r"\bconsent[ _]?(?:type|method|mode|kind|form|obtained)[ \t]*[:=][ \t]*"
    r"(?P<kind>verbal|oral|phone|telephone|written|signed|e-?signed)\b",
    re.I,
)


def _given(ctx: Context, given: list[Concept], refused: list[Concept]) -> Outcome:
    """Consent documented: met, unless only verbal consent is documented before verbal consent counted."""
    kinds = {consent_kind(ctx.ex, c) for c in given}
    typed = _CONSENT_TYPE.search(ctx.ex.text) if "unspecified" in kinds else None
    if typed is not None and kinds <= {"verbal", "unspecified"}:
        # the other fields of the consent ("CONSENT_BY=patient", "CONSENT_FOR=Horace") name who, not how: the type
        # field says how
        kinds = {"verbal" if typed["kind"].lower() in ("verbal", "oral", "phone", "telephone") else "written"}
    if "verbal" in kinds and "written" not in kinds and _no_written(ctx, refused):
        kinds = {"verbal"}  # "a verbal OK ... no written consent form was signed": verbal only
    evidence = [(c.start, c.end) for c in given]
    verbal_from = ctx.knowledge.rules["consent"].params["verbal_consent_from"]
    # verbal consent counts from 2025: by the date of service, or by the date it was given
    given_on = [d.value for d in ctx.ex.dates for c in given if c.sent_start <= d.span[0] < c.sent_end]
    too_early = any(d < verbal_from for d in given_on)  # type: ignore[operator]
    early = (ctx.dos is not None and ctx.dos < verbal_from) or too_early  # type: ignore[operator]
    if early and kinds == {"verbal"}:
        return Outcome(
            "problem",
            f"Only verbal consent is documented; CMS accepts verbal consent from {verbal_from}.",
            evidence,
        )
    return Outcome("met", "Consent to train the caregiver is documented.", evidence)


# where a clause ends: a comma, a semicolon, a dash, or the word a dictation writes for a comma
_CLAUSE_END = re.compile(r"[,;]|\s[-–—]\s|\bcomma\b", re.I)


def _plan_near(text: str, c: Concept) -> bool:
    """A plan for the consent ("P: obtain signed consent", "consent to be obtained"): before the mention in its
    sentence, or after it in its own clause; "agreed verbally today, no signed form yet, will get signature at next
    visit" documents the verbal consent given, and plans only the signature."""
    a = max(c.sent_start, c.start - CONSENT_REACH)
    b = min(c.sent_end, c.end + CONSENT_REACH)
    stop = _CLAUSE_END.search(text, c.end, b)
    return _CONSENT_PLAN.search(text[a : stop.start() if stop else b]) is not None


@check
def consent(ctx: Context) -> Outcome:
    # "pt does not consent to video" is about how the session was held, not about training the caregiver
    text = ctx.ex.text
    # "P: obtain signed consent before next session" is a plan, not documentation of consent
    video, plan = ctx.ex.may_contain(_ABOUT_VIDEO_WORDS), ctx.ex.may_contain(_PLAN_WORDS)
    mentions = [
        c for c in ctx.ex.of("CONSENT") if not (video and _ABOUT_VIDEO.search(text[c.sent_start : c.sent_end]))
    ]
    # "PT PRESENT? N0 - pt at dialysis   CONSENT written": the "no" answers the column before the gap
    mentions = [c._replace(negated=False) if c.negated and _other_column(text, c) else c for c in mentions]
    # "form mailed - pending, not yet signed": asked for, not obtained
    pending = (
        {c for c in mentions if _PENDING.search(ctx.ex.line(c.start))} if ctx.ex.may_contain(_PENDING_WORDS) else set()
    )
    given = [
        c
        for c in mentions
        if not c.negated
        and c not in pending
        # "CONSENT: see end of note": the field points to the statement, which decides
        and not _POINTS_ELSEWHERE.match(text, c.end)
        and not (plan and _plan_near(text, c))
        and not _near(_FUTURE_ONLY, text, c)
        and not _own_agreement(text, c)
        and not _trainee_agrees(ctx, c)
    ]
    refused = [
        c
        for c in mentions
        if c.negated
        or c in pending
        or _cannot_before(text, c)
        or _asked_and_declined(text, c)
        or _field_declined(text, c)
    ]
    # "CONSENT=N/A": a field left not applicable documents nothing, neither consent nor its refusal
    refused = [c for c in refused if not _NOT_APPLICABLE.match(text, c.end)]
    wrong_person = _wrong_person(ctx, [c for c in mentions if not c.negated], given)
    if wrong_person is not None:
        return wrong_person
    refused_ids = {id(c) for c in refused}  # a set: a long note has thousands of mentions
    given = [c for c in given if id(c) not in refused_ids]
    if refused and given:  # "Consent today: ... he declined to consent": the field's label, answered no
        given = [c for c in given if not _labels_refusal(ctx, c, refused)]
    if given and all(_not_from_patient(ctx, c) for c in given):
        return Outcome(
            "problem",
            "The agreement documented is the caregiver's; the patient (or the patient's representative) did not "
            "consent.",
            [(c.start, c.end) for c in given],
        )
    if given:
        return _given(ctx, given, refused)
    if refused:
        return Outcome(
            "problem", "The note says consent was not obtained or was declined.", [(c.start, c.end) for c in refused]
        )
    return Outcome("missing", "No consent for training the caregiver is documented.")


# "Consent: son requested the training and agreed to it. Pt not asked.": the caregiver's agreement is not the
# patient's consent (facts: the patient or the patient's representative consents), unless a representative did
_NOT_ASKED = re.compile(
    r"\b(?:pt|patient)\s+(?:was\s+)?not\s+(?:asked|consulted)\b"
    r"|\bwithout\s+(?:the\s+)?(?:pt|patient)(?:'s)?\s+(?:consent|agreement|knowledge)\b"
    r"|\b(?:pt|patient)\s+(?:did\s+not|didn't|has\s+not|hasn't)\s+(?:consent(?:ed)?|agree(?:d)?)\b"
    # "we did not get his consent", "Parent consent not obtained yet": the one who could consent did not
    r"|\b(?:did\s+not|didn't|could\s+not|couldn't)\s+(?:get|obtain)\s+(?:his|her|their|the\s+(?:pt|patient)(?:'s|’s)"
    r"|(?:pt|patient)(?:'s|’s))\s+consent\b"
    r"|\b(?:parent(?:al|s|'s|s')?|guardian(?:'s)?|(?:pt|patient)(?:'s|’s)?)\s+consent\s+(?:was\s+|has\s+)?not\s+"
    r"(?:yet\s+)?(?:been\s+)?(?:obtained|given|received|signed)\b",
    re.I,
)
# "he does not have a power of attorney or guardian": a representative the note says there is not
_NO_REPRESENTATIVE_BEFORE = re.compile(
    r"\b(?:no|not|without|lacks|(?:does|did)\s+not\s+have|doesn't\s+have|has\s+no)\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}$",
    re.I,
)
_REPRESENTATIVE = re.compile(
    r"\b(?:poa|power of attorney|guardian|health ?care proxy|legal representative|surrogate|conservator)\b", re.I
)


# "she signed the consent form for her own training", "he agreed to the training himself": the trainee's own
# agreement, not the patient's or a representative's consent
_OWN_AGREEMENT = re.compile(
    r"[^.;\n]{0,25}?\b(?:for\s+(?:his|her|their)\s+own\s+training|(?P<self>himself|herself)\b)", re.I
)
OWN_REACH = 60
_PATIENT_BEFORE = re.compile(r"\b(?:pt|patient|client|mrs?|ms)\b", re.I)


# a parent of a child patient is the child's representative: "Mother signed consent for her own training" is the
# representative's consent when the patient is a child ("age 3", "(4y)", "toddler")
_PARENT_BEFORE = re.compile(
    r"\b(?:mother|mom|mum|father|dad|parents?|foster\s+(?:mother|father|parents?))\b[^.;\n]*$", re.I
)
_MINOR = re.compile(
    r"\b(?:child|toddler|infant|baby|preschooler|kindergartner|p(?:a)?ediatric"
    r"|(?:age[ds]?|aged)\s*:?\s*(?:1[0-7]|[0-9])(?!\s*[0-9.])(?!\s*(?:min|%))\b"
    r"|(?:1[0-7]|[0-9])\s*(?:y/?o|yo|yrs?|years?|y)(?:\s*old)?(?![\w/])"
    r"|[0-9]{1,2}\s*(?:mo|months?)\s*old)",
    re.I,
)
PARENT_REACH = 80


def _own_agreement(text: str, mention: Concept) -> bool:
    """The trainee agreeing to their own training ("Pt consented herself" is the patient's consent)."""
    m = _OWN_AGREEMENT.match(text, mention.end, mention.end + OWN_REACH)
    if m is None or _representative(_around(text, mention)):
        return False  # "as her guardian, she gave written consent for her own training": a representative's
    if _PARENT_BEFORE.search(text, max(0, mention.start - PARENT_REACH), mention.start) and _MINOR.search(text):
        return False  # a parent consenting for a child patient consents as the child's representative
    return m["self"] is None or not _PATIENT_BEFORE.search(text, max(0, mention.start - 40), mention.start)


# a gap of three spaces or a tab between two columns of a flowsheet row; a negation word
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t+)(?=\S)")
_NEGATION_WORD = re.compile(
    r"\b(?:no|n0|not|never|without|w/o|declin\w*|refus\w*|denie\w*|unable|cannot|can't|pending|n/a|none)\b", re.I
)
COLUMN_REACH = 80


def _other_column(text: str, c: Concept) -> bool:
    """A NegEx scope that reaches the consent from another column of its row: no negation word in the consent's own
    column (from the gap before it to the gap or line end after it, bounded)."""
    a = max(c.sent_start, c.start - COLUMN_REACH)
    gaps = [m.end() for m in _COLUMN_GAP.finditer(text, a, c.start + 1)]  # + 1: the lookahead sees the mention
    if not gaps:
        return False
    line_end = text.find("\n", c.end, c.end + COLUMN_REACH)
    b = line_end if line_end != -1 else min(len(text), c.end + COLUMN_REACH)
    after = _COLUMN_GAP.search(text, c.end, b)
    own = text[gaps[-1] : after.start() + 1 if after else b]
    return _NEGATION_WORD.search(own) is None


# "Anna agrees to be trained and wants to learn": the trainee's agreement to be trained (named, or a
# friend or neighbour, who never represents the patient) is no consent of the patient's
_TRAINEE_WORDS = re.compile(r"\b(?:friend|neighbou?r|nay bore)\s*$", re.I)
_FOR_PATIENT_AFTER = re.compile(r"[^.;\n]{0,40}?\b(?:for|on behalf of|as)\s+(?:the\s+)?(?:pt|patient|his|her)\b", re.I)


def _trainee_agrees(ctx: Context, mention: Concept) -> bool:
    text = ctx.ex.text
    if mention.text.lower().startswith("consent") or _FOR_PATIENT_AFTER.match(text, mention.end):
        return False
    before = text[max(mention.sent_start, mention.start - 30) : mention.start]
    words = before.split()
    if not words or _representative(_around(text, mention)):
        return False
    if _TRAINEE_WORDS.search(before):
        return True
    if "caregiver names" not in ctx.ex.memo:  # found once per note, not once per mention
        ctx.ex.memo["caregiver names"] = people(ctx.ex).caregiver
    return words[-1].strip(",:()") in ctx.ex.memo["caregiver names"]


_NOT_APPLICABLE = re.compile(r"[ \t]*[:=|.-]*[ \t]*(?:n/a|na|not applicable)\b", re.I)
# the one with authority to consent named as not reached, or a facility's staff signing: "Client's legal guardian
# (sister) not contacted", "Mother (legal guardian) not reachable today", "signed by Hollyhock house manager"
_WITHOUT_AUTHORITY = re.compile(
    r"\b(?:legal guardian|guardian|poa|power of attorney|health ?care proxy|legal representative)(?:'s)?\)?"
    r"(?:\s*\([^()\n]{0,60}\))?\s+(?:was\s+|is\s+)?(?:not|never)\s+(?:contacted|reachable|reached|available"
    r"|consulted|asked|informed)\b"
    r"|\bsigned\s+by\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:house manager|manager|administrator|staff|supervisor"
    r"|director|charge nurse|aide)\b",
    re.I,
)


# the patient gave it: "POA not available; pt consented himself" is the patient's own consent
_PATIENT_CONSENTED = re.compile(
    r"\b(?:pt|patient|client)\s+(?:signed|consented|gave|agreed|verbally)\b"
    r"|\b(?:signed|given|obtained)\s+(?:by|from)\s+(?:the\s+)?(?:pt|patient|client)\b",
    re.I,
)


def _without_authority(ctx: Context) -> bool:
    if "without authority" not in ctx.ex.memo:
        text = ctx.ex.text
        ctx.ex.memo["without authority"] = (
            search(_WITHOUT_AUTHORITY, text) is not None and search(_PATIENT_CONSENTED, text) is None
        )
    return bool(ctx.ex.memo["without authority"])


# "called him to ask his consent, he declined": consent asked for and refused
_ASKED_FOR = re.compile(
    r"\b(?:ask|asked|asking|request|requested|requesting|seek|sought|seeking)\s+(?:for\s+)?(?:his|her|their|the)?\s*"
    r"(?:(?:pt|patient)(?:'s|’s)?\s+)?$",
    re.I,
)
_DECLINED_AFTER = re.compile(
    r"[^.;\n]{0,30}?\b(?:declined|refused|said no|did not (?:agree|consent)|didn't (?:agree|consent)|would not)\b",
    re.I,
)


def _asked_and_declined(text: str, mention: Concept) -> bool:
    return (
        _ASKED_FOR.search(text, max(0, mention.start - 40), mention.start) is not None
        and _DECLINED_AFTER.match(text, mention.end, mention.end + 60) is not None
    )


# a consent field that points to where its answer is: "CONSENT: see end of note", "Consent - see addendum below"
_POINTS_ELSEWHERE = re.compile(
    r"[ \t]*[:\-–—]?[ \t]*(?:see|refer to)[ \t]+(?:the[ \t]+)?(?:end|bottom|below|addendum|attached|last|note below"
    r"|next page|page \d)",
    re.I,
)
# a consent field answered with a refusal: "consent: asked client again ... -- she declined to sign for Tiberius's
# training ... Not obtained." (what was refused is the signing, the consent or the training, not a handout)
_FIELD_REFUSAL = re.compile(
    r"\b(?:declined|refused|declines|refuses)\s+(?:to\s+)?(?:sign|consent|give|the\s+training|training|permission)"
    r"|\bnot\s+(?:obtained|given)\b|\bsaid\s+no\b",
    re.I,
)
_FIELD_OPENS = re.compile(r"[ \t]*[\w -]{0,20}(?:\([^()\n]{0,30}\)[ \t]*)?:")
# where a field's answer ends: the next field's label opening a line
_NEXT_FIELD = re.compile(r"\n[ \t]*[A-Za-z][\w /()-]{0,24}:")
FIELD_REACH = 300


def _field_declined(text: str, mention: Concept) -> bool:
    """Whether the mention labels a consent field ("consent:", "CONSENT (added 10:05):") whose answer, up to the next
    field, refuses it."""
    if not _FIELD_OPENS.match(text, mention.end):
        return False
    end = min(len(text), mention.end + FIELD_REACH)
    nxt = _NEXT_FIELD.search(text, mention.end, end)
    return _FIELD_REFUSAL.search(text, mention.end, nxt.start() if nxt else end) is not None


# "Stanley cannot consent (guardianship)": the patient could not give it, so it was not given
_CANNOT = re.compile(r"\b(?:cannot|can't|could not|couldn't|unable to|not able to)\s+(?:\w+\s+){0,2}$", re.I)


def _cannot_before(text: str, mention: Concept) -> bool:
    return (
        _CANNOT.search(text, max(0, mention.start - 40), mention.start) is not None
        or _REFUSED_BEFORE.search(text, max(0, mention.start - 50), mention.start) is not None
    )


# "DECLINED to sign CTS consent", "did not give consent", "refused the written consent": the consent the
# clause names was refused (a verb of giving before it, at most three words of the form between)
_REFUSED_BEFORE = re.compile(
    r"\b(?:declined|declines|refused|refuses|withheld|withholds|(?:did|does|would|will)\s+not|didn't|doesn't|wouldn't"
    r"|won't|(?:has|have|had)\s+not|hasn't|haven't)\s+(?:to\s+)?(?:give|given|sign|signed|provide|provided|grant"
    r"|granted)?\s*(?:(?:the|a|any|his|her|their|written|verbal|signed|cts|caregiver|training)\s+){0,3}$",
    re.I,
)


# "Consent: daughter consents to CG training" in the note of a patient who "manages own finances; no POA on file":
# the one who agreed is the caregiver, and the patient decides for themself, so no one who could consent did
_CAREGIVER_AGREES = re.compile(
    r"\b(?:daughter|dtr|son|wife|husband|spouse|sister|brother|friend|neighbou?r|caregiver|cg|niece|nephew|aunt|uncle"
    r"|grand(?:daughter|son|father|mother|pa|ma))\s+(?:consents|consented|agrees|agreed)\b",
    re.I,
)
_DECIDES_FOR_SELF = re.compile(
    r"\bno\s+(?:poa|hcpoa|power of attorney|guardian|health ?care proxy|legal representative)\b"
    r"|\b(?:does\s+not|doesn't)\s+have\s+an?\s+(?:poa|hcpoa|power of attorney|guardian|health ?care proxy)\b"
    r"|\bmakes\s+(?:his|her|their)\s+own\s+decisions\b|\bhas\s+(?:full\s+)?(?:decision-making\s+)?capacity\b"
    r"|\bmanages\s+(?:(?:his|her|their)\s+)?own\b|\bdecides for (?:himself|herself|themselves)\b",
    re.I,
)


def _around(text: str, mention: Concept) -> str:
    """The mention's line, at most 200 characters each way: bounded, so many mentions stay linear."""
    start = max(text.rfind("\n", max(0, mention.start - 200), mention.start) + 1, mention.start - 200)
    end = text.find("\n", mention.end, mention.end + 200)
    return text[start : end if end != -1 else min(len(text), mention.end + 200)]


def _representative(around: str) -> bool:
    """A representative (guardian, POA ...) named, and not as one the patient does not have."""
    return any(
        not _NO_REPRESENTATIVE_BEFORE.search(around, max(0, m.start() - 50), m.start())
        for m in finditer(_REPRESENTATIVE, around)  # RE2 first: most consent lines name no representative
    )


def _not_from_patient(ctx: Context, mention: Concept) -> bool:
    """The consent line (and the sentence after it) says the patient was not asked, or only the caregiver agreed for
    a patient who decides for themself, and no representative consented."""
    text = ctx.ex.text
    around = _around(text, mention)
    if _representative(around):
        return False
    if "decides for self" not in ctx.ex.memo:  # asked once per note, not once per mention
        ctx.ex.memo["decides for self"] = search(_DECIDES_FOR_SELF, text) is not None
    caregiver_only = ctx.ex.memo["decides for self"] and search(_CAREGIVER_AGREES, around) is not None
    return search(_NOT_ASKED, around) is not None or caregiver_only


_FIELD_COLON = re.compile(r"[ \t]*[\w -]{0,20}:")
# a dictated heading names the topic, as a field's label does: "now the consent part the daughter wanted ..."
_TOPIC_AFTER = re.compile(r"[ \t]+(?:part|section|piece|portion|question|issue|wise)\b", re.I)
_NO_WRITTEN_FORM = re.compile(r"\b(?:no|not|never|without)\b[^.;\n]{0,20}\b(?:form|written|signed|signature)\b", re.I)


def _labels_refusal(ctx: Context, c: Concept, refused: list[Concept]) -> bool:
    """A consent field's label ("Consent today:") whose own line goes on to say consent was declined."""
    if not (_FIELD_COLON.match(ctx.ex.text, c.end) or _TOPIC_AFTER.match(ctx.ex.text, c.end)):
        return False
    # the field's own line, read at most 300 characters on; the first refusal after the label (bisect: linear overall)
    line_end = ctx.ex.text.find("\n", c.end, c.end + 300)
    line_end = min(len(ctx.ex.text), c.end + 300) if line_end == -1 else line_end
    starts = ctx.ex.memo.get("refused starts")
    if starts is None or len(starts) != len(refused):
        starts = ctx.ex.memo["refused starts"] = sorted(r.start for r in refused)
    i = bisect_right(starts, c.end)
    return i < len(starts) and starts[i] < line_end


def _no_written(ctx: Context, refused: list[Concept]) -> bool:
    """Whether the note says no written consent was signed ("No written consent form was signed")."""
    # each sentence once: refusals share a sentence, and a note without stops is one sentence (quadratic before)
    sentences = dict.fromkeys((r.sent_start, r.sent_end) for r in refused)
    return any(_NO_WRITTEN_FORM.search(ctx.ex.text, start, end) for start, end in sentences)


def _paid_split(ctx: Context) -> dict[str, list]:
    """The paid mentions, split by what the note says of them beside an unpaid caregiver (read once per note)."""
    if "paid split" not in ctx.ex.memo:
        paid = paid_caregivers(ctx)
        ctx.ex.memo["paid split"] = split_paid(ctx, paid, _family(ctx) if paid else [])
    return ctx.ex.memo["paid split"]


@check
def caregiver(ctx: Context) -> Outcome:
    paid = _paid_split(ctx)
    if paid["trained"]:
        return Outcome("problem", "The person trained is paid staff, not an unpaid caregiver.", paid["trained"])
    family = _family(ctx)
    if paid["alongside"]:
        return Outcome("unclear", "a paid person was trained with the unpaid caregiver: the session counts for the "
                       "unpaid caregiver only, not for the paid one.", family[:3], findings=("paid_alongside",))
    if family:
        # the one who stayed with the patient is no evidence of who was trained (hostile15 #20)
        trained = [span for span in family if not stayed_with_patient(ctx, span[0])] or family
        return Outcome("met", "The caregiver is identified.", trained[:3])
    # only when no relationship is named: the name search scans the whole note
    named = [m.span("name") if m["name"] else m.span("name2") for m in _CAREGIVER_NAME.finditer(ctx.ex.text)]
    if named:
        return Outcome("met", "The caregiver is identified.", named[:3])
    return Outcome("missing", "The caregiver is not identified by name or relationship.")


def _family(ctx: Context) -> list[tuple[int, int]]:
    """Spans of the unpaid caregiver's relationship to the patient ("daughter", "wife")."""
    ex = ctx.ex
    family = [(c.start, c.end) for c in ex.of("RELATIONSHIP", negated=False)]
    # "CTS without pt: daughter Simone": the negation is the patient's absence, not the caregiver's
    family += [
        (c.start, c.end)
        for c in ex.of("RELATIONSHIP")
        if c.negated
        and (
            _WITHOUT_PATIENT.search(ex.lines.before(c.start, 40))
            or _CLOSED_NOT_BEFORE.search(ex.text, max(0, c.start - 70), c.start)
        )
    ]
    return family


# A goal whose outcome depends on the caregiver ("toileting with wife's set-up", "transfers with one family
# assist", "stretching program carried out at home by family") states why that caregiver must be trained.
_CAREGIVER_ROLE = re.compile(
    r"\b(?:caregivers?|cg|family|families|carers?|"
    + "|".join(re.escape(w) for w in sorted(CONCEPTS["RELATIONSHIP"], key=len, reverse=True))
    + r")(?:'s|s')?(?![\w-])",
    re.I,
)


# the goal's statement runs to its full stop or line end: "...2-word combinations at home; caregivers to use ..."
_STATEMENT_END = re.compile(r"[.!?](?=\s|$)|\n")
_GOAL_REACH = 300


# a summary written to the caregiver ("Hi Lucille -- here is what we went over"): "you" is the caregiver
_TO_CAREGIVER = re.compile(r"^[ \t]*(?:dear|hi|hello)[ \t]+[A-Z][a-z]+\b", re.I | re.M)
_YOU = re.compile(r"\b(?:you|your)\b", re.I)


def _goal_needs_caregiver(ctx: Context, goal: Concept) -> bool:
    text = ctx.ex.text
    stop = _STATEMENT_END.search(text, goal.end, min(len(text), goal.end + _GOAL_REACH))
    end = max(goal.sent_end, stop.start() if stop else min(len(text), goal.end + _GOAL_REACH))
    if _CAREGIVER_ROLE.search(text, goal.start, end) is not None:
        return True
    # "His PT goal: walking in the house with his walker and you nearby", in a letter to the caregiver
    return _YOU.search(text, goal.start, end) is not None and _TO_CAREGIVER.search(text) is not None


@check
def need_and_goal(ctx: Context) -> Outcome:
    goals = [g for g in ctx.ex.of("GOAL", negated=False) if not _EMPTY_FIELD_AFTER.match(ctx.ex.text, g.end)]
    needs = ctx.ex.of("NEED", negated=False)
    if not needs:  # one goal that depends on the caregiver is enough
        tied = next((g for g in goals if _goal_needs_caregiver(ctx, g)), None)
        needs = [tied] if tied is not None else []
    if goals and needs:
        return Outcome(
            "met",
            "The need for training and its plan-of-care goal are stated.",
            [(needs[0].start, needs[0].end), (goals[0].start, goals[0].end)],
        )
    if goals:
        return Outcome(
            "missing", "A goal is named, but not why the caregiver needs training.", [(goals[0].start, goals[0].end)]
        )
    if needs:
        return Outcome(
            "missing",
            "A need is described, but it is not tied to a plan-of-care goal.",
            [(needs[0].start, needs[0].end)],
        )
    return Outcome("missing", "Neither the need for training nor a plan-of-care goal is stated.")


@check
def skills_taught(ctx: Context) -> Outcome:
    ex = ctx.ex
    # "Gait training 97116: ..." is the same-day patient-present service's content, not the caregiver's
    skills = [
        c
        for c in ex.of("SKILL_FUNCTIONAL", negated=False) + ex.of("SKILL_DIRECT_CARE", negated=False)
        if not ex.service.belongs_to_other((c.start, c.end))
    ]
    teaching = {(c.sent_start, c.sent_end) for c in ex.of("TEACHING", negated=False) + ex.of("RETURN_DEMO")}
    general = ex.of("GENERAL_EDUCATION", negated=False)
    general_at = sorted(c.start for c in general)
    # a skill in the same item as a handout or general talk ("[x] Discussed fall prevention in general") is not
    # a technique taught
    skills = [c for c in skills if not general_at or not _any_in(general_at, *_item(ex.text, c.start))]
    taught = [(c.start, c.end) for c in skills if (c.sent_start, c.sent_end) in teaching]
    # a content line that only names a handout ("Education provided: [x] Handout ...") is general education
    taught += [
        (a, b)
        for a, b in _content_lines(ex.text)
        if not any(a <= g < b for g in general_at) or any(a <= c.start < b for c in skills)
    ]
    sections = _training_sections(ex.text)
    taught += [(c.start, c.end) for c in skills if _inside(sections, c.start)]
    taught += _section_items(ex.text, sections) + _how_to(ex.text)
    if not taught and not general:
        # bullet lists of techniques without a verb, outside the need/goal/assessment lines
        taught = [(c.start, c.end) for c in skills if not _NOT_CONTENT_LINE.match(ex.line(c.start))]
    if taught:
        return Outcome("met", "Specific techniques taught are documented.", sorted(taught)[:4])
    if general:
        return Outcome(
            "problem",
            "Only general education is documented, not specific techniques.",
            [(c.start, c.end) for c in general[:3]],
        )
    return Outcome("missing", "No strategies or techniques taught are documented.")


_ITEM_BREAK = re.compile(r"[;,.\n\u2611\u2612\u25a0\u2705]|\[[ \t]?[xX\u2713\u2714][ \t]?\]|\band\b")
ITEM_REACH = 80


def _item(text: str, pos: int) -> tuple[int, int]:
    """The list item or clause around `pos`: between the nearest ticked box, comma, semicolon, "and" or line
    break on either side (bounded to ITEM_REACH characters each way)."""
    lo = max(0, pos - ITEM_REACH)
    before = [m.end() for m in _ITEM_BREAK.finditer(text, lo, pos)]
    after = _ITEM_BREAK.search(text, pos, min(len(text), pos + ITEM_REACH))
    return (before[-1] if before else lo), (after.start() if after else min(len(text), pos + ITEM_REACH))


def _any_in(sorted_starts: list[int], a: int, b: int) -> bool:
    i = bisect_right(sorted_starts, a - 1)
    return i < len(sorted_starts) and sorted_starts[i] < b


def _training_sections(text: str) -> list[tuple[int, int]]:
    """A 'TRAINING PROVIDED' style heading owns the lines below it, up to a blank line or the next
    heading (at most SECTION_CHARS: the search for the blank line stays bounded)."""
    heads = [m.end() for m in finditer(_TRAINING_HEADING, text)]
    out = []
    for i, start in enumerate(heads):
        limit = min(heads[i + 1] if i + 1 < len(heads) else len(text), start + SECTION_CHARS)
        end = text.find("\n\n", start, limit)
        out.append((start, limit if end == -1 else end))
    return out


# "Talked Arjun through wide-arc turning", "walked her through bench position", "showed Rosemarie how to model
# key-word signs": a step-by-step walk-through or a how-to is a technique taught, whatever its words
_HOW_TO = re.compile(
    r"\b(?:showed|shown|show|taught|teach|instructed|coached|talked|walked|took|guided)\s+(?:[\w'’-]+\s+){1,3}?"
    r"(?:how\s+to|through)\s+(?P<what>[^.;\n]{3,120})",
    re.I,
)
_PEOPLE_WORDS = re.compile(
    r"\b(?:wife|husband|spouse|daughter|son|mother|father|mom|dad|parents?|sister|brother|friend|neighbou?r"
    r"|caregivers?|aide|unpaid|paid|consent)\b",
    re.I,
)
_ITEM_MARK = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+(?P<item>[^\n]+)")
MIN_CONTENT_WORDS = 3


def _content_words(body: str) -> int:
    return len([w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", body) if w.lower() not in _GENERAL_WORDS])


def _how_to(text: str) -> list[tuple[int, int]]:
    """Walk-throughs and how-tos taught ("talked X through ...", "showed X how to ...") naming what, in words that
    are not general education."""
    return [m.span("what") for m in finditer(_HOW_TO, text) if _content_words(m["what"]) >= 2][:4]


def _section_items(text: str, sections: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The bulleted items under a training heading ("Trained:" over "- 5-step picture schedule for dressing"): each
    item names what was taught, unless it names who was (a relative, the consent)."""
    out = []
    for start, end in sections:
        pos = start + 1
        while pos < end and (m := _ITEM_MARK.match(text, pos)) is not None and m.end() <= end:
            item = m["item"]
            if _content_words(item) >= MIN_CONTENT_WORDS and not _PEOPLE_WORDS.search(item):
                out.append(m.span("item"))
            pos = m.end() + 1
    return out


def _content_lines(text: str) -> list[tuple[int, int]]:
    """'Taught: listener strategies, key-word writing, ...' lines: the list itself is the content."""
    out = []
    found = list(line_finditer(_CONTENT_LABEL, text, _CONTENT_LINE))
    found += [m for m in finditer(_TAUGHT_LINE, text, _TAUGHT_VERBS) if not _PEOPLE_WORDS.match(m["body"])]
    for m in found:
        body = m.group("body")
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", body) if w.lower() not in _GENERAL_WORDS]
        if len(words) >= 3:
            out.append((m.start("body"), m.end("body")))
    return out


@check
def return_demo(ctx: Context) -> Outcome:
    documented, negated = find_return_demo(ctx.ex)
    by_paid = _paid_split(ctx)["demo"]
    theirs = caregivers_demo(ctx, documented, by_paid)
    if documented and not theirs:  # hostile15 #17: the paid aide demonstrated, the trained daughter did not
        return Outcome("missing", "The return demonstration was done by a paid person, not by the caregiver "
                       "trained.", by_paid[:3])
    documented = theirs
    if documented:
        return Outcome("met", "The caregiver's return demonstration or teach-back is documented.", documented[:3])
    if negated:
        return Outcome("missing", "The note says no return demonstration was done.", negated)
    rd = [m.span() for m in _RD_PERFORMED.finditer(ctx.ex.text)][:3]
    if rd:
        return Outcome(
            "unclear", "'RD' with a count or result may be a return demonstration, but RD also means registered "
            "dietitian: write it out.", rd
        )
    return Outcome("missing", "No return demonstration or teach-back is documented.")


# "RD x2 indep after cues", "RD correct": the abbreviation with a count or result reads as a return demonstration, but
# RD is also the registered dietitian, so it is neither met nor missing
_RD_PERFORMED = re.compile(
    r"(?<![\w/])RD(?:'?d)?\b(?=[ \t:-]*(?:[x×]\s?\d|\d+\s?[x×]|times\s+\w+|(?:was\s+|were\s+)?(?i:indep\w*|correct\w*"
    r"|accurate\w*|safe(?:ly)?\b|successful\w*|with\s+cues|w/\s?cues|after\s+cues|good|fair|poor|min\s+cues|mod\s+cues)))"
)


_HANDOUT_AFTER = re.compile(
    r"[ \t]+(?:[\w-]+[ \t]+)?(?:handouts?|brochures?|booklets?|pamphlets?|leaflets?|sheets?)\b", re.I
)


_HANDS_PLACED = re.compile(r"[ \t]+(?:the|his|her|their|its|a|an|each|both|top|to)\b", re.I)
_EDIT_AFTER = re.compile(
    r"[ \t]+by[ \t]+(?:the[ \t]+)?(?:author|writer|editor)\b|[ \t]+(?:on[ \t]+)?\d{1,2}/\d{1,2}", re.I
)
# "taught colon heel slides comma straight leg raise cueing": a bare cue word in the list of what was taught is the
# caregiver's cueing (content), not the therapist's
_CUE_WORDS = frozenset({"cue", "cues", "cued", "cueing"})
_TAUGHT_OPENS = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?(?:taught|trained|instructed|covered|techniques(?:[ \t]+taught)?)(?:[ \t]*:|[ \t]+colon\b)",
    re.I,
)
_SENTENCE_STOP = re.compile(r"\.(?:\s|$)|\bperiod\b", re.I)
ITEM_LINE_REACH = 300


def _taught_item(text: str, c: Concept) -> bool:
    """A bare cue word inside the taught list its line opens with, before that list's sentence ends."""
    if c.text.lower() not in _CUE_WORDS:
        return False
    start = max(text.rfind("\n", max(0, c.start - ITEM_LINE_REACH), c.start) + 1, c.start - ITEM_LINE_REACH)
    opens = _TAUGHT_OPENS.match(text, start, c.start)
    return opens is not None and _SENTENCE_STOP.search(text, opens.end(), c.start) is None


@check
def skilled_need(ctx: Context) -> Outcome:
    text = ctx.ex.text
    # "with son's cueing" is the caregiver's cueing, not the therapist's skill
    found = [
        c
        for c in ctx.ex.of("SKILLED", negated=False)
        if not _POSSESSIVE_BEFORE.search(text[max(0, c.start - 12) : c.start])
        # "gave wife the lymphedema precautions handout": the handout's title, not a precaution the therapist applied
        and not _HANDOUT_AFTER.match(text, c.end)
        and not _taught_item(text, c)
        # "with both hands on the grips": where the hands go, not hands-on care; "Corrected by author 7/29": an edit
        and not (c.text.lower() == "hands on" and _HANDS_PLACED.match(text, c.end))
        and not _EDIT_AFTER.match(text, c.end)
    ]
    if found:
        return Outcome(
            "met", "The note shows why a therapist's skill was needed.", [(c.start, c.end) for c in found[:3]]
        )
    return Outcome(
        "missing", "Nothing shows why a therapist's skill was needed (risk, precautions, correction, feedback)."
    )


@check
def provider(ctx: Context) -> Outcome:
    slpa = [span for role, span in ctx.roles if role == "SLPA"]
    if slpa:
        return Outcome(
            "problem", "The service was furnished by an SLP assistant, whom Medicare does not recognise.", slpa
        )
    # "SLP TELEHEALTH NOTE", "PT caregiver session": a heading names the discipline, not who furnished it
    roles = [(role, span) for role, span in ctx.roles if not _note_heading(ctx.ex.text, span)]
    if roles:
        names = ", ".join(sorted({role for role, _ in roles}))
        return Outcome("met", f"Furnished by: {names}.", [span for _, span in roles][:3])
    return Outcome("missing", "Who furnished the service, with credentials, is not documented.")


_HEADING_AFTER = re.compile(
    r"[ \t]*(?:[-/|:]\s*)?(?:telehealth|tele|caregiver|cg|cts|session|training|note|visit|daily|progress|treatment"
    r"|tx|home|group|education|department|dept)\b",
    re.I,
)


def _note_heading(text: str, span: tuple[int, int]) -> bool:
    """A credential that opens its line and is followed by the kind of note, not a name."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    return not text[line_start : span[0]].strip() and bool(_HEADING_AFTER.match(text, span[1]))
