"""Grids read by column: the cell under each heading, row by row (assistant.notes.grid)."""

from __future__ import annotations

import pytest

from assistant.notes import grid


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a bar table, its rule row skipped
        (
            "| Start | Stop | Min |\n|---|---|---|\n| 10:05 | 10:41 | 36 |",
            {"start": "10:05", "stop": "10:41", "min": "36"},
        ),
        # a CSV export: a comma inside quotes does not split; the value is inside the quotes
        (
            'start,end,client,min\n13:02,13:43,"Hutchins, B",41',
            {"end": "13:43", "client": "Hutchins, B", "min": "41"},
        ),
        # tab-separated
        ("Date\tIn\tOut\n03/12\t14:00\t14:34", {"in": "14:00", "out": "14:34"}),
        # columns set apart by runs of spaces
        ("Start    Stop     Type\n09:00    09:31    CTS wife", {"start": "09:00", "type": "CTS wife"}),
    ],
)
def test_cells_under_their_headings(text: str, wanted: dict[str, str]) -> None:
    found = {c.heading: text[c.start : c.end] for c in grid.cells(text)}
    assert {k: found.get(k) for k in wanted} == wanted


@pytest.mark.parametrize(
    "text",
    [
        "Taught: sit-to-stand, toilet transfer, car transfer.\nWife did well.",  # prose, not a grid: no row below
        "Start 10:05 | Stop 10:41 | 36 min",  # a header with figures is a row, not a header
        "",
    ],
)
def test_prose_and_single_rows_are_no_grid(text: str) -> None:
    assert grid.cells(text) == ()


def test_a_row_of_another_shape_ends_the_grid() -> None:
    text = "| In | Out | Min |\n| 9:00 | 9:30 | 30 |\nSigned, J. Roe, PT\n| 10:00 | 10:30 | 30 |"
    assert [text[c.start : c.end] for c in grid.cells(text) if c.heading == "in"] == ["9:00"]
