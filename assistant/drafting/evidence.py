"""What the note shows for each check, as quotes a letter can rest on (pure).

A quote is a clause of the note that speaks to the check (`QUOTE_TERMS`): the clause around a
consent span that also names the caregiver supports consent, not the caregiver's identity. The
clauses around the check's own evidence spans come first; for a met check, other clauses that
speak to it ("Why training is needed: three falls …") may follow, best supported first. Quotes
that touch an instruction planted in the note are never used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.drafting.brief import EvidenceItem
from assistant.drafting.gate import injection_spans, quote_in_note, sentence_quote
from assistant.drafting.sentences import sentence_spans
from assistant.knowledge.loader import Knowledge
from assistant.models import CheckResult, Report

# Words a quote must contain to support the check it is attached to (case-insensitive).
QUOTE_TERMS: dict[str, re.Pattern[str]] = {
    cid: re.compile(rx, re.I)
    for cid, rx in {
        "date_of_service": r"\b(dos|date)\b|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|"
        r"\b[A-Z][a-z]+ \d{1,2}, \d{4}",
        "patient_absent": r"\bpresent\b|\babsent\b|\bwithout the (patient|pt)\b|"
        r"\b(pt|patient|he|she|child|client|member|beneficiary) (was |remained |stayed )?(at|in|home)\b|"
        r"\banother room\b|\bnot participat\w*|\bdid not (attend|participate)\b|\b(asleep|napping|resting) in\b|"
        # where else the patient was: "away at dialysis for the entire session", "Lyra was at school"
        r"\baway\b|\bnot (home|here|there|in (the |my |our )?room)\b|\bout of the (house|home|room|building)\b|"
        r"\bfor the (whole|entire) (session|visit|training)\b|\b(was|were) at\b",
        "consent": r"\bconsent",
        "caregiver": r"\b(caregivers?|cg|wife|husband|spouse|partner|son|daughter|mother|father|parent|guardian|sister|"
        r"brother|grand\w+|niece|nephew|friend|neighbou?r|unpaid|family|relative)\b",
        "need_and_goal": r"\b(need(s|ed)?|goals?|poc|plan of care|ltg|stg|requires?|dependent|assist\w*|falls?|"
        r"unable|cannot|can't|unsafe(ly)?|help(s|ed|ing)?|fell)\b",
        "skills_taught": r"\b(taught|trained|instruct\w*|educat\w*|techniques?|strateg\w*|cueing|cues?)\b",
        # "return demo" is its own phrase ("demo", "demonstration"); "returned" alone is mail, a trip or a call
        "return_demo": r"\b(teach[- ]?back|demonstrat\w*|demo|role[- ]?play\w*|practi[cs]ed|performed|"
        r"simulated|mock|correctly|appropriately)\b",
        "skilled_need": r"\b(skill\w*|hands[- ]on|correct\w*|feedback|risks?|precautions?|cues?|unsafe|adjust\w*|"
        r"grad\w+|"
        r"falls?|fell|orthostatic|hypotension|aspiration|penetration|desaturat\w*|dementia|complex\w*|post[- ]?op\w*|"
        r"impuls\w*)\b",
        "total_time": r"\bmin(ute)?s?\b|\btotal\b|\d{1,2}:\d{2}",
        "start_stop": r"\d{1,2}:\d{2}",
        "minimum_time": r"\bmin(ute)?s?\b|\btotal\b|\d{1,2}:\d{2}",
        "distinct_time": r"\d{1,2}:\d{2}|\bseparate\b|\bdistinct\b",
        "group_session": r"\bgroup\b|\bpatients\b|\bfamilies\b",
    }.items()
}


# Beyond the check's own spans, a clause supports it only with words that say something specific: the bare word
# "caregiver" ("with caregiver assist") names no one, so it does not identify the caregiver.
_EXTRA_TERMS: dict[str, re.Pattern[str]] = {
    "caregiver": re.compile(QUOTE_TERMS["caregiver"].pattern.replace(r"caregivers?|cg|", ""), re.I),
}


# Words that state the opposite of a met check's finding: such a clause is never its evidence ("08:00-08:30 Self-care
# training with patient present" beside a caregiver-only block says the patient was there, not that it was absent).
_CONTRADICTS: dict[str, re.Pattern[str]] = {
    "patient_absent": re.compile(
        r"(?<!without )(?<!without the )(?<!not )\b(?:with (?:the )?(?:patient|pt) present|"
        r"(?:patient|pt) (?:was |is |remained )?present|present and participat\w*)\b",
        re.I,
    ),
}


# A clause that answers the phrase with a negation ("Patient present in session: NO", "present at the dialysis
# center ... not here") says what the check found, not the opposite.
_NEGATED = re.compile(r"\b(?:no|not|none|n/a|without|absent|away|left)\b", re.I)


# Who else was there is no evidence of the caregiver or of their training (hostile15 #20: a letter quoted "Also
# attended: paid aide ... (observed only; not trained)" as skilled training, and "resting at home with neighbour
# Mr. Pruitt" as the caregiver's identity): a paid person's line, one not trained, one who stayed with the patient.
_BYSTANDER = re.compile(
    r"\b(?:paid|hired|agency|aides?|cnas?|hhas?|staff)\b|\bnot\s+(?:trained|billed)\b|\bobserved\s+only\b"
    r"|\b(?:resting|stayed|staying|remained|sitting|sat|napping|asleep)\b[^.;\n]{0,30}\bwith\b",
    re.I,
)
_ABOUT_THE_TRAINEE = frozenset({"caregiver", "skills_taught", "return_demo", "skilled_need"})


def _bystander(check_id: str, clause: str) -> bool:
    return check_id in _ABOUT_THE_TRAINEE and _BYSTANDER.search(clause) is not None


def _contradicts(against: re.Pattern[str] | None, clause: str) -> bool:
    return against is not None and against.search(clause) is not None and _NEGATED.search(clause) is None


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


# The service's own name ("Caregiver Training Services (CTS)", a note's title) names no caregiver and no fact.
_SERVICE_NAME = re.compile(r"\bcaregiver[- ]training(?:[- ]services?)?\b", re.I)


# Every clock time is the same kind of word: a line listing other services' times ("PT 09:00-09:40 …, OT
# 10:00-10:30 …") is no better support for the caregiver-training time than the line that states it (hostile16 #7).
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


def _support(terms: re.Pattern[str] | None, quote: str) -> int:
    """How many different words of the check the quote contains, the service's name aside (1 without a word list)."""
    bare = _SERVICE_NAME.sub(" ", quote)
    if terms is None:
        return 1
    return len({"0:00" if _CLOCK.match(w := m.group(0).lower()) else w for m in terms.finditer(bare)})


def relevant_quotes(check: CheckResult, note: str, limit: int = 3) -> list[str]:
    """Verbatim note excerpts that support `check`, best supported first, without repeats or planted instructions."""
    planted = injection_spans(note)
    terms = QUOTE_TERMS.get(check.id)
    against = _CONTRADICTS.get(check.id) if check.status == "met" else None
    scored: list[tuple[int, str]] = []
    for ev in check.evidence:
        if not 0 <= ev.start < ev.end <= len(note) or _overlaps(ev.start, ev.end, planted):
            continue
        if _bystander(check.id, sentence_quote(note, ev.start, ev.end)):
            continue  # a bystander's clause, and so its words alone ("neighbour")
        for candidate in (sentence_quote(note, ev.start, ev.end), note[ev.start : ev.end].strip()):
            if _contradicts(against, candidate):
                continue
            if candidate and quote_in_note(candidate, note) and (score := _support(terms, candidate)):
                scored.append((score + 1, candidate))  # the check's own evidence ranks first among equals
                break
    if check.status == "met" and terms is not None:
        extra = _EXTRA_TERMS.get(check.id, terms)
        for a, b in sentence_spans(note):
            clause = sentence_quote(note, a, b)
            if _contradicts(against, clause) or _bystander(check.id, clause):
                continue
            if not _overlaps(a, b, planted) and (score := _support(extra, clause)):
                scored.append((score, clause))
    ranked = sorted(scored, key=lambda pair: -pair[0])  # stable: note order among equals
    return list(dict.fromkeys(q for _, q in ranked))[:limit]


def evidence_items(
    kb: Knowledge, report: Report, check_ids: Iterable[str], note: str, sources_of: dict[str, list[str]]
) -> list[EvidenceItem]:
    """The checks a letter may argue from, with their quotes and the letter-citable sources of their rules."""
    checks = {c.id: c for c in report.checks}
    items = []
    for cid in dict.fromkeys(check_ids):
        check = checks.get(cid)
        if check is None:
            continue
        quotes = relevant_quotes(check, note) if check.status == "met" else []
        items.append(
            EvidenceItem(
                check_id=cid,
                label=kb.rules[cid].shows if cid in kb.rules else cid,
                keywords=list(kb.rules[cid].keywords) if cid in kb.rules else [],
                status=check.status,
                message=check.message,
                quotes=quotes,
                source_ids=sources_of.get(cid, []),
            )
        )
    return items
