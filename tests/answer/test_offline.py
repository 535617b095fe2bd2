"""`assistant ask` with the network blocked: nothing downloads at run time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.retrieval.test_offline import no_network  # noqa: F401 - fixture


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["is G0541 billable in 2024?", "--format", "json"], 0, "2025-01-01"),
        (["is G0541 billable?", "--dos", "2024-06-01", "--format", "json"], 0, "not yet in effect on 2024-06-01"),
        (["how much does medicare pay for 97551 in 2026?"], 0, "$26.05"),
        # the edge parser's forms
        (["is G0541 billable?", "--dos", "06/01/2024"], 0, "not yet in effect on 2024-06-01"),
        (["is G0541 billable?", "--dos", "2024-13-40"], 2, "is not a calendar date"),
        (["   "], 2, "empty"),
        (["is G0541 billable?", "--format", "xml"], 2, "unknown format"),
    ],
)
def test_ask_offline(no_network: list[object], assistant: object, data_dir: Path,  # noqa: F811
                     monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, says: str) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data_dir))
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "model2vec")
    result = CliRunner().invoke(app, ["ask", *args])
    assert result.exit_code == code, result.output
    assert says in result.output
    if "json" in args:
        body = json.loads(result.output)
        assert body["sentences"][0]["passage_id"] == body["passages"][0]["id"]
    assert no_network == []
