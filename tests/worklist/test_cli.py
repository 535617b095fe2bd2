"""`assistant era import` and `assistant worklist ...` through the real command (SQLite in a temp folder)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from assistant.cli import app
from assistant.cli.common import spreadsheet_cell
from tests.docx_text import docx_text
from tests.worklist.conftest import FIXTURES
from tests.worklist.test_draft import NOTE

runner = CliRunner()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_USER", "cli-biller")
    monkeypatch.delenv("ASSISTANT_DATABASE_URL", raising=False)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


def imported() -> None:
    code, out, _ = run(
        "era", "import", str(FIXTURES / "medicare_partb.835"), str(FIXTURES / "advantage_and_commercial.835")
    )
    assert code == 0, out


def test_era_import_summary() -> None:
    code, out, _ = run("era", "import", str(FIXTURES / "medicare_partb.835"), str(FIXTURES / "malformed_claim.835"))
    assert code == 0
    assert "6 caregiver-training denials (6 new items" in out and "1 other code's denial counted" in out
    assert "8 claims in 2 payments" in out and "0 reversals" in out  # qa10b #19: counts read as a sentence
    assert "problem: claim loop at segment 18 skipped: CLP03 is not a number" in out
    assert "total: payments 3, claims 10" in out
    code, out, _ = run("era", "import", str(FIXTURES / "medicare_partb.835"))
    assert code == 0 and "already imported" in out


def test_era_import_bad_files_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.835"
    broken.write_bytes((FIXTURES / "medicare_partb.835").read_bytes().replace(b"SE*81*0001~", b"SE*80*0001~"))
    code, out, err = run(
        "era", "import", str(broken), str(tmp_path / "missing.835"), str(FIXTURES / "medicare_partb.835")
    )
    assert code == 2
    assert "segment 83" in err and "cannot read the file" in err
    assert "6 caregiver-training denials" in out  # the good file was still imported


def test_era_import_json() -> None:
    code, out, _ = run("era", "import", str(FIXTURES / "medicare_partb.835"), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["total"]["items_created"] == 6 and data["files"][0]["payments"] == 2


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_worklist_formats(fmt: str) -> None:
    imported()
    code, out, _ = run("worklist", "--format", fmt, "--payer", "medicare part b")
    assert code == 0
    if fmt == "json":
        assert json.loads(out)["total"] == 6
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 6 and rows[0]["route"] in ("redetermination", "clerical_reopening")
    else:
        assert "6 of 6 items" in out and "other codes' denials counted in all imported files" in out  # qa10b #19


def test_csv_export_holds_every_item_and_a_chosen_page_says_it_is_partial() -> None:
    """hostile17 #15: `--format csv` stopped at the first 50 items with no word of the rest."""
    imported()
    code, out, _ = run("worklist", "--format", "csv", "--per-page", "2")
    rows = list(csv.DictReader(io.StringIO(out)))
    total = json.loads(run("worklist", "--format", "json", "--per-page", "1000")[1])["total"]
    assert code == 0 and total > 2 and len(rows) == total and len({r["id"] for r in rows}) == total
    code, out, err = run("worklist", "--format", "csv", "--page", "1", "--per-page", "2")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 2
    assert f"2 of {total} items" in err and "omit --page" in err


def test_every_page_reads_past_a_thousand_items() -> None:
    from types import SimpleNamespace

    from assistant.cli.worklist import _every_page

    items = list(range(2_345))

    def fetch(number: int, size: int) -> SimpleNamespace:
        chunk = items[(number - 1) * size : number * size]
        page = SimpleNamespace(items=chunk, total=len(items), page=number)
        page.model_copy = lambda update: SimpleNamespace(**{**vars(page), **update})
        return page

    assert _every_page(fetch).items == items


@pytest.mark.parametrize(("value", "cell"), [
    ('=HYPERLINK("http://x.invalid","MAC")', '\'=HYPERLINK("http://x.invalid","MAC")'),
    ("@SUM(1+1)", "'@SUM(1+1)"),
    ("+1-555-0100", "'+1-555-0100"),
    ("-2+3", "'-2+3"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("  =1+1", "'  =1+1"),
    ("MEDICARE PART B MAC JX", "MEDICARE PART B MAC JX"),
    ("CO-50 N115", "CO-50 N115"),
    (-12, -12),  # a number (days left) stays a number
    (120.0, 120.0),
    (None, None),
])
def test_spreadsheet_cells_never_start_a_formula(value: object, cell: object) -> None:
    assert spreadsheet_cell(value) == cell


def test_csv_export_neutralises_formulas_from_the_remittance(tmp_path: Path) -> None:
    """Names in an 835 come from outside the practice: a payer called =HYPERLINK(...) stays text in the CSV."""
    hostile = tmp_path / "hostile.835"
    payer = '=HYPERLINK("http://x.invalid","MAC")'
    hostile.write_text((FIXTURES / "medicare_partb.835").read_text().replace("N1*PR*MEDICARE PART B MAC JX~",
                                                                              f"N1*PR*{payer}~"))
    assert run("era", "import", str(hostile))[0] == 0
    code, out, _ = run("worklist", "--format", "csv", "--payer", "HYPERLINK")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and all(r["payer"] == "'" + payer for r in rows)
    texts = [v for r in rows for v in r.values() if not re.fullmatch(r"-?\d+(\.\d+)?", v)]  # days left may be < 0
    assert texts and all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in texts)


def test_worklist_due_and_status() -> None:
    imported()
    code, out, _ = run("worklist", "--due", "14d", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert all(i["overdue"] or i["days_left"] <= 14 for i in data["items"])
    code, _, err = run("worklist", "--due", "soon")
    assert code == 2 and "due window" in err
    code, out, _ = run("worklist", "--status", "won", "--format", "json")
    assert code == 0 and json.loads(out)["total"] == 0


def test_show_set_stats() -> None:
    imported()
    code, out, _ = run("worklist", "show", "1")
    assert code == 0 and "CO-50 $120.00" in out and "Request for Redetermination" in out and "imported" in out
    code, _, err = run("worklist", "set", "1", "--status", "won")
    assert code == 2 and "cannot become won" in err
    assert run("worklist", "set", "1", "--status", "submitted", "--assignee", "dana")[0] == 0
    code, _, err = run("worklist", "set", "1", "--status", "won", "--recovered", "999999")
    assert code == 2 and "the amount recovered ($999,999.00) is more than item 1's denied amount ($120.00)" in err
    code, _, err = run("worklist", "set", "1", "--status", "won", "--recovered", "90", "--decided-on", "2025-06-01")
    assert code == 2 and "was recorded as submitted" in err  # submitted today (QA10 #22)
    # decided the day it is recorded: the CLI dates the submission today, and a decision cannot come before it
    decided = date.today().isoformat()
    code, out, _ = run("worklist", "set", "1", "--status", "won", "--recovered", "90", "--decided-on", decided)
    assert code == 0 and "cli-biller" in out
    code, out, _ = run("worklist", "stats", "--format", "json")
    rows = {(r["dimension"], r["key"]): r for r in json.loads(out)["rows"]}
    assert code == 0 and rows[("route", "redetermination")]["recovered"] == 90.0
    assert run("worklist", "show", "999")[0] == 2


def test_draft_with_note_to_docx(tmp_path: Path) -> None:
    # The remittance dated today, so the item's notice date (DTM*405) leaves the redetermination in time.
    today = date.today().strftime("%Y%m%d")
    recent = tmp_path / "recent.835"
    text = (FIXTURES / "medicare_partb.835").read_text()
    recent.write_text(text.replace("20250416", today).replace("20250418", today))
    assert run("era", "import", str(recent))[0] == 0
    note = tmp_path / "note.txt"
    note.write_text(NOTE.replace("Total 32 minutes", "Total 45 minutes"))  # supports 97550 + 97551 as billed
    out_file = tmp_path / "letter.docx"
    code, out, err = run("worklist", "draft", "1", "--note", str(note), "--out", str(out_file))
    assert code == 0, err
    assert "letter written" in out
    assert "2225077123450" in docx_text(Document(str(out_file)))  # the item's claim number
    code, out, _ = run("worklist", "show", "1", "--format", "json")
    assert json.loads(out)["status"] == "drafted"
    # item 2 is the claim's other line of the same date: the note came with it; item 3 is another claim's
    code, out, _ = run("worklist", "draft", "1", "2", "3")
    assert code == 0 and "1: drafted" in out and "2: drafted" in out and "3: not drafted" in out
    code, out, err = run("worklist", "draft", "3", "4")  # hostile17 #22: nothing drafted is not a success
    assert code == 1 and "3: not drafted" in out and "none of the 2 items was drafted" in err


def test_a_note_of_another_session_exits_2_and_changes_nothing(tmp_path: Path) -> None:
    imported()
    note = tmp_path / "note.txt"
    note.write_text(NOTE)  # dated 03/04/2025
    _, before, _ = run("worklist", "show", "3", "--format", "json")
    assert json.loads(before)["service_date"] == "2025-03-06"
    code, out, err = run("worklist", "draft", "3", "--note", str(note))
    assert code == 2 and out == ""
    assert "the note is dated for another day than item 3's date of service, 2025-03-06" in err
    assert "2025-03-04" not in err  # the note's own date is not repeated
    assert run("worklist", "show", "3", "--format", "json")[1] == before
    code, out, _ = run("worklist", "draft", "1", "--note", str(note))
    assert code == 0
    history = run("worklist", "show", "1")[1]
    assert "cli-biller: note attached (" in history and "note note" not in history
    assert "drafted new -> drafted recommendation:" in history


@pytest.mark.parametrize(("args", "words"), [
    (["set", "1", "--status", "bogus"], "status: must be one of: new, drafted, submitted"),
    (["set", "1", "--recovered", "-50"], "recovered: input should be greater than or equal to 0"),
    (["set", "1", "--recovered", "1e9"], "recovered: input should be less than or equal to 10000000"),
    (["set", "1", "--assignee", "a" * 5000], "assignee: string should have at most 120 characters"),
    (["set", "1", "--status", "submitted", "--decided-on", "2031-01-01"], "decision date 2031-01-01 is in the future"),
    (["set", "1", "--status", "submitted", "--decided-on", "2025-06-01"], "decision date is recorded with a decision"),
    (["set", "1", "--payer-deadline", "1999-01-01"], "a payer deadline would not be used"),
    # hostile15 #13: the error names the option and the forms read
    (["set", "1", "--submitted-on", "13/45/2026"], "--submitted-on is not a date (use YYYY-MM-DD, MM/DD/YYYY"),
    (["set", "1", "--payer-deadline", "soon"], "--payer-deadline is not a date"),
    (["--status", "bogus"], "unknown status (value withheld) (use one of: new, drafted, submitted"),
    (["--sort", "bogus"], "unknown sort (value withheld) (use one of: due, recovery)"),
    (["--format", "bogus"], "use one of: text, json, csv"),
    (["draft", "1"], "assistant worklist draft 1 --note FILE"),
])
def test_bad_worklist_input_is_one_line_exit_2(args: list[str], words: str) -> None:
    imported()
    code, _, err = run("worklist", *args)
    assert code == 2 and words in err and "Traceback" not in err and "aaaaaaaaaa" not in err
    assert len(err.strip().splitlines()) <= 2  # the error, and its hint


def test_statuses_filter_in_any_case() -> None:
    imported()
    code, out, _ = run("worklist", "--status", "NEW", "--format", "json")
    assert code == 0 and json.loads(out)["total"] > 0


@pytest.mark.parametrize(("n", "words"), [
    (1, ["1 claim in 1 payment;", "1 caregiver-training denial (1 new item,", "1 other code's denial", "1 reversal"]),
    (2, ["2 claims in 2 payments;", "2 caregiver-training denials (2 new items,", "2 other codes' denials",
         "2 reversals"]),
])
def test_the_import_line_counts_in_words(n: int, words: list[str]) -> None:
    from assistant.cli.era import _line

    keys = ("claims", "payments", "cts_denials", "items_created", "items_updated", "items_closed", "other_denials",
            "reversals")
    line = _line("f.835", dict.fromkeys(keys, n))
    assert all(w in line for w in words), line


def test_a_reversed_claim_shows_in_the_text_views(tmp_path: Path) -> None:
    """qa10b #17: an item whose claim the payer pulled says so in the list and in `show`, not only in its history."""
    imported()
    pulled = tmp_path / "pulled.835"  # the reversal arrives; its correction (another control number) does not match
    pulled.write_bytes((FIXTURES / "medicare_reprocessed.835").read_bytes().replace(
        b"CLP*SDT25030401*1*180", b"CLP*SDT25039999*1*180"))
    assert run("era", "import", str(pulled))[0] == 0
    code, out, _ = run("worklist")
    rows = [line for line in out.splitlines() if "2225077123450" in line]
    assert code == 0 and rows and all("new/rev" in line for line in rows) and "/rev: the payer reversed" in out
    item = rows[0].split()[0]
    assert "the payer reversed the claim" in run("worklist", "show", item)[1]


def test_a_redenied_service_is_flagged_in_the_text_views() -> None:
    """hostile16 #18: the same service denied again under a new ICN is marked `!` in the list, and `show` names
    the earlier item."""
    assert run("era", "import", str(FIXTURES / "hostile16_payer1_week1.835"))[0] == 0
    assert run("era", "import", str(FIXTURES / "hostile16_payer1_week2.835"))[0] == 0
    code, out, _ = run("worklist")
    rows = [line for line in out.splitlines() if "2225086000202" in line or "2225079000102" in line]
    assert code == 0 and len(rows) == 2 and all("!" in line.split()[3] for line in rows)
    assert "!: the payer changed a decided line or denied a service again" in out
    shown = run("worklist", "show", rows[0].split()[0])[1]
    assert "! the payer denied this service again" in shown
