"""Round-8 (after first contact) entry headers: a wrapped line that opens with "corrected" goes on with the sentence
before it; it is not a correction or late entry (assistant.notes.addenda), so what follows stays documentation.
"""

from __future__ import annotations

import pytest

import assistant
from assistant.notes.addenda import find_entries

BASE = "DOS 11/19/2025. Pt not present (stayed home). Son (unpaid) trained in stand-pivot transfers. J. Ruiz, PT\n"


@pytest.mark.parametrize(
    ("text", "headers"),
    [
        # a wrapped sentence whose next line opens with "corrected" is not a correction entry
        ("Return demo x3 -- stood too far back at first,\ncorrected hands-on; then ok.\nTime 1:15-2:00 PM.", 0),
        ("Son practiced transfers; cues given,\ncorrection of hand placement needed once.", 0),
        # a header after a finished line, or written as one, is an entry
        ("Return demo x3.\ncorrected entry: start 1:20 PM, not 1:15.", 1),
        ("Return demo x3,\nCORRECTION 11/20/2024: start 1:20 PM.", 1),
    ],
)
def test_a_wrapped_line_is_not_an_entry_header(text: str, headers: int) -> None:
    assert len(find_entries(text)) == headers


def test_time_after_a_wrapped_correction_word_is_kept() -> None:
    note = BASE + "Return demo x3 -- stood too far back at first,\ncorrected hands-on.\nTime 1:15-2:00 PM (45 min).\n" \
        "Claim as sent: 97551 GP x1 (97550 line dropped by clearinghouse edit -- not resubmitted)\n"
    report = assistant.check_note(note)
    assert report.time.total_minutes == 45
    assert report.check("start_stop").status == "met"
