"""The appeals eval suite, offline: the issue's done criteria as a test."""

from __future__ import annotations

import pytest
import yaml

from evals.suites import appeals


def test_dataset_shape() -> None:
    items = appeals.load_scenarios()
    assert len(items) >= 25
    assert sum(1 for i in items if i["expected"]["recommendation"] != "appeal") >= 4
    assert sum(1 for i in items if i["id"].startswith("inj-")) >= 3
    from assistant.knowledge.loader import cached_knowledge

    # Every pattern that answers with an appeal or a correction has a scenario.
    kb = cached_knowledge()
    assert {i["expected"]["pattern"] for i in items} >= {p.id for p in kb.denial_patterns.values()
                                                        if p.id != "provider_not_eligible" and p.remedy != "no_appeal"}


@pytest.mark.slow
def test_offline_scores_meet_the_bar() -> None:
    result = appeals.run()
    assert result["errors"] == 0, result["details"]
    for metric in ("recommendation_accuracy", "route_accuracy", "corrected_lines_exact", "pattern_accuracy",
                   "citation_validity", "quote_validity", "letter_primary_citations", "letter_identifiers",
                   "required_coverage", "letters_grounded", "model_grounded_rate"):
        assert result[metric] == 1.0, (metric, result["details"])
    assert result["forbidden_content"] == 0, result["details"]
    # The independent real-world development set: the decision and the route are code, and must be right.
    for metric in ("recommendation_accuracy", "route_accuracy", "letter_primary_citations", "letter_identifiers"):
        assert result[f"rw.{metric}"] == 1.0, (metric, result["details"])
    assert result["rw.forbidden_content"] == 0 and result["rw.errors"] == 0, result["details"]


def test_any_scenario_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The suite scores any file of the same shape, a claim-less scenario included."""
    item = dict(appeals.load_scenarios(appeals.RW_DATASET)[9])  # no claim: placeholders in the letter
    assert "claim" not in item
    path = tmp_path / "one.yaml"
    path.write_text(yaml.safe_dump({"scenarios": [item]}), encoding="utf-8")
    result = appeals.run(path=path)
    assert result["n_scenarios"] == 1 and result["letter_identifiers"] == 1.0 and "rw.n_scenarios" not in result
