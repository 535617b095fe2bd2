"""Questions whose subject is a topic an FAQ answers, however the question words it (pure).

    topic_pins(understand("found an unbilled 97550 from last year, can we still send it?"), kb)
    # -> [Pin("faq:timely_filing", "faq", ...)]

The search's words alone miss these: "still send it" shares no word with "timely filing limit", and "verbal ok over
the phone" reads as audio-only telehealth when the question is about consent. Each route names the FAQ topics that
answer it; among the FAQs tagged so, one that names a code the question asks about is preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.knowledge.loader import Knowledge
from assistant.retrieval import ask
from assistant.retrieval.bm25 import tokenize
from assistant.retrieval.negation import affirmed
from assistant.retrieval.pin import Pin
from assistant.retrieval.understand import CONSENT_FORM, FREQUENCY, FULL_TIME, SLPA, WAGE, Intent


@dataclass(frozen=True)
class TopicRoute:
    """A subject asked about, and the FAQ topics whose answer states it."""

    name: str
    trigger: re.Pattern[str]
    topics: frozenset[str]
    needs_code: bool = False  # only for a code the question names: "can OT bill it on hospice?" is about hospice
    unless: re.Pattern[str] | None = None  # words that turn the subject around ("the patient was not there")
    skip_kinds: frozenset[str] = frozenset()  # kinds of question another route answers better (a fee comparison)
    context_only: bool = False  # often a detail of the story: it answers only when no other route does
    corrects: bool = False  # its FAQ says the question's premise does not hold ("KX on an MA claim"): it leads
    # "70 min with wife and daughter, units? multiply by 2?": one minutes total, whose units answer leads (the search
    # still finds the FAQ); only minutes that are not one total ("30 min, log 60?") leave the subject to this route
    yields_to_total: bool = False
    one_day: bool = False  # about one date: two different days named ("DOS 2024-02-20 and DOS 2024-04-02") are not it
    # a detail of a claim told in passing ("video sessions, POS 10 + 95 ... can I count on them through 2027?"): when a
    # long question's asking sentences can be told apart (`ask.asked`), these words must be in them
    asked_words: re.Pattern[str] | None = None
    # a setting or a payment named only under a negation ("not admitted", "the pt didn't owe it") is not asked about
    # (`negation.affirmed`)
    negatable: bool = False


_LATE_CLAIM = re.compile(
    # ("rejected - never resubmitted", "is it still fileable": a claim not sent again since a front-end rejection)
    r"\bunbilled\b|\bnever (?:got |been )?(?:re)?(?:billed|sent|submitted|filed)\b"
    r"|\bforgot to (?:bill|submit|send|file)\b"
    r"|\b(?:still|too late to|late to) (?:send|submit|file)\b|\btoo late to bill\b|\bstill (?:fileable|submittable)\b"
    r"|\bhow (?:old|late) (?:can|may|of a)\b"
    r"|\bhow far back\b|\bold (?:claim|visit|date of service)s?\b.*\b(?:send|submit|bill|file)"
    # "we held the claims, can we release them now": claims not yet sent
    r"|\b(?:held|holding|hold|sat on|sitting on) (?:the |those |these |our |all )?claims?\b"
    r"|\brelease (?:them|the claims|those claims|these claims)\b", re.I)
# "1st lvl appeal = reconsideration? denial dated 7/29, can i still file": an appeal of a decision, not a claim
# never sent
# (not "never billed ... if it denies can we appeal?": a claim never sent, whose appeal is asked after)
_APPEAL_OF_DECISION = re.compile(r"\b(?:1st|first) (?:lvl|level)\b"
                                 r"|\b(?:denial|decision|notice|letter|remit)\b[^.?!]{0,40}\bdated\b", re.I)
# "can I even bill G0541 or is that only for doctors", "can a PT bill 97552?": who may bill, not whether the code exists
_WHO_BILLS = re.compile(
    r"\bonly (?:for|by) (?:the )?(?:doctors?|physicians?|mds?|providers?)\b"
    r"|\bcan (?:a |an |our )?(?:PT|OT|SLP|therapist|NP|PA|nurse practitioner)s? (?:even |also )?bill\b"
    # "can a PTA furnish G0541 under the PT plan of care": who may furnish it
    r"|\bcan (?:a |an |our |the )?(?:PTA|OTA|COTA|PT|OT|SLP|therapist|therapy assistant)s? (?:even |also )?"
    r"(?:furnish|provide|perform|deliver)\b"
    r"|\b(?:can|may) (?:i|we) even bill\b|\b(?:am i|are we|are therapists) (?:even )?allowed to bill\b"
    r"|\bwho (?:can|may|is allowed to|gets to) bill\b"
    # "the vendor says 97550 is 'for physical or occupational therapist' only": a claim about who may bill it
    r"|\b(?:for|by) (?:physical (?:or|and) occupational|PT (?:or|and) OT|physical|occupational) therap\w*\W{0,3}only\b"
    r"|\bonly (?:for|by) (?:PTs?|OTs?|physical|occupational)\b", re.I)

# "patient sat in on the training", "while the kiddo was eating": a session the patient took part in
_PATIENT_THERE = re.compile(
    r"\b(?:pt|patient|client|child|kid|kiddo|resident|member|beneficiary|bene)s?\s+(?:was\s+|is\s+|were\s+)?"
    r"(?:also\s+)?(?:sat in|sitting in"
    r"|sat there|present|in the room|in session|participat\w*|joined|watch\w*|eating|in attendance"
    # ("pt stayed home", "patient stayed in the car": away, not there)
    r"|stayed(?!\s+(?:at\s+)?(?:home|away|behind|back|out|outside|in the car"
    r"|in (?:the )?(?:waiting|other|next) room)))\b"
    # ("the pt was there"; not "for Medicare pts there", a place)
    r"|\b(?:pt|patient|client|child|kid|kiddo|resident)s?\s+(?:was|is|were|are)\s+(?:also\s+)?there\b"
    r"|\bwhile the (?:pt|patient|client|child|kid|kiddo|resident)\b"
    # "Mr. Novak sat in on the whole session": sitting in on it, whoever is named
    r"|\b(?:sat|sitting|sits) in on\b"
    # "(he was right there eating)", "pt practiced sit<>stand while OT cued dtr", "Pt and dtr seated at kitchen table"
    r"|\b(?:he|she|pt|patient|client|resident)\s+(?:was|is)\s+right\s+there\b"
    r"|\b(?:pt|patient|client|resident)\s+(?:practi[cs]ed|performed|did (?:the )?(?:transfers?|exercises?|reps))\b"
    r"|\b(?:pt|patient|client|resident)\s+(?:and|&|\+)\s+(?:his\s+|her\s+|the\s+)?[\w-]{2,12}\s+(?:were\s+)?"
    r"(?:seated|sitting|side by side|together)\b", re.I)
# ("wasnt", "didnt": a negation typed without its apostrophe)
_ABSENT = re.compile(r"\bnot\b|n't\b|\b(?:was|were|is|are|did|does|do|has|had)nt\b|\bwithout\b|\bw/o\b|\babsent\b"
                     r"|\bleft the room\b|\bnone\b|\bnobody\b"
                     r"|\bat (?:another|a different|the other) (?:site|location|clinic|office|building)\b"
                     r"|\boff[- ]?site\b"
                     r"|\bno (?:pts?|patients?|kids?|child(?:ren)?)\b", re.I)
# "billed 97535 for training the daughter after the patient had gone home, why the denial?": a patient-present code
# billed for a session with the patient away is denied as the wrong code; caregiver training is the right one (a
# patient-present code named beside the patient away without a denial is a same-day or pooling question)
_PRESENT_CODE = r"\b(?:97530|97535|97110|97112|97116|92507|92526)\b"
_AWAY = (r"\b(?:after|once|when)\s+(?:the\s+)?(?:pt|patient)\s+(?:had\s+)?(?:gone|went|left)\b"
         r"|\b(?:pt|patient)\s+(?:had\s+|has\s+)?(?:already\s+)?(?:gone home|went home|left)\b"
         r"|\b(?:without|w/o)\s+(?:the\s+)?(?:pt|patient)\b"
         r"|\b(?:pt|patient)\s+(?:was\s+)?(?:absent|not (?:present|there))\b"
         r"|\bcaregiver[- ]only\b")
_PRESENT_CODE_AWAY = re.compile(
    rf"^(?=.*{_PRESENT_CODE})(?=.*(?:{_AWAY}))(?=.*\b(?:den(?:y|ies|ied|ial)|rejected|N657)\b)", re.I | re.S)
# "pt showed up halfway thru", "then the patient walked in and stayed": the patient came into a caregiver session, so
# only the minutes before count as caregiver training (the minutes the question gives are not all caregiver time)
_PATIENT_ARRIVED = re.compile(
    # (the patient as the subject: "three children of one stroke patient came in" is the children coming in)
    r"(?:^|[.,;:!?(-]\s*|\b(?:then|but|and|when|after|until|before|so|once|if|however|later)\s+"
    r"|(?<!\bof )\b(?:the|my|our|her|his)\s+"
    # ("14:30-14:42 pt brought back to practice": a clock range the patient's part starts)
    r"|\d{1,2}:\d{2}\s+)"
    r"(?:pt|patient|client|child|kid|kiddo|resident|member|beneficiary)\s+(?:then\s+|later\s+|also\s+)?"
    # ("however pt came out and participated in all practice trials")
    r"(?:showed up|shows up|came in|comes in|came out|comes out|walked in|walks in|wandered in|wanders in|wheeled in"
    r"|rolled in"
    r"|arrived|arrives|came back|joined(?! by)|joins|(?:was |were )?brought (?:back|in))\b", re.I)
# "should mom just come along?", "ok to put them both in the same room for the training?": the patient brought to the
# caregiver's session, which the codes' "without the patient present" rules out
_BROUGHT_ALONG = re.compile(
    r"^(?=.*\btrain\w*)(?=.*\b(?:pt|patient|client|mom|mother|dad|father|him|her|husband|wife|she|he)\b)"
    r".*(?:\b(?:come|comes|coming|came|tag|tags|ride|rides|riding)\s+along\b"
    r"|\b(?:bring|brings|bringing)\s+(?:\w+\s+){1,2}along\b|\b(?:both|them|together)\s+in\s+the\s+same\s+room\b"
    # ("do I need to bring Walt with me?": the patient brought to the caregiver's own training)
    r"|\b(?:bring|brings|bringing)\s+(?:\w+\s+){1,2}with\s+(?:me|us)\b)", re.I)
# (not arriving: "didn't show"; nor arriving after the caregiver session, "arrives for her own treatment afterwards")
_NOT_ARRIVED = re.compile(r"\b(?:not|never|n'?t|didnt|did not|doesnt)\s+(?:\w+\s+)?(?:show|come|walk|arrive|join)"
                          r"|\bafterwards?\b|\bafter (?:the|that|our) (?:caregiver )?(?:training|session)\b"
                          r"|\bfor (?:her|his|their) own (?:treatment|session|visit|appointment|therapy)\b", re.I)
# "trained the wife without the pt present, ok?": the session the codes are for
# ("patient not in room", "patient absent": typed without articles or verbs, as in a second language)
PATIENT_AWAY = re.compile(r"\b(?:without|w/o)\s+(?:the\s+)?(?:pt|patient|client|child|kid)s?\s+(?:being\s+)?"
                           r"(?:present|there|in (?:the )?room)\b"
                           # "cn i bill 97550 w/o pt": said with nothing after it
                           r"|\b(?:without|w/o)\s+(?:the\s+)?(?:pt|patient|client)s?\s*(?:[?!.]|$)"
                           # a family's words: "come in without him", "came in by myself"
                           r"|\b(?:come|came|coming|comes)\s+in\s+(?:alone|by myself|on my own|without (?:him|her|them"
                           r"|mom|dad|my (?:husband|wife|mother|father|mom|dad|son|daughter)))\b"
                           r"|\b(?:pt|patient)\s+(?:was\s+|is\s+)?(?:not\s+(?:present|there|in (?:the )?room)|absent)\b"
                           # "pt wasnt there", "patient wasn't present": the negation written onto the verb
                           r"|\b(?:pt|patient|client|child|kid)s?\s+(?:was|is|were)n'?t\s+(?:present|there|ther|here"
                           r"|in the room)\b"
                           # a family's words: "while he waits in the car", "when mom is at dialysis", "while she naps"
                           r"|\b(?:while|when|as)\s+(?:he|she|they|mom|dad|grandma|grandpa"
                           r"|the (?:pt|patient|kids?|child)"
                           r"|my (?:husband|wife|mother|father|mom|dad|son|daughter|grandmother|grandfather))\s+"
                           r"(?:is |was |stays? |stayed |waits? |waited |sits? |sat |goes |went )?"
                           r"(?:in the car|in the (?:waiting|other|next) room|in another room|outside|elsewhere"
                           r"|at (?:home|dialysis|school|day ?care|adult day|the day program|work|church)"
                           r"|asleep|napping|naps|sleeps|is sleeping)\b", re.I)
# "two 97550s the same day?", "20 min in the am and 25 in the pm": one patient's caregiver time on one date
# ("twice per member", "twice a year": how often, not one date)
_SAME_DAY = re.compile(r"\btwice\b(?!\s+(?:per|a|an|each|every|in a)\s+(?:member|patient|pt|beneficiary|enrollee"
                       r"|year|yr|month|week|lifetime|episode|plan|benefit))"
                       r"|\btwo (?:97550|G0541)s?\b|\b(?:97550|G0541)s? twice\b|\btwo sessions\b"
                       r"|\b(?:am|morning)\b.*\b(?:pm|afternoon|evening)\b", re.I)
# "eval 97162 in the morning, caregiver training in the afternoon": another service that day, not two CTS sessions
_OTHER_SERVICE = re.compile(r"\b9\d{4}(?<!9755[012])\b|\beval(?:uation)?s?\b|\bther ?ex\b|\btreatment session\b", re.I)
# "what would her share be", "she met her deductible": the patient's cost-sharing
_PATIENT_SHARE = re.compile(r"\b(?:her|his|their|patient'?s|pt'?s|family'?s) (?:share|portion|part)\b|\bco-?insurance\b"
                            r"|\bco-?pays?\b|\bdeductible\b|\bowes?\b|out[- ]of[- ]pocket"
                            # ("will I have to pay for the training myself?", "or will I get a bill?": the family's
                            # share asked in plain words)
                            r"|\b(?:i|we|she|he|they|the (?:patient|family))(?: will| would)? (?:have|need) to pay\b"
                            r"|\bpay for (?:it|this|that|the \w+) (?:myself|ourselves|herself|himself)\b"
                            r"|\b(?:get|getting|end up with|receive) a bill\b"
                            r"|\b(?:have to|need to|got to|gotta) pay\b[^.?!]{0,40}"
                            r"\b(?:myself|ourselves|himself|herself)\b",
                            re.I)
# "family pays her $22/hr privately ... the $22/hr is out of pocket": what a helper is paid, not the patient's share
# of the training (unless the share is named: coinsurance, deductible, copay)
_WAGE_PAID = re.compile(r"^(?=.*(?:" + WAGE.pattern + r"))(?!.*\b(?:co-?insurance|deductible|co-?pays?)\b)",
                        re.I | re.S)
# "97550 got deleted bc cms made the G codes": the CPT codes were not replaced
_REPLACED = re.compile(r"^(?=.*(?:\bg[- ]?codes?\b|\bG05[34]\d\b|\b9755[012]\b))"
                       r".*\b(?:deleted|retired|replaced|discontinued|went away|got rid of"
                       r"|switch(?:ed)? (?:everything |all )?(?:over )?to)\b", re.I)
# a Medicare Advantage plan, by name or as a plan set beside Medicare ("can our plan apply its own criteria, or do we
# have to follow Medicare's?": a plan held to Medicare's rules is an MA plan)
# (lookaheads each scanned once from the start: linear in the question's length)
_MA_SAID = (r"(?:(?=.*(?:\bMA\b|\bMAO\b|advantage|\bpart c\b))"
            r"|(?=.*\b(?:our|the|this|their|your|its) plan\b(?! of care))(?=.*\bmedicare\b))")
_PLAN_CRITERIA = re.compile(r"^" + _MA_SAID +
                            # "can an MA plan deny with its own internal criteria": MA follows Medicare's criteria
                            r".*\b(?:own|internal|proprietary|in-house) (?:criteria|guidelines|polic(?:y|ies)|rules)\b",
                            re.I)
# "a code to assess the caregiver's own needs": the caregiver-focused health risk assessment
_CAREGIVER_ASSESSMENT = re.compile(r"\bassess\w*\b.{0,30}\bcaregivers?'?s?\b|\bcaregivers?'?s? (?:own )?(?:needs|health"
                                   r"|risks?|burden|strain)\b.{0,40}\bassess|\brisk assessment\b", re.I)
# "can I bill 97550 and G0541 for all 50?": a code of each family named; which one, and never the same minutes
_BOTH_FAMILIES = re.compile(r"^(?=.*\b9755[01]\b)(?=.*\bG054[12]\b)", re.I)

# "assisted living CNA wants training", "the family hired a private-duty aide": paid staff are not caregivers under
# CMS's definition (a rehab or therapy aide is someone else: who furnishes the service)
_PAID_STAFF = re.compile(
    r"\bCNAs?\b|\baides?\b|\bsitters?\b|\b(?:paid|hired|agency|private[- ]duty|facility|nursing home|assisted living"
    r"|group home|alf|snf)\s+(?:\w+\s+)?(?:caregivers?|staff|helpers?|workers?|attendants?|nurses?|employees?"
    r"|companions?)\b"
    # "we also pay a lady from an agency", "they hired a woman to help": a paid helper named in a family's words
    r"|\b(?:pay|paying|paid|hire|hired|hiring|employ|employs|employed)\s+(?:a|an|the|her|his|our|their|this|that)\s+"
    r"(?:\w+\s+)?(?:lady|woman|man|person|someone|girl|guy|helper|caregiver|aide|nurse|companion)\b"
    r"|\b(?:lady|woman|man|person|someone|helper|caregiver|companion|nurse)\s+from\s+(?:an?|the)\s+"
    r"(?:home care |home health |homecare |staffing |caregiving |care )?agency\b", re.I)
_OWN_AIDE = re.compile(r"\b(?:rehab|therapy|PT|OT|SLP|clinic)\s+aides?\b"
                       # "kids stay in the playroom with an aide": an aide minding the patients, not one trained
                       r"|\b(?:stay|stays|stayed|wait|waits|waited|play|plays|sit|sits|kept|watched)\b.{0,30}"
                       r"\b(?:with|by) (?:an?|the|our) aides?\b", re.I)
# "is CTS restricted to certain diagnoses like stroke", "does it need a qualifying dx": no diagnosis list
_DX_LIST = re.compile(
    r"\b(?:restrict\w*|limit\w*|only|specific|certain|particular|qualifying|approved|eligible|covered)\b[^.?!]{0,40}"
    r"\b(?:diagnos[ie]s|dx|dxs|icd-?10s?|conditions? (?:like|such as))\b"
    r"|\b(?:diagnos[ie]s|dx)\b[^.?!]{0,30}\b(?:list|restrict\w*|qualif\w*|limit\w*)\b", re.I)
# "CO-151 on the 97551 line ... can we just give an ABN": an ABN does not shift liability for an MUE or NCCI denial
_ABN_EDIT = re.compile(r"^(?=.*\b(?:ABN|advance beneficiary notice)s?\b)"
                       r".*\b(?:MUE|units?|151|N362|NCCI|bundl\w*|edits?)\b", re.I)
# "do we need a signed ABN before billing 97550?": when an advance beneficiary notice is given
_ABN = re.compile(r"\bABNs?\b|\badvance beneficiary notice", re.I)
# "units error from 2 years ago, can we still reopen it?": how long a reopening may be asked for
_REOPEN_LATE = re.compile(
    r"^(?=.*\breopen\w*)"
    r".*(?:\b(?:still|too late|how long|how far back|time limit|deadline|years? ago|months? ago|in 20\d\d|old|window)\b"
    # "does a reopening stop the 120-day clock?": a reopening does not extend the appeal deadline
    r"|\b(?:stop|stops|pause|extend|toll|freeze|reset|restart|hold|affect)\w*\b[^?.]{0,40}\b(?:clock|deadlines?|appeal"
    r"|time limit|timeline|days)\b)",
    re.I)

# "telehealth modifier for 97550 and pos?", "que modifier para tele": the claim's telehealth modifier or place of
# service, not the period's list status (a date in the question does not make it a status question)
_CLAIM_PARTS = re.compile(r"\bmodifiers?\b|\bmods?\b|\bPOS\b|place of service|\b(?:95|93|GT)\b", re.I)
_TELE_CLAIM_PARTS = re.compile(r"^(?=.*\b(?:tele\w*|virtual|video|zoom|remote|audio[- ]only)\b).*(?:"
                               + _CLAIM_PARTS.pattern + ")", re.I)
# "97550 by telephone only (no video): under what conditions is that allowed?": audio-only telehealth, its conditions
# and its modifier together (not the audio-video visit's 95 alone)
_AUDIO_ONLY = re.compile(
    r"^(?=.*(?:\baudio[- ]only\b|\b(?:tele)?phone[- ]only\b|\b(?:by|over the|on the) (?:tele)?phone\b|\bno video\b"
    r"|\bwithout (?:a )?video\b))"
    r".*\b(?:conditions?|allowed|permitted|ok|okay|covered|when|can|may|legit|billable)\b", re.I)
# "COTA did the 97550, which modifiers?": the discipline modifier with CQ/CO, not only the 85% rate
_ASSISTANT_MODIFIERS = re.compile(
    r"^(?=.*(?:\b(?:C?OTAs?|PTAs?|CQ|CO(?![-\s]?(?:[A-Z]\d|\d)))\b|\b(?:therap\w*|PT|OT) assistants?\b))"
    r".*(?:\bmodifiers?\b|\bmods?\b|\bG[PO]\b|\bwhat (?:do|should) (?:i|we) (?:put|append|add)\b)", re.I)
# "SLP, 42 min with the husband: what do I bill and with what modifier?": the discipline's therapy modifier
_DISCIPLINE_MODIFIER = re.compile(
    r"^(?=.*(?:\b(?:PT|OT|SLP|DPT|OTR(?:/L)?|CCC-SLP)s?\b|\b(?:physical|occupational|speech)\b|\btherapists?\b))"
    r".*(?:\b(?:what|which|what'?s the|right|correct) (?:therapy |discipline )?modifiers?\b|\bwith what modifiers?\b"
    r"|\bmodifiers? (?:do|should|would) (?:i|we) (?:use|add|put|append)\b)", re.I)
# (an assistant's or a telehealth claim's modifiers have their own routes)
_ASSISTANT_OR_TELE = re.compile(r"\b(?:C?OTAs?|PTAs?|assistants?)\b|tele\w*|\bvideo\b|\bzoom\b|\baudio\b"
                                r"|\b59\b|\bX[EPSU]\b|\bKX\b", re.I)
# "what do I need in the note for 97550", "documentation requirements for G0541": what a note must hold, unless the
# question names the one element it asks about (consent, start/stop times, a return demonstration ...)
_NOTE_CONTENTS = re.compile(
    r"\bwhat (?:actually |exactly |really )?(?:documentation |info(?:rmation)? |elements? |items? |details? |wording )?"
    r"(?:do|does|should|must|needs? to|has to|have to|goes|go|is (?:needed|required))\b[^?]{0,40}"
    r"\b(?:in|on|into) (?:the |my |our |a |each )?(?:note|notes|documentation|chart|record|daily note)s?\b"
    r"|\bwhat (?:do|should|must) (?:i|we|you|therapists?) (?:need to |have to )?(?:document|chart|write|include)\b"
    r"|\bdocumentation (?:req\w*|elements?|needed|checklist|rules?)\b"
    # "what documentation is required for 97550?"
    r"|\bwhat (?:documentation|docs?) (?:is |are )?(?:req\w*|needed|necessary)\b"
    r"|\bwhat (?:actually |exactly |really )?(?:needs|has) to be (?:documented|charted|in the note)\b"
    r"|\b(?:what|which) (?:elements?|items?|things?) (?:\w+ )?(?:in|on) (?:the |a )?note\b"
    # an EHR build: "what fields should the caregiver training template capture", "required fields for the note"
    r"|\b(?:what|which) (?:\w+ ){0,2}(?:fields?|sections?|elements?|prompts?|data points?)\b[^?]{0,60}"
    r"\b(?:template|note|flowsheet|form|documentation)s?\b"
    r"|\b(?:template|flowsheet|smart ?form)s?\b[^?]{0,60}\b(?:fields?|elements?|sections?|prompts?)\b", re.I)
# "CI says two big REQUIRED things are missing from my note", "what required elements am I missing?": every required
# element asked for, even when the question goes on to name one it suspects ("is start/stop one of them?")
_MISSING_ELEMENTS = re.compile(
    r"\brequired (?:things?|elements?|items?|pieces?|parts?|fields?)\b[^.?!]{0,30}\b(?:missing|left out|lacking)\b"
    r"|\b(?:missing|left out|lacking)\b[^.?!]{0,20}\brequired (?:things?|elements?|items?|pieces?|parts?|fields?)\b",
    re.I)
_ONE_ELEMENT = re.compile(r"\bconsent|\bstart|\bstop|\bclock|\breturn demo|\bsignature|\bsign\b|\bdiagnos|\bicd"
                          r"|\baddend|\blate entr|\btele|\bgoal|\bdenied|\bdenial|\bappeal", re.I)
# "what should a 97552 family-group note contain so it holds up on review?": a group note's own elements (each patient
# represented, caregivers of two or more patients), not every note's
_GROUP_NOTE = re.compile(
    r"^(?=.*(?:\bgroups?\b|\bclass(?:es)?\b|\b97552\b|\bG0543\b))(?=.*\b(?:document\w*|notes?|chart\w*|write-?ups?)\b)"
    r".*\b(?:contain|include|show|need|needs|should|must|requir\w*|hold up|holds up|survive|survives|audit\w*|goes in"
    r"|go in|pass\w*)\b", re.I)
# "does MA have to cover 97550 like regular Medicare", "can the advantage plan refuse what Medicare covers": the plan's
# duty to cover Part B services under Traditional Medicare's criteria (not "it varies", which is about commercial plans)
# ("our plan ... we have to cover whatever Original Medicare covers": a plan set against Original Medicare is MA's;
# "MA plans can't just exclude it": the duty, said as what a plan may not do)
_MA_DUTY = re.compile(
    r"^" + _MA_SAID + r"(?=.*\b(?:cover\w*|pay\w*|den(?:y|ied|ial)|refus\w*|allow\w*|exclud\w*)\b)"
    r".*(?:\b(?:have|has|need|needs|required|obligated|supposed|bound|forced|mandated) to\b|\bmust\b"
    # "MA plans can't just exclude it": the duty said as what a plan may not do
    r"|\b(?:can'?t|cannot|can not|may not|not allowed to)\s+(?:just\s+|simply\s+)?"
    r"(?:exclude|deny|refuse|drop|carve out|ignore)\b"
    r"|\b(?:like|same as|as|what|than|the way) (?:regular|original|traditional|straight|plain|standard"
    r"|fee[- ]for[- ]service|ffs|part b) (?:medicare|part b)?\b"
    r"|\b(?:regular|original|traditional|that|what|which) medicare (?:covers|does|pays|allows)\b)",
    re.I)
# "their internal policy allows it only twice, and they denied the third": whether the plan's own limits stand (how to
# appeal them is the plan's reconsideration)
# "provider's appeal cites 42 CFR 422.101(b)": the MA coverage rule named, whether the plan's own limits stand
_MA_RULE_CITED = re.compile(r"\b422\.101\b|\bCMS-4201-F\b", re.I)
_MA_OWN_RULES = re.compile(
    r"^" + _MA_SAID +
    r"(?=.*\b(?:cover\w*|pay\w*|den(?:y|ied|ial)|refus\w*|allow\w*|cap\w*)\b)"
    r".*\b(?:internal|own|in-house|proprietary) (?:medical |coverage |utilization )?(?:policy|policies|criteria|rules?"
    r"|guidelines?|limits?)\b", re.I)

# "can I pool those 30 min under the 8 min rule", "combine the CTS minutes with my 97110": caregiver minutes are not
# pooled with patient-present timed codes (not "pool therapy", which is aquatic exercise)
_POOLING = re.compile(
    r"\b(?:8|eight)[- ]?min(?:ute)?s?[- ]rule\b"
    r"|(?<!the )(?<!a )(?<!aquatic )\bpool(?:ed|ing|s)?\b(?!\s*(?:therap|exercis|class|program|session))"
    r"|\b(?:combin\w*|add\w*|count\w*|lump\w*)\b.{0,50}\b(?:with|and|to|plus)\s+(?:the |my |our |his |her )?"
    r"(?:97[0-4]\d\d|975[0-4]\d|ther ?ex|therapeutic|patient[- ]present)", re.I)

# "did a 'group' with the patient's three kids, 97552?", "son and wife of one pt in a class": caregivers of one patient
# trained together are no group (97552 needs caregivers of two or more patients), whatever the session is called
_GROUP_WORD = re.compile(r"\bgroups?\b|\bclass(?:es)?\b|\b97552\b", re.I)  # (the FAQ answers 97550, not G0541)
_KIN = (r"(?:kids|children|sons|daughters|family|family members|relatives|grandkids|grandchildren|siblings|caregivers"
        r"|adult children|in-laws)")
_ONE = r"(?:one|the same|same|a single|single|1|this|that|the)"
# "2 caregivers same patient same time", "both daughters of one pt at once": several caregivers of one patient
_MANY_CAREGIVERS = (r"\b(?:2|two|3|three|4|four|several|multiple|both)\s+"
                    r"(?:caregivers|cgs|family members|daughters|sons|kids)\b")
_ONE_PT = r"\b(?:same|one|single|1)\s+(?:pt|patient|client|beneficiary|bene)\b"
_CAREGIVERS_OF_ONE = re.compile(rf"{_MANY_CAREGIVERS}.*{_ONE_PT}|{_ONE_PT}.*{_MANY_CAREGIVERS}", re.I)
_ONE_PATIENT_KIN = re.compile(
    rf"^(?=.*(?:{_GROUP_WORD.pattern}))"
    rf".*(?:\b(?:the |this |that |our |my |one )?(?:pt|patient|client|resident|mom|dad|mother|father)'?s"
    rf" (?:\w+ )?{_KIN}\b"
    # ("three adult children of one stroke patient": a word may say what the patient has)
    rf"|\b{_KIN} (?:of|for) {_ONE} (?:[\w-]+ )?(?:pt|patient|client|resident)\b"
    rf"|\b(?:one|same|single) (?:pt|patient|client)'?s? (?:\w+ )?{_KIN}\b"
    # "97552 for 1 family", "group with just one household" (not "one family at a time": each trained on its own)
    r"|\b(?:one|1|a single|single|only one|just one)\s+(?:family|household)\b(?!\s+at a time)"
    # "four caregivers ... all for that one pt", "nobody else's family came"
    r"|\ball (?:\w+ )?(?:for|of) (?:that|this|the|one|the same|a single) (?:one )?"
    r"(?:pt|patient|beneficiary|member|client"
    r"|resident)\b|\b(?:nobody|no one|none) else'?s\b|\bno other (?:famil(?:y|ies)|patients?|pts)\b"
    r"|\b(?:son|daughter|wife|husband|mom|dad|mother|father|sister|brother|grand(?:son|daughter)|niece|nephew)s?"
    r" (?:and|&|\+) (?:the |his |her |their )?(?:son|daughter|wife|husband|mom|dad|mother|father|sister|brother"
    r"|grand(?:son|daughter)|niece|nephew)s?\b)", re.I)
# "caregivers for 4 diff patients", "three families", "4 other families": caregivers of several patients
SEVERAL_PATIENTS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|several|multiple|many|other|different)\s+"
    r"(?:diff(?:erent)?\s+|separate\s+|other\s+|long-stay\s+)?(?:families|households|patients|pts|residents)\b", re.I)

# "slap a 59 on every 97550", "add modifier XE to it": whether to append 59 or an X modifier, not what a line pays
_ADD_59 = re.compile(r"\b(?:modifier|mod|a|an)\s+(?:59|X[EPSU])\s+(?:modifier\s+)?(?:on|to)\b"
                     r"|\b(?:59|X[EPSU])\s+modifier\s+(?:on|to)\b"
                     r"|\b(?:put|add|append|slap|attach|stick|tack)\w*\s+(?:a\s+|an\s+|modifier\s+|mod\s+)?(?:59|X[EPSU])\b"
                     # "do I need 59 on the 97550?"
                     r"|\b(?:59|X[EPSU])\s+(?:modifier\s+)?on\s+(?:the\s+|my\s+|our\s+)?(?:\d{5}|[A-V]\d{4})\b",
                     re.I)
# "59 and XE both?", "59 or XE?": an X modifier named too asks which one and whether together, which the FAQ's later
# sentences answer (the search finds it; its opening alone does not say)
_X_MODIFIER = re.compile(r"\bX[EPSU]\b", re.I)
# "97550-59-XE to cover both bases?", "59 and XS on the same line": 59 together with an X modifier, which never share a
# line (the FAQ's last sentence)
FIFTY_NINE_WITH_X = re.compile(r"^(?=.*(?<![\d$.,])\b59\b(?![\d.,%]))(?=.*\bX[EPSU]\b)", re.I)

# "can I go back and add the consent to the 5/6 note for the appeal", "addendum after the audit": changing the record
# after a denial or review, which may not be done to support the claim
_RECORD_AFTER = re.compile(
    r"^(?=.*(?:\bden(?:y|ied|ial)|\baudit|\breview|\bappeal|\bflagged|\bADR\b|\brecords? request"
    r"|\b(?:CO|PR|OA|PI)[- ]?\d{1,3}\b"
    # ("after Medicare turned down the visit", "they won't pay": a denial in a family's words)
    r"|\bturned (?:it |us |\w+ )?down\b|\bturn(?:ed)? down\b|\b(?:won'?t|didn'?t|did not|will not) pay\b))"
    r".*(?:\baddend\w*|\blate[- ]entr\w*"
    # ("will fix the note so it gets paid", "change the note now")
    r"|\b(?:change|edit|amend|update|fix|redo|rewrite)\w*\s+(?:the |my |our |that |this |his |her )?(?:note|chart)\b"
    r"|\b(?:go back and|retroactively|after the fact) (?:add|change|edit|amend|fix|update|document)"
    # ("go into the note now, change 20 to 55": a figure of the record changed; "put the September date on it",
    # "backdate the consent": a paper signed now dated as if written then)
    r"|\bgo(?:ing)? in(?:to)? (?:the |my |our |that |this |his |her )?(?:note|record|chart)\b"
    r"|\bchang\w*\s+(?:the\s+|it\s+from\s+)?\d{1,3}\s+to\s+\d{1,3}\b|\bback-?dat\w*"
    r"|\b(?:put|write|use|sign)\w*\b[^.?!]{0,30}\b(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december|earlier|old|original|past|prior|last month's) date\b"
    r"|\b(?:put|write|use)\s+(?:the\s+|an?\s+)?(?:\w+\s+)?date\s+on\b"
    r"|\bgo(?:ing)? back (?:in(?:to)?|to) (?:the |my |our |that |this |his |her )?(?:[\w/-]+ )?(?:note|record|chart)\b"
    r"|\b(?:add|change|edit|amend|update|fix)\w*\b[^.?!]{0,40}\b(?:to|in|on) (?:the |my |our |that |this |his |her )?"
    r"(?:[\w/-]+ )?(?:note|record|chart|documentation)s?\b)", re.I)
# "can a signature attestation fix it": what an attestation statement covers
_ATTESTATION = re.compile(r"\battest(?:ation|ed|s)?\b", re.I)
# "the neighbor helps her daily, no pay: can he be the one we train?": whether a person who is not kin fits CMS's
# caregiver (a paid one is the paid-staff route's)
_CAREGIVER_WHO = re.compile(
    r"^(?=.*\b(?:can|could|may|does|do|is|would|count|qualif\w*|eligible)\b)"
    r"(?=.*\b(?:train\w*|caregivers?|count|qualif\w*|eligible|bill)\b)"
    # (the asker's friend who "works at a clinic" or "says" something is a source, not a caregiver)
    # ("he was at the neighbor's until 11:35": a place, not a person trained)
    # ("my neighbor says Medicare won't pay": a neighbour who tells is a source too)
    r".*\b(?:neighbou?rs?(?!'s\b)(?!\s+(?:who\s+)?(?:works?|said|says|told|tells|swears|thinks|heard))"
    r"|friends?(?!\s+(?:who\s+)?(?:works?|said|says|told|tells|swears|thinks|bills|heard))|room-?mates?"
    r"|boyfriend|girlfriend|fianc[eé]e?|church (?:member|friend)s?"
    # (a "study partner" or "business partner" is the asker's, not the patient's)
    r"|(?<!study )(?<!business )(?<!practice )(?<!lab )(?<!coding )partner"
    r"|landlord|godparent|godmother|godfather"
    # ("does Medicare count a stepdaughter", "we're not blood related": family by marriage, not by blood)
    r"|step-?(?:daughter|son|child|children|kids?|mother|mom|father|dad|parent|sister|brother)s?|\w+-in-laws?"
    r"|not (?:blood[- ])?related|no blood relation)\b", re.I)
# "what definitions of 'caregiver' does CMS use", "who qualifies as a caregiver", "the caregiver is his 17 year old
# grandson": CMS's definition (an adult with a significant relationship, or unpaid family, friend or neighbour)
_DEFINITION = re.compile(
    r"\bdefin\w*\b.{0,40}\bcaregivers?\b|\bcaregivers?\W{0,2}\s.{0,20}\bdefin\w*"
    r"|\bwho (?:counts|qualifies|can be|is) (?:as )?(?:a |the )?caregivers?\b"
    r"|^(?=.*\b(?:caregivers?|train\w*)\b).*\b(?:1[0-7][- ](?:year|yr)s?[- ]old|teen(?:age|ager)?s?|minors?|under 18"
    r"|underage)\b", re.I)
# "does return demonstration need to be in the note", "is teach-back required": the caregiver's performance
_RETURN_DEMO = re.compile(r"\breturn[- ]demo\w*|\bteach[- ]?back\b|\bdemonstrat\w* (?:it )?back\b", re.I)
# "can I bill 97550 and 97530 same day if times don't overlap": caregiver training beside a patient-present service
# (an edit, modifier 59/X{EPSU}, an assistant's line or a payment reduction is another route's question)
SAME_DAY_OTHER = re.compile(
    r"^(?!.*\b(?:59|X[EPSU]|ncci|ptp|edits?|mue|CQ|CO|C?OTAs?|PTAs?|mppr|multiple[- ]procedure|reduc\w*|discount\w*"
    r"|pa(?:y|id)\w*|rates?|fees?)\b)"
    r"(?=.*\b(?:9755[012]|G054[123])\b)(?=.*\b(?:97[01]\d\d|9753[05]|9716\d|925\d\d)\b)"
    r".*\b(?:same (?:day|date|dos|visit)|overlap\w*|that day|also did|back to back)\b", re.I)
# ("I don't get paid for any of it" is an unpaid caregiver: the negation keeps the route)
_PAID = re.compile(r"\b(?<!not )(?<!n't )(?<!never )(?<!not get )(?<!n't get )(?<!never get )(?<!not being )"
                   r"(?:paid|hired|employ\w*|agency|wages?|salar\w*)\b", re.I)
# "KX on an MA claim past $2,480?": the threshold is Traditional Medicare's, not a Medicare Advantage plan's
_MA_KX = re.compile(r"^(?=.*\bKX\b)(?=.*(?:\bMA\b|\bMAO\b|advantage|\bpart c\b))", re.I)
# "does the KX modifier apply to caregiver training?": Part B therapy's threshold, which CTS lines count toward
# (hostile17 #17: the Medicare Advantage FAQ, worded "does ... apply", led and answered "No")
_KX = re.compile(r"\bKX\b", re.I)
_KX_NOT_PART_B = re.compile(r"\bMA\b|\bMAO\b|advantage|\bpart c\b|\bG05(?:39|40)\b", re.I)

# "COTA did 20 of the 50 min: CO on both lines or only one? does the whole claim get cut to 85%?": the assistant's
# modifier and rate go per line, not on the whole claim
# (the assistant's modifier CO; not the group code of "CO-B15", "CO 97")
_PER_LINE = re.compile(
    r"^(?=.*(?:\b(?:C?OTAs?|PTAs?|CQ|CO(?![-\s]?(?:[A-Z]\d|\d)))\b|\b(?:therap\w*|PT|OT) assistants?\b|\b85\s?%))"
    r".*\b(?:whole|entire|all (?:the )?|every|each|both|per|only one|one of the) (?:claim|lines?|codes?|units?)\b",
    re.I)
# "if I only do part of the training and my PT does the rest, still CQ?": the assistant's modifier for a line furnished
# in part (whether the 85 % reaches the whole claim is the per-line route's)
_IN_PART = re.compile(
    r"^(?=.*(?:\b(?:C?OTAs?|PTAs?|CQ|CO(?![-\s]?(?:[A-Z]\d|\d)))\b|\b(?:therap\w*|PT|OT) assistants?\b))"
    r".*(?:\b(?:part|half|some|a portion|portions?) of (?:the |a |that |this |my )?(?:caregiver )?"
    r"(?:session|visit|training|time|minutes|treatment|service)\b|\b(?:does|did|do|doing) the rest\b)", re.I)

# "PTA did the 97550 while the PT was at another site, supervision OK?", "does the PT have to be onsite": the level of
# supervision an assistant needs, which changed with the date of service (a phone the therapist could be reached on
# makes it no telehealth question: the subject leads)
_SUPERVISION = re.compile(
    r"^(?=.*(?:\b(?:C?OTAs?|PTAs?)\b|\b(?:therap\w*|PT|OT) assistants?\b))"
    r".*(?:\bsupervis\w*|\bon[- ]?site\b|\boff[- ]?site\b|\bin the (?:building|clinic|office)\b"
    r"|\b(?:at|in) (?:another|a different|the other) (?:site|location|clinic|office|building)\b)", re.I)

# "pt does NOT want her brother trained", "mom refused to have the aide taught": the patient's consent, declined
_CONSENT_DECLINED = re.compile(
    r"(?:\bnot|n't|\bnever)\s+(?:want|let|allow|agree\w*|ok)\b[^.?!]{0,40}\b(?:trained|training|taught|involved|teach)\b"
    r"|\b(?:refus\w*|declin\w*|object\w*)\b[^.?!]{0,30}\b(?:trained|training|taught)\b", re.I)

# "patient is still inpatient (DRG), train the wife before discharge?": caregiver training is a Part B outpatient
# service, not separately billable during a stay paid under the DRG
_INPATIENT = re.compile(r"\b(?:in-?patients?|DRG|admitted|acute (?:care )?(?:stay|hospital|floor|unit))\b"
                        r"(?!\s+(?:rehab\w* )?(?:later|last (?:week|month|year)|before|prior))", re.I)
# "why does Mom have to sign when the training is for us": why the patient consents to someone else's training
_CONSENT_WHY = re.compile(r"\bwhy\b[^.?!]{0,60}\b(?:sign\w*|agree\w*|consent\w*|permission|approv\w*)\b", re.I)
# "will Mom be charged for the whole class, by the hour, or for each of us": how a group class (97552) is charged
_CLASS_CHARGE = re.compile(
    r"^(?=.*\b(?:class(?:es)?|groups?)\b)(?=.*\b(?:other|several|few|different|more) (?:famil\w+|patients|people)\b)"
    r".*\b(?:charg\w*|cost\w*|bill\w*|pay|owe)\b", re.I)
# "the therapist said 20 minutes counts, my cousin says it has to be at least a half hour": the minimum time
_HALF_HOUR = re.compile(r"\b(?:at least|full|whole|minimum(?: of)?|a good) (?:a |an )?half[- ](?:an[- ])?hour\b"
                        r"|\bhalf[- ]hour minimum\b|\b(?:at least|full|whole) half an hour\b", re.I)
# "is that enough for the 30-min code?", "the bill says 30 min but we only talked about 25 minutes": a session short of
# the code's stated time, whose answer is the minimum a unit needs (the mid-point rule)
_SHORT_OF_CODE = re.compile(
    r"\benough\b[^.?!]{0,30}\b(?:30|thirty|half[- ]hour)\b"
    r"|\b(?:30|thirty)[- ]?min\w*\b[^.?!]{0,80}\b(?:only|just)\b[^.?!]{0,30}\b(?:[12]\d|[1-9])\s*min"
    r"|\b(?:only|just)\b[^.?!]{0,30}\b(?:[12]\d|[1-9])\s*min\w*\b[^.?!]{0,80}\b(?:30|thirty)[- ]?min", re.I)
# "we bill from hospital outpatient departments: facility or non-facility rate?": which of the two rates an
# outpatient therapy setting is paid (the FAQ's hedged answer), not the two amounts
_WHICH_RATE = re.compile(
    r"^(?=.*\b(?:hospital outpatient|HOPDs?|outpatient (?:departments?|rehab\w*|therapy|clinics?)|institutional\w*"
    r"|rehab agenc\w+)\b)"
    r".*\b(?:non-?facility|facility) (?:or|vs\.?|versus) (?:the )?(?:non-?facility|facility)\b", re.I)
# "can we bill 97550 for a Part A resident's family?": a covered SNF stay, whose services the facility bills under
# consolidated billing (a Part B resident is billed as any outpatient)
SNF_PART_A = re.compile(r"^(?=.*\b(?:snf|skilled nursing|nursing (?:home|facility)|resident|stay)\b)"
                         r".*(?:\bpart[- ]a\b|\b(?:medicare |rehab |skilled |covered )+days\b"
                         r"|\bafter (?:the|a|his|her|their) hospital(?: stay)?\b)", re.I)
_PART_A_OVER = re.compile(r"\bpart[- ]b only\b|\bpart[- ]a (?:days? |benefits? |coverage )?"
                          r"(?:ran out|runs out|exhausted|ended|is over|are used up|used up)"
                          r"|\bno longer (?:on|in|under|covered by) part[- ]a\b"
                          r"|\bnot (?:on|in|under|covered by) (?:a )?part[- ]a\b", re.I)
# "patient is under a home health plan of care, can our OT bill 97550 in 2025?", "on hospice": training the home
# health or hospice benefit already pays for is not billed again (not a home health aide, who is paid staff)
_HOME_HEALTH = re.compile(r"\bhospice\b|\bhome[- ]health\b(?!\s+aides?\b)", re.I)
# "does the multiple procedure payment reduction cut the 97550 line", "MPPR": the reduction, not the fee itself
# ("takes the 50% PE cut on every therapy line after the first": the reduction described, not named)
_MPPR = re.compile(r"\bMPPR\b|\bmultiple[- ]procedures?(?: payment)?(?: reduc\w*| discount\w*| rule)\b"
                   r"|\b(?:50|fifty) ?(?:%|percent) (?:PE |practice[- ]expense )?(?:cut|reduction|discount)\b"
                   r"|\b(?:PE|practice[- ]expense) (?:cut|reduction|discount)\b", re.I)
# "consent from the POA instead of the patient": who consents for the patient, not another caregiver trained
_REPRESENTATIVE = re.compile(r"\b(?:POA|power of attorney|guardian|representative|proxy|surrogate|conservator"
                             r"|health ?care (?:agent|proxy))\b", re.I)
# "I'm his health care proxy, who signs?", "mom can't understand anymore, who gives permission": who consents for a
# patient who cannot, which the patient's representative may do
_CONSENT_FOR_PATIENT = re.compile(
    # (consent asked about: "who signs the plan of care?" is the plan's certification, not consent)
    r"^(?=.*(?:\bconsent\w*|\bpermission\b|\bagree\w*))"
    r".*(?:\b(?:POA|power of attorney|guardian\w*|representative|proxy|surrogate|conservator"
    r"|health ?care (?:agent|proxy))\b"
    r"|\bwho (?:signs|consents|has to (?:sign|consent)|gives? (?:the )?(?:permission|consent)"
    r"|is supposed to (?:sign|consent"
    r"|give))\b"
    r"|\b(?:can'?t|cannot|can ?not|unable to|no longer|not able to) (?:\w+ ){0,2}?(?:consent|sign|understand|speak|talk"
    r"|communicate|decide)\b)", re.I)
# "consent on file is for the son, today the daughter-in-law came instead": consent names the caregiver(s), so one not
# named needs the patient's consent of their own
_CONSENT_OTHER = re.compile(
    r"^(?=.*\bconsent\w*)"
    r".*\b(?:instead|someone else|somebody else|(?:a |the )?(?:different|another|other|new) (?:caregiver|person|family"
    r" member|relative|son|daughter|spouse|wife|husband|sibling|sister|brother)|(?:showed|turned) up|came in"
    # "consent for the wife; now the grandson is helping too": a caregiver added to the one consented for
    r"|(?:helping|help|joining|involved|pitching in|coming|caring)(?: out)? (?:too|as well)|(?:is|are) (?:now )?also"
    r" (?:helping|caring|involved))\b", re.I)
# "trained both parents together for 30 min, log 60 since it's 2 caregivers?": one patient's caregivers trained together
# are one block of time, never multiplied by the number of caregivers
_TIME_PER_CAREGIVER = re.compile(
    rf"^(?=.*\b(?:both|two|2|three|3|several|multiple|all)\s+(?:of (?:the |his |her |their )?)?(?:parents|{_KIN})\b)"
    r".*\b(?:doubl\w*|multipl\w*|per (?:caregiver|person|parent)|(?:for )?each (?:caregiver|person|parent)"
    r"|since (?:it'?s|there (?:are|were)|they(?:'re| are| were)) (?:2|two|3|three|both)"
    r"|times (?:2|two|3|three)|x ?[23]\b)",
    re.I)

# "his mom sat in the whole 30 min ... I coached her while he practiced /r/ words": caregiver coaching during the
# patient's own session is part of that patient-present service, whatever minutes it names
_DURING_TREATMENT = re.compile(
    r"\bwhile (?:the |my |our |his |her |their )?"
    r"(?:pt|patient|client|he|she|child|kid|kiddo|student|son|daughter|resident)"
    r" (?:practiced|practices|practicing|worked|was working|did (?:his|her) (?:exercises|drills|tx|therapy)"
    r"|was (?:being )?treated|was in (?:therapy|treatment|session))\b"
    r"|\bduring (?:his|her|the (?:pt'?s|patient'?s|child'?s|student'?s)) (?:own )?(?:session|treatment|therapy|tx)\b",
    re.I)
# "the draft argues the LCD is just guidance and the MAC isn't bound by it": whether a cited LCD or NCD binds the
# contractors, which the premise gets wrong
_LCD_BINDING = re.compile(
    r"^(?=.*\b(?:LCDs?|NCDs?|local coverage|national coverage)\b)"
    r".*(?:\b(?:just|only|merely|simply) (?:a )?(?:guidance|guideline|suggestion|advisory|recommendation)s?\b"
    r"|\bnot bound\b|\bisn'?t bound\b|\baren'?t bound\b|\b(?:not|isn'?t|aren'?t) binding\b"
    r"|\b(?:don'?t|doesn'?t|do not|does not) have to follow\b|\bbound by\b|\bbinding\b"
    # ("argues the LCD is outdated and shouldn't apply to caregiver training")
    r"|\b(?:shouldn'?t|should not|doesn'?t|does not|don'?t|do not) apply\b|\boutdated\b|\bobsolete\b)", re.I)

ROUTES: tuple[TopicRoute, ...] = (
    TopicRoute("during_treatment", _DURING_TREATMENT, frozenset({"patient_present"}), corrects=True,
               skip_kinds=frozenset({"fee", "threshold", "appeal"})),
    # (a Medicare Advantage plan's duty to follow LCDs is the plan-criteria FAQ's)
    TopicRoute("lcd_binding", _LCD_BINDING, frozenset({"lcd"}), corrects=True,
               unless=re.compile(r"\badvantage\b|\bMA\b|\bplan'?s?\b", re.I)),
    # "our SLPA ran the training", whatever minutes it names: not recognised for Medicare coverage
    TopicRoute("slpa", SLPA, frozenset({"slpa"}), corrects=True),
    TopicRoute("snf_part_a", SNF_PART_A, frozenset({"snf_part_a"}), unless=_PART_A_OVER,
               skip_kinds=frozenset({"fee", "threshold"})),
    TopicRoute("inpatient", _INPATIENT, frozenset({"inpatient"}), negatable=True,
               skip_kinds=frozenset({"fee", "threshold"})),
    # (not negatable: "for people who are NOT on a home health plan, can our outpatient arm bill?" is answered by the
    # home health FAQ, which says when a home health agency may bill)
    TopicRoute("home_health", _HOME_HEALTH, frozenset({"home_health", "hospice"}),
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal"})),
    TopicRoute("mppr", _MPPR, frozenset({"mppr"})),
    TopicRoute("consent_why", _CONSENT_WHY, frozenset({"consent_why"})),
    TopicRoute("class_charge", _CLASS_CHARGE, frozenset({"group_units"}), skip_kinds=frozenset({"fee", "threshold"})),
    TopicRoute("half_hour", _HALF_HOUR, frozenset({"vendor_claims"})),
    TopicRoute("short_of_code", _SHORT_OF_CODE, frozenset({"midpoint"})),
    # (a year or a dollar figure named asks the amounts: "2026 - facility or non-facility? consultant says $39")
    TopicRoute("which_rate", _WHICH_RATE, frozenset({"non_facility"}), unless=re.compile(r"\$\s?\d|\b20\d\d\b")),
    TopicRoute("consent_for_patient", _CONSENT_FOR_PATIENT, frozenset({"consent_representative"}),
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal"})),
    TopicRoute("consent_other_caregiver", _CONSENT_OTHER, frozenset({"consent_declined"}), unless=_REPRESENTATIVE,
               skip_kinds=frozenset({"fee", "threshold"})),
    TopicRoute("time_per_caregiver", _TIME_PER_CAREGIVER, frozenset({"multiple_caregivers"}), unless=SEVERAL_PATIENTS,
               skip_kinds=frozenset({"fee", "threshold", "appeal"}), yields_to_total=True),
    TopicRoute("consent_declined", _CONSENT_DECLINED, frozenset({"consent_declined"}),
               skip_kinds=frozenset({"fee", "threshold"})),
    TopicRoute("assistant_supervision", _SUPERVISION, frozenset({"supervision"}), corrects=True),
    TopicRoute("assistant_per_line", _PER_LINE, frozenset({"assistant_per_line"})),
    TopicRoute("assistant_in_part", _IN_PART, frozenset({"assistant_in_part"}), unless=_PER_LINE),
    TopicRoute("record_after_denial", _RECORD_AFTER, frozenset({"late_entry"})),
    TopicRoute("attestation", _ATTESTATION, frozenset({"signature_attestation"})),
    TopicRoute("same_day_other_service", SAME_DAY_OTHER, frozenset({"same_day_other_service"}), unless=_POOLING,
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal", "modifier"})),
    TopicRoute("return_demo", _RETURN_DEMO, frozenset({"return_demo"}),
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal"})),
    # (a count of units asked: who the caregivers are is told, not asked)
    TopicRoute("caregiver_who", _CAREGIVER_WHO, frozenset({"caregiver_definition"}), unless=_PAID,
               skip_kinds=frozenset({"fee", "threshold", "units"})),
    TopicRoute("caregiver_definition", _DEFINITION, frozenset({"caregiver_definition"}), unless=_PAID,
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal"})),
    TopicRoute("ma_kx", _MA_KX, frozenset({"kx_medicare_advantage"}), corrects=True),
    # (not for the behaviour-management codes, whose therapy status the sources leave open)
    TopicRoute("kx_therapy", _KX, frozenset({"kx_therapy"}), unless=_KX_NOT_PART_B,
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal"})),
    TopicRoute("add_59", _ADD_59, frozenset({"modifier_59"}), unless=_X_MODIFIER),
    TopicRoute("59_with_x", FIFTY_NINE_WITH_X, frozenset({"modifier_59_with_x"})),
    TopicRoute("late_claim", _LATE_CLAIM, frozenset({"timely_filing"}), unless=_APPEAL_OF_DECISION),
    TopicRoute("consent", CONSENT_FORM, frozenset({"verbal_consent"})),
    TopicRoute("who_bills", _WHO_BILLS, frozenset({"provider", "sometimes_therapy"}), needs_code=True),
    TopicRoute("present_code_away", _PRESENT_CODE_AWAY, frozenset({"caregiver_only_wrong_code"}), unless=_POOLING,
               skip_kinds=frozenset({"fee", "threshold"})),
    TopicRoute("patient_arrived", _PATIENT_ARRIVED, frozenset({"patient_arrived"}), unless=_NOT_ARRIVED, corrects=True,
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal"})),
    TopicRoute("patient_there", _PATIENT_THERE, frozenset({"patient_present"}), unless=_ABSENT),
    TopicRoute("brought_along", _BROUGHT_ALONG, frozenset({"patient_present"}),
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal"})),
    # (a patient-present code asked about for the session is answered by what that code is, not by this FAQ's "Yes")
    # ("pt absent ... is 97550 the right code for wound care training?": which code, the patient's absence a detail)
    TopicRoute("patient_away", PATIENT_AWAY, frozenset({"patient_not_present"}), unless=re.compile(_PRESENT_CODE),
               skip_kinds=frozenset({"denial", "appeal", "fee", "telehealth", "units", "code_choice"}),
               context_only=True),
    TopicRoute("full_time", FULL_TIME, frozenset({"strict_payer"})),
    TopicRoute("same_day", _SAME_DAY, frozenset({"same_day"}), unless=_OTHER_SERVICE, one_day=True),
    TopicRoute("patient_share", _PATIENT_SHARE, frozenset({"cost_sharing"}), negatable=True, unless=_WAGE_PAID),
    TopicRoute("code_replaced", _REPLACED, frozenset({"code_replaced"})),
    TopicRoute("plan_criteria", _PLAN_CRITERIA, frozenset({"plan_criteria"}), skip_kinds=frozenset({"appeal"})),
    TopicRoute("caregiver_assessment", _CAREGIVER_ASSESSMENT, frozenset({"caregiver_assessment"})),
    TopicRoute("paid_staff", _PAID_STAFF, frozenset({"paid_staff"}), unless=_OWN_AIDE,
               skip_kinds=frozenset({"fee", "threshold", "telehealth"})),
    TopicRoute("diagnosis_list", _DX_LIST, frozenset({"diagnosis_list"}), skip_kinds=frozenset({"fee", "threshold"})),
    TopicRoute("abn_edit", _ABN_EDIT, frozenset({"mue"})),
    TopicRoute("abn", _ABN, frozenset({"abn"}), negatable=True, unless=_ABN_EDIT,
               skip_kinds=frozenset({"denial", "appeal"})),
    TopicRoute("reopen_late", _REOPEN_LATE, frozenset({"reopening_limit"})),
    # ("pt said ok on the phone for his son to be trained": consent given by phone, not a session by phone)
    TopicRoute("audio_only", _AUDIO_ONLY, frozenset({"audio_only"}), skip_kinds=frozenset({"fee", "threshold"}),
               unless=re.compile(r"\bconsent\w*|\bpermission\b|\bsigne?d?\b|\bsaid (?:ok|yes)\b|\bagreed\b"
                                 r"|\bverbal\b|\bgave (?:a |an |her |his |their )?(?:ok|okay|yes)\b", re.I)),
    TopicRoute("tele_claim_parts", _TELE_CLAIM_PARTS, frozenset({"place_of_service"}),
               skip_kinds=frozenset({"fee", "denial", "appeal"}), asked_words=_CLAIM_PARTS),
    TopicRoute("assistant_modifiers", _ASSISTANT_MODIFIERS, frozenset({"assistant_modifiers"}),
               skip_kinds=frozenset({"denial", "appeal"})),
    TopicRoute("discipline_modifier", _DISCIPLINE_MODIFIER, frozenset({"gp"}), unless=_ASSISTANT_OR_TELE,
               skip_kinds=frozenset({"denial", "appeal", "fee", "threshold"})),
    TopicRoute("group_note", _GROUP_NOTE, frozenset({"group_documentation"}), unless=_ONE_ELEMENT,
               skip_kinds=frozenset({"fee", "threshold", "denial", "appeal"})),
    TopicRoute("missing_elements", _MISSING_ELEMENTS, frozenset({"note_contents"})),
    TopicRoute("note_contents", _NOTE_CONTENTS, frozenset({"note_contents"}), unless=_ONE_ELEMENT,
               skip_kinds=frozenset({"fee", "denial", "appeal"})),
    TopicRoute("ma_duty", _MA_DUTY, frozenset({"plan_criteria"}), skip_kinds=frozenset({"fee", "threshold"})),
    TopicRoute("ma_own_rules", _MA_OWN_RULES, frozenset({"plan_criteria"}),
               skip_kinds=frozenset({"fee", "threshold", "appeal"})),
    TopicRoute("ma_rule_cited", _MA_RULE_CITED, frozenset({"plan_criteria"}),
               skip_kinds=frozenset({"fee", "threshold"})),
    TopicRoute("one_patient_group", _ONE_PATIENT_KIN, frozenset({"multiple_caregivers"}), unless=SEVERAL_PATIENTS,
               skip_kinds=frozenset({"fee", "threshold", "appeal"})),
    TopicRoute("caregivers_of_one", _CAREGIVERS_OF_ONE, frozenset({"multiple_caregivers"}), unless=SEVERAL_PATIENTS,
               skip_kinds=frozenset({"fee", "threshold", "appeal", "denial"}), yields_to_total=True),
    TopicRoute("pooling", _POOLING, frozenset({"eight_minute_rule"})),
    TopicRoute("frequency", FREQUENCY, frozenset({"frequency"}), skip_kinds=frozenset({"fee", "units"})),
    TopicRoute("both_families", _BOTH_FAMILIES, frozenset({"direct_care"}),
               skip_kinds=frozenset({"fee", "modifier", "telehealth", "threshold", "denial", "appeal"})),
)


def patient_arrived(intent: Intent) -> bool:
    """The patient came into the caregiver session part-way: the minutes the question gives are not all caregiver
    time, so no units are worked from them ("then pt showed up and we practiced together for the last 20 min")."""
    return bool(_PATIENT_ARRIVED.search(intent.query)) and not _NOT_ARRIVED.search(intent.query)


def patient_there(intent: Intent) -> bool:
    """The patient was there and taking part ("he was right there eating"): the minutes the question gives are a
    patient-present session's, so no caregiver-training units are worked from them."""
    # ("coached her while he practiced": the patient's own session, whatever the question says of the caregiver)
    return (bool(_PATIENT_THERE.search(intent.query)) and not _ABSENT.search(intent.query)) \
        or bool(_DURING_TREATMENT.search(intent.query))


def _triggered(route: TopicRoute, query: str) -> bool:
    return affirmed(route.trigger, query) if route.negatable else bool(route.trigger.search(query))


def topic_pins(intent: Intent, kb: Knowledge) -> list[Pin]:
    """The FAQ that answers each topic route the question triggers, best first."""
    out: list[Pin] = []
    question = ask.asked(intent.query)
    routes = [r for r in ROUTES if _triggered(r, intent.query) and intent.kind not in r.skip_kinds
              and not (r.unless is not None and r.unless.search(intent.query))
              # (a group code named beside one patient's caregivers: whose caregivers they are is the answer too)
              and not (r.yields_to_total and len(set(intent.minutes)) == 1
                       and not {"97552", "G0543"} & set(intent.procedure_codes))
              and not (r.one_day and len({p for p in intent.periods if p[0] == p[1]}) > 1)
              and not (r.asked_words is not None and question is not None and not r.asked_words.search(question))]
    # a detail told in passing ("pt not there") gives way to any other subject the question asks about
    routes = [r for r in routes if not r.context_only or len(routes) == 1]
    for route in routes:
        asked = set(intent.procedure_codes)
        tagged = [f for f in kb.faqs.values() if route.topics & set(f.topics)
                  and (not route.needs_code or asked & set(f.codes))]
        if not tagged:
            continue
        words = set(tokenize(intent.query))
        # one naming an asked code first, then (unless a denial is asked about) one not about a denial, then the one
        # sharing most words with the question, then file order
        denial = intent.kind == "denial"
        best = max(tagged, key=lambda f: (bool(asked & set(f.codes)) or not f.codes, denial or "denial" not in f.topics,
                                          len(words & set(tokenize(f"{f.question} {f.answer}")))))
        out.append(Pin(f"faq:{best.id}", "faq", best, corrects=route.corrects))
    return out
