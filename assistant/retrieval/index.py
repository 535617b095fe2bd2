"""Build and open the index: versioned folders, a pointer file, an inter-process lock.

    <data_dir>/index/<embedder>/
        .lock            fcntl lock held while building
        CURRENT          {"key", "version"}: the only way a reader finds an index
        v-<key>-<nonce>/ manifest.json (written last), passages.json, bm25/, chroma/

A build writes a new version folder and then replaces CURRENT atomically (`os.replace`), so a
reader sees the old complete index or the new complete one, never a half-built one. Builds
take the lock and re-check CURRENT, so two processes starting at once build once. The key is a
hash of the knowledge files, the chunker version and the embedder, so the index rebuilds itself
when the knowledge changes.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import IndexError_
from assistant.knowledge.loader import Knowledge
from assistant.retrieval.chunking import CHUNKER_VERSION, Chunk, chunk_knowledge
from assistant.retrieval.embedders import Embedder

Progress = Callable[[str, int, int], None]  # (stage, done, total)
MANIFEST = "manifest.json"
POINTER = "CURRENT"
BATCH = 32
FAR_FUTURE = 99991231


def date_n(value: Any) -> int | None:
    return int(value.strftime("%Y%m%d")) if value else None


def index_root(settings: Any, embedder: Embedder) -> Path:
    return Path(settings.data_dir) / "index" / embedder.name


def index_key(kb: Knowledge, embedder: Embedder, chroma_url: str | None) -> str:
    parts = [kb.version, CHUNKER_VERSION, embedder.fingerprint(), chroma_url or "embedded"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def collection_name(embedder: Embedder, key: str) -> str:
    return f"cts_{embedder.name}_{key}"


@contextlib.contextmanager
def build_lock(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_pointer(root: Path) -> dict[str, str] | None:
    try:
        data = json.loads((root / POINTER).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and {"key", "version"} <= set(data) else None


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def chunk_metadata(chunk: Chunk, authority: str) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "entry": chunk.entry,
        "kind": chunk.kind,
        "source_id": chunk.source_id,
        "authority": authority,
        "from_n": date_n(chunk.effective_from) or 0,
        "to_n": date_n(chunk.effective_to) or FAR_FUTURE,
        "codes": ",".join(chunk.codes),
        "topics": ",".join(chunk.topics),
        "hash": chunk.hash,
    }
    meta.update({f"code_{c}": True for c in chunk.codes})
    return meta


def _passage_record(kb: Knowledge, chunk: Chunk) -> dict[str, Any]:
    src = kb.sources[chunk.source_id]
    return {
        "id": chunk.id,
        "entry": chunk.entry,
        "kind": chunk.kind,
        "text": chunk.text,
        "hash": chunk.hash,
        "codes": list(chunk.codes),
        "topics": list(chunk.topics),
        "effective_from": chunk.effective_from.isoformat() if chunk.effective_from else None,
        "effective_to": chunk.effective_to.isoformat() if chunk.effective_to else None,
        "source": {
            "id": src.id,
            "title": src.title,
            "publisher": src.publisher,
            "url": src.url,
            "authority": src.authority,
            "effective_from": src.effective_from.isoformat() if src.effective_from else None,
            "effective_to": src.effective_to.isoformat() if src.effective_to else None,
        },
    }


def build_version(settings: Any, kb: Knowledge, embedder: Embedder, key: str, progress: Progress | None = None) -> str:
    """Write a complete new version folder; return its name. Caller holds the lock."""
    from assistant.retrieval.bm25 import LexicalIndex
    from assistant.retrieval.store import ChromaStore

    root = index_root(settings, embedder)
    version = f"v-{key}-{uuid.uuid4().hex[:8]}"
    folder = root / version
    folder.mkdir(parents=True)
    started = time.perf_counter()
    chunks = chunk_knowledge(kb)
    records = [_passage_record(kb, c) for c in chunks]
    report = progress or (lambda stage, done, total: None)

    final_name = collection_name(embedder, key)
    if settings.chroma_url:
        store = ChromaStore.remote(settings.chroma_url, embedder)
        building = f"{final_name}_tmp_{version[-8:]}"
    else:
        store = ChromaStore.embedded(folder / "chroma", embedder)
        building = final_name
    store.create(building)
    total = len(chunks)
    report("embed", 0, total)
    for start in range(0, total, BATCH):
        batch = chunks[start : start + BATCH]
        vectors = embedder.embed_documents([c.text for c in batch])
        store.add(
            [c.id for c in batch],
            [c.text for c in batch],
            vectors,
            [chunk_metadata(c, kb.sources[c.source_id].authority) for c in batch],
        )
        report("embed", min(start + BATCH, total), total)
    if settings.chroma_url:
        store.rename(final_name)
    report("bm25", 0, 1)
    LexicalIndex.build([c.text for c in chunks]).save(folder / "bm25")
    report("bm25", 1, 1)
    (folder / "passages.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    manifest = {
        "key": key,
        "version": version,
        "embedder": embedder.name,
        "fingerprint": embedder.fingerprint(),
        "dim": int(embedder.dim),
        "knowledge_version": kb.version,
        "chunker_version": CHUNKER_VERSION,
        "collection": final_name,
        "chroma_url": settings.chroma_url,
        "passages": total,
        "build_seconds": round(time.perf_counter() - started, 3),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    _write_atomic(folder / MANIFEST, json.dumps(manifest, indent=2))
    return version


def read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_valid(folder: Path, key: str) -> bool:
    manifest = read_manifest(folder)
    return bool(
        manifest and manifest.get("key") == key and (folder / "passages.json").is_file() and (folder / "bm25").is_dir()
    )


def _collect_garbage(root: Path, keep: set[str]) -> None:
    """Remove version folders other than `keep` (current and previous). Caller holds the lock."""
    for child in root.iterdir():
        if child.is_dir() and child.name.startswith("v-") and child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


def _prune_server(settings: Any, embedder: Embedder, keep_keys: set[str]) -> None:
    from assistant.retrieval.store import ChromaStore

    store = ChromaStore.remote(settings.chroma_url, embedder)
    store.prune(f"cts_{embedder.name}_", {collection_name(embedder, k) for k in keep_keys})


@dataclass(frozen=True)
class Located:
    folder: Path
    key: str
    built: bool  # True when this call built it


def ensure(
    settings: Any, kb: Knowledge, embedder: Embedder, *, force: bool = False, progress: Progress | None = None
) -> Located:
    """The folder of an up-to-date index, building it (under the lock) when missing or stale."""
    root = index_root(settings, embedder)
    key = index_key(kb, embedder, settings.chroma_url)
    pointer = read_pointer(root)
    if not force and pointer and pointer["key"] == key and is_valid(root / pointer["version"], key):
        return Located(root / pointer["version"], key, built=False)
    try:
        with build_lock(root):
            pointer = read_pointer(root)  # someone may have built it while we waited
            if not force and pointer and pointer["key"] == key and is_valid(root / pointer["version"], key):
                return Located(root / pointer["version"], key, built=False)
            version = build_version(settings, kb, embedder, key, progress)
            _write_atomic(root / POINTER, json.dumps({"key": key, "version": version}))
            _collect_garbage(root, {version, pointer["version"]} if pointer else {version})
            if settings.chroma_url:
                _prune_server(settings, embedder, {key, pointer["key"]} if pointer else {key})
            return Located(root / version, key, built=True)
    except IndexError_:
        raise
    except OSError as exc:
        raise IndexError_(f"cannot build the index in {root}: {exc}", hint="check ASSISTANT_DATA_DIR") from exc
