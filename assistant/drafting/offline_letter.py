"""The offline drafter's letter body: the brief's established facts, each stated once, in a fixed order.

Sections by role (a section id names its role: `denial_summary` → denial, `rule_citations` →
rules …): the denial and what its codes mean; the service the note supports; what the record
documents, answering the pattern's argument point by point; the rules, cited only from the brief's
primary and contractor sources; the request for the route's level. Every quote is used once, on
the statement it supports; a point about the note is made only with an unused quote of a met
check, and a point touching a failed check is never made.
"""

from __future__ import annotations

import re

from assistant.drafting.brief import AppealBrief, EvidenceItem
from assistant.drafting.gate import ABOUT_NOTE
from assistant.drafting.models import LetterDraft, Quote, Section, Statement

_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("request", ("request", "conclusion", "closing", "relief", "ask")),
    ("rules", ("rule", "polic", "coverage", "authorit", "regulat", "guidance", "citation", "criteria")),
    ("service", ("service", "descript", "session")),
    ("evidence", ("evidence", "document", "support", "fact", "record", "note", "clinical")),
    ("denial", ("denial", "response", "reason", "point", "argument", "rebuttal", "issue")),
)
HEADINGS = {
    "request": "Request",
    "rules": "Coverage and billing rules",
    "evidence": "What the record documents",
    "denial": "The denial",
    "service": "The service furnished",
}
# Checks that describe the service itself; the others are the documentation behind it.
SERVICE_CHECKS = frozenset({"patient_absent", "caregiver", "total_time", "group_session"})
_REQUESTS = {
    "redetermination": "We request a redetermination of this denial and payment of the denied line as billed.",
    "reconsideration": "We request a reconsideration of the redetermination and payment of the denied line as billed.",
    "plan_reconsideration": "We request that the plan reconsider its denial and pay the denied line as billed.",
    "independent_review": "We ask the Independent Review Entity to reverse the plan's denial and direct payment of the "
                          "denied line as billed.",
}
_DEFAULT_REQUEST = "We request a review of this denial and payment of the denied line as billed."
_WORDS = re.compile(r"[a-z0-9]{4,}")


def source_words(text: str) -> set[str]:
    return set(_WORDS.findall(text.lower()))


def closest_source(text: str, candidates: list[str], words_of: dict[str, set[str]]) -> list[str]:
    """The candidate source sharing the most words with `text`: the rule the sentence rests on ([] when none)."""
    words = source_words(text)
    usable = [c for c in candidates if c in words_of]
    scored = sorted(usable, key=lambda sid: -len(words & words_of[sid]))
    return scored[:1] if scored and words & words_of[scored[0]] else []


def section_role(section_id: str) -> str:
    sid = section_id.lower()
    for role, keys in _ROLES:
        if any(k in sid for k in keys):
            return role
    return "other"


def _plain(text: str) -> Statement:
    return Statement(text=text, quotes=[], source_ids=[])


class _Writer:
    """Builds the sections in order, remembering which quotes and checks have been used."""

    def __init__(self, brief: AppealBrief) -> None:
        self.brief = brief
        self.used: set[str] = set()
        self.covered: set[str] = set()
        self.letter_sources = {s.id: source_words(s.text) for s in brief.sources}

    def take(self, item: EvidenceItem, n: int = 1) -> list[Quote]:
        """Up to `n` of the check's quotes not yet used anywhere in the letter."""
        fresh = [q for q in item.quotes if q not in self.used][:n]
        self.used.update(fresh)
        if fresh:
            self.covered.add(item.check_id)
        return [Quote(text=q) for q in fresh]

    def best_source(self, text: str, candidates: list[str]) -> list[str]:
        return closest_source(text, candidates, self.letter_sources)

    def refs(self, point: str) -> list[EvidenceItem]:
        low = point.lower()
        return [e for e in self.brief.evidence if any(k in low for k in e.keywords)]

    def argued(self, point: str) -> Statement | None:
        """A pattern point; about the note, with fresh quotes of the checks it names; None when unsupported.

        A point of rule cites the source that shares the most words with it and carries no quote:
        the rule stands on its source, and the note's facts are quoted where they are stated.
        """
        refs = self.refs(point)
        if any(e.status != "met" for e in refs):
            return None  # never argue a point the note check does not support
        if _point_role(point) == "rules":
            return Statement(text=point, quotes=[], source_ids=self.best_source(point, self.pattern_sources()))
        per_check = 2 if len(refs) == 1 else 1
        quotes = [q for e in refs for q in self.take(e, per_check)]
        if ABOUT_NOTE.search(point) and not quotes:
            return None
        return Statement(text=point, quotes=quotes, source_ids=[])

    def pattern_sources(self) -> list[str]:
        return self.brief.pattern.sources if self.brief.pattern else []

    def documented(self, item: EvidenceItem) -> Statement | None:
        if item.status != "met" or item.check_id in self.covered:
            return None
        quotes = self.take(item, 2)
        if not quotes:
            return None
        sources = [s for s in item.source_ids if s in self.letter_sources][:1]
        return Statement(text=f"The note documents {item.label}.", quotes=quotes, source_ids=sources)


_SERVICE_POINT = re.compile(r"^The (service|person trained|caregiver training)\b", re.I)
_FALLBACK = {
    "service": ("service", "evidence", "rules", "denial"),
    "evidence": ("evidence", "service", "rules", "denial"),
    "rules": ("rules", "evidence", "service", "denial"),
}


def _point_role(point: str) -> str:
    """Where a pattern point belongs: what the note shows, what the service is, or what the rules say."""
    if ABOUT_NOTE.search(point):
        return "evidence"
    return "service" if _SERVICE_POINT.search(point) else "rules"


def _homes(brief: AppealBrief, roles: list[str]) -> dict[str, list[str]]:
    """The pattern's points by the section role that will carry them (the first present in the fallback order)."""
    out: dict[str, list[str]] = {}
    for point in brief.pattern.argument if brief.pattern else []:
        home = next((r for r in _FALLBACK[_point_role(point)] if r in roles), roles[0])
        out.setdefault(home, []).append(point)
    return out


def _denial(w: _Writer, points: list[str]) -> list[Statement]:
    b = w.brief
    # the payer's clause is restated only without figures: a date or amount in it is nothing the letter can ground
    reason = b.denial_reason if b.denial_reason and not any(ch.isdigit() for ch in b.denial_reason) else None
    no_code = "The decision gives its reason in words, with no code" + (f": {reason}." if reason else ".")
    said = f"The claim was denied with {b.denial}." if b.denial else no_code
    out = [_plain(said), *(_plain(m) for m in b.denial_meanings)]
    return out + [st for p in points if (st := w.argued(p)) is not None]


def _service(w: _Writer, points: list[str]) -> list[Statement]:
    out: list[Statement] = []
    if w.brief.supported_lines:
        timed = next((e for e in w.brief.evidence if e.check_id == "total_time" and e.status == "met"), None)
        quotes = w.take(timed) if timed is not None else []
        text = "The documented time supports " if quotes else "The note supports "
        out.append(Statement(text=text + ", ".join(w.brief.supported_lines) + ".", quotes=quotes, source_ids=[]))
    out += [st for p in points if (st := w.argued(p)) is not None]
    out += [st for e in w.brief.evidence if e.check_id in SERVICE_CHECKS and (st := w.documented(e)) is not None]
    return out


def _evidence(w: _Writer, points: list[str]) -> list[Statement]:
    out = [st for p in points if (st := w.argued(p)) is not None]
    return out + [st for e in w.brief.evidence if (st := w.documented(e)) is not None]


def _rules(w: _Writer, points: list[str]) -> list[Statement]:
    out = [st for p in points if (st := w.argued(p)) is not None]
    if not out:
        out = [
            Statement(text=f"{s.title}: {_first_sentence(s.text)}", quotes=[], source_ids=[s.id])
            for s in w.brief.sources[:2]
        ]
    return out


def _request(w: _Writer, points: list[str]) -> list[Statement]:
    """The request; an appeal of fewer units than billed names the lines it asks payment of."""
    text = _REQUESTS.get(w.brief.route, _DEFAULT_REQUEST)
    if w.brief.appealed_lines:
        text = text.replace("the denied line as billed", f"{', '.join(w.brief.appealed_lines)}, the units the "
                            "record supports")
    return [_plain(text)]


def _first_sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    m = re.search(r"(?<=[a-z0-9)\]][.])\s(?=[A-Z])", text)
    return text[: m.start()] if m else text


def draft_letter(brief: AppealBrief) -> LetterDraft:
    """Sections in the brief's order; roles are filled in reading order so quotes go to the first place they fit."""
    w = _Writer(brief)
    roles = [section_role(sid) for sid in brief.required_sections]
    homes = _homes(brief, roles)
    build = {"denial": _denial, "service": _service, "evidence": _evidence, "rules": _rules, "request": _request}
    sections = []
    for sid, role in zip(brief.required_sections, roles, strict=True):
        points = homes.pop(role, [])
        statements = build.get(role, _denial)(w, points)
        heading = HEADINGS.get(role, sid.replace("_", " ").capitalize())
        sections.append(Section(id=sid, heading=heading, statements=statements or [_plain(_empty(role))]))
    return LetterDraft(sections=sections)


def _empty(role: str) -> str:
    if role == "rules":
        return "The rules for caregiver training services apply as set out above."
    return "The treating clinician's note for the date of service is enclosed."
