"""Modifiers of a billed caregiver training line (outside tester, qa6 H4).

`therapy_modifier` owns every modifier of a billed caregiver-training line: 59 together with an X modifier
on one line blocks the claim; 59 or XE/XS/XP/XU by reflex is a warning (no published NCCI edit pairs the
caregiver training codes with another code: docs/domain-facts.md §5.2, §9). The supported lines leave
those modifiers off and say so, with the reason from knowledge/codes/modifiers.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import assistant
from assistant.cli import app as cli
from assistant.knowledge.loader import cached_knowledge

NOTE = (
    "Caregiver Training Note\nDate of service: 2025-10-06\n"
    "Caregiver: Desmond Fenwick, son, unpaid family caregiver.\n"
    "Patient not present; patient was at adult day program during the session.\n"
    "Consent: patient gave verbal consent on 2025-09-29 for her son Desmond to receive caregiver training.\n"
    "Need / plan of care: PT plan of care goal 3 is safe car transfers with assistance of son at home. "
    "Son reports two near-falls during car transfers; training needed to meet goal 3.\n"
    "Training: taught son stand-pivot transfer technique with gait belt and car transfer sequence, with feedback.\n"
    "Caregiver performance: son completed return demonstration of stand-pivot with cueing.\n"
    "Time: 10:02-10:47, total face-to-face caregiver training 45 minutes.\n"
    "Signed: Priya Adebayo, PT, DPT\n"
)


def _modifier_check(billed: str, text: str = NOTE) -> tuple[assistant.Report, assistant.models.CheckResult]:
    report = assistant.check_note(text, billed=billed)
    return report, next(c for c in report.checks if c.id == "therapy_modifier")


def test_59_with_an_x_modifier_blocks_and_says_how_to_fix_it() -> None:
    report, check = _modifier_check("97550x1:GP:59:XE,97551x1:GP:59:XE")
    assert (check.status, check.severity) == ("problem", "block")
    assert "59 together with XE" in check.message and "never" in check.fix
    assert report.summary.ready_to_bill is False and report.summary.blocking == 1


@pytest.mark.parametrize("billed", ["97550x1:GP:59,97551x1:GP:59", "97550x1:GP:XE,97551x1:GP:XE"])
def test_59_or_xe_by_reflex_is_a_warning(billed: str) -> None:
    report, check = _modifier_check(billed)
    assert (check.status, check.severity) == ("problem", "warn")
    assert "NCCI" in check.message and "XE" in check.fix
    assert report.summary.ready_to_bill is True and report.summary.warnings == 1


def test_a_missing_therapy_modifier_and_59_keep_both_fixes_and_the_graver_severity() -> None:
    _, check = _modifier_check("97550x1:59,97551x1:GP")
    assert (check.status, check.severity) == ("problem", "block")
    assert "lack a therapy modifier" in check.message and "GP (physical therapy)" in check.fix and "XE" in check.fix


def test_the_line_written_in_the_note_counts() -> None:
    text = NOTE.replace("Signed:", "Billed: 97550-GP-59-XE x1, 97551-GP-59 x1\nSigned:")
    report, check = _modifier_check(None, text)  # type: ignore[arg-type]
    assert (check.status, check.severity) == ("problem", "block") and not report.summary.ready_to_bill


def test_clean_lines_stay_met() -> None:
    report, check = _modifier_check("97550x1:GP:KX,97551x1:GP:KX")
    assert (check.status, report.summary.ready_to_bill) == ("met", True)


def test_the_supported_lines_say_what_they_leave_off_and_why() -> None:
    report = assistant.check_note(NOTE, billed="97550x1:GP:59:XE,97551x1:GP:59:ZZ")
    assert [(ln.code, ln.modifiers) for ln in report.billing.lines] == [("97550", ["GP"]), ("97551", ["GP"])]
    dropped = {d.modifier: d for d in report.billing.dropped_modifiers}
    assert set(dropped) == {"59", "XE", "ZZ"}
    assert dropped["59"].codes == ["97550", "97551"] and dropped["XE"].codes == ["97550"]
    table = cached_knowledge().modifiers
    assert dropped["59"].reason == table["59"].dropped and "NCCI" in dropped["XE"].reason
    assert "not a modifier the checks interpret" in dropped["ZZ"].reason.lower()


def test_nothing_is_dropped_when_the_billed_modifiers_are_kept() -> None:
    assert assistant.check_note(NOTE, billed="97550x1:GP,97551x1:GP").billing.dropped_modifiers == []


def test_which_modifiers_clash_comes_from_the_modifier_table() -> None:
    table = cached_knowledge().modifiers
    assert set(table["59"].never_with) == {"XE", "XS", "XP", "XU"}
    assert {m for m, info in table.items() if info.kind == "distinct"} == {"59", "XE", "XS", "XP", "XU"}
    rule = cached_knowledge().rules["therapy_modifier"]
    assert {"therapy", "never_together", "distinct_by_reflex"} <= set(rule.findings)


def test_cli_text_and_json_show_the_finding_the_fix_and_the_dropped_modifiers(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    args = ["check", str(note), "--billed", "97550x1:GP:59:XE,97551x1:GP:59:XE"]
    text = CliRunner().invoke(cli, args)
    assert "therapy_modifier [blocking]" in text.stdout and "Take 59 off the line" in text.stdout
    assert "59 left off 97550, 97551" in text.stdout and "NOT READY TO BILL" in text.stdout
    out = CliRunner().invoke(cli, [*args, "--format", "json"])
    report = json.loads(out.stdout)
    check = next(c for c in report["checks"] if c["id"] == "therapy_modifier")
    assert check["severity"] == "block" and check["fix"] and report["summary"]["ready_to_bill"] is False
    assert [d["modifier"] for d in report["billing"]["dropped_modifiers"]] == ["59", "XE"]
