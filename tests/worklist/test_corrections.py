"""A payer's reversal and correction, matched to the right lines, and what it does to items already decided; a
re-denial under a new claim number; uploads of one file at once (hostile16 #2, #10, #11, #18).

The fixtures are the outside tester's synthetic remittances (week 1 and week 2 of two payers)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from assistant import Assistant
from tests.worklist.conftest import era

WEEK1, WEEK2 = date(2026, 11, 28), date(2026, 12, 3)


def _item(a: Assistant, icn: str, code: str, modifier: str) -> int:
    page = a.worklist(today=WEEK1, status=["new", "drafted", "submitted", "won", "lost", "corrected"], per_page=200)
    return next(i.id for i in page.items if i.claim_number == icn and i.procedure == code and modifier in i.modifiers)


def test_a_correction_pays_the_line_with_its_own_control_number(assistant: Assistant) -> None:
    """Two 97550 lines of one date (GP appealed, GO not): the correction paid GP (REF*6R L4A) and denied GO CO-151
    (L4B). The GP item is won with the payment; the GO item carries the CO-151 denial."""
    assistant.import_era(era("hostile16_payer1_week1.835"), today=WEEK1)
    gp = _item(assistant, "2225079000104", "97550", "GP")
    go = _item(assistant, "2225079000104", "97550", "GO")
    assistant.update_worklist_item(gp, {"status": "submitted"}, today=WEEK1)
    assistant.import_era(era("hostile16_payer1_week2.835"), today=WEEK2)
    won, carried = assistant.worklist_item(gp, today=WEEK2), assistant.worklist_item(go, today=WEEK2)
    assert (won.status, won.recovered) == ("won", 52.08)
    assert carried.status == "new" and carried.denial.startswith("CO-151") and carried.claim_number == "2225086000201"


def test_a_payment_on_a_decided_item_is_recorded_and_flagged(assistant: Assistant) -> None:
    """The payer reversed and paid $60 on a line recorded lost: its history says so and the item is flagged; the
    decision recorded stays as it was."""
    assistant.import_era(era("hostile16_payer2_week1.835"), today=WEEK1)
    item = _item(assistant, "SUN25080000003", "97550", "GP")
    assistant.update_worklist_item(item, {"status": "submitted"}, today=WEEK1)
    assistant.update_worklist_item(item, {"status": "lost"}, today=WEEK2)
    assistant.import_era(era("hostile16_payer2_week2.835"), today=WEEK2)
    detail = assistant.worklist_item(item, today=WEEK2)
    assert detail.status == "lost" and not detail.reversed
    assert "paid $60.00" in detail.attention and "lost" in detail.attention
    assert [e.action for e in detail.history][-2:] == ["reversed", "reprocessed"]


def test_a_redenial_under_a_new_claim_number_links_the_items(assistant: Assistant) -> None:
    assistant.import_era(era("hostile16_payer1_week1.835"), today=WEEK1)
    first = _item(assistant, "2225079000102", "97550", "GP")
    assistant.import_era(era("hostile16_payer1_week2.835"), today=WEEK2)
    again = next(i for i in assistant.worklist(today=WEEK2, per_page=200).items
                 if i.patient_control_number == "MR550112-0311" and i.id != first)
    assert f"item {first}" in again.attention
    earlier = assistant.worklist_item(first, today=WEEK2)
    assert again.claim_number in earlier.attention and earlier.history[-1].action == "re-denied"


def test_a_redenial_is_counted_once_while_the_item_it_repeats_is_open(assistant: Assistant) -> None:
    """hostile17 #14: the open figures count each service once (docs/remittance.md, "worked (and counted) as one")."""
    assistant.import_era(era("hostile16_payer1_week1.835"), today=WEEK1)
    first = _item(assistant, "2225079000102", "97550", "GP")
    assistant.import_era(era("hostile16_payer1_week2.835"), today=WEEK2)
    listed = assistant.worklist(today=WEEK2, per_page=1000).items
    again = next(i for i in listed if i.patient_control_number == "MR550112-0311" and i.id != first)
    stats = assistant.worklist_stats()
    assert stats.open_redenials == 1 and stats.open_items == len(listed) - 1
    assert round(stats.open_denied, 2) == round(sum(i.denied for i in listed) - again.denied, 2)
    assistant.update_worklist_item(first, {"status": "written_off", "reason": "worked under the new claim"},
                                   today=WEEK2)  # the earlier item closed: the re-denial now stands for the service
    after = assistant.worklist_stats()
    assert after.open_redenials == 0 and after.open_items == len(listed) - 1


def test_an_already_imported_file_reports_nothing_as_found(assistant: Assistant) -> None:
    assistant.import_era(era("hostile16_payer1_week1.835"), today=WEEK1)
    again = assistant.import_era(era("hostile16_payer1_week1.835"), today=WEEK1)
    assert again.already_imported
    assert (again.cts_denials, again.other_denials, again.reversals, again.items_created) == (0, 0, 0, 0)


def test_uploads_of_one_file_at_once_import_it_once(assistant: Assistant) -> None:
    """Four uploads at the same moment: one imports, the others answer "already imported" (never a storage error)."""
    data = era("hostile16_payer1_week1.835")
    barrier, results = threading.Barrier(4), []

    def upload() -> None:
        barrier.wait()
        try:
            results.append(assistant.import_era(data, today=WEEK1).already_imported)
        except Exception as exc:
            results.append(type(exc).__name__)

    threads = [threading.Thread(target=upload) for _ in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(results, key=str) == [False, True, True, True]
    assert assistant.worklist(today=WEEK1, per_page=200).total == 6


NOTES = Path(__file__).resolve().parent / "fixtures"


def test_a_line_its_own_draft_drops_files_nothing(assistant: Assistant) -> None:
    """hostile16 #6: 36 minutes support 97550 x1, not the 97551 line; the 97551 item's draft says "do not appeal
    97551", so that item is no_appeal with no expected recovery, while the 97550 item stays appeal."""
    assistant.import_era(era("hostile16_payer1_week1.835"), today=WEEK1)
    first, second = (_item(assistant, "2225079000101", code, "GP") for code in ("97550", "97551"))
    note = (NOTES / "hostile16_mon_note.txt").read_text()
    detail, result = assistant.draft_worklist_item(second, note=note, today=WEEK1)
    assert result.recommendation == "appeal" and [ln.code for ln in result.dropped_lines] == ["97551"]
    assert (detail.action, detail.expected_recovery, detail.due_date) == ("no_appeal", 0.0, None)
    kept, _ = assistant.draft_worklist_item(first, today=WEEK1)
    assert kept.action == "appeal"
