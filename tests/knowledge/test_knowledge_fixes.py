"""The 2026-12 review's knowledge fixes (issue 9, item 5; domain facts §11-§12), each with its source."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.knowledge.loader import Knowledge, cached_knowledge
from assistant.models import BilledLine
from assistant.service import Assistant

KB: Knowledge = cached_knowledge()
NOTE = """DOS: {d}
Caregiver training by {mode}. Patient not present. Caregiver: wife Ann (unpaid). Pt gave verbal consent on {d} for wife
to be trained. Need: POC goal 1 safe transfers. Taught wife car transfer with gait belt; hands-on correction.
Wife return demonstrated safely. Time: 10:00-10:35, total 35 min. Dx: {dx}. Jane Doe, PT, DPT. Billing: 97550 x1 GP 93
"""


def check(d: str, mode: str = "in person", dx: str = "I69.351") -> dict[str, str]:
    report = Assistant(clock=lambda: date(2026, 12, 1)).check_note(NOTE.format(d=d, mode=mode, dx=dx))
    return {c.id: c.status for c in report.checks}


@pytest.mark.parametrize(
    ("code", "on", "descriptor"),
    [
        ("G0539", date(2025, 6, 1), "Initial care training 30 m"),
        ("G0540", date(2025, 6, 1), "Train for caregiver add 15"),
        ("G0541", date(2025, 6, 1), "No pt prsnt train initial 30"),
        ("G0542", date(2025, 6, 1), "No pt prsnt train add 15"),
        ("G0543", date(2025, 6, 1), "Group train w/o patient"),
        ("96202", date(2025, 6, 1), "Mlt fam grp bhv train 1st 60"),
        ("96203", date(2025, 6, 1), "Mlt fam grp bhv train ea add"),
        ("92507", date(2025, 6, 1), "Tx sp lang voice comm indiv"),
        ("92507", date(2024, 6, 1), "Speech/hearing therapy"),
    ],
)
def test_short_descriptors_from_the_cms_files(code: str, on: date, descriptor: str) -> None:
    info = KB.codes[code]
    assert info.descriptor_on(on) == descriptor
    assert "cms-pprrvu-2025" in info.sources


@pytest.mark.parametrize(
    ("dos", "mode", "status"),
    [
        ("03/04/2025", "audio-only telephone call; pt at home has no video capability", "met"),
        ("03/04/2025", "audio-only telephone call; patient declined video", "met"),
        ("03/04/2025", "audio-only telephone call", "problem"),  # allowed only when video is not possible or refused
        (
            "03/04/2025",
            "audio-only telephone call; the caregiver has no video device",
            "problem",
        ),  # the beneficiary's reason
        ("03/04/2024", "audio-only telephone call; no video", "problem"),  # before the 2025 rule
        ("03/04/2025", "video (Zoom)", "met"),
        ("03/04/2024", "video (Zoom)", "problem"),  # not on the 2024 list
    ],
)
def test_audio_only_telehealth_from_2025(dos: str, mode: str, status: str) -> None:
    assert check(dos, mode)["telehealth"] == status
    assert {"cms-pfs-2025-final", "fcso-audio-only-telehealth"} <= set(KB.fees.audio_only[0].sources)


@pytest.mark.parametrize("year", [2025, 2026])
def test_2025_telehealth_list_holds_the_g_codes_and_96202(year: int) -> None:
    period = next(p for p in KB.fees.telehealth if p.in_force(date(year, 6, 1)))
    assert {"G0539", "G0540", "G0541", "G0542", "G0543", "96202", "96203", "97550"} <= set(period.codes)
    assert "cms-pfs-2025-final" in period.sources or year == 2026


@pytest.mark.parametrize(
    ("dx", "dos", "status"),
    [
        ("G35.A", "09/30/2025", "problem"),  # the subcodes exist only from 2025-10-01
        ("G35.A", "10/01/2025", "met"),
        ("G35", "09/30/2025", "met"),
        ("G35", "10/01/2025", "problem"),
    ],
)
def test_g35_subcodes_only_from_october_2025(dx: str, dos: str, status: str) -> None:
    assert check(dos, dx=dx)["diagnosis_codes"] == status


def test_assistant_rate_per_line_and_sequestration() -> None:
    pay = Assistant().payment(
        [
            BilledLine(code="97550", units=1, modifiers=["GP", "CQ"]),
            BilledLine(code="97551", units=1, modifiers=["GP"]),
        ],
        date(2025, 3, 4),
    )
    assert pay is not None
    assert [ln.amount for ln in pay.lines] == [round(52.08 * 0.85, 2), 25.55]  # only the CQ line at 85 %
    share = round(pay.total * 0.8, 2)
    assert pay.sequestration == round(pay.total * 0.8 * 0.02, 2)
    assert pay.medicare_share == round(pay.total * 0.8 - pay.sequestration, 2) and pay.medicare_share < share
    assert pay.patient_coinsurance == round(pay.total * 0.2, 2)
    assert "noridian-sequestration" in pay.sources and "cms-cq-co-examples" in pay.sources


def test_no_sequestration_before_july_2022_dates_are_outside_the_tables() -> None:
    assert KB.fees.sequestration[0].effective_from == date(2022, 7, 1) and KB.fees.sequestration[0].rate == 0.02


@pytest.mark.parametrize(
    ("pattern", "says", "not_says"),
    [
        ("kx_threshold", "reopening", "resubmitted"),
        ("mue_exceeded", "whole line", "appeal of the excess units"),
    ],
)
def test_pattern_arguments(pattern: str, says: str, not_says: str) -> None:
    text = " ".join(KB.denial_patterns[pattern].argument)
    assert says in text and not_says not in text


def test_medical_necessity_names_the_lcd_without_claiming_its_criteria_met() -> None:
    p = KB.denial_patterns["medical_necessity"]
    lcd = " ".join(p.arguments_when["N115"])
    # The codes do not name the LCD, and no check reads its criteria: the letter leaves both to the biller.
    assert "LCD" in lcd and "[[LCD number and title" in lcd and "meets its criteria" not in lcd
    assert not any("does not by itself defeat" in a for a in p.argument)
