"""Every example of issue #13 answers right, through search, the Python API and the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.service import Assistant


@pytest.mark.parametrize(
    ("question", "dos", "says"),
    [
        ("is G0541 billable in 2024?", None, ["No", "G0541", "not yet in effect in 2024", "2025-01-01"]),
        ("can we bill G0541 for a 2024 date of service?", None, ["G0541", "2025-01-01"]),
        ("is G0541 billable?", date(2024, 6, 1), ["not yet in effect on 2024-06-01", "2025-01-01"]),
        ("how much does medicare pay for 97551 in 2026?", None, ["97551", "in 2026", "$26.05 non-facility"]),
        ("97552 units?", None, ["97552", "each represented patient"]),
        ("For 97552, do I bill one unit per caregiver or per patient?", None, ["Per patient"]),
        ("what does Medicare pay for 97551 in 2026?", None, ["$26.05"]),
    ],
)
def test_issue_questions_answer_right(assistant: Assistant, question: str, dos: date | None, says: list[str]) -> None:
    answer = assistant.answer(question, dos=dos)
    assert answer.answered, answer.text
    for phrase in says:
        assert phrase in answer.text, (phrase, answer.text)
    assert 1 <= len(answer.sentences) <= 3
    first = answer.sentences[0]
    assert first.passage_id == answer.passages[0].id and first.source == answer.passages[0].source


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("is G0541 billable in 2024?", "code:G0541"),
        ("can we bill G0541 for a 2024 date of service?", "code:G0541"),
        ("how much does medicare pay for 97551 in 2026?", "fee:97551-RVU26C"),
    ],
)
def test_search_puts_the_code_and_period_first(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.search(question, k=3)[0].id.split("#")[0] == entry


def test_search_with_a_dos_keeps_the_code_passage(assistant: Assistant) -> None:
    """A date-of-service filter keeps the asked code's own validity passage, so the answer can say it."""
    hits = assistant.search("is G0541 billable?", k=5, dos=date(2024, 6, 1))
    assert hits[0].id == "code:G0541#0"
    assert all(h.effective_from is None or h.effective_from <= date(2024, 6, 1) for h in hits[1:])


@pytest.mark.parametrize("question", ["patient present during caregiver training", "consent missing",
                                      "add-on billed without primary", "units do not match minutes"])
def test_rule_passages_carry_no_template_text(assistant: Assistant, question: str) -> None:
    for passage in assistant.search(question, k=10):
        assert "{" not in passage.text and "}" not in passage.text, passage.id
