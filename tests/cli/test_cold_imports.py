"""What a cold offline `assistant appeal` imports: only what it uses (its start-up target is < 2 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Loaded only by other commands or a configured remote model: the de-identification engine, the
# vector stores, the database layer, the model frameworks.
NOT_NEEDED = (
    "assistant.phi.engine",
    "presidio_analyzer",
    "chromadb",
    "langchain",
    "sqlalchemy",
    "torch",
    "sentence_transformers",
    "httpx2",
)

_RUN = """
import sys
from assistant.cli import main
sys.argv = ["assistant", "appeal", "--denial", "CO-50 N115", "--note", "examples/note_ready.txt"]
try:
    main()
except SystemExit:
    pass
print("LOADED", [m for m in {names!r} if m in sys.modules])
"""


@pytest.mark.slow
def test_offline_appeal_imports_only_what_it_uses(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _RUN.format(names=NOT_NEEDED)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "ASSISTANT_DATA_DIR": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[-1] == "LOADED []"
