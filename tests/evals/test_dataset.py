"""The labelled note set: loads, labels every check with an allowed status, covers every status."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

import pytest

from assistant.knowledge.loader import cached_knowledge
from evals.labels import ALLOWED, NOTES_DEV, NOTES_HOLDOUT, DatasetError, load_notes, parse_item

CHECK_IDS = cached_knowledge().check_ids

ITEMS = load_notes()
HOLDOUT = load_notes(NOTES_HOLDOUT)
FLAGGED = {"missing", "problem", "unclear"}
CTS_CODES = {"97550", "97551", "97552", "G0541", "G0542", "G0543"}
MODIFIERS = {"GP", "GO", "GN", "CQ", "CO"}


def shingles(text: str, k: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def test_size_and_unique_ids():
    assert len(ITEMS) >= 64
    ids = [it.id for it in ITEMS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("item", ITEMS, ids=lambda it: it.id)
def test_item_labels_every_check_with_an_allowed_status(item):
    assert list(item.expected_checks) == list(CHECK_IDS)
    for cid, status in item.expected_checks.items():
        assert status in ALLOWED[cid], (item.id, cid, status)


@pytest.mark.parametrize("item", [*ITEMS, *HOLDOUT], ids=lambda it: it.id)
def test_billing_lines_are_well_formed(item):
    for line in item.expected_lines:
        assert line["code"] in CTS_CODES
        assert line["units"] >= 1
        assert set(line["modifiers"]) <= MODIFIERS
    codes = [line["code"] for line in item.expected_lines]
    assert len(codes) == len(set(codes)), "one line per code"
    if "97551" in codes:
        assert "97550" in codes
    if "G0542" in codes:
        assert "G0541" in codes
    # group codes are one unit for this patient
    assert all(
        line["units"] == 1 for line in item.expected_lines if line["code"] in {"97552", "G0543", "97550", "G0541"}
    )


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_every_allowed_status_appears(check_id):
    seen = {it.expected_checks[check_id] for it in ITEMS}
    assert seen == set(ALLOWED[check_id])


def test_holdout_is_separate_and_valid():
    assert len(HOLDOUT) >= 10
    assert not {it.id for it in HOLDOUT} & {it.id for it in ITEMS}
    for item in HOLDOUT:  # older sets may lack checks added after they were labelled
        assert set(item.expected_checks) <= set(CHECK_IDS) and len(item.expected_checks) >= 20


def test_no_near_duplicates():
    sh = {it.id: shingles(it.text) for it in [*ITEMS, *HOLDOUT]}
    for a, b in itertools.combinations(sh, 2):
        jaccard = len(sh[a] & sh[b]) / len(sh[a] | sh[b])
        assert jaccard < 0.6, (a, b, jaccard)


def test_clean_ready_to_bill_notes():
    clean = [it for it in ITEMS if it.expected_lines and not FLAGGED & set(it.expected_checks.values())]
    assert len(clean) >= 8


def test_label_consistency_with_conventions():
    """Cross-check labels that the conventions tie together."""
    by = defaultdict(list)
    for it in [*ITEMS, *HOLDOUT]:
        c = it.expected_checks
        # billing.lines empty when: patient present, SLPA, below minimum, telehealth not allowed, no minutes (timed)
        if (
            c["patient_absent"] == "problem"
            or c["provider"] == "problem"
            or c["minimum_time"] in {"problem", "missing"}
            or c["telehealth"] == "problem"
        ):
            assert it.expected_lines == [], it.id
        # no billed lines known → billed-line checks are not applicable
        if it.billed is None and not re.search(r"\b(97550|97551|97552|G054[123])\b", it.text):
            for cid in ("units", "addon_pairing", "therapy_modifier", "assistant_modifier"):
                assert c[cid] == "not_applicable", (it.id, cid)
        # group codes are untimed
        if any(line["code"] in {"97552", "G0543"} for line in it.expected_lines):
            assert c["minimum_time"] == "not_applicable", it.id
        by[c["diagnosis_codes"]].append(it.id)
    assert by["problem"] and by["met"] and by["not_applicable"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["expected"]["checks"].__setitem__("vibes", "met"), "unknown check id"),
        (lambda r: r["expected"]["checks"].__setitem__("need_and_goal", "problem"), "not allowed"),
        (lambda r: r.__setitem__("colour", "red"), "unknown keys"),
        (lambda r: r.__setitem__("profile", "lenient"), "profile"),
        (lambda r: r["expected"].__setitem__("billing_lines", [{"units": 1}]), "needs code"),
    ],
)
def test_loader_rejects_malformed_items(mutate, message):
    raw = {
        "id": "x",
        "text": "note",
        "expected": {"checks": dict.fromkeys(CHECK_IDS, "met"), "billing_lines": []},
    }
    mutate(raw)
    with pytest.raises(DatasetError, match=message):
        parse_item(raw, "test")


def test_loader_rejects_duplicate_ids(tmp_path):
    text = NOTES_DEV.read_text(encoding="utf-8")
    first = text.index("\n- id:")
    second = text.index("\n- id:", first + 1)
    dup = tmp_path / "dup.yaml"
    dup.write_text(text + text[first:second] + "\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="duplicate id"):
        load_notes(dup)
