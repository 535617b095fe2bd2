"""The offline answer: one to three sentences taken from the passages a search found (pure).

- Dated facts (a fee for a code and period, a code's validity on a date, a KX threshold, an appeal
  deadline, units for some minutes) are worded from the knowledge by `facts` and cited to the
  passage that holds them.
- Otherwise the answer is extracted: the opening of an FAQ's answer, or the sentence of the top
  passage that shares most words with the question.
- Every sentence passes the answer gate against its cited passage; a sentence that does not is
  dropped. When nothing is left, or the question asks what the knowledge does not hold (another
  payer's fees, a year with no data, a locality rate), the answer says it cannot answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from assistant.answer.asked import unstated
from assistant.answer.calc import worked
from assistant.answer.dx_meaning import meaning_not_held
from assistant.answer.facts import AMOUNT_ASKED, Claim, claims, when
from assistant.answer.gate import ungrounded
from assistant.answer.parts import present_throughout, second_parts, shared_minutes
from assistant.answer.reason_asked import mue_claim, reason_claim
from assistant.answer.stated import judged
from assistant.knowledge.loader import Knowledge
from assistant.models import Passage
from assistant.retrieval.bm25 import tokenize
from assistant.retrieval.chunking import sentences
from assistant.retrieval.pin import Pin, overlaps
from assistant.retrieval.query import expand
from assistant.retrieval.understand import AIC, DEADLINE, DECISION_TIME, REASON, Intent
from assistant.words import MONTHS

CANNOT = "I can't answer this from the knowledge base"
ASKS_VALUE = re.compile(r"^\s*(?:what(?:'?s| is| are| was)|which|how much|how many)\b", re.I)
# A question that opens like "is ...", "can ...", "does ..." asks yes or no; a terse one ("mue for 97551 per day?")
# asks for a value, like "what is ...".
YES_NO = re.compile(r"^\s*(?:is|are|was|were|can|could|do|does|did|should|will|would|may|must|has|have|if|when"
                    r"|why|how (?:do|does|should|can))\b|\b(?:can|could|do|does|should|may) (?:i|we|you|they)\b", re.I)
COMPARES = re.compile(r"\b(?:lower|higher|difference|gap|compare[ds]?|versus|vs\.?)\b", re.I)
UNKNOWN = re.compile(r"\b(?:was|were|is|are) not (?:found|verified)\b|\bno source\b", re.I)
# "ICD-10 code for autism": the thing a code is asked for; when no passage found names it, nothing answers
# ("what cpt do I use for dry needling" too: the code word and "for" may have a few words between them)
# ("what ICD-10 code do I use in the caregiver's own chart for caregiver burnout": words between, and the thing may be
# two words, each of which one passage must name)
CODE_FOR = re.compile(r"\b(?:codes?|cpt|hcpcs)\b"
                      r"(?:\s+(?:do|should|would|can|could|i|we|you|use|to|bill|goes|go|belongs)){0,4}"
                      r"(?:\s+(?:in|on)\s+(?:the\s+|a\s+|an\s+)?(?:[\w']+\s+){0,3}?(?:chart|record|note|claim)s?)?"
                      r"\s+for\s+(?:an?\s+|the\s+)?([a-z][a-z'-]{2,})(?:\s+([a-z][a-z'-]{2,}))?", re.I)
_NOT_THING = frozenset({"the", "and", "with", "that", "this", "when", "who", "was", "for", "our", "her", "his", "their",
                        "patient", "patients", "training", "session", "sessions", "visit", "services", "service"})
# "which code for Jan 2026 ...", "code for dates of service in 2024": a time asked about, not a thing
_WHEN_WORDS = frozenset({*MONTHS, "dates", "date", "dos", "year", "years", "today", "tomorrow", "now", "next", "last",
                         "this", "services"})
# "is the modifier indicator 0 or 1?": a value picked from alternatives is a value asked for
EITHER_VALUE = re.compile(r"\b\d{1,3} or \d{1,3}\b")
# "is there a max number of caregivers in a 97552 class?": a maximum asked for, and the passages' words for one
# ("max assist" with transfers is a level of help, not a maximum asked for or stated)
# ("how many families max in one 97552 group", "what's the max per group")
MAX_ASKED = re.compile(r"\bhow many (?:\w+ ){1,2}(?:max|maximum|at most|tops)\b"
                       r"|\bmax(?:imum)? (?:per|in (?:a|one)) (?:group|class)\b"
                       r"|\b(?:max|maximum)\s+(?:number|size|group|amount|count|of|units?|sessions?|caregivers?|visits?"
                       r"|people|participants)\b|\bupper limit\b|\b(?:limit|cap) on (?:the )?(?:number|size|how many)\b"
                       r"|\bhow (?:many|big|large) (?:\w+ )?(?:can|may) (?:we|i|you|a group|the group|be|attend|join"
                       r"|come)\b"
                       r"|\bmax(?:imum)?\s*(?:#|no\.)\s*(?:of\s+)?\w+"
                       r"|\b(?:is|are) \d+ (?:\w+ )?too (?:many|big|large)\b",
                       re.I)
MAX_STATED = re.compile(r"\bmaximum\b|\bmax (?:of|number|size|group|\d)|\bat most\b|\bno more than\b|\bup to \d"
                        r"|\blimit(?:ed)? (?:to|of)\b|\bcap(?:ped)? at\b|\bno (?:\w+ )?(?:limit|cap|maximum)\b"
                        r"|\bnot limited\b|dropped the .{0,40}limit|\bonce[- ]per\b", re.I)
# "is there an NCCI edit between 97550 and 97163, yes or no": whether a thing exists, which "no published edit ... was
# found" leaves open
EXISTS = re.compile(r"\b(?:is|are) there (?:an?|any)\b|\bdoes (?:an?|any) [\w ]{1,60}\bexist|\byes or no\b", re.I)
NONE_FOUND = re.compile(r"\bno\b[^.;]{0,90}\b(?:was|were) found\b", re.I)  # "no published edit ... was found"
OPEN_QUESTION = re.compile(r"\s*no source (?:was )?found on whether\b", re.I)  # a question the sources leave open
NOT_FOUND = re.compile(r"\b(?:was|were) not found\b", re.I)  # a value the sources looked for and did not find
# "how do I treat a stage 3 pressure ulcer": clinical technique, not billing, when no billing word is in it
# ("best cueing sequence to teach a wife ...": the best way, sequence or technique to do something clinical)
CLINICAL_HOWTO = re.compile(r"\b(?:how (?:do|should|can|would) (?:i|we|you)|best way to"
                            r"|best (?:[\w-]+ ){0,2}?(?:way|sequence|technique|method|approach|strategy|progression"
                            r"|cues?|cueing|exercises?|positions?)s? (?:to|for)"
                            r"(?: (?:help|get|have|make)(?: \w+){1,2}?(?: to)?)?)"
                            r" (?:treat|manage|heal|dress|stretch|strengthen|diagnose|splint|position|exercise"
                            r"|progress|teach|cue|train|transfer|walk|swallow|feed)\b", re.I)
# The asker's own label: "clinical q, not billing" asks clinical technique whatever billing word it uses to say so
NOT_BILLING = re.compile(r"\b(?:clinical|treatment|therapy technique) (?:q|qs|question)\b"
                         r"|\bnot (?:a )?billing (?:q|question|related)\b|\bnon[- ]billing (?:q|question)\b", re.I)
# "what place of service for caregiver training in the clinic", "pos 11 or 12 for a home visit": the place of service
# asked for a session the question does not say was telehealth
# ("cts pos code community center church hall 99 or 11": the code asked, and two to pick from)
POS_ASKED = re.compile(r"\b(?:what|which|right|correct)\s+(?:place[- ]of[- ]service|pos)\b|\bpos\s+\d{2}\s+or\s+\d{2}\b"
                       r"|\b(?:place[- ]of[- ]service|pos)\s+codes?\b[^.?!\n]{0,60}?\b\d{2}\s+or\s+\d{2}\b"
                       r"|\b(?:place[- ]of[- ]service|pos)\s+(?:code\s+)?(?:do|should|to use|for|goes)\b", re.I)
TELEHEALTH_SAID = re.compile(r"tele\w*|\bvideo\b|virtual|\bzoom\b|\baudio|\bphone\b|\bremote|\b(?:02|10|95|93)\b", re.I)
# "can a student PT furnish 97550", "our OT intern ran the session": a trainee as the one who furnishes the service
# (asked whether they may furnish it: "my student documented 38 minutes" asks about the minutes, and is answered)
# ("I'm a PTA student on rotation, can I run the training?", "im an OT student doing fieldwork, can my session be
# billed?": the asker is the trainee, and asks whether they may furnish it or have it billed)
TRAINEE = re.compile(r"\b(?:student|intern)s?\b(?: (?:pt|ot|slp|pta|cota|therapist)s?)?(?: (?:also|ever|legally))?"
                     r" (?:furnish|provide|bill|perform|do|deliver|run|lead|treat|ran|did|performed|provided)\b"
                     r"|^(?=.*\b(?:i'?m|i am|im|as)\s+an?\s+(?:[\w-]+\s+){0,2}(?:student|intern)\b)"
                     r"(?=.*(?:\b(?:can|could|may)\s+(?:i|my|we)\b|\bam i allowed\b|\bbilled\b))"
                     # ("OT student q: if I lead the training ... can the minutes count": the asker furnishes)
                     r"|^(?=.*\b(?:student|intern)\b)(?=.*\b(?:if|can|could|may|when) i (?:lead|run|do|furnish|provide"
                     r"|treat|deliver)\b)", re.I)
TRAINEE_WORD = re.compile(r"\b(?:student|intern)s?\b", re.I)
# "can the family sue us": legal liability, not billing, when no billing word is in it
LEGAL = re.compile(r"\bsue[ds]?\b|\blawsuits?\b|\bliab(?:le|ility)\b|\bmalpractice\b|\bnegligen", re.I)
BILLING_WORDS = re.compile(r"\bbill|\bcode|\bcpt\b|\bpa(?:y|id)|\bmodifier|\bdocument|\bnote\b|\bclaim"
                           r"|\bden(?:y|ied|ial)|\bunits?\b|\bminutes?\b|medicare|\bcharge|\breimburs", re.I)
# Words of the field this knowledge base covers (the billing words and the rest): a question with none of them
# (and no code) is about something else ("a recipe for lasagna", "who won the world cup"), however some passage
# happens to overlap it.
DOMAIN_WORDS = re.compile(
    BILLING_WORDS.pattern
    + r"|unbill|\blate\b|\bcoding|\bhcpcs|\bnotes\b|\bchart|\bmins?\b|\btime|\bhour|medicaid|\bfee|\brate|\brvu"
    r"|\bconversion|\bcaregiv|\bcare ?giver|\btrain|\btaught|\bteach|\bpatient|\bpt\b|\bot\b|\bslp|therap|\bassistant"
    r"|\bpta\b|\bota\b|\bconsent|\btele|\bvideo|\baudio|\bphone|\bzoom|\bvirtual|\bremote|\bappeal|\bredetermin"
    r"|\breconsider|\breopen|\bdeadline|\btimely|\binsur|\bplan\b|\badvantage|\bkx\b|\bthreshold|\bcap\b|\bgroup"
    r"|\bfamil|\bspouse|\bwife|\bhusband|\bdaughter|\bson\b|\bparent|\bmom\b|\bdad\b|\bmother|\bfather|\bsession"
    r"|\bvisit|\bphysician|\bdoctor|\bnpp?\b|\bsupervis|\bdiagnos|\bicd|\bdx\b|\bcms\b|\blcd|\bncd|\bmac\b|\beob"
    r"|\bera\b|\b835|\bremit|\bcarc|\brarc|\bsequest|\bcoinsur|\bdeductib|\bcopay|\babn\b|\bmue|\bncci|\bbundl"
    r"|\bplace of service|\bpos\b|\bfacility|\bsnf\b|\bhospice|\bhome\b|\bwound|\bbehavio|\bdemo|\bskill|\bgoal"
    r"|\bpoc\b|\baddend|\bsign|\bstart|\bstop|\bbreak|\beval|\baide|\bstaff|\bvolunteer|\bcompanion|\bnurse"
    r"|\bvalid|\beffective|\bretire|\bdelet|\bcovered|\bcoverage|\bbenefit|\bcredential|\bpresent|\babsent"
    r"|\bin the room|\balj\b|\baic\b|amount in controversy|\bcourt|\bqic\b|\bhearing|\bnpi\b|\bptan"
    r"|\b(?:co|pr|oa|pi)-?\d{1,3}\b|\b(?:ma|[mn])\d{1,3}\b|\bdos\b|date of service|\bnotice\b|\bfiling\b"
    r"|\bthe \d{2,3}[- ]days?\b",
    re.I,
)
# "does caregiver training need a diagnosis code; we used Z63.6": whether any diagnosis is required, which the codes
# told with it do not change
DX_IN_GENERAL = re.compile(r"\b(?:need|needs|require[sd]?|required|must (?:have|list|carry))\s+(?:an?\s+|any\s+"
                           r"|specific\s+|particular\s+|the\s+)?(?:diagnosis|diagnoses|dx|icd(?:-?10)?(?:-cm)?)\b"
                           r"|\b(?:diagnosis|dx|icd(?:-?10)?)(?:\s+codes?)?\s+(?:is\s+|are\s+)?(?:required|needed"
                           r"|list|restrictions?)\b", re.I)
# "the January file (RVU26A)": a release of the CMS relative value file, by its name
RVU_RELEASE = re.compile(r"\bRVU\d{2}[A-D]\b", re.I)
# (a secondary payer "picking up" the coinsurance is its coverage too)
COVERS = re.compile(r"\bcover|\bpays?\b|\bpaid\b|\breimburs|\ballow|\bbillable\b|\bbenefit|\bauthoriz"
                    r"|\bpick(?:s|ed)? up\b|\bcrossover\b|\bas (?:a )?secondary\b", re.I)
# "she gets paid through a Medicaid self-directed program", "Medicaid pays the daughter": a person paid by a program is
# who the caregiver is, not whether the program covers the service
PAID_PERSON = re.compile(r"\b(?:gets?|getting|got|is|are|was|were|being)\s+paid\b|\bpaid (?:caregiver|aide|family"
                         r"|relative|daughter|son|wife|husband|through|by|as)\b"
                         r"|\bpays? (?:her|him|them|the (?:daughter|son|wife|husband|caregiver|family|aide))\b"
                         # (not "will Medicaid pay her for that": the service paid for, not a wage)
                         r"(?! for (?:that|this|it|the (?:training|session|visit|service|teaching))s?\b)", re.I)
PLAN_DUTIES = re.compile(r"\bappeal|reconsideration|criteria|independent review|\bire\b", re.I)
# the Independent Review Entity: a Medicare Advantage plan's next level after its own reconsideration
INDEPENDENT_REVIEW = re.compile(r"\bIRE\b|\bindependent review entity\b", re.I)
MIN_OVERLAP = 0.2  # share of the question's content words the best passage must hold to be quoted alone
_FAQ_ANSWER = re.compile(r"\bA(?: \(continued\))?: ")
_PAYER_WORDS = {"medicaid": "Medicaid", "commercial": "commercial plans'",
                "medicare_advantage": "Medicare Advantage plans'", "self_pay": "a practice's self-pay"}


@dataclass(frozen=True)
class Cited:
    """An answer sentence with the passage it cites."""

    text: str
    passage: Passage | None
    also: tuple[Passage, ...] = ()  # the other passages a worked sum takes its figures from


def entry_of(passage: Passage) -> str:
    return passage.id.split("#", 1)[0]


def overlap(question: str, text: str, *, expanded: bool = True) -> float:
    """Share of the question's content words (stemmed) that `text` holds, as written or (when `expanded`) with its
    abbreviations expanded, whichever is higher."""
    have = set(tokenize(text))
    forms = (question, expand(question)) if expanded else (question,)
    shares = [len(asked & have) / len(asked) for asked in (_content(f) for f in forms) if asked]
    return max(shares, default=0.0)


# Words of the request itself ("can you help me write ... about"), and the "s" of "what's": they say nothing about
# what is asked, so they neither count for nor against a passage.
_REQUEST_WORDS = frozenset({"help", "write", "tell", "about", "pleas", "me", "know", "thank", "thanks"})


def _content(text: str) -> set[str]:
    return {t for t in tokenize(text) if len(t) > 1 and t not in _REQUEST_WORDS}


def anchored(intent: Intent, passages: Sequence[Passage]) -> bool:
    """The question names a code, or a word of a topic the passages found are tagged with. A question that does
    neither ("help me write a cover letter for a travel PT job") gets no credit for its expanded abbreviations."""
    if intent.codes:
        return True
    asked = set(tokenize(intent.query))
    return any(asked & set(tokenize(" ".join(t.replace("_", " ") for t in p.topics))) for p in passages[:3])


def _shared(question: str, text: str) -> int:
    return len(set(tokenize(expand(question))) & set(tokenize(text)))


def extract(passage: Passage, question: str, *, limit: int = 3) -> list[str]:
    """The sentences of `passage` that answer `question`, in passage order: an FAQ answer's first two
    sentences (three when the opening is a bare "No." or "It varies."), or the passage's best-matching
    sentence; then, if there is room, the remaining sentence that shares most words with the question."""
    found = _FAQ_ANSWER.search(passage.text)
    body = sentences(passage.text[found.end():] if found else passage.text)
    if not body:
        return []
    if found and bare(body[0]):  # a bare "No." opens its explanation, then what fits the question best
        limit += 1  # the bare opening is no sentence of its own
        rest = sorted(body[2:], key=lambda s: (-_shared(question, s), body.index(s)))
        return sorted([*body[:2], *rest[: limit - 2]][:limit], key=body.index)
    # an FAQ answer in its own order, else the passage's best-matching sentence
    picked = body[: min(2, limit)] if found else [max(body, key=lambda s: (_shared(question, s), -body.index(s)))]
    rest = [s for s in body if s not in picked and _shared(question, s) >= 1]
    if rest and len(picked) < limit:
        picked.append(max(rest, key=lambda s: (_shared(question, s), -body.index(s))))
    return sorted(picked[:limit], key=body.index)


def bare(sentence: str) -> bool:
    """ "No.", "It varies.", "Not by reflex.": an opening that is no answer without the sentence after it."""
    return len(sentence.split()) < 6


_MAX_WORDS = frozenset(tokenize("maximum max number limit cap per most allowed upper"))


def _states_maximum(intent: Intent, passages: Sequence[Passage]) -> bool:
    """A sentence of the passages states a maximum (or its absence) of what is asked: "maximum number of caregivers
    per 97552 group" is not answered by an MUE passage's "maximum units"."""
    asked = _content(intent.query) - {t for c in intent.codes for t in tokenize(c)} - _MAX_WORDS
    # "max number of caregivers in a 97552 class": the thing counted, not any other word ("no fixed limit on the
    # number of sessions" states no maximum of caregivers)
    counted = _COUNTED.search(intent.query)
    things = set(tokenize(counted.group(1) or counted.group(2))) - _MAX_WORDS if counted else set()
    if things & _HOW_OFTEN:  # sessions, visits, times: how often, in any of those words
        asked |= _HOW_OFTEN
    elif things:
        asked = things
    # (in one clause: "once per beneficiary ...; ... when a new caregiver takes over" caps no caregivers)
    return any(MAX_STATED.search(c) and asked & set(tokenize(c))
               for p in passages for s in sentences(p.text) for c in re.split(r"[;,]", s))


# the thing counted: up to three words, ending before the words that say who allows it ("caregivers cms lets ...")
_THING = (r"(\w+(?: (?!(?:cms|medicare|we|you|i|they|can|could|lets?|allowed|per|in|on|at|for|that|is|are|do|does"
          r"|will)\b)\w+){0,2})")
_COUNTED = re.compile(r"\b(?:number|#|no\.|count|size) of (?:the )?" + _THING + r"|\bhow many " + _THING, re.I)
_HOW_OFTEN = frozenset(tokenize("session sessions visit visits time times frequency"))


def _subject(question: str, sentence: str) -> set[str]:
    """The words (not codes) of what `sentence` says was not found that the question names."""
    subject = sentence[: m.start()] if (m := NOT_FOUND.search(sentence) or UNKNOWN.search(sentence)) else sentence
    words = {t for t in tokenize(subject) if t.isalpha() and len(t) > 2}
    return words & set(tokenize(expand(question)))


def _names_subject(question: str, sentence: str) -> bool:
    """The question names a word (not a code) of what `sentence` says was not found: "mue for 97551" and "MUE values
    for 97550-97552 were not found"; "97552 units?" shares only the code."""
    return bool(_subject(question, sentence))


def _claims_miss(question: str, sentence: str, held: Sequence[Claim]) -> bool:
    """No claim made names what the question asks and `sentence` says was not found (the MUE of "what's the MUE for
    97552?")."""
    asked = _subject(question, sentence)
    return bool(asked) and not any(asked & set(tokenize(c.text)) for c in held)


def _unknown_codes(intent: Intent, kb: Knowledge, passages: Sequence[Passage]) -> list[str]:
    """Named procedure codes the knowledge does not know and no passage found mentions."""
    return [c for c in intent.procedure_codes if c not in kb.codes and not any(c in p.text for p in passages)]


def _unknown_diagnoses(intent: Intent, passages: Sequence[Passage]) -> list[str]:
    """Named ICD-10-CM codes that no passage found names, as written or by a category that holds them ("Z96.64x"
    holds Z96.641): "is F84.0 billable for autism" is not about any code the knowledge covers."""
    def named(code: str, text: str) -> bool:
        stem = code.split(".")[0]
        return code in text or any(code.startswith(t.rstrip("x")) for t in re.findall(rf"\b{stem}[.\w]*", text))
    return [c for c in intent.diagnosis_codes if not any(named(c, p.text) for p in passages)]


def _unknown_modifiers(intent: Intent, kb: Knowledge, passages: Sequence[Passage]) -> list[str]:
    """Named modifiers the knowledge does not define and no passage found uses as a modifier: "when do I use FQ" is
    not answered by the audio-only FAQ's modifier 93."""
    def used(modifier: str, text: str) -> bool:
        return bool(re.search(rf"\bmodifiers?\W+(?:[\w/]+\W+){{0,3}}?{modifier}\b|\b{modifier}\W+modifier", text))
    return [m for m in intent.modifiers if m not in kb.modifiers and not any(used(m, p.text) for p in passages)]


def leaves_out(passage: Passage, intent: Intent, kb: Knowledge) -> bool:
    """The passage is not about the caregiver-training code asked about: it names no code of that code's family ("97550-
    97552 and G0541-G0543 are sometimes therapy" says nothing of G0539), or it is another code's descriptor and the
    question does not ask which code or what a code means."""
    asked = [kb.codes[c] for c in intent.procedure_codes
             if c in kb.codes and kb.codes[c].family != "patient_present" and c not in intent.likened]
    if not asked:
        return False
    if passage.kind == "code" and intent.kind not in ("code_validity", "code_choice") and not intent.asks_meaning:
        return True
    families = {c.family for c in asked}
    return not any(c.code in passage.text for c in asked) \
        and not any(c in kb.codes and kb.codes[c].family in families for c in passage.codes)


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by one letter added, dropped or changed ("trainng" and "training")."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _names_word(word: str, text: str) -> bool:
    """`text` names `word`, or (a word of six letters or more) a word one typo away from it: "code for trainng
    caregiver" is asked by a typist, not about a thing the knowledge lacks."""
    if set(tokenize(word)) & set(tokenize(text)):
        return True
    low = word.lower()
    return len(low) >= 6 and any(_one_edit(low, w) for w in set(re.findall(r"[a-z]{4,}", text.lower())))


def _claim_codes_only(intent: Intent) -> bool:
    """No procedure code, or each only names the claim a diagnosis code goes on ("Z63.6 as dx for 97550?")."""
    return all(re.search(rf"\b(?:for|on|with|under)\s+(?:an?\s+|the\s+|my\s+|our\s+|this\s+)?\+?{c}\b", intent.query,
                         re.I) for c in intent.procedure_codes)


def names_thing(passage: Passage, thing: Sequence[str]) -> bool:
    """The passage names every word of the thing a code is asked for ("aquatic therapy")."""
    if not thing:  # (no thing asked: the passage's words are not tokenised for nothing)
        return False
    have = set(tokenize(passage.text)) | set(tokenize(passage.text.replace("-", "")))  # "re-education"
    return all(set(tokenize(w)) & have for w in thing)


def _code_for(query: str) -> list[str]:
    """The thing a code is asked for ("autism", "caregiver burnout"), its second word only when it names a thing."""
    found = CODE_FOR.search(query)
    if not found:
        return []
    if found.group(1).lower() in _WHEN_WORDS:
        return []  # "which code for Jan 2026": when, not what
    words = [found.group(1)]
    if found.group(2) and found.group(2).lower() not in _NOT_THING and found.group(1).lower() not in _NOT_THING:
        words.append(found.group(2))
    return words


def refusal(intent: Intent, found: Sequence[Claim], passages: Sequence[Passage], kb: Knowledge) -> str | None:
    """Why the knowledge base cannot answer, or None when it can."""
    unknown = _unknown_codes(intent, kb, passages)
    if unknown and len(unknown) == len(intent.procedure_codes):
        return f"{CANNOT}: it does not cover {', '.join(unknown)}."
    unknown_dx = _unknown_diagnoses(intent, passages)
    if unknown_dx and len(unknown_dx) == len(intent.diagnosis_codes) and _claim_codes_only(intent) \
            and not DX_IN_GENERAL.search(intent.query):
        return f"{CANNOT}: it does not cover {', '.join(unknown_dx)}."
    odd = _unknown_modifiers(intent, kb, passages)
    if odd:
        return f"{CANNOT}: it does not cover modifier {', '.join(odd)}."
    # licensure, record retention, a clinic type, ...: topics the sources do not state; a diagnosis subcode's meaning
    topic = unstated(intent) or meaning_not_held(intent, passages)
    if topic:
        return topic
    priced = {r.code for r in kb.fees.rvus}
    # "what does 97530 pay, to compare w 97550": 97550's fee does not answer for 97530 (asked first, or compared);
    # "what does 97550 pay billed with 97530" asks 97550's
    unpriced = [c for c in intent.procedure_codes if c not in priced]
    asked = bool(unpriced) and (unpriced[0] == intent.procedure_codes[0] or bool(COMPARES.search(intent.query)))
    # ("97110 x2, 97530 x1, 97550 x1 with CQ: is the 85% on the whole claim?": the claim's lines listed, and the rule
    # asked answered by the FAQ the search pinned first, not a fee of the lines listed)
    lines_listed = bool(found) and found[0].what == "faq" and not AMOUNT_ASKED.search(intent.query)
    if intent.kind == "fee" and asked and not any(c.what == "code" for c in found) and not lines_listed:
        return f"{CANNOT}: it has no fee figures for {', '.join(unpriced)}."
    if (intent.kind in ("fee", "threshold") and intent.payer in _PAYER_WORDS and intent.payer != "medicare_advantage") \
            or (intent.kind == "fee" and intent.payer == "medicare_advantage"
                and not any(c.what == "worked" for c in found)):  # (a plan's filing deadline worked out answers)
        return (f"{CANNOT}: it holds Medicare Part B national amounts only, not {_PAYER_WORDS[intent.payer]} "
                "fee schedules.")
    if intent.kind == "fee" and intent.locality:
        return f"{CANNOT}: it holds Medicare national amounts only, not the rates of a state or locality."
    missing = sorted({r.upper() for r in RVU_RELEASE.findall(intent.query)} - {r.release for r in kb.fees.rvus})
    if missing:  # "were the RVU26A values the same as the July file's?": a release it does not hold
        return f"{CANNOT}: it does not hold the {', '.join(missing)} relative value file."
    dated = {"fee", "cf", "kx", "aic", "assistant", "code", "worked", "second_part"}  # (a worked sum: from the fees)
    asks_aic = intent.kind == "appeal" and bool(AIC.search(intent.query))
    if (intent.kind in ("fee", "threshold") or asks_aic) and intent.period is not None \
            and not _priced_rule(intent, found, kb) and not any(c.what in dated for c in found):
        what = {"threshold": "KX threshold", "fee": "fee figures"}.get(intent.kind, "amount in controversy")
        # ("next year": said in the question's words, with no year it never wrote)
        return f"{CANNOT}: it has no {what} {intent.relative or when(intent.period, intent.said)}."
    if (level := _level_not_held(intent, found, kb)) is not None:
        return level
    payer = _payer_refusal(intent) or _mue_not_stated(intent, passages)
    if payer:
        return payer
    if not passages:
        return f"{CANNOT}: no passage matches the question."
    if not intent.codes and not intent.reason_codes and not DOMAIN_WORDS.search(expand(intent.query)):
        return f"{CANNOT}: it covers billing and documentation of caregiver training services, not this question."
    outside = _outside(intent) or _trainee(intent, passages)
    if outside:
        return outside
    thing = _code_for(intent.query)
    described = any(c.what == "descriptor" for c in found)  # "which code for a class of 5 families": the group code
    if thing and not described and not any(all(_names_word(w, p.text) for w in thing) for p in passages):
        return f"{CANNOT}: no passage names a code for {' '.join(thing)}."
    # a quoted FAQ opening ("Per patient.") answers something else than the maximum asked
    if all(c.what == "faq" for c in found) and intent.kind not in ("threshold", "fee") \
            and MAX_ASKED.search(intent.query) \
            and not _states_maximum(intent, passages[:3]):
        return f"{CANNOT}: no passage states a maximum."
    if not found and overlap(intent.query, passages[0].text, expanded=anchored(intent, passages)) < MIN_OVERLAP:
        return f"{CANNOT}: the closest passages do not address the question."
    return None


def _priced_rule(intent: Intent, found: Sequence[Claim], kb: Knowledge) -> bool:
    """ "Remit variance, DOS 2026-09-17 ... does the CQ reduction hit the whole claim": the knowledge has fee figures
    for that date, and an FAQ on the rule asked answers; "no fee figures" would be untrue."""
    period = intent.period
    return intent.kind == "fee" and period is not None and any(c.what == "faq" for c in found) and any(
        overlaps(r.effective_from, r.effective_to, period) for r in kb.fees.rvus
        if not intent.procedure_codes or r.code in intent.procedure_codes)


def _level_not_held(intent: Intent, found: Sequence[Claim], kb: Knowledge) -> str | None:
    """An appeal level's decision time, or the filing limit of a level no route of the knowledge is filed with ("how
    many days to take it to the IRE?": the plan's reconsideration names the IRE as the next decider, with no limit)."""
    if intent.kind != "appeal":
        return None
    if DECISION_TIME.search(intent.query) and not any(c.what == "decision" for c in found):
        return f"{CANNOT}: it does not hold how long that level takes to decide."
    held = any(INDEPENDENT_REVIEW.search(r.title) and (r.filing_days or r.filing_months) for r in kb.appeals.routes)
    if INDEPENDENT_REVIEW.search(intent.query) and DEADLINE.search(intent.query) and not held:
        return f"{CANNOT}: it does not hold the filing limit of a request to the Independent Review Entity (IRE)."
    return None


def _outside(intent: Intent) -> str | None:
    """A question outside what the knowledge holds: clinical technique, legal advice, or the place of service of an
    in-person session (it holds only telehealth's, 02 or 10)."""
    clinical = CLINICAL_HOWTO.search(intent.query) and not BILLING_WORDS.search(intent.query)
    if not intent.codes and (clinical or NOT_BILLING.search(intent.query)):
        return f"{CANNOT}: it covers billing and documentation, not clinical technique."
    if LEGAL.search(intent.query) and not BILLING_WORDS.search(intent.query):
        return f"{CANNOT}: it covers billing and documentation, not legal advice."
    if POS_ASKED.search(intent.query) and not TELEHEALTH_SAID.search(intent.query):
        # (no number: a refusal cites no passage that could hold it)
        return f"{CANNOT}: it holds the place of service of telehealth claims only, not of in-person sessions."
    return None


def _trainee(intent: Intent, passages: Sequence[Passage]) -> str | None:
    """A student or intern furnishing the service, which no passage found names: what a licensed clinician's rules
    say is no answer for them."""
    said = TRAINEE.search(intent.query)
    if said and not any(TRAINEE_WORD.search(p.text) for p in passages):
        return f"{CANNOT}: no passage covers students or interns furnishing the service."
    return None


def _payer_refusal(intent: Intent) -> str | None:
    """Another payer's own fee schedule or policies, which the knowledge does not hold."""
    if intent.named_payer and intent.kind in ("fee", "threshold"):
        return f"{CANNOT}: it does not hold {intent.named_payer}'s own fee schedule."
    # A CARC means the same at every payer; a policy does not. A Medicare Advantage plan's appeal levels and its duty
    # to follow Medicare's coverage criteria are federal rules, whichever company runs the plan (its filing limit is
    # not).
    bound = intent.payer == "medicare_advantage" and intent.kind in ("appeal", "denial") \
        and bool(PLAN_DUTIES.search(intent.query))
    if intent.named_payer and not intent.reason_codes and not bound:
        return f"{CANNOT}: it holds Medicare's rules, not {intent.named_payer}'s own policies."
    # "does Texas Medicaid cover 97550": each state's Medicaid program sets its own coverage; the knowledge holds only
    # how a Medicaid plan's denial is appealed or answered
    # ("our medicaid plan wants the full time per unit" asks units under a payer's rule, which the knowledge holds)
    # ("does Evergreen Mutual (commercial PPO) cover 97550": a commercial plan's coverage is its contract's, likewise)
    if intent.payer in _COVERAGE_OWNERS and intent.kind not in ("appeal", "denial", "units") \
            and not intent.reason_codes and COVERS.search(PAID_PERSON.sub(" ", intent.query)):
        return f"{CANNOT}: it holds Medicare's rules, not {_COVERAGE_OWNERS[intent.payer]} own coverage policies."
    return None


_COVERAGE_OWNERS = {"medicaid": "Medicaid programs'", "commercial": "commercial plans'"}


def cite(claim: Claim, question: str, dos: date | None, candidates: Sequence[Passage],
         lookup: Callable[[str], list[Passage]] | None = None) -> Cited | None:
    """The claim with the first candidate passage of its entry that holds every fact of the claim (with the passages
    of its further entries, for a worked sum: each figure must be in one of them)."""
    also: list[Passage] = []
    for entry in claim.also:
        found = next((p for p in candidates if entry_of(p) == entry), None) \
            or next(iter((lookup or _none)(entry)), None)
        if found is None:
            return None
        also.append(found)
    for passage in candidates:
        if entry_of(passage) == claim.entry and not ungrounded(claim.text, [passage.text, *(p.text for p in also)],
                                                               question, dos):
            return Cited(claim.text, passage, tuple(also))
    return None


def _naming_rest(opening: Sequence[str], rest: Sequence[str], question: str) -> list[str]:
    """ "Still only provisional on the telehealth list in 2026?": the later sentence of a quoted passage that names a
    word of the question its opening leaves out ("CY2026 removed the provisional/permanent distinction")."""
    said = {t for s in opening for t in tokenize(s)}
    asked = {t for t in tokenize(question) if t.isalpha() and len(t) > 3} - said
    naming = [s for s in rest if asked & set(tokenize(s))]
    return naming[:1]


def _none(entry: str) -> list[Passage]:
    return []


def compose(
    intent: Intent,
    pins: Sequence[Pin],
    passages: Sequence[Passage],
    kb: Knowledge,
    lookup: Callable[[str], list[Passage]],
    *,
    dos: date | None = None,
) -> tuple[list[Cited], bool]:
    """(sentences with their passages, answered) for a question, from the search's passages."""
    def opening(entry: str, n: int, naming: bool = False) -> str:
        hits = [p for p in passages if entry_of(p) == entry] or lookup(entry)
        if not hits:
            return ""
        found = _FAQ_ANSWER.search(hits[0].text)  # an FAQ opens with its question: quote the answer
        body = sentences(hits[0].text[found.end():] if found else hits[0].text)
        n += bool(body) and bare(body[0])
        # a short closing qualifier ("State law may require more.") is not left off an FAQ answer it would end
        n += bool(found) and len(body) == n + 1 and len(body[-1].split()) <= SHORT_CLOSING
        return " ".join([*body[:n], *(_naming_rest(body[:n], body[n:], intent.query) if naming else [])])

    sums = worked(intent, kb, pins)
    # a worked total names the lines the minutes support: the units sentence would say it again
    made = [*sums, *(c for c in claims(intent, pins, kb, opening) if not (sums and c.what == "units"))][:3]
    # "which CARC/RARC applies?": the pattern naming them leads; "what is G0540's MUE?": the sentence giving it
    reason = reason_claim(intent, passages, kb) or mue_claim(intent, passages)
    made = [reason, *(c for c in made if c.entry != reason.entry)][:3] if reason else made
    # "(a) what does PR-119 mean, (b) the KX amount for 2026": both parts
    made = second_parts(intent, made, kb, opening, passages)
    made = present_throughout(intent, made, opening)  # minutes of a session the patient took part in throughout
    made = shared_minutes(intent, made, opening)  # "two daughters, one unit each?": the minutes are shared
    why = refusal(intent, made, passages, kb)
    if why:
        return _refused(why, intent, passages, dos), False
    out: list[tuple[int, Cited]] = []
    rank = {entry_of(p): i for i, p in enumerate(passages)}
    held: list[Claim] = []  # the claims the gate let through: one it dropped leaves the quoting open
    # "is $26.30 the 2026 amount?": the stated figures judged, right after the fact they are judged against
    stated = judged(intent, made, kb)
    # (a judged figure gives way to a fact asked: "the ALJ and court amounts? our binder says $190 and $1,900")
    for claim in [c for c in [*made[:1], *stated, *made[1:]] if c in [*made, *stated][:3]] if stated else made:
        cited = cite(claim, intent.query, dos, [*passages, *lookup(claim.entry)], lookup)
        if cited is not None:
            out.append((_place(claim, made, rank, len(passages)), cited))
            held.append(claim)
    used = {entry_of(c.passage) for _, c in out if c.passage}
    out += _extracted(intent, _answering(intent, passages, kb), held, used, dos)
    if not out:
        left = [c for c in intent.procedure_codes
                if c not in intent.likened and all(leaves_out(p, intent, kb) for p in passages[:3])]
        why = f"no passage found says this about {', '.join(left)}" if left else "no passage states the answer"
        return [Cited(f"{CANNOT}: {why}.", None)], False
    out.sort(key=lambda item: item[0])
    if _left_open(out[0][1], intent):  # "can my SLP bill G0539 with GN?" when the sources leave it open
        return [Cited(f"{CANNOT}: its sources leave this open.", None), out[0][1]], False
    unknown = [c for c in [out[0][1]] if UNKNOWN.search(c.text) and _shared(intent.query, c.text) >= 2]
    unknown += [Cited(s, p) for p in passages[:3] for s in sentences(p.text)
                if NOT_FOUND.search(s) and _shared(intent.query, s) >= 2 and _of_codes_asked(s, intent)]
    if EITHER_VALUE.search(intent.query) or EXISTS.search(intent.query):  # "0 or 1?", "is there an edit?" (none found)
        unknown += [c for c in [out[0][1]] if NONE_FOUND.search(c.text) and _shared(intent.query, c.text) >= 2]
    terse = not YES_NO.search(intent.query)  # "mue for 97551 per day?": asks the value the sentence says is unknown
    unknown = [c for c in unknown if not terse or _names_subject(intent.query, c.text)] if terse else unknown
    asks_value = ASKS_VALUE.search(intent.query) or EITHER_VALUE.search(intent.query) or terse \
        or any(NONE_FOUND.search(c.text) for c in unknown)
    if asks_value and unknown and (not made or _claims_miss(intent.query, unknown[0].text, held)):
        # The best passage says the value was never found: say so rather than present it as an answer (also when the
        # claims made answer something else: "what's the MUE for 97552?" is not answered by "one unit per patient").
        return [Cited(f"{CANNOT}: the value asked for is not in its sources.", None), unknown[0]], False
    return _final([c for _, c in out]), True


def _place(claim: Claim, made: Sequence[Claim], rank: dict[str, int], last: int) -> int:
    """Where a claim goes in the answer: a worked sum first (it answers the question asked; the facts it rests on
    follow), a judged figure right after the fact it is judged against, the rest in the search's order."""
    if claim.what in ("worked", "reason_asked"):
        return -1
    if claim.what == "stated":
        return rank.get(made[0].entry, last) if made else last
    if claim.what == "follows" and claim in made and made.index(claim) > 0:  # the same place as the claim before it
        return _place(made[made.index(claim) - 1], made, rank, last)
    return rank.get(claim.entry, last)


def _final(out: list[Cited]) -> list[Cited]:
    """The answer's sentences: one verdict, a bare "No." joined to the reason after it from the same passage."""
    kept = _one_verdict(out)
    if len(kept) > 1 and bare(kept[0].text) and kept[0].passage == kept[1].passage:  # "No." opens its reason
        kept[:2] = [Cited(f"{kept[0].text} {kept[1].text}", kept[0].passage)]
    return kept[:3]


SHORT_CLOSING = 8  # words of an FAQ's last sentence quoted with the rest of its answer
RESTATES = 6  # content words a reason shares with the opening it says again
VERDICT = re.compile(r"^(?:yes|no)\b", re.I)
BARE_VERDICT = re.compile(r"^(?:yes|no)\.\s+", re.I)  # "Yes. 97550 ... are defined as": an FAQ's one-word answer


def _one_verdict(kept: list[Cited]) -> list[Cited]:
    """An answer says yes or no once, first: a quoted FAQ's bare "No." after a sentence that is no verdict leads with
    its reason; after a verdict already given (a claim's "No: ..."), the FAQ's bare word answers its own question, not
    this one, and is left out (its reason stays)."""
    for i, cited in enumerate(kept[1:], 1):
        if not VERDICT.match(cited.text):
            continue
        if any(VERDICT.match(c.text) for c in kept[:i]):
            reason = BARE_VERDICT.sub("", cited.text, count=1)
            rest = [] if bare(cited.text) else [Cited(reason, cited.passage, cited.also)]
            return kept[:i] + rest + kept[i + 1 :]
        follows = kept[i + 1 : i + 2] if i + 1 < len(kept) and kept[i + 1].passage == cited.passage else []
        # only a verdict whose reason restates the opening answers the same question (an FAQ on another matter's
        # "Yes." stays where the search ranked it)
        if not bare(cited.text) or not follows or _shared(follows[0].text, kept[0].text) < RESTATES:
            continue
        return [cited, *follows] + [c for c in kept if c is not cited and c not in follows]
    return kept


def _left_open(first: Cited, intent: Intent) -> bool:
    """The answer's first sentence says no source settles the question about the code asked: say so, not yes or no."""
    return bool(OPEN_QUESTION.match(first.text)) and _of_codes_asked(first.text, intent)


def _refused(why: str, intent: Intent, passages: Sequence[Passage], dos: date | None) -> list[Cited]:
    """The reason the knowledge cannot answer; for another payer's own policies, what it does hold about payers like
    it ("It varies." and why)."""
    if not ((intent.named_payer or intent.payer == "commercial") and passages):
        return [Cited(why, None)]
    held = [c for _, c in _extracted(intent, passages[:1], [], set(), dos)]
    return [Cited(why, None), *held[:2 if held and bare(held[0].text) else 1]]


def _other_denial(passage: Passage, intent: Intent, kb: Knowledge) -> bool:
    """An FAQ or denial pattern on one kind of denial (a denial code, or tagged denial with a subject) the question does
    not name."""
    about_denial = bool(set(passage.codes) & set(kb.reason_codes)) or "denial" in passage.topics
    if passage.kind not in ("faq", "denial") or not about_denial:
        return False
    subject = {t for topic in passage.topics if topic != "denial" for t in tokenize(topic.replace("_", " "))}
    return not subject & set(tokenize(expand(intent.query)))


def _about_other_codes(passage: Passage, intent: Intent) -> bool:
    """A CARC/RARC meaning, or an FAQ whose question names denial codes, none of them asked about."""
    if passage.kind == "reason":  # (tagged with related codes too: its own is its entry's)
        return entry_of(passage).split(":", 1)[1] not in intent.reason_codes
    if passage.kind != "faq" or not (found := _FAQ_ANSWER.search(passage.text)):
        return False
    named = {(m.group(2) or m.group(3)).upper() for m in REASON.finditer(passage.text[:found.start()])}
    return bool(named) and not named & set(intent.reason_codes)


_CODE_RANGE = re.compile(r"\b([GK]0|9)(\d{3,4})\s*[-\u2013]\s*(?:\1)?(\d{3,4})\b")


def _codes_named(sentence: str) -> set[str]:
    """The procedure codes a sentence names, each code of a range ("97550-97552") included."""
    named = set(re.findall(r"\b(?:9\d{4}|[GK]0\d{3})\b", sentence))
    for m in _CODE_RANGE.finditer(sentence):
        named |= {f"{m.group(1)}{n:0{len(m.group(2))}d}" for n in range(int(m.group(2)), int(m.group(3)) + 1)
                  if int(m.group(3)) - int(m.group(2)) < 50}
    return named


def _of_codes_asked(sentence: str, intent: Intent) -> bool:
    """A sentence saying a value was not found is about the code asked when it names it (or a range holding it), or
    names no code: "MUE values for 97550-97552 were not found" does not say G0540's was not."""
    named = _codes_named(sentence)
    return not named or not intent.procedure_codes or bool(named & set(intent.procedure_codes))


# "what's the MUE for G0541?", "mue on G0543 per day": an edit's value asked for a code
MUE_ASKED = re.compile(r"\bmues?\b", re.I)


def _mue_not_stated(intent: Intent, passages: Sequence[Passage]) -> str | None:
    """The MUE asked for a code no passage found gives one for (sentences naming the MUE and that code): the knowledge
    holds G0540's only, and says 97550-97552's were not found."""
    if not MUE_ASKED.search(intent.query) or intent.kind in ("denial", "appeal") or intent.reason_codes \
            or (YES_NO.search(intent.query) and not ASKS_VALUE.search(intent.query)):
        return None
    stated = {c for p in passages for s in sentences(p.text) if MUE_ASKED.search(s) for c in _codes_named(s)}
    left = [c for c in intent.procedure_codes if c not in stated and c not in intent.likened]
    return f"{CANNOT}: it does not state the MUE of {', '.join(left)}." if left else None


_FAQ_MINUTES = re.compile(r"^Q:[^?]*?\b(\d{1,3}) ?(?:minutes|min)\b")


def _other_minutes(passage: Passage, intent: Intent) -> bool:
    """An FAQ about another total ("Q: ... 50 minutes?") is no answer to a question about 120 minutes."""
    found = _FAQ_MINUTES.match(passage.text) if intent.minutes else None
    return found is not None and int(found.group(1)) not in intent.minutes


def _answering(intent: Intent, passages: Sequence[Passage], kb: Knowledge) -> list[Passage]:
    """The passages an answer may be quoted from, best first: none that leaves out the code asked about; for "what
    code for aquatic therapy", one among the first five that names the thing leads."""
    kept = [p for p in passages if not leaves_out(p, intent, kb) and not _other_minutes(p, intent)]
    if intent.kind == "denial" and not intent.reason_codes:  # "97550 denied, what now": an FAQ on one kind of denial
        # (B15/N122, an MUE) answers a denial that names neither its code nor its subject only as a guess
        kept = [p for p in kept if not _other_denial(p, intent, kb)]
    # "OA-18 ... what do I do": an FAQ whose own question is about other denial codes (B15/N122, which mentions CO-18 in
    # passing) is no answer to it; nor is another code's meaning (CARC 150 for CO-151)
    kept = [p for p in kept if not (intent.reason_codes and _about_other_codes(p, intent))]
    if intent.kind == "appeal" and not intent.reason_codes:  # "how do I file a redetermination for the denied line":
        # an FAQ on one kind of denial, or on denial codes, answers no appeal question that names neither
        kept = [p for p in kept if not (_other_denial(p, intent, kb) or _about_other_codes(p, intent))]
    thing = _code_for(intent.query)
    naming = [p for p in kept[:5] if names_thing(p, thing)]
    return naming[:1] + [p for p in kept if p not in naming[:1]]


# Claims that answer by themselves: a quoted sentence is added only after route, reason or telehealth claims.
_COMPLETE = frozenset({"fee", "cf", "kx", "units", "code", "code_time", "dx", "aic", "waiver_ended", "faq", "decision",
                       "descriptor", "worked"})


def _extracted(
    intent: Intent, passages: Sequence[Passage], made: Sequence[Claim], used: set[str], dos: date | None
) -> list[tuple[int, Cited]]:
    """Quoted sentences from the best unused passage among the top three: the whole answer when there is
    no claim; after a route, reason or telehealth claim, a sentence that covers at least two words of the
    question the claims leave uncovered."""
    # "Z96.64x for knee and R29.6 for fall risk, both right?": a claim about one code leaves the other one asked
    claimed = " ".join(c.text for c in made)
    uncovered = [c for c in intent.diagnosis_codes if c not in claimed]
    if any(c.what in _COMPLETE for c in made) and not COMPARES.search(intent.query) and not intent.asks_why \
            and not (made and uncovered):
        return []
    asked = set(tokenize(expand(intent.query))) - {t for c in made for t in tokenize(c.text)}
    # a fee or descriptor passage of another code than the ones asked ("97551's RVUs" for "97550's two rates") is no
    # answer to quote
    top = [(i, p) for i, p in enumerate(passages[:3]) if entry_of(p) not in used
           and not (p.kind in ("fee", "code") and p.codes and intent.procedure_codes
                    and not set(p.codes) & set(intent.procedure_codes))]
    # The search's order, except that an FAQ among the first two answers in its own words, unless the
    # question names a code the first passage holds and the FAQ does not.
    named = [c for c in intent.codes if top and c in top[0][1].text]
    thing = _code_for(intent.query)  # "what code for aquatic therapy": the passage naming it answers, FAQ or not
    faq = [(i, p) for i, p in top[:2] if p.kind == "faq" and all(c in p.text for c in named)
           and not (top and names_thing(top[0][1], thing))][:1]
    for i, passage in faq + [t for t in top if t not in faq]:
        about = bool(set(passage.codes) & set(intent.reason_codes))  # a passage on the denial code asked about
        # the search's first passage, when an FAQ, answers in its own words; so does any passage a "why" asks for
        leads = (i == 0 and passage.kind == "faq") or intent.asks_why
        picked = [s for s in extract(passage, intent.query, limit=3 - len(made))
                  if not ungrounded(s, [passage.text], intent.query, dos)
                  and (not made or about or leads or len(asked & set(tokenize(s))) >= 2)
                  and (not (made and uncovered) or any(c in s for c in uncovered))]
        if picked:
            return [(i, Cited(s, passage)) for s in picked]
    return []
