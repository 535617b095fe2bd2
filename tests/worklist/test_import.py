"""Every caregiver-training denial of the sample files becomes the right item; nothing twice; reversals followed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assistant import Assistant
from assistant.errors import RemittanceError
from tests.worklist.conftest import TODAY, era, reprocessed_unprocessable

# (file, claim number, code) -> patient control number, DOS, denied, denial, pattern, action, route, due date
EXPECTED = {
    ("medicare_partb.835", "2225077123450", "97550"): (
        "SDT25030401",
        "2025-03-04",
        120.0,
        "CO-50 N115",
        "medical_necessity",
        "appeal",
        "redetermination",
        "2025-08-19",
    ),
    ("medicare_partb.835", "2225077123450", "97551"): (
        "SDT25030401",
        "2025-03-04",
        60.0,
        "CO-50 N115",
        "medical_necessity",
        "appeal",
        "redetermination",
        "2025-08-19",
    ),
    ("medicare_partb.835", "2225077123452", "97551"): (
        "SDT25030601",
        "2025-03-06",
        60.0,
        "CO-151 N640",
        "mue_exceeded",
        "appeal",
        "redetermination",
        "2025-08-19",
    ),
    ("medicare_partb.835", "2225077123454", "G0541"): (
        "SDT25031101",
        "2025-03-11",
        110.0,
        "CO-16 M53",
        "time_units_missing",
        "corrected_claim",
        # CARC 16 returns the claim unprocessed: a new claim, as the drafting decision routes it (one rule)
        "new_claim",
        "2026-03-11",  # a new claim is due within 12 months of the date of service
    ),
    ("medicare_partb.835", "2225077123455", "97550"): (
        "SDT25031401",
        "2025-03-14",
        120.0,
        "PR-119",
        "kx_threshold",
        "corrected_claim",
        "clerical_reopening",
        "2026-04-16",
    ),
    ("medicare_partb.835", "2225077123461", "97552"): (
        "SDT25031902",
        "2025-03-19",
        50.0,
        "CO-97 M80",
        "bundling_ncci",
        "appeal",
        "redetermination",
        "2025-08-19",
    ),
    ("advantage_and_commercial.835", "MA25080000101", "97550"): (
        "SDT25032001",
        "2025-03-20",
        120.0,
        "CO-50",
        "medical_necessity",
        "appeal",
        "plan_reconsideration",
        "2025-06-25",
    ),
    ("advantage_and_commercial.835", "MA25080000102", "97551"): (
        "SDT25032102",
        "2025-03-21",
        60.0,
        "CO-B15 N122",
        "addon_without_primary",
        "corrected_claim",
        "new_claim",
        "2026-03-21",
    ),
    ("advantage_and_commercial.835", "ACME0000458801", "97552"): (
        "SDT25032401",
        "2025-03-24",
        50.0,
        "CO-204",
        "plan_not_covered",
        "appeal",
        "payer_appeal",
        None,
    ),
    ("advantage_and_commercial.835", "ACME0000458802", "97551"): (
        "SDT25032501",
        "2025-03-25",
        60.0,
        "CO-151 N640",
        "mue_exceeded",
        "appeal",
        "payer_appeal",
        None,
    ),
    ("advantage_and_commercial.835", "ACME0000458804", "97550"): (
        "SDT24110101",
        "2024-11-01",
        120.0,
        "CO-29",
        "timely_filing",
        "no_appeal",
        None,
        None,
    ),
}
OTHER_DENIALS = {"medicare_partb.835": 1, "advantage_and_commercial.835": 1}


def _items(a: Assistant) -> dict[tuple[str, str], object]:
    page = a.worklist(status=["new"], per_page=200, today=TODAY)
    return {(i.claim_number, i.procedure): i for i in page.items}


@pytest.mark.parametrize("name", sorted(OTHER_DENIALS))
def test_every_cts_denial_becomes_the_right_item(assistant: Assistant, name: str) -> None:
    summary = assistant.import_era(era(name), filename=name, today=TODAY)
    expected = {k[1:]: v for k, v in EXPECTED.items() if k[0] == name}
    assert summary.items_created == summary.cts_denials == len(expected)
    assert summary.other_denials == OTHER_DENIALS[name]
    items = _items(assistant)
    assert set(items) == set(expected)
    for key, (pcn, dos, denied, denial, pattern, action, route, due) in expected.items():
        item = items[key]
        got = (
            item.patient_control_number,
            str(item.service_date),
            item.denied,
            item.denial,
            item.pattern_id,  # type: ignore[attr-defined]
            item.action,
            item.route,
            str(item.due_date) if item.due_date else None,
        )  # type: ignore[attr-defined]
        assert got == (pcn, dos, denied, denial, pattern, action, route, due), key


def test_item_detail_has_codes_with_meanings_and_amounts(assistant: Assistant) -> None:
    assistant.import_era(era("medicare_partb.835"), today=TODAY)
    item = next(i for i in _items(assistant).values() if i.denial.startswith("CO-151"))  # type: ignore[attr-defined]
    detail = assistant.worklist_item(item.id, today=TODAY)  # type: ignore[attr-defined]
    carcs = {(c.group, c.code): c for c in detail.codes if c.kind == "carc"}
    assert carcs[("CO", "151")].amount == 60.0 and "many" in carcs[("CO", "151")].meaning
    assert set(carcs) == {("CO", "151")}  # routine CO-45, CO-253, PR-2 are not the denial
    rarcs = {c.code: c.meaning for c in detail.codes if c.kind == "rarc"}
    assert "frequency" in rarcs["N640"] and rarcs["MA01"].startswith("Informational: appeal rights")
    assert (detail.charge, detail.paid, detail.denied, detail.units) == (120.0, 21.7, 60.0, 2)
    assert detail.level == 1 and detail.days_left == (date(2025, 8, 19) - TODAY).days and not detail.overdue
    assert detail.deadline_title == "Request for Redetermination" and "120 days" in detail.deadline_basis
    assert detail.patient == "TESTPATIENT, CHARLIE" and detail.member_id == "3GH4JK5LM67"
    assert [h.action for h in detail.history] == ["imported"] and detail.history[0].actor == "biller-a"


def test_reimporting_creates_no_duplicates(assistant: Assistant) -> None:
    first = assistant.import_era(era("medicare_partb.835"), today=TODAY)
    again = assistant.import_era(era("medicare_partb.835"), today=TODAY)
    assert again.already_imported and again.file_id == first.file_id and again.items_created == 0
    # the same claims in a re-sent file (other bytes: another interchange control number) add nothing
    resent = era("medicare_partb.835").replace(b"000004711", b"000004712")
    third = assistant.import_era(resent, today=TODAY)
    assert not third.already_imported and third.cts_denials == 6 and third.items_created == 0
    assert assistant.worklist(today=TODAY).total == 6


def test_a_bad_claim_loop_is_reported_and_the_rest_imported(assistant: Assistant) -> None:
    summary = assistant.import_era(era("malformed_claim.835"), today=TODAY)
    assert summary.claims == 2 and summary.items_created == 2
    assert [(p.position, p.segment) for p in summary.problems] == [(18, "CLP"), (25, "CLP")]
    assert {i.patient_control_number for i in assistant.worklist(today=TODAY).items} == {"SDT25040701", "SDT25041001"}


def test_a_malformed_file_changes_nothing(assistant: Assistant) -> None:
    with pytest.raises(RemittanceError) as caught:
        assistant.import_era(era("medicare_partb.835").replace(b"SE*81*0001~", b"SE*80*0001~"), today=TODAY)
    assert caught.value.position == 83
    assert assistant.worklist(today=TODAY).total == 0


def test_reversal_and_correction(assistant: Assistant) -> None:
    assistant.import_era(era("medicare_partb.835"), today=TODAY)
    items = _items(assistant)
    appealed = items[("2225077123450", "97550")].id  # type: ignore[attr-defined]
    assistant.update_worklist_item(appealed, {"status": "submitted"}, today=TODAY)
    later = date(2025, 5, 20)
    summary = assistant.import_era(era("medicare_reprocessed.835"), today=later)
    assert (summary.reversals, summary.items_closed, summary.items_created) == (2, 3, 4)
    won = assistant.worklist_item(appealed, today=later)
    assert (won.status, won.recovered, str(won.decided_on)) == ("won", 44.38, "2025-05-20")
    assert [h.action for h in won.history] == ["imported", "status", "reversed", "reprocessed"]
    corrected = assistant.worklist_item(items[("2225077123450", "97551")].id, today=later)  # type: ignore[attr-defined]
    assert corrected.status == "corrected" and "reprocessed" in corrected.status_reason
    reopened = assistant.worklist_item(items[("2225077123454", "G0541")].id, today=later)  # type: ignore[attr-defined]
    assert reopened.status == "corrected" and reopened.next_statuses == []
    new = {(i.claim_number, i.procedure): i for i in assistant.worklist(per_page=100, today=later).items}
    assert new[("2225130555504", "97550")].route == "new_claim"  # MA130: unprocessable, submit a new claim
    assert new[("2225130555503", "97550")].pattern_id == "mue_exceeded"
    # CO-18 duplicate: the original claim is corrected (its status checked first), as `assistant appeal` says
    assert new[("2225130555505", "97550")].action == "corrected_claim"
    stats = assistant.worklist_stats()
    assert {(r.dimension, r.key, r.won) for r in stats.rows if r.won} >= {("route", "redetermination", 1)}


def test_correction_still_denied_carries_the_item_over(assistant: Assistant) -> None:
    assistant.import_era(era("medicare_partb.835"), today=TODAY)
    item = _items(assistant)[("2225077123450", "97550")]
    still_denied = (
        era("medicare_reprocessed.835")
        .replace(
            b"SVC*HC:97550:GP*120*44.38**1~\nDTM*472*20250304~\nCAS*CO*45*63.39**253*0.91~\nCAS*PR*2*11.32~",
            b"SVC*HC:97550:GP*120*0**1~\nDTM*472*20250304~\nCAS*CO*50*108.47~\nCAS*PR*2*11.53~",
        )
        .replace(b"CLP*SDT25030401*1*180*66.08*16.86", b"CLP*SDT25030401*1*180*21.7*17.07")
        .replace(b"BPR*I*111.55", b"BPR*I*67.17")
    )
    summary = assistant.import_era(still_denied, today=date(2025, 5, 20))
    assert summary.items_updated == 1 and summary.problems == []
    carried = assistant.worklist_item(item.id, today=date(2025, 5, 20))  # type: ignore[attr-defined]
    assert carried.claim_number == "2225130555501" and carried.status == "new" and not carried.reversed
    assert carried.history[-1].action == "reprocessed"
    # the correction's notice (DTM*405 2025-05-14) starts the limit again: the stored due date the queue sorts and
    # filters by is the deadline's own, never the first notice's
    assert carried.due_date == date(2025, 5, 14) + timedelta(days=5 + 120)
    assert carried.days_left == (carried.due_date - date(2025, 5, 20)).days and "2025-05-14" in carried.deadline_basis
    listed = assistant.worklist(today=date(2025, 5, 20), due=150).items
    assert [i.due_date for i in listed if i.id == item.id] == [carried.due_date]


def test_a_units_denial_past_the_new_claim_window_is_reopened(assistant: Assistant) -> None:
    """QA10 #2: CO-16 M53 with no MA130 is a denied line; once 12 months from the DOS (2025-03-11) have passed, the
    item is the clerical-error reopening, due 1 year from the remittance, not a new claim already too late."""
    later = date(2026, 4, 1)
    assistant.import_era(era("medicare_partb.835"), today=later)
    page = assistant.worklist(status=["new"], per_page=200, today=later)
    item = next(i for i in page.items if i.claim_number == "2225077123454" and i.procedure == "G0541")
    assert item.route == "clerical_reopening" and item.due_date is not None and item.due_date > later


def test_a_reprocessed_denial_decides_the_route_and_the_due_date_again(assistant: Assistant) -> None:
    """qa10b #1: the correction is a new determination; its denial, not the reversed claim's, routes the item."""
    assistant.import_era(era("medicare_partb.835"), today=TODAY)
    item = _items(assistant)[("2225077123450", "97550")]
    assert item.route == "redetermination"  # type: ignore[attr-defined]
    now_unprocessable = reprocessed_unprocessable()
    assistant.import_era(now_unprocessable, today=date(2025, 5, 20))
    carried = assistant.worklist_item(item.id, today=date(2025, 5, 20))  # type: ignore[attr-defined]
    assert carried.denial.startswith("CO-16")
    assert (carried.action, carried.route) == ("corrected_claim", "new_claim")
    assert carried.due_date == date(2026, 3, 4)  # a new claim: 12 months from the date of service


def test_a_line_the_payer_recoded_is_the_billed_codes_item(assistant: Assistant) -> None:
    """qa10b #7: a denied 97550 adjudicated as 97530 (SVC06) is still a caregiver-training denial to answer."""
    recoded = era("medicare_partb.835").replace(
        b"SVC*HC:97550:GP*120*0**1~", b"SVC*HC:97530:GP*120*0**1*HC:97550:GP~", 1
    )
    summary = assistant.import_era(recoded, today=TODAY)
    item = _items(assistant)[("2225077123450", "97550")]
    assert summary.items_created == 6 and item.modifiers == ["GP"]  # type: ignore[attr-defined]
    lines = assistant.worklist_item(item.id, today=TODAY).claim_lines  # type: ignore[attr-defined]
    assert {"code": "97550", "adjudicated_as": "97530"}.items() <= lines[0].items()


@pytest.mark.parametrize(("given", "kept"), [
    ("../../etc/passwd\x00.835", "passwd.835"),  # hostile15 #15: path parts and a NUL were kept and echoed
    ("C:\\exports\\day1.835", "day1.835"),
    ("day\u202e538.1", "day538.1"), ("a\nb.835", "ab.835"),
    ("..", ""), ("/", ""), ("era.835", "era.835"), ("Zoë's ERA.835", "Zoë's ERA.835"),
])
def test_a_stored_filename_has_no_path_or_control_characters(assistant: Assistant, given: str, kept: str) -> None:
    assert assistant.import_era(era(sorted(OTHER_DENIALS)[0]), filename=given, today=TODAY).filename == kept
