"""Questions about things the knowledge does not state, answered by saying so (pure).

    unstated(understand("how long do we have to keep the signed consent forms?"))
    # -> "I can't answer this from the knowledge base: its sources do not state record-retention periods."

The knowledge holds Medicare Part B's rules for caregiver training: codes, fees by year, time and units, who may
furnish, consent, documentation, denials and appeals. Some questions sit next to those rules and would be answered
from a nearby passage if nothing stopped them: a state's licensure rules, how long records are kept, a clinic type
paid under its own system, a decision time the sources do not give, this quarter's NCCI table. Each row below is one
such topic: the words that ask about it, and (where the knowledge does hold part of it) the words that make the
question one the knowledge answers after all. One table, so a new topic is one row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieval.understand import STATES, Intent

CANNOT = "I can't answer this from the knowledge base"


@dataclass(frozen=True)
class Topic:
    """A topic the knowledge does not state: `asked` finds a question about it; `unless` (optional) finds one the
    knowledge does answer; `kinds` (optional) limits it to questions of those kinds; `says` ends the refusal."""

    id: str
    asked: re.Pattern[str]
    says: str
    unless: re.Pattern[str] | None = None
    kinds: frozenset[str] = frozenset()


_I = re.I
TOPICS: tuple[Topic, ...] = (
    # "can I do it by video with a caregiver in another state where I'm not licensed": state practice law
    Topic("licensure", re.compile(
        # (a licence and another state, a compact or state lines; not "I'm a licensed OT in Ohio, which modifier?")
        r"\blicen[cs](?:e|ed|ure|ing)\b.{0,80}\b(?:(?:another|other|different|out of|multiple|two|across) states?"
        r"|state lines?|compact|jurisdiction)\b"
        r"|\b(?:(?:another|other|different|out of|multiple|two|across) states?|state lines?|compact)\b.{0,80}"
        r"\blicen[cs](?:e|ed|ure|ing)\b"
        r"|\b(?:state )?practice acts?\b|\bscope of practice\b|\binterstate\b"
        # ("do Ohio's rules let a PTA do it", "under state law"): a state's own rules, not Medicare's
        rf"|{STATES.pattern}['’]s? (?:own )?(?:rules?|laws?|regulations?|board)\b|\bstate (?:law|rules?|board)s?\b"
        r"|\b(?:not|isn'?t|aren'?t|never been)\s+licen[cs]ed\b|\bunlicen[cs]ed\b"
        # ("licensed in Texas only ... caregivers in Oklahoma": two states named beside the licence)
        rf"|\blicen[cs]\w*\b.{{0,80}}{STATES.pattern}.{{0,80}}{STATES.pattern}", _I),
        "its sources do not state licensure or state practice rules"),
    # "how many years do we keep the consent forms", "record retention"
    Topic("record_retention", re.compile(
        # (records kept: not "how long do we keep training her", which is the plan of care's)
        r"\b(?:record|document\w*|chart|file)s? retention\b"
        r"|\bretain(?:ed)?\b.{0,40}\b(?:records?|notes?|documentation|charts?|forms?|files?|consents?)\b"
        r"|\b(?:how long|how many years)\b.{0,60}\b(?:keep|store|hold on to|archive|save)\b.{0,40}"
        r"\b(?:records?|notes?|documentation|charts?|forms?|files?|consents?)\b"
        r"|\b(?:keep|store|archive)\b.{0,40}\b(?:records?|notes?|documentation|charts?|forms?|files?|consents?)\b"
        r".{0,40}\b(?:how long|how many years|for \d+ years)\b"
        # ("how many years must the notes be retained": the passive puts the records first)
        r"|\b(?:how long|how many years)\b.{0,60}\b(?:records?|notes?|documentation|charts?|forms?|files?|consents?)\b"
        r".{0,30}\b(?:retained|kept|stored|archived)\b", _I),
        "its sources do not state how long records must be kept"),
    # clinics paid under their own Medicare systems
    Topic("clinic_type", re.compile(
        r"\bfqhcs?\b|\brhcs?\b|federally qualified|rural health clinics?|\bcritical access\b|\bcahs?\b"
        r"|\bindian health\b|\bihs\b", _I),
        "its sources do not cover billing by FQHCs, rural health clinics or critical access hospitals"),
    # a telehealth originating-site fee (Q3014)
    Topic("originating_site", re.compile(r"\boriginating[- ]site\b|\bq3014\b|\bfacility fee\b", _I),
          "its sources do not state the telehealth originating-site fee"),
    # "how many days does the QIC have to issue a decision": only the redetermination's 60 days is held
    Topic("decision_time", re.compile(
        r"\b(?:have|take|takes|get|gets)\s+to\s+(?:issue|make|render|send|reach|mail)\b.{0,30}\b(?:decision|ruling)"
        r"|\bdecision (?:time|timeframe|time ?frame|deadline|clock)\b"
        # ("how long do we have after the QIC decision" is the next filing limit, which the knowledge holds)
        r"|\bhow (?:long|many days) (?:does|do|will|would|did|can) (?:the |an? )?(?:qic|alj|council|court|ire)\b", _I),
        "its sources do not state how long that appeal level takes to decide",
        unless=re.compile(r"\bredetermination\b|\bmac\b|\blevel 1\b|\bfirst level\b", _I)),
    # "the NCCI modifier indicator for 97550/97163 this quarter": the current edit tables are not in the sources
    Topic("ncci_table", re.compile(
        r"\b(?:ncci|ptp|cci)\b.{0,80}\b(?:modifier indicator|current quarter|this quarter|quarterly|q[1-4]\b"
        r"|(?:column (?:one|two|1|2)))|\b(?:modifier indicator|current quarter|q[1-4] 20\d\d)\b.{0,80}"
        r"\b(?:ncci|ptp|cci|edit)\b", _I),
        "its sources do not hold the current NCCI edit tables; check the current quarter's table"),
    # "does the caregiver have to live with the patient": the definitions say nothing of a household
    # (asked as a requirement: "my sister who lives with dad" is only who the caregiver is)
    Topic("household", re.compile(
        r"\b(?:have|has|need|needs|must|required|requirement|supposed)\b.{0,30}\b(?:live|living|reside)\b"
        r".{0,20}\b(?:with|together|same)\b|\b(?:live|living|reside)\b.{0,40}\b(?:required|requirement)\b"
        r"|\bsame household\b", _I),
        "its sources do not state whether the caregiver must live with the patient",
        kinds=frozenset({"rule", "code_validity", "modifier", "code_choice"})),
    # "prior authorization for 97552": no payer's authorization rules are held
    Topic("prior_authorization", re.compile(
        # ("the plan has to 'pre-approve' the lessons": the plan's approval asked before the service)
        r"\bprior[- ]?auth\w*|\bpre-?auth\w*|\bpre-?cert\w*|\bauthori[sz]ation (?:required|needed|request)"
        r"|\bpre-?approv\w*", _I),
        "its sources do not state prior-authorization requirements",
        unless=re.compile(r"\b(?:CO|PR|OA)[- ]?19[78]\b|\bcarc\b|\bden(?:ied|ial)\b", _I)),
    # "I'm an SLP clinical fellow": no passage covers clinical fellows
    Topic("clinical_fellow", re.compile(r"\bclinical fellow\w*|\bcf(?:y| year)\b|\bfellowship year\b", _I),
          "its sources do not cover clinical fellows furnishing the service"),
    # Medigap or a secondary plan picking up the coinsurance
    Topic("supplemental", re.compile(r"\bmedigap\b|\bsupplement(?:al)? (?:plan|insurance|policy)\b"
                                     r"|\bsecondary (?:insurance|plan|payer|coverage)\b", _I),
          "its sources do not state what supplemental or secondary plans pay"),
    # the year's Part B deductible amount (the knowledge only says the deductible applies)
    Topic("deductible_amount", re.compile(
        # ("what will the patient owe after the deductible" asks the coinsurance, which the knowledge holds)
        r"\b(?:how much|what)(?:'s| is| was| will be)?\s+(?:is\s+|was\s+)?(?:the\s+|my\s+|our\s+|a\s+)?(?:20\d\d\s+)?"
        r"(?:part b\s+|annual\s+|medicare\s+|yearly\s+)?deductible\b(?!\s+appl)"
        r"|\bdeductible amount\b", _I),
        "its sources do not state the Part B deductible amount"),
    # "how often does Medicare turn these down", "what are the odds it's denied": no denial rates are held
    Topic("denial_rate", re.compile(
        r"\bden(?:ial|y) rates?\b|\brejection rates?\b|\bapproval rates?\b|\bsuccess rates?\b|\boverturn rates?\b"
        r"|\bhow (?:often|frequently)\b.{0,40}\b(?:turn(?:s|ed)? (?:\w+ ){0,3}down|den(?:y|ies|ied)|reject\w*"
        r"|overturn\w*|approve[sd]?)\b"
        # ("what percent of caregiver training claims does medicare deny": the subject between them)
        r"|\b(?:odds|chances?|likelihood|percent(?:age)?)\b.{0,60}\b(?:den(?:y|ied|ial)|turned down|rejected"
        r"|overturned|succeed\w*|approved)\b", _I),
        "its sources do not state how often claims are denied or appeals succeed"),
    # "are new caregiver training codes coming in 2027": the sources stop at the current year's code set
    Topic("future_codes", re.compile(
        r"\bnew\b.{0,30}\bcodes?\b.{0,30}\b(?:com(?:in|ing)|upcoming|planned|proposed|expected|next year)\b"
        r"|\b(?:upcoming|future|planned|proposed)\b.{0,20}\b(?:code|coding) changes?\b"
        r"|\bchanges? (?:to|for) \d{5}\b.{0,30}\b(?:com(?:in|ing)|next year|upcoming)\b"
        # ("are 97550/97551/97552 being revised or deleted in CPT 2027?", "the 2027 code set")
        r"|\b(?:being|to be|getting|will be)\s+(?:revised|deleted|retired|replaced|changed)\b"
        r".{0,40}\b20(?:2[7-9]|3\d)\b"
        r"|\b(?:cpt|hcpcs)\s+20(?:2[7-9]|3\d)\b|\b20(?:2[7-9]|3\d) code set\b", _I),
        "its sources do not state code changes beyond the years they cover"),
    # "which ICD-10 code for caregiver strain": no diagnosis code for the caregiver's own condition is named
    Topic("caregiver_condition_code", re.compile(
        r"\bcaregiver(?:'s)? (?:strain|stress|burden|burnout|fatigue)\b", _I),
        "its sources do not name a diagnosis code for the caregiver's own strain"),
    # "the patient died on 10/22; can we still bill the training of 10/21?": nothing on billing after a death is held
    # (a telehealth or consent passage would otherwise answer "can we still bill" from its own words)
    Topic("patient_death", re.compile(
        r"\b(?:patient|pt|beneficiary|member|client|mom|dad|mother|father|husband|wife|he|she)\b(?:\s+[\w/-]+){0,2}?"
        r"\s+(?:died|has died|is deceased|was deceased|passed away|expired)\b"
        r"|\b(?:deceased|dead) (?:patient|pt|beneficiary|member)\b|\b(?:patient|pt|beneficiary)'?s death\b"
        r"|\bdeath of (?:the|our|a|my) (?:patient|pt|beneficiary|member)\b|\bdate of death\b", _I),
        "its sources do not state billing rules after a patient's death"),
    # "permission again before every visit, or once for the year?": consent is for the named caregivers; how often it
    # is renewed is not stated
    Topic("consent_frequency", re.compile(
        r"^(?=.*\b(?:consent\w*|permission)\b)"
        r".*(?:\b(?:before|for|at) (?:every|each) (?:\w+ )?(?:visit|session|time|appointment)\b|\bevery time\b"
        r"|\bonce (?:a|per|for the(?: whole)?) year\b|\b(?:renew\w*|re-?consent\w*|annually|every year)\b)", _I),
        "its sources do not state how often consent must be renewed",
        unless=re.compile(r"\b(?:another|other|new|different|second|added)\s+(?:caregiver|person|family)", _I)),
    # "does Medicare pay for a respite aide to sit with him while I'm trained": respite care is not held
    # (asked in the question's own sentence: "pt at home w/ respite worker." in a quoted note only says where he was)
    Topic("respite", re.compile(r"\brespite\b[^.!\n]*\?|\b(?:cover|pay|bill)\w*\b[^.?!\n]{0,60}\brespite\b"
                                r"|\b(?:someone|somebody|an aide|a sitter) (?:has )?to (?:sit|stay) with\b", _I),
          "its sources do not cover respite care or paying someone to stay with the patient"),
    # "which OASIS item records the caregiver training": home health assessment items are not held
    Topic("oasis", re.compile(r"\boasis\b|\bsection gg\b|\bgg section\b|\bm-?items?\b", _I),
          "its sources do not cover OASIS or other home health assessment items"),
    # "the daughter lives in Mexico, video training from there": a caregiver outside the United States
    Topic("caregiver_abroad", re.compile(
        r"\b(?:outside|out) (?:of )?(?:the )?(?:country|us|u\.s\.?|usa|united states)\b|\babroad\b|\boverseas\b"
        r"|\b(?:another|a foreign|a different) country\b|\blives? in (?:mexico|canada|the philippines|india|guatemala"
        r"|el salvador|honduras|the uk|england|germany|china|vietnam|korea|japan|nigeria|brazil|colombia)\b", _I),
        "its sources do not state the rules for a caregiver outside the United States"),
    # "which revenue code on the UB-04 for 97550": institutional claim revenue codes are not held
    Topic("revenue_code", re.compile(r"\brev(?:enue)?\.? codes?\b|\bub-?04\b|\bcms-?1450\b", _I),
          "its sources do not state revenue codes for institutional claims"),
    # "is there an official CMS consent form number", "a consent template to keep on file": consent is documented in
    # the record; no form or template is named in the sources
    Topic("consent_form", re.compile(
        r"^(?=.*\bconsent\w*)(?=.*\b(?:form (?:number|no\.?|#)|template|official (?:\w+ )?form|specific (?:cms )?form"
        r"|cms form|cms-?\d{3,5} for (?:the )?consent)\b)", _I),
        "its sources do not name a consent form or template"),
    # "does the plan cover it when the therapist is out of network": a plan's network rules are its own
    Topic("network", re.compile(r"\b(?:out|outside)[- ]of[- ]network\b|\bout of (?:the )?network\b|\boon\b"
                                r"(?= (?:therapist|provider|pt|ot|slp|clinic|benefit))|\bnon[- ]?par(?:ticipating)? "
                                r"(?:with|in) (?:the |our |my )?plan\b", _I),
          "its sources do not state a plan's network rules"),
    # "does the E/M need modifier 25 when 97550 is billed that day": E/M coding beside caregiver training is not held
    Topic("em_modifier_25", re.compile(
        r"\b(?:modifier|mod)\.?\s*-?25\b|-25\b(?=[^.?]{0,40}\b(?:e/m|e&m|office visit|99\d{3})\b)"
        r"|\b(?:e/m|e&m|evaluation and management)\b[^.?]{0,60}\b25\b", _I),
        "its sources do not state E/M coding or modifier 25 beside caregiver training"),
    # "travel time to the caregiver's home toward 97550 minutes": the sources count face-to-face time and say
    # nothing of travel
    Topic("travel_time", re.compile(r"\b(?:travel(?:l?ing)?|drive|driving|commute|transit|windshield)\s+time\b"
                                    r"|\bmileage\b"
                                    r"|\btime (?:spent )?(?:travel(?:l?ing)?|driving)\b", _I),
          "its sources do not state whether travel time counts toward the minutes"),
    # "how long until Medicare pays a clean claim": no payment timelines are held
    Topic("payment_timing", re.compile(
        r"\bhow (?:long|soon|quickly|fast)\b.{0,40}\b(?:get paid|pay (?:us|the claim|a claim)|payment (?:arrive|come)"
        r"|process (?:the |a )?claim|reimburse us)\b|\bpayment floor\b|\bclean claim\b", _I),
        "its sources do not state how long Medicare takes to pay a claim"),
)


def unstated(intent: Intent) -> str | None:
    """The refusal for a question about a topic the knowledge does not state, or None."""
    for topic in TOPICS:
        if topic.kinds and intent.kind not in topic.kinds:
            continue
        if topic.asked.search(intent.query) and not (topic.unless and topic.unless.search(intent.query)):
            return f"{CANNOT}: {topic.says}."
    return None
