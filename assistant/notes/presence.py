"""Whether the patient was present during the caregiver training, with the words that say so.

A PRESENCE/ABSENCE phrase speaks of whoever is named closest before it on its line (the
patient, or a caregiver); templates ("Patient present: No") and whereabouts ("pt was at his
dialysis appointment") are read directly. Every scan is bounded to the phrase's line window,
so the cost stays linear in the note.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from assistant.notes import grid
from assistant.notes.actors import header_people, kin_away, patient_acted
from assistant.notes.addenda import find_entries
from assistant.notes.demo import caregiver_names
from assistant.notes.lines import MAX_MENTIONS, join_hyphenated, words_of
from assistant.notes.scan import finditer, spans, sparse_finditer
from assistant.notes.vocabulary import PATIENT_REFS
from assistant.notes.where_asked import asked_where
from assistant.notes.whereabouts import arrivals_during, entry_minute, outside_training, whereabouts

if TYPE_CHECKING:
    from assistant.notes.extract import Extraction
    from assistant.notes.nlp import Concept

Span = tuple[int, int]
_PATIENT_WORDS = r"\b(?:" + "|".join(re.escape(w) for w in PATIENT_REFS) + r")s?\b"
_PATIENT_WORD = re.compile(_PATIENT_WORDS + r"(?!'s|’s)", re.I)
_POSSESSIVE = ("'s", "’s")
# Possessives ("at son's house") name a place, not who was present.
_CAREGIVER_WORDS = (
    # ... "care givers" as a dictation writes it
    r"\b(?:caregivers?|care givers?|cg|cgs|c/g|family|families|family members|wife|husband|spouse|daughter|dtr|son|sp"
    r"|mother"
    r"|father|mom"
    r"|dad|parents?|aide|neighbou?r|friend|sister|brother|poa)s?\b"
)
_PATIENT_AND = re.compile(
    r"\b(?:patient|pt)\s*(?:and|&|\+|,)\s*(?:his|her|their)?\s*\w+(?:\s+\w+)?\s+(?:were|was|are)?\s*(?:both\s+)?"
    r"(?:present|in the room|participat\w*|attended)",
    re.I,
)
_COMPOUND_BEFORE = re.compile(r"(?:patient|pt)-$", re.I)
# "caregivers of two patients", "the caregivers of Walter Kim attended": the caregivers are the subject
_CAREGIVERS_OF = re.compile(
    r"\b(?:caregivers?|care\s+givers?|families)\s+(?:of|for)\s+(?:(?:[\w-]+\s+){0,3}(?:patients?|pts?|clients?)\b"
    r"|(?:(?:Mr|Mrs|Ms)\.?\s+)?(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\b)",
    re.I,
)
# "Patient was at his dialysis appointment during this session"
_AWAY_BODY = (
    r"\b(?:patients?|pts?|residents?|clients?|(?:Mr|Mrs|Ms|Mister|Missus)\.?\s+[A-Z][a-z]*|he|she)\b[^.;\n]{0,25}?"
    r"\b(?:was|is|were|are|remained|stayed|went|had gone|out|left)\s+(?:at|to|attending|out|with|for)\s+"
    r"(?:his|her|their|the|a|an)?\s*(?:[\w'-]+\s+){0,4}?(?:appointment|appt|program|school|dialysis|work|class|church"
    r"|center|rehab|hospital|graduation|recital|lunch|store|errands?|homes?|nap|sleep|bed|barber\w*|clinic|lab|respite"
    r"|day health|day care|memory care|sister's|brother's|daughter's|son's|friend's|follow[- ]?up|dentist\w*"
    r"|doctor|physician|surgery|procedure|infusion|chemo\w*|radiation|imaging|x-ray|mri|blood work|pharmacy"
    r"|mass|temple|party|wedding|funeral|hairdresser|salon|activity hall|activities)\b"
    # "Visit type: caregiver training -- patient away from home", "pt out of the house the whole visit"
    r"|\b(?:patients?|pts?|clients?|residents?)\s+(?:(?:was|is|were|are)\s+)?(?:away|out)\s+(?:from|of)\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+)?(?:home|house|clinic|room|building)\b"
    # "Pt was out: church senior lunch": out, then where ("was out of breath" has no stop after "out")
    r"|\b(?:patients?|pts?|clients?|residents?)\s+(?:was|were)\s+out\s*[:;,(–—-]"
    # "Families present (the clients themselves were not -- all at the day program)": the presence word left out
    r"|\b(?:patients?|pts?|clients?|residents?)\s+(?:themselves\s+|himself\s+|herself\s+)?(?:was|were)\s+not"
    r"[ \t]*(?:--|[–—(:;,)])"
    # "Residents remained on the unit" while their families trained elsewhere
    r"|\b(?:patients?|pts?|residents?)\b[^.;\n]{0,15}?\b(?:remained|stayed)\s+on\s+(?:the|their)\s+(?:unit|ward|floor)\b"
    # the caregiver's relative away at a visit of their own is the patient: "while his mother was at her follow-up"
    r"|\bwhile\s+(?:his|her)\s+(?:mother|father|mom|dad|wife|husband)\s+(?:was|were)\s+(?:at|in)\s+"
    r"(?:his|her|the|a|an)?\s*(?:[\w'-]+\s+){0,2}?(?:appointment|appt|follow[- ]?up|dialysis|doctor|clinic|infusion"
    r"|surgery|procedure|day program)\b"
    # "while her mother stayed at home": the caregiver's relative who stayed away is the patient
    r"|\bwhile\s+(?:his|her)\s+(?:mother|father|mom|dad|wife|husband)\s+(?:stayed|remained|was|were)\s+(?:at\s+)?home\b"
)
_AWAY = re.compile(r"(?=[PpMmHhSsRrCcWw])" + _AWAY_BODY, re.I)
# "Pt's son reports dad had 3 falls", "daughter states mom ...": the relative a caregiver reports on is the patient
_KIN_REPORTED = re.compile(
    r"\b(?:son|daughter|dtr|wife|husband|spouse|mother|father|mom|dad|sister|brother|caregiver|cg)\s+(?:reports?"
    r"|reported|says|said|states?|stated|notes?|noted)\s+(?:that\s+)?(?:her\s+|his\s+|their\s+)?"
    r"(?P<kin>mom|dad|mother|father|husband|wife)\b",
    re.I,
)
# "a caregiver training session with her daughter Pilar ... mom was right there": the trainee is the patient's
# child, so the parent word of the patient's gender names the patient
_CHILD_TRAINEE = re.compile(
    r"\b(?:with|trained|training|caregiver[:,]?)\s+(?P<own>his|her)\s+(?:daughter|son|dtr)\b", re.I
)
_PARENT_WORDS = {"her": frozenset({"mom", "mother"}), "his": frozenset({"dad", "father"})}
_SPOUSE_WORDS = frozenset({"wife", "husband", "spouse", "partner"})


def _parent_alias(text: str) -> frozenset[str]:
    """The parent words that name the patient when the trainee is introduced as the patient's child (not when a
    spouse is named too: "wife trained with her daughter" makes the wife the daughter's mother)."""
    if _SPOUSE_WORDS & words_of(text):
        return frozenset()
    m = next(finditer(_CHILD_TRAINEE, text), None)
    return _PARENT_WORDS[m["own"].lower()] if m else frozenset()


_YOUR_BEFORE = re.compile(r"\byour\s+$", re.I)
# "Mrs H. at home": a title with the surname's initial only names a person too
_TITLED_NAME = re.compile(
    r"\b(?P<title>Mr|Mrs|Ms|Miss|Mister|Missus)\.?\s+(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?|[A-Z]\.)"
)
# a caregiver introduced with a title and a full name: "husband, Mr. Kenji Oduya" (title, last name)
_TITLED_CAREGIVER = re.compile(
    r"\b(?i:wife|husband|spouse|daughter|son|mother|father|sister|brother|caregiver|niece|nephew|partner)[,:]?\s+"
    r"(?:is\s+)?(?P<title>Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z]+\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
# the label that opens a patient's name: RE2 finds where one starts, the whole pattern is tried only there (~0.2 ms
# per 2 KB note saved: Python's `re` tries the thirty words at every position)
_PATIENT_LEAD = (
    r"\b(?:[Pp]atient|PATIENT|[Pp]t|PT|[Nn]ote for|[Pp]t name|[Nn]ote is for patient|[Cc]aregivers? of"
    r"|[Ff]amily of|[Cc]hild|CHILD|[Ii]nfant|INFANT|[Tt]oddler|TODDLER"
    # "Client: Clement Abernathy, 73", "Resident: Mrs. Ottoline ...": how outpatient and facility notes name the patient
    r"|[Cc]lient|CLIENT|[Rr]esident|RESIDENT|[Bb]eneficiary|BENEFICIARY"
    # "Karim attended -- father of Noor Al-Rashid": whose relative the caregiver is names the patient
    r"|(?:[Ff]ather|[Mm]other|[Pp]arents?|[Dd]ad|[Mm]om|[Ww]ife|[Hh]usband|[Ss]on|[Dd]aughter|[Ss]ister|[Bb]rother) of"
    r")\b"
)
_PATIENT_NAME = re.compile(
    _PATIENT_LEAD + r"[:,]?\s+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Mister|Missus)\.?\s+)?([A-Z][a-z]+)(?:\s+([A-Z][a-z]+))?\b"
    # 'Child: Ezekiel "Zeke" Baptiste-Lund': the name the note then uses is the quoted one
    r"(?:\s+[\"“(](?P<nick>[A-Z][a-z]+)[\"”)])?"
)
_PATIENT_STARTS = _PATIENT_LEAD + r"[:,]?\s"  # the label and the space after it: where a match can start
_NAMED_ABSENT = re.compile(
    r"\b([A-Z][a-z]{2,})\s+(?:was\s+|is\s+|remained\s+)?"
    # "Tobin at kindergarten -- not present", "Wrenna in the playroom with her grandmother, not present": where the
    # person was, then the absence
    r"(?:(?:at|in)\s+[^.;:\n]{1,40}?\s*(?:--|–|,)\s*)?"
    r"(?:not present|absent|not in the room|did not attend|stayed (?:at )?home)\b"
)
_CAREGIVER_FIRST = re.compile(_CAREGIVER_WORDS, re.I)
_ROLE_BEFORE = re.compile(_CAREGIVER_WORDS + r"[\s,:]*$", re.I)  # "Daughter Lisa not present" is the daughter
_ROLE_WORD = re.compile(_CAREGIVER_WORDS + "|" + _PATIENT_WORDS + r"|\b(?:still|today|again|also|who)\b", re.I)
# asides: "Mr. K, who lives with his daughter, was ..." and "(unpaid; drives pt to church)"
# ... and appositive names: "came with her daughter, Clementine, and stayed"
_ASIDE = re.compile(
    r",\s*(?:who|whose|which|whom)\b[^,;.\n]{0,80},|\([^()\n]{0,80}\)|,\s?[A-Z][a-z]+(?: [A-Z][a-z]+)?,"
)
# the words that make the next person an object: "out with their son", "drives pt"
_LEADS = frozenset({"with", "w/", "by", "to", "from", "for", "and", "of", "drives", "helps", "visits", "assists"})
_DETERMINERS = frozenset({"his", "her", "their", "the", "a", "an", "pt's", "patient's"})
_COUNT_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "other", "another", "different", "separate", "each", "every"}
)
_QUANTIFIERS = frozenset({"none", "all", "both", "each", "neither", "any", "some", "either"})
_PRONOUN_BEFORE = re.compile(
    r"\b(?:he|she)\s+(?:was|is|were|had been|has been|remained|stayed)?\s*(?:not\s+)?(?:\w+\s+)?$", re.I
)
_HE_OR_SHE = r"\b(?:he|she)\s"  # in every match of _PRONOUN_BEFORE
_INFINITIVE = re.compile(r"\bto\s+$", re.I)
_NOT_NAMES = frozenset({"Patient", "Caregiver", "The", "His", "Her", "Their", "Mister", "Missus", "Date", "Note"})
# "pt attended his day program": attending somewhere else is absence from the training
_ELSEWHERE_AFTER = re.compile(
    r"^\s+(?:(?:his|her|their|the|a|an)\s+)?(?:adult\s+)?(?:day\s+(?:program|care|center)|school|appointment|appt"
    r"|dialysis"
    r"|church|class|work|respite|senior center|camp)\b",
    re.I,
)
# asleep where the training happened is present ("asleep in his recliner, a few feet from us, for the whole session")
_SLEEP_WORDS = frozenset({"asleep", "napping", "napped", "was sleeping"})
_NEAR_US = re.compile(
    r"\b(?:in the same room|in the room with us|a few (?:feet|steps|metres|meters|yards) (?:from|away from) us"
    r"|(?:right )?(?:next to|beside|near|behind) us|in the room where we (?:trained|worked))\b",
    re.I,
)
_NOT_RIGHT_BEFORE = re.compile(r"\b(?:not|no|never)\s+$", re.I)
# "pt 🚫 present": a quick note's "no" sign right before the presence word
_NO_SIGN_BEFORE = re.compile(r"[🚫❌✗✘⛔][\s\ufe0f]*$")
# "Patients were at home; none attended": a presence word after "none" says no one was there
_NONE_BEFORE = re.compile(r"\b(?:none|neither|no one|nobody)\s+(?:of them\s+)?(?:was\s+|were\s+)?$", re.I)
# "It is not true that the patient was absent", "it is false that pt was present": the statement after the frame is
# denied, so it says the opposite (NegEx does not reach an absence word, and "false" is no cue of its own)
_DENIED_FRAME = re.compile(
    r"\b(?:it\s+is|it's|it\s+was|that\s+is|this\s+is)\s+(?:not\s+true|untrue|false|incorrect|not\s+correct"
    r"|not\s+the\s+case)\s+that\b[^.;:\n]{0,60}$",
    re.I,
)
DENIED_REACH = 100
# "Plan: CTS visit without pt next wk": absence planned for a later visit says nothing of this session's
_LATER_VISIT = re.compile(
    r"\b(?:next\s+(?:wk|week|visit|session|time|appt|appointment|month)|at\s+(?:the\s+)?next\b"
    r"|(?:will|to)\s+(?:be\s+)?(?:schedul\w+|return)|plan(?:ned)?\s*:)",
    re.I,
)
# the trainee alone, named by kinship: "(brother only)"
_KIN_ONLY = r"(?:wife|husband|spouse|son|daughter|dtr|brother|sister|mother|father|mom|dad)[- ]only"
_SUBJECTLESS_ABSENCE = re.compile(
    r"caregivers?[- ]only|only the caregiver|family only|parents?[- ]only|without (?:the )?(?:patient|pt)|"
    + _KIN_ONLY
    + r"|with (?:the )?(?:patient|pt) (?:gone|away)"
    r"|w/o (?:patient|pt)|sin (?:el |la )?(?:paciente|pt|niño|niña)",
    re.I,
)
_ROOM_WORDS = re.compile(r"in (?:his|her|their) (?:room|bedroom|apartment)", re.I)
_AT_BEDSIDE = re.compile(r"\bbedside\b[^.;\n]{0,12}$", re.I)
# a ticked box or a filled radio button, and an empty one: "[x] no", "☑ No", "(•) no", "( ) yes", "☐ Yes"
_BOX = r"(?:\[\s?[xX✓✔]\s?\]|☒|☑|\(\s?[xX•●*]\s?\)|◉)"
_EMPTY_BOX = r"(?:\[\s?\]|☐|\(\s?\)|○)"
# what every answer below starts with ("PATIENT_PRESENT" in an export too)
_PRESENT_ASKED = r"\b(?:patient|pt|child|client|resident)s?[\s_]+(?:present|attending|in\s)"
# the question and its answer: "Patient present: No", "Pt present? Y", a flowsheet's "Patient present ....... No"
_PRESENT_Q = (
    r"(?=[PpCcRr])\b(?:patient|pt|child|client|resident)s?[\s_]+(?:present|attending|in\s+(?:the\s+)?(?:treatment\s+area"
    r"|room|session|training(?:\s+room)?|attendance))"
    # "Pt present? ........ [ ] yes  [x] no": a question mark and a flowsheet's dot leader together
    # "PT_PRESENT=No": an export's key=value; a flowsheet's column ("Patient present        No - pt at home"); an OCR
    # table's cell ("| Pt present?  | NO")
    # ... a JSON export quotes its key and its value ('"pt_present": false', '"patient_present": "N"')
    r"(?:\s+(?:during|for|at|in)\s+[\w ]{0,30}?)?[\"']?(?:\s*(?:[:?=]{1,2}(?:[ \t]*(?:\.{2,40}|\|))?|\.{2,40}|\|)"
    r"|[ \t]{2,40})[\s:|]*[\"']?"
    r"(?:\([\w ]{1,20}\)[\s:]*)?(?:\[\s*)?"
)
# an answer written before its box ("NO [x]  YES [ ]") is the ticked one; one before an empty box is not
_PRESENT_YES = re.compile(
    _PRESENT_Q + rf"(?:(?:yes|y|true)\b(?!\s*{_EMPTY_BOX})|{_BOX}\s?yes\b|no?\s*{_EMPTY_BOX}\s*y(?:es)?\s*{_BOX})", re.I
)
# ... and a count answered none: "Patients in room: 0"
_PRESENT_NO = re.compile(
    _PRESENT_Q + rf"(?:(?:no|n|0|none|zero|false)\b(?!\s*{_EMPTY_BOX})|{_BOX}\s?no?\b"
    rf"|{_EMPTY_BOX}\s?y(?:es)?\s*{_BOX}\s?no?\b|y(?:es)?\s*{_EMPTY_BOX}\s*no?\s*{_BOX})",
    re.I,
)


@dataclass(frozen=True)
class People:
    """Names the note gives the patient and the caregivers (first and last names)."""

    patient: frozenset[str]
    caregiver: frozenset[str]


@lru_cache(maxsize=64)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")


_LETTERS = re.compile(r"[A-Za-z]+")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")  # \w in ASCII


def name_spans(names: frozenset[str], text: str) -> list[tuple[int, int]]:
    """Where `text` writes one of `names` as a whole word: `_names_pattern(names).finditer` without
    compiling this note's own pattern (~50-90 µs a note). For ASCII letters in ASCII text a whole word
    is one whose neighbours are not \\w, and two such words cannot overlap: a lookup per occurrence."""
    if not names:
        return []
    if not (text.isascii() and all(_LETTERS.fullmatch(name) for name in names)):
        return [m.span() for m in _names_pattern(names).finditer(text)]
    found = []
    for name in names:
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if (at == 0 or text[at - 1] not in _WORD_CHARS) and (end == len(text) or text[end] not in _WORD_CHARS):
                found.append((at, end))
            at = text.find(name, at + 1)
    return sorted(found)


def people(ex: Extraction) -> People:
    """The names the note gives the patient and the caregivers, found once per note (the presence reader, the
    whereabouts and two checks all ask; each answer is the same: the text and the caregiver names are fixed)."""
    if "people" not in ex.memo:
        ex.memo["people"] = _people(ex)
    found: People = ex.memo["people"]
    return found


def _patient_labels(text: str) -> list[re.Match[str]]:
    """Matches of _PATIENT_NAME; one whose "name" is itself a patient label ("Odenkirk, PT\nPt: Eleanor Fitch"
    reads the credential as the label and "Pt" as the name) is read again from that label."""
    found = []
    for m in sparse_finditer(_PATIENT_NAME, text, _PATIENT_STARTS):
        again = _PATIENT_NAME.match(text, m.start(1)) if m.group(1).lower() in _LABEL_NAMES else None
        found.append(m)
        if again is not None:
            found.append(again)
    return found


_LABEL_NAMES = frozenset({"pt", "patient", "client", "child", "resident", "beneficiary"})


def _family_surnames(text: str, caregiver: frozenset[str]) -> frozenset[str]:
    """Surnames the note gives the caregiver ("Leigh Holloway"): another first name before one ("Ezra
    Holloway") is another family member, not the caregiver."""
    if not caregiver:
        return frozenset()
    after = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(caregiver))) + r")\s+([A-Z][a-z]+)\b")
    return frozenset(m.group(1) for m in after.finditer(text)) & caregiver


_FIRST_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mister", "Missus", "Dr"})


def _anothers_surname(text: str, start: int, surnames: frozenset[str], caregiver: frozenset[str]) -> bool:
    """Whether the caregiver surname at `start` follows a first name that is not the caregiver's."""
    if text[start : start + 40].split(None, 1)[0].strip(".,;:)") not in surnames:
        return False
    before = _FIRST_NAME_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1) not in caregiver and before.group(1) not in _TITLES


def _people(ex: Extraction) -> People:
    # first names only: family members share the surname, so a surname the patient's name line gives
    # ("Patient: Ambrose Ketteridge" / "Lorna Ketteridge (wife)") names neither of them
    # "practised with me as pt:\nKayla correct first time": the stand-in's role, not the patient's label
    named = [
        m
        for m in _patient_labels(ex.text)
        if not _credential(ex.text, m.start(), m.start() + 2) and not _stand_in(ex.text, m.start(), m.start())
    ]
    patient = {m.group(1) for m in named} | {m["nick"] for m in named if m["nick"]}
    # the name the note's patient (or child) label gives is the patient's, whatever a caregiver guess made of it
    caregiver = set(caregiver_names(ex)) - {m.group(2) for m in named if m.group(2)} - patient
    # "Bartholomew not present": whoever is named absent, when not a caregiver, is the patient
    patient |= {
        m.group(1)
        for m in finditer(_NAMED_ABSENT, ex.text)
        if not _ROLE_WORD.fullmatch(m.group(1))
        and not _ROLE_BEFORE.search(ex.text, max(0, m.start() - 24), m.start())
        and ex.text[m.start() - 1 : m.start()] != "-"  # "Abernathy-Diaz not present": a surname's tail, shared
    }
    patient |= _lower_case_patient(ex.text) - caregiver
    return People(frozenset(patient - caregiver - _NOT_NAMES), frozenset(caregiver))


# a dictation typed all in lower case names the patient so too: "patient ilkka kallio huntington disease"
_LOWER_PATIENT = re.compile(r"\b(?:patient|pt)[:,]?[ \t]+(?P<first>[a-z]{3,})[ \t]+(?P<last>[a-z]{3,})\b")
# words that follow the patient label in lower case and are no name
_NOT_LOWER_NAMES = frozenset({
    "not", "was", "is", "has", "had", "and", "the", "with", "who", "did", "does", "seen", "home", "here", "there",
    "present", "absent", "arrived", "came", "went", "left", "stayed", "remained", "declined", "refused", "unable",
    "able", "needs", "needed", "lives", "lived", "states", "stated", "reports", "reported", "signed", "consented",
    "agreed", "gave", "name", "for", "from", "out", "off", "away", "also", "still", "today", "then", "now", "gone",
    "sleeping", "resting", "asleep", "napping",
})
LOWER_LABELS = 3  # the first few lower-case labels: a name is given once, near the top


def _lower_case_patient(text: str) -> frozenset[str]:
    """The first name a lower-case patient label gives ("patient ilkka kallio"), when the note names that person
    again by it (a word after the label that recurs is a name, not a passing word)."""
    if not text.islower():
        return frozenset()
    found = set()
    for m in islice(_LOWER_PATIENT.finditer(text), LOWER_LABELS):
        first = m["first"]
        if first in _NOT_LOWER_NAMES or m["last"] in _NOT_LOWER_NAMES:
            continue
        if len(name_spans(frozenset({first}), text)) >= 2:
            found.add(first)
    return frozenset(found)


_SUPERVISING = re.compile(r"\b(?:supervising|supervisor|treating)\s+$", re.I)


# "Student: Amara Kingsley, SPT": a therapy student, the clinician in training, not a school child
_STUDENT_CLINICIAN = re.compile(r"[^.;\n]{0,40}?\b(?:SPT|SPTA|OTS|OTAS|SLP-?S|graduate clinician)\b")


# "caregiver training, PT NOT PRESENT (pt resting ...)": a "PT" that opens an absence statement is its subject, the
# patient (the therapist furnishes the training and is never documented absent from it)
_ABSENCE_AFTER = re.compile(r"\s+(?:(?:was|is|were)\s+)?(?:not\b|n't\b|absent\b|away\b|out\s+of\b)", re.I)


def _credential(text: str, a: int, b: int) -> bool:
    """ "Leonard Achterberg, PT, DPT, present in the room", "supervising PT": the therapist, not the patient."""
    if text[a : a + 7].lower() == "student":
        return _STUDENT_CLINICIAN.match(text, b, b + 60) is not None
    if text[a:b] != "PT" or _ABSENCE_AFTER.match(text, b, b + 20):
        return False
    return text[max(0, a - 2) : a] == ", " or bool(_SUPERVISING.search(text, max(0, a - 14), a))


def _blank(pattern: re.Pattern[str], window: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), window)


def _after_preposition(text: str, start: int) -> bool:
    """Whether the person named at `start` is an object: "out with their son", "drives pt", "cares for
    his wife"; not after a quantifier ("none of the patients were present"). Word lookups, no scan."""
    if start == 0 or not text[start - 1].isspace():
        return False
    before = text[max(0, start - 40) : start]
    cut = before.rfind("\n")
    if cut >= 0 and not (cut and (before[cut - 1].isalpha() or before[cut - 1] == ",")):
        before = before[cut + 1 :]  # a line that ended its sentence ("... by 10/31.") leads nobody on the next
    words = before.lower().split()
    for _ in range(3):  # "of a 3rd patient", "of two other patients", "with the patient's"
        possessive = words[-1].endswith(("'s", "’s")) if words else False  # "with Fiona's mother"
        if len(words) >= 2 and (
            words[-1] in _DETERMINERS or words[-1] in _COUNT_WORDS or words[-1][:1].isdigit() or possessive
        ):
            words.pop()
        elif len(words) >= 3 and words[-2] in _DETERMINERS and words[-1].isalpha():
            words.pop()  # a modifier after the determiner: "w/ their adult daughter", "with her older son"
    if not words or words[-1] not in _LEADS:
        return False
    return not (words[-1] == "of" and len(words) >= 2 and words[-2] in _QUANTIFIERS)


class _Named:
    """Where the note names one kind of person, sorted by end. Whether a person named after a preposition
    is an object ("out with their son") is asked only of the few mentions a phrase looks back at: most
    mentions are never asked, and the word lookup costs more than the scan that found them."""

    def __init__(self, text: str, found: list[tuple[int, int, bool]]) -> None:
        # (start, end, whether an object after a preposition is not this person); a stable sort, so
        # mentions found twice keep the order of the lists they came from
        found = sorted(found, key=lambda s: (s[1], s[0]))
        self.text = text
        self.starts = [a for a, _, _ in found]
        self.ends = [b for _, b, _ in found]
        self.lazy = [lazy for _, _, lazy in found]
        self._dropped: dict[int, bool] = {}

    def dropped(self, i: int) -> bool:
        if not self.lazy[i]:
            return False
        if i not in self._dropped:
            self._dropped[i] = _after_preposition(self.text, self.starts[i])
        return self._dropped[i]


class _Subjects:
    """Where the note names the patient and the caregivers, found once over the whole text (people
    after a preposition dropped), so each phrase's subject is a binary search. Asides (brackets,
    relative clauses) are skipped unless the phrase itself is inside them."""

    def __init__(self, text: str, who: People) -> None:
        def subjects(pattern: str) -> list[tuple[int, int, bool]]:
            return [
                (a, b, True)
                for a, b in spans(pattern, text)
                if text[b : b + 2] not in _POSSESSIVE and not _credential(text, a, b)
            ]

        self.asides = [m.span() for m in _ASIDE.finditer(text)]
        # "son reports dad had 3 falls. Dad is at home today": that kin word names the patient in this note
        alias = {m["kin"].lower() for m in finditer(_KIN_REPORTED, text)} | _parent_alias(text)
        caregiver_words = subjects(_CAREGIVER_WORDS)  # one scan for both sides
        surnames = _family_surnames(text, who.caregiver)
        # a message to the family: "your mother stayed home" is the reader's relative, the patient
        yours = {a for a, _, _ in caregiver_words if _YOUR_BEFORE.search(text, max(0, a - 6), a)}
        kin = [(a, b, lazy) for a, b, lazy in caregiver_words if text[a:b].lower() in alias or a in yours]
        # "Her husband, Mr. Kenji Oduya, ...": later "Mr. Oduya" is the husband
        titled_caregivers = {(m["title"], m["last"]) for m in finditer(_TITLED_CAREGIVER, text)}
        titled = [m for m in finditer(_TITLED_NAME, text) if text[m.end() : m.end() + 2] not in _POSSESSIVE]
        self.patient = _Named(
            text,
            [s for s in subjects(_PATIENT_WORDS) if not _stand_in(text, s[0], s[1])]
            + kin
            + [
                (*m.span(), False)
                for m in titled
                if m["name"].split()[0] not in who.caregiver and (m["title"], m["name"]) not in titled_caregivers
            ]
            + [(a, b, False) for a, b in name_spans(who.patient, text) if text[b : b + 2] not in _POSSESSIVE],
        )
        self.caregiver = _Named(
            text,
            [span for span in caregiver_words if text[span[0] : span[1]].lower() not in alias and span[0] not in yours]
            + [(*m.span(), False) for m in finditer(_CAREGIVERS_OF, text)]
            # "Ruth Oyelaran-Bixby": a hyphenated surname's tail is the family's name, not the caregiver
            + [
                (a, b, True)
                for a, b in name_spans(who.caregiver, text)
                if text[a - 1 : a] != "-" and not _anothers_surname(text, a, surnames, who.caregiver)
            ]
            + [(*m.span(), False) for m in titled if (m["title"], m["name"]) in titled_caregivers],
        )

    def _aside(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.asides, (pos, 1 << 62)) - 1
        return self.asides[i] if i >= 0 and self.asides[i][0] <= pos < self.asides[i][1] else None

    def last(self, mentions: _Named, start: int, concept: Concept) -> int:
        """End of the last mention in text[start:concept.end] outside any aside the phrase is not in."""
        own = self._aside(concept.start)
        i = bisect_right(mentions.ends, concept.end) - 1
        steps = 0
        while i >= 0 and steps < 6:  # a few steps back at most: asides are short
            if mentions.ends[i] <= start:
                return -1  # this mention and every one before it start before the window
            if mentions.dropped(i):
                i -= 1  # not a subject: as if never found (bounded: the window holds few mentions)
                continue
            if mentions.starts[i] < start:
                return -1
            aside = self._aside(mentions.starts[i])
            if aside is None or aside == own:
                return mentions.ends[i]
            i -= 1
            steps += 1
        return -1


# the patient opens the presence word's clause: "Pt stayed and participated:" says who, whatever is listed after
_PATIENT_OPENS = re.compile(r"(?:^|[.;]\s)\s*(?:pt|patient|child|client)\s+(?:[a-z]+\s+){0,3}$", re.I | re.M)
_LIST_AFTER = re.compile(r"[ \t]*(?P<mark>[:,-])")
_CLAUSE_OPEN = re.compile(r"(?:^|[.;]|\))[ \t]*$")


def _lists_after(text: str, start: int, end: int) -> bool:
    """A presence word heading a list: "Present: ...", or opening its sentence ("... only). Present, ...")."""
    m = _LIST_AFTER.match(text, end)
    if m is None:
        return False
    a = max(text.rfind("\n", max(0, start - 80), start) + 1, start - 80, 0)
    return m["mark"] != "," or _CLAUSE_OPEN.search(text, a, start) is not None


# a row of column headings ("ROSTER      Patient represented      Attended"): names a column, states nothing
_RULED_BELOW = re.compile(r"\n[ \t]*[|+][ \t]*:?-{3,}")
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t)")  # a heading, then the gap before the next


# an attendance list's items, up to its end: "Present: wife, pt, OT." ("(pt at dialysis)" in brackets is an aside)
_LIST_END = re.compile(r"[.;\n]")
_LIST_ITEM_SPLIT = re.compile(r"\s*(?:[,/&+]|\band\b)\s*", re.I)
# "PT" in capitals is the therapist
_PATIENT_ITEM = re.compile(r"(?:[Tt]he\s+)?(?:pt|Pt|patient|Patient|PATIENT|[Cc]lient|[Cc]hild|[Rr]esident)")


def _patient_listed(after: str) -> bool:
    """Whether the patient is one of the items of the attendance list `after` opens ("Present: wife, pt, OT")."""
    end = _LIST_END.search(after)
    items = _BRACKETS.sub(" ", after[: end.start() if end else len(after)]).lstrip(" \t:-")
    return any(_PATIENT_ITEM.fullmatch(item.strip()) for item in _LIST_ITEM_SPLIT.split(items))


_BRACKETS = re.compile(r"\([^()\n]*\)")
_LIST_HEADINGS = frozenset({"attendees", "participants"})  # the heading of a list, not a statement of presence


def _caregiver_listed(after: str) -> str | None:
    """'caregiver' when the list after a presence word ("Present: caregivers of 3 patients") names the
    caregivers first, 'patient' when the patient is one of its items ("Present: wife, pt, OT"); None otherwise
    (the usual subject rules decide)."""
    if _patient_listed(after):
        return "patient"
    patient_after = _PATIENT_WORD.search(after)
    caregiver_after = _CAREGIVER_FIRST.search(after)
    if caregiver_after and (patient_after is None or caregiver_after.start() < patient_after.start()):
        return "caregiver"
    return None


_ROW_MARK_BEFORE = re.compile(r"(?:--|–|—|\||/)\s*$")


def row_status(text: str, start: int, end: int, line: tuple[int, int]) -> bool:
    """Whether an attendance word closes a roster row that names a caregiver ("... / husband Marek (unpaid) /
    consent 3/27/25 -- ATTENDED"): the row's attendance is the trainee's, not the patient's."""
    a, b = line
    if text[end:b].strip(" \t.") or not _ROW_MARK_BEFORE.search(text, max(a, start - 6), start):
        return False
    return _CAREGIVER_FIRST.search(text, a, start) is not None


def column_heading(text: str, start: int, line: tuple[int, int]) -> bool:
    """Whether the word at `start` is a column heading: its line holds only headings, set apart by
    runs of spaces (two gaps at least), with no sentence punctuation."""
    a, b = line
    before = text[a:start]
    if any(mark in text[a:b] for mark in ".:;"):
        return False
    # a table's header row, ruled off below: "| Caregiver | Relation | Patient represented | Attended |"
    if text[a:b].strip().startswith("|") and before.rstrip().endswith("|") and _RULED_BELOW.match(text, b):
        return True
    if len(before) - len(before.rstrip()) < 3:
        return False
    return len(_COLUMN_GAP.findall(text, a, b)) >= 2


_SHE_WORDS = frozenset({"wife", "daughter", "dtr", "mother", "mom", "sister", "niece", "granddaughter", "grandmother"})
_HE_WORDS = frozenset({"husband", "son", "father", "dad", "brother", "nephew", "grandson", "grandfather"})
_LAST_WORD = re.compile(r"(\w+)\W*$")
_SENTENCE_END = re.compile(r"[a-z]{2}\.\s")


def _other_gender(text: str, caregiver_end: int, pronoun: str) -> bool:
    """ "his wife ..., who is his unpaid caregiver. He was not present": a "he" is not the wife, so the patient."""
    m = _LAST_WORD.search(text, max(0, caregiver_end - 20), caregiver_end)
    word = m.group(1).lower() if m else ""
    he = pronoun.lstrip().lower().startswith("he")
    return (he and word in _SHE_WORDS) or (not he and word in _HE_WORDS)


def subject_of(ex: Extraction, concept: Concept, subjects: Callable[[], _Subjects]) -> str:
    """Whose presence a PRESENCE/ABSENCE phrase speaks of: 'patient', 'caregiver' or ''.

    The nearest person named before the phrase on the same line decides (sentence breaks are
    ignored: notes put parentheses, semicolons and abbreviations between the two); asides in
    brackets or relative clauses, and people after a preposition ("pt out with their son"), are
    not subjects; "he"/"she" right before the phrase is the patient.
    """
    text = ex.text
    start = max(ex.lines.starts[ex.lines.number(concept.start)], concept.start - 110)
    if concept.label == "PRESENCE" and _COMPOUND_BEFORE.search(text[max(0, concept.start - 9) : concept.start]):
        return ""  # "patient-present session" names a kind of service, not who was there
    if concept.text.lower().startswith(("without", "w/o", "pt ", "patient")):
        return "patient"
    if concept.text.lower() in _LIST_HEADINGS:  # "Attendees: wife, son, pt": only a list naming the patient says so
        after = text[concept.end : min(concept.sent_end, concept.end + 80)]
        return "patient" if _lists_after(text, concept.start, concept.end) and _patient_listed(after) else ""
    # each window search only when the whole note has such words (a match in a window is one in the note)
    both = _PATIENT_AND.search(text, start, concept.end) if ex.may_contain(_PATIENT_AND.pattern) else None
    if both and not _credential(text, both.start(), both.start() + 2):
        return "patient"
    if (
        concept.label == "PRESENCE"
        and _lists_after(text, concept.start, concept.end)
        and not _PATIENT_OPENS.search(text, start, concept.start)  # "Pt stayed and participated: wife ..."
    ):
        listed = _caregiver_listed(text[concept.end : min(concept.sent_end, concept.end + 80)])
        if listed is not None:
            return listed  # "Present: caregivers of 3 patients", "In attendance - wife and son"
    who = subjects()
    last_patient = who.last(who.patient, start, concept)
    last_caregiver = who.last(who.caregiver, start, concept)
    pronoun = (
        _PRONOUN_BEFORE.search(text, max(start, concept.start - 40), concept.start)
        if ex.may_contain(_HE_OR_SHE)
        else None
    )
    if pronoun and (
        last_caregiver < concept.start - 40
        or _other_gender(text, last_caregiver, pronoun.group(0))
        # "... who is his unpaid caregiver. He was not present": the pronoun opens a sentence of its own
        or _SENTENCE_END.search(text, max(0, last_caregiver - 2), pronoun.start()) is not None
    ):
        return "patient"
    if last_patient < 0 and last_caregiver < 0:
        after = text[concept.end : min(concept.sent_end, concept.end + 40)]
        patient_after = _PATIENT_WORD.search(after)
        # "Attended: caregivers of 3 patients": the caregivers named first attended
        caregiver_after = _CAREGIVER_FIRST.search(after)
        caregiver_first = caregiver_after and (patient_after is None or caregiver_after.start() < patient_after.start())
        if concept.label == "PRESENCE" and caregiver_first:
            return "caregiver"
        return "patient" if patient_after or concept.label == "ABSENCE" else ""
    return "patient" if last_patient > last_caregiver else "caregiver"


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies in one of the sorted, non-overlapping `spans` (binary search)."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# the rest of the phrase's clause ends in a question mark that no answer follows on its line ("Pt absent? Y" is a
# form's question and its answer)
_QUESTION_AFTER = re.compile(r"[^.!?;\n]{0,80}\?['\"”’)]*(?![ \t]*(?:[:\[(☐☑☒]|(?:yes|no|y|n)\b))", re.I)


def _asked(text: str, end: int) -> bool:
    return _QUESTION_AFTER.match(text, end) is not None


_QUOTES = "\"“”"


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the phrase closes a short quotation opened on its line ('"Patient present" field')."""
    if text[end : end + 1] not in _QUOTES:
        return False
    before = text[max(0, start - 25) : start]
    before = before[before.rfind("\n") + 1 :]
    return any(q in before for q in _QUOTES)


# "her husband acting as pt", "with PT as the 'patient'": a role in a role-play names someone else
_AS_ROLE = re.compile(r"\b(?:as|playing)\s+(?:the\s+|a\s+)?[\"“'‘]?$", re.I)


def _stand_in(text: str, start: int, end: int) -> bool:
    """A patient word that names the stand-in's role ("acting as pt", the "patient"), not the patient."""
    return _quoted(text, start, end) or _AS_ROLE.search(text, max(0, start - 16), start) is not None


def _not_the_sessions(ex: Extraction, c: Concept) -> bool:
    """A presence phrase that says nothing of the patient's presence during the training."""
    line = ex.lines.line_span(ex.lines.number(c.start))
    return bool(
        # "Pt-present: 97535 ...", or a heading over such lines: the same-day patient-present service
        ex.service.belongs_to_other((c.start, c.end)) or ex.service.heads_other(c.start)
        # "consent for Grace to attend" says nothing about who was there
        or _INFINITIVE.search(ex.text, max(0, c.start - 4), c.start)
        # a roster's "Attended" column
        or column_heading(ex.text, c.start, line)
        # "1. Ewa Z. / husband Marek / consent 3/27 -- ATTENDED": the row's trainee came
        or row_status(ex.text, c.start, c.end, line)
    )


def _sentence_says(ex: Extraction, name: str, pattern: re.Pattern[str], c: Concept) -> bool:
    """Whether `pattern` occurs in the phrase's sentence: searched once per sentence. A note without stops is one
    sentence holding every phrase: a search per phrase read it whole each time (~1 s of a 100 KB note's check)."""
    seen: dict[tuple[int, int], bool] = ex.memo.setdefault(name, {})
    key = (c.sent_start, c.sent_end)
    if key not in seen:
        seen[key] = pattern.search(ex.text, *key) is not None
    return seen[key]


_KIN_ONLY_WORDS = re.compile(_KIN_ONLY, re.I)
_CLAUSE_CLOSES = re.compile(r"[ \t]*(?:[).;\n]|$)")
_PATIENT_WITH = re.compile(r"\b(?:pt|patient|he|she)\b[^.;()\n]{0,20}$", re.I)


def _kin_only_closes(text: str, c: Concept) -> bool:
    """Whether "brother only" closes its clause or bracket ("face to face (brother only)", "Present: wife only.")
    with no patient named just before it ("pt and wife only" has the patient there)."""
    return _CLAUSE_CLOSES.match(text, c.end) is not None and not _PATIENT_WITH.search(
        text, max(0, c.start - 30), c.start
    )


def _phrase_side(ex: Extraction, c: Concept, subjects: Callable[[], _Subjects]) -> str | None:
    """Whether a presence or absence phrase says the patient was there ("presence") or away ("absence") during the
    training, or None when it says neither (a question, a quoted field, someone else, another visit)."""
    if _asked(ex.text, c.end) or _quoted(ex.text, c.start, c.end):
        # 'wife asked, "does he have to be absent?"': a question documents nothing; nor does a quoted field's
        # name ('the "Patient present" field was left at its default')
        return None
    denied = _DENIED_FRAME.search(ex.text, max(c.sent_start, c.start - DENIED_REACH), c.start) is not None
    if c.label == "ABSENCE" and _sentence_says(ex, "later_visit", _LATER_VISIT, c):
        return None
    if c.label == "ABSENCE" and not denied:
        # "not present (at day program)", "waited in the car (he declined to come in)": NegEx
        # scope reaches these phrases wrongly; only a "not"/"no" right before them negates.
        if _NOT_RIGHT_BEFORE.search(ex.text[max(0, c.start - 8) : c.start]):
            return None
        if _ROOM_WORDS.fullmatch(c.text) and _AT_BEDSIDE.search(ex.text, max(0, c.start - 20), c.start):
            return None  # "at bedside in his room": where the training took place, not where the patient was
        if _KIN_ONLY_WORDS.fullmatch(c.text) and not _kin_only_closes(ex.text, c):
            return None  # "wife only needed one cue" says how well, not who came: "(brother only)" does
        if _SUBJECTLESS_ABSENCE.search(c.text):
            return "absence"
    if c.label == "PRESENCE" and _not_the_sessions(ex, c):
        return None
    elsewhere = c.label == "PRESENCE" and _ELSEWHERE_AFTER.match(ex.text[c.end : c.end + 40])
    subject = subject_of(ex, c, subjects)
    if subject != "patient":
        return None
    if c.text.lower() in _SLEEP_WORDS and _sentence_says(ex, "near_us", _NEAR_US, c):
        return "presence"
    none = c.label == "PRESENCE" and (
        _NONE_BEFORE.search(ex.text, max(0, c.start - 24), c.start) is not None
        or _NO_SIGN_BEFORE.search(ex.text, max(0, c.start - 4), c.start) is not None
    )
    absent = c.label == "PRESENCE" if denied else c.label == "ABSENCE" or c.negated or bool(elsewhere) or none
    return "absence" if absent else "presence"


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether text[start:end] lies inside one of the sorted `spans` (the last that starts at or before it)."""
    i = bisect_right(spans, (start, 1 << 62)) - 1
    return i >= 0 and end <= spans[i][1]


def find_presence(ex: Extraction) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(presence, absence) spans where the patient's presence during the training is stated."""
    presence: list[tuple[int, int]] = []
    absence: list[tuple[int, int]] = []
    built: list[_Subjects] = []

    def subjects() -> _Subjects:  # built on first need: phrases like "pt not present" decide alone
        if not built:
            built.append(_Subjects(ex.text, people(ex)))
        return built[0]

    phrases = [c for c in ex.concepts if c.label in ("PRESENCE", "ABSENCE")][:MAX_MENTIONS]
    # a presence word inside an absence phrase says nothing more ("attended" in "her nephew attended alone")
    said_absent = sorted((c.start, c.end) for c in phrases if c.label == "ABSENCE" and not c.negated)
    phrases = [c for c in phrases if c.label == "ABSENCE" or not _within(said_absent, c.start, c.end)]
    for c in phrases:
        side = _phrase_side(ex, c, subjects)
        if side is not None:
            (absence if side == "absence" else presence).append((c.start, c.end))
    present_sorted = sorted(presence)
    absence += [
        (m.start(), m.end()) for m in finditer(_AWAY, ex.text, _AWAY_BODY) if not _inside(present_sorted, m.start())
    ]
    here, away = asked_where(ex.text)  # "Where pt was: at her hair appt": the label names the patient
    presence += here
    absence += away
    who: list[People] = []

    def named() -> People:  # the people the note names, found once and only when a pattern asks
        if not who:
            who.append(people(ex))
        return who[0]

    where = whereabouts(ex, lambda c: subject_of(ex, c, subjects), lambda: named().patient, lambda: named().caregiver)
    took_part, came_in = _acted(ex, named())
    # the patient's own part, with its own clock range, is kept apart from the training (timing.py): what its
    # words say of presence is about that part; that the patient came in then says they were away before
    parts = sorted(ex.time.entries)
    changed = [p for p in where.changed + arrivals_during(ex) + came_in if not _inside(parts, p[0])]
    presence = [p for p in presence + where.presence + took_part if not _inside(parts, p[0])]
    # what an entry stamped outside the counted time says of presence is not about the training ("2:31 pm: pt
    # came in and joined" after "CTS 2:00-2:31"): as the patient's own part, it says they were away before
    after = [p for p in presence if (minute := entry_minute(ex, p[0])) is not None and outside_training(ex, minute)]
    presence = [p for p in presence if p not in after] + changed
    kin = [(c.start, c.text) for c in ex.of("RELATIONSHIP", negated=False)][:MAX_MENTIONS]
    absence += kin_away(ex.text, kin)
    absence = [] if changed else absence + where.absence + ex.time.joins + after  # there for part of the training
    return _corrected(ex.text, *_answered(ex, presence, absence))


def _acted(ex: Extraction, who: People) -> tuple[list[Span], list[Span]]:
    """The patient's own acts in the session (actors.py), with the names the note gives the patient; the same-day
    patient-present service's account is kept apart."""
    firsts, lasts = header_people(ex.text, who.caregiver)
    took_part, came_in = patient_acted(ex.text, who.patient | firsts, lasts)
    took_part = [p for p in took_part if not ex.service.belongs_to_other(p)]
    return took_part, came_in


# a grid's presence column ("Pt | Svc | In | Out | Pt in rm?" over "... | no") and its answers
_PRESENT_COLUMN = re.compile(
    r"(?:patient|pt|client|child|resident)s?[\s_]+(?:present|attending|in\s+(?:the\s+)?(?:rm|room|session|tx))\??",
    re.I,
)
# the answer may carry its reason after a dash, colon or bracket: "N - pt at senior center", "none -- caregivers only"
_REASON = r"(?:[ \t]*(?:[-–—:;,(]|\s\()[^\n]*)?"
_COLUMN_NO = re.compile(rf"(?:no|n|absent|not present|none)\.?{_REASON}", re.I)
_COLUMN_YES = re.compile(rf"(?:yes|y|present)\.?{_REASON}", re.I)


def _column_answers(text: str, other_row: Callable[[Span], bool]) -> tuple[list[Span], list[Span]]:
    """(yes, no) answers in a grid's presence column; a row of another service ("1|97110|2|GP|09:00|09:30|Y") answers
    for that service, not the training."""
    yes: list[Span] = []
    no: list[Span] = []
    if "?" not in text and "present" not in text.lower():
        return yes, no
    for cell in grid.cells(text):
        if _PRESENT_COLUMN.fullmatch(cell.heading) and not other_row((cell.start, cell.end)):
            if _COLUMN_NO.fullmatch(text, cell.start, cell.end):
                no.append((cell.start, cell.end))
            elif _COLUMN_YES.fullmatch(text, cell.start, cell.end):
                yes.append((cell.start, cell.end))
    return yes, no


# a JSON export's patient object: '"patient": {"name": "...", "present": false, "where": "..."}'
_PATIENT_OBJECT = re.compile(
    r'"(?:patient|pt|client)"[ \t]*:[ \t]*\{[^{}\n]{0,160}?(?P<field>"(?:present|in_room|attending)"[ \t]*:[ \t]*'
    r'"?(?P<value>true|false|yes|no|y|n)\b)',
    re.I,
)


def _object_answers(text: str) -> tuple[list[Span], list[Span]]:
    """The patient object's presence field answered yes and no."""
    if '"present"' not in text and '"in_room"' not in text and '"attending"' not in text:
        return [], []
    yes: list[Span] = []
    no: list[Span] = []
    for m in _PATIENT_OBJECT.finditer(text):
        (yes if m["value"].lower() in ("true", "yes", "y") else no).append(m.span("field"))
    return yes, no


def _answered(ex: Extraction, presence: list[Span], absence: list[Span]) -> tuple[list[Span], list[Span]]:
    """A form's presence question and its answer ("Patient present: No", a grid's "Pt in rm?" column) decide over
    the words the answer holds."""
    text = ex.text
    form = join_hyphenated(text)  # "Patient pre-\nsent: No": the question broken by a scan (same offsets)
    answered_no = [(m.start(), m.end()) for m in finditer(_PRESENT_NO, form, _PRESENT_ASKED)]
    column_yes, column_no = _column_answers(text, ex.service.belongs_to_other)
    object_yes, object_no = _object_answers(text)
    column_yes, column_no = column_yes + object_yes, column_no + object_no
    answered_no = sorted(answered_no + column_no)
    headers = list(grid.header_rows(text))  # "pt_present" heads a column: the cells under it answer
    presence = [p for p in presence if not _inside(answered_no, p[0]) and not _inside(headers, p[0])]
    absence = [p for p in absence if not _inside(headers, p[0])]
    presence += [(m.start(), m.end()) for m in finditer(_PRESENT_YES, form, _PRESENT_ASKED)] + column_yes
    return presence, absence + answered_no


def _corrected(text: str, presence: list[Span], absence: list[Span]) -> tuple[list[Span], list[Span]]:
    """A correction made for care ("correction: 'Patient present' field left at its default. Pt was NOT present")
    supersedes what the note said of presence before it, as it does a clock range (addenda.py)."""
    for entry in find_entries(text) if (presence and absence) else []:
        if entry.payment or not entry.corrects:
            continue
        says_absent = any(entry.start <= a < entry.end for a, _ in absence)
        says_present = any(entry.start <= a < entry.end for a, _ in presence)
        if says_absent and not says_present:
            presence = [p for p in presence if p[0] >= entry.start]
        elif says_present and not says_absent:
            absence = [p for p in absence if p[0] >= entry.start]
    return presence, absence
