"""Property tests for the pure time and billing functions, and for evidence grounding.

Signatures relied on (assistant/billing.py and assistant/notes/times.py):

    supported_lines_for_minutes(minutes: int, *, rule: str = "midpoint", codes=("97550", "97551"))
        -> list[tuple[str, int]]
    parse_times(text: str) -> TimeParse   # .segments[i].start_minute/.end_minute/.minutes/.span,
                                          # .stated_total
    assistant.check_note(text, ...) -> Report   # every evidence span slices back to its quote

The strict payer rule is named "full_time", as in `Billing.rule` ("midpoint" or "full_time").
Imports are inside the tests so that a function still being written fails its own tests only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MIDPOINT = "midpoint"
STRICT = "full_time"
FAMILIES = {"cts": ("97550", "97551"), "direct_care": ("G0541", "G0542")}
MINUTES = st.integers(min_value=0, max_value=600)


# --- billing: time to units -------------------------------------------------------------------


def _expected_midpoint(t: int, primary: str, addon: str) -> list[tuple[str, int]]:
    if t < 16:
        return []
    if t <= 37:
        return [(primary, 1)]
    return [(primary, 1), (addon, (t - 23) // 15)]


def _expected_strict(t: int, primary: str, addon: str) -> list[tuple[str, int]]:
    if t < 30:
        return []
    if t < 45:
        return [(primary, 1)]
    return [(primary, 1), (addon, (t - 30) // 15)]


def _units(lines: list[tuple[str, int]]) -> int:
    return sum(units for _, units in lines)


@given(MINUTES, st.sampled_from(sorted(FAMILIES)))
@settings(deadline=None)
def test_midpoint_rule_table(t: int, family: str) -> None:
    from assistant.billing import supported_lines_for_minutes

    primary, addon = FAMILIES[family]
    lines = supported_lines_for_minutes(t, rule=MIDPOINT, codes=FAMILIES[family])
    assert [tuple(line) for line in lines] == _expected_midpoint(t, primary, addon)


def test_midpoint_is_the_default_rule_and_cts_the_default_family() -> None:
    from assistant.billing import supported_lines_for_minutes

    for t in range(0, 601):
        assert [tuple(x) for x in supported_lines_for_minutes(t)] == _expected_midpoint(t, "97550", "97551")


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (0, []),
        (15, []),
        (16, [("97550", 1)]),
        (37, [("97550", 1)]),
        (38, [("97550", 1), ("97551", 1)]),
        (52, [("97550", 1), ("97551", 1)]),
        (53, [("97550", 1), ("97551", 2)]),
        (112, [("97550", 1), ("97551", 5)]),
    ],
)
def test_midpoint_boundaries(t: int, expected: list[tuple[str, int]]) -> None:
    from assistant.billing import supported_lines_for_minutes

    assert [tuple(x) for x in supported_lines_for_minutes(t)] == expected


@given(MINUTES, st.sampled_from(sorted(FAMILIES)))
@settings(deadline=None)
def test_strict_rule_table(t: int, family: str) -> None:
    from assistant.billing import supported_lines_for_minutes

    primary, addon = FAMILIES[family]
    lines = supported_lines_for_minutes(t, rule=STRICT, codes=FAMILIES[family])
    assert [tuple(line) for line in lines] == _expected_strict(t, primary, addon)


@given(st.integers(min_value=0, max_value=599), st.sampled_from([MIDPOINT, STRICT]), st.sampled_from(sorted(FAMILIES)))
@settings(deadline=None)
def test_units_never_decrease_with_more_minutes(t: int, rule: str, family: str) -> None:
    from assistant.billing import supported_lines_for_minutes

    now = _units(supported_lines_for_minutes(t, rule=rule, codes=FAMILIES[family]))
    later = _units(supported_lines_for_minutes(t + 1, rule=rule, codes=FAMILIES[family]))
    assert later >= now


@given(MINUTES, st.sampled_from([MIDPOINT, STRICT]))
@settings(deadline=None)
def test_direct_care_family_mirrors_cts_counts(t: int, rule: str) -> None:
    from assistant.billing import supported_lines_for_minutes

    cts = supported_lines_for_minutes(t, rule=rule, codes=FAMILIES["cts"])
    direct = supported_lines_for_minutes(t, rule=rule, codes=FAMILIES["direct_care"])
    rename = {"97550": "G0541", "97551": "G0542"}
    assert [(rename[code], units) for code, units in cts] == [tuple(x) for x in direct]


@given(MINUTES, st.sampled_from([MIDPOINT, STRICT]), st.sampled_from(sorted(FAMILIES)))
@settings(deadline=None)
def test_strict_never_supports_more_than_midpoint_and_no_zero_lines(t: int, rule: str, family: str) -> None:
    from assistant.billing import supported_lines_for_minutes

    lines = supported_lines_for_minutes(t, rule=rule, codes=FAMILIES[family])
    assert all(units >= 1 for _, units in lines), "a line with 0 units is omitted"
    assert _units(supported_lines_for_minutes(t, rule=STRICT, codes=FAMILIES[family])) <= _units(
        supported_lines_for_minutes(t, rule=MIDPOINT, codes=FAMILIES[family])
    )


# --- times: clock segments and stated totals -----------------------------------------------------

FILLER = (
    "Wife practiced stand-pivot transfers with the gait belt.",
    "Pt not present for the session.",
    "Caregiver asked good questions about the walker.",
    "Daughter was shown how to lock the wheelchair brakes.",
    "Son demonstrated the log roll with verbal cues.",
    "Husband reviewed thickened liquid preparation.",
    "Neighbor Tom Reyes attended.",
    "Safety at home was the focus.",
)
FORMATS = ("ampm_range", "military", "from_to", "start_stop", "en_dash")
# Inside 07:00-18:59, so a military "HHMM-HHMM" pair never reads as a pair of years (1900-2099).
DAY_START, DAY_END = 7 * 60, 19 * 60 - 1


def _h12(minute: int, *, space: bool, upper: bool) -> str:
    h, m = divmod(minute, 60)
    ap = "AM" if h < 12 else "PM"
    if not upper:
        ap = ap.lower()
    return f"{h % 12 or 12}:{m:02d}{' ' if space else ''}{ap}"


def _h24(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class Rendered:
    text: str
    start_token: str
    end_token: str


def _render(fmt: str, start: int, end: int) -> Rendered:
    if fmt == "ampm_range":
        a, b = _h12(start, space=True, upper=True), _h12(end, space=True, upper=True)
        return Rendered(f"{a} - {b}", a.split()[0], b.split()[0])
    if fmt == "military":
        a, b = _h24(start).replace(":", ""), _h24(end).replace(":", "")
        return Rendered(f"{a}-{b}", a, b)
    if fmt == "from_to":
        a, b = _h12(start, space=False, upper=False), _h12(end, space=False, upper=False)
        return Rendered(f"from {a} to {b}", a[:-2], b[:-2])
    if fmt == "start_stop":
        a, b = _h24(start), _h24(end)
        return Rendered(f"Start {a} / Stop {b}", a, b)
    a, b = _h24(start), _h24(end)
    return Rendered(f"{a}\u2013{b}", a, b)


# (note text, generated (start, end) minutes, (offset, end offset, rendering) of each time in the text)
SegmentNote = tuple[str, list[tuple[int, int]], list[tuple[int, int, Rendered]]]


@st.composite
def segment_notes(draw: st.DrawFn) -> SegmentNote:
    """1-4 non-overlapping segments, rendered in random order and formats between filler sentences."""
    n = draw(st.integers(min_value=1, max_value=4))
    cursor = DAY_START
    segments: list[tuple[int, int]] = []
    for _ in range(n):
        gap = draw(st.integers(min_value=5, max_value=60))
        length = draw(st.integers(min_value=1, max_value=90))
        start = cursor + gap
        end = start + length
        if end > DAY_END:
            break
        segments.append((start, end))
        cursor = end
    if not segments:
        segments.append((DAY_START + 30, DAY_START + 62))
    order = draw(st.permutations(segments))
    parts: list[str] = []
    placed: list[tuple[int, int, Rendered]] = []
    offset = 0

    def add(piece: str) -> None:
        nonlocal offset
        parts.append(piece)
        offset += len(piece)

    for start, end in order:
        for sentence in draw(st.lists(st.sampled_from(FILLER), max_size=2)):
            add(sentence + " ")
        rendered = _render(draw(st.sampled_from(FORMATS)), start, end)
        add("CTS ")
        placed.append((offset, offset + len(rendered.text), rendered))
        add(rendered.text)
        add(". ")
    for sentence in draw(st.lists(st.sampled_from(FILLER), max_size=2)):
        add(sentence + " ")
    return "".join(parts), segments, placed


@pytest.mark.slow
@given(segment_notes())
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parsed_segments_match_generated(case: SegmentNote) -> None:
    from assistant.notes.times import parse_times

    text, segments, _ = case
    parsed = parse_times(text)
    assert sorted((s.start_minute, s.end_minute) for s in parsed.segments) == sorted(segments), text
    assert sum(s.minutes for s in parsed.segments) == sum(e - s for s, e in segments), text
    for seg in parsed.segments:
        assert seg.minutes == seg.end_minute - seg.start_minute


@pytest.mark.slow
@given(segment_notes(), st.randoms(use_true_random=False))
@settings(deadline=None)
def test_segment_total_is_order_independent(case: SegmentNote, rnd: random.Random) -> None:
    from assistant.notes.times import parse_times

    text, _, placed = case
    pieces = [text[a:b] for a, b, _ in placed]
    rnd.shuffle(pieces)
    shuffled = " ".join(f"CTS {p}." for p in pieces)
    assert sum(s.minutes for s in parse_times(shuffled).segments) == sum(s.minutes for s in parse_times(text).segments)


@pytest.mark.slow
@given(segment_notes())
@settings(deadline=None)
def test_segment_spans_slice_back_to_the_time_text(case: SegmentNote) -> None:
    from assistant.notes.times import parse_times

    text, _, placed = case
    for seg in parse_times(text).segments:
        start, end = seg.span
        owner = [r for a, b, r in placed if a <= start and end <= b]
        assert owner, f"span {seg.span} {text[start:end]!r} is not inside a rendered time: {text!r}"
        quote = text[start:end]
        assert owner[0].start_token in quote and owner[0].end_token in quote, (quote, owner[0])


TOTAL_TEMPLATES = (
    "Total: {n} min.",
    "Total time {n} minutes.",
    "Total face-to-face CTS time: {n} min.",
    "CTS time {n} minutes.",
    "Caregiver trained for {n} min.",
)


@given(
    st.integers(min_value=0, max_value=600),
    st.sampled_from(TOTAL_TEMPLATES),
    st.lists(st.sampled_from(FILLER), max_size=3),
)
@settings(deadline=None)
def test_stated_total_parses(n: int, template: str, filler: list[str]) -> None:
    from assistant.notes.times import parse_times

    text = " ".join([*filler, template.format(n=n), *filler])
    assert parse_times(text).stated_total == n, text


NOISE = (
    "10:15",
    "1047",
    "-",
    " - ",
    "to",
    "from",
    "Start",
    "Stop",
    "Time in",
    "out",
    "am",
    "PM",
    "min",
    "minutes",
    "total",
    "hr",
    "x2",
    "97550",
    "12/31/2025",
    "\n",
    "\r\n",
    "\t",
    " ",
    " ",
    " ",
    ":",
    "/",
    "–",
    "é",
    "🙂",
    "\u00a0",
    "thirty",
    "one",
    "9",
    "23:59",
    "00:00",
    "2024-01-01",
    "q2h",
    "daily",
)


@pytest.mark.slow
@given(st.integers(min_value=0, max_value=2**32 - 1))
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_times_handles_200kb_random_text(seed: int) -> None:
    from assistant.notes.times import parse_times

    rnd = random.Random(seed)  # a seed, not st.randoms(): 200 KB of draws would swamp Hypothesis
    chunks: list[str] = []
    size = 0
    while size < 200_000:
        piece = (
            rnd.choice(NOISE)
            if rnd.random() < 0.7
            else "".join(rnd.choice("0123456789:-apm ") for _ in range(rnd.randint(1, 12)))
        )
        chunks.append(piece)
        size += len(piece)
    text = "".join(chunks)
    parsed = parse_times(text)
    for seg in parsed.segments:
        start, end = seg.span
        assert 0 <= start < end <= len(text)


# --- grounding: every evidence span of check_note slices back ------------------------------------

NOTE_PARTS = {
    "presence": (
        "Pt not present.",
        "Patient present and participated.",
        "without the patient present",
        "pt absent (at dialysis)",
    ),
    "caregiver": ("Caregiver: Grace Finch (wife).", "Trained home health aide.", "CG: son", "neighbor Tom Reyes"),
    "consent": (
        "Verbal consent obtained from pt.",
        "Written consent on file.",
        "Consent not obtained.",
        "Pt declined consent.",
    ),
    "need": ("Need: wife unsafe with transfers; supports POC goal #2.", "CG training needed 2/2 dysphagia."),
    "skills": (
        "Taught stand-pivot transfer with gait belt.",
        "Chin tuck and small sips.",
        "Gave handout.",
        "Discussed home safety.",
    ),
    "demo": ("Wife return-demonstrated x3 with min cues.", "No return demo today.", "Teach-back accurate."),
    "skill": (
        "Hands-on correction of hand placement.",
        "High fall risk; hip precautions.",
        "Verbal cueing and feedback.",
    ),
    "time": (
        "10:00-10:32",
        "Start 14:05 / Stop 14:41",
        "from 2:05pm to 2:41pm",
        "1015-1047",
        "Start 10:45, Stop 10:15",
        "10:00 AM - 10:45 AM",
    ),
    "total": ("Total 32 min.", "Total time: 30 minutes.", "12 min", "thirty-two minutes"),
    "billing": ("Billed: 97550 x1 GP.", "97550 x1, 97551 x2 GP", "97551 x1", "97552 x1 GN", "G0541 x1, G0542 x1 GP CQ"),
    "group": ("Group with caregivers of 3 different patients.", "wife and son of this pt"),
    "dx": ("Dx: G20.A1, Z91.81.", "Dx: G20", "ICD-10: R26.8, I69", "G35"),
    "telehealth": ("via video telehealth", "audio only (telephone)", "in person"),
    "other": ("97530 with pt 10:00-10:40.", "Pt also received 97110 today."),
    "provider": (
        "Jane Ortiz, PT, DPT",
        "Sam Lee, PTA",
        "Maria Chen, SLPA",
        "Rita Gomez, COTA/L",
        "Dana Cole, CCC-SLP",
        "Alan Reyes, MD",
    ),
}
SEPARATORS = (" ", "\n", "\r\n", "\t", "  ", " — ", " 🙂 ", "\u00a0", " é ", "; ")


@st.composite
def generated_notes(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 10, 31)))
    header = draw(
        st.sampled_from(
            (f"DOS: {day:%m/%d/%Y}", f"Date of service {day.isoformat()}", f"{day:%B} {day.day}, {day.year}", "")
        )
    )
    keys = draw(st.lists(st.sampled_from(sorted(NOTE_PARTS)), min_size=1, max_size=len(NOTE_PARTS), unique=True))
    keys = draw(st.permutations(keys))
    pieces = [header] + [draw(st.sampled_from(NOTE_PARTS[k])) for k in keys]
    out = ""
    for piece in pieces:
        out += piece + draw(st.sampled_from(SEPARATORS))
    return out if out.strip() else "Caregiver training note."


@pytest.mark.slow
@given(generated_notes())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_check_note_evidence_slices_back(text: str) -> None:
    import assistant

    report = assistant.check_note(text)
    for result in report.checks:
        for span in result.evidence:
            assert 0 <= span.start <= span.end <= len(text), (result.id, span)
            assert text[span.start : span.end] == span.quote, (result.id, span, text)
