"""The queue: filters, sorting, paging, practices kept apart, the status machine, history, outcome statistics."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from assistant import Assistant, Settings
from assistant.errors import InputError, ItemNotFoundError, TransitionError
from assistant.worklist.stats import PRIOR_RATE, PRIOR_WEIGHT, Rates
from tests.worklist.conftest import TODAY, era, sqlite_copy


def _import(a: Assistant) -> Assistant:
    a.import_era(era("medicare_partb.835"), today=TODAY)
    a.import_era(era("advantage_and_commercial.835"), today=TODAY)
    return a


@pytest.fixture(scope="session")
def loaded_sqlite(migrated_sqlite: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two ERAs imported once into a SQLite worklist (same settings as `assistant`); tests get copies."""
    folder = tmp_path_factory.mktemp("worklist-loaded")
    a = Assistant(
        Settings(embedder="hash", data_dir=folder, database_url=sqlite_copy(migrated_sqlite, folder), user="biller-a")
    )
    _import(a).store.dispose()
    return folder / "worklist.sqlite3"


@pytest.fixture
def loaded(request: pytest.FixtureRequest, assistant: Assistant) -> Assistant:
    """`assistant` after importing the two ERAs: on SQLite a copy of the imported file (the 35 tests here import
    nothing else, and test_import.py checks the import itself), on PostgreSQL the import itself."""
    url = make_url(assistant.settings.worklist_url)
    if url.get_backend_name() != "sqlite":
        return _import(assistant)
    assert assistant.store._engine is None, "the copy must be in place before the store opens the file"
    sqlite_copy(request.getfixturevalue("loaded_sqlite"), Path(url.database or "").parent)
    return assistant


def _ids(a: Assistant, **kw: object) -> list[int]:
    return [i.id for i in a.worklist(today=TODAY, per_page=200, **kw).items]  # type: ignore[arg-type]


def test_sorted_by_due_date_with_undated_last(loaded: Assistant) -> None:
    items = loaded.worklist(today=TODAY, per_page=200).items
    dated = [i.due_date for i in items if i.due_date]
    assert dated == sorted(dated) and len(items) == 11
    assert all(i.due_date is None for i in items[len(dated) :])


@pytest.mark.parametrize(
    ("kwargs", "count"),
    [
        ({"due": "14d"}, 0),
        ({"due": "62d"}, 1),
        ({"due": "2w"}, 0),
        ({"due": "120d"}, 5),
        ({"due": 400}, 8),
        ({"payer": "acme"}, 3),
        ({"payer": "sunshine"}, 2),
        # hostile14 #15: a LIKE wildcard in the filter is a character, not "anything"
        ({"payer": "%"}, 0),
        ({"payer": "_"}, 0),
        ({"assignee": "%"}, 0),
        ({"status": ["new"]}, 11),
        ({"status": ["won"]}, 0),
        ({"pattern": "medical_necessity"}, 3),
    ],
)
def test_filters(loaded: Assistant, kwargs: dict[str, object], count: int) -> None:
    assert loaded.worklist(today=TODAY, **kwargs).total == count  # type: ignore[arg-type]


def test_overdue_items_are_in_the_due_window_and_marked(loaded: Assistant) -> None:
    late = date(2025, 7, 1)
    page = loaded.worklist(due="14d", today=late)
    assert page.total == 1 and page.items[0].overdue and page.items[0].days_left == -6


def test_paging(loaded: Assistant) -> None:
    everything = _ids(loaded)
    pages = [i.id for p in (1, 2, 3) for i in loaded.worklist(today=TODAY, page=p, per_page=4).items]
    assert pages == everything


def test_sort_by_expected_recovery(loaded: Assistant) -> None:
    items = loaded.worklist(today=TODAY, sort="recovery", per_page=200).items
    values = [i.expected_recovery for i in items]
    assert values == sorted(values, reverse=True)
    assert items[0].expected_recovery == 120 * PRIOR_RATE and items[-1].expected_recovery == 0  # CO-29: nothing to file


def test_recovery_pages_follow_the_whole_ranking(loaded: Assistant) -> None:
    # the ranking is computed over the whole queue and only the page's items are loaded: pages must tile it
    whole = [i.id for i in loaded.worklist(today=TODAY, sort="recovery", per_page=200).items]
    pages = [i.id for p in range(1, len(whole) // 3 + 2)
             for i in loaded.worklist(today=TODAY, sort="recovery", page=p, per_page=3).items]
    assert len(whole) > 3 and pages == whole


@pytest.mark.parametrize("bad", ["soon", "14x", "-3d"])
def test_bad_due_window(loaded: Assistant, bad: str) -> None:
    with pytest.raises(InputError):
        loaded.worklist(due=bad, today=TODAY)


def test_practices_never_see_each_other(loaded: Assistant) -> None:
    other = "clinic-b"
    assert loaded.worklist(practice=other, today=TODAY).total == 0
    some_id = _ids(loaded)[0]
    for call in (
        lambda: loaded.worklist_item(some_id, practice=other, today=TODAY),
        lambda: loaded.update_worklist_item(some_id, {"assignee": "x"}, practice=other, today=TODAY),
        lambda: loaded.attach_worklist_note(some_id, "note", practice=other, today=TODAY),
    ):
        with pytest.raises(ItemNotFoundError):
            call()
    loaded.import_era(era("medicare_partb.835"), practice=other, today=TODAY)  # same file, another practice: imported
    assert loaded.worklist(practice=other, today=TODAY).total == 6
    assert loaded.worklist(today=TODAY).total == 11


# (path of statuses, reason) -> error on the last step or None
@pytest.mark.parametrize(
    ("path", "ok"),
    [
        (["submitted", "won"], True),
        (["drafted", "submitted", "partially_won"], True),
        (["submitted", "lost"], True),
        (["corrected"], True),
        (["written_off"], True),
        (["won"], False),
        (["submitted", "drafted"], False),
        (["submitted", "won", "new"], False),
        (["written_off", "new"], False),
    ],
)
def test_status_machine(loaded: Assistant, path: list[str], ok: bool) -> None:
    item = _ids(loaded)[0]
    for status in path[:-1]:
        loaded.update_worklist_item(item, {"status": status, "reason": "because"}, today=TODAY)
    change: dict[str, object] = {"status": path[-1], "reason": "because"}
    if path[-1] == "partially_won":
        change["recovered"] = 1  # a partial win is recorded with its amount
    if ok:
        assert loaded.update_worklist_item(item, change, today=TODAY).status == path[-1]
    else:
        with pytest.raises(TransitionError):
            loaded.update_worklist_item(item, change, today=TODAY)


@pytest.mark.parametrize("status", ["corrected", "written_off"])
def test_closing_needs_a_reason(loaded: Assistant, status: str) -> None:
    with pytest.raises(TransitionError, match="reason"):
        loaded.update_worklist_item(_ids(loaded)[0], {"status": status}, today=TODAY)


def test_history_records_who_what_when(loaded: Assistant) -> None:
    item = _ids(loaded)[0]
    loaded.update_worklist_item(item, {"assignee": "dana"}, actor="lead", today=TODAY)
    detail = loaded.update_worklist_item(item, {"status": "submitted"}, actor="dana", today=TODAY)
    assert [(h.actor, h.action, h.from_status, h.to_status) for h in detail.history[1:]] == [
        ("lead", "assigned", "new", None),
        ("dana", "status", "new", "submitted"),
    ]
    assert detail.assignee == "dana" and detail.submitted_on == TODAY
    assert all(h.at.tzinfo is not None for h in detail.history)
    assert loaded.worklist(assignee="dana", today=TODAY).total == 1
    # qa10b #28: part of the name, any case, as the payer filter
    assert [loaded.worklist(assignee=a, today=TODAY).total for a in ("DANA", "dan", "rowan")] == [1, 1, 0]


@pytest.mark.parametrize(("stored", "searched", "found"), [
    ("Zoë Ørsted", "zoe", 1), ("Zoë Ørsted", "ORSTED", 1), ("Zoë Ørsted", "zoë", 1),  # hostile15 #14
    ("Zoe Orsted", "zoë", 1), ("Renée", "renee", 1), ("Zoë", "%", 0), ("Zoë", "zoey", 0),
])
def test_assignee_search_ignores_case_and_accents(loaded: Assistant, stored: str, searched: str, found: int) -> None:
    loaded.update_worklist_item(_ids(loaded)[0], {"assignee": stored}, today=TODAY)
    assert loaded.worklist(assignee=searched, today=TODAY).total == found


def test_lost_goes_to_the_next_level(loaded: Assistant) -> None:
    item = next(i for i in loaded.worklist(today=TODAY).items if i.route == "redetermination")
    loaded.update_worklist_item(item.id, {"status": "submitted"}, today=TODAY)
    decided = TODAY + timedelta(days=40)
    loaded.update_worklist_item(item.id, {"status": "lost", "decided_on": decided}, today=decided)
    again = loaded.update_worklist_item(item.id, {"status": "new"}, today=decided)
    assert (again.route, again.level, again.status) == ("reconsideration", 2, "new")
    assert again.due_date == decided + timedelta(days=5 + 180)


def _lose(a: Assistant, item: int, on: date) -> None:
    a.update_worklist_item(item, {"status": "submitted"}, today=on)
    a.update_worklist_item(item, {"status": "lost", "decided_on": on}, today=on)


def test_a_lost_level_stays_in_the_statistics_when_the_item_moves_on(loaded: Assistant) -> None:
    """qa10b #3: each level's decision is a fact of its own; taking the item further never erases it."""
    item = next(i for i in loaded.worklist(today=TODAY).items if i.route == "redetermination")
    _lose(loaded, item.id, TODAY)
    loaded.update_worklist_item(item.id, {"status": "new"}, today=TODAY)
    loaded.update_worklist_item(item.id, {"status": "submitted"}, today=TODAY)
    loaded.update_worklist_item(item.id, {"status": "won"}, today=TODAY)
    rows = {(r.dimension, r.key): r for r in loaded.worklist_stats().rows}
    assert (rows[("route", "redetermination")].lost, rows[("route", "redetermination")].decided) == (1, 1)
    assert (rows[("route", "reconsideration")].won, rows[("route", "reconsideration")].decided) == (1, 1)
    assert (rows[("pattern", item.pattern_id)].decided, rows[("pattern", item.pattern_id)].overturn_rate) == (2, 0.5)


def test_an_amount_below_the_alj_threshold_is_not_taken_to_a_hearing(loaded: Assistant) -> None:
    """qa10b #25: the amount in controversy is tested when the item is escalated, not first when it is drafted."""
    item = next(i for i in loaded.worklist(today=TODAY).items if i.route == "redetermination")
    assert item.denied < 180  # below every year's ALJ amount in controversy in the knowledge base
    _lose(loaded, item.id, TODAY)
    loaded.update_worklist_item(item.id, {"status": "new"}, today=TODAY)
    _lose(loaded, item.id, TODAY)
    with pytest.raises(TransitionError, match=r"amount in controversy of at least \$\d+; item \d+'s amount in dispute"):
        loaded.update_worklist_item(item.id, {"status": "new"}, today=TODAY)
    after = loaded.worklist_item(item.id, today=TODAY)
    assert (after.status, after.route) == ("lost", "reconsideration")


def test_an_upheld_plan_reconsideration_goes_to_the_ire_by_the_plan(loaded: Assistant) -> None:
    """qa10b #24: Medicare Advantage's next level is the IRE, which the plan forwards to; never 'write it off'."""
    item = _on_route(loaded, "plan_reconsideration")
    _lose(loaded, item, TODAY)
    with pytest.raises(TransitionError, match="Independent Review Entity") as refused:
        loaded.update_worklist_item(item, {"status": "new"}, today=TODAY)
    assert "write" not in f"{refused.value} {refused.value.hint}"


def test_a_due_window_counts_the_items_it_leaves_out_for_want_of_a_deadline(loaded: Assistant) -> None:
    """qa10b #16: an item whose deadline is the payer's, not entered yet, is counted, not silently left out."""
    undated = [i for i in loaded.worklist(today=TODAY, per_page=200).items if i.due_date is None and i.route]
    assert undated and loaded.worklist(today=TODAY).undated_left_out == 0  # no window: every item is listed
    assert loaded.worklist(due=3650, today=TODAY).undated_left_out == len(undated)
    loaded.update_worklist_item(undated[0].id, {"payer_deadline": date(2025, 10, 1)}, today=TODAY)
    assert loaded.worklist(due=3650, today=TODAY).undated_left_out == len(undated) - 1


def test_payer_deadline_dates_a_commercial_item(loaded: Assistant) -> None:
    item = next(i for i in loaded.worklist(today=TODAY).items if i.route == "payer_appeal")
    assert item.due_date is None
    detail = loaded.update_worklist_item(item.id, {"payer_deadline": date(2025, 10, 1)}, today=TODAY)
    assert detail.due_date == date(2025, 10, 1) and detail.days_left == (date(2025, 10, 1) - TODAY).days


def _on_route(a: Assistant, route: str) -> int:
    return next(i.id for i in a.worklist(today=TODAY).items if i.route == route)


# (route of the item, statuses before, the change) -> words of the refusal; nothing is stored
@pytest.mark.parametrize(("route", "before", "change", "words"), [
    ("redetermination", ["submitted"], {"status": "won", "recovered": 999_999}, "is more than item"),
    ("redetermination", ["submitted"], {"status": "partially_won", "recovered": 10_000}, "denied amount ($"),
    ("redetermination", ["submitted"], {"status": "lost", "recovered": 10}, "recorded with the outcome won"),
    ("redetermination", ["submitted"], {"status": "won", "recovered": float("nan")}, "should be a finite number"),
    ("redetermination", [], {"status": "submitted", "recovered": 10}, "recorded with the outcome won"),
    ("redetermination", [], {"status": "submitted", "decided_on": TODAY}, "decision date is recorded with a decision"),
    ("redetermination", [], {"assignee": "dana", "decided_on": TODAY}, "decision date is recorded with a decision"),
    ("redetermination", [], {"payer_deadline": date(1999, 1, 1)}, "counted by rule (Request for Redetermination"),
    ("payer_appeal", [], {"payer_deadline": date(1999, 1, 1)}, "is before item"),
    # qa10b #4: a decision dated before the submission would make the days to decision negative
    ("redetermination", ["submitted"], {"status": "lost", "decided_on": TODAY - timedelta(days=1)},
     "is before item"),
    # qa10b #29: a partial win without its amount would count as an overturn that recovered $0
    ("redetermination", ["submitted"], {"status": "partially_won"}, "partially_won needs the amount recovered"),
    ("redetermination", ["submitted"], {"status": "partially_won", "recovered": 0}, "more than $0"),
    # hostile14 #10: a submission recorded late carries its own date, with the status submitted, not in the future,
    # not before the notice it answers
    ("redetermination", [], {"status": "drafted", "submitted_on": TODAY}, "recorded with the status submitted"),
    ("redetermination", [], {"status": "submitted", "submitted_on": TODAY + timedelta(days=1)}, "in the future"),
    ("redetermination", [], {"status": "submitted", "submitted_on": date(2000, 1, 1)}, "before item"),
])
def test_a_change_the_item_cannot_mean_is_refused(
    loaded: Assistant, route: str, before: list[str], change: dict[str, object], words: str
) -> None:
    item = _on_route(loaded, route)
    for status in before:
        loaded.update_worklist_item(item, {"status": status}, today=TODAY)
    was = loaded.worklist_item(item, today=TODAY)
    with pytest.raises(InputError, match=re.escape(words)):
        loaded.update_worklist_item(item, change, today=TODAY)
    now = loaded.worklist_item(item, today=TODAY)
    assert (now.status, now.recovered, now.payer_deadline, now.assignee, len(now.history)) == (
        was.status, was.recovered, was.payer_deadline, was.assignee, len(was.history))


def test_a_recovery_up_to_the_denied_amount_is_recorded(loaded: Assistant) -> None:
    item = _on_route(loaded, "redetermination")
    denied = loaded.worklist_item(item, today=TODAY).denied
    loaded.update_worklist_item(item, {"status": "submitted"}, today=TODAY)
    detail = loaded.update_worklist_item(item, {"status": "won", "recovered": denied, "decided_on": TODAY},
                                         today=TODAY)
    assert detail.recovered == denied and detail.decided_on == TODAY


def test_a_decision_before_the_submission_is_refused(loaded: Assistant) -> None:
    """QA10 #22: a decision dated before the submission was accepted, and the median days went negative."""
    item = _ids(loaded)[0]
    loaded.update_worklist_item(item, {"status": "submitted"}, today=TODAY)
    with pytest.raises(InputError, match="was recorded as submitted"):
        loaded.update_worklist_item(item, {"status": "won", "decided_on": TODAY - timedelta(days=1)}, today=TODAY)
    detail = loaded.update_worklist_item(item, {"status": "won", "decided_on": TODAY}, today=TODAY)
    assert detail.decided_on == TODAY


def test_a_submission_recorded_late_keeps_its_own_date(loaded: Assistant) -> None:
    """hostile14 #10: an appeal sent earlier than it was recorded; its decision may come before the day it was
    recorded, and the days to decision count from the day it was sent."""
    item = _on_route(loaded, "redetermination")
    sent = date(2025, 4, 20)  # after the remittance's notice (DTM*405 2025-04-16), before TODAY
    detail = loaded.update_worklist_item(item, {"status": "submitted", "submitted_on": sent}, today=TODAY)
    assert detail.submitted_on == sent
    won = loaded.update_worklist_item(item, {"status": "won", "decided_on": sent + timedelta(days=2)}, today=TODAY)
    assert won.decided_on == sent + timedelta(days=2)


def test_nothing_to_change_is_bad_input(loaded: Assistant) -> None:
    with pytest.raises(InputError):
        loaded.update_worklist_item(_ids(loaded)[0], {}, today=TODAY)


def test_outcomes_update_the_statistics_and_the_rates(loaded: Assistant) -> None:
    necessity = [i for i in loaded.worklist(today=TODAY).items if i.pattern_id == "medical_necessity"]
    first, second = necessity[0], necessity[1]
    for item, outcome, days in ((first, "won", 30), (second, "lost", 50)):
        loaded.update_worklist_item(item.id, {"status": "submitted"}, today=TODAY)
        decided = TODAY + timedelta(days=days)  # recorded the day it came: a decision date is never in the future
        loaded.update_worklist_item(item.id, {"status": outcome, "decided_on": decided}, today=decided)
    stats = loaded.worklist_stats()
    row = next(r for r in stats.rows if r.dimension == "pattern" and r.key == "medical_necessity")
    assert (row.decided, row.won, row.lost, row.overturn_rate) == (2, 1, 1, 0.5)
    assert row.recovered == first.denied and row.median_days_to_decision == 40
    assert stats.open_items == 9 and "prior" in stats.prior
    # the third CO-50 item (same payer as the lost one) moved from the prior toward its payer's 0 of 1
    third = next(i for i in loaded.worklist(today=TODAY).items if i.pattern_id == "medical_necessity")
    assert third.payer == second.payer
    # each decision is counted once: the pair's own, then the pattern's other payers', then the prior (qa10b #9)
    same = int(first.payer == third.payer)
    pattern = (1 - same + PRIOR_WEIGHT * PRIOR_RATE) / (1 - same + PRIOR_WEIGHT)
    pair = (same + PRIOR_WEIGHT * pattern) / (1 + same + PRIOR_WEIGHT)
    assert loaded.worklist_item(third.id, today=TODAY).overturn_rate == pytest.approx(pair, abs=1e-4)
    assert third.expected_recovery == pytest.approx(third.denied * pair, abs=0.01)


def test_partial_win_records_the_amount(loaded: Assistant) -> None:
    item = _ids(loaded)[0]
    loaded.update_worklist_item(item, {"status": "submitted"}, today=TODAY)
    detail = loaded.update_worklist_item(item, {"status": "partially_won", "recovered": 42.5}, today=TODAY)
    assert detail.recovered == 42.5 and detail.expected_recovery == 0


def test_no_recovery_once_the_filing_limit_has_passed(loaded: Assistant) -> None:
    """Two years after the notices every item's filing limit (appeal, reopening, new claim) has passed: late filing
    needs good cause, so nothing is expected back and such items sort last by recovery."""
    later = TODAY.replace(year=TODAY.year + 2)
    items = loaded.worklist(today=later, sort="recovery", per_page=200).items
    assert items and all(i.expected_recovery == 0 for i in items if i.overdue)
    assert [i.expected_recovery for i in items] == sorted((i.expected_recovery for i in items), reverse=True)


# recorded (pattern, payer, overturned, decided) counts, the item asked about -> its overturn rate
@pytest.mark.parametrize(("counts", "item", "rate"), [
    ([], ("mn", "A"), 0.5),
    # one win, asked for the same pattern and payer: (1 + 4 x 0.5) / 5, the win counted once (qa10b #9)
    ([("mn", "A", 1, 1)], ("mn", "A"), 0.6),
    # the same win seen from another payer of the pattern, then from another pattern
    ([("mn", "A", 1, 1)], ("mn", "B"), 0.6),
    ([("mn", "A", 1, 1)], ("kx", "A"), 0.6),
    # two wins of one pair: (2 + 4 x 0.5) / 6, not the 80 % of counting them at three levels
    ([("mn", "A", 2, 2)], ("mn", "A"), 4 / 6),
    # another pattern's loss moves the prior the pattern shrinks toward: (1 + 4 x (0 + 2) / 5) / 5
    ([("mn", "A", 1, 1), ("kx", "A", 0, 1)], ("mn", "A"), (1 + 4 * 0.4) / 5),
])
def test_each_decision_is_counted_once(
    counts: list[tuple[str, str, int, int]], item: tuple[str, str], rate: float
) -> None:
    assert Rates(counts).rate(*item) == pytest.approx(rate)
