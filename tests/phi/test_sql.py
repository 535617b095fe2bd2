"""SQL dumps: a value is what its column says, whatever its case (`assistant.phi.sql`). Synthetic values only."""

from __future__ import annotations

import pytest

from assistant.phi import Deidentifier
from assistant.phi.sql import find_sql_values

COPY_DUMP = (
    "COPY public.caregivers (id, patient_id, full_name, phone, notes) FROM stdin;\n"
    "3301\t88-20417\tquorna vexley\t555-0117\tdaughter; trained 97550 34 min\n"
    "3302\t88-20417\tpell vexley jr\t\\N\tson\n"
    "\\.\n"
    "3303\t88-31150\tmarisol quintero\t555-0162\tneighbour, unpaid\n"
)
INSERT_DUMP = (
    "INSERT INTO caregivers (id, full_name, dob, notes) VALUES (4410, 'quorna o''vexley', '1950-02-01', "
    "'wife, trained 97550'),\n  (4411, NULL, 'pell vexley', 'son');"
)
BOX = (
    "+------+------------------+------------+--------+\n"
    "| id   | full_name        | dob        | city   |\n"
    "+------+------------------+------------+--------+\n"
    "| 4410 | marisol quintero | 1944-03-02 | tucson |\n"
    "+------+------------------+------------+--------+"
)


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        (COPY_DUMP, ["3301", "quorna vexley", "pell vexley", "3303", "marisol quintero", "555-0162"],
         ["trained 97550 34 min", "neighbour, unpaid"]),
        (INSERT_DUMP, ["4410", "quorna o''vexley", "1950-02-01", "4411", "pell vexley"], ["wife, trained 97550"]),
        (BOX, ["4410", "marisol quintero", "1944-03-02", "tucson"], ["full_name"]),
    ],
)  # fmt: skip
def test_dump_values_by_column(deid: Deidentifier, text: str, secrets: list[str], kept: list[str]) -> None:
    out = deid.deidentify(text)
    assert [s for s in secrets if s in out.text] == [], out.text
    assert [k for k in kept if k not in out.text] == [], out.text
    assert out.reidentify(out.text) == text


def test_no_column_list_no_values() -> None:
    assert find_sql_values("INSERT INTO t VALUES (1, 'a');\nCOPY t FROM stdin;\n1\tb\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "INSERT INTO t (a) VALUES (" + "'x'," * 5000,
        "COPY t (a) FROM stdin;\n" + "\t\n" * 5000,
        "INSERT INTO t (a) VALUES " + "(1)," * 5000 + "'",
    ],
)
def test_odd_dumps_end(text: str) -> None:
    find_sql_values(text)  # ends, and linearly (benchmarks/phi_shapes.py times the same units)
