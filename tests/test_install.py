"""The product install (scripts/setup.sh) uses requirements/product.txt with --no-deps.

Two things must hold for that to be safe: the lock pins every dependency pyproject.toml declares, at a
version the declaration allows; and nothing the product runs needs the chromadb dependencies the lock
leaves out (proved by building and searching a real Chroma index with those packages unimportable).
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "product.txt"
LEFT_OUT = ("kubernetes", "onnxruntime")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_canonical(name)] = version
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(raw) for raw in project["dependencies"]]


@pytest.mark.parametrize("req", _declared(), ids=str)
def test_lock_pins_every_declared_dependency(req: Requirement) -> None:
    if req.marker is not None and not req.marker.evaluate():
        pytest.skip(f"{req.name} is not for this platform")
    pins = _pins()
    assert _canonical(req.name) in pins, f"{req.name} missing from {LOCK.name}: run scripts/lock.py"
    assert req.specifier.contains(pins[_canonical(req.name)], prereleases=True), (
        f"{req.name}=={pins[_canonical(req.name)]} does not satisfy {req.specifier}"
    )


def test_lock_leaves_out_only_what_the_product_never_imports() -> None:
    assert not set(LEFT_OUT) & set(_pins())


_BLOCKED_RUN = textwrap.dedent(
    """
    import sys
    class Block:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {blocked!r}:
                raise ImportError(f"{{name}} is left out of the product install")
            return None
    sys.meta_path.insert(0, Block())
    from assistant.service import Assistant
    from assistant.settings import Settings
    assistant = Assistant(Settings(data_dir={data_dir!r}, embedder="model2vec"))
    hits = assistant.search("is G0541 billable in 2024?", k=3)
    assert hits, "no passages"
    assert not [m for m in sys.modules if m.split(".")[0] in {blocked!r}]
    print("ok", len(hits))
    """
)


@pytest.mark.slow
def test_chroma_search_runs_without_the_left_out_packages(tmp_path: Path) -> None:
    code = _BLOCKED_RUN.format(blocked=set(LEFT_OUT), data_dir=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok")
