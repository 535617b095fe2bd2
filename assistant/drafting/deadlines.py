"""When a denial must be appealed, reopened or rebilled: one function over `knowledge/appeals/` (pure).

    deadline_for(kb, route="redetermination", notice_date=date(2025, 3, 3), today=date(2025, 3, 20))

Every limit, the presumed-receipt days and the amount-in-controversy figures are data with
sources (domain facts §11); this module only counts. Limits are calendar days or months and
are not moved for weekends or holidays: the due date shown is the conservative one, and one that falls on a
Saturday or Sunday says so and advises the business day before (no source in knowledge/ states an extension).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field

from assistant.drafting.sentences import sentence_spans
from assistant.errors import UnknownRouteError
from assistant.knowledge.loader import Knowledge
from assistant.knowledge.schema import AppealRoute


class Deadline(BaseModel):
    """The filing limit of one route for one denial, counted from its notice (or service) date."""

    model_config = ConfigDict(extra="forbid")

    route: str
    title: str
    level: int | None = None
    decided_by: str = ""
    due_date: date | None = None
    days_left: int | None = None
    overdue: bool = False
    basis: str = Field(description="How the due date was counted, in words.")
    amount_in_controversy_threshold: float | None = None
    form: str = ""
    sources: list[str] = Field(default_factory=list)
    #: Once the limit has passed: what is still open (a reopening window, good cause), in words.
    when_late: str = ""
    #: The limit has passed and no further window (a reopening for any reason) is open either.
    closed: bool = False
    #: The limit has passed and the further window still open is open only for good cause.
    good_cause_only: bool = False


def add_months(start: date, months: int) -> date:
    """Same day `months` later; the 29th-31st fall back to the month's last day (2024-02-29 + 12 = 2025-02-28)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _start(route: AppealRoute, kb: Knowledge, notice: date | None, dos: date | None) -> tuple[date | None, str]:
    if route.counts_from == "receipt":
        if notice is None:
            return None, "the notice date"
        days = kb.appeals.presumed_receipt_days
        return (notice + timedelta(days=days),
                f"receipt of the notice dated {notice.isoformat()} (presumed {days} days later)")
    if route.counts_from == "notice":
        return notice, f"the notice dated {notice.isoformat()}" if notice else "the notice date"
    return dos, f"the date of service {dos.isoformat()}" if dos else "the date of service"


def _due(route: AppealRoute, start: date) -> tuple[date, str]:
    if route.filing_days is not None:
        return start + timedelta(days=route.filing_days), f"{route.filing_days} days"
    months = route.filing_months or 0
    return add_months(start, months), "1 year" if months == 12 else f"{months} months"


def _threshold(kb: Knowledge, route_id: str, on: date) -> float | None:
    """The amount in controversy a request filed on `on` must reach (the figure of the year it is filed)."""
    for aic in kb.appeals.amount_in_controversy:
        if aic.route == route_id and aic.in_force(on):
            return aic.amount
    return None


def _when_late(route: AppealRoute, notice: date | None, today: date) -> tuple[str, list[str], bool]:
    """What is still open once the limit has passed: the route's late-filing text, its further window counted,
    and whether that window has closed too (a route without one is closed once its limit passes)."""
    late = route.when_late
    if late is None:
        return "A late request must show good cause.", [], True
    if late.window_months is None or notice is None:  # every windowed route counts from a notice it needs
        return late.text, list(late.sources), late.window_months is None
    until = add_months(notice, late.window_months)
    if until < today:
        return late.after_window or late.text, list(late.sources), True
    return late.text.replace("{until}", until.isoformat()), list(late.sources), False


# "within 60 calendar days of the denial date", "within 120 days of this notice": a payer's own limit, in its words
_WINDOW = re.compile(r"\bwithin\s+\d{1,3}\s+(?:calendar\s+|business\s+|working\s+)?days\b", re.I)
TERMS_CHARS = 240  # a longer "sentence" is a paste's run of lines: the line that states it is quoted


def payer_terms(text: str) -> str:
    """The payer's own sentence that states a filing limit in days ("within 60 calendar days of the denial date"),
    whitespace normalised; its line when the sentence runs on; "" when the text states none."""
    for a, b in sentence_spans(text):
        said = text[a:b]
        if _WINDOW.search(said) is None:
            continue
        if len(said) > TERMS_CHARS:
            said = next((ln for ln in said.splitlines() if _WINDOW.search(ln)), said[:TERMS_CHARS])
        return " ".join(said.split()).strip(" '\"")
    return ""


def _not_this_plans(spec: AppealRoute, payer_type: str) -> str:
    """A plan that takes its own new-claim window, counted with Medicare's 12 months because none was entered: the
    basis says whose rule that is (hostile17 #12: a Medigap plan's corrected claim was given Medicare's date)."""
    if payer_type not in spec.payer_deadline_for or spec.counts_from != "service":
        return ""
    return ("; that is Traditional Medicare's limit, not this plan's: enter the plan's own timely filing limit "
            "from its contract or notice, which may be shorter")


def on_weekend(due: date) -> str:
    """The advice for a due date on a Saturday or Sunday: file by the Friday before. No extension to the next
    business day is stated, since neither the domain facts nor a source in knowledge/ states one (hostile17 #16)."""
    if due.weekday() < 5:
        return ""
    friday = due - timedelta(days=due.weekday() - 4)
    return (f"; {due.isoformat()} is a {due.strftime('%A')}: file by the business day before, "
            f"Friday {friday.isoformat()}")


def deadline_for(
    kb: Knowledge,
    *,
    route: str,
    today: date,
    notice_date: date | None = None,
    dos: date | None = None,
    payer_deadline: date | None = None,
    payer_terms: str = "",
    payer_type: str = "",
) -> Deadline:
    """The due date and days left for `route`; without the date it counts from, the basis says what is needed.
    `payer_terms`: the notice's own sentence that states a payer's limit, quoted where the payer's deadline counts.
    `payer_type`: a plan whose own limit the route takes once entered (`payer_deadline_for`: its new-claim window)."""
    try:
        spec = kb.appeals.route(route)
    except KeyError:
        known = ", ".join(r.id for r in kb.appeals.routes)
        raise UnknownRouteError(f"Unknown appeal route {route!r}.", hint=f"Use one of: {known}.") from None
    base = dict(route=spec.id, title=spec.title, level=spec.level, decided_by=spec.decided_by, form=spec.form,
                sources=list(spec.sources),
                amount_in_controversy_threshold=_threshold(kb, spec.id, today))
    if spec.counts_from == "forwarded":  # the payer sends the case on itself: no filing limit runs for the provider
        return Deadline(**base, basis=spec.use_when)
    if spec.counts_from == "payer" or (payer_deadline is not None and payer_type in spec.payer_deadline_for):
        mark = "'" if '"' in payer_terms else '"'
        reads = f"; the notice reads: {mark}{payer_terms}{mark}" if payer_terms else ""
        if payer_deadline is None:
            basis = f"This payer's appeal deadline is in its notice or contract: enter it{reads}."
            return Deadline(**base, basis=basis)
        due, basis = payer_deadline, f"the deadline entered from the payer's notice{reads}"
    else:
        start, counted_from = _start(spec, kb, notice_date, dos)
        if start is None:
            return Deadline(**base, basis=f"Give {counted_from} to count the filing limit.")
        due, span = _due(spec, start)
        basis = f"{span} from {counted_from}" + _not_this_plans(spec, payer_type)
        if spec.counts_from == "receipt":
            base["sources"] = list(dict.fromkeys([*spec.sources, *kb.appeals.presumed_receipt_sources]))
    days_left = (due - today).days
    if days_left >= 0:  # advice for a filing still ahead; a late request's letter states its limit as counted
        basis += on_weekend(due)
    if days_left < 0:
        base["when_late"], late_sources, base["closed"] = _when_late(spec, notice_date, today)
        base["good_cause_only"] = spec.when_late is not None and spec.when_late.good_cause_only
        base["sources"] = list(dict.fromkeys([*base["sources"], *late_sources]))
    return Deadline(**base, due_date=due, days_left=days_left, overdue=days_left < 0, basis=basis)
