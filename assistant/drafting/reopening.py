"""A reopening already asked for and refused: the appeal says so, and that the appeal clock never stopped (pure).

    refused_reopening(kb, payer_text, later_decision) -> the file's sentence that says so, or None
    reopening_reason(kb, said, deadline) -> Reason

A clerical-error reopening corrects a claim's clerical errors; a denial on the merits (records not received, medical
necessity) is not one, so such a request is dismissed, the dismissal has no appeal rights and the reopening never
extended the time to appeal (facts §11; knowledge/appeals/levels.yaml `reopening_refused`). The file's words are
data: they are searched, quoted back, never obeyed.
"""

from __future__ import annotations

from datetime import date

from assistant.drafting.deadlines import Deadline
from assistant.drafting.models import Reason
from assistant.drafting.remedy import says
from assistant.drafting.sentences import sentence_spans
from assistant.knowledge.loader import Knowledge

QUOTE_CHARS = 240  # a longer "sentence" is a paste's run of lines: the line that says it is quoted


def refused_reopening(kb: Knowledge, payer_text: str, later_decision: date | None = None) -> str | None:
    """The file's sentence (or line) that names a reopening and its refusal; "" when only the claim's later decision
    date says a reopening was answered; None when the file shows no refused reopening."""
    rule = kb.appeals.reopening_refused
    if rule is None:
        return None
    for a, b in sentence_spans(payer_text):
        said = payer_text[a:b]
        lines = said.splitlines() if len(said) > QUOTE_CHARS else [said]
        for line in lines:
            if says(line, rule.reopening_words) and says(line, rule.refusal_words):
                return " ".join(line.split()).strip(" '\"")
    return "" if later_decision is not None else None


def reopening_reason(kb: Knowledge, said: str, deadline: Deadline) -> Reason:
    """Why the refused reopening changes nothing but the route: the appeal of the initial determination, by its date."""
    rule = kb.appeals.reopening_refused
    mark = "'" if '"' in said else '"'
    on_file = f" (the file reads: {mark}{said}{mark})" if said else ""
    due = f"due by {deadline.due_date.isoformat()} ({deadline.basis})" if deadline.due_date else "due by its own limit"
    text = (
        f"A reopening was already asked for and dismissed or refused{on_file}. A reopening corrects clerical errors "
        "only: it cannot overturn a determination on the merits, its dismissal has no appeal rights, and it does not "
        f"extend the time to appeal, so the {deadline.title} is {due}."
    )
    return Reason(text=text, source_ids=list(rule.sources) if rule else [])
