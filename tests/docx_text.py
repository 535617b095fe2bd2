"""The whole text of a DOCX letter: paragraphs and tables (the letter's identifiers sit in a table)."""

from __future__ import annotations

from typing import Any


def docx_text(document: Any) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join([*(p.text for p in document.paragraphs), *cells])
