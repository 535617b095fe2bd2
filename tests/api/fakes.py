"""A deterministic stand-in for `assistant.Assistant`, so route tests exercise the HTTP layer alone.

It returns the library's real models (Report, Passage) built by keyword search over the note;
the numbers in FAKE_FEES are synthetic test values, not a fee schedule.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.codes import code_detail, order_findings
from assistant.errors import EmptyNoteError, NoteTooLargeError
from assistant.knowledge.loader import Knowledge, cached_knowledge
from assistant.knowledge.schema import RVU, AppealRules, CodeInfo, ConversionFactor, FeeSchedule
from assistant.models import (
    Answer,
    AnswerSentence,
    BilledLine,
    Billing,
    CheckResult,
    CodeDetail,
    OrderFinding,
    Passage,
    Payment,
    PaymentLine,
    Report,
    SourceRef,
    Span,
    Summary,
    TimeSummary,
)
from assistant.settings import Settings

CHECK_IDS = cached_knowledge().check_ids

KEYWORDS = {
    "patient_absent": r"patient (?:was )?not present",
    "consent": r"consent",
    "caregiver": r"\b(?:wife|husband|daughter|son|spouse)\b",
    "skills_taught": r"transfer",
    "return_demo": r"return demonstration",
    "total_time": r"\b\d+ minutes\b",
    "provider": r"\b(?:PT|DPT|OTR/L)\b",
}


def _fees() -> FeeSchedule:
    src = ["test-src"]
    return FeeSchedule(
        conversion_factors=[
            ConversionFactor(
                id="cf2024a", amount=33.0, effective_from=date(2024, 1, 1), effective_to=date(2024, 3, 8), sources=src
            ),
            ConversionFactor(
                id="cf2024b", amount=32.5, effective_from=date(2024, 3, 9), effective_to=date(2024, 12, 31), sources=src
            ),
            ConversionFactor(
                id="cf2025", amount=32.0, effective_from=date(2025, 1, 1), effective_to=date(2025, 12, 31), sources=src
            ),
        ],
        rvus=[
            RVU(
                code="97550",
                release="T24",
                work=1.0,
                pe_nonfacility=1.0,
                pe_facility=0.5,
                mp=0.1,
                total_nonfacility=2.1,
                total_facility=1.6,
                effective_from=date(2024, 1, 1),
                sources=src,
            )
        ],
        kx_thresholds=[],
        telehealth=[],
        therapist_waivers=[],
        assistant_payment_rate=0.85,
        assistant_sources=src,
        coinsurance=0.2,
    )


def fake_knowledge() -> Knowledge:
    codes = {
        "97550": CodeInfo(
            code="97550",
            family="cts",
            kind="primary",
            timed=True,
            minutes=30,
            short_descriptor="Caregiver trn 1st 30 min",
            paraphrase="Caregiver training, first 30 minutes, patient not present.",
            effective_from=date(2024, 1, 1),
            sources=["test-src"],
        ),
        "G0541": CodeInfo(
            code="G0541",
            family="direct_care",
            kind="primary",
            timed=True,
            minutes=30,
            short_descriptor="Caregiver train direct care",
            paraphrase="Direct care caregiver training, first 30 minutes.",
            effective_from=date(2025, 1, 1),
            sources=["test-src"],
        ),
    }
    for code, family, kind, primary in (
        ("97551", "cts", "addon", "97550"),
        ("97552", "cts", "group", None),
        ("G0542", "direct_care", "addon", "G0541"),
        ("G0543", "direct_care", "group", None),
    ):
        codes[code] = CodeInfo(
            code=code,
            family=family,
            kind=kind,
            timed=kind == "addon",
            primary=primary,
            short_descriptor=f"Caregiver training {kind}",
            paraphrase=f"Caregiver training, {kind}.",
            effective_from=codes["97550" if family == "cts" else "G0541"].effective_from,
            sources=["test-src"],
        )
    appeals = AppealRules(
        presumed_receipt_days=5, presumed_receipt_sources=["test-src"], routes=[], amount_in_controversy=[]
    )
    return Knowledge(
        root=Path("."),
        version="fake",
        sources={},
        rules={},
        codes=codes,
        modifiers={},
        diagnosis_changes=[],
        fees=_fees(),
        reason_codes={},
        denial_patterns={},
        faqs={},
        appeals=appeals,
    )


class FakeResult(BaseModel):
    recommendation: str
    letter: str


class FakeRewrite(BaseModel):
    text: str
    added: list[str]


@dataclass
class Calls:
    check: int = 0


# The worklist routes run against the real worklist (SQLite in a temporary folder) through a real
# `Assistant`: the store, the importer and the status machine are what the HTTP tests exercise.
WORKLIST_METHODS = frozenset(
    {
        "import_era",
        "worklist",
        "worklist_item",
        "update_worklist_item",
        "attach_worklist_note",
        "draft_worklist_item",
        "draft_worklist_items",
        "worklist_draft",
        "worklist_stats",
    }
)


class FakeAssistant:
    def __getattr__(self, name: str) -> Any:
        if name in WORKLIST_METHODS:
            return getattr(self.worklist_assistant, name)
        raise AttributeError(name)

    @cached_property
    def worklist_assistant(self) -> Any:
        from assistant.service import Assistant

        folder = tempfile.mkdtemp(prefix="cts-worklist-")
        atexit.register(shutil.rmtree, folder, True)
        return Assistant(self.settings.model_copy(update={"data_dir": Path(folder), "database_url": None}))

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings(embedder="hash")
        self.knowledge = fake_knowledge()
        self.retriever = object()
        self.backend = object()
        self.calls = Calls()
        self.last_appeal: dict[str, Any] = {}

    def fetch_url(self, url: str, **limits: Any) -> tuple[int, bytes]:
        """The real guarded fetch: the egress policy is what the CDS tests exercise."""
        from assistant.service import Assistant

        return Assistant.fetch_url(self, url, **limits)  # type: ignore[arg-type]

    def check_note(
        self, text: str | bytes, *, dos: Any = None, billed: Any = None, profile: str = "medicare"
    ) -> Report:
        self.calls.check += 1
        text = text.decode() if isinstance(text, bytes) else text
        if len(text.encode()) > self.settings.max_note_bytes:
            raise NoteTooLargeError(f"The note is larger than {self.settings.max_note_bytes} bytes.")
        if not text.strip():
            raise EmptyNoteError("The note is empty.", hint="paste the note text")
        checks = []
        for cid in CHECK_IDS:
            pattern = KEYWORDS.get(cid)
            match = re.search(pattern, text, re.I) if pattern else None
            status = "met" if match else ("missing" if pattern else "not_applicable")
            evidence = [Span(start=match.start(), end=match.end(), quote=match.group(0))] if match else []
            checks.append(
                CheckResult(
                    id=cid,
                    status=status,
                    severity="block" if cid == "consent" else "warn",
                    message=f"{cid} is {status}.",
                    fix="" if match else f"Document {cid}.",
                    evidence=evidence,
                )
            )
        blocking = sum(c.status == "missing" and c.severity == "block" for c in checks)
        warnings = sum(c.status == "missing" and c.severity == "warn" for c in checks)
        minutes = re.search(r"(\d+) minutes", text)
        total = int(minutes.group(1)) if minutes else None
        lines = [BilledLine(code="97550", units=1, modifiers=["GP"])] if total and total >= 16 else []
        payment = (
            Payment(
                period="2025",
                conversion_factor=32.0,
                lines=[PaymentLine(code="97550", units=1, unit_amount=67.2, amount=67.2, total_rvu=2.1)],
                total=67.2,
                medicare_share=53.76,
                patient_coinsurance=13.44,
            )
            if lines
            else None
        )
        return Report(
            checks=checks,
            time=TimeSummary(total_minutes=total),
            billing=Billing(rule="midpoint", lines=lines, payment=payment),
            summary=Summary(
                ready_to_bill=blocking == 0 and warnings == 0, blocking=blocking, warnings=warnings, unclear=0
            ),
        )

    def code_detail(self, code: str, dos: date | None = None) -> CodeDetail:
        return code_detail(self.knowledge, code, dos, today=date.today())

    def order_findings(self, lines: list[tuple[str, int]], dos: date | None) -> list[OrderFinding]:
        return order_findings(self.knowledge, lines, dos)

    def search(self, query: str, *, k: int = 5, dos: Any = None) -> list[Passage]:
        src = SourceRef(
            id="test-src", title="Test source", publisher="Tests", url="https://example.org", authority="cms"
        )
        return [Passage(id=f"p{i}", text=f"passage {i}", score=1.0 / (i + 1), source=src) for i in range(k)]

    def answer(self, question: str, *, dos: Any = None, k: int = 5) -> Answer:
        passages = self.search(question, k=k, dos=dos)
        sentence = AnswerSentence(text="passage 0", passage_id=passages[0].id, source=passages[0].source)
        return Answer(
            question=question, dos=dos, answered=True, text=sentence.text, sentences=[sentence], passages=passages
        )

    def draft_appeal(
        self,
        denial: str,
        note: Any,
        claim: Any = None,
        denial_text: Any = None,
        *,
        dos: Any = None,
        known_names: Any = (),
    ) -> Any:
        self.last_appeal = {"denial": denial, "denial_text": denial_text, "dos": dos, "known_names": list(known_names)}
        try:
            from assistant.drafting import models as m
        except ImportError:
            return FakeResult(
                recommendation="appeal", letter=f"Re: denial {denial}.\nThe documentation supports the service."
            )
        statement = m.Statement(text="The documentation supports the service.", quotes=[], source_ids=[])
        letter = m.Letter(
            subject=f"Appeal of denial {denial}",
            recipient="Medicare contractor",
            identifiers={},
            sections=[m.Section(id="argument", heading="Argument", statements=[statement])],
            attachments=["Note"],
            signature="Therapist",
        )
        return m.AppealResult(
            recommendation="appeal",
            reasons=[m.Reason(text="Every element is documented.")],
            actions=[],
            denial=m.Denial(raw=denial, carcs=[]),
            pattern_id=None,
            letter=letter,
            attachments=[],
            sources=[],
            grounding=m.Grounding(outcome="grounded", backend="fake", attempts=[]),
        )

    def rewrite_note(self, text: Any, *, dos: Any = None, known_names: Any = ()) -> Any:
        self.last_rewrite_names = list(known_names)
        try:
            from assistant.drafting import models as m
        except ImportError:
            return FakeRewrite(text="Rewritten note.", added=["consent"])
        return m.RewriteResult(
            text="Rewritten note.",
            sections=[],
            gaps=[m.Gap(element="consent", placeholder="[[consent]]")],
            grounding=m.Grounding(outcome="grounded", backend="fake", attempts=[]),
        )
