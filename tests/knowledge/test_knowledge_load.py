"""The shipped knowledge loads, is complete and is internally consistent."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from assistant.knowledge.loader import Knowledge, cached_knowledge
from assistant.knowledge.schema import AUTHORITY_RANK
from assistant.models import PROFILES
from assistant.yamlio import load_yaml

CHECK_IDS = cached_knowledge().check_ids

# Statuses each check can take (docs/CONVENTIONS.md); every rule also carries `unclear`.
STATUSES: dict[str, set[str]] = {
    "date_of_service": {"met", "missing", "problem"},
    "patient_absent": {"met", "missing", "problem", "unclear"},
    "consent": {"met", "missing", "problem"},
    "caregiver": {"met", "missing", "problem"},
    "need_and_goal": {"met", "missing"},
    "skills_taught": {"met", "missing", "problem"},
    "return_demo": {"met", "missing", "unclear"},
    "skilled_need": {"met", "missing"},
    "total_time": {"met", "missing", "problem"},
    "start_stop": {"met", "missing", "problem"},
    "minimum_time": {"met", "missing", "problem", "not_applicable"},
    "units": {"met", "problem", "not_applicable"},
    "addon_pairing": {"met", "problem", "not_applicable"},
    "group_session": {"met", "problem", "not_applicable"},
    "provider": {"met", "missing", "problem"},
    "telehealth": {"met", "problem", "not_applicable"},
    "therapy_modifier": {"met", "problem", "not_applicable"},
    "assistant_modifier": {"met", "problem", "not_applicable"},
    "distinct_time": {"met", "problem", "not_applicable", "unclear"},
    "diagnosis_codes": {"met", "problem", "not_applicable"},
}

# Severity per profile that the product relies on (cts-facts §9).
EXPECTED_SEVERITY: dict[str, tuple[str, str]] = {
    "patient_absent": ("block", "block"),
    "consent": ("block", "block"),
    "need_and_goal": ("block", "block"),
    "total_time": ("block", "block"),
    "minimum_time": ("block", "block"),
    "units": ("block", "block"),
    "addon_pairing": ("block", "block"),
    "group_session": ("block", "block"),
    "provider": ("block", "block"),
    "telehealth": ("block", "block"),
    "therapy_modifier": ("block", "block"),
    "assistant_modifier": ("block", "block"),
    "diagnosis_codes": ("block", "block"),
    "date_of_service": ("block", "block"),
    "return_demo": ("warn", "warn"),
}

# Rules that must record where a lower-authority source disagrees, and who is contradicted.
EXPECTED_CONFLICTS: dict[str, str] = {
    "patient_absent": "medpayiq-97550",
    "minimum_time": "medpayiq-97550",
    "group_session": "medpayiq-97552",
    "caregiver": "proactivechart-caregivers",
    "diagnosis_codes": "medpayiq-97550",
    "provider": "medpayiq-97550",
    "distinct_time": "medpayiq-97550",
}

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def test_knowledge_loads_with_expected_counts(kb: Knowledge) -> None:
    assert len(kb.sources) >= 70
    assert {r.id for r in kb.appeals.routes} >= {"redetermination", "reconsideration", "plan_reconsideration"}
    assert set(kb.rules) == set(CHECK_IDS)
    assert len(kb.denial_patterns) >= 10
    assert len(kb.faqs) >= 35
    assert len(kb.reason_codes) >= 25
    assert kb.version and len(kb.version) == 16


def test_every_authority_level_is_represented(kb: Knowledge) -> None:
    assert {s.authority for s in kb.sources.values()} == set(AUTHORITY_RANK)


def test_vendor_sources_are_low_confidence(kb: Knowledge) -> None:
    vendor = [s for s in kb.sources.values() if s.authority == "vendor"]
    assert {"medpayiq-97550", "medpayiq-97551", "medpayiq-97552", "proactivechart-caregivers"} <= {s.id for s in vendor}
    assert all(s.confidence == "low" for s in vendor)


def test_federal_register_rules_are_marked_unverified(kb: Knowledge) -> None:
    for sid in ("cms-pfs-2024-final", "cms-pfs-2025-final", "cms-pfs-2026-final"):
        assert kb.sources[sid].verified is False


def test_sources_have_two_to_six_passages(kb: Knowledge) -> None:
    for source in kb.sources.values():
        assert 2 <= len(source.passages) <= 6, source.id
        assert all(len(p) >= 40 for p in source.passages), source.id


def test_every_rule_has_both_profiles_and_messages_for_its_statuses(kb: Knowledge) -> None:
    for check_id in CHECK_IDS:
        rule = kb.rules[check_id]
        assert set(rule.severity) == set(PROFILES), check_id
        assert str(rule.effective_from) == "2024-01-01", check_id
        # The spec's checks are held to the conventions' table (an independent copy); a new check to its rule.
        assert set(rule.statuses) == STATUSES.get(check_id, set(rule.statuses)), check_id
        expected = set(rule.statuses) | {"unclear"}
        assert set(rule.messages) == expected, check_id
        needs_fix = expected & {"missing", "problem", "unclear"}
        assert needs_fix <= set(rule.fixes), f"{check_id}: no fix for {sorted(needs_fix - set(rule.fixes))}"
        assert all(text.strip() for text in rule.fixes.values()), check_id


def test_rule_severities_match_the_facts(kb: Knowledge) -> None:
    for check_id, (medicare, strict) in EXPECTED_SEVERITY.items():
        assert (kb.rules[check_id].severity["medicare"], kb.rules[check_id].severity["strict"]) == (medicare, strict)
    assert kb.rules["start_stop"].severity["medicare"] == "info"
    assert kb.rules["start_stop"].severity["strict"] in {"warn", "block"}
    assert kb.rules["skills_taught"].severity["medicare"] == "warn"
    assert kb.rules["caregiver"].severity["medicare"] == "warn"


def test_messages_use_only_the_detail_placeholder(kb: Knowledge) -> None:
    from assistant.billing import rule_terms

    for rule in kb.rules.values():
        for text in rule.messages.values():
            assert set(PLACEHOLDER.findall(text)) <= {"detail"}, (rule.id, text)
            text.format(detail="X")  # no stray braces
        for text in rule.fixes.values():  # fixes may state the profile's time rule
            assert set(PLACEHOLDER.findall(text)) <= set(rule_terms("midpoint")), (rule.id, text)
            text.format(**rule_terms("full_time"))


def test_conflicts_record_lower_authority_claims(kb: Knowledge) -> None:
    for check_id, claimed_by in EXPECTED_CONFLICTS.items():
        assert claimed_by in {c.claimed_by for c in kb.rules[check_id].conflicts}, check_id
    for rule in kb.rules.values():
        for conflict in rule.conflicts:
            low = AUTHORITY_RANK[kb.sources[conflict.claimed_by].authority]
            high = max(AUTHORITY_RANK[kb.sources[s].authority] for s in conflict.followed_sources)
            assert low < high, (rule.id, conflict.claimed_by)


def _cited_ids(node: Any) -> list[str]:
    """Every source id cited anywhere in a YAML document (sources, followed_sources, claimed_by...)."""
    out: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"sources", "followed_sources", "assistant_sources"} and isinstance(value, list):
                out += [v for v in value if isinstance(v, str)]
            elif key == "claimed_by" and isinstance(value, str):
                out.append(value)
            else:
                out += _cited_ids(value)
    elif isinstance(node, list):
        for item in node:
            out += _cited_ids(item)
    return out


def test_every_cited_source_exists(kb: Knowledge, kdir: Path) -> None:
    cited: set[str] = set()
    for path in sorted(kdir.rglob("*.yaml")):
        if path.parent.name == "sources":
            continue
        ids = _cited_ids(load_yaml(path.read_text(encoding="utf-8")))
        unknown = sorted(set(ids) - set(kb.sources))
        assert not unknown, f"{path}: {unknown}"
        cited |= set(ids)
    assert len(cited) >= 40  # most sources are actually used


def test_faqs_are_grounded(kb: Knowledge) -> None:
    for faq in kb.faqs.values():
        assert faq.question.endswith("?") or faq.question.endswith("."), faq.id
        assert len(faq.answer) > 60, faq.id
        assert faq.sources, faq.id


def test_faqs_cover_key_questions(kb: Knowledge) -> None:
    text = " ".join(f"{f.question} {f.answer}" for f in kb.faqs.values()).lower()
    for needle in (
        "in the room",
        "slp assistant",
        "cq",
        "kx",
        "telehealth",
        "8-minute",
        "n657",
        "co-97",
        "b15",
        "pr-119",
        "modifier 59",
        "g0541",
        "verbal",
        "return demonstration",
        "coinsurance",
        "medicare advantage",
        "hospice",
        "inpatient",
        "plan of care",
        "50 minutes",
        "per patient",
    ):
        assert needle in text, needle
