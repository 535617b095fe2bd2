from __future__ import annotations

from typing import Any

from assistant.drafting.models import LetterDraft, Section, Statement
from assistant.drafting.pipeline import generate_grounded
from assistant.errors import BackendError
from assistant.llm.fake import FakeBackend

GOOD = LetterDraft(sections=[Section(id="a", heading="A", statements=[Statement(text="ok", quotes=[], source_ids=[])])])
BAD = LetterDraft(sections=[Section(id="a", heading="A", statements=[Statement(text="bad", quotes=[], source_ids=[])])])


def gate(draft: Any) -> list[str]:
    return ["says bad"] if draft.sections[0].statements[0].text == "bad" else []


def offline(script: list[Any]) -> FakeBackend:
    fb = FakeBackend(script, name="offline")
    fb.deterministic = True
    return fb


def run(primary: FakeBackend, fallback: FakeBackend) -> tuple[Any, Any]:
    return generate_grounded(primary, fallback, "appeal", {"brief": "{}", "note": "n", "repair": ""}, LetterDraft, gate)


def test_grounded_first_time() -> None:
    out, g = run(FakeBackend([GOOD]), offline([GOOD]))
    assert out == GOOD and g.outcome == "grounded" and len(g.attempts) == 1


def test_one_repair_with_reasons() -> None:
    primary = FakeBackend([BAD, GOOD])
    _out, g = run(primary, offline([GOOD]))
    assert g.outcome == "repaired" and "says bad" in primary.calls[1][1]["repair"]


def test_two_failures_then_offline() -> None:
    primary = FakeBackend([BAD, BAD, GOOD])
    _out, g = run(primary, offline([GOOD]))
    assert g.outcome == "offline_fallback" and len(primary.calls) == 2 and g.backend == "offline"


def test_backend_error_goes_straight_to_offline() -> None:
    primary = FakeBackend([BackendError("timeout")])
    _out, g = run(primary, offline([GOOD]))
    assert g.outcome == "offline_fallback" and len(primary.calls) == 1


def test_nothing_ungrounded_is_returned() -> None:
    out, g = run(FakeBackend([BAD]), offline([BAD]))
    assert out is None and g.outcome == "withheld" and len(g.attempts) == 3


def test_offline_primary_is_called_once() -> None:
    off = offline([GOOD])
    _out, g = run(off, off)
    assert g.outcome == "grounded" and len(off.calls) == 1
