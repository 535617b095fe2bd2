"""Round-9 time, units and billing lines on styles the engine was not tuned on: split sittings on one date, CTS beside
other timed services, co-treatment, breaks and interruptions in their usual forms, HL7 and FHIR exports, OCR'd and
phone-typed times, amended ranges, groups with families missing, the code family by content and date, and both
profiles.

Each probe is a synthetic note written for this file. The minutes follow docs/CONVENTIONS.md (clock-derived CTS minutes
when clock times are documented, breaks and other services excluded, the lower of stated and clock for the lines), the
lines the time-to-units rule of shared/spec/checks.md.
"""

from __future__ import annotations

import pytest

import assistant
from assistant.models import Report
from assistant.notes.times import parse_times

HEAD = (
    "Pt not present (at home with neighbor). Written consent by pt on file. Wife Rosa (unpaid) trained. "
    "POC goal 2: transfers with min A of family.\n"
)
TAIL = "Rosa return-demonstrated with 1 cue. Skilled: fall risk, hands-on correction.\n"
PT = "K. Lee, PT"
P1 = [("97550", 1)]
P1A1 = [("97550", 1), ("97551", 1)]
P1A2 = [("97550", 1), ("97551", 2)]


def _note(body: str, signed: str = PT) -> str:
    return "DOS 2025-03-04\n" + body + "\n" + HEAD + TAIL + signed


def _lines(report: Report) -> list[tuple[str, int]]:
    return sorted((ln.code, ln.units) for ln in report.billing.lines)


@pytest.mark.parametrize(
    ("body", "minutes", "lines"),
    [
        # split AM/PM sittings on one date add up to one primary plus add-ons
        ("AM session 9:00-9:25 AM: sit-to-stand.\nPM session 1:30-1:50 PM: car transfer.", 45, P1A1),
        ("Morning: 0905-0930 bed mobility.\nAfternoon: 1415-1440 toilet transfers.", 50, P1A1),
        ("Session 1: 9:00 AM - 9:20 AM\nSession 2: 1:00 PM - 1:18 PM", 38, P1A1),
        # other timed services the same day keep their own minutes
        ("10:00-10:30 97110 ther ex with pt.\n10:30-10:45 97530 gait with pt.\n11:00-11:32 CTS with wife.", 32, P1),
        ("92526 feeding therapy 13:00-13:40 with patient.\nCaregiver training 13:45-14:10 (pt back on unit).", 25, P1),
        ("| Service | Start | Stop |\n| 92526 | 13:00 | 13:40 |\n| CTS 97550 | 13:45 | 14:12 |", 27, P1),
        # breaks and interruptions
        ("CTS 2:00-2:50 pm; interrupted 2:20-2:28 pm by a call from the pharmacy (not counted).", 42, P1A1),
        ("CTS 9:00-9:50 minus 10 min for a fire drill = 40 min.", 40, P1A1),
        ("CTS 10:00-10:50, brk x 10 min", 40, P1A1),
        ("CTS 10:00-10:50; phone interruption ~10 min (not counted)", 40, P1A1),
        ("CTS 10:00-10:50. Rosa left to answer the door 10:20-10:32, not counted.", 38, P1A1),
        ("10:02 started with wife Rosa\n10:20 Rosa took a phone call, paused\n10:25 resumed\n10:45 done", 38, P1A1),
        # OCR'd digits and phone-typed shorthand
        ("CTS 1O:l5 - 1O:5O (3O min + 5)", 35, P1),
        ("cts 9a-9:40a w wife", 40, P1A1),
        ("cts w wife 30m, pt not home", 30, P1),
        ("session ~40 min", 40, P1A1),
        # a stated total that disagrees: the clock is reported, the lower sets the lines
        ("CTS 10:00-10:40 = 35 min", 40, P1),
        # an amended or struck range: the corrected one counts
        ("CTS 10:00-10:50 [corrected: 10:00-10:35, KL 3/5/25]", 35, P1),
        ("CTS ~~10:00-10:50~~ 10:00-10:35", 35, P1),
        ("CTS 10:00-10:50 (amended to 10:00-10:35 per late entry)", 35, P1),
        # a group where the other families did not come is one patient's session
        ("Caregiver group 10:00-11:00: caregivers of 3 pts due; 2 families no-showed, only Rosa came.", 60, P1A2),
    ],
)
def test_minutes_and_lines_hold_across_styles(body: str, minutes: int, lines: list[tuple[str, int]]) -> None:
    report = assistant.check_note(_note(body))
    assert report.time.total_minutes == minutes
    assert _lines(report) == lines


@pytest.mark.parametrize(
    ("export", "minutes"),
    [
        # HL7 v2 OBX timestamps (YYYYMMDDHHMM[SS]) under start/stop observation names, and a numeric minutes value
        ("OBX|1|TS|CTS START^Caregiver training start||20250304100500\n"
         "OBX|2|TS|CTS STOP^Caregiver training stop||20250304104200", 37),
        ("OBX|1|TS|START^CTS start||202503041005\nOBX|2|TS|STOP^CTS stop||202503041040", 35),
        ("OBX|1|DT|DOS||20250304\nOBX|2|NM|CTSMIN^Caregiver training minutes||41|min", 41),
        # a FHIR period: ISO date-times with the clock after the "T"
        ('{"performedPeriod":{"start":"2025-03-04T10:05:00-05:00","end":"2025-03-04T10:48:00-05:00"}}', 43),
        # an HTML narrative writes the range's dash as an entity, escaped once or twice
        ("section[2].text.div: <div>13:15 &#8211; 13:45, face-to-face.</div>", 30),
        ("&lt;p&gt;Time 14:00&amp;ndash;14:44.&lt;/p&gt;", 44),
    ],
)
def test_times_in_hl7_and_fhir_exports(export: str, minutes: int) -> None:
    report = assistant.check_note("MSH|^~\\&|EHR|CLINIC\n" + export + "\nNTE|1||" + HEAD + TAIL + PT)
    assert report.time.total_minutes == minutes


@pytest.mark.parametrize(
    "text",
    [
        "Acct 202503041005001234",  # a long number is no timestamp
        "amb 30m with rollator",  # metres
        "f/u in 6m",  # months
    ],
)
def test_numbers_that_are_not_times(text: str) -> None:
    parsed = parse_times(text)
    assert parsed.segments == [] and parsed.durations == []


def test_a_description_time_with_an_aside_is_not_session_time() -> None:
    body = (
        "Behavior plan taught:\n - trigger tracking log (ABC chart) -- noise, 4-6 pm shadows\n"
        " - calming routine at 3:30 pm\nTime: 10:06-10:40 (34 min)."
    )
    report = assistant.check_note(_note(body))
    assert report.time.total_minutes == 34
    assert report.check("total_time").status == "met"


def test_the_caregiver_who_returns_after_a_gap_is_not_the_patient_joining() -> None:
    body = (
        "Seg A 9:00-9:12 -- taught cue scripts.\n(Rosa out 9:12-11:30 -- not counted)\n"
        "Seg B 11:30-11:40 -- she returned; return demo of both scripts.\nCTS total 22 min (12 + 10)."
    )
    report = assistant.check_note(_note(body))
    assert report.time.total_minutes == 22
    assert report.time.patient_present == []
    assert _lines(report) == P1


def test_only_the_ranges_of_the_date_of_service_count_in_a_multi_date_entry() -> None:
    text = (
        "Combined entry for this week's two sessions.\n" + HEAD
        + "Tuesday 03/04/2025, 10:00-10:30: log roll and supine to sit.\n"
        + "Thursday 03/06/2025, 14:00-14:25: bed-to-commode transfer.\n" + TAIL + PT
    )
    thursday = assistant.check_note(text, dos="2025-03-06")
    assert thursday.time.total_minutes == 25 and _lines(thursday) == P1
    tuesday = assistant.check_note(text, dos="2025-03-04")
    assert tuesday.time.total_minutes == 30 and _lines(tuesday) == P1
    # one date on the range lines: nothing to keep apart
    single = assistant.check_note(_note("AM 9:00-9:20 sit-stand. PM 2:00-2:22 car transfer."), dos="2025-03-04")
    assert single.time.total_minutes == 42


@pytest.mark.parametrize(
    ("body", "profile", "minutes", "lines"),
    [
        ("CTS 10:00-10:37", "medicare", 37, P1),
        ("CTS 10:00-10:38", "medicare", 38, P1A1),
        ("CTS 10:00-10:53", "medicare", 53, P1A2),
        ("CTS 10:00-10:28", "strict", 28, []),
        ("CTS 10:00-10:44", "strict", 44, P1),
        ("CTS 10:00-10:45", "strict", 45, P1A1),
        ("CTS 10:00-11:00", "strict", 60, P1A2),
    ],
)
def test_units_follow_the_profile(body: str, profile: str, minutes: int, lines: list[tuple[str, int]]) -> None:
    report = assistant.check_note(_note(body), profile=profile)
    assert report.time.total_minutes == minutes
    assert _lines(report) == lines


@pytest.mark.parametrize(
    ("dos", "code"),
    [("2025-03-04", "G0541"), ("2024-10-04", "97550")],  # direct care from 2025-01-01 only
)
def test_direct_care_family_by_content_and_date(dos: str, code: str) -> None:
    body = "CTS 10:00-10:30: wound care training, dressing change, sacral pressure-injury prevention."
    report = assistant.check_note(_note(body).replace("DOS 2025-03-04", "DOS " + dos))
    assert _lines(report) == [(code, 1)]


GO_LINES = [{"code": "97550", "units": 1, "modifiers": ["GO"]}, {"code": "97551", "units": 1, "modifiers": ["GO"]}]
TWO_DISCIPLINES = "A. Ray, PT; B. Cho, OTR/L"


@pytest.mark.parametrize(
    ("body", "billed", "modifier", "therapy_modifier"),
    [
        # co-treatment: one discipline bills the shared minutes, the one the note names or the claim's modifier shows
        ("Co-treatment PT/OT 10:00-10:40. PT billing the shared time; OT not billing.", None, "GP", "not_applicable"),
        ("Co-treat PT/OT caregiver training 10:00-10:40; billed by OT.", None, "GO", "not_applicable"),
        ("Co-treat caregiver training 10:00-10:40 with OT.", GO_LINES, "GO", "met"),
        # a joint or co-led session said in other words is a co-treatment too
        ("JOINT OT/PT CAREGIVER TRAINING 10:00-10:40. Billing: OT only.", GO_LINES, "GO", "met"),
        ("Caregiver training co-led by OT and PT, 10:00-10:40.", GO_LINES, "GO", "met"),
        # a discipline billing another service's code does not bill the caregiver training
        ("9:00-9:45 PT/OT co-treatment with pt; PT billed 97530 x1 GP. CTS 10:00-10:40 by OT.", GO_LINES, "GO",
         "met"),
        # no co-treatment said: a GO claim on a note signed by a PT and an OT is still judged on the first discipline
        ("Caregiver training 10:00-10:40.", GO_LINES, "GP", "problem"),
    ],
)
def test_a_co_treated_session_is_billed_by_one_discipline(
    body: str, billed: list[dict[str, object]] | None, modifier: str, therapy_modifier: str
) -> None:
    report = assistant.check_note(_note(body, signed=TWO_DISCIPLINES), billed=billed)
    assert {mod for ln in report.billing.lines for mod in ln.modifiers} == {modifier}
    assert _lines(report) == P1A1
    assert report.check("therapy_modifier").status == therapy_modifier


@pytest.mark.parametrize(
    ("body", "minutes"),
    [
        # a struck or erroneous time and the one written in its place
        ("CTS 10:00-~~10:50~~ 10:35", 35),
        ("Start 10:00 Stop ~~10:50~~ 10:35", 35),
        ("Start time: 10:00 Stop time: 10:50 (error, KL) 10:35", 35),
        ("CTS 10:00-10:50 -> corrected 10:00-10:35 (late entry 3/5)", 35),
        # minutes of an interruption said after or before their figure, or as a range inside the session
        ("CTS 10:00-10:45 (neighbor called, 5 min off)", 40),
        ("CTS 10:00-10:45, 5 min lost to a phone call", 40),
        ("CTS 10:00-10:45; Rosa stepped out 5 min", 40),
        ("CTS 10:00-10:45 (10:20-10:27 on hold w/ pharmacy)", 38),
        ("CTS 10:00-10:45, 10:20-10:25 interruption (doorbell)", 40),
    ],
)
def test_amended_times_and_interruptions(body: str, minutes: int) -> None:
    assert assistant.check_note(_note(body)).time.total_minutes == minutes


def test_a_time_next_to_an_error_word_that_is_not_a_correction_stays() -> None:
    # "no errors" is the caregiver's performance, not a mark on the clock time before it
    report = assistant.check_note(_note("CTS 10:00-10:40, demo with no errors 10:20 onward"))
    assert report.time.total_minutes == 40


@pytest.mark.parametrize(
    ("body", "minutes"),
    [
        ("CTS 9.00-9.40", 40),  # a dot between hour and minutes (handwritten, British)
        ("CTS 14h05-14h41", 36),  # an "h" between them (European)
        ("cts 10-10:40", 40),  # a bare hour at one end
        ("CTS 9:30-10", 30),
        ("CTS 11:45-12", 15),
    ],
)
def test_loose_handwritten_ranges_after_a_session_word(body: str, minutes: int) -> None:
    assert assistant.check_note(_note(body)).time.total_minutes == minutes


@pytest.mark.parametrize(
    "text",
    ["sit to stand 10-12 reps", "CTS: weight 2.5-3.0 kg", "session 9:30-10 reps", "training $9.00-9.50",
     "time 1.5-2.0 hrs", "pain 3-4/10", "Dx 7.25-7.50"],
)
def test_figures_that_look_like_loose_ranges(text: str) -> None:
    assert parse_times(text).segments == []
