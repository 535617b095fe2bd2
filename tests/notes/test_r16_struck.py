"""Round 16: text struck through in a redline ("~~...~~") is removed by its author, not documentation; the words
written in its place are read as usual. One synthetic note per case."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.notes.api import check_note
from assistant.notes.screen import screen

BASE = (
    "OT Caregiver Training {dos}. Pt stayed upstairs napping; not in session. Trained: daughter Marisol (unpaid). "
    "Pt gave verbal consent 11/17/26 for Marisol to be trained. Need: LB dressing w/ hip precautions; POC goal 2.\n"
    "Taught reacher and sock aid use.\n{demo}\nSkilled: graded cueing for hip precautions.\nTime 10:05-10:48\n"
    "J. Okafor, OTR/L\n"
)
DEMO = "Return demo: Marisol completed sock aid use x2 with one cue."


@pytest.mark.parametrize(("dos", "demo", "check", "status"), [
    # a struck sentence documents nothing; its replacement does
    ("11/24/2026", f"~~{DEMO}~~ (deleted: copied forward in error, no return demo today)", "return_demo", "missing"),
    ("11/24/2026", DEMO, "return_demo", "met"),
    # a struck date of service is not the note's date
    ("~~11/23/2026~~ 11/24/2026", DEMO, "date_of_service", "met"),
    ("11/23/2026 ~~11/24/2026~~", DEMO, "date_of_service", "problem"),
])
def test_struck_text_is_not_documentation(dos: str, demo: str, check: str, status: str) -> None:
    note = BASE.format(dos=dos, demo=demo)
    report = check_note(note, knowledge=cached_knowledge(), today=date(2026, 12, 3), dos=date(2026, 11, 24))
    assert report.check(check).status == status


@pytest.mark.parametrize(("text", "struck"), [
    ("Taught: pill-box set-up ~~weekly~~ daily", ["~~weekly~~"]),
    ("Dx: ~~G20~~ G20.A1", ["~~G20~~"]),
    # decoration, not a strike-through: the marks have spaces inside
    ("~~ received via eFax 11/13/2025 ~~ pg 2 of 2 ~~", []),
    # a struck clock time is read with its replacement by the time reader
    ("CTS stop: ~~10:31~~ 10:46", []),
])
def test_what_is_struck(text: str, struck: list[str]) -> None:
    assert [text[s.start : s.end] for s in screen(text) if s.kind == "struck"] == struck
