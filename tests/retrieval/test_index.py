from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import pytest
import yaml

from assistant.errors import IndexError_
from assistant.knowledge.loader import load_knowledge
from assistant.retrieval import index as index_mod
from assistant.retrieval.retriever import Retriever
from assistant.settings import Settings
from assistant.yamlio import load_yaml


def versions(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("v-"))


def test_builds_on_first_use_and_reuses(settings, kb) -> None:
    first = Retriever(settings, kb)
    assert first.search("patient in the room", k=1)
    root = index_mod.index_root(settings, first.embedder)
    pointer = index_mod.read_pointer(root)
    assert pointer and versions(root) == [pointer["version"]]
    second = Retriever(settings, kb)
    assert second.build()["built"] is False  # up to date: reused, not rebuilt
    assert versions(root) == [pointer["version"]]


def test_same_knowledge_same_ids(tmp_path, kb) -> None:
    ids = []
    for name in ("a", "b"):
        r = Retriever(Settings(data_dir=tmp_path / name, embedder="hash"), kb)
        r.build()
        ids.append([rec["id"] for rec in r._ready().records])
        ids.append(sorted(r._ready().store.ids()))
    assert ids[0] == ids[2] and ids[1] == ids[3] and sorted(ids[0]) == ids[1]


@pytest.mark.slow
def test_rebuilds_when_knowledge_changes(settings, kb_copy) -> None:
    r = Retriever(settings, load_knowledge(kb_copy))
    old = r.build()
    path = kb_copy / "faq" / "general.yaml"
    data = load_yaml(path.read_text())
    data["faqs"].append(
        {
            "id": "zebra_question",
            "question": "Do zebras need caregiver training?",
            "answer": "Zebra striped answer.",
            "sources": ["cpt_2024"],
        }
    )
    path.write_text(yaml.safe_dump(data))
    fresh = Retriever(settings, load_knowledge(kb_copy))
    assert fresh.status()["up_to_date"] is False
    hits = fresh.search("zebras striped", k=1)
    assert hits[0].id == "faq:zebra_question#0"
    new = fresh.status()["manifest"]
    assert new["key"] != old["key"]
    root = index_mod.index_root(settings, fresh.embedder)
    assert len(versions(root)) == 2  # current and previous are kept; older ones are collected
    assert r.search("zebras striped", k=1)[0].id != "faq:zebra_question#0"  # an open reader keeps its version


@pytest.mark.slow
def test_force_rebuild_and_garbage_collection(settings, kb) -> None:
    r = Retriever(settings, kb)
    seen = [r.build()["version"]]
    events: list[tuple[str, int, int]] = []
    for _ in range(3):
        seen.append(r.build(force=True, progress=lambda *e: events.append(e))["version"])
    assert len(set(seen)) == 4
    root = index_mod.index_root(settings, r.embedder)
    assert versions(root) == sorted(seen[-2:])
    assert ("embed", events[0][2], events[0][2]) in events and events[-1][0] == "bm25"


def test_half_built_version_is_never_read(settings, kb) -> None:
    r = Retriever(settings, kb)
    good = r.build()["version"]
    root = index_mod.index_root(settings, r.embedder)
    (root / "v-deadbeef-00000000").mkdir()  # a crashed build: no manifest, no pointer to it
    assert Retriever(settings, kb).build()["version"] == good


def test_broken_index_raises(settings, kb) -> None:
    r = Retriever(settings, kb)
    version = r.build()["version"]
    folder = index_mod.index_root(settings, r.embedder) / version
    (folder / "passages.json").write_text("{not json")
    with pytest.raises(IndexError_):
        Retriever(settings, kb).search("patient in the room")


def test_unwritable_data_dir_raises(tmp_path, kb) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(IndexError_):
        Retriever(Settings(data_dir=blocker / "data", embedder="hash"), kb).search("patient")


def _build_in_child(data_dir: str, knowledge: str, out: str) -> None:
    r = Retriever(Settings(data_dir=Path(data_dir), embedder="hash"), load_knowledge(Path(knowledge)))
    info = r.build()
    hits = r.search("can the patient be in the room", k=1)
    Path(out).write_text(json.dumps({"version": info["version"], "built": info["built"], "top": hits[0].id}))


@pytest.mark.slow
def test_two_processes_building_at_once_make_one_index(tmp_path, kb) -> None:
    ctx = mp.get_context("spawn")
    outs = [tmp_path / f"out{i}.json" for i in range(2)]
    procs = [ctx.Process(target=_build_in_child, args=(str(tmp_path / "data"), str(kb.root), str(o))) for o in outs]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    results = [json.loads(o.read_text()) for o in outs]
    assert results[0]["version"] == results[1]["version"]
    assert sorted(r["built"] for r in results) == [False, True]
    assert {r["top"] for r in results} == {"faq:patient_in_room#0"}
    root = tmp_path / "data" / "index" / "hash"
    assert versions(root) == [results[0]["version"]]
    assert index_mod.is_valid(root / results[0]["version"], index_mod.read_pointer(root)["key"])
