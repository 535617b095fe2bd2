"""A broken knowledge file fails loudly, naming the file and the entry id."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.errors import KnowledgeError
from assistant.knowledge.loader import cached_knowledge, load_knowledge
from assistant.service import Assistant
from assistant.yamlio import load_yaml


@pytest.fixture
def tree(kdir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(kdir, root)
    return root


def _edit(path: Path, change: Callable[[Any], None]) -> None:
    data = load_yaml(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _error(root: Path) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(root)
    return str(info.value)


def test_copy_loads(tree: Path) -> None:
    assert set(load_knowledge(tree).rules) == set(cached_knowledge().rules)


def test_unknown_key_in_source(tree: Path) -> None:
    path = tree / "sources" / "cms.yaml"

    def change(d: Any) -> None:
        next(s for s in d["sources"] if s["id"] == "cms-mln1783722")["colour"] = "blue"

    _edit(path, change)
    msg = _error(tree)
    assert str(path) in msg and "cms-mln1783722" in msg and "colour" in msg


def test_unknown_key_in_rule(tree: Path) -> None:
    path = tree / "rules" / "consent.yaml"
    _edit(path, lambda d: d.update(severty={"medicare": "block"}))
    msg = _error(tree)
    assert str(path) in msg and "consent" in msg and "severty" in msg


def test_rule_missing_a_profile(tree: Path) -> None:
    path = tree / "rules" / "units.yaml"
    _edit(path, lambda d: d["severity"].pop("strict"))
    msg = _error(tree)
    assert str(path) in msg and "units" in msg and "strict" in msg


def test_unknown_source_id_in_rule(tree: Path) -> None:
    _edit(tree / "rules" / "units.yaml", lambda d: d["sources"].append("no-such-source"))
    msg = _error(tree)
    assert "rules/units.yaml" in msg and "[id units]" in msg and "no-such-source" in msg


def test_unknown_source_id_in_conflict(tree: Path) -> None:
    _edit(tree / "rules" / "caregiver.yaml", lambda d: d["conflicts"][0].update(claimed_by="ghost-vendor"))
    msg = _error(tree)
    assert "rules/caregiver.yaml" in msg and "caregiver" in msg and "ghost-vendor" in msg


def test_unknown_source_id_in_faq(tree: Path) -> None:
    _edit(tree / "faq" / "denials.yaml", lambda d: d["faqs"][0]["sources"].append("nowhere"))
    msg = _error(tree)
    assert "co50_appeal" in msg and "nowhere" in msg


def test_missing_rule_file(tree: Path) -> None:
    # The knowledge loads (rules define the checks), but checking a note names the missing rule file.
    (tree / "rules" / "telehealth.yaml").unlink()
    kb = load_knowledge(tree)
    assert "telehealth" not in kb.check_ids
    with pytest.raises(KnowledgeError) as err:
        Assistant(knowledge=kb).check_note("Caregiver training with wife, 32 minutes.")
    assert str(tree / "rules") in err.value.message and "telehealth" in err.value.message


def test_rule_file_name_must_match_id(tree: Path) -> None:
    path = tree / "rules" / "start_stop.yaml"
    path.rename(tree / "rules" / "start-stop.yaml")
    msg = _error(tree)
    assert "start-stop.yaml" in msg and "start_stop" in msg


def test_bad_rvu_total(tree: Path) -> None:
    path = tree / "fees" / "schedule.yaml"
    _edit(path, lambda d: d["rvus"][0].update(total_nonfacility=9.99))
    msg = _error(tree)
    assert str(path) in msg and "97550" in msg


def test_unknown_check_id_in_pattern(tree: Path) -> None:
    path = tree / "denials" / "patterns.yaml"
    _edit(path, lambda d: d["patterns"][0]["evidence_checks"].append("vibes"))
    msg = _error(tree)
    assert str(path) in msg and "medical_necessity" in msg and "vibes" in msg


def test_unknown_reason_code_in_pattern(tree: Path) -> None:
    _edit(tree / "denials" / "patterns.yaml", lambda d: d["patterns"][0]["rarcs"].append("N999"))
    msg = _error(tree)
    assert "patterns.yaml" in msg and "medical_necessity" in msg and "N999" in msg


def test_invalid_yaml(tree: Path) -> None:
    path = tree / "codes" / "procedures.yaml"
    path.write_text("codes: [\n  - code: '97550'\n", encoding="utf-8")
    assert str(path) in _error(tree)


def _duplicate_faq(tree: Path) -> str:
    first = load_yaml((tree / "faq" / "denials.yaml").read_text(encoding="utf-8"))["faqs"][0]
    (tree / "faq" / "zz_duplicate.yaml").write_text(yaml.safe_dump({"faqs": [first]}), encoding="utf-8")
    return _error(tree)


def _duplicate_source(tree: Path) -> str:
    first = load_yaml((tree / "sources" / "cms.yaml").read_text(encoding="utf-8"))["sources"][0]
    (tree / "sources" / "zz_duplicate.yaml").write_text(yaml.safe_dump({"sources": [first]}), encoding="utf-8")
    return _error(tree)


def test_duplicate_ids_name_the_id(tree: Path, tmp_path: Path) -> None:
    assert "co50_appeal" in _duplicate_faq(tree)
    other = tmp_path / "other"
    shutil.copytree(tree, other)
    (other / "faq" / "zz_duplicate.yaml").unlink()
    assert "cms-pfs-2024-final" in _duplicate_source(other)


def test_duplicate_ids_name_the_file(tree: Path) -> None:
    assert "zz_duplicate.yaml" in _duplicate_faq(tree)


def _pattern(pid: str) -> Callable[[Any], dict[str, Any]]:
    return lambda d: next(p for p in d["patterns"] if p["id"] == pid)


@pytest.mark.parametrize(("change", "named"), [
    # an argument keyed by a group and a code the pattern does not answer
    (lambda d: _pattern("medical_necessity")(d)["arguments_when"].update({"PR-96": ["x"]}), "PR-96"),
    # a payer statement's check must exist, and so must its sources
    (lambda d: _pattern("bundling_ncci")(d)["when_payer_says"][0]["requires_met"].append("no_such_check"),
     "no_such_check"),
    (lambda d: _pattern("timely_filing")(d)["when_payer_says"][0].update({"sources": ["no-such-source"]}),
     "no-such-source"),
])
def test_broken_pattern_extras(tree: Path, change: Callable[[Any], None], named: str) -> None:
    _edit(tree / "denials" / "patterns.yaml", change)
    assert named in _error(tree)


def test_unknown_source_in_time_rule_hint(tree: Path) -> None:
    _edit(tree / "appeals" / "levels.yaml", lambda d: d["time_rule_hints"][0].update({"sources": ["nope-src"]}))
    assert "nope-src" in _error(tree)


def test_group_and_code_argument_keys_load() -> None:
    assert "ABN" in " ".join(cached_knowledge().denial_patterns["medical_necessity"].arguments_when["PR-50"])
