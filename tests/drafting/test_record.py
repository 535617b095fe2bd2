"""The record an appeal rests on: addenda made for payment or after the denial are left out (domain facts §11)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.record import after_the_fact, record_text
from assistant.knowledge.loader import cached_knowledge

KB = cached_knowledge()
NOTE = "PT caregiver training 09/30/2026 10:00-10:40 (40 min)\nConsent: none on file.\n\n"

# the entry after the note, the denial notice date, why it is left out ("" = it counts)
CASES = [
    ("ADDENDUM - entered 11/14/2026 at the billing office's request to support the appeal: verbal consent "
     "obtained 09/30/2026.", date(2026, 10, 20), "made for payment"),
    ("Addendum 11/02/2026: pt verbal consent for wife's training obtained 09/30/2026.", date(2026, 10, 20),
     "written after the denial"),
    ("Late entry 10/01/2026 (for continuity of care): wife to keep the gait belt on during transfers.",
     date(2026, 10, 20), ""),
    ("Late entry 10/01/2026: wife to keep the gait belt on during transfers.", None, ""),
    ("Late entry 11/01/2026 so the claim is paid: consent was verbal.", None, "made for payment"),
    # the denial named as the entry's occasion, however it is worded
    ("ADDENDUM 11/02/2026 (entered after Medicare denial dated 10/20/2026, CO-50): pt consented.", None,
     "made for payment"),
    ("Addendum 11/02/2026 (following denial N657): the patient was not present.", None, "made for payment"),
    ("ADDENDUM 11/02/2026: per the ADR/denial letter, consent was obtained. Adding for claim resubmission.", None,
     "made for payment"),
    # written before the denial for care; the follow-up date it mentions is not when it was written
    ("Addendum 10/02/2026: wife to call if falls recur.\nNext caregiver session planned 11/30/2026.",
     date(2026, 10, 20), ""),
]


@pytest.mark.parametrize(("entry", "notice", "why"), CASES)
def test_after_the_fact_entries(entry: str, notice: date | None, why: str) -> None:
    note = NOTE + entry
    found = after_the_fact(KB, note, notice)
    assert [e.why for e in found] == ([why] if why else [])
    record = record_text(KB, note, notice)
    assert len(record) == len(note)  # offsets kept
    assert (entry[:20] in record) is (not why)


def test_a_note_without_addenda_is_the_record() -> None:
    assert record_text(KB, NOTE, date(2026, 10, 20)) == NOTE


# The payer's review names the late entry and says it set it aside: the appeal rests on the note without it.
@pytest.mark.parametrize(("payer_text", "left_out"), [
    ("The addendum dated 06/02/2026 was created after the initial review and cannot be considered.", True),
    ("The late entry was not considered: it was written after the records request.", True),
    ("The record does not contain the beneficiary's consent.", False),  # no entry named: the entry counts
    ("Documentation cannot be considered without a signature.", False),  # refusal words, no late entry named
])
def test_an_entry_the_payers_review_set_aside(payer_text: str, left_out: bool) -> None:
    entry = "ADDENDUM 06/02/2026 (W. Achebe): Written consent was obtained in 12/2024. Form not located."
    note = NOTE + entry
    found = after_the_fact(KB, note, date(2026, 9, 10), payer_text)
    assert bool(found) is left_out
    assert (entry[:20] in record_text(KB, note, date(2026, 9, 10), payer_text)) is (not left_out)


@pytest.mark.parametrize("header", ["ADDENDUM", "LATE ENTRY"])
def test_entries_with_no_blank_line_between_are_read_once_each(header: str) -> None:
    # round-14 finding #18: each header's entry ran to the note's end when no blank line followed, so a note of
    # thousands of header lines was rescanned once per header (quadratic). Each entry now ends at the next header.
    lines = "".join(f"{header} 10/{1 + i % 19:02d}/2026 noted.\n" for i in range(400))
    note = NOTE + lines + f"{header} 11/02/2026 to support the appeal: consent was verbal.\n"
    found = after_the_fact(KB, note, date(2026, 10, 20))
    assert [e.why for e in found] == ["made for payment"]  # only the last entry, not the 400 dated ones before it
    assert found[0].start == note.index(f"{header} 11/02/2026")
    record = record_text(KB, note, date(2026, 10, 20))
    assert lines in record and "consent was verbal" not in record
