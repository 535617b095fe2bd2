"""Where the patient was, told as a circumstance rather than as "not present".

Independent authors rarely write "patient not present"; they say where the patient was ("His son
drove him to his 10:00 eye appointment at 9:30", "Henrietta spent the morning in the hospital lab",
"while Jonah was in his second-grade classroom", "Pt @ HD") or that the caregiver came alone. They
say presence the same way ("Pt in hospital bed throughout", "sat at the table with us for the whole
session", "pt amb 150' w/ dtr guarding"). This module reads those statements; presence.py decides.

A departure with a clock time inside the caregiver-training time means the patient was there for
the first part of it: that is presence (docs/CONVENTIONS.md: present during CTS is a problem).
Every pattern is bounded (no nested repeats), so each scan is linear in the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from assistant.notes.lines import MAX_MENTIONS
from assistant.notes.nlp import Concept
from assistant.notes.scan import finditer, sparse_finditer
from assistant.notes.vocabulary import AWAY_PLACES

if TYPE_CHECKING:
    from assistant.notes.extract import Extraction

Span = tuple[int, int]
SubjectOf = Callable[[Concept], str]

# "Pt in hospital bed throughout" is a bed, not a hospital
# ... a compound's last part is the place too: "at his neuro-oncology visit", "at her post-op appointment"
_PLACE_WORDS = (
    r"(?:[a-z]+-)?(?:" + "|".join(re.escape(p) for p in sorted(AWAY_PLACES, key=len, reverse=True)) + r")\b"
)
# ... and a car to practise with is no place the patient went: "car transfer", "car seat", "car simulator"
_PLACE = _PLACE_WORDS + r"(?!\s+(?:bed|transfers?|seat|simulator|door)\b)"
# ... and the training's own group is no place the patient went: "in the group session", "at the group class"
_PLACE += r"(?!(?<=group)\s+(?:session|training|class|visit|lesson)\b)"
# ... nor "the group" alone, which is the training's ("sat in the group at the table next to her"); a group of the
# patient's own is named with whose or what it is ("at his stroke support group")
_PLACE += r"(?<!\bthe group)"
# up to four words between the preposition and the place: "his 10:00 eye appointment", "the 2nd-floor infusion"
_LEAD_IN = r"(?:[\w'’/:.-]+\s+){0,4}?"
# the patient goes or is somewhere else: "left with the transport van", "spent the morning in the lab",
# "was in his Tuesday dialysis chair", "had his weekly cardiac rehab class at 1:00", "Pt @ HD"
_ELSEWHERE_SOURCE = (
    r"\b(?:(?:went|had gone|has gone|gone|was taken|taken|was driven|was picked up|was brought|headed|returned)"
    r"\s+(?:(?:back\s+)?home\b|out\b|away\b|(?:back\s+)?(?:to|for|down to|up to|over to)\s+" + _LEAD_IN + _PLACE + ")"
    # "pt left 10:35 with neighbor": the departure's clock before whom or what for (_CLOCK reads it)
    r"|left\s+(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\s*)?\s(?:with|w/|for)\b"
    r"|with|w/|for|at\s+\d|early|before|to\s+" + _LEAD_IN + _PLACE
    + r"|the\s+(?:room|clinic|gym|building|house|session|office|area|home)\b|(?:back\s+)?home\b|for\s+home\b)"
    r"|spent\s+(?:the|his|her|their)\s+(?:morning|afternoon|day|hour|session|visit)\b"
    r"|(?:was|is|were|are|remained|stayed|sat|being|resting|waiting|playing|napping|sleeping)\s+(?:still\s+)?"
    r"(?:at|in|out at|off at|away at|down at|across town at|across the street at|next door at)\s+" + _LEAD_IN + _PLACE
    # "had his weekly cardiac rehab class", "was getting her infusion on your unit"
    + r"|(?:had|was\s+(?:getting|receiving|having))\s+(?:his|her|their|a|an)\s+" + _LEAD_IN + _PLACE
    # "Pt receiving dialysis in the unit downstairs", "pt getting labs drawn", "pt undergoing an MRI"
    + r"|(?:(?:was|is)\s+)?(?:getting|receiving|undergoing)\s+(?:(?:his|her|their|a|an)\s+)?" + _LEAD_IN + _PLACE
    + r"|(?:stayed|remained)\s+(?:back\s+)?home\b"  # "Walter stayed home today"
    # "so he was out of the house for the session", "Oswin was away from home during the visit"
    r"|(?:was|were|is|stayed|remained)\s+(?:out\s+of|away\s+from)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:house|home|room|clinic|building)\b"
    # a room on another floor: "was in the prosthetist's fitting room downstairs", "stayed in the den upstairs"
    r"|(?:was|were|stayed|remained|waited|sat)\s+(?:in|at)\s+(?:[\w'’-]+\s+){1,4}?(?:downstairs|upstairs"
    r"|down the hall|next door|across the hall)\b)"
)
_ELSEWHERE = re.compile(_ELSEWHERE_SOURCE, re.I)
# "could NOT be left home alone, so she came along": "left" by others (passive), not the patient leaving
_LEFT_BY_OTHERS = re.compile(r"\b(?:be|been|being|get)\s+$", re.I)
# copula-less forms that name the subject themselves: "Pt @ HD", "pt at neuro clinic", "Pt location: adult day center"
_PT_AT_SOURCE = (
    # "Pt location: adult day center", a flowsheet's "Patient location . at her cardiac rehab session"
    # "Resident: in hair salon during session": the label's answer is where
    r"\b(?:pt|patient|client|child|children|resident)\s*(?::\s*)?(?:location(?:\s+during\s+(?:the\s+)?(?:training|session|visit|cts))?"
    r"\s*[:.]{1,40}\s*(?:at\s|in\s)?|@|at\s|in\s"
    # "Pt Wendeline Osei-Barrow at her hairdresser", "Pt: Odalys Fair (SYNTHETIC) - at her lunch": named, then where
    r"|:?\s(?-i:[A-Z][\w'-]+\s){1,3}(?:\([A-Z]+\)\s)?(?:[-–,]\s)?(?:at|in)\s)\s*" + _LEAD_IN + _PLACE
    # "pt at her granddaughter's", "pt at his brother's": someone else's home
    # ... also after the patient's name: "Pt: Solange Achterberg (SYNTHETIC) at her granddaughter's"
    # ... or with no determiner and a plural owner: "(child at grandparents')", "pt at Nana's"
    + r"|\b(?:pt|patient|child|client)(?::?\s+(?-i:[A-Z][\w'-]+)){0,3}(?:\s+\([A-Z]+\))?\s+"
    r"(?:(?:was|is|stayed|remained)\s+)?at\s+(?:(?:his|her|their)\s+)?[\w-]+(?:['’]s\b|s['’])"
    # "pt home w/ wife", "patient stayed at home with his son": home with someone else, not at the training
    # ... "Pt (Wen-Hsiung Lin) @ home w/ dtr"
    # ... "Child (Wren Kalu, 8 mo, former 29-wk preemie, P07.32) home with dad"
    # ... named, and set off by a dash: "Patient: Fitzgerald Omondi-Rask (FSHD) -- home w/ his sister"
    + r"|\b(?:pt|patient|child|client)(?::?\s+(?-i:[A-Z][\w'-]+)){0,3}(?:\s+\([^()\n]{1,80}\))?(?:\s+(?:--|[-–—]))?\s+"
    r"(?:(?:was|is|stayed|remained)\s+)?(?:at\s+|@\s*)?home\s+(?:w/|with)\s+"
    r"(?:his\s+|her\s+|their\s+|a\s+)?(?:wife|husband|spouse|son|daughter|dtr|sister|brother|mother|father|mom|dad"
    r"|neighbou?r|friend|aide|sitter|grand\w+)\b"
    # "Pt at home; a friend from church is sitting with him": someone keeps the patient company away from the training
    + r"|\b(?:pt|patient|child|client)\s+(?:(?:was|is|stayed|remained)\s+)?(?:at\s+|@\s*)?home\s*[;,]\s*"
    r"(?:[\w'’-]+\s+){1,5}?(?:is\s+|was\s+)?(?:sitting|staying|stays|sits)\s+with\s+(?:him|her|them)\b"
)
_PT_AT = re.compile(_PT_AT_SOURCE, re.I)
# someone takes the patient away: "His son drove him to his 10:00 eye appointment", "Paula took her mother out"
_OBJECT = r"(?:him|her|them|the patient|the pt|pt|patient|(?:his|her)\s+(?:mother|father|mom|dad|wife|husband))"
# ... one word more: "the sitter took him for a walk to the corner cafe"
_TAKEN_SOURCE = (
    r"\b(?:drove|took|walked|wheeled|brought|escorted|transported|collected)\s+" + _OBJECT
    + r"\s+(?:(?:back\s+)?home\b|out\b|away\b|outside\b|(?:back\s+|down\s+|over\s+|up\s+)?(?:to|for)\s+"
    + r"(?:[\w'’/:.-]+\s+){0,5}?" + _PLACE + r")"
    r"|\b(?:picked|came for|arrived for|was here for)\s+" + _OBJECT + r"(?:\s+up)?\b|\bpicked up\s+" + _OBJECT + r"\b"
)
_TAKEN = re.compile(_TAKEN_SOURCE, re.I)
# the patient by name, then where: "Wren in preschool", "Tobias was at school" (the name checked afterwards)
# ... and "while Noah was at kindergarten": whoever is away while the training goes on, when not a caregiver
_NAMED_AT_SOURCE = (
    # ... or the name as a label: "Winifred: at her hair salon with her husband"
    r"\b(?P<while>while\s+)?(?P<who>(?-i:[A-Z][a-z]+)):?\s+(?:(?:was|is|stayed|remained)\s+)?(?:(?:at|in|@)\s+"
    + _LEAD_IN
    + _PLACE
    # "while Aurelio was at home resting", "Noor was home with her mother": home, away from the training
    + r"|(?:was|is|stayed|remained)\s+(?:at\s+)?home\s+(?:resting|sleeping|napping|with)\b)"
)
_NAMED_AT = re.compile(_NAMED_AT_SOURCE, re.I)
# What RE2 looks for before Python's `re` scans a note (scan.finditer): each pattern without its one
# lookahead ("hospital bed"), so a note that names no place skips the costly scan.
# (By the pattern's id: a dict keyed by a compiled pattern hashes its whole program on every lookup; these patterns
# live as long as the module, so no other object has their ids.)
_PROBES = {
    id(pattern): source.replace(_PLACE, _PLACE_WORDS)
    for pattern, source in (
        (_ELSEWHERE, _ELSEWHERE_SOURCE),
        (_PT_AT, _PT_AT_SOURCE),
        (_TAKEN, _TAKEN_SOURCE),
        (_NAMED_AT, _NAMED_AT_SOURCE),
    )
}
# the caregiver came on their own: "son came in alone", "met me alone", "came to the clinic by herself", "came to
# clinic alone"
_ALONE = re.compile(
    r"\b(?:came|come|attended|arrived|seen|met me|met with me|was seen|present|here)\s+(?:in\s+|to (?:the )?\w+\s+)?"
    r"(?:alone|by (?:herself|himself|themselves)|on (?:her|his|their) own)\b"
    r"|\bnone of the (?:patients|pts|clients|residents) (?:came|attended|were present|joined|was present)\b"
    # "met with daughter alone": the caregiver seen on their own
    r"|\bmet\s+with\s+(?:(?:his|her|their|the)\s+)?[\w-]+\s+alone\b"
    # a heading's "(no pt)", "(w/o patient)": the session had no patient
    r"|\((?:no|w/o|without)\s+(?:the\s+)?(?:pt|patient|child|client)\)"
    # "son came in, dad not w him": whoever did not come with the caregiver is the patient
    r"|\b(?:came|come|arrived)\s+(?:in\b)?[^.;\n]{0,30}?\bnot\s+(?:w/?|with)\s+(?:him|her|them)\b",
    re.I,
)
# presence that changes during the training: "returned ... and joined the session for the last 20 minutes"
_JOINED_PART = re.compile(
    r"\b(?:returned|came back|came in|came into|walked in|walked into|wandered in|joined|rejoined|arrived"
    # "wheeled himself into the gym and parked next to Halina; he stayed for the rest of the session"
    r"|(?:wheeled|rolled)\s+(?:himself|herself)\s+in(?:to)?)\b"
    r"(?:[^.;]|;[ \t](?:he|she)[ \t])"
    r"{0,120}?\b(?:for the (?:last|final|second"
    r"|remaining|rest)\b|(?:the )?second half\b|halfway\b|partway\b|part way\b|midway\b|part of the (?:session|training"
    r"|visit)\b|from then on\b|from that point\b|from there on\b"
    # "at about 2:20 he came into the room and stayed until the end"
    r"|(?:stayed|remained|was there|sat in)\s+(?:until|till|to)\s+the\s+end\b)"
    r"|\b(?:for the (?:second half|last \d+ min\w*|rest of the session)|halfway through|midway through|partway through)"
    r"[^.;\n]{0,60}?\b(?:patients?|pts?|he|she)\b[^.;\n]{0,20}?\b(?:brought in|came in|came back|joined|returned)\b"
    r"|\b(?:present|there|in the room)\s+for\s+the\s+first\b[^.;\n]{0,80}?\bthen\s+(?:left|went)\b"
    # "so he was present for the last part", "in the room for the second half"
    r"|\b(?:present|there|in the room)\s+for\s+the\s+(?:last|final|second|remaining)\s+(?:part|half|portion|\d+)",
    re.I,
)
# the patient taking part by video or phone from elsewhere: "stayed home (fatigue) but was on FaceTime ... for the
# whole session" (present by video is present, docs/CONVENTIONS.md), whatever the note says of where they were
# in body; telehealth reads it as how the patient took part, not how the training was furnished
_ON_LINK_SOURCE = (
    r"\b(?:was|were|stayed|remained|joined|participated|took\s+part|listened\s+in|watched)\s+(?:in\s+)?"
    r"(?:on|via|by|over)\s+(?:a\s+|the\s+)?(?:facetime|video(?:\s+call|\s+chat)?|zoom|skype|speaker\s?phone)\b"
)
# ... not a kind of device or platform: "Practitioner was on a video-capable platform" (RE2 probes without it)
ON_LINK = re.compile(_ON_LINK_SOURCE + r"(?![-/])", re.I)
_PROBES[id(ON_LINK)] = _ON_LINK_SOURCE
# presence over the whole session, or taking part: "Pt in hospital bed throughout", "for most of the call"
_THROUGHOUT = re.compile(
    r"\b(?:throughout|(?:for|during)\s+(?:the\s+)?(?:whole|entire)\s+(?:time|session|visit|call|training|class)"
    r"|for\s+most\s+of\s+the\s+(?:time|session|visit|call|training|class))\b",
    re.I,
)
# a clause's characters, over a line wrapped in mid-sentence (the next line goes on in lower case)
_WRAPPING = r"(?:[^.;\n]|\n[ \t]+|\n(?-i:[a-z]))"
_TAKES_PART = re.compile(
    r"\b(?:guard(?:ed|ing)|spott(?:ed|ing)|assist(?:ed|ing))\s+(?:\w+\s+){0,2}?(?:while|as)\s+(?:he|she)\s+"
    r"(?:completed|performed|did|walked|stood|transferred|practi[cs]ed|ambulated)\b"
    r"|\b(?:pt|patient)\s+(?:amb|ambulated|walked|performed|completed|practi[cs]ed|transferred|stood)\b"
    r"[^.;\n]{0,60}?\b(?:w/|c/|with)\s+(?:his\s+|her\s+|the\s+)?(?:dtr|daughter|son|wife|husband|spouse|cg"
    r"|caregiver|mother|father|sister|brother)\s+(?:guarding|assisting|spotting|helping)\b"
    # "pt walked the hallway with Lourdes while PT guarded": the patient doing the activity in the session
    r"|\b(?:pt|patient)\s+(?:amb\w*|walked|transferred|stood|practi[cs]ed|performed|completed)\b[^.;\n]{0,60}?"
    r"\bwhile\s+(?:the\s+)?(?:PT|OT|SLP|I|therapist|clinician)\s+(?:guarded|cued|assisted|spotted|watched"
    r"|supervised|gave)\b"
    # "Pt ambulated 40 ft with RW while son practiced contact guard": the caregiver practised on the patient
    r"|\b(?:pt|patient)\s+(?:amb\w*|walked|transferred|stood|practi[cs]ed|performed|completed)\b[^.;\n]{0,60}?"
    r"\bwhile\s+(?:his\s+|her\s+|the\s+)?(?:dtr|daughter|son|wife|husband|spouse|cg|caregiver|mother|father"
    r"|sister|brother)\s+(?:practi[cs]ed|guarded|spotted|assisted|provided|gave|cued)\b"
    # "pt sat at the table and demonstrated his tub transfer ... while OT coached wife": the patient did the task
    r"|\b(?:pt|patient)\s+(?:[\w-]+\s+){0,6}?(?:demonstrated|did|performed|practi[cs]ed|transferred|walked)\b"
    r"[^.;\n]{0,60}?\bwhile\s+(?:the\s+)?(?:PT|OT|SLP|I|therapist|clinician)\s+(?:coached|instructed|trained"
    r"|taught)\s+(?:the\s+|his\s+|her\s+)?(?:dtr|daughter|son|wife|husband|spouse|cg|caregiver|mother|father"
    r"|sister|brother|parents?)\b"
    # "watched pt and son perform 4 reps together": the patient and the caregiver did it together
    r"|\b(?:pt|patient)\s+(?:and|&|\+)\s+(?:his\s+|her\s+|their\s+|the\s+)?(?:dtr|daughter|son|wife|husband|spouse"
    r"|cg|caregiver|mother|father|mom|dad|sister|brother|parents?)\s+(?:perform(?:ed)?|practi[cs]ed|did|completed"
    r"|transferred|walked)\b"
    # "Pt in recliner during session", "pt sat in his w/c during the training": where the patient sat while it went on
    r"|\b(?:pt|patient)\s+(?:was\s+|sat\s+|sitting\s+|seated\s+|remained\s+|stayed\s+)?in\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:lift\s+)?(?:recliner|wheelchair|w/c|chair|hospital bed)\s+(?:during|for|throughout)\s+(?:the\s+)?"
    r"(?:whole\s+|entire\s+)?(?:session|training|visit|practice|cts)\b"
    # "the patient who was sitting next to his wife"; "while the pt ... ate lunch" in the training room
    r"|\b(?:pt|patient)\s+(?:who\s+)?(?:was\s+)?(?:sitting|sat|seated)\s+(?:next to|beside|at the table with)\b"
    r"|\bwhile\s+(?:the\s+)?(?:pt|patient|he|she)\b[^;\n]{0,40}?\b(?:ate|was eating|had (?:his|her) (?:lunch|meal"
    r"|breakfast|dinner))\b"
    # the caregiver practised on the patient, not on the therapist playing the patient: "practiced each
    # handling technique on him while I guided her hands" ("on her own", "on pt's bed" are not: see _ON_WHOM)
    # ... across a wrapped line ("practiced the stretches\nand the standing setup on him"), and on the patient's own
    # limb ("directly on his L leg", "on her affected arm": a side or an affected limb is the patient's)
    r"|\b(?:practi[cs]ed|performed|tried|return[- ]demonstrated|did)\b" + _WRAPPING + r"{0,60}?\bon\s+(?:him|her"
    r"|the\s+(?:patient|pt|child|baby)|patient|(?-i:pt|Pt)"  # "on PT" is the therapist
    r"|(?:his|her)\s+(?:L|R|left|right|affected|weak|weaker|involved|hemiparetic|operated|operative)\s+\w+)\b"
    # the caregiver's hands on the patient in the session: "daughter fed pt a soft meal", "wife assisted pt w/ shower
    # bench tx", "RD: wife perf bench tx w/ pt x2", "practiced transfers with pt himself"
    r"|\b(?:fed|assisted|transferred|dressed|bathed|guarded|spotted|positioned|stretched|walked)\s+(?:the\s+)?"
    r"(?-i:pt|Pt|patient|Patient)\b"
    # bed mobility done on the patient in bed: "while Honora rolled him", "wife boosted her up in bed" (not
    # "repositioned him": the therapist corrects the caregiver so)
    r"|\b(?:rolled|log[- ]?rolled|boosted)\s+(?:him|her|(?:the\s+)?(?-i:pt|Pt|patient|Patient))\b"
    r"|\b(?:perf\w*|practi[cs]ed|did|demo'?d|used|tried)\b[^.;\n]{0,40}?\b(?:w/|with)\s+(?:the\s+)?(?-i:pt|Pt|patient)\b"
    # the caregiver's hands-on task, named by its gerund, on the patient: "husband and son practiced turning pt"
    r"|\b(?:practi[cs]ed|performed|did|demo'?d|return[- ]demonstrated)\s+(?:\w+ing)\s+(?:the\s+)?(?-i:pt|Pt|patient)\b"
    # the patient doing the activity while the caregiver trains on it: "husband practiced guarding while pt walked"
    r"|\bwhile\s+(?:the\s+)?(?-i:pt|Pt|patient)\s+(?:amb\w*|walked|transferred|stood|practi[cs]ed|performed|ate|drank"
    r"|fed|was\s+(?:walking|eating|fed|transferred))\b"
    # the caregiver coaching the patient through the task: "wife coached pt through sock aid"
    r"|\b(?:coached|cued|guided|talked)\s+(?-i:pt|Pt|patient)\s+(?:through|to|on|in)\b",
    re.I,
)
# the same hands-on verbs with the patient's own name as their object: "Father fed Benedikt lunch", "Dad bathed Levi
# with OT coaching", "Dad tried each strategy w/ Levi" (compiled per note from the names its patient label gives)
_HANDLED_VERBS = (
    r"(?:fed|bathed|showered|toileted|dressed|transferred|positioned|repositioned|guarded|spotted|stretched|walked"
    r"|assisted|helped|turned|rolled|lifted|cued|coached)"
)
_WITH_VERBS = r"(?:perf\w*|practi[cs]ed|did|demo'?d|tried|used|walked)"
_ON_VERBS = r"(?:practi[cs]ed|performed|tried|did|demonstrated|return[- ]demonstrated)"
_NAME = r"(?-i:[A-Z][a-z]+)\b"  # a possessive after it: _ON_WHOM_NOT
_HANDLED_NAMED = re.compile(
    r"\b" + _HANDLED_VERBS + r"\s+(?P<n1>" + _NAME + ")"
    + r"|\b" + _WITH_VERBS + r"\b[^.;\n]{0,40}?\b(?:w/|with)\s+(?P<n2>" + _NAME + ")"
    + r"|\b" + _ON_VERBS + r"\b[^.;\n]{0,60}?\bon\s+(?P<n3>" + _NAME + ")",
    re.I,
)  # fmt: skip
_HABIT_BEFORE = re.compile(
    r"\b(?:has|have|had|been|usually|normally|always|typically|often|will|would|to|who)\s+(?:[\w-]+\s+)?$", re.I
)
_HABIT_AFTER = re.compile(
    r"\b(?:at home|since|last (?:night|week|month)|yesterday|daily|every|each (?:day|morning|night)|at night)\b", re.I
)
# in the training room beside the caregivers, whatever the patient did there: "slept in his stroller next to us",
# "sat beside us playing", "lay on the mat near us" (the patient must be who does it)
_BESIDE_US = re.compile(
    r"\b(?:slept|sleeping|asleep|napped|napping|dozed|dozing|sat|sitting|lay|lying|played|playing|stayed|remained"
    r"|was|were)\b"
    r"[^.;\n]{0,40}?\b(?:(?:right\s+)?(?:next to|beside|near|alongside)\s+(?:us|them|the (?:parents|caregivers))"
    r"|in the (?:same )?room with us)\b",
    re.I,
)
# a subject the clause must have for _THROUGHOUT ("PT" in capitals is the therapist, not the patient)
# "on her own", "on pt's bed", "practised on her husband": not on the patient ("her" owns the next word)
_ON_WHOM_NOT = re.compile(
    r"['’]s\b|\s+(?:own|husband|wife|spouse|partner|son|daughter|mother|father|mom|dad|sister|brother|friend"
    r"|neighbou?r|child|grand\w+|doll|model|arm|leg|hand"
    r"|end)\b"  # "practiced the cues on her end": at her end of a call, not on the patient
    # "demo'd cueing pt (me) through 3 toilet transfers": the therapist played the patient
    r"|\s*\((?:me|myself|therapist|clinician|PT|OT|SLP|OTR|DPT)\)"
)
_NOT_WHO = frozenset({"The", "This", "That", "His", "Her", "Their"})
_STAND_IN = re.compile(
    r"\b(?:me|myself|(?:the\s+)?therapist|(?:a\s+)?partner|each other|(?:a\s+)?doll|mannequin)\b", re.I
)
_PATIENT_SUBJECT = re.compile(r"\b(?:[Pp]t|[Pp]atient|[Hh]e|[Ss]he|Mr|Mrs|Ms|[Cc]lient|[Cc]hild)\b")
_PERSON = re.compile(
    _PATIENT_SUBJECT.pattern
    + r"|\b(?:[Dd]aughter|[Dd]tr|[Ss]on|[Ww]ife|[Hh]usband|[Ss]pouse|CG|[Cc]aregivers?|[Mm]other"
    r"|[Ff]ather|[Ss]ister|[Bb]rother|[Ff]riend|[Nn]eighbou?r|[Pp]arents?|I|we|We|PT|OT|SLP|PTA|COTA|OTA|[Tt]herapist)\b"
)
_NOT_THERE = re.compile(
    r"\b(?:not|no|never|absent|away|asleep|napping|sleeping|resting|upstairs|downstairs|bedroom|other room"
    r"|outside|left|gone|elsewhere|in the car|lobby|waiting room)\b",
    re.I,
)
# "on the second attempt he was accurate throughout": how well it was done, not who was there
_HOW_WELL = re.compile(
    r"\b(?:accurate|correct|consistent|safe|independent|steady|smooth|careful|appropriate|fluent|good)\w*\s*$", re.I
)
# "pt L hemiparesis -> high fall risk, therapist corrected guarding position throughout": the clinician's doing
_CLINICIAN_ACTS = re.compile(r"\b(?:therapist|clinician|(?-i:PT|OT|SLP|PTA|COTA|OTA))\s+\w+ed\b", re.I)
_NAMED_GATE = re.compile(r"\b(?:drove|took|walked|wheeled)\s+[A-Z]")
# whoever a van or a driver comes for leaves: "The senior-center van came for Lucille at 9:05"
_COLLECTED = re.compile(
    r"\b(?:came for|arrived for|picked up|collected)\s+(?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+)?[A-Z][a-z]+\b"
)
# the patient brought in by someone else partway through: "transport brought Mr. Tillotson into the treatment room
# at about 10:20", "the aide wheeled pt in at 2:15". Being brought in is done to the patient (a caregiver comes in),
# so a title or a bare pt word is read as the patient; a first name only when it is the patient's
_BROUGHT_IN = re.compile(
    r"\b(?:brought|wheeled|walked|escorted|pushed|transported)\s+(?:the\s+)?(?P<who>(?:pt|patient)\b"
    r"|(?-i:(?P<title>(?:Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?))"
    r"\s+(?:back\s+)?(?:in\b|into\b)",
    re.I,
)
# brought into the waiting room or the car is still away from the training
_NOT_THE_ROOM = re.compile(r"[ \t]+(?:the\s+)?(?:waiting|lobby|car\b|van\b|hall)", re.I)
# ... who then stayed to the end, or was brought at a time inside the counted training
_TO_THE_END = re.compile(
    r"\b(?:stayed|remained|was there|sat)\b[^.;]{0,40}?\b(?:until|till|to|through)\s+the\s+end\b|\bfor the rest\b",
    re.I,
)
_CLOCK = re.compile(r"\b(?:at|@|by|around|about|left)\s+(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m?\.?)?(?![\d:])", re.I)
_HALF_DAY = 12 * 60
_TITLE_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)$")


def _concept(label: str, a: int, b: int, ex: Extraction) -> Concept:
    line_start, line_end = ex.lines.line_span(ex.lines.number(a))
    return Concept(label, a, b, ex.text[a:b], False, line_start, line_end)


def _sentence(ex: Extraction, a: int, b: int) -> tuple[int, int]:
    """The sentence around text[a:b], bounded to the line (clipped) and to ". " / "; " breaks."""
    lo, hi = ex.lines.bounds(a, b, 200)
    text = ex.text
    start = max(_full_stop(text, lo, a), text.rfind("; ", lo, a), text.rfind("? ", lo, a))
    stops = [i for i in (text.find(". ", b, hi), text.find("; ", b, hi)) if i != -1]
    return (start + 2 if start != -1 else lo), (min(stops) if stops else hi)


def _full_stop(text: str, lo: int, a: int) -> int:
    """The last ". " in text[lo:a] that ends a sentence, not a title ("Mrs. Brennan-Ito sat with us")."""
    at = text.rfind(". ", lo, a)
    while at != -1 and _TITLE_END.search(text, max(lo, at - 4), at):
        at = text.rfind(". ", lo, at)
    return at


def _clock(text: str) -> int | None:
    """Minutes since midnight of the first "at 9:30" in `text` (12-hour ambiguity left to the caller)."""
    m = _CLOCK.search(text)
    if m is None or int(m.group(1)) > 23 or (m.group(2) is None and m.group(3) is None):
        return None
    hour = int(m.group(1))
    if m.group(3) and m.group(3)[0].lower() == "p" and hour < 12:
        hour += 12
    return hour * 60 + int(m.group(2) or 0)


def _during_training(ex: Extraction, minute: int) -> bool:
    """Whether a departure at `minute` falls inside a CTS segment (after its first minute): the patient
    was there for the start of the training. Clock times are compared on a 12-hour dial when no am/pm."""
    for seg in ex.cts_segments:
        for shift in (0, _HALF_DAY):
            t = minute + shift
            if seg.start_minute + 1 < t < seg.end_minute:
                return True
    return False


def _matches(ex: Extraction, *patterns: re.Pattern[str]) -> Iterator[re.Match[str]]:
    for pattern in patterns:
        # RE2 finds where each match starts (the probe matches at every start of the pattern's matches): Python's
        # `re` is asked only there, not at every position of a note that has a match somewhere
        for i, m in enumerate(sparse_finditer(pattern, ex.text, _PROBES.get(id(pattern), pattern.pattern))):
            if i >= MAX_MENTIONS:
                break
            yield m


def _named_taken(names: frozenset[str]) -> re.Pattern[str] | None:
    """ "The senior-center van came for Lucille at 9:05": the patient's own name as the one collected."""
    if not names:
        return None
    who = "(?:" + "|".join(map(re.escape, sorted(names))) + r")\b"
    return re.compile(r"\b(?:drove|took|walked|wheeled)\s+" + who)


# a time-stamped entry's time, opening its line ("0922  pt wandered in", "2:31 pm: pt came in and joined")
_LINE_STAMP = re.compile(
    r"[ \t*•>\-\[(]{0,6}(?P<h>[01]?\d|2[0-3]):?(?P<m>[0-5]\d)(?:[ \t]?(?P<ap>[aApP])\.?[mM]\.?)?[\])]?[ \t]{0,3}"
    r"(?:[:\-–—]{1,2}[ \t]{0,3}|[ \t])[A-Za-z]"  # "2:31 pm -- pt wheeled in": a doubled dash as times.py reads
)
STAMP_LINES = 4  # an entry's continuation lines (indented, wrapped) that still belong to its stamp
# the patient comes in: "pt wandered into the kitchen", "he walked in", "pt came in and joined"
_ARRIVES = re.compile(
    r"\b(?:pt|patient|he|she)\s+(?:[\w'-]+\s+){0,2}?(?:wandered|walked|came|wheeled|rolled|was\s+brought"
    r"|was\s+wheeled)\s+(?:in(?:to)?|back)\b",
    re.I,
)


def entry_minute(ex: Extraction, pos: int) -> int | None:
    """Minutes since midnight of the time stamp whose entry holds `pos` (its line or one of the few lines after
    it), or None when the text at `pos` is no time-stamped entry's."""
    n = ex.lines.number(pos)
    for k in range(n, max(-1, n - STAMP_LINES), -1):
        a, b = ex.lines.line_span(k)
        m = _LINE_STAMP.match(ex.text, a, b)
        if m is not None:
            hour = int(m["h"])
            if m["ap"] and m["ap"].lower() == "p" and hour < 12:
                hour += 12
            return hour * 60 + int(m["m"])
        if k != n and not ex.text[a:b].startswith((" ", "\t")):
            return None  # an unindented line between: a new paragraph, not the entry's continuation
    return None


def outside_training(ex: Extraction, minute: int) -> bool:
    """Whether a stamped entry's time falls outside every CTS segment (at or after the training's end, or
    before its start), on the 12-hour dial when the stamp has no am/pm."""
    segments = ex.cts_segments
    return bool(segments) and not any(
        seg.start_minute <= minute + shift < seg.end_minute for seg in segments for shift in (0, _HALF_DAY)
    )


def arrivals_during(ex: Extraction) -> list[Span]:
    """The patient coming in during a time-stamped entry inside the counted training time: present during CTS
    ("0910 begin training w/ daughter ... 0922 pt wandered into the kitchen, stayed and watched us")."""
    out: list[Span] = []
    for m in _matches(ex, _ARRIVES):
        minute = entry_minute(ex, m.start())
        if minute is not None and ex.cts_segments and not outside_training(ex, minute):
            out.append(m.span())
    return out


class Whereabouts(NamedTuple):
    """What the circumstances say: present, absent, or present for part of the training (which
    outweighs any absence: the patient was there during CTS time)."""

    presence: list[Span]
    absence: list[Span]
    changed: list[Span]


def _once(names: Callable[[], frozenset[str]]) -> Callable[[], frozenset[str]]:
    """`names`, asked at most once (the patient's names are found only when a pattern names someone)."""
    found: list[frozenset[str]] = []

    def ask() -> frozenset[str]:
        if not found:
            found.append(names())
        return found[0]

    return ask


def whereabouts(
    ex: Extraction,
    subject_of: SubjectOf,
    patient_names: Callable[[], frozenset[str]],
    caregiver_names: Callable[[], frozenset[str]] = frozenset,
) -> Whereabouts:
    """Presence, absence and mid-session changes the circumstances of the note give for the patient."""
    presence: list[Span] = []
    absence: list[Span] = []
    changed: list[Span] = []
    names = _once(patient_names)
    named = _named_taken(names()) if next(finditer(_NAMED_GATE, ex.text), None) else None
    for m in _matches(ex, _ELSEWHERE, _PT_AT, _TAKEN, _COLLECTED, _ALONE, _NAMED_AT, *([named] if named else [])):
        a, b = m.span()
        if m.re is _NAMED_AT and not _named_away(m, names, caregiver_names):
            continue
        if m.re is _ALONE:
            said = m.group(0).lower()  # "none of the patients came", "(no pt)", "came in, dad not w him"
            subjectless = said.startswith(("none", "(")) or " not w" in said
            if subjectless or subject_of(_concept("PRESENCE", a, b, ex)) == "caregiver":
                absence.append((a, b))
            continue
        if m.re is _ELSEWHERE and (
            _LEFT_BY_OTHERS.search(ex.text, max(0, a - 6), a) or subject_of(_concept("ABSENCE", a, b, ex)) != "patient"
        ):
            continue
        s_start, s_end = _sentence(ex, a, b)
        minute = _clock(ex.text[s_start:s_end])
        (changed if minute is not None and _during_training(ex, minute) else absence).append((a, b))
    absent_sorted = sorted(absence)
    for m in _matches(ex, _JOINED_PART, ON_LINK):
        if subject_of(_concept("PRESENCE", *m.span(), ex)) == "patient":
            changed.append(m.span())
    changed += _brought_in(ex, names)
    beside = _matches(ex, _BESIDE_US)
    presence += [m.span() for m in beside if subject_of(_concept("PRESENCE", *m.span(), ex)) == "patient"]
    for m in _matches(ex, _THROUGHOUT, _TAKES_PART, _HANDLED_NAMED):
        a, b = m.span()
        if m.re is _HANDLED_NAMED and (m["n1"] or m["n2"] or m["n3"]) not in names():
            continue  # a name, but not the patient's ("fed Rover", "practised with Pilar")
        s_start, s_end = _sentence(ex, a, b)
        if any(s_start <= x < s_end for x, _ in absent_sorted):
            continue  # "pt was at dialysis throughout the session"
        # "What we did, 1:40-2:15: pt sat at the table ... the whole time": a label before its colon is no subject
        if m.re is _THROUGHOUT and not _patient_first(ex.text[s_start:a].rsplit(": ", 1)[-1]):
            continue
        if m.re is not _THROUGHOUT and (
            _ON_WHOM_NOT.match(ex.text, b, b + 16)
            # "practiced guarding me 150 ft, 1 reminder to stay on her weak L side": the therapist stood in
            or _STAND_IN.search(ex.text, a, b)
            # "wife has assisted pt with showers since discharge": what the caregiver does at home, not the session
            or _HABIT_BEFORE.search(ex.text, max(s_start, a - 30), a)
            or _HABIT_AFTER.search(ex.text, b, min(s_end, b + 50))
            # "97530 (floor transfers) performed w/ pt earlier in the visit": the same-day patient-present service
            or ex.service.belongs_to_other((a, b))
            or ex.service.heads_other(a)
        ):
            continue
        presence.append((a, b))
    return Whereabouts(presence, absence, changed)


def _brought_in(ex: Extraction, names: Callable[[], frozenset[str]]) -> list[Span]:
    """The patient brought into the session during the counted training (`_BROUGHT_IN`): there for part of it."""
    out: list[Span] = []
    for m in _matches(ex, _BROUGHT_IN):
        who = m["who"]
        if not (m["title"] or who.lower() in ("pt", "patient") or who in names()):
            continue
        if _NOT_THE_ROOM.match(ex.text, m.end()):
            continue
        _, s_end = _sentence(ex, *m.span())
        minute = _clock(ex.text[m.end() : s_end])
        if (minute is not None and _during_training(ex, minute)) or _TO_THE_END.search(ex.text, m.end(), s_end):
            out.append(m.span())
    return out


def _named_away(
    m: re.Match[str], patient_names: Callable[[], frozenset[str]], caregiver_names: Callable[[], frozenset[str]]
) -> bool:
    """The patient named away ("Wren in preschool"), or, in a "while" clause ("while Noah was at kindergarten"),
    anyone away who is no caregiver the note names, nor a pronoun, a title or a role."""
    who = m["who"]
    if who in patient_names():
        return True
    return bool(m["while"]) and who not in caregiver_names() and not _PERSON.fullmatch(who) and who not in _NOT_WHO


def _patient_first(clause: str) -> bool:
    """Whether the clause before "throughout" is about the patient: the first person it names is the
    patient ("The pt was on the couch behind her son") and nothing in it says away or asleep."""
    if _NOT_THERE.search(clause) or _HOW_WELL.search(clause) or _CLINICIAN_ACTS.search(clause):
        return False
    first = _PERSON.search(clause)
    return first is not None and _PATIENT_SUBJECT.fullmatch(first.group(0)) is not None
