"""Test doubles for the drafting use cases: a stub `Assistant` and hand-built note-check reports.

The stub uses the real knowledge base; its `check_note` returns a report built from a table of
statuses with evidence quotes located in the note (so spans are real).
"""

from __future__ import annotations

from typing import Any

from assistant.drafting.deps import DraftingDeps, Limits
from assistant.knowledge.loader import cached_knowledge
from assistant.models import (
    BilledLine,
    Billing,
    CheckResult,
    Report,
    ReportMeta,
    Span,
    Summary,
    TimeSummary,
)
from assistant.settings import Settings

CHECK_IDS = cached_knowledge().check_ids

GOOD_NOTE = """Date of service: 03/04/2025
Caregiver training (97550 GP). Patient not present; he was at his adult day program during the session.
Caregiver: wife, Maria (unpaid family caregiver). Patient gave verbal consent on 03/04/2025 for his wife to receive caregiver training.
Need: patient needs min assist for sit-to-stand and car transfers; training supports plan of care goal 2, safe transfers at home with caregiver assist.
Trained wife in sit-to-stand transfer technique with gait belt, car transfer sequencing and fall precautions; therapist gave hands-on correction of her body mechanics.
Return demonstration: wife performed car transfer with gait belt safely after two verbal cues.
Time: 10:00-10:40, total 40 minutes face to face with the caregiver.
Jane Doe, PT, DPT
"""  # noqa: E501 (a note as clinicians write it: long lines)

GOOD_EVIDENCE = {
    "date_of_service": "Date of service: 03/04/2025",
    "patient_absent": "Patient not present",
    "consent": "Patient gave verbal consent on 03/04/2025 for his wife to receive caregiver training",
    "caregiver": "Caregiver: wife, Maria (unpaid family caregiver)",
    "need_and_goal": "training supports plan of care goal 2, safe transfers at home with caregiver assist",
    "skills_taught": (
        "Trained wife in sit-to-stand transfer technique with gait belt, car transfer sequencing and fall precautions"
    ),
    "return_demo": "Return demonstration: wife performed car transfer with gait belt safely after two verbal cues",
    "skilled_need": "therapist gave hands-on correction of her body mechanics",
    "total_time": "total 40 minutes",
    "start_stop": "10:00-10:40",
    "minimum_time": "total 40 minutes",
    "provider": "Jane Doe, PT, DPT",
}


def make_report(
    note: str,
    statuses: dict[str, str] | None = None,
    evidence: dict[str, str] | None = None,
    *,
    total: int | None = 40,
    lines: list[BilledLine] | None = None,
) -> Report:
    kb = cached_knowledge()
    statuses = statuses or {}
    evidence = GOOD_EVIDENCE if evidence is None else evidence
    checks = []
    for cid in CHECK_IDS:
        status = statuses.get(cid, "met" if cid in evidence else "not_applicable")
        spans = []
        quote = evidence.get(cid)
        if quote and quote in note and status in ("met", "problem"):
            start = note.index(quote)
            spans.append(Span(start=start, end=start + len(quote), quote=quote))
        rule = kb.rules[cid]
        checks.append(
            CheckResult(
                id=cid,
                status=status,
                severity=rule.severity["medicare"],  # type: ignore[arg-type]
                message=rule.messages.get(status, "").replace("{detail}", "").strip() or cid,
                fix=rule.fixes.get(status, ""),
                evidence=spans,
                sources=list(rule.sources),
            )
        )
    blocking = sum(1 for c in checks if c.status in ("missing", "problem") and c.severity == "block")
    return Report(
        checks=checks,
        time=TimeSummary(total_minutes=total, stated_total_minutes=total),
        billing=Billing(
            rule="midpoint", lines=lines if lines is not None else [BilledLine(code="97550", units=1, modifiers=["GP"])]
        ),
        summary=Summary(ready_to_bill=blocking == 0, blocking=blocking, warnings=0, unclear=0),
        meta=ReportMeta(),
    )


class StubAssistant:
    def __init__(self, backend: Any, report: Report | None = None, settings: Settings | None = None) -> None:
        self.knowledge = cached_knowledge()
        self.backend = backend
        self.settings = settings or Settings()
        self.report = report
        self.calls: list[dict[str, Any]] = []

    def check_note(self, text: Any, *, dos: Any = None, billed: Any = None, profile: str = "medicare") -> Report:
        self.calls.append({"dos": dos, "billed": billed})
        return self.report if self.report is not None else make_report(text if isinstance(text, str) else text.decode())

    def search(self, query: str, *, k: int = 5, dos: Any = None) -> list[Any]:
        return []

    def deps(self) -> DraftingDeps:
        return DraftingDeps(
            knowledge=self.knowledge,
            backend=self.backend,
            check=self.check_note,
            search=self.search,
            limits=Limits(max_note_bytes=self.settings.max_note_bytes),
        )

    def draft_appeal(
        self,
        denial: str,
        note: Any,
        claim: Any = None,
        denial_text: str | None = None,
        *,
        dos: Any = None,
        known_names: Any = (),
    ) -> Any:
        from assistant.drafting.appeal import draft_appeal

        return draft_appeal(
            self.deps(),
            denial=denial,
            note=note,
            claim=claim,
            denial_text=denial_text,
            dos=dos,
            known_names=known_names,
        )

    def rewrite_note(self, text: Any, *, dos: Any = None, known_names: Any = ()) -> Any:
        from assistant.drafting.rewrite import rewrite_note

        return rewrite_note(self.deps(), text, dos=dos, known_names=known_names)
