"""The labelled note set: loading, validation and the statuses each check may take.

`ALLOWED` comes from each rule's `statuses` (the status table of docs/CONVENTIONS.md). The loader
rejects unknown keys, unknown check ids, statuses a check cannot take and duplicate ids, and names
the offending item.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.knowledge.loader import cached_knowledge
from assistant.models import PROFILES
from assistant.yamlio import load_yaml

CHECK_IDS = cached_knowledge().check_ids

DATASETS = Path(__file__).parent / "datasets"
NOTES_DEV = DATASETS / "notes_dev.yaml"
# Scored on every run, never used to tune the engine (see evals/LABELING.md).
NOTES_HOLDOUT = DATASETS / "notes_holdout.yaml"

# The statuses each check may take live in its rule file (knowledge/rules/<id>.yaml: statuses).
ALLOWED: dict[str, frozenset[str]] = {cid: frozenset(rule.statuses) for cid, rule in cached_knowledge().rules.items()}

_ITEM_KEYS = {"id", "text", "dos", "billed", "profile", "expected", "notes", "style"}
_LINE_KEYS = {"code", "units", "modifiers"}
_EXPECTED_KEYS = {"checks", "billing_lines", "total_minutes"}


class DatasetError(ValueError):
    """A labelled item is malformed; the message names the file and the item id."""


@dataclass(frozen=True)
class NoteItem:
    """One labelled note: the inputs of `assistant.check_note` and the expected report parts."""

    id: str
    text: str
    expected_checks: dict[str, str]
    expected_lines: list[dict[str, Any]]
    dos: str | None = None
    billed: list[dict[str, Any]] | None = None
    profile: str = "medicare"
    notes: str = ""
    style: str = ""
    # None: not labelled (older sets) or labelled as no documented minutes; see has_minutes_label
    expected_minutes: int | None = None
    has_minutes_label: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _line(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, Mapping) or set(raw) - _LINE_KEYS or "code" not in raw:
        raise DatasetError(f"{where}: a line needs code (units, modifiers optional): {raw!r}")
    mods = raw.get("modifiers") or []
    if not isinstance(mods, list):
        raise DatasetError(f"{where}: modifiers must be a list: {raw!r}")
    return {"code": str(raw["code"]), "units": int(raw.get("units", 1)), "modifiers": [str(m) for m in mods]}


def parse_item(raw: Any, where: str) -> NoteItem:
    """Validate one raw YAML mapping and build a `NoteItem`."""
    if not isinstance(raw, Mapping):
        raise DatasetError(f"{where}: an item must be a mapping")
    item_id = raw.get("id")
    where = f"{where} [{item_id}]"
    unknown = set(raw) - _ITEM_KEYS
    if unknown:
        raise DatasetError(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(item_id, str) or not item_id:
        raise DatasetError(f"{where}: id must be a non-empty string")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DatasetError(f"{where}: text must be a non-empty string")
    profile = raw.get("profile", "medicare")
    if profile not in PROFILES:
        raise DatasetError(f"{where}: profile {profile!r} not in {PROFILES}")
    expected = raw.get("expected")
    if not isinstance(expected, Mapping) or not {"checks", "billing_lines"} <= set(expected) <= _EXPECTED_KEYS:
        raise DatasetError(f"{where}: expected needs checks and billing_lines (total_minutes optional)")
    minutes = expected.get("total_minutes")
    if minutes is not None and (not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 0):
        raise DatasetError(f"{where}: expected.total_minutes must be a whole number of minutes or null")
    checks = expected["checks"]
    if not isinstance(checks, Mapping):
        raise DatasetError(f"{where}: expected.checks must be a mapping")
    unknown_ids = sorted(set(checks) - set(CHECK_IDS))
    if unknown_ids:
        raise DatasetError(f"{where}: expected.checks names unknown check id(s) {unknown_ids}")
    # A check added after a set was labelled is simply not scored on that set; the development set
    # (notes_dev.yaml) labels every check (tests/evals/test_dataset.py).
    for cid, status in checks.items():
        if status not in ALLOWED[cid]:
            raise DatasetError(f"{where}: {cid}={status!r} not allowed (allowed: {sorted(ALLOWED[cid])})")
    lines_raw = expected["billing_lines"] or []
    if not isinstance(lines_raw, list):
        raise DatasetError(f"{where}: expected.billing_lines must be a list")
    billed_raw = raw.get("billed")
    if billed_raw is not None and not isinstance(billed_raw, list):
        raise DatasetError(f"{where}: billed must be a list of lines")
    dos = raw.get("dos")
    return NoteItem(
        id=item_id,
        text=text,
        dos=str(dos) if dos is not None else None,
        billed=[_line(b, where) for b in billed_raw] if billed_raw is not None else None,
        profile=profile,
        expected_checks={cid: checks[cid] for cid in CHECK_IDS if cid in checks},
        expected_lines=[_line(line, where) for line in lines_raw],
        notes=str(raw.get("notes") or ""),
        style=str(raw.get("style") or ""),
        expected_minutes=minutes,
        has_minutes_label="total_minutes" in expected,
    )


def load_notes(path: Path = NOTES_DEV) -> list[NoteItem]:
    """Load and validate a labelled note set (a YAML list, or a mapping with an ``items`` list)."""
    data = load_yaml(path.read_text(encoding="utf-8"))
    if isinstance(data, Mapping):
        data = data.get("items")
    if not isinstance(data, list):
        raise DatasetError(f"{path}: expected a list of items (or a mapping with 'items')")
    items = [parse_item(raw, f"{path.name}#{i}") for i, raw in enumerate(data)]
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise DatasetError(f"{path.name}: duplicate id {item.id!r}")
        seen.add(item.id)
    return items
