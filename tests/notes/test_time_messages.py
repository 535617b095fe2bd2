"""What the report says when a date or a time is written but cannot be used: it names what was written and why,
instead of saying nothing was found (one row per shape)."""

from __future__ import annotations

import pytest

from assistant.service import Assistant

BODY = "Wife trained in transfers; pt not present. Jane Ortiz, PT"


@pytest.mark.parametrize(
    ("text", "check", "says"),
    [
        (f"DOS: 13/45/2025. {BODY} Total 32 min.", "date_of_service", "(13/45/2025) is not a calendar date"),
        (f"DOS: 03/11/2025. {BODY} 10:15 AM - 10:15 AM.", "start_stop", "start and stop times are the same"),
        (f"DOS: 03/11/2025. {BODY} 10:47 AM - 10:15 AM.", "start_stop", "stop time is before the start time"),
        (f"DOS: 03/11/2025. {BODY} Total CTS time: 900 minutes.", "total_time", "900 minutes is written"),
    ],
)
def test_message_names_what_was_written(text: str, check: str, says: str) -> None:
    assert says in Assistant().check_note(text).check(check).message
