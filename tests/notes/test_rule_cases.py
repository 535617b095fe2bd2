"""One generic test for every rule: runs the sibling cases in `cases/<check_id>.yaml`.

Each case file holds should-flag, should-pass and known-miss cases for one check id
(semgrep-rules style). A case asserts only its own check's status; for `met` and `problem`
every evidence span must slice back to its quote. Known misses are the subtleties a
rule-based extractor is expected to get wrong today: they run as non-strict xfail, so a fix
shows up as XPASS without breaking the suite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.knowledge.loader import cached_knowledge
from assistant.yamlio import load_yaml

CHECK_IDS = cached_knowledge().check_ids


CASES_DIR = Path(__file__).parent / "cases"
KINDS = ("should_flag", "should_pass", "known_miss")
STATUSES = ("met", "missing", "problem", "not_applicable", "unclear")
FILE_KEYS = {"check", "cases"}
CASE_KEYS = {"name", "kind", "text", "dos", "billed", "profile", "expect", "reason"}
REQUIRED_CASE_KEYS = {"name", "kind", "text", "expect"}
# What each kind may expect: a should-pass case is a note the check accepts.
EXPECT_BY_KIND = {
    "should_flag": {"missing", "problem", "unclear"},
    "should_pass": {"met", "not_applicable"},
    "known_miss": set(STATUSES),
}
MIN_FLAG = 3
MIN_PASS = 3


@dataclass(frozen=True)
class Case:
    check: str
    name: str
    kind: str
    text: str
    expect: str
    dos: str | date | None = None
    billed: Any = None
    profile: str | None = None
    reason: str | None = None
    file: str = ""

    @property
    def id(self) -> str:
        return f"{self.check}:{self.name}"


def _load_file(path: Path) -> dict[str, Any]:
    data = load_yaml(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def load_cases() -> list[Case]:
    """Every case of every file. Tolerant: the schema is enforced by `test_case_files_are_valid`."""
    cases: list[Case] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = _load_file(path)
        check = str(data.get("check", path.stem))
        for raw in data.get("cases") or []:
            if not isinstance(raw, dict):
                continue
            cases.append(
                Case(
                    check=check,
                    name=str(raw.get("name", "?")),
                    kind=str(raw.get("kind", "?")),
                    text=str(raw.get("text", "")),
                    expect=str(raw.get("expect", "?")),
                    dos=raw.get("dos"),
                    billed=raw.get("billed"),
                    profile=raw.get("profile"),
                    reason=raw.get("reason"),
                    file=path.name,
                )
            )
    return cases


CASES = load_cases()


def _param(case: Case) -> Any:
    marks = []
    if case.kind == "known_miss":
        marks.append(pytest.mark.xfail(reason=case.reason or "known miss of the rule-based extractor", strict=False))
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_rule_case(case: Case) -> None:
    import assistant

    kwargs: dict[str, Any] = {"dos": case.dos, "billed": case.billed}
    if case.profile is not None:
        kwargs["profile"] = case.profile
    report = assistant.check_note(case.text, **kwargs)
    result = report.check(case.check)
    assert result.status == case.expect, (
        f"{case.id}: expected {case.expect}, got {result.status} ({result.message!r}); "
        f"evidence={[e.quote for e in result.evidence]}"
    )
    if result.status in ("met", "problem"):
        for span in result.evidence:
            assert 0 <= span.start <= span.end <= len(case.text), f"{case.id}: span out of range: {span}"
            assert case.text[span.start : span.end] == span.quote, f"{case.id}: span does not slice back: {span}"


def test_case_files_are_valid() -> None:
    """Strict schema: unknown keys, kinds or statuses are rejected; names are unique per file."""
    problems: list[str] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = _load_file(path)
        if set(data) - FILE_KEYS or "check" not in data or "cases" not in data:
            problems.append(f"{path.name}: top-level keys must be {sorted(FILE_KEYS)}, got {sorted(data)}")
            continue
        if data["check"] != path.stem:
            problems.append(f"{path.name}: check {data['check']!r} does not match the file name")
        if data["check"] not in CHECK_IDS:
            problems.append(f"{path.name}: unknown check id {data['check']!r}")
        seen: set[str] = set()
        for i, raw in enumerate(data["cases"] or []):
            where = f"{path.name}[{i}]"
            if not isinstance(raw, dict):
                problems.append(f"{where}: not a mapping")
                continue
            if unknown := set(raw) - CASE_KEYS:
                problems.append(f"{where}: unknown keys {sorted(unknown)}")
            if missing := REQUIRED_CASE_KEYS - set(raw):
                problems.append(f"{where}: missing keys {sorted(missing)}")
                continue
            name = raw["name"]
            if name in seen:
                problems.append(f"{where}: duplicate name {name!r}")
            seen.add(name)
            if raw["kind"] not in KINDS:
                problems.append(f"{where} {name}: unknown kind {raw['kind']!r}")
            elif raw["expect"] not in EXPECT_BY_KIND[raw["kind"]]:
                problems.append(f"{where} {name}: {raw['kind']} cannot expect {raw['expect']!r}")
            if raw["expect"] not in STATUSES:
                problems.append(f"{where} {name}: unknown status {raw['expect']!r}")
            if raw["kind"] == "known_miss" and not raw.get("reason"):
                problems.append(f"{where} {name}: a known miss needs a reason")
            if raw.get("profile") not in (None, "medicare", "strict"):
                problems.append(f"{where} {name}: unknown profile {raw['profile']!r}")
            if not str(raw["text"]).strip():
                problems.append(f"{where} {name}: empty text")
    assert not problems, "\n".join(problems)


def test_every_check_has_cases() -> None:
    """Every check id has a case file with at least 3 should-flag and 3 should-pass cases."""
    files = {p.stem for p in CASES_DIR.glob("*.yaml")}
    assert set(CHECK_IDS) <= files, f"no case file for {sorted(set(CHECK_IDS) - files)}"
    assert files <= set(CHECK_IDS), f"case files for unknown checks: {sorted(files - set(CHECK_IDS))}"
    short: list[str] = []
    for check in CHECK_IDS:
        kinds = [c.kind for c in CASES if c.check == check]
        flag, ok = kinds.count("should_flag"), kinds.count("should_pass")
        if flag < MIN_FLAG or ok < MIN_PASS:
            short.append(f"{check}: {flag} should_flag, {ok} should_pass")
    assert not short, "\n".join(short)
