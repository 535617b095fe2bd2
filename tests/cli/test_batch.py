"""`assistant check --batch`: every line reported in order, by number; nothing stops the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app

GOOD = ("Date of service: 03/04/2025. Caregiver training with the patient's wife; patient was not present. "
        "Verbal consent obtained. Taught transfers; wife completed a return demonstration. Total 32 minutes. "
        "Jane Doe, PT.")


def good(note_id: str, text: str = GOOD, **extra: object) -> bytes:
    return json.dumps({"id": note_id, "text": text, **extra}).encode()


def run(data: bytes, tmp_path: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    path = tmp_path / "notes.jsonl"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["check", "--batch", str(path), *args])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, rows


BAD_LINES = {
    "billed is a number": (good("x", billed=123), "bad_billed_line"),
    "units over 99": (good("x", billed=[{"code": "97550", "units": 100}]), "bad_billed_line"),
    "profile is a number": (good("x", profile=5), "unknown_profile"),
    "5,000-digit number": (b'{"id": "x", "text": "a", "billed": ' + b"9" * 5000 + b"}", "bad_input"),
    "deep nesting": (b'{"id": "x", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "bad_input"),
    "not UTF-8": (b'{"id": "x", "text": "caf\xe9"}', "bad_input"),
    "not JSON": (b"{id: x}", "bad_input"),
    "text is a number": (b'{"id": "x", "text": 5}', "not_text"),
    "unknown key": (good("x", extra="y"), "bad_input"),
    "a list": (b"[1, 2]", "bad_input"),
    "id is an object": (b'{"id": {"nested": 1}, "text": "a"}', "bad_input"),
    "id is true": (b'{"id": true, "text": "a"}', "bad_input"),
    "id is null": (b'{"id": null, "text": "a"}', "bad_input"),
}


@pytest.mark.parametrize("case", BAD_LINES, ids=list(BAD_LINES))
def test_a_bad_line_is_reported_by_number_and_the_rest_still_checked(case: str, tmp_path: Path) -> None:
    bad, code = BAD_LINES[case]
    code_seen, rows = run(b"\n".join([good("a"), bad, good("c")]) + b"\n", tmp_path, "--workers", "1")
    assert code_seen == 2
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert "report" in rows[0] and "report" in rows[2]
    assert rows[1]["error"]["code"] == code  # type: ignore[index]


def test_an_error_line_keeps_its_id_and_names_no_patient_detail(tmp_path: Path) -> None:
    bad = json.dumps({"id": "n-13", "text": GOOD, "Walter Brennecke DOB 01/02/1940": 1}).encode()
    _, rows = run(good("a") + b"\n" + bad + b"\n" + b"[1, 2]\n", tmp_path, "--workers", "1")
    assert rows[1]["id"] == "n-13"
    assert "Walter" not in json.dumps(rows[1]) and "(name withheld)" in rows[1]["error"]["message"]  # type: ignore[index]
    assert "JSON object" in rows[2]["error"]["message"]  # type: ignore[index]


def test_ids_used_by_several_lines_are_named(tmp_path: Path) -> None:
    """An integrator joins reports by id: lines that share one are checked, and the summary names them."""
    data = b"\n".join([good("a1"), good("b"), good("a1"), b'{"id": 7, "text": "x"}', b'{"id": 7, "text": "y"}',
                        b'{"text": "no id"}', b'{"text": "no id either"}']) + b"\n"
    path = tmp_path / "notes.jsonl"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["check", "--batch", str(path), "--workers", "1", "--format", "json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and [r["id"] for r in rows[:-1]] == ["a1", "b", "a1", "7", "7", "", ""]
    assert rows[-1]["summary"]["duplicate_ids"] == {"a1": [1, 3], "7": [4, 5]}  # lines without an id: by line
    assert 'warning: id "a1" is used by lines 1, 3' in result.stderr and 'id "7" is used by lines 4, 5' in result.stderr


def test_a_note_file_with_batch_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_bytes(good("a"))
    result = CliRunner().invoke(app, ["check", str(path), "--batch", str(path)])
    assert result.exit_code == 2 and "cannot be given with it" in result.output


SHAPES = {
    "byte-order mark": b"\xef\xbb\xbf" + good("a") + b"\n" + good("b"),
    "CRLF endings": good("a") + b"\r\n" + good("b") + b"\r\n",
    "U+2028 and U+0085 inside a note": good("a", GOOD + "\u2028more\u0085text") + b"\n" + good("b"),
    "blank lines keep their numbers": good("a") + b"\n\n" + good("b"),
    # hostile13 #17: Notepad's "Unicode" (UTF-16 with its mark) was rejected line by line
    "UTF-16 LE with its mark": (good("a") + b"\n" + good("b")).decode().encode("utf-16"),
    "UTF-16 BE with its mark": b"\xfe\xff" + (good("a") + b"\n" + good("b")).decode().encode("utf-16-be"),
}


@pytest.mark.parametrize("case", SHAPES, ids=list(SHAPES))
def test_every_good_line_is_checked_whatever_the_file_shape(case: str, tmp_path: Path) -> None:
    code, rows = run(SHAPES[case], tmp_path, "--workers", "1")
    assert code == 0, rows
    assert [r["id"] for r in rows] == ["a", "b"] and all("report" in r for r in rows)
    assert rows[1]["line"] == (3 if case.startswith("blank") else 2)


@pytest.mark.parametrize("text", ["\ud800", GOOD + "\ud800"], ids=["short", "long"])
def test_a_lone_surrogate_is_a_clear_error_on_its_line_and_loses_no_other_line(text: str, tmp_path: Path) -> None:
    code, rows = run(good("a", text) + b"\n" + good("b") + b"\n", tmp_path, "--workers", "1")
    assert code == 2 and [r["id"] for r in rows[:2]] == ["a", "b"] and "report" in rows[1]
    error = rows[0]["error"]
    assert error["code"] == "not_text" and "lone surrogate" in error["message"]  # type: ignore[index]


def test_standard_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", "--batch", "-", "--format", "json"], input=good("a") + b"\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and lines[0]["id"] == "a" and lines[-1]["summary"]["notes"] == 1


@pytest.mark.slow
def test_workers_keep_the_order_and_the_errors(tmp_path: Path) -> None:
    lines = [good(str(i), GOOD.replace("32", str(10 + i % 40))) if i % 7 else b"{broken" for i in range(150)]
    data = b"\n".join(lines) + b"\n"
    one = run(data, tmp_path, "--workers", "1", "--format", "json")
    two = run(data, tmp_path, "--workers", "2", "--format", "json")
    assert one == two
    assert one[0] == 2 and [r["line"] for r in one[1][:-1]] == list(range(1, 151))


def test_a_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", "--batch", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "No such file" in result.stderr
