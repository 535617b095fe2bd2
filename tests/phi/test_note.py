"""A realistic synthetic CTS note: every identifier goes, every billing/clinical token stays."""

from __future__ import annotations

import logging
import re

import pytest

from assistant.phi import Deidentifier

PHI = [
    "Margaret", "O'Connell", "03/14/1941", "00482913", "1EG4-TE5-MK73", "1EG4TE5MK73", "123-45-6789",
    "123 Main St", "Springfield", "62704", "45 Oak Avenue Apt 2", "(217) 555-0143", "217-555-0199",
    "k.oconnell@example.com", "Alan Whitfield", "1234567893", "2025-03-04", "March 4, 2025", "4 Mar 2025",
    "3/4/25", "Karen", "Frank", "Bob Smith", "03/11/2025", "Jordan Reyes", "03/04/2025", "Lee Park",
    "Sam Ortiz", "Jamie Fox", "Robin Hale",
]  # fmt: skip
ALLOWED = [
    "97550", "97551", "G0541", "G0542", "G0543", "97530", "92507", "I69.351", "G20.A1", "Z91.81",
    "GP", "GO", "GN", "CQ", "CO", "KX", "59", "XE", "95", "x1", "x2", "x3", "×3", "32 min", "15 min",
    "10:15 AM", "10:47 AM", "10:52 AM", "1015-1047", "PT", "DPT", "OTR/L", "CCC-SLP", "PTA", "COTA",
    "CO-50", "N115", "PR-119", "Moderate", "Minimal", "Min A", "Mod A", "Max A", "Patient", "Caregiver",
    "IL", "daughter", "husband", "Neighbor", "Dr.",
]  # fmt: skip


def _count(token: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w/-]){re.escape(token)}(?![\w/-])", text))


def test_note_fixture_is_about_2kb(cts_note: str) -> None:
    assert 1800 <= len(cts_note.encode()) <= 2300


@pytest.mark.parametrize("token", ALLOWED)
def test_allow_listed_tokens_unchanged(deid: Deidentifier, cts_note: str, token: str) -> None:
    scrubbed = deid.deidentify(cts_note).text
    assert _count(token, cts_note) > 0, "fixture should contain the token"
    assert _count(token, scrubbed) == _count(token, cts_note)


@pytest.mark.parametrize("secret", PHI)
def test_identifiers_removed(deid: Deidentifier, cts_note: str, secret: str) -> None:
    assert secret in cts_note
    assert secret not in deid.deidentify(cts_note).text


def test_placeholders_consistent_and_reversible(deid: Deidentifier, cts_note: str) -> None:
    result = deid.deidentify(cts_note)
    assert result.reidentify(result.text) == cts_note
    assert len(set(result.mapping.values())) == len(result.mapping)  # one placeholder per value
    by_value = {value: ph for ph, value in result.mapping.items()}
    # "daughter Karen O'Connell" is found by its relation word; the later bare "Karen" by propagation
    assert result.text.count(by_value["Karen O'Connell"]) == 1
    assert result.text.count(by_value["Karen"]) == 1
    assert result.text.count(by_value["03/04/2025"]) == 1
    labels = {re.match(r"<([A-Z]+)_\d+>", ph).group(1) for ph in result.mapping}  # type: ignore[union-attr]
    assert {"PERSON", "DATE", "MRN", "MBI", "SSN", "ADDRESS", "ZIP", "PHONE", "EMAIL", "NPI"} <= labels
    # deterministic: the same input gives the same output
    assert deid.deidentify(cts_note) == result


def test_llm_answer_is_reidentified(deid: Deidentifier, cts_note: str) -> None:
    result = deid.deidentify(cts_note)
    person = next(ph for ph, v in result.mapping.items() if v == "Karen")
    date = next(ph for ph, v in result.mapping.items() if v == "2025-03-04")
    answer = f"On {date}, the therapist trained {person}; see <PERSON_999> and <UNKNOWN_1>."
    assert result.reidentify(answer) == "On 2025-03-04, the therapist trained Karen; see <PERSON_999> and <UNKNOWN_1>."


def test_no_note_text_in_logs(cts_note: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    deid = Deidentifier(extra_names=["Margaret O'Connell"])
    caplog.set_level(logging.DEBUG)  # even if someone turns every logger up
    for name in ("presidio-analyzer", "presidio-anonymizer", "decision_process"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        deid.deidentify(cts_note, extra_names=["Karen O'Connell"])
    finally:
        for name in ("presidio-analyzer", "presidio-anonymizer", "decision_process"):
            logging.getLogger(name).setLevel(logging.WARNING)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in PHI:
        assert secret not in logged


def test_benchmark_2kb_note(benchmark, deid: Deidentifier, cts_note: str) -> None:  # type: ignore[no-untyped-def]
    """`pytest tests/phi --benchmark-enable -k benchmark` prints the warm analyze+anonymize time."""
    result = benchmark(deid.deidentify, cts_note)
    assert result.reidentify(result.text) == cts_note
