"""The eval runner (no engine needed) and the notes suite with injected predictors."""

from __future__ import annotations

import json

import pytest

from evals import run
from evals.labels import load_notes
from evals.suites import notes

ITEMS = load_notes()


@pytest.mark.parametrize(
    ("specs", "parsed"),
    [
        ([], {}),
        (["notes.check_accuracy=0.95"], {("notes", "check_accuracy"): 0.95}),
        (["notes.acc.units=1", "retrieval.mrr=0.5"], {("notes", "acc.units"): 1.0, ("retrieval", "mrr"): 0.5}),
    ],
)
def test_parse_min(specs, parsed):
    assert run.parse_min(specs) == parsed


@pytest.mark.parametrize("bad", ["notes", "notes.check_accuracy", "check_accuracy=1", ".x=1", "notes.x=abc"])
def test_parse_min_rejects(bad):
    with pytest.raises(ValueError):
        run.parse_min([bad])


@pytest.mark.parametrize(
    ("old", "new", "mark"), [(None, 0.5, "new"), (0.5, 0.5, "="), (0.5, 0.75, "↑ +0.250"), (0.5, 0.25, "↓ -0.250")]
)
def test_arrow(old, new, mark):
    assert run.arrow(old, new) == mark


def test_diff_and_thresholds():
    rows = run.diff({"a": 1.0, "b": 0.5, "gone": 0.1}, {"a": 1.0, "b": 0.6, "c": 0.2})
    assert [(m, mark[0]) for m, _, _, mark in rows] == [("b", "↑"), ("c", "n"), ("gone", "g")]
    results = {"notes": {"check_accuracy": 0.9}}
    assert run.check_thresholds(results, {("notes", "check_accuracy"): 0.9}) == []
    assert len(run.check_thresholds(results, {("notes", "check_accuracy"): 0.95})) == 1
    assert len(run.check_thresholds(results, {("appeals", "x"): 0.1})) == 1


def test_split_result():
    metrics, details = run.split_result({"a": 1, "b": 0.5, "flag": True, "name": "x", "details": ["d"]})
    assert metrics == {"a": 1.0, "b": 0.5}
    assert details == ["d"]


def test_discover_finds_notes():
    assert "notes" in run.discover()


def test_missing_suite_is_skipped(capsys, tmp_path):
    assert run.main(["--suite", "no_such_suite", "--baseline", str(tmp_path / "b.json")]) == 0
    assert "skipped" in capsys.readouterr().out
    # a threshold on a suite that produced nothing fails
    assert (
        run.main(["--suite", "no_such_suite", "--min", "no_such_suite.x=0.1", "--baseline", str(tmp_path / "b.json")])
        == 1
    )


def test_write_baseline_merges(tmp_path):
    path = tmp_path / "baseline.json"
    run.write_baseline({"notes": {"b": 1.0, "a": 0.5}}, path)
    run.write_baseline({"retrieval": {"mrr": 0.7}}, path)
    data = json.loads(path.read_text())
    assert data == {"notes": {"a": 0.5, "b": 1.0}, "retrieval": {"mrr": 0.7}}
    assert run.read_baseline(tmp_path / "none.json") == {}


def _oracle(item):
    return dict(item.expected_checks), list(item.expected_lines), None


def _all_met(item):
    return dict.fromkeys(item.expected_checks, "met"), [], None


def _broken(item):
    return {}, [], "RuntimeError: boom"


def test_notes_suite_perfect_predictor():
    result = notes.evaluate(ITEMS, predict=_oracle)
    assert result["check_accuracy"] == 1.0
    assert result["note_exact"] == 1.0
    assert result["billing_exact"] == 1.0
    assert result["flagged_precision"] == result["flagged_recall"] == 1.0
    assert not [d for d in result["details"] if ": expected" in d]


def test_notes_suite_all_met_predictor_reports_mismatches():
    result = notes.evaluate(ITEMS[:5], predict=_all_met)
    assert result["check_accuracy"] < 1.0
    assert result["flagged_recall"] < 1.0 or result["flagged_precision"] == 1.0
    assert any(d.startswith(ITEMS[0].id) for d in result["details"])


def test_notes_suite_survives_errors():
    result = notes.evaluate(ITEMS[:3], predict=_broken)
    assert result["errors"] == 3.0
    assert result["check_accuracy"] == 0.0
    assert any(d.startswith("ERROR") for d in result["details"])


def test_json_output_is_valid(capsys, tmp_path):
    assert run.main(["--suite", "no_such_suite", "--json", "--baseline", str(tmp_path / "b.json")]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["skipped"] == {"no_such_suite": "module not present yet"}
    assert payload["results"] == {}


def test_file_scores_one_scenario_file(capsys, tmp_path):
    import yaml

    from evals.suites import appeals

    item = appeals.load_scenarios()[0]
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump({"scenarios": [item]}), encoding="utf-8")
    assert run.main(["--suite", "appeals", "--file", str(path), "--json", "--baseline", str(tmp_path / "b.json")]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["results"]["appeals"]["n_scenarios"] == 1.0


@pytest.mark.parametrize(
    "args", [["--suite", "all"], ["--suite", "appeals", "--update-baseline"], ["--suite", "appeals"]]
)
def test_file_needs_one_suite_and_an_existing_file(tmp_path, args):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(SystemExit):
        run.main([*args, "--file", str(missing if args == ["--suite", "appeals"] else __file__)])
