"""Return demonstration / teach-back: where the note shows the caregiver doing what was taught.

Documented (docs/CONVENTIONS.md): a return demonstration or teach-back with its result; a failed
or cued attempt counts. Not documented: "no return demo today", a plan for next time, or nothing.
Besides the phrase lists (nlp.py), a sentence documents it when the caregiver (by relationship,
by name or as "he"/"she") does something and the sentence gives the result ("Doris demonstrated
the step-up correctly after one cue", "He guarded me on the stairs three times").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.notes.scan import finditer, sparse_search

if TYPE_CHECKING:
    from assistant.notes.extract import Extraction

_CAREGIVER = (
    r"caregivers?|cgs?|c/g|wife|husband|husb|spouse|son|daughter|dtr|daughter-in-law|son-in-law|mother|mom|father|dad"
    r"|parents?"
    r"|partner|friend|neighbou?r|aide|cna|sister|brother|grand(?:son|daughter|mother|father)|niece|nephew|both|each"
    r"|family|he|she|they"
)
_VERB = (
    r"demonstrated|demo'd|demoed|demonstrates|performed|performs?|completed|practi[cs]ed|guarded|did"
    r"|mixed|prepared|prepped|made|set up|used|improved"
    r"|transferred|changed|applied|donned|doffed|cued|positioned|repeated|explained|taught|showed|walked|assisted"
    r"|managed"
    r"|operated|measured|thickened|fed|checked|inspected|turned|rolled|boosted|moved|coached|led|stated|verbalized"
    r"|recalled|identified|named|marked|returned|role-played|role played|tried|attempted|was able to|were able to"
    r"|modeled|modelled|cut|filled|loaded|ran|poured|fastened|placed|wrote|labell?ed|sorted|needed|handled|tested"
    # equipment handled in oxygen, prosthetic and feeding training: "Lia swapped the tank and set flow correctly"
    r"|swapped|switched|attached|connected|adjusted|cleaned|emptied|primed|programmed|locked|lifted|pushed|steered"
    r"|folded|timed|recorded|logged|monitored|wrapped|secured|strapped|buckled|sequenced|prompted|redirected|set"
    r"|(?-i:RD|RTD)"  # "Jolene RD: good, 1 cue for knee block": the abbreviation as the verb
)
_RESULT = re.compile(
    r"\b(?:correct(?:ly|ed|ion)?|accurate(?:ly)?|indep\w*|safe(?:ly)?|without (?:cues?|help|assist\w*|errors?"
    r"|prompt\w*)"
    r"|cue[sd]?|vc|reminders?|after (?:one|1|two|2|a|the first)|(?:2nd|second|3rd|third|final|last) (?:trial|attempt"
    r"|round|try)"
    r"|x ?\d|\d ?(?:x|times)|times|twice|passed|success\w*|well|steady|consistent\w*|back|errors?|on (?:camera|a model)"
    r"|proper(?:ly)?|good|unable|difficulty|needed|once|right|accuracy|[0-9]+ of [0-9]+|percent|%|prompt(?:s|ed)?"
    r"|[0-9]+ ?/ ?[0-9]+ (?:trials?|turns?|attempts?|tries|opportunities|times)"
    r"|on (?:her|his|their) own"
    r"|ok|okay)\b",  # "Son did them w/ me, ok."
    re.I,
)
# "Wife demonstrated ..." is a return demonstration even without its result; other verbs need one
_STRONG = re.compile(
    r"demonstrated|demo'd|demoed|demonstrates|performed|practi[cs]ed|role-played|role played|improved", re.I
)
# "Both caregivers demonstrated ..." names them; "They demonstrated" alone needs a result
_PRONOUN = re.compile(
    r"(?:he|she|they|both|each)\b(?!\s+(?:of\s+(?:them|the)\s+)?(?:caregivers?|cgs|parents|trainees))", re.I
)
# "1 VC to dtr re: gait belt", "needed one cue for the son": a cue given to the caregiver means they performed
_CUE_TO_CAREGIVER = re.compile(
    r"\b(?:\d|one|two|three|min|mod|several)\s*(?:vcs?|verbal cues?|cues?|reminders?|corrections?)\s+(?:to|for)\s+"
    rf"(?:the\s+|his\s+|her\s+|their\s+)?(?:{_CAREGIVER.replace('|he|she|they', '')})\b",
    re.I,
)
# "she has early dementia and needs set up": a need, not something the caregiver did
_NOT_DONE_BEFORE = re.compile(
    r"\b(?:not|no|never|did not|didn't|will|to|plan to|next|needs?|requires?)\s+(?:\w+\s+)?$", re.I
)
_FUTURE_WORDS = (
    r"next (?:session|visit|cts|time|week)|will (?:check|assess|complete|review|demonstrate|practice|return)"
    r"|plan(?:ned)? to|to be (?:done|completed|assessed)|f/u"
)
# ... not a possessive: "filled out next week's grid" names what was done, not a plan
_FUTURE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b(?!['’]s\b)", re.I)
_NAME_AFTER = re.compile(
    # "partner of 30 yrs, Henrik", "Husband of pt, Theo": the name after what the relationship is of
    r"^(?:\s+of\s+(?:the\s+)?(?:pt|patient|\d+\+?\s*(?:yrs?|years?))\b)?"
    # on the relationship's own line, and not the next field's label ("Caregiver: son\nTaught: ...")
    r"[ \t,:(-]*(?:is\s+|named\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Mister|Missus)\.?\s+)?([A-Z][a-z]{2,})\b(?![ \t]*:)"
)
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]{2,}),?\s*\(?(?:the\s+)?(?:pt's|patient's|his|her|their)?\s*$")
# "Pilar Ibarra (wife": the first name before the surname (a surname may be the patient's too: not added)
_FIRST_NAME_BEFORE = re.compile(
    r"\b([A-Z][a-z]{2,})\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?,?\s*\(?(?:the\s+)?(?:pt's|patient's|his|her|their)?\s*$"
)
_ABOUT_BEFORE = re.compile(r"\b(?:re|regarding|about|concerning)\b:?\s+(?:(?:their|his|her)\s+)?$", re.I)
_LABELLED_NAME = re.compile(
    # on its own line: "Caregiver: son\nTaught: ..." names no one "Taught"
    r"\b(?:[Cc]aregivers?|CG|[Tt]rainee|[Tt]rained)[ \t]*[:\-]?[ \t]*(?:(?P<word>[a-z]+)[ \t]+)?([A-Z][a-z]{2,})\b"
)
# "Doris demonstrated the step-up": a first name doing a return-demonstration verb is the trainee
_NAMED_DEMO = re.compile(
    r"\b(?P<name>[A-Z][a-zà-öø-ÿ]{2,})\s+(?:then\s+)?(?:return[- ])?(?:demonstrated|demo'd|performed|practi[cs]ed"
    r"|role-played)\b"
)
# "Joaquín demo: ramp guarding x2 correct": a first name's own demonstration label, with its result on the line
_NAMED_DEMO_LABEL = re.compile(
    r"\b(?P<name>[A-Z][a-zà-öø-ÿ]{2,})\s+(?:return\s+)?demo(?:nstration)?\s*:(?P<body>[^\n]*)"
)
_NOT_NAMES = frozenset(
    {
        "Patient",
        "Caregiver",
        "The",
        "His",
        "Her",
        "Their",
        "And",
        "With",
        "Trained",
        "Date",
        "Need",
        "She",
        "They",
        "Therapist",
        "Clinician",
        "This",
        "Then",
        "Each",
        "Both",
        "Who",
        "Also",
        "Pt",
        "Slp",
        "Ota",
        "Pta",
        "Cota",
        "Technique",
    }
)

_ATTEMPT_RESULT = re.compile(
    r"\b(?:then|and then)\s+(?:did well|correct(?:ly)?|safe(?:ly)?|accurate(?:ly)?|independent(?:ly)?|effective)\b"
    r"|\b(?:2nd|second|3rd|third|next|final)\s+(?:attempt|trial|try)\s+(?:was\s+)?(?:passed|correct|safe|successful)\b"
    # "got the consistency right on the second try": a later attempt's result documents the attempts
    r"|\b(?:correct|right) on (?:the )?(?:2nd|second|3rd|third)\b"
    # "-> corrected; safe on 2 more trials": the later attempts' result
    r"|\b(?:safe|correct|accurate|independent|successful)\s+(?:on|for|in|x)\s*(?:the\s+)?(?:\d|two|three|four|five"
    r"|all|both)\s+(?:more\s+|further\s+|subsequent\s+|following\s+)?(?:trials|tries|attempts|reps|repetitions)\b",
    re.I,
)
_NEGATION_INSIDE = re.compile(r"\b(?:not|never|unable|didn't|couldn't|wasn't|failed)\b", re.I)
# "Ines put on and took off both splints correctly after one demonstration": the caregiver, by name, doing the task
# with its result in the same clause
_NAMED_DID_WELL = re.compile(
    r"\b(?P<name>[A-Z][a-zà-öø-ÿ]{2,})\s+(?:then\s+)?(?:[a-z]+ed|put|did|set|took|made|got|gave|ran|fed|drew|wrote"
    r"|held|led|hung|spun)\b[^.;\n]{0,80}?\b(?:correctly|safely|accurately|properly|independently"
    r"|without\s+(?:cues|assistance|errors))\b"
)
_NOT_BEFORE = re.compile(r"\b(?:not|no|never|unable to|did not|didn't)\s+(?:\w+\s+)?$", re.I)
# "Return: dtr guarded PT on the stairs x3" / "RD: indep" / "Teach-back: accurate": the label names the element
_RD_LABEL = re.compile(
    # at a line start, or a sentence start inside a line ("O: Pt up in w/c ... RD: dtr SPT x3, min VC")
    r"(?:^|(?<=[.;]\s))[ \t]*(?:[-*•][ \t]*)?(?:return(?:[ \t]+demo(?:nstration)?s?)?|rd|rtd|tb|teach[- ]?back"
    r"|return demo ?/ ?teach[- ]?back"
    r"|(?:caregiver|cg|trainee|his|her|their) (?:performance|return)|competency)"
    r"(?:[ \t]+(?:by|from)[ \t]+(?:[\w'-]+[ \t]?){1,3}?)?"
    # "RD ✓ x3, last 2 indep": a ticked label opens its result as a colon does
    r"(?:[ \t]+x[ \t]?\d)?[ \t]*(?:[:=-]|(?=[✓✔☑]))[ \t]*(?P<body>[^\n]*\w[^\n]*)",
    re.I | re.M,
)
# "CG RD x1, min VC for hand on door frame": the abbreviation after the caregiver who did it
_CAREGIVER_RD_WORDS = rf"\b(?:{_CAREGIVER.replace('|he|she|they', '')})\s+(?:RD|RTD|TB)\b"  # every match's text
_CAREGIVER_RD = re.compile(rf"{_CAREGIVER_RD_WORDS}(?!\s*(?:next|pending|deferred))", re.I)
# "with me acting as her mother", "PAS w/ SLP as pt", "with OT role-playing the pt": the therapist stood in for
# the patient, so the caregiver performed the technique; it documents the return demonstration with a result
_STAND_IN = re.compile(
    r"\b(?:with|w/)\s+(?:me|the therapist|therapist|PT|OT|SLP|OTR|PTA|COTA|OTA|SLPA|clinician)\s+"
    r"(?:(?:acting\s+as|playing|role[- ]?playing|as)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:patient|pt|client"
    r"|mother|father|mom|dad|husband|wife|spouse|partner|son|daughter|grand\w+|him|her)\b"
    r"|(?:acting\s+as|playing|role[- ]?playing)\s+(?-i:[A-Z][a-z]+)\b)"  # "with me acting as Mateo"
    # "Abena dressed me as pt", "used the sock aid on OT as patient": the therapist was the stand-in
    r"|\b(?:me|(?-i:PT|OT|SLP|OTR|PTA|COTA|OTA))\s+as\s+(?:the\s+|a\s+)?(?:patient|pt)\b",
    re.I,
)
STAND_IN_REACH = 120
_RD_NOT_DONE = re.compile(
    # "n/a" as a word: "RD: named 3/3 strategies" is a result
    r"^\W*(?:none\b|n/?a\b|no\b|not\b|deferred|pending|declined|refused|unable to (?:assess|complete)|tbd)", re.I
)
# a field's answer after its label, across a flowsheet's dot leader: "Return demonstration .. N/A", "RD: none"
_ANSWERED_NOT_DONE = re.compile(
    r"[ \t]*(?:\.{2,}|[:=|-])[ \t.:=|-]*(?:n/?a|none|not (?:done|performed|completed|assessed)|deferred|tbd"
    r"|no[ \t]*(?:$|[(,;-]))",
    re.I | re.M,
)
_QUALIFIED_WORDS = r"correctly|safely|accurately|properly|fully|independently|without (?:cues|assistance|errors)"
_RD_QUALIFIED = re.compile(rf"\b(?:{_QUALIFIED_WORDS})\b", re.I)


def caregiver_names(ex: Extraction) -> set[str]:
    """First names given to the caregiver: "wife Pamela", "Doris (neighbor)", "son, Konrad"."""
    if "caregiver_names" not in ex.memo:
        ex.memo["caregiver_names"] = _caregiver_names(ex)
    return set(ex.memo["caregiver_names"])


def _caregiver_names(ex: Extraction) -> set[str]:
    text = ex.text
    names: set[str] = set()
    for c in ex.of("RELATIONSHIP", negated=False) + ex.of("PAID_CAREGIVER", negated=False):
        if _ABOUT_BEFORE.search(text, max(0, c.start - 16), c.start):
            continue  # "parent training re: son Arjun": whom the training is about is the patient
        after = _NAME_AFTER.match(text[c.end : c.end + 30])
        before = _NAME_BEFORE.search(text[max(0, c.start - 30) : c.start])
        first = _FIRST_NAME_BEFORE.search(text[max(0, c.start - 40) : c.start])
        names.update(m.group(1) for m in (after, before, first) if m)
    # "the caregivers of Walter Kim": the name after "of"/"for" is the patient's
    names.update(m.group(2) for m in finditer(_LABELLED_NAME, text) if m["word"] not in ("of", "for"))
    return names - _NOT_NAMES


# the result may run onto a hard-wrapped next line, not past a blank line or into a labelled field;
# a title's stop ("...; Mr. Lee correct after 1 cue") does not end the sentence
_WRAP = r"\n(?![ \t]*\n)(?![ \t]*[\w /-]{1,24}:)"
_REST = rf"(?:[^.\n]|(?:(?<=\bMr)|(?<=\bMs)|(?<=\bDr)|(?<=\bMrs))\.|{_WRAP}){{0,160}}"
# what follows the subject: its verb, within reach (the subject and its verb may sit either side of a hard wrap:
# "... She\nperformed two transfers"), and the rest of the sentence
_AFTER_SUBJECT = rf"\b(?:[^.;\n]|{_WRAP}){{0,40}}?\b(?P<verb>{_VERB})\b(?P<rest>{_REST})"
_NAME_ACTS = re.compile(_AFTER_SUBJECT, re.I)
_ASCII_NAME = re.compile(r"[A-Za-z]+")
MAX_NAMES_READ = 8  # names looked up one by one; more (a roster) go to the pattern of them all


@lru_cache(maxsize=1)
def _caregiver_subject() -> tuple[re.Pattern[str], str]:
    return _subject_pattern(frozenset())


def _subject_pattern(names: frozenset[str]) -> tuple[re.Pattern[str], str]:
    """The subject-verb-result pattern, and its subject and verb alone (where a match can start, for RE2)."""
    who = _CAREGIVER + "".join("|" + re.escape(n) for n in sorted(names))
    head = rf"\b(?:{who}){_AFTER_SUBJECT}"
    # where a match can start, for RE2: the head without its look-aheads (a wider net, never a narrower one)
    starts = rf"\b(?:{who})\b[^.;]{{0,40}}?\b(?:{_VERB})\b"
    return re.compile(head, re.I), starts


def _names_act(text: str, names: frozenset[str]) -> bool:
    """Whether one of the caregiver's names may open a match of the subject pattern. When none can, the pattern of
    the caregiver words alone finds the same matches, compiled once: a pattern of this note's names costs ~3 ms to
    compile (Python's and RE2's), about a whole check. A name can open a match only where the note writes it with
    what follows a subject after it (the same pattern, tried there); in an ASCII note an ASCII name is found by
    lower-casing both."""
    if not names:
        return False
    if len(names) > MAX_NAMES_READ or not text.isascii() or not all(_ASCII_NAME.fullmatch(n) for n in names):
        return True
    lower = text.lower()
    for name in names:
        key = name.lower()
        at = lower.find(key)
        while at != -1:
            if _NAME_ACTS.match(text, at + len(key)):
                return True
            at = lower.find(key, at + 1)
    return False


# a line opened by a goal's label: what it says the caregiver does is the goal
_GOAL_LINE = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?(?:(?:plan of care|poc|ltg|stg|functional|caregiver|cg)\s+)?(?:goals?|poc|ltg|stg)\b"
    r"[^:\n]{0,30}:",
    re.I,
)
_SENTENCE_STOP = re.compile(r"[.;!?]\s")


def _in_goal(text: str, pos: int) -> bool:
    """Whether `pos` is in the sentence a goal label opens ("POC goal: ...", not the next sentence on its line)."""
    goal = _GOAL_LINE.match(text, text.rfind("\n", 0, pos) + 1, pos + 1)
    return goal is not None and _SENTENCE_STOP.search(text, goal.end(), pos) is None


# "Tenille demo x2, good after 1 cue": the caregiver's bare "demo" with its result in the sentence
_BARE_DEMO = re.compile(r"\b(?P<name>[A-Za-zà-öø-ÿ]{2,})\s+(?:return\s+|ret\.?\s+)?demo\b(?P<body>[^.\n]{0,80})")


_RESULT_BEFORE = re.compile(
    r"\b(?:correctly|accurately|safely|independently|properly|competently|successfully)\s+$", re.I
)


def _acted(ex: Extraction) -> list[tuple[int, int]]:
    """Sentences where the caregiver does something and the result is given."""
    out = []
    names, text, pos = frozenset(caregiver_names(ex)), ex.text, 0
    pattern, head = _subject_pattern(names) if _names_act(text, names) else _caregiver_subject()
    # RE2 finds each subject and verb (Python tried the verbs at every place after every "he" and "she": ~1 ms)
    while (m := sparse_search(pattern, text, head, pos)) is not None:
        # a rejected match ("how to set up ... Simone did it back") must not hide the next subject inside it
        pos = m.end("verb")
        if _NOT_DONE_BEFORE.search(text[max(0, m.start("verb") - 20) : m.start("verb")]):
            continue
        if _in_goal(text, m.start()):
            continue  # "Goal (POC LTG 1): mother performs lift transfers safely" is the target, not an attempt
        strong = _STRONG.fullmatch(m["verb"]) and not _PRONOUN.match(m.group(0))
        # the result may be said right before the verb: "She correctly mixed thickened liquid"
        result = _RESULT.search(m["rest"]) or _RESULT_BEFORE.search(text, m.start(), m.start("verb"))
        if (strong or result) and not _FUTURE.search(m.group(0)):
            out.append((m.start(), m.end("verb")))
            pos = m.end()
    if not out:
        out = [m.span() for m in _CUE_TO_CAREGIVER.finditer(text) if not _FUTURE.search(ex.line(m.start()))]
    return out


def _stand_in(ex: Extraction) -> list[tuple[int, int]]:
    """A role play with the therapist as the patient, its result within reach, not a plan."""
    text = ex.text
    return [
        m.span()
        for m in _STAND_IN.finditer(text)
        if _RESULT.search(text, m.end(), m.end() + STAND_IN_REACH)
        and not _FUTURE.search(text, max(0, m.start() - 60), m.end())
        and not _NOT_DONE_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
    ]


# a caregiver doing the task on a stand-in object: "applied a new wafer on the model", "bathed the doll"
_ON_MODEL = re.compile(
    r"\b(?:on|with|using|to)\s+(?:the\s+|a\s+|an\s+)?(?:(?:practice|training|teaching|demo)\s+)?"
    r"(?:model|doll|mannequin|manikin|simulator|practice\s+(?:pad|arm|pouch|stoma|leg|site))\b",
    re.I,
)
MODEL_REACH = 100
_CAREGIVER_WORD = re.compile(rf"\b(?:{_CAREGIVER.replace('|he|she|they', '')})\b", re.I)


def _on_model(ex: Extraction) -> list[tuple[int, int]]:
    """The caregiver's practice on a model or doll, with its result in the same sentence, not a plan."""
    text, out = ex.text, []
    names = caregiver_names(ex)
    for m in _ON_MODEL.finditer(text):
        a = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - MODEL_REACH) + 1
        before = text[a : m.start()]
        named = _CAREGIVER_WORD.search(before) or any(n in before for n in names)
        if (
            named
            and _RESULT.search(text, m.end(), m.end() + MODEL_REACH)
            and not _FUTURE.search(before)
            and not _NOT_DONE_BEFORE.search(before[-20:])
        ):
            out.append((a, m.end()))
    return out


def find_return_demo(ex: Extraction) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(documented, explicitly not done) spans of the return demonstration."""
    documented = []
    # the sentence searches only when the note has their words (a match in a slice is one in the note)
    future, qualified = ex.may_contain(_FUTURE_WORDS), ex.may_contain(_QUALIFIED_WORDS)
    answered_no = []
    for c in ex.of("RETURN_DEMO"):
        if _ANSWERED_NOT_DONE.match(ex.text, c.end):
            answered_no.append((c.start, c.end))  # "Return demonstration .. N/A": the field answered, not done
            continue
        sentence = ex.text[c.sent_start : c.sent_end]
        if future and _FUTURE.search(sentence) and not (qualified and _RD_QUALIFIED.search(sentence)):
            continue  # "Return demo of car transfer next CTS" is a plan
        if not c.negated or (qualified and _RD_QUALIFIED.search(ex.text[c.end : c.end + 60])):
            documented.append((c.start, c.end))
    if not documented:
        documented = [m.span("body") for m in _RD_LABEL.finditer(ex.text) if not _RD_NOT_DONE.match(m["body"])]
    negated = [(c.start, c.end) for c in ex.of("RETURN_DEMO", negated=True)] + answered_no
    if not documented and answered_no:
        # the field is answered not done ("Return demo: not done today"): the weaker cues below (a model, a role
        # play, an attempt's result) are not read against it ("PT explained each precaution w/ demonstration on the
        # model" is the therapist's demonstration); a negation inside a sentence ("did not need any cues during her
        # return demonstration") is no such answer
        return [], negated
    if not documented:
        documented = [m.span() for m in finditer(_CAREGIVER_RD, ex.text, _CAREGIVER_RD_WORDS)]
    if not documented:
        documented = _stand_in(ex) or _on_model(ex)
    if not documented:
        # "Pilar set up the station and coached ...; needed two cues, then did well"
        documented = [
            m.span()
            for m in finditer(_ATTEMPT_RESULT, ex.text)
            if not _NOT_BEFORE.search(ex.text[max(0, m.start() - 25) : m.start()])
        ]
    if not documented:
        documented = _acted(ex) or [
            m.span()
            for m in _NAMED_DEMO.finditer(ex.text)
            if m["name"] not in _NOT_NAMES and not _NOT_DONE_BEFORE.search(ex.text[max(0, m.start() - 20) : m.start()])
        ]
    if not documented:
        names = caregiver_names(ex)
        documented = [
            m.span()
            for m in _NAMED_DID_WELL.finditer(ex.text)
            if m["name"] in names and not _NEGATION_INSIDE.search(ex.text, m.start(), m.end())
        ]
    if not documented:
        documented = [
            m.span()
            for m in _NAMED_DEMO_LABEL.finditer(ex.text)
            if m["name"] not in _NOT_NAMES and _RESULT.search(m["body"]) and not _RD_NOT_DONE.match(m["body"])
        ]
    if not documented:
        documented = _bare_demo(ex) or _named_line(ex)
    return documented, negated


# "Istvan: thickener prep correct 2nd try": a line the caregiver's first name labels, with a result of an attempt
_NAME_LINE = re.compile(r"^[ \t]*(?P<name>[A-Z][a-zà-öø-ÿ]{2,})[ \t]*:(?P<body>[^\n]{3,160})", re.M)
_ATTEMPT_WORDS = re.compile(
    r"\b(?:correct(?:ly)?|accurate(?:ly)?|indep\w*|safe(?:ly)?|x ?\d|\d+ ?/ ?\d+|(?:1st|2nd|3rd|first|second|third)"
    r" (?:try|attempt|trial)|after \d cues?|with \d cues?)\b",
    re.I,
)


def _named_line(ex: Extraction) -> list[tuple[int, int]]:
    names = caregiver_names(ex)
    return [
        m.span()
        for m in _NAME_LINE.finditer(ex.text)
        if m["name"] in names and _ATTEMPT_WORDS.search(m["body"]) and not _RD_NOT_DONE.match(m["body"])
    ]


def _bare_demo(ex: Extraction) -> list[tuple[int, int]]:
    """A caregiver named, then "demo" and its result: "Tenille demo x2, good after 1 cue"."""
    names = caregiver_names(ex)
    return [
        m.span()
        for m in _BARE_DEMO.finditer(ex.text)
        if (m["name"] in names or _CAREGIVER_WORD.fullmatch(m["name"]))
        and _RESULT.search(m["body"])
        and not _RD_NOT_DONE.match(m["body"])
        and not _FUTURE.search(m["body"])
    ]
