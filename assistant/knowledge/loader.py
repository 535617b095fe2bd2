"""Load and cross-validate the curated knowledge files.

Layout (YAML):
    knowledge/sources/*.yaml        {"sources": [Source, ...]}
    knowledge/rules/<check_id>.yaml Rule
    knowledge/codes/procedures.yaml {"codes": [CodeInfo, ...]}
    knowledge/codes/diagnoses.yaml  {"changes": [DiagnosisChange, ...]}
    knowledge/fees/schedule.yaml    FeeSchedule
    knowledge/denials/reason_codes.yaml {"codes": [ReasonCode, ...]}
    knowledge/denials/patterns.yaml {"patterns": [DenialPattern, ...]}
    knowledge/denials/payer_points.yaml {"points": [PayerPoint, ...]}
    knowledge/faq/*.yaml            {"faqs": [Faq, ...]}

A broken file raises `KnowledgeError` naming the file and the entry id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from assistant.errors import KnowledgeError
from assistant.knowledge.schema import (
    AppealRules,
    CodeInfo,
    ConversionFactor,
    DenialPattern,
    DiagnosisChange,
    Faq,
    FeeSchedule,
    Modifier,
    PayerPoint,
    ReasonCode,
    Rule,
    Sequestration,
    Source,
    TelehealthPeriod,
    Threshold,
    WaiverWindow,
)
from assistant.yamlio import load_yaml

T = TypeVar("T", bound=BaseModel)


def default_knowledge_dir() -> Path:
    """The shipped knowledge: inside the wheel when installed, the repo folder when editable."""
    packaged = Path(__file__).resolve().parent.parent / "_data" / "knowledge"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "knowledge"


def default_prompts_dir() -> Path:
    packaged = Path(__file__).resolve().parent.parent / "_data" / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "prompts"


@dataclass(frozen=True)
class Knowledge:
    root: Path
    version: str
    sources: dict[str, Source]
    rules: dict[str, Rule]
    codes: dict[str, CodeInfo]
    modifiers: dict[str, Modifier]
    diagnosis_changes: list[DiagnosisChange]
    fees: FeeSchedule
    reason_codes: dict[str, ReasonCode]
    denial_patterns: dict[str, DenialPattern]
    faqs: dict[str, Faq]
    appeals: AppealRules
    payer_points: dict[str, PayerPoint] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256, for the index hash

    @cached_property  # the knowledge never changes after loading; asked once per check
    def check_ids(self) -> tuple[str, ...]:
        """Every check id, in report order: one rule file per check (knowledge/rules/<id>.yaml)."""
        return tuple(sorted(self.rules, key=lambda cid: self.rules[cid].order))

    @cached_property  # asked several times per checked note
    def _codes_by_family(self) -> dict[str, dict[str, str]]:
        # the first code of a kind in the file wins: the behaviour family lists its individual codes (G0539/+G0540)
        # before the multiple-family group codes (96202/+96203), which are not caregiver-training lines
        table: dict[str, dict[str, str]] = {}
        for c in self.codes.values():
            table.setdefault(c.family, {}).setdefault(c.kind, c.code)
        return table

    def family_codes(self, family: str) -> tuple[str, str, str]:
        """(primary, add-on, group) of a caregiver-training code family, from codes/procedures.yaml; the group
        code is "" for a family without one (behaviour management: a group is 96202, not a CTS line)."""
        by_kind = self._codes_by_family.get(family, {})
        try:
            return by_kind["primary"], by_kind["addon"], by_kind.get("group", "")
        except KeyError as exc:
            raise KnowledgeError(f"codes/procedures.yaml: family {family!r} lacks a {exc.args[0]} code") from None

    def modifiers_of(self, kind: str) -> dict[str, Modifier]:
        """Modifiers of one kind ("therapy", "assistant", ...), by code."""
        return {m.code: m for m in self.modifiers.values() if m.kind == kind}

    @cached_property  # the knowledge never changes after loading; asked once per check
    def training_codes_from(self) -> date:
        """The first date any caregiver-training code was in force (no CTS rule applies before it)."""
        starts = [c.effective_from for c in self.codes.values() if c.family == "cts" and c.effective_from]
        if not starts:
            raise KnowledgeError("codes/procedures.yaml: no effective_from on the caregiver-training codes")
        return min(starts)

    @cached_property  # the knowledge never changes after loading
    def horizon(self) -> date:
        """The last day a dated figure of the fee schedule (rates, thresholds, telehealth and waiver periods) reaches:
        of a year after it, the knowledge holds nothing, so no answer may say what holds then."""
        fees = self.fees
        windows = [*fees.conversion_factors, *fees.rvus, *fees.kx_thresholds, *fees.telehealth,
                   *fees.therapist_waivers, *fees.audio_only]
        return max(w.effective_to or w.effective_from or date.min for w in windows)

    @cached_property  # the knowledge never changes after loading; asked once per check
    def same_day_codes(self) -> frozenset[str]:
        """Patient-present services billed the same day (97110, 97530, 92507, evaluations ...)."""
        return frozenset(c.code for c in self.codes.values() if c.family == "patient_present")

    @cached_property  # the knowledge never changes after loading; asked once per check
    def training_codes(self) -> frozenset[str]:
        """The caregiver-training codes a claim may carry (97550 family, direct-care and behaviour-management
        G-codes, G0539-G0543): billed, they are checked as caregiver training, never as a same-day service."""
        return frozenset(c.code for c in self.codes.values() if c.family in ("cts", "direct_care", "behavior"))

    @cached_property  # the knowledge never changes after loading; asked once per check
    def line_codes(self) -> frozenset[str]:
        """The codes of caregiver-training lines (97550-97552, G0539-G0543): each family's primary, add-on and group
        code. A multiple-family behaviour group (96202/+96203) is a training code but not a CTS line: billed, it is
        neither checked as one nor a same-day service (docs/CONVENTIONS.md)."""
        families = ("cts", "direct_care", "behavior")
        return frozenset(code for family in families for code in self.family_codes(family) if code)


def _read_yaml(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read YAML: {exc}") from exc


def _entry_id(entry: Any) -> str:
    if isinstance(entry, dict):
        for key in ("id", "code"):
            if key in entry:
                return str(entry[key])
    return "?"


def _validate(model: type[T], data: Any, path: Path) -> T:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise KnowledgeError(f"{path} [id {_entry_id(data)}]: {exc}") from exc


def _validate_list(model: type[T], path: Path, key: str) -> list[T]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or set(data) != {key}:
        raise KnowledgeError(f"{path}: expected a mapping with the single key {key!r}")
    if not isinstance(data[key], list):
        raise KnowledgeError(f"{path}: {key!r} must be a list")
    return [_validate(model, entry, path) for entry in data[key]]


def _unique(entries: list[tuple[Path, T]], attr: str, what: str) -> dict[str, T]:
    out: dict[str, T] = {}
    seen: dict[str, Path] = {}
    for path, item in entries:
        key = getattr(item, attr)
        if key in out:
            raise KnowledgeError(f"{path} [id {key}]: duplicate {what} id (first defined in {seen[key]})")
        out[key] = item
        seen[key] = path
    return out


def _from_files(model: type[T], paths: list[Path], key: str) -> list[tuple[Path, T]]:
    return [(p, item) for p in paths for item in _validate_list(model, p, key)]


def load_knowledge(root: Path | None = None) -> Knowledge:
    root = (root or default_knowledge_dir()).resolve()
    if not root.is_dir():
        raise KnowledgeError(f"knowledge folder not found: {root}")
    files = {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*.yaml"))
    }
    sources = _unique(_from_files(Source, sorted((root / "sources").glob("*.yaml")), "sources"), "id", "source")
    rules: dict[str, Rule] = {}
    for path in sorted((root / "rules").glob("*.yaml")):
        rule = _validate(Rule, _read_yaml(path), path)
        if rule.id != path.stem:
            raise KnowledgeError(f"{path} [id {rule.id}]: file name must equal the rule id")
        rules[rule.id] = rule
    if not rules:
        raise KnowledgeError(f"{root / 'rules'}: no rule files")
    orders = sorted(r.order for r in rules.values())
    if len(set(orders)) != len(orders):
        raise KnowledgeError(f"{root / 'rules'}: two rules share an order number")
    codes = _unique(_from_files(CodeInfo, [root / "codes" / "procedures.yaml"], "codes"), "code", "code")
    modifiers = _unique(_from_files(Modifier, [root / "codes" / "modifiers.yaml"], "modifiers"), "code", "modifier")
    changes = _validate_list(DiagnosisChange, root / "codes" / "diagnoses.yaml", "changes")
    fees = _validate(FeeSchedule, _read_yaml(root / "fees" / "schedule.yaml"), root / "fees" / "schedule.yaml")
    reason_codes = _unique(
        _from_files(ReasonCode, [root / "denials" / "reason_codes.yaml"], "codes"), "code", "reason code"
    )
    patterns = _unique(
        _from_files(DenialPattern, [root / "denials" / "patterns.yaml"], "patterns"), "id", "denial pattern"
    )
    faqs = _unique(_from_files(Faq, sorted((root / "faq").glob("*.yaml")), "faqs"), "id", "faq")
    points = _unique(_from_files(PayerPoint, [root / "denials" / "payer_points.yaml"], "points"), "id", "payer point")
    appeals_path = root / "appeals" / "levels.yaml"
    appeals = _validate(AppealRules, _read_yaml(appeals_path), appeals_path)
    version = hashlib.sha256("".join(f"{k}:{v}\n" for k, v in files.items()).encode()).hexdigest()[:16]
    knowledge = Knowledge(
        root=root,
        version=version,
        sources=sources,
        rules=rules,
        codes=codes,
        modifiers=modifiers,
        diagnosis_changes=changes,
        fees=fees,
        reason_codes=reason_codes,
        denial_patterns=patterns,
        faqs=faqs,
        appeals=appeals,
        payer_points=points,
        files=files,
    )
    _check_references(knowledge)
    return knowledge


def _check_references(kb: Knowledge) -> None:
    """Every cited source id must exist; every add-on must name a known primary."""

    def need(ids: list[str], where: str) -> None:
        unknown = [i for i in ids if i not in kb.sources]
        if unknown:
            raise KnowledgeError(f"{where}: unknown source id(s) {unknown}")

    for rule in kb.rules.values():
        need(rule.sources, f"rules/{rule.id}.yaml [id {rule.id}]")
        for conflict in rule.conflicts:
            need([conflict.claimed_by, *conflict.followed_sources], f"rules/{rule.id}.yaml [id {rule.id}] conflicts")
    for code in kb.codes.values():
        need(code.sources, f"codes/procedures.yaml [id {code.code}]")
        if code.primary and code.primary not in kb.codes:
            raise KnowledgeError(f"codes/procedures.yaml [id {code.code}]: unknown primary {code.primary}")
    for mod in kb.modifiers.values():
        need(mod.sources, f"codes/modifiers.yaml [id {mod.code}]")
        unknown_mods = sorted(set(mod.never_with) - set(kb.modifiers))
        if unknown_mods:
            raise KnowledgeError(f"codes/modifiers.yaml [id {mod.code}]: never_with names unknown {unknown_mods}")
    for change in kb.diagnosis_changes:
        need(change.sources, f"codes/diagnoses.yaml [id {change.code}]")
    fees = kb.fees
    dated: list[ConversionFactor | Threshold | TelehealthPeriod | WaiverWindow | Sequestration] = [
        *fees.conversion_factors, *fees.kx_thresholds, *fees.telehealth, *fees.therapist_waivers, *fees.audio_only,
        *fees.sequestration,
    ]
    for item in dated:
        need(item.sources, f"fees/schedule.yaml [id {item.id}]")
    for rvu in fees.rvus:
        need(rvu.sources, f"fees/schedule.yaml [id {rvu.code} {rvu.release}]")
    need(fees.assistant_sources, "fees/schedule.yaml [assistant_sources]")
    for rc in kb.reason_codes.values():
        need(rc.sources, f"denials/reason_codes.yaml [id {rc.code}]")
    for pattern in kb.denial_patterns.values():
        need(pattern.sources, f"denials/patterns.yaml [id {pattern.id}]")
        for said in pattern.when_payer_says:
            need(said.sources, f"denials/patterns.yaml [id {pattern.id}, when_payer_says {said.id}]")
        unknown_checks = [c for c in pattern.check_refs() if c not in kb.rules]
        if unknown_checks:
            where = kb.root / "denials" / "patterns.yaml"
            raise KnowledgeError(f"{where} [id {pattern.id}]: unknown check id(s) {unknown_checks}")
        unknown = [c for c in [*pattern.carcs, *pattern.rarcs] if c not in kb.reason_codes]
        if unknown:
            raise KnowledgeError(f"denials/patterns.yaml [id {pattern.id}]: unknown reason code(s) {unknown}")
    for faq in kb.faqs.values():
        need(faq.sources, f"faq [id {faq.id}]")
    for point in kb.payer_points.values():
        # a required check the rules lack is never met, so the point is never answered (checking names the rule)
        need(point.sources, f"denials/payer_points.yaml [id {point.id}]")
    _check_appeal_references(kb, need)


def _check_appeal_references(kb: Knowledge, need: Callable[[list[str], str], None]) -> None:
    """The appeal levels' sources: every route, its late-filing rule and its amount in controversy."""
    need(kb.appeals.presumed_receipt_sources, "appeals/levels.yaml [presumed_receipt_sources]")
    need(kb.appeals.line_denial_sources, "appeals/levels.yaml [line_denial_sources]")
    for hint in kb.appeals.time_rule_hints:
        need(hint.sources, f"appeals/levels.yaml [time_rule_hints {hint.profile}]")
    if kb.appeals.late_entries is not None:
        need(kb.appeals.late_entries.sources, "appeals/levels.yaml [late_entries]")
    for route in kb.appeals.routes:
        need(route.sources, f"appeals/levels.yaml [id {route.id}]")
        if route.when_late is not None:
            need(route.when_late.sources, f"appeals/levels.yaml [id {route.id} when_late]")
    for aic in kb.appeals.amount_in_controversy:
        need(aic.sources, f"appeals/levels.yaml [amount_in_controversy {aic.route}]")


@lru_cache(maxsize=4)
def cached_knowledge(root: str | None = None) -> Knowledge:
    """Loaded once per process and folder; the knowledge is immutable."""
    return load_knowledge(Path(root) if root else None)
