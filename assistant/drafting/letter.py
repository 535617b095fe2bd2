"""The letter around the argued body: letterhead, title by level, identifiers, enclosures, signature (pure).

What CMS asks of a redetermination request (beneficiary name, Medicare number, the service and
its date, who asks, a signature) is always present, as the value or as a visible placeholder
such as `[[Medicare number (MBI)]]`: a missing identifier is never dropped and never guessed.
The letterhead comes from the practice settings, else from the claim. Identifiers appear once,
in the header; the body argues.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.drafting.claims import Claim
from assistant.drafting.deadlines import Deadline
from assistant.drafting.deps import Practice
from assistant.drafting.lines import lines_text
from assistant.drafting.models import Denial, Letter, LetterDraft, Section, Statement
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import AppealRoute
from assistant.models import BilledLine

_DEFAULT_RECIPIENT = {
    "medicare": "Medicare Administrative Contractor (MAC), Redeterminations",
    "medicare_advantage": "Medicare Advantage plan, Appeals and Grievances",
}
_MEMBER_LABEL = {"medicare": "Medicare number (MBI)"}
# The rule that lets the contractor accept a late request for good cause, by route (facts §11).
GOOD_CAUSE_SOURCES: dict[str, tuple[str, ...]] = {"redetermination": ("cfr-405-942",)}


def placeholder(label: str) -> str:
    return f"[[{label}]]"


def us_date(value: date | None) -> str | None:
    return value.strftime("%m/%d/%Y") if value else None


@dataclass(frozen=True)
class LetterFacts:
    """What the header needs, gathered by the use case."""

    title: str
    payer_type: str
    claim: Claim
    practice: Practice
    denial: Denial
    service_date: date | None
    lines: list[BilledLine]
    today: date
    #: The route's filing limit; a good-cause paragraph is added only when it has passed.
    deadline: Deadline | None = None
    #: The route the letter goes by; a level above the first is addressed to its own body (QIC, OMHA ...).
    route: str | None = None


def _service(kb: Knowledge, lines: list[BilledLine], on: date | None) -> str | None:
    if not lines:
        return None
    parts = []
    for line in lines:
        info = kb.codes.get(line.code)
        parts.append(lines_text([line]) + (f" ({info.descriptor_on(on)})" if info else ""))
    return "; ".join(parts)


def _route_spec(kb: Knowledge, route: str | None) -> AppealRoute | None:
    return next((r for r in kb.appeals.routes if r.id == route), None) if route else None


def _notice_appealed(kb: Knowledge, route: str | None) -> str:
    spec = _route_spec(kb, route)
    return spec.notice_appealed if spec else "denial notice"


def recipient(kb: Knowledge, f: LetterFacts) -> tuple[str, str]:
    """Who the request goes to, and the address: the route's own body above the first level, else the payer.

    A `payer_address` on the claim is where the biller says to send it, and always wins for the address.
    """
    spec = _route_spec(kb, f.route)
    if spec is not None and spec.recipient:
        return spec.recipient, f.claim.payer_address or placeholder(spec.recipient_address or "Appeals address")
    name = f.claim.payer or _DEFAULT_RECIPIENT.get(f.payer_type) or placeholder("Payer")
    return name, f.claim.payer_address or placeholder("Payer appeals address")


def identifiers(kb: Knowledge, f: LetterFacts) -> dict[str, str]:
    """Every identifier a request needs, the value or its placeholder, in the order payers read them."""
    member = _MEMBER_LABEL.get(f.payer_type, "Member ID")
    rows = {
        "Beneficiary" if f.payer_type == "medicare" else "Patient": f.claim.patient_name,
        member: f.claim.member_id,
        "Claim number (ICN)" if f.payer_type == "medicare" else "Claim number": f.claim.number,
        "Date of service": us_date(f.service_date),
        "Service": _service(kb, f.lines, f.service_date),
        f"Date of the {_notice_appealed(kb, f.route)}": us_date(f.claim.notice_date),
    }
    return {label: value or placeholder(label) for label, value in rows.items()}


def letterhead(f: LetterFacts) -> list[str]:
    p, c = f.practice, f.claim
    ids = f"NPI {c.npi or p.npi or placeholder('NPI')}"
    if f.payer_type == "medicare":
        ids += f" · PTAN {c.ptan or p.ptan or placeholder('PTAN')}"
    return [
        p.name or c.provider_name or placeholder("Practice name"),
        p.address or placeholder("Practice address"),
        p.phone or placeholder("Practice phone"),
        ids,
    ]


def signature(f: LetterFacts) -> str:
    who = f.practice.signer or placeholder("Name and title of the person requesting")
    practice = f.practice.name or f.claim.provider_name or placeholder("Practice name")
    return "\n".join([placeholder("Signature"), who, practice])


def good_cause(f: LetterFacts) -> Section | None:
    """For a request filed after its limit: the request to accept it for good cause, the reason left to the biller."""
    d = f.deadline
    if d is None or not d.overdue:
        return None
    reason = f.claim.good_cause or placeholder(
        "Good cause: why the request could not be filed in time, and the documents that show it"
    )
    ask = Statement(
        text=f"This request is filed after the filing limit ({d.basis}).",
        quotes=[], source_ids=[],
    )
    why = Statement(
        text=f"We ask that it be accepted for good cause for late filing: {reason}",
        quotes=[], source_ids=list(GOOD_CAUSE_SOURCES.get(d.route, ())),
    )
    return Section(id="good_cause", heading="Good cause for late filing", statements=[ask, why])


def build_letter(kb: Knowledge, draft: LetterDraft, f: LetterFacts, attachments: list[str]) -> Letter:
    sections = list(draft.sections)
    if (late := good_cause(f)) is not None:
        sections.insert(min(1, len(sections)), late)
    to, address = recipient(kb, f)
    return Letter(
        title=f.title,
        date=f.today,
        letterhead=letterhead(f),
        recipient=to,
        recipient_address=address,
        subject=f.title,
        identifiers=identifiers(kb, f),
        sections=sections,
        attachments=attachments,
        signature=signature(f),
    )
