"""Whether a note writes its numeric dates day first (dd/mm/yyyy, dd.mm.yyyy), as most of the world does.

"08.10.2026" is 8 October in Berlin and August 10 in Boston. A note settles it for all its dates when one of them can
only be read day first ("consent 24.09.2026": there is no month 24) and none can only be read month first ("12/24"),
or when it spells a date out right beside the numeric one ("08.10.2026 (8 October 2026)"). With no such evidence the
reading stays month first, the US habit of the notes this product serves.
"""

from __future__ import annotations

from datetime import date

MONTHS = 12
SPELLED_REACH = 4  # "08.10.2026 (8 October 2026)": the bracket opens right after the numeric date


def day_first(numeric: list[tuple[int, int, int, int]], spelled: list[tuple[date, int]]) -> bool:
    """`numeric`: each numeric date's first and second figure, its year and where it ends; `spelled`: each date
    written with its month's name and where it starts (sorted)."""
    only_day_first = any(first > MONTHS >= second for first, second, _, _ in numeric)
    only_month_first = any(second > MONTHS >= first for first, second, _, _ in numeric)
    if only_day_first != only_month_first:
        return only_day_first
    starts = {start: value for value, start in spelled}
    for first, second, year, end in numeric:
        beside = next((starts[p] for p in range(end, end + SPELLED_REACH) if p in starts), None)
        if beside is not None and (beside.day, beside.month) == (first, second) and first != second:
            return beside.year % 100 == year % 100
    return False
