"""HttpClient mode against a real local Chroma server (`chroma run`, loopback only)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.retrieval.retriever import Retriever
from assistant.settings import Settings
from assistant.yamlio import load_yaml

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def chroma_url(tmp_path: Path):  # type: ignore[no-untyped-def]
    if not CHROMA.exists() and not shutil.which("chroma"):
        pytest.skip("chroma CLI not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [str(CHROMA if CHROMA.exists() else "chroma"), "run", "--path", str(tmp_path / "server"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.skip("chroma server did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.slow
def test_http_client_mode(chroma_url: str, tmp_path: Path, kb_copy: Path) -> None:
    import chromadb
    import yaml

    from assistant.knowledge.loader import load_knowledge

    settings = Settings(data_dir=tmp_path / "data", embedder="hash", chroma_url=chroma_url)
    first = Retriever(settings, load_knowledge(kb_copy))
    info = first.build()
    assert info["chroma_url"] == chroma_url
    hits = first.search("can the patient be in the room", k=3, dos="2025-01-01", codes=["97550"])
    assert hits[0].id == "faq:patient_in_room#0"
    assert Retriever(settings, load_knowledge(kb_copy)).search("CO-50", k=1)[0].id == "reason:50#0"
    for n in range(2):  # two knowledge changes: the oldest collection is pruned from the server
        path = kb_copy / "faq" / "general.yaml"
        data = load_yaml(path.read_text())
        data["faqs"][0]["answer"] += f" Edit {n}."
        path.write_text(yaml.safe_dump(data))
        Retriever(settings, load_knowledge(kb_copy)).build()
    port = int(chroma_url.rsplit(":", 1)[1])
    client = chromadb.HttpClient(host="127.0.0.1", port=port)
    names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
    assert len(names) == 2 and info["collection"] not in names
