"""The appeals eval suite, offline: the issue's done criteria as a test."""

from __future__ import annotations

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
                                                        if p.id not in ("provider_not_eligible", "timely_filing")}


def test_offline_scores_meet_the_bar() -> None:
    result = appeals.run()
    assert result["errors"] == 0, result["details"]
    assert result["recommendation_accuracy"] >= 0.9, result["details"]
    assert result["citation_validity"] == 1.0 and result["quote_validity"] == 1.0
    assert result["forbidden_content"] == 0, result["details"]
    assert result["letters_grounded"] == 1.0
