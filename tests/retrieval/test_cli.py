from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner


def _load_search_cli():  # type: ignore[no-untyped-def]
    """The module, even while sibling CLI modules of other capabilities are still missing."""
    try:
        from assistant.cli import search as module
    except ImportError:
        import importlib.util
        from pathlib import Path

        import assistant

        path = Path(assistant.__file__).parent / "cli" / "search.py"
        spec = importlib.util.spec_from_file_location("_search_cli_standalone", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module


search_cli = _load_search_cli()


@pytest.fixture()
def app(monkeypatch, tmp_path, kb) -> typer.Typer:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setattr("assistant.knowledge.loader.cached_knowledge", lambda root=None: kb)
    app = typer.Typer()
    search_cli.register(app)
    return app


@pytest.mark.slow
def test_search_json(app) -> None:
    result = CliRunner().invoke(
        app, ["search", "can I bill 97550 if the patient sat in?", "--k", "3", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert 1 <= len(data["results"]) <= 3
    first = data["results"][0]
    assert set(first) == {"id", "text", "score", "source", "effective_from", "effective_to"}
    assert set(first["source"]) == {"id", "title", "publisher", "url", "authority", "effective_from", "effective_to"}


@pytest.mark.slow
def test_search_text_and_filters(app) -> None:
    result = CliRunner().invoke(app, ["search", "telehealth", "--dos", "2024-05-01", "--code", "97550", "-k", "2"])
    assert result.exit_code == 0, result.output
    assert "score" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["search", ""],
        ["search", "x", "--dos", "yesterday"],
        ["search", "x", "--format", "xml"],
        ["search", "x", "--k", "0"],
        ["search", "x", "--authority", "blog"],
    ],
)
def test_bad_input_exits_2(app, args) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "error:" in result.stderr


@pytest.mark.slow
def test_index_command(app) -> None:
    result = CliRunner().invoke(app, ["index"])
    assert result.exit_code == 0, result.output
    assert "index built" in result.stderr
    again = CliRunner().invoke(app, ["index", "--if-stale", "-q"])
    assert again.exit_code == 0 and "up to date" in again.stderr


@pytest.mark.slow
def test_import_assistant_stays_light() -> None:
    code = (
        "import sys, assistant, assistant.retrieval.retriever, assistant.retrieval.embedders;"
        "heavy = [m for m in ('chromadb', 'torch', 'sentence_transformers', 'bm25s', 'model2vec') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
