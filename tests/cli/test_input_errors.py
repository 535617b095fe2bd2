"""Bad command-line input is one clear line and exit 2: never a traceback, never the input echoed (QA8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.api.conftest import NOTE

runner = CliRunner()
NOT_UTF8 = b"\xbfPuedo facturar 97550?".decode("utf-8", "surrogateescape")  # argv as Python receives the bytes


@pytest.fixture(autouse=True)
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    for name in ("ASSISTANT_LLM_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "note.txt").write_text(NOTE)
    (tmp_path / "wrongtypes.json").write_text(json.dumps(
        {"date_of_service": "2025-03-04", "lines": [{"code": 97550, "units": 1, "modifiers": 7}]}))
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "digits.json").write_text('{"units": ' + "9" * 5000 + "}")  # over Python's 4,300-digit limit
    return tmp_path


CASES: dict[str, tuple[list[str], str]] = {
    "ask, not UTF-8": (["ask", NOT_UTF8], "character 1 is U+DCBF"),
    "search, not UTF-8": (["search", "97550 " + NOT_UTF8], "the byte 0xBF, which is not UTF-8"),
    "appeal, denial text not UTF-8": (["appeal", "--denial", "CO-50", "--note", "{tmp}/note.txt",
                                       "--denial-text", NOT_UTF8], "The denial text is not valid text"),
    "appeal, claim of wrong types": (["appeal", "--denial", "CO-50", "--note", "{tmp}/note.txt",
                                      "--claim", "{tmp}/wrongtypes.json"], "lines.0.modifiers (modifiers must be"),
    "appeal, claim nested 100k deep": (["appeal", "--denial", "CO-50", "--note", "{tmp}/note.txt",
                                        "--claim", "{tmp}/deep.json"], "nests arrays or objects too deeply"),
    "appeal, claim with a 5,000-digit number": (["appeal", "--denial", "CO-50", "--note", "{tmp}/note.txt",
                                                 "--claim", "{tmp}/digits.json"], "a number with too many digits"),
    "worklist show, id beyond any database integer": (["worklist", "show", "9" * 23], "no worklist item"),
    "worklist set, id beyond any database integer": (["worklist", "set", "9" * 23, "--status", "won"],
                                                     "no worklist item"),
    "ask, embedder unknown": (["ask", "97550?", "--embedder", "bogus"], "--embedder: must be one of: minilm"),
    "search, embedder unknown": (["search", "97550", "--embedder", "bogus"], "--embedder: must be one of"),
    "index, embedder unknown": (["index", "--embedder", "bogus"], "--embedder: must be one of"),
    "search, openai embedder without endpoint": (["search", "97550", "--embedder", "openai"],
                                                 "set ASSISTANT_LLM_BASE_URL"),
    "search, unknown code filter": (["search", "97550", "--code", "99999"], "unknown code filter (value withheld)"),
    "check, 999 units": (["check", "{tmp}/note.txt", "--billed", "97550x999"], "one line carries at most 99"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_one_line_exit_2(env: Path, case: str) -> None:
    args, words = CASES[case]
    result = runner.invoke(app, [a.replace("{tmp}", str(env)) for a in args])
    assert result.exit_code == 2, result.output
    assert words in result.stderr and "Traceback" not in result.stderr and "Puedo" not in result.stderr
    assert "Leave out a line with no units" not in result.stderr


def test_a_question_in_utf8_is_answered(env: Path) -> None:
    result = runner.invoke(app, ["ask", "¿Puedo facturar 97550?", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["question"] == "¿Puedo facturar 97550?"


@pytest.mark.parametrize("args", [
    ["check", "{tmp}/note.txt", "--billed", "VANTERPOOLx1"],
    ["check", "{tmp}/note.txt", "--dos", "Vanterpool-1940"],
    ["check", "{tmp}/note.txt", "--profile", "Vanterpool"],
    ["worklist", "set", "1", "--status", "won", "--decided-on", "Vanterpool"],
    ["ask", "is 97550 billable?", "--dos", "Vanterpool-1940"],  # hostile17 #22: ask quoted it
])
def test_an_error_never_echoes_the_value_given(env: Path, args: list[str]) -> None:
    # hostile14 #17: the CLI quoted a value typed in the wrong option (a patient's name); the API withholds it
    result = runner.invoke(app, [a.replace("{tmp}", str(env)) for a in args])
    assert result.exit_code == 2 and "error:" in result.stderr
    assert "Vanterpool" not in result.stderr.replace("VANTERPOOL", "Vanterpool")


@pytest.mark.parametrize("args", [
    ["check", "{tmp}/note.txt", "--format", "json", "--profile", "bogus"],
    ["check", "{tmp}/note.txt", "--format", "json", "--dos", "2025-02-30"],
    ["ask", "is 97550 billable?", "--format", "json", "--dos", "2025-02-29"],
    ["search", "97550", "--format", "json", "--code", "99999"],
    ["worklist", "show", "12345", "--format", "json"],
])
def test_with_json_output_an_error_is_a_json_object_too(env: Path, args: list[str]) -> None:
    """hostile17 #22: a script that asked for JSON got plain text on stderr only."""
    result = runner.invoke(app, [a.replace("{tmp}", str(env)) for a in args])
    assert result.exit_code != 0 and "error:" in result.stderr
    error = json.loads(result.stdout)["error"]
    assert error["code"] and error["detail"] and "bogus" not in error["detail"]


def test_without_json_output_an_error_prints_nothing_on_stdout(env: Path) -> None:
    runner.invoke(app, ["check", str(env / "note.txt"), "--format", "json", "--profile", "bogus"])
    result = runner.invoke(app, ["check", str(env / "note.txt"), "--profile", "bogus"])
    assert result.exit_code == 2 and result.stdout == ""


@pytest.mark.parametrize(("dos", "words"), [
    ("20250304", None),  # one date grammar: YYYYMMDD as claims and worklist dates take it
    ("2025-02-29", "is not a calendar date"),
    ("2025-13-01", "is not a calendar date"),
])
def test_check_dos_forms(env: Path, dos: str, words: str | None) -> None:
    result = runner.invoke(app, ["check", str(env / "note.txt"), "--dos", dos, "--format", "json"])
    if words is None:
        assert result.exit_code == 0 and json.loads(result.stdout)["meta"]["dos"] == "2025-03-04"
    else:
        assert result.exit_code == 2 and words in result.stderr and dos not in result.stderr
