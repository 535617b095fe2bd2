"""Two billers (or a biller and an import) changing the same item at once (hostile16 #1, #11): one change wins,
the other is told so (ConcurrentChangeError, HTTP 409) and saves nothing; statistics count one decision."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from assistant import Assistant, Settings
from assistant.errors import ConcurrentChangeError, TransitionError
from assistant.worklist import queue
from tests.worklist.conftest import TODAY, era


def _submitted(a: Assistant) -> int:
    a.import_era(era("medicare_partb.835"), today=TODAY)
    item = a.worklist(today=TODAY).items[0].id
    a.update_worklist_item(item, {"status": "submitted"}, today=TODAY)
    return item


def _decisions(a: Assistant) -> int:
    return sum(r.decided for r in a.worklist_stats().rows if r.dimension == "route")


def _second_biller(a: Assistant) -> Assistant:
    return Assistant(Settings(embedder="hash", data_dir=a.settings.data_dir,
                              database_url=a.settings.worklist_url, user="biller-b"))


def test_a_change_read_before_another_was_saved_is_refused(assistant: Assistant,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Biller A reads the item (submitted); biller B records `lost` and commits; A's `won` then must not be saved."""
    item = _submitted(assistant)
    other = _second_biller(assistant)
    read = queue.Worklist._item
    raced: list[bool] = []

    def read_then_race(self: Any, s: Any, pid: int, item_id: int) -> Any:
        found = read(self, s, pid, item_id)
        if not raced:
            raced.append(True)
            other.update_worklist_item(item_id, {"status": "lost"}, today=TODAY)
        return found

    monkeypatch.setattr(queue.Worklist, "_item", read_then_race)
    with pytest.raises(ConcurrentChangeError) as caught:
        assistant.update_worklist_item(item, {"status": "won", "recovered": 1}, today=TODAY)
    assert caught.value.http_status == 409
    monkeypatch.undo()
    detail = assistant.worklist_item(item, today=TODAY)
    assert detail.status == "lost" and [e.to_status for e in detail.history].count("lost") == 1
    assert "won" not in [e.to_status for e in detail.history]
    assert _decisions(assistant) == 1
    other.store.dispose()


def test_eight_billers_at_once_record_one_decision(assistant: Assistant) -> None:
    item = _submitted(assistant)
    billers = [_second_biller(assistant) for _ in range(8)]
    barrier, results = threading.Barrier(len(billers)), []

    def record(a: Assistant, i: int) -> None:
        change = {"status": "won"} if i % 2 else {"status": "lost"}
        barrier.wait()
        try:
            a.update_worklist_item(item, change, today=TODAY)
            results.append("ok")
        except TransitionError as exc:  # the state machine (already decided) or the version check
            results.append(exc.code)

    threads = [threading.Thread(target=record, args=(a, i)) for i, a in enumerate(billers)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert results.count("ok") == 1 and len(results) == 8
    assert _decisions(assistant) == 1
    for a in billers:
        a.store.dispose()
