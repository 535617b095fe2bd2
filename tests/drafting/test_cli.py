from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from docx import Document
from typer.testing import CliRunner

import assistant.service
from assistant.cli import draft
from assistant.drafting.offline import OfflineDrafter
from tests.drafting.stubs import GOOD_NOTE, StubAssistant, make_report

app = typer.Typer()
draft.register(app)
runner = CliRunner()


@pytest.fixture
def note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(assistant.service, "Assistant", lambda *a, **k: StubAssistant(OfflineDrafter()))
    path = tmp_path / "note.txt"
    path.write_text(GOOD_NOTE)
    return path


def test_appeal_text(note: Path) -> None:
    res = runner.invoke(app, ["appeal", "--denial", "CO-50 N115", "--note", str(note)])
    assert res.exit_code == 0, res.output
    assert "APPEAL" in res.output and "Patient not present" in res.output


def test_appeal_reads_a_pasted_denial_from_a_file(note: Path, tmp_path: Path) -> None:
    pasted = tmp_path / "denial.txt"
    pasted.write_text("CLP*SYN-1*4*150*0**MB*2226~\nSVC*HC:97550:GP*150*0**1~\nCAS*CO*50*150~\nLQ*HE*N115~\n")
    res = runner.invoke(app, ["appeal", "--denial-file", str(pasted), "--note", str(note), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["denial"]["lines"][0]["adjustments"] == ["CO-50"]
    both = runner.invoke(app, ["appeal", "--denial", "CO-50", "--denial-file", str(pasted), "--note", str(note)])
    assert both.exit_code == 2


def test_appeal_json_and_claim(note: Path, tmp_path: Path) -> None:
    claim = tmp_path / "claim.json"
    claim.write_text(json.dumps({"claim_number": "C-1", "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}]}))
    res = runner.invoke(
        app, ["appeal", "--denial", "CO50,N115", "--note", str(note), "--claim", str(claim), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["recommendation"] == "appeal" and data["letter"]["identifiers"]["Claim number (ICN)"] == "C-1"


def test_appeal_docx(note: Path, tmp_path: Path) -> None:
    out = tmp_path / "letter.docx"
    res = runner.invoke(
        app, ["appeal", "--denial", "CO-50", "--note", str(note), "--format", "docx", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert any("Patient not present" in p.text for p in Document(str(out)).paragraphs)


@pytest.mark.parametrize(
    "args",
    [
        ["appeal", "--denial", "CO-ZZZ", "--note", "NOTE"],
        ["appeal", "--denial", "CO-50", "--note", "/no/such/file"],
        ["appeal", "--denial", "CO-50", "--note", "NOTE", "--format", "pdf"],
        ["appeal", "--denial", "CO-50", "--note", "NOTE", "--format", "docx"],
        ["appeal", "--denial", "CO-50", "--note", "NOTE", "--claim", "/no/claim.json"],
        ["rewrite", "/no/such/file"],
    ],
)
def test_bad_input_exit_2(note: Path, args: list[str]) -> None:
    args = [str(note) if a == "NOTE" else a for a in args]
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert "error:" in res.output


@pytest.mark.parametrize("fmt", ["text", "json", "docx"])
def test_an_unreadable_denial_is_said_once(note: Path, tmp_path: Path, fmt: str) -> None:
    """A pasted denial with no CARC: one error line on standard error (with its hint), nothing on standard output."""
    pasted = tmp_path / "denial.txt"
    pasted.write_text("Your claim was denied. Please contact us at 555-0142 for more information.\n")
    res = runner.invoke(app, ["appeal", "--denial-file", str(pasted), "--note", str(note), "--format", fmt,
                              "--out", str(tmp_path / f"x.{fmt}")])
    assert res.exit_code == 2 and res.stdout == "" and not (tmp_path / f"x.{fmt}").exists()
    assert res.stderr.count("no CARC") == 1 and len(res.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("claim", "code", "says"), [
    ({"claim_number": "C-1", "denial_codes": "CO-50 N115"}, 0, "Denial: CO-50 N115"),
    ({"claim_number": "C-1", "carc_rarc": "CO-50 N115"}, 0, "Denial: CO-50 N115"),  # an alias of denial_codes
    ({"claim_number": "C-1"}, 2, "no denial codes given"),
    (None, 2, "appeal needs --denial CODES (or --denial-file, or a --claim file whose denial_codes name them)"),
])
def test_the_claim_file_may_name_the_denial_codes(note: Path, tmp_path: Path, claim: dict[str, str] | None,
                                                  code: int, says: str) -> None:
    """docs/claims.md: `denial_codes` is used when --denial is not given."""
    args = ["appeal", "--note", str(note)]
    if claim is not None:
        (tmp_path / "claim.json").write_text(json.dumps(claim))
        args += ["--claim", str(tmp_path / "claim.json")]
    res = runner.invoke(app, args)
    assert res.exit_code == code and says in res.output


def test_rewrite_stdin_and_json(note: Path) -> None:
    res = runner.invoke(app, ["rewrite", "-"], input=GOOD_NOTE)
    assert res.exit_code == 0 and "CAREGIVER AND CONSENT" in res.output
    res = runner.invoke(app, ["rewrite", str(note), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)["grounding"]["outcome"] == "grounded"


def test_no_appeal_docx_holds_the_recommendation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked for a file, the command writes one: without a letter, the recommendation, why and what to do."""
    monkeypatch.setattr(
        assistant.service,
        "Assistant",
        lambda *a, **k: StubAssistant(OfflineDrafter(), make_report(GOOD_NOTE, {"consent": "missing"})),
    )
    path = tmp_path / "n.txt"
    path.write_text(GOOD_NOTE)
    out = tmp_path / "x.docx"
    res = runner.invoke(
        app, ["appeal", "--denial", "CO-50", "--note", str(path), "--format", "docx", "--out", str(out)]
    )
    assert res.exit_code == 0 and "no letter to send" in res.stdout and str(out) in res.stdout
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert text.startswith("DO NOT APPEAL") and "What to do" in text and "error" not in res.output


@pytest.mark.parametrize(
    ("content", "says", "never"),
    [
        (b'{"date_of_service":"2026-10-06","lines":[{"code":"97550","units":1}\n', "at line 2, column 1",
         "JSONDecodeError"),
        (b'{"date_of_service":"2026-10-06",\n "lines": [\n  {"code": "97550" "units": 1}]}', "at line 3, column 20",
         "lines need"),
        (b'{"billed_amount": "lots"}', "billed_amount (not a dollar amount: (value withheld))", "lines need"),
        (b'{"date_of_service": "2026-13-45"}', "dates: YYYY-MM-DD, MM/DD/YYYY", "lines need"),
        (b"\xff\xfe\x00\x00{", "not UTF-8 text", "JSONDecodeError"),
    ],
)
def test_claim_file_errors_say_where_and_what(note: Path, tmp_path: Path, content: bytes, says: str,
                                              never: str) -> None:
    claim = tmp_path / "claim.json"
    claim.write_bytes(content)
    res = runner.invoke(app, ["appeal", "--denial", "CO-50", "--note", str(note), "--claim", str(claim)])
    assert res.exit_code == 2 and says in res.output and never not in res.output


def test_a_utf16_claim_file_is_read(note: Path, tmp_path: Path) -> None:
    claim = tmp_path / "claim.json"
    claim.write_text(json.dumps({"claim_number": "C-16"}), encoding="utf-16")
    res = runner.invoke(app, ["appeal", "--denial", "CO-50", "--note", str(note), "--claim", str(claim)])
    assert res.exit_code == 0 and "C-16" in res.output


@pytest.mark.parametrize(
    ("notice", "says"),
    [("2099-03-01", "Warning: claim date: notice_date 2099-03-01 is after today"),
     ("2025-03-01", "Warning: claim date: notice_date 2025-03-01 is before the date of service 2025-03-04")],
)
def test_impossible_notice_date_is_warned_beside_the_deadline(note: Path, tmp_path: Path, notice: str,
                                                              says: str) -> None:
    claim = tmp_path / "claim.json"
    claim.write_text(json.dumps({"dos": "2025-03-04", "notice_date": notice,
                                 "lines": [{"code": "97550", "units": 1, "modifiers": ["GP"]}]}))
    res = runner.invoke(app, ["appeal", "--denial", "CO-50", "--note", str(note), "--claim", str(claim)])
    assert res.exit_code == 0, res.output
    head = res.output.split("## Why")[0]
    assert says in head
