"""Who acted in the session: the patient doing the session's activity beside the caregiver.

Independent authors seldom write "patient present" when the patient took part; they tell what the
patient did ("Kofi demonstrated his liner donning while Yaw watched", "Ottoline walked the hallway
loop with Bertram cueing her", "Yevgenia sat with us at the table", "Observed Moshe eating his lunch
with Rivka feeding him", "Pt took part: she did 3 practice transfers"). A clause says the patient was
present when the patient (a pt word, a name the note gives the patient, or the person its header
names who is no caregiver) is its subject, the verb is something done in the session, and the same
clause has the caregiver or the therapist there too. A patient who walks in during the session
("Rohan came into the kitchen twice during the session") was there for part of it.

Goals, history, habits and plans are not the session ("POC: pt walks 150 ft", "pt walked at home
yesterday"). One pass over the note's clauses; every pattern is bounded, so the cost is linear.
"""

from __future__ import annotations

import re

from assistant.notes.scan import sparse_finditer
from assistant.notes.vocabulary import CONCEPTS

Span = tuple[int, int]

# the people words a clause's subject may be; "PT" in capitals is the therapist
_PT_WORDS = r"(?:[Pp]t|[Pp]atient|PATIENT|[Rr]esident|[Cc]lient)"
_TITLE = r"(?:Mr|Mrs|Ms|Miss)\.?\s+"
# what the patient does in the session; "ate"/"eating" only with the caregiver feeding or cueing beside
_WALKED_LOOKAHEAD = r"(?!\s+(?:to|out|off|away|home|back|over|down|up|me\s+through|through)\b)"
_ACTS = (
    # "walked to the lab" is leaving; "walked me through the set-up" is the caregiver's walk-through
    r"demonstrated|walked" + _WALKED_LOOKAHEAD + r"|ambulated|amb"
    r"|practi[cs]ed|transferred|stood|performed|completed|did|ate|was eating"
    r"|took part|participated|joined (?:us|in)|sat (?:with us|at the table with|beside|next to)|tried"
)
_ARRIVES = r"came (?:in|into|back in)|walked in(?:to)?|wandered in(?:to)?|interrupted"
# someone else there in the same clause: the caregiver, the therapist ("us", "me") or the session itself
_TOGETHER = re.compile(
    r"\b(?:us|me|we|while|with|w/|during (?:the|this|our) (?:session|training|visit))\b"
    r"|\b(?:wife|husband|spouse|son|daughter|dtr|mother|father|mom|dad|sister|brother|partner|caregiver|cg|friend"
    r"|neighbou?r|parents?)\b",
    re.I,
)
_NOT_SESSION = re.compile(
    r"\b(?:at home|since|yesterday|last (?:night|week|month|visit|session)|usually|normally|typically|often|always"
    r"|this morning|earlier|before (?:the|this|our) (?:session|training|visit)|prior|previous(?:ly)?|will|would|could"
    r"|should|goals?|poc|ltg|stg|plan|history|hx|reports?|reported|per (?:wife|husband|son|daughter|family)"
    r"|97530|97110|97116|97535|97112|92507|92526|separately|own (?:session|part|time)|not|never|n't)\b",
    re.I,
)
# a line opened by a label that is no account of the session: "Goal: pt walks ...", "Hx: pt fell ..."
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?:goals?|poc|ltg|stg|need|hx|history|pmh|plan|dx|s|a|p|assessment|reason|why)\b"
    r"[^:\n]{0,30}:",
    re.I,
)
# "pt (me)", "pt (OT)": the therapist played the patient
_STAND_IN_AFTER = re.compile(r"\s*\((?:me|therapist|clinician|PT|OT|SLP|OTR|DPT)\)", re.I)
_NAME_BEFORE = re.compile(r"\b(?!(?:Mr|Mrs|Ms|Miss|Then|Observed|And|When|While|After)\b)[A-Z][a-z]+[ \t]+$")
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")
CLAUSE_REACH = 200


# any subject the clause may have; whether it is the patient is decided after the match (one compiled pattern for
# every note: no per-note alternation of names to build)
_SUBJECT = r"(?P<title>(?:Mr|Mrs|Ms|Miss)\.?\s+)?(?P<who>" + _PT_WORDS + r"|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
# the subject, then (an aside in brackets or a one-word adverb at most) the verb
_ACTED = re.compile(
    r"\b" + _SUBJECT + r"(?P<after>\s*\([^()\n]{0,40}\))?\s+(?:\w+ly\s+|then\s+|also\s+)?"
    r"(?P<verb>" + _ACTS + "|" + _ARRIVES + r")\b",
)
_WATCHED = re.compile(
    r"\b(?i:observed|watched|saw)\s+" + _SUBJECT + r"\s+(?P<verb>(?i:eating|walking|transferring|practi[cs]ing"
    r"|dressing|drinking|standing))\b",
)
_PT_WORD = re.compile(_PT_WORDS)
# where a match of each can start, for RE2 (scan.sparse_finditer): the pattern without its one lookahead ("walked to
# the lab"), a wider net at the same starts. Python's `re` tries every capitalised word of the note; RE2 finds the
# few subject-verb pairs (~100 µs -> ~10 µs per 2 KB)
_ACTED_STARTS = _ACTED.pattern.replace(_ACTS, _ACTS.replace(_WALKED_LOOKAHEAD, ""))
_WATCHED_STARTS = _WATCHED.pattern


def _is_patient(m: re.Match[str], names: frozenset[str], surnames: frozenset[str]) -> bool:
    who = m["who"]
    if m["title"]:
        return who in surnames
    return who in names or _PT_WORD.fullmatch(who) is not None


def _clause(text: str, a: int, b: int) -> Span:
    lo = max(0, a - CLAUSE_REACH)
    start = max(text.rfind(".", lo, a), text.rfind(";", lo, a), text.rfind("\n", lo, a)) + 1
    end = _CLAUSE_END.search(text, b, min(len(text), b + CLAUSE_REACH))
    return start, end.start() if end else min(len(text), b + CLAUSE_REACH)


def patient_acted(text: str, names: frozenset[str], surnames: frozenset[str]) -> tuple[list[Span], list[Span]]:
    """(took part, came in during the session) spans where the patient is the subject of a session act."""
    took_part: list[Span] = []
    came_in: list[Span] = []
    for m in [*sparse_finditer(_ACTED, text, _ACTED_STARTS), *sparse_finditer(_WATCHED, text, _WATCHED_STARTS)]:
        if not _is_patient(m, names, surnames):
            continue
        if m.re is _ACTED and _STAND_IN_AFTER.match(m["after"] or ""):
            continue
        if _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Meron Tesfaye came in": the patient's surname, carried by a relative
        a, b = _clause(text, m.start(), m.end())
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _LABEL_LINE.match(text, line_start, m.start() + 1) or _NOT_SESSION.search(text, a, b):
            continue
        # "Pt took part: she did ..." runs on after its colon: the rest of the clause shows who was there
        if not _TOGETHER.search(text, m.start("verb"), b) and not _TOGETHER.search(text, a, m.start()):
            continue
        arrives = re.fullmatch(_ARRIVES, m["verb"]) is not None
        (came_in if arrives else took_part).append(m.span())
    return took_part, came_in


# a person the note's first lines name: "Kofi Mensah-Boateng (R BKA) / son Yaw ...", "Moshe Adler, post-stroke ..."
_RELATIVES = (
    r"(?:Son|Daughter|Wife|Husband|Mother|Father|Mom|Dad|Sister|Brother|Spouse|Partner|Friend|Neighbou?r|Aunt|Uncle"
    r"|Niece|Nephew|Grand\w+|Caregiver|Carer|Trainee|Herr|Frau)\b"
)
_HEADER_PERSON = re.compile(
    r"(?<![\w.])(?!" + _RELATIVES + r")(?P<first>[A-Z][a-z]{2,})\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!\s*:)"
)
# ... who is no clinician ("Jane Doe, PT") and no heading word ("Home Safety", "Physical Therapy")
_CREDENTIAL_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:PT|DPT|OT|OTR|OTD|SLP|CCC|PTA|COTA|OTA|SLPA|MS|MA|MOT|MSPT|RN|MD|DO)\b"
)
_NOT_FIRST_NAMES = frozenset(
    {
        "Home", "Safety", "Caregiver", "Training", "Physical", "Occupational", "Speech", "Therapy", "Medicare", "Part",
        "Visit", "Summary", "Family", "Note", "Session", "Outpatient", "Inpatient", "Daily", "Progress", "Treatment",
        "Communication", "Partner", "Parent", "Group", "Care", "Center", "Clinic", "Health", "Voice", "Swallow",
        "Language", "Dear", "Your", "Thank", "Plan", "Goal", "Skilled", "Consent", "Billing", "Date", "Time", "Total",
        "Resident", "Patient", "Client", "Child", "Trainee", "Trained", "Dysphagia", "Falls", "Fall", "Education",
        "Service", "Services", "Rehab", "Rehabilitation", "Hospital", "Therapist", "Clinician", "Provider", "Signed",
        "Furnished", "Supervising",
    }
)
HEADER_LINES = 4
_RELATION_WORDS = frozenset(w.lower() for w in CONCEPTS["RELATIONSHIP"])
# the word before a name that makes it a caregiver's: "stepdad Craig", "neighbor of X (Doris Kent)", "and Craig"
_LED_BY_ROLE = re.compile(
    r"(?:\b(?:step)?(?:mom|dad|mother|father|son|daughter|dtr|wife|husband|sister|brother|friend|neighbou?r|aunt"
    r"|uncle|niece|nephew|caregivers?|cg|trainee|trained|and|with|w/)|[&+(])[ \t:,-]*$",
    re.I,
)
_CAREGIVER_AFTER = re.compile(
    r"[ \t]*(?:,|\(|--?|–)?[ \t]*(?:the\s+|pt's\s+|patient's\s+|his\s+|her\s+)?(?:step)?(?:mom|dad|mother|father|son"
    r"|daughter|dtr|wife|husband|spouse|partner|sister|brother|friend|neighbou?r|caregiver|cg|aunt|uncle|niece"
    r"|nephew|grand\w+)\b",
    re.I,
)


def header_people(text: str, caregivers: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(first name, surname) of the first person the note's first lines name who is no caregiver, clinician or
    heading: in a note that names no patient by label, the person it is about."""
    lines = [line for line in text[:600].split("\n") if line.strip()][:HEADER_LINES]
    for line in lines:
        # the person a line opens with ("Kofi Mensah-Boateng (R BKA) / son Yaw"): one named in a sentence
        # ("Her partner of twenty years, Ingrid Solberg, came in") is more often the caregiver
        for m in filter(None, [_HEADER_PERSON.match(line, len(line) - len(line.lstrip()))]):
            first, last = m["first"], m["last"]
            if first in caregivers or first in _NOT_FIRST_NAMES or last in _NOT_FIRST_NAMES:
                continue
            if first.lower() in _RELATION_WORDS or _LED_BY_ROLE.search(line, 0, m.start()):
                continue  # "Dtr Rebecca Stein", "stepdad Craig Holcomb": a caregiver
            if _CREDENTIAL_AFTER.match(line, m.end()) or _CAREGIVER_AFTER.match(line, m.end()):
                continue  # "Jane Doe, PT"; "Bettina Lowe, wife of my patient"
            if line[max(0, m.start() - 4) : m.start()].rstrip().endswith("Dr."):
                continue
            # "Mrs. Whitcombe" is the wife when she is "Philippa Whitcombe": a shared surname names no one
            shared = any(f"{c} {last}" in text for c in sorted(caregivers)[:8])
            return frozenset({first}), frozenset() if shared else frozenset({last})
    return frozenset(), frozenset()


# The patient called by the caregiver's kinship: "daughter Tamar came in (mom at home)", a summary written to the
# caregiver ("your dad, Mr. Baptiste, was in the waiting room"). A kin word is the patient's when the note's caregiver
# is its inverse (a daughter's mom, a wife's husband), or when it is "your" in a note addressed to the caregiver.
_INVERSE = {
    "mom": r"daughter|son|dtr|child",
    "mother": r"daughter|son|dtr|child",
    "dad": r"daughter|son|dtr|child",
    "father": r"daughter|son|dtr|child",
    "husband": r"wife",
    "wife": r"husband",
}
_KIN_AWAY = re.compile(
    r"\b(?P<your>your\s+)?(?P<rel>mom|mother|dad|father|husband|wife)\b(?:,[^,\n]{1,40},)?[ \t]+"
    r"(?:was\s+|is\s+|stayed\s+|remained\s+)?(?:at\s+home|home\b|in\s+the\s+(?:waiting\s+room|lobby|car)"
    r"|at\s+(?:his|her)\s+(?:appointment|appt|day\s+program|dialysis))",
    re.I,
)


def kin_away(text: str, kin: list[tuple[int, str]]) -> list[Span]:
    """Where the patient, called by kinship, is said to be elsewhere; `kin` the note's kin words with their places."""
    out = []
    for m in sparse_finditer(_KIN_AWAY, text, _KIN_AWAY.pattern):  # RE2 finds the few starts
        inverse = re.compile(rf"(?:{_INVERSE[m['rel'].lower()]})", re.I)
        others = (word for at, word in kin if not m.start() <= at < m.end())
        if m["your"] or any(inverse.fullmatch(word) for word in others):
            out.append(m.span())
    return out
